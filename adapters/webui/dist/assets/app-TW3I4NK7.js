var C,ut,Pr,se,He,Pe,dt,Ce,pt,Ye,Ge,mt,be=Symbol.for("pv"),Te={},Ae=[],Tr=/^m(i|n|o|s|text|space)$/,je=Array.isArray,Ve=Ae.slice,ue=Object.assign;function le(e){e&&e.parentNode&&e.remove()}function ft(e,t,r){var o,n,s,a={},c=arguments.length;for(s in t)s=="key"?o=t[s]:s=="ref"&&typeof e!="function"?n=t[s]:a[s]=t[s];return c>2&&(a.children=c>3?Ve.call(arguments,2):r),ge(e,a,o,n,null)}function ge(e,t,r,o,n){var s={type:e,props:t,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:be,__v:n||++ut,__i:-1,__u:0};return!n&&C.vnode&&C.vnode(s),s}function Ie(e){return e.children}function xe(e,t){this.props=e,this.context=t,this.__g=0}function ne(e,t){if(t==null)return e.__&&ne(e.__,e.__i+1);for(var r;t<e.__k.length;t++)if((r=e.__k[t])&&r.__e)return r.__e;return typeof e.type!="function"||e.props.__P?null:ne(e)}function Ar(e){var t,r=e.__v,o=r.__e,n=[],s=[],a=e.__P;a&&((t=ue({constructor:be},r)).__v=r.__v+1,C.vnode&&C.vnode(t),Je(a,t,r,e.__n,a.namespaceURI,32&r.__u?[o]:null,n,o||ne(r),32&r.__u,s),t.__v=r.__v,t.__.__k[t.__i]=t,yt(n,t,s),r.__=r.__e=null,t.__e!=o&&_t(t))}function _t(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),_t(e)}function We(e){(8&e.__g||(e.__g|=8,se.push(e),Pe++))&&He==C.debounceRendering||((He=C.debounceRendering)||queueMicrotask)(ht)}function ht(){try{for(var e,t=1;se.length;)se.length>t&&se.sort(dt),e=se.shift(),t=se.length,8&e.__g&&Ar(e)}finally{(Pe=se.length)&&(He||queueMicrotask)(ht)}}function $t(e,t,r,o,n,s,a,c,d,m,l){var _,$,p,u,f,h,b=o.__k||Ae,g=t.length;for(d=Ir(r,t,b,d,g),_=0;_<g;_++)(p=r.__k[_])!=null&&($=~p.__i&&b[p.__i]||Te,p.__i=_,h=Je(e,p,$,n,s,a,c,d,m,l),u=p.__e,($.ref!=p.ref||8&$.__u)&&($.ref&&Ke($.ref,null,p,$),p.ref&&l.push(p.ref,p.__c||u,p)),f=f||u,4&p.__u?(d=gt(p,d,e,!$.__v),$.__e&&($.__e=null)):typeof p.type=="function"&&h!==void 0?d=h:u&&(d=u.nextSibling),p.__u&=-21);return r.__e=f,d}function Ir(e,t,r,o,n){var s,a,c,d,m,l,_,$,p,u=r.length,f=u,h=0,b=0,g=e.__k=Array(n);for(s=0;s<n;s++)(a=t[s])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=g[s]=ge(null,a):je(a)?a=g[s]=ge(Ie,{children:a}):a.constructor===be&&a.__b?a=g[s]=ge(a.type,a.props,a.key,a.ref,a.__v):g[s]=a,d=s+h,a.__=e,a.__b=e.__b+1,c=null,~(m=a.__i=Rr(a,r,d,f))&&(f--,(c=r[m])&&(c.__u|=2)),c&&c.__v?(a.__u|=16,m==d-1?h--:m==d+1?h++:m!=d&&(m>d?h--:h++,b=1)):(~m||(n>u?h--:n<u&&h++),typeof a.type!="function"&&(a.__u|=4))):g[s]=null;if(b){for(l=[],_=[],s=0;s<n;s++)if((a=g[s])&&16&a.__u){for(h=0,$=l.length;h<$;)l[p=h+$>>1]<a.__i?h=p+1:$=p;l[h]=a.__i,_[s]=h+1}for(h=l.length;s--;)_[s]&&(_[s]==h?h--:g[s].__u|=4)}if(f)for(s=0;s<u;s++)!(c=r[s])||2&c.__u||(c.__e==o&&(o=ne(c)),Qe(c,c));return o}function gt(e,t,r,o){var n,s,a,c;if(typeof e.type=="function"){if(e.props.__P)return t;if(n=e.__k)for(s=0;s<n.length;s++)n[s]&&(n[s].__=e,t=gt(n[s],t,r,!1));return t}for(t&&!t.parentNode&&(t=ne(e))&&!t.parentNode&&(t=null),a=e.__e,c=t;c&&c.nodeType==8;)c=c.nextSibling;for(a!=c&&(!o&&r.moveBefore&&a.parentNode?r.moveBefore(a,t):r.insertBefore(a,t||null)),t=a;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Rr(e,t,r,o){var n,s=e.key,a=e.type,c=t[r],d=c&&!(2&c.__u);if(c===null&&s==null||d&&s==c.key&&a==c.type)return r;if(o>(d?1:0)){for(n=r-1;n>=0;n--)if((c=t[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n;for(n=r+1;n<t.length;n++)if((c=t[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n}return-1}function lt(e,t,r){r==null&&(r=""),t[0]=="-"?e.setProperty(t,r):e[t]=r}function Se(e,t,r,o,n){var s,a;if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)r&&t in r||lt(e.style,t);if(r)for(t in r)o&&r[t]==o[t]||lt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")typeof r!="function"&&(r=null),typeof o!="function"&&(o=null),(e.__e||(e.__e={}))[t]=r,r&&o||(a=Ge[t]||(Ge[t]=Nr(t)),(e.__a||(e.__a={}))[t]=Ye,s=t!=(t=t.replace(pt,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),r?e.addEventListener(t,a,s):e.removeEventListener(t,a,s));else{if(n=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=r??"")}catch{}if(typeof r=="function")return;r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r)}}function Nr(e){return function(t){var r=this.__e;if(r){if(r=r[e],t[Ce]==null)t[Ce]=Ye++;else if(t[Ce]<this.__a[e])return;return r(C.event?C.event(t):t)}}}function Je(e,t,r,o,n,s,a,c,d,m){var l,_,$,p,u,f,h,b,g,v,k,x,ie,Y,J,ct,oe,ce,X=t.type;if(t.constructor!==be)return null;128&r.__u&&(d=32&r.__u,l=r.__c.__z)&&(t.__u|=d,_=s=[],l.nodeType==8?c=Ee(l,s):s.push(l),c=s[0]||c),(l=C.__b)&&l(t);e:if(typeof X=="function"){$=a.length;try{if(b=t.props,g=(l=X.prototype)&&l.render,v=(l=X.contextType)&&o[l.__c],k=l?v?v.props.value:l.__:o,(p=r.__c)?(t.__c=p,2&p.__g&&(p.__g|=1)):(g?t.__c=p=new X(b,k):(t.__c=p=new xe(b,k),p.constructor=X,p.render=Lr),v&&v.sub(p),p.state||(p.state={}),p.__n=o,p.__g|=8,p.__h=[],p.__k=[]),g&&(p.__s||(p.__s=p.state),X.getDerivedStateFromProps&&(p.__s==p.state&&(p.__s=ue({},p.__s)),ue(p.__s,X.getDerivedStateFromProps(b,p.__s)))),u=p.props,f=p.state,p.__v=t,r.__c){if(b!==u&&g&&!X.getDerivedStateFromProps&&p.componentWillReceiveProps&&p.componentWillReceiveProps(b,k),t.__v==r.__v&&!(8&p.__g)||!(4&p.__g)&&p.shouldComponentUpdate&&p.shouldComponentUpdate(b,p.__s,k)===!1){t.__v!=r.__v&&(p.props=b,p.state=p.__s,p.__g&=-9),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(F){F&&(F.__=t)}),Ae.push.apply(p.__h,p.__k),p.__k=[],p.__h.length&&a.push(p),c=ne(r);break e}p.componentWillUpdate&&p.componentWillUpdate(b,p.__s,k),g&&p.componentDidUpdate&&p.__h.push(function(){p.componentDidUpdate(u,f,h)})}else g&&!X.getDerivedStateFromProps&&p.componentWillMount&&p.componentWillMount(),g&&p.componentDidMount&&p.__h.push(p.componentDidMount);p.context=k,p.props=b,p.__P=e,p.__g&=-5,x=C.__r,ie=g?25:0;do p.__g&=-9,x&&x(t),l=p.render(p.props,p.state=p.__s,p.context);while(8&p.__g&&++ie<25);g&&(Ae.push.apply(p.__h,p.__k),p.__k=[]),p.state=p.__s,p.getChildContext&&(o=ue({},o,p.getChildContext())),g&&r.__c&&p.getSnapshotBeforeUpdate&&(h=p.getSnapshotBeforeUpdate(u,f)),Y=l&&l.type===Ie&&l.key==null?l.props.children:l,b.__P&&(l=c,n=(e=b.__P).namespaceURI,d=s=null,r.props&&r.props.__P!=e&&(r.__k.some(function(F){F&&Qe(F,F)}),r.__k=null),c=r.__k?ne(r,0):null),c=$t(e,je(Y)?Y:[Y],t,r,o,n,s,a,c,d,m),b.__P&&(t.__e=null,c=l),t.__u&=-161,_&&_.some(le),p.__h.length&&a.push(p),1&p.__g&&(p.__g&=-4)}catch(F){if(a.length=$,t.__v=null,d||s)if(F&&F.then){if(t.__u|=128|d,s){for(~(oe=s.indexOf(c||void 0))||(oe=s.length);(ce=s[oe-1])&&ce.nodeType==8;)oe--;for(;oe<s.length;oe++)if(ce=s[oe])if(s[oe]=null,J){if(ce==ct)break}else{if(ce.nodeType!=8)break;ce.data.startsWith("$s")&&(ct=Ee(J=ce))}}if(!J){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;J=c}(l=Ee(J=t.__c.__z||(t.__c.__z=J)))?(t.__e=J,c=l):t.__e=c,c=c&&c.nextSibling}else s&&s.some(le);else t.__e=r.__e;t.__k||(t.__k=r.__k||[]),F&&F.then||bt(t),C.__e(F,t,r)}}else c=t.__e=Or(r.__e,t,r,o,n,s,a,d,m,e);return(l=C.diffed)&&l(t),c}function Ee(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var r=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))r++;else if(e.data.startsWith("/$s")&&!--r)return e}t&&t.push(e)}}function bt(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(bt))}function yt(e,t,r){for(var o=0;o<r.length;)Ke(r[o++],r[o++],r[o++]);C.__c&&C.__c(t,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(s){s.call(n)})}catch(s){C.__e(s,n.__v)}})}function Or(e,t,r,o,n,s,a,c,d,m){var l,_,$,p,u,f,h,b,g=r.props||Te,v=t.props,k=t.type;if(k=="svg"?n="http://www.w3.org/2000/svg":k=="math"?n="http://www.w3.org/1998/Math/MathML":n||(n="http://www.w3.org/1999/xhtml"),s){for(l=0;l<s.length;l++)if((u=s[l])&&(k?u.localName==k:u.nodeType==3)){e=u,s[l]=null;break}}if(!e){if(b=m.ownerDocument||document,!k)return b.createTextNode(v);e=b.createElementNS(n,k,v.is?v:m),c&&(C.__m&&C.__m(t,s),c=!1),s=null}if(k){if(m=k=="template"&&e.content||e,s=k=="textarea"&&v.defaultValue!=null?null:s&&Ve.call(m.childNodes),!c&&s)for(g={},l=0;l<e.attributes.length;l++)g[(u=e.attributes[l]).name]=u.value;for(l in g)u=g[l],l=="dangerouslySetInnerHTML"?$=u:l=="children"||l in v||l=="value"&&"defaultValue"in v||l=="checked"&&"defaultChecked"in v||Se(e,l,null,u,n);for(l in v)u=v[l],l=="children"?p=u:l=="dangerouslySetInnerHTML"?_=u:l=="value"?f=u:l=="checked"?h=u:c&&typeof u!="function"||g[l]===u||Se(e,l,u,g[l],n);_?(c||$&&(_.__html==$.__html||_.__html==e.innerHTML)||(e.innerHTML=_.__html),t.__k=[]):($&&(e.textContent=""),(k=="foreignObject"||n=="http://www.w3.org/1998/Math/MathML"&&Tr.test(k))&&(n="http://www.w3.org/1999/xhtml"),$t(m,je(p)?p:[p],t,r,o,n,s,a,s?s[0]:r.__k&&ne(r,0),c,d),s&&s.some(le)),c&&k!="textarea"||(l="value",k=="progress"&&f==null?e.removeAttribute(l):f==null||f===e[l]&&(k!="progress"||f)||Se(e,l,f,g[l],n),l="checked",h!=null&&h!=e[l]&&Se(e,l,h,g[l],n))}else g===v||c&&e.data==v||(e.data=v);return e}function Ke(e,t,r,o){try{typeof e=="function"?t?t.__x=e(t)||1:o&&(o=o.__c||o.__e)&&(t=o.__x)&&(o.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(n){C.__e(n,r)}}function Qe(e,t,r){var o,n,s,a;if(C.unmount&&C.unmount(e),!(o=e.ref)||o.current&&o.current!=e.__e||Ke(o,null,t,e),o=e.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(c){C.__e(c,t)}o.__P=o.__n=null}if(o=e.__k)for(a=0;a<o.length;a++)o[a]&&Qe(o[a],t,typeof e.type!="function"||r&&!e.props.__P);!r&&(o=e.__c)&&(o=o.__z)&&(n=Ee(o,s=[]))&&(o==e.__e&&s.some(le),le(n),le(o)),r||le(e.__e),e.__e=e.__c=e.__=null}function Lr(e,t,r){return this.constructor(e,r)}function vt(e,t){var r,o,n,s;C.__&&C.__(e,t),t.nodeType==9&&(t=t.documentElement),o=(r=e&&32&e.__u)?null:t.__k,t.__k=ge(Ie,{children:[e]}),n=[],s=[],Je(t,t.__k,o||Te,Te,t.namespaceURI,o?null:t.firstChild?Ve.call(t.childNodes):null,n,o?o.__e:t.firstChild,r,s),yt(n,t.__k,s),t.__k.props.children=null}function kt(e){function t(r){var o,n;return this.getChildContext||(o=new Set,(n={})[t.__c]=this,this.getChildContext=function(){return n},this.shouldComponentUpdate=function(s){this.props.value!=s.value&&o.forEach(function(a){a.__g|=4,We(a)})},this.sub=function(s){o.add(s);var a=s.componentWillUnmount;s.componentWillUnmount=function(){o.delete(s),a&&a.call(s)}}),r.children}return t.__c="__cC"+mt++,t.__=e,t.Provider=(t.Consumer=function(r,o){return r.children(o)}).contextType=t,t}C={__e:function(e,t,r,o){for(var n,s,a;t=t.__;)if((n=t.__c)&&!(1&n.__g)){n.__g|=4;try{if((a=(s=n.constructor)&&s.getDerivedStateFromError)&&n.setState(s.getDerivedStateFromError(e)),n.componentDidCatch&&(n.componentDidCatch(e,o||{}),a=1),a&&8&n.__g)return void(n.__g|=2)}catch(c){e=c}}throw Pe=0,e}},ut=0,Pr=function(e){return e!=null&&e.constructor===be},xe.prototype.setState=function(e,t){var r=this.__s;r&&r!=this.state||(r=this.__s=ue({},this.state)),typeof e=="function"&&(e=e(ue({},r),this.props)),e&&(ue(r,e),this.__v&&(t&&this.__k.push(t),We(this)))},xe.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),We(this))},xe.prototype.render=Ie,se=[],Pe=0,dt=function(e,t){return e.__v.__b-t.__v.__b},Ce=Symbol(),pt=/(PointerCapture)$|Capture$/i,Ye=0,Ge={},mt=0;var fe,E,ze,wt,Xe=Object.is,Re=0,Rt=[],Ze=[],T=C,St=T.__b,Ct=T.__r,xt=T.diffed,Et=T.__c,Pt=T.unmount,Tt=T.__;function Ne(e,t){T.__h&&T.__h(E,e,Re||t),Re=0;var r=E.__H||(E.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function w(e){return Re=1,Mr(Lt,e)}function Mr(e,t,r){var o=Ne(fe++,2);if(o.t=e,!o.__c&&(o.__=[r?r(t):Lt(void 0,t),function(s){var a=(o.__N||o.__)[0],c=o.t(a,s);Xe(a,c)||(o.__N=[c,o.__[1]],o.__c.setState({}))}],o.__c=E,!E.__f)){E.__f=!0;var n=E.shouldComponentUpdate;E.shouldComponentUpdate=function(s,a,c){var d=this.__H;if(!d)return!0;var m=!1,l=this.props!=s;if(d.__.some(function($){$.__N&&(m=!0,Xe($.__[0],$.__N[0])||(l=!0))}),n){var _=n.call(this,s,a,c);return m?_||l:_}return!m||l}}return o.__}function A(e,t){var r=Ne(fe++,3);!T.__s&&Ot(r.__H,t)&&(r.__P=!0,r.__=e,r.u=t,E.__H.__h.push(r))}function O(e){return Re=5,qr(function(){return{current:e}},[])}function qr(e,t){var r=Ne(fe++,7);return Ot(r.__H,t)&&(r.__=e(),r.__H=t),r.__}function Nt(e){var t=E.context[e.__c],r=Ne(fe++,9);return r.c=e,t?(r.__==null&&(r.__=!0,t.sub(E)),t.props.value):e.__}function Dr(){var e;do{for(;e=Ze.shift();)try{ye(e)}catch(r){T.__e(r,{__:(e=e.__P)&&e.__v})}for(;e=Rt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ye),t.__h.some(et),t.__h=[]}catch(r){t.__h=[],T.__e(r,e.__v)}}}while(Ze.length)}T.__b=function(e){E=null,St&&St(e)},T.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Tt&&Tt(e,t)},T.__r=function(e){Ct&&Ct(e),fe=0;var t=(E=e.__c).__H;t&&(ze==E?E.__h=[]:(t.__h.some(ye),t.__h.some(et),fe=0),t.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})),ze=E},T.diffed=function(e){xt&&xt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&It(Rt.push(t)),t.__H.__.some(function(r){r.u&&(r.__H=r.u)})),ze=E=null},T.__c=function(e,t){t.some(function(r){try{r.__h.some(ye),r.__h=r.__h.filter(function(o){return!o.__||et(o)})}catch(o){r.__h=[function(){throw o}]}}),Et&&Et(e,t)},T.unmount=function(e){Pt&&Pt(e);var t,r,o=e.__c;o&&o.__H&&(o.__H.__.some(function(n){try{if(n.__P&&n.__c){if(r===void 0){for(r=e.__;r&&(!r.__c||!r.__c.__P);)r=r.__;r=r&&r.__c}n.__P=r,It(Ze.push(n))}else ye(n)}catch(s){t=s}}),o.__H=void 0,t&&T.__e(t,o.__v))};var At=typeof requestAnimationFrame=="function";function Ur(e){var t,r=function(){clearTimeout(o),At&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(r,35);At&&(t=requestAnimationFrame(r))}function It(e){e!=1&&wt==T.requestAnimationFrame||((wt=T.requestAnimationFrame)||Ur)(Dr)}function ye(e){var t=E,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),E=t}function et(e){var t=E;e.__c=e.__(),E=t}function Ot(e,t){return!e||e.length!=t.length||t.some(function(r,o){return!Xe(r,e[o])})}function Lt(e,t){return typeof t=="function"?t(e):t}var qt=function(e,t,r,o){var n;t[0]=0;for(var s=1;s<t.length;s++){var a=t[s++],c=t[s]?(t[0]|=a?1:2,r[t[s++]]):t[++s];a===3?o[0]=c:a===4?o[1]=Object.assign(o[1]||{},c):a===5?(o[1]=o[1]||{})[t[++s]]=c:a===6?o[1][t[++s]]+=c+"":a?(n=e.apply(c,qt(e,c,r,["",null])),o.push(n),c[0]?t[0]|=2:(t[s-2]=0,t[s]=n)):o.push(c)}return o},Mt=new Map;function Dt(e){var t=Mt.get(this);return t||(t=new Map,Mt.set(this,t)),(t=qt(this,t.get(e)||(t.set(e,t=(function(r){for(var o,n,s=1,a="",c="",d=[0],m=function($){s===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,$,a):s===3&&($||a)?(d.push(3,$,a),s=2):s===2&&a==="..."&&$?d.push(4,$,0):s===2&&a&&!$?d.push(5,0,!0,a):s>=5&&((a||!$&&s===5)&&(d.push(s,0,a,n),s=6),$&&(d.push(s,$,0,n),s=6)),a=""},l=0;l<r.length;l++){l&&(s===1&&m(),m(l));for(var _=0;_<r[l].length;_++)o=r[l][_],s===1?o==="<"?(m(),d=[d],s=3):a+=o:s===4?a==="--"&&o===">"?(s=1,a=""):a=o+a[0]:c?o===c?c="":a+=o:o==='"'||o==="'"?c=o:o===">"?(m(),s=1):s&&(o==="="?(s=5,n=a,a=""):o==="/"&&(s<5||r[l][_+1]===">")?(m(),s===3&&(d=d[0]),s=d,(d=d[0]).push(2,0,s),s=0):o===" "||o==="	"||o===`
`||o==="\r"?(m(),s=2):a+=o),s===3&&a==="!--"&&(s=4,d=d[0])}return m(),d})(e)),t),arguments,[])).length>1?t:t[0]}var i=Dt.bind(ft);function Z(e){let t=e,r=new Set;return{get:()=>t,set(o){if(o!==t){t=o;for(let n of r)n(t)}},subscribe(o){return r.add(o),()=>r.delete(o)}}}function N(e){let[,t]=w(0);return A(()=>e.subscribe(()=>t(r=>r+1)),[e]),e.get()}function Ut(e){return{path:e.pathname,query:new URLSearchParams(e.search),href:e.pathname+e.search}}var Br=e=>!/^\/(api|_[a-z]+)(\/|$)/.test(e)&&!/\.[a-z0-9]+$/i.test(e);function Bt(e){let t=Z(Ut(e.location)),r=()=>t.set(Ut(e.location));function o(n,{replace:s=!1}={}){let a=new URL(n,e.location.href);a.pathname+a.search===t.get().href&&!s||(e.history[s?"replaceState":"pushState"](null,"",a.pathname+a.search+a.hash),r())}return e.addEventListener("popstate",r),e.document.addEventListener("click",n=>{if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let s=n.target.closest?.("a[href]");if(!s||s.target||s.hasAttribute("download"))return;let a=new URL(s.href,e.location.href);a.origin!==e.location.origin||!Br(a.pathname)||a.pathname===e.location.pathname&&a.search===e.location.search&&a.hash||(n.preventDefault(),o(a.pathname+a.search))}),{store:t,navigate:o}}function Ft(e,t){let r=e.split("/"),o=t.replace(/\/+$/,"").split("/");if(e==="/")return t==="/"?{}:null;if(r.length!==o.length)return null;let n={};for(let s=0;s<r.length;s++)if(r[s].startsWith(":")){if(!o[s])return null;try{n[r[s].slice(1)]=decodeURIComponent(o[s])}catch{return null}}else if(r[s]!==o[s])return null;return n}function Ht(e){return typeof e=="string"&&e.startsWith("/")&&!e.startsWith("//")&&!e.startsWith("/\\")?e:"/"}var j=e=>`/login?next=${encodeURIComponent(e)}`;function ee(e,t){try{let r=e?.getItem(t);return r?JSON.parse(r):null}catch{return null}}function K(e,t,r){try{r==null?e?.removeItem(t):e?.setItem(t,JSON.stringify(r))}catch{}}function Oe(e,t,r){let o=n=>{(n.key===t||n.key===null)&&r()};return e.addEventListener("storage",o),()=>e.removeEventListener("storage",o)}var ve="bookshop.session.v1",Fr="admin";function Gt(e){try{let t=String(e).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),r=Uint8Array.from(atob(t.padEnd(t.length+(4-t.length%4)%4,"=")),o=>o.charCodeAt(0));return JSON.parse(new TextDecoder().decode(r))}catch{return null}}function tt(e){if(!e?.accessToken||!e?.refreshToken)return null;let t=Gt(e.accessToken);if(!t?.sub)return null;let r=Gt(e.idToken)||{},o=t["cognito:groups"]||[];return{tokens:e,userId:t.sub,email:r.email||"",isAdmin:Array.isArray(o)&&o.includes(Fr),expiresAt:(t.exp||0)*1e3}}function Wt(e){let t=e.localStorage,r=Z(tt(ee(t,ve)));return Oe(e,ve,()=>r.set(tt(ee(t,ve)))),{...r,signIn(o){let n=r.get()?.tokens,s={accessToken:o.accessToken,idToken:o.idToken||n?.idToken||"",refreshToken:o.refreshToken||n?.refreshToken||""};K(t,ve,s),r.set(tt(s))},signOut(){K(t,ve,null),r.set(null)}}}var Le="bookshop.cart.v1",Me="bookshop.checkout.v1",de=10,rt=25,_e=e=>Math.max(0,Math.min(de,e));function Yt(e){return Array.isArray(e)?e.filter(t=>t&&typeof t.bookId=="string"&&Number.isInteger(t.qty)&&t.qty>0).slice(0,rt).map(t=>({...t,qty:Math.min(t.qty,de)})):[]}function Hr(e){if(e.randomUUID)return e.randomUUID();let t=e.getRandomValues(new Uint8Array(16));t[6]=t[6]&15|64,t[8]=t[8]&63|128;let r=[...t].map(o=>o.toString(16).padStart(2,"0")).join("");return`${r.slice(0,8)}-${r.slice(8,12)}-${r.slice(12,16)}-${r.slice(16,20)}-${r.slice(20)}`}function jt(e){let t=e.localStorage,r=Z(Yt(ee(t,Le)?.items));Oe(e,Le,()=>r.set(Yt(ee(t,Le)?.items)));let o=s=>{K(t,Le,{items:s}),r.set(s)},n=s=>r.get().find(a=>a.bookId===s);return{...r,count:()=>r.get().reduce((s,a)=>s+a.qty,0),qtyOf:s=>n(s)?.qty||0,add(s,a){let c=_e(s.stock),d=n(s.id);if(!d&&r.get().length>=rt)throw new Error(`An order holds at most ${rt} different books.`);let m=Math.min(c,(d?.qty||0)+a);if(m<1)throw new Error("This book is out of stock.");let l={bookId:s.id,qty:m,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:c};return o(d?r.get().map(_=>_.bookId===s.id?l:_):[...r.get(),l]),m},setQty(s,a){let c=Math.max(1,Math.min(de,Math.trunc(a)||1));o(r.get().map(d=>d.bookId===s?{...d,qty:c}:d))},refresh(s){n(s.id)&&o(r.get().map(a=>a.bookId===s.id?{...a,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:_e(s.stock)}:a))},remove(s){o(r.get().filter(a=>a.bookId!==s))},checkoutAttempt(){let s=r.get().map(({bookId:d,qty:m})=>({bookId:d,qty:m})),a=ee(t,Me);if(a?.key&&JSON.stringify(a.items)===JSON.stringify(s))return a;let c={key:Hr(e.crypto),items:s};return K(t,Me,c),c},forgetAttempt(){K(t,Me,null)},checkedOut(){K(t,Me,null),o([])}}}var Gr="/api";var me=class extends Error{constructor(t,r={}){super(r.detail||r.title||`The request failed (${t}).`),this.name="ApiError",this.status=t,this.title=r.title||"",this.detail=r.detail||"",this.problem=r,this.fields={};for(let o of Array.isArray(r.errors)?r.errors:[])o&&o.field&&(this.fields[o.field]=o.message)}},Vt=()=>new me(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),ke=e=>e?.name==="AbortError",qe=e=>({"If-Match":`"${e}"`}),U=encodeURIComponent;function pe(e){let t=new URLSearchParams;for(let[o,n]of Object.entries(e))n!=null&&n!==""&&t.set(o,String(n));let r=t.toString();return r?`?${r}`:""}var Wr=new Set(["content-length","host","connection","accept-encoding","cookie"]);function Jt({session:e,device:t=()=>{},onUnauthorized:r,fetch:o=globalThis.fetch.bind(globalThis),XHR:n=globalThis.XMLHttpRequest,setTimeout:s=globalThis.setTimeout.bind(globalThis)}){let a=null;async function c(u,f,{body:h,headers:b={},token:g,signal:v}={}){let k={Accept:"application/json, application/problem+json",...b};h!==void 0&&(k["Content-Type"]="application/json"),g&&(k.Authorization=`Bearer ${g}`);let x;try{x=await o(Gr+f,{method:u,headers:k,body:h===void 0?void 0:JSON.stringify(h),signal:v})}catch(J){throw ke(J)?J:Vt()}let ie=await x.text().catch(()=>""),Y=null;if(ie)try{Y=JSON.parse(ie)}catch{Y=null}if(!x.ok)throw new me(x.status,Y&&typeof Y=="object"?Y:{});return{status:x.status,data:Y,headers:x.headers}}function d(){let u=e.get();return u?(a||(a=c("POST","/auth/refresh",{body:{refreshToken:u.tokens.refreshToken}}).then(({data:f})=>(e.signIn(f),e.get())).finally(()=>{a=null})),a):Promise.reject(new me(401,{title:"Not signed in"}))}async function m(){let u=e.get();if(!u)return null;if(u.expiresAt-Date.now()<6e4)try{u=await d()}catch(f){if(f.status===401||f.status===400)return l();throw f}return u.tokens.accessToken}function l(){throw e.signOut(),r?.(),new me(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function _(u,f,{auth:h="none",body:b,headers:g,signal:v}={}){let k;if(h==="required"&&(k=await m(),!k))return l();try{return(await c(u,f,{body:b,headers:g,token:k,signal:v})).data}catch(x){if(h==="required"&&x.status===401)return l();throw x}}let $=null;function p(){clearTimeout($);let u=e.get();if(!u)return;let f=Math.max(0,u.expiresAt-Date.now()-6e4);$=s(()=>{d().catch(h=>{(h.status===401||h.status===400)&&e.signOut()})},Math.min(f,2**31-1))}return e.subscribe(p),p(),{listBooks:({category:u,sort:f,limit:h,cursor:b}={},g)=>_("GET",`/books${pe({category:u,sort:f,limit:h,cursor:b})}`,{signal:g}),getBook:(u,f)=>_("GET",`/books/${U(u)}`,{signal:f}),search:({q:u,category:f,limit:h,cursor:b}={},g)=>_("GET",`/search${pe({q:u,category:f,limit:h,cursor:b})}`,{signal:g}),bestSellers:({category:u,period:f,limit:h}={},b)=>_("GET",`/bestsellers${pe({category:u,period:f,limit:h})}`,{signal:b}),alsoBought:(u,{limit:f}={},h)=>_("GET",`/books/${U(u)}/also-bought${pe({limit:f})}`,{signal:h}),createBook:u=>_("POST","/books",{auth:"required",body:u}),updateBook:(u,f,h)=>_("PUT",`/books/${U(u)}`,{auth:"required",body:h,headers:qe(f)}),deleteBook:(u,f)=>_("DELETE",`/books/${U(u)}`,{auth:"required",headers:qe(f)}),requestCoverUpload:(u,f,h)=>_("POST",`/books/${U(u)}/cover`,{auth:"required",body:{contentType:f,contentLength:h}}),uploadFile:(u,f,h)=>new Promise((b,g)=>{let v=new n;v.open(u.method||"PUT",u.uploadUrl);for(let[k,x]of Object.entries(u.headers||{}))Wr.has(k.toLowerCase())||v.setRequestHeader(k,x);v.upload.onprogress=k=>k.lengthComputable&&h?.(k.loaded/k.total),v.onload=()=>v.status>=200&&v.status<300?b():g(new me(v.status,{title:"Upload refused",detail:`The storage service refused the upload (${v.status}).`})),v.onerror=()=>g(Vt()),v.send(f)}),listReviews:(u,{cursor:f,limit:h}={},b)=>_("GET",`/books/${U(u)}/reviews${pe({cursor:f,limit:h})}`,{signal:b}),getMyReview:(u,f)=>_("GET",`/books/${U(u)}/reviews/mine`,{auth:"required",signal:f}).catch(h=>{if(h.status===404)return null;throw h}),addReview:(u,f)=>_("POST",`/books/${U(u)}/reviews`,{auth:"required",body:f}),editReview:(u,f,h)=>_("PUT",`/books/${U(u)}/reviews/mine`,{auth:"required",body:h,headers:qe(f)}),deleteReview:(u,f)=>_("DELETE",`/books/${U(u)}/reviews/mine`,{auth:"required",headers:qe(f)}),checkout:u=>_("POST","/orders",{auth:"required",body:{items:u.items},headers:{"Idempotency-Key":u.key}}),listMyOrders:({cursor:u,limit:f}={},h)=>_("GET",`/orders${pe({cursor:u,limit:f})}`,{auth:"required",signal:h}),getOrder:(u,f)=>_("GET",`/orders/${U(u)}`,{auth:"required",signal:f}),cancelOrder:u=>_("POST",`/orders/${U(u)}/cancel`,{auth:"required"}),listAllOrders:({status:u,cursor:f,limit:h}={},b)=>_("GET",`/admin/orders${pe({status:u,cursor:f,limit:h})}`,{auth:"required",signal:b}),setOrderStatus:(u,f)=>_("POST",`/admin/orders/${U(u)}/status`,{auth:"required",body:{status:f}}),register:(u,f,h)=>_("POST","/auth/register",{body:h?{email:u,password:f,name:h}:{email:u,password:f}}),confirm:(u,f)=>_("POST","/auth/confirm",{body:{email:u,code:f}}),resendCode:u=>_("POST","/auth/resend",{body:{email:u}}),login:async(u,f)=>e.signIn(await _("POST","/auth/login",{body:{email:u,password:f,device:t()}})),signOut:async()=>{let u=e.get()?.tokens?.refreshToken;e.signOut(),u&&await c("POST","/auth/logout",{body:{refreshToken:u}}).catch(()=>{})}}}var Kt="bookshop.device.v1",Yr=/^[A-Za-z0-9_-]{22}$/;function jr(e){let t=e.getRandomValues(new Uint8Array(16));return btoa(String.fromCharCode(...t)).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Qt(e){let t=null;return()=>{let r=ee(e.localStorage,Kt);return typeof r=="string"&&Yr.test(r)?t=r:(t||(t=jr(e.crypto)),K(e.localStorage,Kt,t),t)}}var ot=kt(null),y=()=>Nt(ot);var Vr=["/login","/register","/confirm"];function we({href:e,current:t,children:r,testid:o}){let n=e==="/"?t==="/"||t.startsWith("/books/"):t===e||t.startsWith(`${e}/`);return i`<a href=${e} aria-current=${n?"page":void 0} data-testid=${o}>${r}</a>`}function Jr({loc:e}){let{router:t}=y(),r=e.path==="/search"&&e.query.get("q")||"",[o,n]=w(r);return A(()=>n(r),[r]),i`<form class="site-search" role="search" onSubmit=${a=>{a.preventDefault();let c=o.trim();t.navigate(c?`/search?q=${encodeURIComponent(c)}`:"/search")}}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${o} onInput=${a=>n(a.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`}function zt(){let{router:e,session:t,cart:r,api:o,notify:n}=y(),s=N(e.store),a=N(t);N(r);let c=r.count(),d=()=>{o.signOut(),n("You are signed out."),e.navigate("/")};return i`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${we} href="/" current=${s.path}>Books<//>
        <${we} href="/bestsellers" current=${s.path} testid="nav-bestsellers">Best sellers<//>
        ${a&&i`<${we} href="/orders" current=${s.path} testid="nav-orders">My orders<//>`}
        ${a?.isAdmin&&i`<${we} href="/admin/books" current=${s.path} testid="nav-admin-books">Manage books<//>
          <${we} href="/admin/orders" current=${s.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${Jr} loc=${s} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${s.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${c}</span><span class="visually-hidden">${c===1?" item":" items"}</span>
        </a>
        ${a?i`<span class="account" data-testid="account">
              <span class="account__email" title=${a.email}>${a.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${d}>Sign out</button>
            </span>`:i`<a class="button button--quiet" href=${Vr.includes(s.path)?"/login":j(s.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function V(e,t){let[r,o]=w({status:"loading",data:void 0,error:null}),[n,s]=w(0),a=JSON.stringify(t),c=O(a);return A(()=>{let d=new AbortController,m=c.current===a;return c.current=a,o(l=>({status:"loading",data:m?l.data:void 0,error:null})),e(d.signal).then(l=>d.signal.aborted||o({status:"ready",data:l,error:null}),l=>d.signal.aborted||ke(l)||o({status:"error",data:void 0,error:l})),()=>d.abort()},[a,n]),{...r,reload:()=>s(d=>d+1),set:d=>o({status:"ready",data:d,error:null})}}function H(e,t){let[r,o]=w({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[n,s]=w(0),a=O(null),c=JSON.stringify(t);A(()=>{let m=new AbortController;return a.current=m,o({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),e(void 0,m.signal).then(l=>m.signal.aborted||o({status:"ready",items:l.items||[],cursor:l.nextCursor,error:null,moreStatus:"idle"}),l=>m.signal.aborted||ke(l)||o(_=>({..._,status:"error",error:l}))),()=>m.abort()},[c,n]);let d=()=>{let m=a.current;return o(l=>({...l,moreStatus:"loading",moreError:null})),e(r.cursor,m.signal).then(l=>{if(m.signal.aborted)return 0;let _=l.items||[];return o($=>({...$,items:[...$.items,..._],cursor:l.nextCursor,moreStatus:"idle"})),_.length},l=>(!m.signal.aborted&&!ke(l)&&o(_=>({..._,moreStatus:"error",moreError:l})),0))};return{...r,more:!!r.cursor,loadMore:d,reload:()=>s(m=>m+1),update:m=>o(l=>({...l,items:m(l.items)}))}}var Xt=new Map;function Q(e,t="USD"){let r=Xt.get(t);if(!r){try{r=new Intl.NumberFormat(void 0,{style:"currency",currency:t})}catch{r=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}Xt.set(t,r)}return r.format(e/100)}var Kr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),Qr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),De=e=>e?Kr.format(new Date(e)):"",he=e=>e?Qr.format(new Date(e)):"",zr=5;function Zt(e){return e<=0?{kind:"out",label:"Out of stock"}:e<=zr?{kind:"low",label:`Only ${e} left`}:{kind:"in",label:"In stock"}}function te(e){let t=String(e||"").replace(/-/g," ").trim();return t?t[0].toUpperCase()+t.slice(1):""}var er=(e,t,r=t+"s")=>`${e} ${e===1?t:r}`,z=e=>String(e).slice(-8);function tr(e){let t=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(e);return t?Number(t[1])*100+Number((t[2]||"0").padEnd(2,"0")):null}var rr=e=>(e/100).toFixed(2);function S({title:e,children:t}){let{titleFocus:r}=y(),o=O(null);return A(()=>{document.title=e?`${e} · Bookshop`:"Bookshop"},[e]),A(()=>{let n=document.activeElement;r.afterNavigation&&(!n||n===document.body||n.tagName==="H1")&&o.current?.focus({preventScroll:!0})},[]),i`<h1 tabindex="-1" class="page-title" ref=${o}>${t||e}</h1>`}function I({label:e="Loading…"}){return i`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${e}</p>`}function R({error:e,retry:t,what:r="this page"}){return i`<div class="state state--error" role="alert">
    <p><strong>Could not load ${r}.</strong> ${e?.message||""}</p>
    ${t&&i`<button type="button" class="button" onClick=${t}>Try again</button>`}
  </div>`}function L({children:e}){return i`<div class="state state--empty">${e}</div>`}function M({kind:e="info",children:t,testid:r}){return i`<div class="alert alert--${e}" role=${e==="error"?"alert":"status"} data-testid=${r}>${t}</div>`}function P({id:e,label:t,hint:r,error:o,control:n}){let s=[r&&`${e}-hint`,o&&`${e}-error`].filter(Boolean).join(" ")||void 0;return i`<div class=${o?"field field--invalid":"field"}>
    <label for=${e}>${t}</label>
    ${n({id:e,name:e,"aria-describedby":s,"aria-invalid":o?"true":void 0})}
    ${r&&i`<p class="hint" id=${`${e}-hint`}>${r}</p>`}
    ${o&&i`<p class="field-error" id=${`${e}-error`}>${o}</p>`}
  </div>`}function q({error:e,shown:t=[]}){if(!e)return null;let r=Object.entries(e.fields||{}).filter(([o])=>!t.includes(o));return i`<div class="alert alert--error" role="alert">
    <p>${e.message}</p>
    ${r.length>0&&i`<ul>${r.map(([o,n])=>i`<li key=${o}>${o}: ${n}</li>`)}</ul>`}
  </div>`}var G=({cents:e,currency:t})=>i`<span class="price">${Q(e,t)}</span>`;function st({value:e,label:t}){let r=Math.round(e);return i`<span class="stars"><span aria-hidden="true">${"★".repeat(r)}${"☆".repeat(5-r)}</span><span class="visually-hidden">${t}</span></span>`}function Ue({rating:e}){let t=e?.count||0;if(!t)return i`<span class="rating rating--none">No reviews yet</span>`;let r=e.average.toFixed(1);return i`<span class="rating"><${st} value=${e.average} label=${`Rated ${r} out of 5`} /> <span>${r}</span>${" "}<span class="muted"
    >(${t} ${t===1?"review":"reviews"})</span></span>`}function Be({stock:e}){let t=Zt(e);return i`<span class=${`stock stock--${t.kind}`}>${t.label}</span>`}function Xr(e){let t=0;for(let r of String(e))t=t*31+r.charCodeAt(0)>>>0;return t%8}function D({book:e,eager:t=!1,size:r="thumb",timing:o}){let n=e.cover,[s,a]=w(!1),c=r==="large"?300:200,d=r==="large"?420:280,m="",l;return n&&!s&&(r==="large"?m=n.url||n.thumbnail2xUrl||n.thumbnailUrl||"":n.thumbnailUrl&&(m=n.thumbnailUrl,l=n.thumbnail2xUrl?`${n.thumbnailUrl} 1x, ${n.thumbnail2xUrl} 2x`:void 0)),m?i`<img class=${`cover cover--${r}`} src=${m} srcset=${l} width=${c} height=${d}
    alt=${r==="large"?`Cover of ${e.title}`:""} loading=${t?"eager":"lazy"} decoding="async" elementtiming=${o}
    onError=${()=>a(!0)} />`:i`<div class=${`cover cover--${r} cover--placeholder cover--hue-${Xr(e.id)}`} aria-hidden="true">
      <span class="cover__title">${e.title}</span><span class="cover__author">${e.author}</span>
    </div>`}function W({pager:e,label:t="Load more",testid:r="load-more"}){return!e.more&&e.moreStatus!=="error"?null:i`<div class="load-more">
    ${e.moreStatus==="error"&&i`<p class="field-error" role="alert">${e.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${r} disabled=${e.moreStatus==="loading"}
      aria-busy=${e.moreStatus==="loading"?"true":void 0} onClick=${e.loadMore}>
      ${e.moreStatus==="loading"?"Loading…":t}
    </button>
  </div>`}var Zr={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},$e=e=>Zr[e]||e,Fe=({status:e})=>i`<span class=${`badge badge--${String(e).toLowerCase()}`}>${$e(e)}</span>`;function ae(e){let[t,r]=w(e);return[t,n=>({value:t[n],onInput:s=>{let a=s.currentTarget.value;r(c=>({...c,[n]:a}))}}),r]}function B(e){let[t,r]=w(!1),[o,n]=w(null),s=O(!0);return A(()=>()=>s.current=!1,[]),{busy:t,error:o,submit:async c=>{c?.preventDefault?.(),r(!0),n(null);try{await e()}catch(d){s.current&&n(d)}finally{s.current&&r(!1)}},setError:n}}var eo=20,or=6;function sr({item:e,rank:t,eager:r}){let o=e.book;return i`<li class="ranked-book" data-testid="bestseller" data-book-id=${o.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(o.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${t}</span>
      <${D} book=${o} eager=${r} />
      <span class="ranked-book__title">${o.title}</span>
    </a>
    <span class="ranked-book__author">${o.author}</span>
    <span class="ranked-book__meta"><${G} cents=${o.priceCents} currency=${o.currency} /> · <span data-testid="bestseller-count">${e.count} sold</span></span>
  </li>`}function nr({query:e}){let{api:t,router:r}=y(),o=e.get("period")==="30d"?"30d":"all",n=e.get("category")||"",s=V(m=>t.bestSellers({period:o==="all"?void 0:o,category:n,limit:eo},m),[o,n]),a=m=>{let l=new URLSearchParams(e);m==="all"?l.delete("period"):l.set("period",m);let _=l.toString();r.navigate(_?`/bestsellers?${_}`:"/bestsellers")},c=n?`Best sellers in ${te(n)}`:"Best sellers",d=s.data?.items||[];return i`<section class="bestsellers" data-testid="bestsellers-page">
    <div class="page-head">
      <${S} title=${c} />
      <div class="filters">
        <div class="field field--inline">
          <label for="bestsellers-period">Period</label>
          <select id="bestsellers-period" data-testid="bestsellers-period" value=${o} onChange=${m=>a(m.currentTarget.value)}>
            <option value="all">All time</option>
            <option value="30d">Last 30 days</option>
          </select>
        </div>
      </div>
    </div>
    ${s.status==="loading"&&i`<${I} label="Loading best sellers…" />`}
    ${s.status==="error"&&i`<${R} error=${s.error} retry=${s.reload} what="the best sellers" />`}
    ${s.status==="ready"&&d.length===0&&i`<${L}><p data-testid="bestsellers-empty">No sales ${o==="30d"?"in the last 30 days":"yet"}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${d.length>0&&i`<ol class="ranked-books ranked-books--page" aria-label=${c}>
      ${d.map((m,l)=>i`<${sr} key=${m.book.id} item=${m} rank=${l+1} eager=${l<4} />`)}
    </ol>`}
  </section>`}function ar({category:e}){let{api:t}=y(),o=V(s=>t.bestSellers({category:e,limit:or},s),[e]).data?.items||[];if(o.length===0)return null;let n=e?`/bestsellers?category=${encodeURIComponent(e)}`:"/bestsellers";return i`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${n} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${o.map((s,a)=>i`<${sr} key=${s.book.id} item=${s} rank=${a+1} />`)}
    </ol>
  </section>`}function ir({bookId:e}){let{api:t}=y(),o=V(n=>t.alsoBought(e,{limit:or},n),[e]).data?.items||[];return o.length===0?null:i`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${o.map(n=>i`<li class="ranked-book" key=${n.book.id} data-testid="also-bought-book" data-book-id=${n.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(n.book.id)}`}>
            <${D} book=${n.book} />
            <span class="ranked-book__title">${n.book.title}</span>
          </a>
          <span class="ranked-book__author">${n.book.author}</span>
          <span class="ranked-book__meta"><${G} cents=${n.book.priceCents} currency=${n.book.currency} /></span>
        </li>`)}
    </ul>
  </section>`}var to=12,ro=4;function nt({book:e,eager:t}){return i`<li class="book-card" data-testid="book-card" data-book-id=${e.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(e.id)}`}>
      <${D} book=${e} eager=${t} timing="cover" />
      <h2 class="book-card__title">${e.title}</h2>
    </a>
    <p class="book-card__author">${e.author}</p>
    <p class="book-card__meta"><${G} cents=${e.priceCents} currency=${e.currency} /> <${Be} stock=${e.stock} /></p>
    <p class="book-card__rating"><${Ue} rating=${e.rating} /></p>
  </li>`}function cr({query:e}){let{api:t,router:r,categories:o}=y(),n=e.get("category")||"",s=e.get("sort")==="title"?"title":"newest",a=N(o),c=n&&!a.includes(n)?[...a,n].sort():a,d=O(null),m=H((p,u)=>t.listBooks({category:n,sort:s,limit:to,cursor:p},u).then(f=>(o.see(f.items||[]),f)),[n,s]),l=(p,u)=>{let f=new URLSearchParams(e);u?f.set(p,u):f.delete(p),f.delete("cursor");let h=f.toString();r.navigate(h?`/?${h}`:"/")},_=async()=>{let p=m.items.length;await m.loadMore()>0&&requestAnimationFrame(()=>d.current?.querySelectorAll(".book-card__link")[p]?.focus())},$=n?te(n):"All books";return i`<section class="catalog">
    <div class="page-head">
      <${S} title=${$} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${n} onChange=${p=>l("category",p.currentTarget.value)}>
            <option value="">All categories</option>
            ${c.map(p=>i`<option key=${p} value=${p}>${te(p)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${s} onChange=${p=>l("sort",p.currentTarget.value==="newest"?"":p.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${m.status==="ready"&&m.items.length>0&&i`<${ar} category=${n} />`}
    ${m.status==="loading"&&i`<${I} label="Loading books…" />`}
    ${m.status==="error"&&i`<${R} error=${m.error} retry=${m.reload} what="the books" />`}
    ${m.status==="ready"&&m.items.length===0&&i`<${L}><p>${n?`No books in ${$} yet.`:"The shop has no books yet."}</p>
      ${n&&i`<p><a href="/">Show all books</a></p>`}<//>`}
    ${m.items.length>0&&i`<ul class="book-grid" ref=${d} aria-label="Books">
      ${m.items.map((p,u)=>i`<${nt} key=${p.id} book=${p} eager=${u<ro} />`)}
    </ul>`}
    <${W} pager=${{...m,loadMore:_}} label="Load more books" />
  </section>`}var oo=12,lr=2,at=100;function ur({query:e}){let{api:t}=y(),r=(e.get("q")||"").trim(),o=r.length>=lr&&r.length<=at,n=O(null),s=H((d,m)=>o?t.search({q:r,limit:oo,cursor:d},m):Promise.resolve({items:[],nextCursor:null}),[r]),a=async()=>{let d=s.items.length;await s.loadMore()>0&&requestAnimationFrame(()=>n.current?.querySelectorAll(".book-card__link")[d]?.focus())},c=o?`Results for “${r}”`:"Search";return i`<section class="search" data-testid="search-page">
    <div class="page-head"><${S} title=${c} /></div>
    ${!o&&i`<${L}><p data-testid="search-hint">${r.length>at?`Search for at most ${at} characters.`:`Type at least ${lr} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${o&&s.status==="loading"&&i`<${I} label="Searching…" />`}
    ${o&&s.status==="error"&&i`<${R} error=${s.error} retry=${s.reload} what="the results" />`}
    ${o&&s.status==="ready"&&s.items.length===0&&!s.more&&i`<${L}><p data-testid="search-empty">No books match “${r}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${s.items.length>0&&i`<ul class="book-grid" ref=${n} aria-label="Search results" data-testid="search-results">
      ${s.items.map((d,m)=>i`<${nt} key=${d.id} book=${d} eager=${m<4} />`)}
    </ul>`}
    <${W} pager=${{...s,loadMore:a}} label="More results" testid="search-load-more" />
  </section>`}function re({what:e="page"}){return i`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${e[0].toUpperCase()}${e.slice(1)} not found`} />
    <p>We could not find this ${e}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var so=5,dr=2e3;function no({book:e}){let{cart:t,notify:r}=y();N(t);let o=t.qtyOf(e.id),n=_e(e.stock)-o,[s,a]=w(1),[c,d]=w("");return e.stock<=0?i`<p class="add-to-cart__note">This book is out of stock.</p>`:i`<form class="add-to-cart" onSubmit=${l=>{l.preventDefault();try{let _=Math.max(1,Math.min(n,s)),$=t.add(e,_);d(""),a(1),r(`Added ${_} × ${e.title} to your cart (${$} in cart).`)}catch(_){d(_.message)}}} aria-label="Add to cart">
    ${n>0?i`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${n} step="1" value=${s} data-testid="add-qty"
              onInput=${l=>a(Number.parseInt(l.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:i`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${o>0&&i`<p class="add-to-cart__note" data-testid="in-cart">${o} in your cart · <a href="/cart">View cart</a></p>`}
    ${c&&i`<p class="field-error" role="alert">${c}</p>`}
  </form>`}function pr({review:e}){return i`<li class="review" data-testid="review">
    <p class="review__head"><${st} value=${e.rating} label=${`${e.rating} out of 5 stars`} />
      <strong>${e.author||"A reader"}</strong> <span class="muted">${De(e.createdAt)}</span></p>
    ${e.text&&i`<p class="review__text">${e.text}</p>`}
  </li>`}function ao({bookId:e,mine:t,onSaved:r,onCancel:o}){let{api:n,notify:s}=y(),[a,c]=w(t?.rating||0),[d,m]=w(t?.text||""),[l,_]=w(!1),[$,p]=w(null),[u,f]=w(!1);return i`<form class="review-form" data-testid="review-form" onSubmit=${async b=>{if(b.preventDefault(),!a){p({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}_(!0),p(null);try{let g=t?await n.editReview(e,t.version,{rating:a,text:d}):await n.addReview(e,{rating:a,text:d});s(t?"Your review is updated.":"Thank you for your review."),r(g)}catch(g){(g.status===412||g.status===409)&&f(!0),p(g)}finally{_(!1)}}} noValidate>
    <fieldset class=${$?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(b=>i`<label key=${b}><input type="radio" name="rating" value=${b} checked=${a===b} data-testid=${`review-rating-${b}`}
            onChange=${()=>c(b)} /> ${b} ${b===1?"star":"stars"}</label>`)}
      </div>
      ${$?.fields?.rating&&i`<p class="field-error">${$.fields.rating}</p>`}
    </fieldset>
    <${P} id="review-text" label="Your review (optional)" hint=${`Up to ${dr} characters.`} error=${$?.fields?.text}
      control=${b=>i`<textarea ...${b} rows="4" maxlength=${dr} value=${d} data-testid="review-text"
        onInput=${g=>m(g.currentTarget.value)}></textarea>`} />
    <${q} error=${$} shown=${["rating","text"]} />
    ${u&&i`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${o}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${l} data-testid="review-submit">${t?"Save review":"Post review"}</button>
      ${t&&i`<button type="button" class="button" onClick=${o}>Cancel</button>`}
    </div>
  </form>`}function io(e,t,r){let{api:o}=y(),[n,s]=w(void 0),a=r.items.find(_=>_.userId===t),c=n===void 0&&!a&&(r.status==="error"||r.status==="ready"&&r.more),d=V(_=>c?o.getMyReview(e,_):Promise.resolve(null),[e,c]),l={reload:()=>{s(void 0),r.reload(),d.reload()},set:s,error:null};return n!==void 0?{...l,status:"ready",data:n}:a?{...l,status:"ready",data:a}:c?{...l,status:d.status,data:d.data,error:d.error}:r.status==="loading"?{...l,status:"loading",data:void 0}:{...l,status:"ready",data:null}}function co({bookId:e,userId:t,pager:r,onChange:o}){let{api:n,notify:s}=y(),a=io(e,t,r),[c,d]=w(!1),[m,l]=w(!1),{error:_,submit:$}=B(async()=>{await n.deleteReview(e,a.data.version),a.set(null),l(!1),s("Your review is deleted."),o()});if(a.status==="loading"&&a.data===void 0)return i`<${I} label="Loading your review…" />`;if(a.status==="error")return i`<${R} error=${a.error} retry=${a.reload} what="your review" />`;let p=u=>{a.set(u),d(!1),o()};return!a.data||c?i`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${a.data?"Edit your review":"Write a review"}</h3>
      <${ao} bookId=${e} mine=${a.data} onSaved=${p}
        onCancel=${()=>{d(!1),a.reload()}} />
    </section>`:i`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${pr} review=${a.data} /></ul>
    <${q} error=${_} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>d(!0)}>Edit</button>
      ${m?i`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${$}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>l(!1)}>Keep it</button></span>`:i`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>l(!0)}>Delete</button>`}
    </div>
  </section>`}function lo({book:e,onChange:t}){let{api:r,session:o,router:n}=y(),s=N(o),a=N(n.store),c=H((l,_)=>r.listReviews(e.id,{cursor:l,limit:so},_),[e.id]),d=()=>{c.reload(),t()},m=s?c.items.filter(l=>l.userId!==s.userId):c.items;return i`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s?i`<${co} bookId=${e.id} userId=${s.userId} pager=${c} onChange=${d} />`:i`<p><a href=${j(a.href)}>Sign in</a> to write a review.</p>`}
    ${c.status==="loading"&&i`<${I} label="Loading reviews…" />`}
    ${c.status==="error"&&i`<${R} error=${c.error} retry=${c.reload} what="the reviews" />`}
    ${c.status==="ready"&&m.length===0&&i`<${L}><p>${c.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${m.length>0&&i`<ul class="reviews" aria-label="Reviews by readers">${m.map(l=>i`<${pr} key=${l.userId} review=${l} />`)}</ul>`}
    <${W} pager=${c} label="More reviews" testid="reviews-load-more" />
  </section>`}function mr({params:e}){let{api:t}=y(),r=V(n=>t.getBook(e.id,n),[e.id]);if(r.status==="error"&&r.error.status===404)return i`<${re} what="book" />`;let o=r.data;return o?i`<article class="book" data-testid="book" data-book-id=${o.id}>
    <div class="book__cover"><${D} book=${o} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${o.title} />
      <p class="book__author">by ${o.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(o.category)}`}>${te(o.category)}</a></p>
      <p class="book__rating"><${Ue} rating=${o.rating} /></p>
      <p class="book__buy"><span class="book__price"><${G} cents=${o.priceCents} currency=${o.currency} /></span> <${Be} stock=${o.stock} /></p>
      <${no} book=${o} />
      ${o.description&&i`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${o.description}</p></div>`}
    </div>
    <div class="book__also"><${ir} bookId=${o.id} /></div>
    <div class="book__reviews"><${lo} book=${o} onChange=${r.reload} /></div>
    ${r.status==="error"&&i`<${M} kind="error">${r.error.message}<//>`}
  </article>`:i`<section>
      <${S} title=${r.status==="error"?"Book":"Loading book…"} />
      ${r.status==="error"?i`<${R} error=${r.error} retry=${r.reload} what="the book" />`:i`<${I} label="Loading book…" />`}
    </section>`}function uo(e){let{api:t,cart:r}=y(),[o,n]=w({}),[s,a]=w(!1),[c,d]=w(0),m=[...e].sort().join(",");return A(()=>{let l=new AbortController;return a(!1),Promise.allSettled(e.map(_=>t.getBook(_,l.signal))).then(_=>{if(l.signal.aborted)return;let $={};_.forEach((p,u)=>{p.status==="fulfilled"?($[e[u]]=p.value,r.refresh(p.value)):p.reason?.status===404?$[e[u]]="missing":a(!0)}),n($)}),()=>l.abort()},[m,c]),{books:o,failed:s,reload:()=>d(l=>l+1)}}function po({line:e,max:t}){let{cart:r,notify:o}=y(),n=`qty-${e.bookId}`,s=a=>{let c=Math.max(1,Math.min(t||de,a));c!==e.qty&&(r.setQty(e.bookId,c),o(`${e.title}: quantity ${c}.`))};return i`<div class="qty" role="group" aria-label=${`Quantity of ${e.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${e.title}`} disabled=${e.qty<=1}
      data-testid="qty-decrease" onClick=${()=>s(e.qty-1)}>−</button>
    <label class="visually-hidden" for=${n}>Quantity</label>
    <input id=${n} type="number" inputmode="numeric" min="1" max=${t||de} value=${e.qty} data-testid="qty-input"
      onChange=${a=>s(Number.parseInt(a.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${e.title}`} disabled=${e.qty>=(t||de)}
      data-testid="qty-increase" onClick=${()=>s(e.qty+1)}>+</button>
  </div>`}function fr(e,t){return t==="missing"?"This book is no longer available: remove it to check out.":t?t.stock<=0?"Out of stock: remove it to check out.":e.qty>t.stock?`Only ${t.stock} left: lower the quantity to check out.`:"":""}function mo({blocked:e,onShortStock:t}){let{api:r,cart:o,session:n,router:s,notify:a}=y(),c=N(n),[d,m]=w(!1),[l,_]=w(null),$=O(!1);if(!c)return i`<p class="checkout"><a class="button button--primary" href=${j("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let p=async()=>{if($.current)return;$.current=!0,m(!0),_(null);let u=o.checkoutAttempt();try{let f=await r.checkout(u);o.checkedOut(),a("Thank you! Your order is placed."),s.navigate(`/orders/${encodeURIComponent(f.id)}?placed=1`)}catch(f){f.status===409&&Array.isArray(f.problem.outOfStock)&&t(f.problem.outOfStock),f.status===422&&o.forgetAttempt(),_(f)}finally{$.current=!1,m(!1)}};return i`<div class="checkout">
    ${l&&!Array.isArray(l.problem?.outOfStock)&&i`<${M} kind="error" testid="checkout-error"><p>${l.message}</p>
      ${l.status===0&&i`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${d||e}
      aria-busy=${d?"true":void 0} onClick=${p}>${d?"Placing your order…":"Check out"}</button>
  </div>`}function _r(){let{cart:e,notify:t}=y(),r=N(e),{books:o,failed:n,reload:s}=uo(r.map(u=>u.bookId)),[a,c]=w({});if(r.length===0)return i`<section class="cart">
      <${S} title="Your cart" />
      <${L}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let d=u=>{e.remove(u.bookId),t(`Removed ${u.title} from your cart.`)},m=r.map(u=>{let f=o[u.bookId],h=f&&f!=="missing"?f:null,b=h?h.priceCents:u.priceCents,g=h?h.currency:u.currency,v=a[u.bookId]===u.qty;return{line:u,book:f,unit:b,currency:g,isShort:v,problem:fr(u,f)||(v?"Not enough in stock for this quantity.":"")}}),l={};for(let u of m)u.book!=="missing"&&(l[u.currency]=(l[u.currency]||0)+u.unit*u.line.qty);let _=m.some(u=>fr(u.line,u.book))||m.some(u=>u.book===void 0&&!n),$=m.filter(u=>u.isShort).map(u=>u.line.title),p=u=>{c(Object.fromEntries(r.filter(f=>u.includes(f.bookId)).map(f=>[f.bookId,f.qty]))),s()};return i`<section class="cart">
    <${S} title="Your cart" />
    ${$.length>0&&i`<${M} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${$.join(", ")}. Lower the quantity or remove ${$.length===1?"it":"them"}, then check out again.</p><//>`}
    ${n&&i`<${M} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${s}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${m.map(({line:u,book:f,unit:h,currency:b,problem:g})=>i`<li key=${u.bookId} class=${g?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${u.bookId}>
          <div class="cart-line__cover">${f&&f!=="missing"?i`<${D} book=${f} />`:i`<${D} book=${{id:u.bookId,title:u.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(u.bookId)}`}>${u.title}</a></h2>
            <p class="muted"><${G} cents=${h} currency=${b} /> each</p>
            ${g&&i`<p class="field-error" data-testid="line-problem">${g}</p>`}
            <div class="cart-line__controls">
              ${f!=="missing"&&i`<${po} line=${u} max=${f?_e(f.stock)||1:u.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${u.title} from your cart`}
                onClick=${()=>d(u)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${G} cents=${h*u.qty} currency=${b} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(l).map(([u,f])=>Q(f,u)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${mo} blocked=${_} onShortStock=${p} />
    </div>
  </section>`}var fo=10;function hr(){let{api:e}=y(),t=H((r,o)=>e.listMyOrders({cursor:r,limit:fo},o),[]);return i`<section class="orders">
    <${S} title="My orders" />
    ${t.status==="loading"&&i`<${I} label="Loading your orders…" />`}
    ${t.status==="error"&&i`<${R} error=${t.error} retry=${t.reload} what="your orders" />`}
    ${t.status==="ready"&&t.items.length===0&&i`<${L}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${t.items.length>0&&i`<ul class="order-list" aria-label="Orders">
      ${t.items.map(r=>i`<li key=${r.id} class="order-row" data-testid="order-row" data-order-id=${r.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(r.id)}`}>Order ${z(r.id)}</a>
          <span class="muted">${De(r.createdAt)}</span>
          <span>${er(r.items.reduce((o,n)=>o+n.qty,0),"book")}</span>
          <span class="price">${Q(r.totalCents,r.currency)}</span>
          <${Fe} status=${r.status} />
        </li>`)}
    </ul>`}
    <${W} pager=${t} label="More orders" />
  </section>`}function _o({order:e}){let t=r=>Q(r,e.currency);return i`<table class="order-table">
    <caption class="visually-hidden">Books in order ${z(e.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${e.items.map(r=>i`<tr key=${r.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(r.bookId)}`}>${r.title}</a></th>
          <td class="num">${t(r.unitPriceCents)}</td><td class="num">${r.qty}</td><td class="num">${t(r.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${t(e.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${e.shippingCents?t(e.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${t(e.totalCents)}</td></tr>
    </tfoot>
  </table>`}function $r({params:e,query:t}){let{api:r,notify:o}=y(),n=V(c=>r.getOrder(e.id,c),[e.id]),s=B(async()=>{try{n.set(await r.cancelOrder(e.id)),o("Your order is cancelled.")}catch(c){throw n.reload(),c}});if(n.status==="error"&&n.error.status===404)return i`<${re} what="order" />`;let a=n.data;return a?i`<section class="order" data-testid="order" data-order-id=${a.id} data-status=${a.status}>
    <${S} title=${`Order ${z(a.id)}`} />
    ${t.get("placed")&&i`<${M} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Fe} status=${a.status} /> <span class="muted">Placed ${he(a.createdAt)}</span></p>
    <${_o} order=${a} />
    <${q} error=${s.error} />
    ${a.status==="PENDING"&&i`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${s.busy} onClick=${s.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:i`<section>
      <${S} title="Order" />
      ${n.status==="error"?i`<${R} error=${n.error} retry=${n.reload} what="the order" />`:i`<${I} label="Loading the order…" />`}
    </section>`}function gr(){let{api:e,router:t,notify:r}=y(),[o,n]=ae({email:"",password:"",name:""}),{busy:s,error:a,submit:c}=B(async()=>{await e.register(o.email,o.password,o.name.trim()),r("Account created. Enter the confirmation code we sent you."),t.navigate(`/confirm?email=${encodeURIComponent(o.email)}`)});return i`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${c} data-testid="register-form">
      <${P} id="email" label="Email" error=${a?.fields?.email}
        control=${d=>i`<input ...${d} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${P} id="password" label="Password" hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit." error=${a?.fields?.password}
        control=${d=>i`<input ...${d} type="password" autocomplete="new-password" required minlength="8" ...${n("password")} />`} />
      <${P} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${a?.fields?.name}
        control=${d=>i`<input ...${d} type="text" autocomplete="nickname" maxlength="64" ...${n("name")} />`} />
      <${q} error=${a} shown=${["email","password","name"]} />
      ${a?.status===409&&i`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${s} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function br({query:e}){let{api:t,router:r,notify:o}=y(),[n,s]=ae({email:e.get("email")||"",code:""}),{busy:a,error:c,submit:d}=B(async()=>{await t.confirm(n.email,n.code.trim()),o("Your account is confirmed. Sign in."),r.navigate(`/login?confirmed=1&email=${encodeURIComponent(n.email)}`)}),m=B(async()=>{await t.resendCode(n.email),o("If this address has an account waiting for confirmation, a new code is on its way.")});return i`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${d} data-testid="confirm-form">
      <${P} id="email" label="Email" error=${c?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="email" required ...${s("email")} />`} />
      <${P} id="code" label="Confirmation code" error=${c?.fields?.code}
        control=${l=>i`<input ...${l} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${q} error=${c} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${a} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${m.busy||!n.email} onClick=${m.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${q} error=${m.error} shown=${[]} />
  </section>`}function yr({query:e}){let{api:t,router:r,notify:o}=y(),[n,s]=ae({email:e.get("email")||"",password:""}),a=Ht(e.get("next")),{busy:c,error:d,submit:m}=B(async()=>{await t.login(n.email,n.password),o("You are signed in."),r.navigate(a,{replace:!0})});return i`<section class="auth">
    <${S} title="Sign in" />
    ${e.get("confirmed")&&i`<${M} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${!e.get("confirmed")&&a!=="/"&&i`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${m} data-testid="login-form">
      <${P} id="email" label="Email" error=${d?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${P} id="password" label="Password" error=${d?.fields?.password}
        control=${l=>i`<input ...${l} type="password" autocomplete="current-password" required ...${s("password")} />`} />
      <${q} error=${d} shown=${["email","password"]} />
      ${d?.status===403&&i`<p><a href=${`/confirm?email=${encodeURIComponent(n.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${c} data-testid="login-submit">Sign in</button>
    </form>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}var ho=25;function vr(){let{api:e}=y(),t=H((r,o)=>e.listBooks({sort:"title",limit:ho,cursor:r},o),[]);return i`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${t.status==="loading"&&i`<${I} label="Loading books…" />`}
    ${t.status==="error"&&i`<${R} error=${t.error} retry=${t.reload} what="the books" />`}
    ${t.status==="ready"&&t.items.length===0&&i`<${L}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${t.items.length>0&&i`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${t.items.map(r=>i`<tr key=${r.id} data-testid="admin-book-row" data-book-id=${r.id}>
            <td class="admin-table__cover"><${D} book=${r} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(r.id)}`}>${r.title}</a><br /><span class="muted">${r.author}</span></th>
            <td>${te(r.category)}</td>
            <td class="num"><${G} cents=${r.priceCents} currency=${r.currency} /></td>
            <td class="num">${r.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${W} pager=${t} label="More books" />
  </section>`}var wr=["image/jpeg","image/png","image/webp"],$o=5*1024*1024,go=1e3,bo=30,yo={priceCents:"price"};function vo(e){return{title:e?.title||"",author:e?.author||"",category:e?.category||"",description:e?.description||"",price:e?rr(e.priceCents):"",currency:e?.currency||"USD",stock:e?String(e.stock):"0"}}function ko(e){let t={},r=tr(e.price);r===null&&(t.price="Enter a price such as 12.99.");let o=Number(e.stock);if((!/^\d+$/.test(e.stock.trim())||!Number.isSafeInteger(o))&&(t.stock="Enter a whole number of 0 or more."),Object.keys(t).length)return{fields:t};let n={title:e.title.trim(),author:e.author.trim(),category:e.category.trim(),description:e.description.trim(),priceCents:r,stock:o};return e.currency.trim()&&(n.currency=e.currency.trim().toUpperCase()),{details:n}}function kr({book:e,onSaved:t,onReload:r}){let{api:o}=y(),[n,s]=ae(vo(e)),[a,c]=w(!1),[d,m]=w(null),l=async p=>{p.preventDefault();let{details:u,fields:f}=ko(n);if(f){m({message:"Some fields need your attention.",fields:f});return}c(!0),m(null);try{t(e?await o.updateBook(e.id,e.version,u):await o.createBook(u))}catch(h){let b=Object.fromEntries(Object.entries(h.fields||{}).map(([g,v])=>[yo[g]||g,v]));m({message:h.message,status:h.status,fields:b})}finally{c(!1)}},_=d?.fields||{},$=(p,u={})=>f=>i`<input ...${f} ...${u} ...${s(p)} data-testid=${`book-${p}`} />`;return i`<form class="form form--wide" onSubmit=${l} data-testid="book-form" noValidate>
    <${P} id="book-title" label="Title" error=${_.title} control=${$("title",{required:!0,maxlength:200})} />
    <${P} id="book-author" label="Author" error=${_.author} control=${$("author",{required:!0,maxlength:120})} />
    <${P} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${_.category}
      control=${$("category",{required:!0})} />
    <${P} id="book-description" label="Description" error=${_.description}
      control=${p=>i`<textarea ...${p} rows="5" maxlength="4000" ...${s("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${P} id="book-price" label="Price" hint="For example 12.99" error=${_.price} control=${$("price",{inputmode:"decimal",required:!0})} />
      <${P} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${_.currency}
        control=${$("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${P} id="book-stock" label="Stock" error=${_.stock} control=${$("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${d?.status===412&&i`<${M} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${r}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${d?.status!==412&&i`<${q} error=${d} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${a} data-testid="book-save">${e?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function wo(e){return wr.includes(e.type)?e.size>$o?`The image is ${(e.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:e.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function So(e,t){let r=e.cover?.url||"",o=r;try{o=decodeURIComponent(r)}catch{}return!!e.cover?.thumbnailUrl&&(!t||r.includes(t)||o.includes(t))}function Co({book:e,onCover:t}){let{api:r,notify:o}=y(),[n,s]=w(null),[a,c]=w(""),[d,m]=w("idle"),[l,_]=w(0),[$,p]=w(""),u=O(!0),f=O(null);A(()=>()=>u.current=!1,[]),A(()=>()=>a&&URL.revokeObjectURL(a),[a]);let h=v=>{let k=v.currentTarget.files?.[0]||null;if(p(""),m("idle"),s(null),c(""),!k)return;let x=wo(k);if(x){p(x);return}s(k),c(URL.createObjectURL(k))},b=async()=>{p(""),_(0),m("uploading");try{let v=await r.requestCoverUpload(e.id,n.type,n.size);if(await r.uploadFile(v,n,k=>u.current&&_(k)),!u.current)return;m("processing");for(let k=0;k<bo&&u.current;k++){await new Promise(ie=>setTimeout(ie,go));let x=await r.getBook(e.id);if(So(x,v.key)){if(!u.current)return;t(x),m("done"),s(null),c(""),f.current&&(f.current.value=""),o("The new cover is ready.");return}}u.current&&m("slow")}catch(v){if(!u.current)return;m("idle"),p(v.message)}},g=d==="uploading"||d==="processing";return i`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${D} book=${e} /><figcaption>Current</figcaption></figure>
      ${a&&i`<figure><img class="cover cover--thumb" src=${a} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${P} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${$}
      control=${v=>i`<input ...${v} ref=${f} type="file" accept=${wr.join(",")} disabled=${g} data-testid="cover-file" onChange=${h} />`} />
    ${d==="uploading"&&i`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(l*100)} data-testid="cover-progress">${Math.round(l*100)}%</progress></p>`}
    ${d==="processing"&&i`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${d==="done"&&i`<${M} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${d==="slow"&&i`<${M} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!n||g} data-testid="cover-submit" onClick=${b}>Upload cover</button>
  </section>`}function xo({book:e,onReload:t}){let{api:r,router:o,notify:n}=y(),[s,a]=w(!1),{busy:c,error:d,submit:m,setError:l}=B(async()=>{await r.deleteBook(e.id,e.version),n(`Deleted ${e.title}.`),o.navigate("/admin/books",{replace:!0})});return i`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${d?.status===412?i`<${M} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{l(null),a(!1),t()}}>Load the latest version</button></p><//>`:i`<${q} error=${d} />`}
    ${s?i`<p>Delete “${e.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${c} data-testid="book-delete-confirm" onClick=${m}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>a(!1)}>Keep it</button>
          </div>`:i`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>a(!0)}>Delete this book</button>`}
  </section>`}function it({params:e}){let{api:t,router:r,notify:o}=y(),n=!e.id,s=V(_=>n?Promise.resolve(null):t.getBook(e.id,_),[e.id||"new"]),[a,c]=w(0);if(n)return i`<section class="admin">
      <${S} title="Add a book" />
      <${kr} onSaved=${$=>{o(`Added ${$.title}. Now add a cover.`),r.navigate(`/admin/books/${encodeURIComponent($.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(s.status==="error"&&s.error.status===404)return i`<${re} what="book" />`;let d=s.data;if(!d)return i`<section class="admin">
      <${S} title="Edit book" />
      ${s.status==="error"?i`<${R} error=${s.error} retry=${s.reload} what="the book" />`:i`<${I} label="Loading the book…" />`}
    </section>`;let m=_=>{s.set(_),o(`Saved ${_.title}.`)},l=async()=>{try{s.set(await t.getBook(d.id)),c(_=>_+1),o("Loaded the latest version.")}catch(_){_.status===404?s.reload():o(_.message)}};return i`<section class="admin admin-book">
    <${S} title=${`Edit “${d.title}”`} />
    <p class="muted">Version ${d.version} · updated ${he(d.updatedAt)} · <a href=${`/books/${encodeURIComponent(d.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${kr} key=${a} book=${d} onSaved=${m} onReload=${l} />
      <div>
        <${Co} book=${d} onCover=${_=>s.set(_)} />
        <${xo} book=${d} onReload=${l} />
      </div>
    </div>
  </section>`}var Sr=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],Eo=20,Cr={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function Po({order:e,onMoved:t}){let{api:r,notify:o}=y(),[n,s]=w(!1),[a,c]=w(""),d=async m=>{s(!0),c("");try{let l=m==="CANCELLED"?await r.cancelOrder(e.id):await r.setOrderStatus(e.id,m);o(`Order ${z(e.id)} is now ${$e(l.status).toLowerCase()}.`),t(l)}catch(l){c(l.message),s(!1)}};return i`<li class="admin-order" data-testid="admin-order" data-order-id=${e.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${z(e.id)}</h2>
      <span class="muted">${he(e.createdAt)}</span>
      <span class="price">${Q(e.totalCents,e.currency)}</span>
    </div>
    <p class="muted">Customer ${z(e.userId)}</p>
    <ul class="admin-order__lines">
      ${e.items.map(m=>i`<li key=${m.bookId}>${m.qty} × ${m.title}</li>`)}
    </ul>
    ${a&&i`<p class="field-error" role="alert">${a}</p>`}
    ${Cr[e.status]&&i`<div class="actions">
      ${Cr[e.status].map(([m,l])=>i`<button key=${m} type="button" class=${m==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${n} data-testid=${`set-status-${m}`} aria-label=${`${l}: order ${z(e.id)}`} onClick=${()=>d(m)}>${l}</button>`)}
    </div>`}
  </li>`}function xr({query:e}){let{api:t}=y(),r=Sr.includes(e.get("status"))?e.get("status"):"PENDING",o=H((s,a)=>t.listAllOrders({status:r,cursor:s,limit:Eo},a),[r]),n=s=>o.update(a=>a.filter(c=>c.id!==s.id));return i`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${Sr.map(s=>i`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s===r?"page":void 0}
          data-testid=${`status-tab-${s}`}>${$e(s)}</a>`)}
    </nav>
    ${o.status==="loading"&&i`<${I} label="Loading orders…" />`}
    ${o.status==="error"&&i`<${R} error=${o.error} retry=${o.reload} what="the orders" />`}
    ${o.status==="ready"&&o.items.length===0&&i`<${L}><p>No ${$e(r).toLowerCase()} orders.</p><//>`}
    ${o.items.length>0&&i`<ul class="admin-orders" aria-label=${`${$e(r)} orders`}>
      ${o.items.map(s=>i`<${Po} key=${s.id} order=${s} onMoved=${n} />`)}
    </ul>`}
    <${W} pager=${o} label="More orders" />
  </section>`}function Er({signedIn:e}){let{router:t}=y(),r=N(t.store);return i`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${e?i`<p>Your account cannot manage the shop.</p>`:i`<p><a href=${j(r.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var To=[{path:"/",page:cr},{path:"/books/:id",page:mr},{path:"/search",page:ur},{path:"/bestsellers",page:nr},{path:"/cart",page:_r},{path:"/orders",page:hr,auth:!0},{path:"/orders/:id",page:$r,auth:!0},{path:"/register",page:gr},{path:"/confirm",page:br},{path:"/login",page:yr},{path:"/admin/books",page:vr,admin:!0},{path:"/admin/books/new",page:it,admin:!0},{path:"/admin/books/:id",page:it,admin:!0},{path:"/admin/orders",page:xr,admin:!0}];function Ao(e){for(let t of To){let r=Ft(t.path,e);if(r)return{route:t,params:r}}return e.startsWith("/admin/")?{route:{admin:!0,page:re},params:{}}:{route:{page:re},params:{}}}var Io=["classics","computing","science-fiction"];function Ro(){let e=Z(Io);return{...e,see(t){let r=new Set(e.get());for(let o of t)o.category&&r.add(o.category);r.size!==e.get().length&&e.set([...r].sort())}}}var No=5e3;function Oo(){let{notices:e}=y(),t=N(e);return A(()=>{if(!t.message)return;let r=setTimeout(()=>e.set({id:t.id,message:""}),No);return()=>clearTimeout(r)},[t.id]),i`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${t.message&&i`<p class="toast" key=${t.id}>${t.message}</p>`}
  </div>`}function Lo({to:e}){let{router:t}=y();return A(()=>t.navigate(e,{replace:!0}),[e]),null}function Mo(e,t){let r=O(!0);A(()=>{if(r.current){r.current=!1;return}t.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[e])}function qo({ctx:e}){let t=N(e.router.store),r=N(e.session);Mo(t.path,e.titleFocus);let{route:o,params:n}=Ao(t.path),s;return o.auth&&!r?s=i`<${Lo} to=${j(t.href)} />`:o.admin&&!r?.isAdmin?s=i`<${Er} signedIn=${!!r} />`:s=i`<${o.page} key=${t.path} params=${n} query=${t.query} />`,i`<${ot.Provider} value=${e}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${zt} />
    <main id="main" tabindex="-1">${s}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${Oo} />
  <//>`}function Do(e){let t=Bt(e),r=Wt(e),o=jt(e),n=Z({id:0,message:""}),s=m=>n.set({id:n.get().id+1,message:m}),a=Jt({session:r,device:Qt(e),onUnauthorized:()=>{let m=t.store.get();m.path!=="/login"&&(s("Please sign in to continue."),t.navigate(j(m.href),{replace:!0}))}}),c={router:t,session:r,cart:o,api:a,notices:n,notify:s,categories:Ro(),titleFocus:{afterNavigation:!1}},d=e.document.getElementById("app");d.textContent="",vt(i`<${qo} ctx=${c} />`,d)}Do(window);
