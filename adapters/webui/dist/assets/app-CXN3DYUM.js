var C,ue,xr,et,Ht,Pt,de,Ct,pe,jt,Gt,me,bt=Symbol.for("pv"),Tt={},At=[],Er=/^m(i|n|o|s|text|space)$/,Yt=Array.isArray,Vt=At.slice,lt=Object.assign;function ct(t){t&&t.parentNode&&t.remove()}function fe(t,e,r){var o,n,s,a={},u=arguments.length;for(s in e)s=="key"?o=e[s]:s=="ref"&&typeof t!="function"?n=e[s]:a[s]=e[s];return u>2&&(a.children=u>3?Vt.call(arguments,2):r),gt(t,a,o,n,null)}function gt(t,e,r,o,n){var s={type:t,props:e,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:bt,__v:n||++ue,__i:-1,__u:0};return!n&&C.vnode&&C.vnode(s),s}function It(t){return t.children}function xt(t,e){this.props=t,this.context=e,this.__g=0}function rt(t,e){if(e==null)return t.__&&rt(t.__,t.__i+1);for(var r;e<t.__k.length;e++)if((r=t.__k[e])&&r.__e)return r.__e;return typeof t.type!="function"||t.props.__P?null:rt(t)}function Pr(t){var e,r=t.__v,o=r.__e,n=[],s=[],a=t.__P;a&&((e=lt({constructor:bt},r)).__v=r.__v+1,C.vnode&&C.vnode(e),Jt(a,e,r,t.__n,a.namespaceURI,32&r.__u?[o]:null,n,o||rt(r),32&r.__u,s),e.__v=r.__v,e.__.__k[e.__i]=e,ye(n,e,s),r.__=r.__e=null,e.__e!=o&&_e(e))}function _e(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),_e(t)}function Wt(t){(8&t.__g||(t.__g|=8,et.push(t),Pt++))&&Ht==C.debounceRendering||((Ht=C.debounceRendering)||queueMicrotask)(he)}function he(){try{for(var t,e=1;et.length;)et.length>e&&et.sort(de),t=et.shift(),e=et.length,8&t.__g&&Pr(t)}finally{(Pt=et.length)&&(Ht||queueMicrotask)(he)}}function $e(t,e,r,o,n,s,a,u,p,m,l){var _,h,i,d,f,g,b=o.__k||At,$=e.length;for(p=Tr(r,e,b,p,$),_=0;_<$;_++)(i=r.__k[_])!=null&&(h=~i.__i&&b[i.__i]||Tt,i.__i=_,g=Jt(t,i,h,n,s,a,u,p,m,l),d=i.__e,(h.ref!=i.ref||8&h.__u)&&(h.ref&&Kt(h.ref,null,i,h),i.ref&&l.push(i.ref,i.__c||d,i)),f=f||d,4&i.__u?(p=ge(i,p,t,!h.__v),h.__e&&(h.__e=null)):typeof i.type=="function"&&g!==void 0?p=g:d&&(p=d.nextSibling),i.__u&=-21);return r.__e=f,p}function Tr(t,e,r,o,n){var s,a,u,p,m,l,_,h,i,d=r.length,f=d,g=0,b=0,$=t.__k=Array(n);for(s=0;s<n;s++)(a=e[s])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=$[s]=gt(null,a):Yt(a)?a=$[s]=gt(It,{children:a}):a.constructor===bt&&a.__b?a=$[s]=gt(a.type,a.props,a.key,a.ref,a.__v):$[s]=a,p=s+g,a.__=t,a.__b=t.__b+1,u=null,~(m=a.__i=Ar(a,r,p,f))&&(f--,(u=r[m])&&(u.__u|=2)),u&&u.__v?(a.__u|=16,m==p-1?g--:m==p+1?g++:m!=p&&(m>p?g--:g++,b=1)):(~m||(n>d?g--:n<d&&g++),typeof a.type!="function"&&(a.__u|=4))):$[s]=null;if(b){for(l=[],_=[],s=0;s<n;s++)if((a=$[s])&&16&a.__u){for(g=0,h=l.length;g<h;)l[i=g+h>>1]<a.__i?g=i+1:h=i;l[g]=a.__i,_[s]=g+1}for(g=l.length;s--;)_[s]&&(_[s]==g?g--:$[s].__u|=4)}if(f)for(s=0;s<d;s++)!(u=r[s])||2&u.__u||(u.__e==o&&(o=rt(u)),Qt(u,u));return o}function ge(t,e,r,o){var n,s,a,u;if(typeof t.type=="function"){if(t.props.__P)return e;if(n=t.__k)for(s=0;s<n.length;s++)n[s]&&(n[s].__=t,e=ge(n[s],e,r,!1));return e}for(e&&!e.parentNode&&(e=rt(t))&&!e.parentNode&&(e=null),a=t.__e,u=e;u&&u.nodeType==8;)u=u.nextSibling;for(a!=u&&(!o&&r.moveBefore&&a.parentNode?r.moveBefore(a,e):r.insertBefore(a,e||null)),e=a;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Ar(t,e,r,o){var n,s=t.key,a=t.type,u=e[r],p=u&&!(2&u.__u);if(u===null&&s==null||p&&s==u.key&&a==u.type)return r;if(o>(p?1:0)){for(n=r-1;n>=0;n--)if((u=e[n])&&!(2&u.__u)&&s==u.key&&a==u.type)return n;for(n=r+1;n<e.length;n++)if((u=e[n])&&!(2&u.__u)&&s==u.key&&a==u.type)return n}return-1}function le(t,e,r){r==null&&(r=""),e[0]=="-"?t.setProperty(e,r):t[e]=r}function St(t,e,r,o,n){var s,a;if(e=="style")if(typeof r=="string")t.style.cssText=r;else{if(typeof o=="string"&&(t.style.cssText=o=""),o)for(e in o)r&&e in r||le(t.style,e);if(r)for(e in r)o&&r[e]==o[e]||le(t.style,e,r[e])}else if(e[0]=="o"&&e[1]=="n")typeof r!="function"&&(r=null),typeof o!="function"&&(o=null),(t.__e||(t.__e={}))[e]=r,r&&o||(a=Gt[e]||(Gt[e]=Ir(e)),(t.__a||(t.__a={}))[e]=jt,s=e!=(e=e.replace(pe,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),r?t.addEventListener(e,a,s):t.removeEventListener(e,a,s));else{if(n=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=r??"")}catch{}if(typeof r=="function")return;r==null||r===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&r==1?"":r)}}function Ir(t){return function(e){var r=this.__e;if(r){if(r=r[t],e[Ct]==null)e[Ct]=jt++;else if(e[Ct]<this.__a[t])return;return r(C.event?C.event(e):e)}}}function Jt(t,e,r,o,n,s,a,u,p,m){var l,_,h,i,d,f,g,b,$,v,k,D,j,nt,at,ce,tt,it,Q=e.type;if(e.constructor!==bt)return null;128&r.__u&&(p=32&r.__u,l=r.__c.__z)&&(e.__u|=p,_=s=[],l.nodeType==8?u=Et(l,s):s.push(l),u=s[0]||u),(l=C.__b)&&l(e);t:if(typeof Q=="function"){h=a.length;try{if(b=e.props,$=(l=Q.prototype)&&l.render,v=(l=Q.contextType)&&o[l.__c],k=l?v?v.props.value:l.__:o,(i=r.__c)?(e.__c=i,2&i.__g&&(i.__g|=1)):($?e.__c=i=new Q(b,k):(e.__c=i=new xt(b,k),i.constructor=Q,i.render=Nr),v&&v.sub(i),i.state||(i.state={}),i.__n=o,i.__g|=8,i.__h=[],i.__k=[]),$&&(i.__s||(i.__s=i.state),Q.getDerivedStateFromProps&&(i.__s==i.state&&(i.__s=lt({},i.__s)),lt(i.__s,Q.getDerivedStateFromProps(b,i.__s)))),d=i.props,f=i.state,i.__v=e,r.__c){if(b!==d&&$&&!Q.getDerivedStateFromProps&&i.componentWillReceiveProps&&i.componentWillReceiveProps(b,k),e.__v==r.__v&&!(8&i.__g)||!(4&i.__g)&&i.shouldComponentUpdate&&i.shouldComponentUpdate(b,i.__s,k)===!1){e.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__g&=-9),e.__e=r.__e,e.__k=r.__k,e.__k.some(function(B){B&&(B.__=e)}),At.push.apply(i.__h,i.__k),i.__k=[],i.__h.length&&a.push(i),u=rt(r);break t}i.componentWillUpdate&&i.componentWillUpdate(b,i.__s,k),$&&i.componentDidUpdate&&i.__h.push(function(){i.componentDidUpdate(d,f,g)})}else $&&!Q.getDerivedStateFromProps&&i.componentWillMount&&i.componentWillMount(),$&&i.componentDidMount&&i.__h.push(i.componentDidMount);i.context=k,i.props=b,i.__P=t,i.__g&=-5,D=C.__r,j=$?25:0;do i.__g&=-9,D&&D(e),l=i.render(i.props,i.state=i.__s,i.context);while(8&i.__g&&++j<25);$&&(At.push.apply(i.__h,i.__k),i.__k=[]),i.state=i.__s,i.getChildContext&&(o=lt({},o,i.getChildContext())),$&&r.__c&&i.getSnapshotBeforeUpdate&&(g=i.getSnapshotBeforeUpdate(d,f)),nt=l&&l.type===It&&l.key==null?l.props.children:l,b.__P&&(l=u,n=(t=b.__P).namespaceURI,p=s=null,r.props&&r.props.__P!=t&&(r.__k.some(function(B){B&&Qt(B,B)}),r.__k=null),u=r.__k?rt(r,0):null),u=$e(t,Yt(nt)?nt:[nt],e,r,o,n,s,a,u,p,m),b.__P&&(e.__e=null,u=l),e.__u&=-161,_&&_.some(ct),i.__h.length&&a.push(i),1&i.__g&&(i.__g&=-4)}catch(B){if(a.length=h,e.__v=null,p||s)if(B&&B.then){if(e.__u|=128|p,s){for(~(tt=s.indexOf(u||void 0))||(tt=s.length);(it=s[tt-1])&&it.nodeType==8;)tt--;for(;tt<s.length;tt++)if(it=s[tt])if(s[tt]=null,at){if(it==ce)break}else{if(it.nodeType!=8)break;it.data.startsWith("$s")&&(ce=Et(at=it))}}if(!at){for(;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;at=u}(l=Et(at=e.__c.__z||(e.__c.__z=at)))?(e.__e=at,u=l):e.__e=u,u=u&&u.nextSibling}else s&&s.some(ct);else e.__e=r.__e;e.__k||(e.__k=r.__k||[]),B&&B.then||be(e),C.__e(B,e,r)}}else u=e.__e=Rr(r.__e,e,r,o,n,s,a,p,m,t);return(l=C.diffed)&&l(e),u}function Et(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var r=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))r++;else if(t.data.startsWith("/$s")&&!--r)return t}e&&e.push(t)}}function be(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(be))}function ye(t,e,r){for(var o=0;o<r.length;)Kt(r[o++],r[o++],r[o++]);C.__c&&C.__c(e,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(s){s.call(n)})}catch(s){C.__e(s,n.__v)}})}function Rr(t,e,r,o,n,s,a,u,p,m){var l,_,h,i,d,f,g,b,$=r.props||Tt,v=e.props,k=e.type;if(k=="svg"?n="http://www.w3.org/2000/svg":k=="math"?n="http://www.w3.org/1998/Math/MathML":n||(n="http://www.w3.org/1999/xhtml"),s){for(l=0;l<s.length;l++)if((d=s[l])&&(k?d.localName==k:d.nodeType==3)){t=d,s[l]=null;break}}if(!t){if(b=m.ownerDocument||document,!k)return b.createTextNode(v);t=b.createElementNS(n,k,v.is?v:m),u&&(C.__m&&C.__m(e,s),u=!1),s=null}if(k){if(m=k=="template"&&t.content||t,s=k=="textarea"&&v.defaultValue!=null?null:s&&Vt.call(m.childNodes),!u&&s)for($={},l=0;l<t.attributes.length;l++)$[(d=t.attributes[l]).name]=d.value;for(l in $)d=$[l],l=="dangerouslySetInnerHTML"?h=d:l=="children"||l in v||l=="value"&&"defaultValue"in v||l=="checked"&&"defaultChecked"in v||St(t,l,null,d,n);for(l in v)d=v[l],l=="children"?i=d:l=="dangerouslySetInnerHTML"?_=d:l=="value"?f=d:l=="checked"?g=d:u&&typeof d!="function"||$[l]===d||St(t,l,d,$[l],n);_?(u||h&&(_.__html==h.__html||_.__html==t.innerHTML)||(t.innerHTML=_.__html),e.__k=[]):(h&&(t.textContent=""),(k=="foreignObject"||n=="http://www.w3.org/1998/Math/MathML"&&Er.test(k))&&(n="http://www.w3.org/1999/xhtml"),$e(m,Yt(i)?i:[i],e,r,o,n,s,a,s?s[0]:r.__k&&rt(r,0),u,p),s&&s.some(ct)),u&&k!="textarea"||(l="value",k=="progress"&&f==null?t.removeAttribute(l):f==null||f===t[l]&&(k!="progress"||f)||St(t,l,f,$[l],n),l="checked",g!=null&&g!=t[l]&&St(t,l,g,$[l],n))}else $===v||u&&t.data==v||(t.data=v);return t}function Kt(t,e,r,o){try{typeof t=="function"?e?e.__x=t(e)||1:o&&(o=o.__c||o.__e)&&(e=o.__x)&&(o.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(n){C.__e(n,r)}}function Qt(t,e,r){var o,n,s,a;if(C.unmount&&C.unmount(t),!(o=t.ref)||o.current&&o.current!=t.__e||Kt(o,null,e,t),o=t.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(u){C.__e(u,e)}o.__P=o.__n=null}if(o=t.__k)for(a=0;a<o.length;a++)o[a]&&Qt(o[a],e,typeof t.type!="function"||r&&!t.props.__P);!r&&(o=t.__c)&&(o=o.__z)&&(n=Et(o,s=[]))&&(o==t.__e&&s.some(ct),ct(n),ct(o)),r||ct(t.__e),t.__e=t.__c=t.__=null}function Nr(t,e,r){return this.constructor(t,r)}function ve(t,e){var r,o,n,s;C.__&&C.__(t,e),e.nodeType==9&&(e=e.documentElement),o=(r=t&&32&t.__u)?null:e.__k,e.__k=gt(It,{children:[t]}),n=[],s=[],Jt(e,e.__k,o||Tt,Tt,e.namespaceURI,o?null:e.firstChild?Vt.call(e.childNodes):null,n,o?o.__e:e.firstChild,r,s),ye(n,e.__k,s),e.__k.props.children=null}function ke(t){function e(r){var o,n;return this.getChildContext||(o=new Set,(n={})[e.__c]=this,this.getChildContext=function(){return n},this.shouldComponentUpdate=function(s){this.props.value!=s.value&&o.forEach(function(a){a.__g|=4,Wt(a)})},this.sub=function(s){o.add(s);var a=s.componentWillUnmount;s.componentWillUnmount=function(){o.delete(s),a&&a.call(s)}}),r.children}return e.__c="__cC"+me++,e.__=t,e.Provider=(e.Consumer=function(r,o){return r.children(o)}).contextType=e,e}C={__e:function(t,e,r,o){for(var n,s,a;e=e.__;)if((n=e.__c)&&!(1&n.__g)){n.__g|=4;try{if((a=(s=n.constructor)&&s.getDerivedStateFromError)&&n.setState(s.getDerivedStateFromError(t)),n.componentDidCatch&&(n.componentDidCatch(t,o||{}),a=1),a&&8&n.__g)return void(n.__g|=2)}catch(u){t=u}}throw Pt=0,t}},ue=0,xr=function(t){return t!=null&&t.constructor===bt},xt.prototype.setState=function(t,e){var r=this.__s;r&&r!=this.state||(r=this.__s=lt({},this.state)),typeof t=="function"&&(t=t(lt({},r),this.props)),t&&(lt(r,t),this.__v&&(e&&this.__k.push(e),Wt(this)))},xt.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),Wt(this))},xt.prototype.render=It,et=[],Pt=0,de=function(t,e){return t.__v.__b-e.__v.__b},Ct=Symbol(),pe=/(PointerCapture)$|Capture$/i,jt=0,Gt={},me=0;var ft,x,zt,we,Xt=Object.is,Rt=0,Re=[],Zt=[],E=C,Se=E.__b,Ce=E.__r,xe=E.diffed,Ee=E.__c,Pe=E.unmount,Te=E.__;function Nt(t,e){E.__h&&E.__h(x,t,Rt||e),Rt=0;var r=x.__H||(x.__H={__:[],__h:[]});return t>=r.__.length&&r.__.push({}),r.__[t]}function w(t){return Rt=1,Or(Le,t)}function Or(t,e,r){var o=Nt(ft++,2);if(o.t=t,!o.__c&&(o.__=[r?r(e):Le(void 0,e),function(s){var a=(o.__N||o.__)[0],u=o.t(a,s);Xt(a,u)||(o.__N=[u,o.__[1]],o.__c.setState({}))}],o.__c=x,!x.__f)){x.__f=!0;var n=x.shouldComponentUpdate;x.shouldComponentUpdate=function(s,a,u){var p=this.__H;if(!p)return!0;var m=!1,l=this.props!=s;if(p.__.some(function(h){h.__N&&(m=!0,Xt(h.__[0],h.__N[0])||(l=!0))}),n){var _=n.call(this,s,a,u);return m?_||l:_}return!m||l}}return o.__}function P(t,e){var r=Nt(ft++,3);!E.__s&&Oe(r.__H,e)&&(r.__P=!0,r.__=t,r.u=e,x.__H.__h.push(r))}function N(t){return Rt=5,Lr(function(){return{current:t}},[])}function Lr(t,e){var r=Nt(ft++,7);return Oe(r.__H,e)&&(r.__=t(),r.__H=e),r.__}function Ne(t){var e=x.context[t.__c],r=Nt(ft++,9);return r.c=t,e?(r.__==null&&(r.__=!0,e.sub(x)),e.props.value):t.__}function Mr(){var t;do{for(;t=Zt.shift();)try{yt(t)}catch(r){E.__e(r,{__:(t=t.__P)&&t.__v})}for(;t=Re.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(yt),e.__h.some(te),e.__h=[]}catch(r){e.__h=[],E.__e(r,t.__v)}}}while(Zt.length)}E.__b=function(t){x=null,Se&&Se(t)},E.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Te&&Te(t,e)},E.__r=function(t){Ce&&Ce(t),ft=0;var e=(x=t.__c).__H;e&&(zt==x?x.__h=[]:(e.__h.some(yt),e.__h.some(te),ft=0),e.__h=[],e.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})),zt=x},E.diffed=function(t){xe&&xe(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Ie(Re.push(e)),e.__H.__.some(function(r){r.u&&(r.__H=r.u)})),zt=x=null},E.__c=function(t,e){e.some(function(r){try{r.__h.some(yt),r.__h=r.__h.filter(function(o){return!o.__||te(o)})}catch(o){r.__h=[function(){throw o}]}}),Ee&&Ee(t,e)},E.unmount=function(t){Pe&&Pe(t);var e,r,o=t.__c;o&&o.__H&&(o.__H.__.some(function(n){try{if(n.__P&&n.__c){if(r===void 0){for(r=t.__;r&&(!r.__c||!r.__c.__P);)r=r.__;r=r&&r.__c}n.__P=r,Ie(Zt.push(n))}else yt(n)}catch(s){e=s}}),o.__H=void 0,e&&E.__e(e,o.__v))};var Ae=typeof requestAnimationFrame=="function";function qr(t){var e,r=function(){clearTimeout(o),Ae&&cancelAnimationFrame(e),setTimeout(t)},o=setTimeout(r,35);Ae&&(e=requestAnimationFrame(r))}function Ie(t){t!=1&&we==E.requestAnimationFrame||((we=E.requestAnimationFrame)||qr)(Mr)}function yt(t){var e=x,r=t.__c;typeof r=="function"&&(t.__c=void 0,r()),x=e}function te(t){var e=x;t.__c=t.__(),x=e}function Oe(t,e){return!t||t.length!=e.length||e.some(function(r,o){return!Xt(r,t[o])})}function Le(t,e){return typeof e=="function"?e(t):e}var qe=function(t,e,r,o){var n;e[0]=0;for(var s=1;s<e.length;s++){var a=e[s++],u=e[s]?(e[0]|=a?1:2,r[e[s++]]):e[++s];a===3?o[0]=u:a===4?o[1]=Object.assign(o[1]||{},u):a===5?(o[1]=o[1]||{})[e[++s]]=u:a===6?o[1][e[++s]]+=u+"":a?(n=t.apply(u,qe(t,u,r,["",null])),o.push(n),u[0]?e[0]|=2:(e[s-2]=0,e[s]=n)):o.push(u)}return o},Me=new Map;function Ue(t){var e=Me.get(this);return e||(e=new Map,Me.set(this,e)),(e=qe(this,e.get(t)||(e.set(t,e=(function(r){for(var o,n,s=1,a="",u="",p=[0],m=function(h){s===1&&(h||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,h,a):s===3&&(h||a)?(p.push(3,h,a),s=2):s===2&&a==="..."&&h?p.push(4,h,0):s===2&&a&&!h?p.push(5,0,!0,a):s>=5&&((a||!h&&s===5)&&(p.push(s,0,a,n),s=6),h&&(p.push(s,h,0,n),s=6)),a=""},l=0;l<r.length;l++){l&&(s===1&&m(),m(l));for(var _=0;_<r[l].length;_++)o=r[l][_],s===1?o==="<"?(m(),p=[p],s=3):a+=o:s===4?a==="--"&&o===">"?(s=1,a=""):a=o+a[0]:u?o===u?u="":a+=o:o==='"'||o==="'"?u=o:o===">"?(m(),s=1):s&&(o==="="?(s=5,n=a,a=""):o==="/"&&(s<5||r[l][_+1]===">")?(m(),s===3&&(p=p[0]),s=p,(p=p[0]).push(2,0,s),s=0):o===" "||o==="	"||o===`
`||o==="\r"?(m(),s=2):a+=o),s===3&&a==="!--"&&(s=4,p=p[0])}return m(),p})(t)),e),arguments,[])).length>1?e:e[0]}var c=Ue.bind(fe);function z(t){let e=t,r=new Set;return{get:()=>e,set(o){if(o!==e){e=o;for(let n of r)n(e)}},subscribe(o){return r.add(o),()=>r.delete(o)}}}function R(t){let[,e]=w(0);return P(()=>t.subscribe(()=>e(r=>r+1)),[t]),t.get()}function De(t){return{path:t.pathname,query:new URLSearchParams(t.search),href:t.pathname+t.search}}var Ur=t=>!/^\/(api|_[a-z]+)(\/|$)/.test(t)&&!/\.[a-z0-9]+$/i.test(t);function Be(t){let e=z(De(t.location)),r=()=>e.set(De(t.location));function o(n,{replace:s=!1}={}){let a=new URL(n,t.location.href);a.pathname+a.search===e.get().href&&!s||(t.history[s?"replaceState":"pushState"](null,"",a.pathname+a.search+a.hash),r())}return t.addEventListener("popstate",r),t.document.addEventListener("click",n=>{if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let s=n.target.closest?.("a[href]");if(!s||s.target||s.hasAttribute("download"))return;let a=new URL(s.href,t.location.href);a.origin!==t.location.origin||!Ur(a.pathname)||a.pathname===t.location.pathname&&a.search===t.location.search&&a.hash||(n.preventDefault(),o(a.pathname+a.search))}),{store:e,navigate:o}}function Fe(t,e){let r=t.split("/"),o=e.replace(/\/+$/,"").split("/");if(t==="/")return e==="/"?{}:null;if(r.length!==o.length)return null;let n={};for(let s=0;s<r.length;s++)if(r[s].startsWith(":")){if(!o[s])return null;try{n[r[s].slice(1)]=decodeURIComponent(o[s])}catch{return null}}else if(r[s]!==o[s])return null;return n}function He(t){return typeof t=="string"&&t.startsWith("/")&&!t.startsWith("//")&&!t.startsWith("/\\")?t:"/"}var Y=t=>`/login?next=${encodeURIComponent(t)}`;function ut(t,e){try{let r=t?.getItem(e);return r?JSON.parse(r):null}catch{return null}}function ot(t,e,r){try{r==null?t?.removeItem(e):t?.setItem(e,JSON.stringify(r))}catch{}}function Ot(t,e,r){let o=n=>{(n.key===e||n.key===null)&&r()};return t.addEventListener("storage",o),()=>t.removeEventListener("storage",o)}var vt="bookshop.session.v1",Dr="admin";function Ge(t){try{let e=String(t).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),r=Uint8Array.from(atob(e.padEnd(e.length+(4-e.length%4)%4,"=")),o=>o.charCodeAt(0));return JSON.parse(new TextDecoder().decode(r))}catch{return null}}function ee(t){if(!t?.accessToken||!t?.refreshToken)return null;let e=Ge(t.accessToken);if(!e?.sub)return null;let r=Ge(t.idToken)||{},o=e["cognito:groups"]||[];return{tokens:t,userId:e.sub,email:r.email||"",isAdmin:Array.isArray(o)&&o.includes(Dr),expiresAt:(e.exp||0)*1e3}}function We(t){let e=t.localStorage,r=z(ee(ut(e,vt)));return Ot(t,vt,()=>r.set(ee(ut(e,vt)))),{...r,signIn(o){let n=r.get()?.tokens,s={accessToken:o.accessToken,idToken:o.idToken||n?.idToken||"",refreshToken:o.refreshToken||n?.refreshToken||""};ot(e,vt,s),r.set(ee(s))},signOut(){ot(e,vt,null),r.set(null)}}}var Lt="bookshop.cart.v1",Mt="bookshop.checkout.v1",dt=10,re=25,_t=t=>Math.max(0,Math.min(dt,t));function je(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.bookId=="string"&&Number.isInteger(e.qty)&&e.qty>0).slice(0,re).map(e=>({...e,qty:Math.min(e.qty,dt)})):[]}function Br(t){if(t.randomUUID)return t.randomUUID();let e=t.getRandomValues(new Uint8Array(16));e[6]=e[6]&15|64,e[8]=e[8]&63|128;let r=[...e].map(o=>o.toString(16).padStart(2,"0")).join("");return`${r.slice(0,8)}-${r.slice(8,12)}-${r.slice(12,16)}-${r.slice(16,20)}-${r.slice(20)}`}function Ye(t){let e=t.localStorage,r=z(je(ut(e,Lt)?.items));Ot(t,Lt,()=>r.set(je(ut(e,Lt)?.items)));let o=s=>{ot(e,Lt,{items:s}),r.set(s)},n=s=>r.get().find(a=>a.bookId===s);return{...r,count:()=>r.get().reduce((s,a)=>s+a.qty,0),qtyOf:s=>n(s)?.qty||0,add(s,a){let u=_t(s.stock),p=n(s.id);if(!p&&r.get().length>=re)throw new Error(`An order holds at most ${re} different books.`);let m=Math.min(u,(p?.qty||0)+a);if(m<1)throw new Error("This book is out of stock.");let l={bookId:s.id,qty:m,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:u};return o(p?r.get().map(_=>_.bookId===s.id?l:_):[...r.get(),l]),m},setQty(s,a){let u=Math.max(1,Math.min(dt,Math.trunc(a)||1));o(r.get().map(p=>p.bookId===s?{...p,qty:u}:p))},refresh(s){n(s.id)&&o(r.get().map(a=>a.bookId===s.id?{...a,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:_t(s.stock)}:a))},remove(s){o(r.get().filter(a=>a.bookId!==s))},checkoutAttempt(){let s=r.get().map(({bookId:p,qty:m})=>({bookId:p,qty:m})),a=ut(e,Mt);if(a?.key&&JSON.stringify(a.items)===JSON.stringify(s))return a;let u={key:Br(t.crypto),items:s};return ot(e,Mt,u),u},forgetAttempt(){ot(e,Mt,null)},checkedOut(){ot(e,Mt,null),o([])}}}var Fr="/api";var mt=class extends Error{constructor(e,r={}){super(r.detail||r.title||`The request failed (${e}).`),this.name="ApiError",this.status=e,this.title=r.title||"",this.detail=r.detail||"",this.problem=r,this.fields={};for(let o of Array.isArray(r.errors)?r.errors:[])o&&o.field&&(this.fields[o.field]=o.message)}},Ve=()=>new mt(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),kt=t=>t?.name==="AbortError",qt=t=>({"If-Match":`"${t}"`}),U=encodeURIComponent;function pt(t){let e=new URLSearchParams;for(let[o,n]of Object.entries(t))n!=null&&n!==""&&e.set(o,String(n));let r=e.toString();return r?`?${r}`:""}var Hr=new Set(["content-length","host","connection","accept-encoding","cookie"]);function Je({session:t,onUnauthorized:e,fetch:r=globalThis.fetch.bind(globalThis),XHR:o=globalThis.XMLHttpRequest,setTimeout:n=globalThis.setTimeout.bind(globalThis)}){let s=null;async function a(i,d,{body:f,headers:g={},token:b,signal:$}={}){let v={Accept:"application/json, application/problem+json",...g};f!==void 0&&(v["Content-Type"]="application/json"),b&&(v.Authorization=`Bearer ${b}`);let k;try{k=await r(Fr+d,{method:i,headers:v,body:f===void 0?void 0:JSON.stringify(f),signal:$})}catch(nt){throw kt(nt)?nt:Ve()}let D=await k.text().catch(()=>""),j=null;if(D)try{j=JSON.parse(D)}catch{j=null}if(!k.ok)throw new mt(k.status,j&&typeof j=="object"?j:{});return{status:k.status,data:j,headers:k.headers}}function u(){let i=t.get();return i?(s||(s=a("POST","/auth/refresh",{body:{refreshToken:i.tokens.refreshToken}}).then(({data:d})=>(t.signIn(d),t.get())).finally(()=>{s=null})),s):Promise.reject(new mt(401,{title:"Not signed in"}))}async function p(){let i=t.get();if(!i)return null;if(i.expiresAt-Date.now()<6e4)try{i=await u()}catch(d){if(d.status===401||d.status===400)return m();throw d}return i.tokens.accessToken}function m(){throw t.signOut(),e?.(),new mt(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function l(i,d,{auth:f="none",body:g,headers:b,signal:$}={}){let v;if(f==="required"&&(v=await p(),!v))return m();try{return(await a(i,d,{body:g,headers:b,token:v,signal:$})).data}catch(k){if(f==="required"&&k.status===401)return m();throw k}}let _=null;function h(){clearTimeout(_);let i=t.get();if(!i)return;let d=Math.max(0,i.expiresAt-Date.now()-6e4);_=n(()=>{u().catch(f=>{(f.status===401||f.status===400)&&t.signOut()})},Math.min(d,2**31-1))}return t.subscribe(h),h(),{listBooks:({category:i,sort:d,limit:f,cursor:g}={},b)=>l("GET",`/books${pt({category:i,sort:d,limit:f,cursor:g})}`,{signal:b}),getBook:(i,d)=>l("GET",`/books/${U(i)}`,{signal:d}),search:({q:i,category:d,limit:f,cursor:g}={},b)=>l("GET",`/search${pt({q:i,category:d,limit:f,cursor:g})}`,{signal:b}),bestSellers:({category:i,period:d,limit:f}={},g)=>l("GET",`/bestsellers${pt({category:i,period:d,limit:f})}`,{signal:g}),alsoBought:(i,{limit:d}={},f)=>l("GET",`/books/${U(i)}/also-bought${pt({limit:d})}`,{signal:f}),createBook:i=>l("POST","/books",{auth:"required",body:i}),updateBook:(i,d,f)=>l("PUT",`/books/${U(i)}`,{auth:"required",body:f,headers:qt(d)}),deleteBook:(i,d)=>l("DELETE",`/books/${U(i)}`,{auth:"required",headers:qt(d)}),requestCoverUpload:(i,d,f)=>l("POST",`/books/${U(i)}/cover`,{auth:"required",body:{contentType:d,contentLength:f}}),uploadFile:(i,d,f)=>new Promise((g,b)=>{let $=new o;$.open(i.method||"PUT",i.uploadUrl);for(let[v,k]of Object.entries(i.headers||{}))Hr.has(v.toLowerCase())||$.setRequestHeader(v,k);$.upload.onprogress=v=>v.lengthComputable&&f?.(v.loaded/v.total),$.onload=()=>$.status>=200&&$.status<300?g():b(new mt($.status,{title:"Upload refused",detail:`The storage service refused the upload (${$.status}).`})),$.onerror=()=>b(Ve()),$.send(d)}),listReviews:(i,{cursor:d,limit:f}={},g)=>l("GET",`/books/${U(i)}/reviews${pt({cursor:d,limit:f})}`,{signal:g}),getMyReview:(i,d)=>l("GET",`/books/${U(i)}/reviews/mine`,{auth:"required",signal:d}).catch(f=>{if(f.status===404)return null;throw f}),addReview:(i,d)=>l("POST",`/books/${U(i)}/reviews`,{auth:"required",body:d}),editReview:(i,d,f)=>l("PUT",`/books/${U(i)}/reviews/mine`,{auth:"required",body:f,headers:qt(d)}),deleteReview:(i,d)=>l("DELETE",`/books/${U(i)}/reviews/mine`,{auth:"required",headers:qt(d)}),checkout:i=>l("POST","/orders",{auth:"required",body:{items:i.items},headers:{"Idempotency-Key":i.key}}),listMyOrders:({cursor:i,limit:d}={},f)=>l("GET",`/orders${pt({cursor:i,limit:d})}`,{auth:"required",signal:f}),getOrder:(i,d)=>l("GET",`/orders/${U(i)}`,{auth:"required",signal:d}),cancelOrder:i=>l("POST",`/orders/${U(i)}/cancel`,{auth:"required"}),listAllOrders:({status:i,cursor:d,limit:f}={},g)=>l("GET",`/admin/orders${pt({status:i,cursor:d,limit:f})}`,{auth:"required",signal:g}),setOrderStatus:(i,d)=>l("POST",`/admin/orders/${U(i)}/status`,{auth:"required",body:{status:d}}),register:(i,d)=>l("POST","/auth/register",{body:{email:i,password:d}}),confirm:(i,d)=>l("POST","/auth/confirm",{body:{email:i,code:d}}),login:async(i,d)=>t.signIn(await l("POST","/auth/login",{body:{email:i,password:d}})),signOut:()=>t.signOut()}}var oe=ke(null),y=()=>Ne(oe);var Gr=["/login","/register","/confirm"];function wt({href:t,current:e,children:r,testid:o}){let n=t==="/"?e==="/"||e.startsWith("/books/"):e===t||e.startsWith(`${t}/`);return c`<a href=${t} aria-current=${n?"page":void 0} data-testid=${o}>${r}</a>`}function Wr({loc:t}){let{router:e}=y(),r=t.path==="/search"&&t.query.get("q")||"",[o,n]=w(r);return P(()=>n(r),[r]),c`<form class="site-search" role="search" onSubmit=${a=>{a.preventDefault();let u=o.trim();e.navigate(u?`/search?q=${encodeURIComponent(u)}`:"/search")}}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${o} onInput=${a=>n(a.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`}function Ke(){let{router:t,session:e,cart:r,api:o,notify:n}=y(),s=R(t.store),a=R(e);R(r);let u=r.count(),p=()=>{o.signOut(),n("You are signed out."),t.navigate("/")};return c`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${wt} href="/" current=${s.path}>Books<//>
        <${wt} href="/bestsellers" current=${s.path} testid="nav-bestsellers">Best sellers<//>
        ${a&&c`<${wt} href="/orders" current=${s.path} testid="nav-orders">My orders<//>`}
        ${a?.isAdmin&&c`<${wt} href="/admin/books" current=${s.path} testid="nav-admin-books">Manage books<//>
          <${wt} href="/admin/orders" current=${s.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${Wr} loc=${s} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${s.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${u}</span><span class="visually-hidden">${u===1?" item":" items"}</span>
        </a>
        ${a?c`<span class="account" data-testid="account">
              <span class="account__email" title=${a.email}>${a.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${p}>Sign out</button>
            </span>`:c`<a class="button button--quiet" href=${Gr.includes(s.path)?"/login":Y(s.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function V(t,e){let[r,o]=w({status:"loading",data:void 0,error:null}),[n,s]=w(0),a=JSON.stringify(e),u=N(a);return P(()=>{let p=new AbortController,m=u.current===a;return u.current=a,o(l=>({status:"loading",data:m?l.data:void 0,error:null})),t(p.signal).then(l=>p.signal.aborted||o({status:"ready",data:l,error:null}),l=>p.signal.aborted||kt(l)||o({status:"error",data:void 0,error:l})),()=>p.abort()},[a,n]),{...r,reload:()=>s(p=>p+1),set:p=>o({status:"ready",data:p,error:null})}}function F(t,e){let[r,o]=w({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[n,s]=w(0),a=N(null),u=JSON.stringify(e);P(()=>{let m=new AbortController;return a.current=m,o({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),t(void 0,m.signal).then(l=>m.signal.aborted||o({status:"ready",items:l.items||[],cursor:l.nextCursor,error:null,moreStatus:"idle"}),l=>m.signal.aborted||kt(l)||o(_=>({..._,status:"error",error:l}))),()=>m.abort()},[u,n]);let p=()=>{let m=a.current;return o(l=>({...l,moreStatus:"loading",moreError:null})),t(r.cursor,m.signal).then(l=>{if(m.signal.aborted)return 0;let _=l.items||[];return o(h=>({...h,items:[...h.items,..._],cursor:l.nextCursor,moreStatus:"idle"})),_.length},l=>(!m.signal.aborted&&!kt(l)&&o(_=>({..._,moreStatus:"error",moreError:l})),0))};return{...r,more:!!r.cursor,loadMore:p,reload:()=>s(m=>m+1),update:m=>o(l=>({...l,items:m(l.items)}))}}var Qe=new Map;function J(t,e="USD"){let r=Qe.get(e);if(!r){try{r=new Intl.NumberFormat(void 0,{style:"currency",currency:e})}catch{r=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}Qe.set(e,r)}return r.format(t/100)}var jr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),Yr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Ut=t=>t?jr.format(new Date(t)):"",ht=t=>t?Yr.format(new Date(t)):"",Vr=5;function ze(t){return t<=0?{kind:"out",label:"Out of stock"}:t<=Vr?{kind:"low",label:`Only ${t} left`}:{kind:"in",label:"In stock"}}function X(t){let e=String(t||"").replace(/-/g," ").trim();return e?e[0].toUpperCase()+e.slice(1):""}var Xe=(t,e,r=e+"s")=>`${t} ${t===1?e:r}`,K=t=>String(t).slice(-8);function Ze(t){let e=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(t);return e?Number(e[1])*100+Number((e[2]||"0").padEnd(2,"0")):null}var tr=t=>(t/100).toFixed(2);function S({title:t,children:e}){let{titleFocus:r}=y(),o=N(null);return P(()=>{document.title=t?`${t} · Bookshop`:"Bookshop"},[t]),P(()=>{let n=document.activeElement;r.afterNavigation&&(!n||n===document.body||n.tagName==="H1")&&o.current?.focus({preventScroll:!0})},[]),c`<h1 tabindex="-1" class="page-title" ref=${o}>${e||t}</h1>`}function T({label:t="Loading…"}){return c`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${t}</p>`}function A({error:t,retry:e,what:r="this page"}){return c`<div class="state state--error" role="alert">
    <p><strong>Could not load ${r}.</strong> ${t?.message||""}</p>
    ${e&&c`<button type="button" class="button" onClick=${e}>Try again</button>`}
  </div>`}function O({children:t}){return c`<div class="state state--empty">${t}</div>`}function L({kind:t="info",children:e,testid:r}){return c`<div class="alert alert--${t}" role=${t==="error"?"alert":"status"} data-testid=${r}>${e}</div>`}function I({id:t,label:e,hint:r,error:o,control:n}){let s=[r&&`${t}-hint`,o&&`${t}-error`].filter(Boolean).join(" ")||void 0;return c`<div class=${o?"field field--invalid":"field"}>
    <label for=${t}>${e}</label>
    ${n({id:t,name:t,"aria-describedby":s,"aria-invalid":o?"true":void 0})}
    ${r&&c`<p class="hint" id=${`${t}-hint`}>${r}</p>`}
    ${o&&c`<p class="field-error" id=${`${t}-error`}>${o}</p>`}
  </div>`}function M({error:t,shown:e=[]}){if(!t)return null;let r=Object.entries(t.fields||{}).filter(([o])=>!e.includes(o));return c`<div class="alert alert--error" role="alert">
    <p>${t.message}</p>
    ${r.length>0&&c`<ul>${r.map(([o,n])=>c`<li key=${o}>${o}: ${n}</li>`)}</ul>`}
  </div>`}var H=({cents:t,currency:e})=>c`<span class="price">${J(t,e)}</span>`;function se({value:t,label:e}){let r=Math.round(t);return c`<span class="stars"><span aria-hidden="true">${"★".repeat(r)}${"☆".repeat(5-r)}</span><span class="visually-hidden">${e}</span></span>`}function Dt({rating:t}){let e=t?.count||0;if(!e)return c`<span class="rating rating--none">No reviews yet</span>`;let r=t.average.toFixed(1);return c`<span class="rating"><${se} value=${t.average} label=${`Rated ${r} out of 5`} /> <span>${r}</span>${" "}<span class="muted"
    >(${e} ${e===1?"review":"reviews"})</span></span>`}function Bt({stock:t}){let e=ze(t);return c`<span class=${`stock stock--${e.kind}`}>${e.label}</span>`}function Jr(t){let e=0;for(let r of String(t))e=e*31+r.charCodeAt(0)>>>0;return e%8}function q({book:t,eager:e=!1,size:r="thumb"}){let o=t.cover,[n,s]=w(!1),a=r==="large"?300:200,u=r==="large"?420:280,p="",m;return o&&!n&&(r==="large"?p=o.url||o.thumbnail2xUrl||o.thumbnailUrl||"":o.thumbnailUrl&&(p=o.thumbnailUrl,m=o.thumbnail2xUrl?`${o.thumbnailUrl} 1x, ${o.thumbnail2xUrl} 2x`:void 0)),p?c`<img class=${`cover cover--${r}`} src=${p} srcset=${m} width=${a} height=${u}
    alt=${r==="large"?`Cover of ${t.title}`:""} loading=${e?"eager":"lazy"} decoding="async"
    onError=${()=>s(!0)} />`:c`<div class=${`cover cover--${r} cover--placeholder cover--hue-${Jr(t.id)}`} aria-hidden="true">
      <span class="cover__title">${t.title}</span><span class="cover__author">${t.author}</span>
    </div>`}function G({pager:t,label:e="Load more",testid:r="load-more"}){return!t.more&&t.moreStatus!=="error"?null:c`<div class="load-more">
    ${t.moreStatus==="error"&&c`<p class="field-error" role="alert">${t.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${r} disabled=${t.moreStatus==="loading"}
      aria-busy=${t.moreStatus==="loading"?"true":void 0} onClick=${t.loadMore}>
      ${t.moreStatus==="loading"?"Loading…":e}
    </button>
  </div>`}var Kr={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},$t=t=>Kr[t]||t,Ft=({status:t})=>c`<span class=${`badge badge--${String(t).toLowerCase()}`}>${$t(t)}</span>`;function st(t){let[e,r]=w(t);return[e,n=>({value:e[n],onInput:s=>{let a=s.currentTarget.value;r(u=>({...u,[n]:a}))}}),r]}function W(t){let[e,r]=w(!1),[o,n]=w(null),s=N(!0);return P(()=>()=>s.current=!1,[]),{busy:e,error:o,submit:async u=>{u?.preventDefault?.(),r(!0),n(null);try{await t()}catch(p){s.current&&n(p)}finally{s.current&&r(!1)}},setError:n}}var Qr=20,er=6;function rr({item:t,rank:e,eager:r}){let o=t.book;return c`<li class="ranked-book" data-testid="bestseller" data-book-id=${o.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(o.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${e}</span>
      <${q} book=${o} eager=${r} />
      <span class="ranked-book__title">${o.title}</span>
    </a>
    <span class="ranked-book__author">${o.author}</span>
    <span class="ranked-book__meta"><${H} cents=${o.priceCents} currency=${o.currency} /> · <span data-testid="bestseller-count">${t.count} sold</span></span>
  </li>`}function or({query:t}){let{api:e,router:r}=y(),o=t.get("period")==="30d"?"30d":"all",n=t.get("category")||"",s=V(m=>e.bestSellers({period:o==="all"?void 0:o,category:n,limit:Qr},m),[o,n]),a=m=>{let l=new URLSearchParams(t);m==="all"?l.delete("period"):l.set("period",m);let _=l.toString();r.navigate(_?`/bestsellers?${_}`:"/bestsellers")},u=n?`Best sellers in ${X(n)}`:"Best sellers",p=s.data?.items||[];return c`<section class="bestsellers" data-testid="bestsellers-page">
    <div class="page-head">
      <${S} title=${u} />
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
    ${s.status==="loading"&&c`<${T} label="Loading best sellers…" />`}
    ${s.status==="error"&&c`<${A} error=${s.error} retry=${s.reload} what="the best sellers" />`}
    ${s.status==="ready"&&p.length===0&&c`<${O}><p data-testid="bestsellers-empty">No sales ${o==="30d"?"in the last 30 days":"yet"}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${p.length>0&&c`<ol class="ranked-books ranked-books--page" aria-label=${u}>
      ${p.map((m,l)=>c`<${rr} key=${m.book.id} item=${m} rank=${l+1} eager=${l<4} />`)}
    </ol>`}
  </section>`}function sr({category:t}){let{api:e}=y(),o=V(s=>e.bestSellers({category:t,limit:er},s),[t]).data?.items||[];if(o.length===0)return null;let n=t?`/bestsellers?category=${encodeURIComponent(t)}`:"/bestsellers";return c`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${n} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${o.map((s,a)=>c`<${rr} key=${s.book.id} item=${s} rank=${a+1} />`)}
    </ol>
  </section>`}function nr({bookId:t}){let{api:e}=y(),o=V(n=>e.alsoBought(t,{limit:er},n),[t]).data?.items||[];return o.length===0?null:c`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${o.map(n=>c`<li class="ranked-book" key=${n.book.id} data-testid="also-bought-book" data-book-id=${n.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(n.book.id)}`}>
            <${q} book=${n.book} />
            <span class="ranked-book__title">${n.book.title}</span>
          </a>
          <span class="ranked-book__author">${n.book.author}</span>
          <span class="ranked-book__meta"><${H} cents=${n.book.priceCents} currency=${n.book.currency} /></span>
        </li>`)}
    </ul>
  </section>`}var zr=12,Xr=4;function ne({book:t,eager:e}){return c`<li class="book-card" data-testid="book-card" data-book-id=${t.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(t.id)}`}>
      <${q} book=${t} eager=${e} />
      <h2 class="book-card__title">${t.title}</h2>
    </a>
    <p class="book-card__author">${t.author}</p>
    <p class="book-card__meta"><${H} cents=${t.priceCents} currency=${t.currency} /> <${Bt} stock=${t.stock} /></p>
    <p class="book-card__rating"><${Dt} rating=${t.rating} /></p>
  </li>`}function ar({query:t}){let{api:e,router:r,categories:o}=y(),n=t.get("category")||"",s=t.get("sort")==="title"?"title":"newest",a=R(o),u=n&&!a.includes(n)?[...a,n].sort():a,p=N(null),m=F((i,d)=>e.listBooks({category:n,sort:s,limit:zr,cursor:i},d).then(f=>(o.see(f.items||[]),f)),[n,s]),l=(i,d)=>{let f=new URLSearchParams(t);d?f.set(i,d):f.delete(i),f.delete("cursor");let g=f.toString();r.navigate(g?`/?${g}`:"/")},_=async()=>{let i=m.items.length;await m.loadMore()>0&&requestAnimationFrame(()=>p.current?.querySelectorAll(".book-card__link")[i]?.focus())},h=n?X(n):"All books";return c`<section class="catalog">
    <div class="page-head">
      <${S} title=${h} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${n} onChange=${i=>l("category",i.currentTarget.value)}>
            <option value="">All categories</option>
            ${u.map(i=>c`<option key=${i} value=${i}>${X(i)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${s} onChange=${i=>l("sort",i.currentTarget.value==="newest"?"":i.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${m.status==="ready"&&m.items.length>0&&c`<${sr} category=${n} />`}
    ${m.status==="loading"&&c`<${T} label="Loading books…" />`}
    ${m.status==="error"&&c`<${A} error=${m.error} retry=${m.reload} what="the books" />`}
    ${m.status==="ready"&&m.items.length===0&&c`<${O}><p>${n?`No books in ${h} yet.`:"The shop has no books yet."}</p>
      ${n&&c`<p><a href="/">Show all books</a></p>`}<//>`}
    ${m.items.length>0&&c`<ul class="book-grid" ref=${p} aria-label="Books">
      ${m.items.map((i,d)=>c`<${ne} key=${i.id} book=${i} eager=${d<Xr} />`)}
    </ul>`}
    <${G} pager=${{...m,loadMore:_}} label="Load more books" />
  </section>`}var Zr=12,ir=2,ae=100;function cr({query:t}){let{api:e}=y(),r=(t.get("q")||"").trim(),o=r.length>=ir&&r.length<=ae,n=N(null),s=F((p,m)=>o?e.search({q:r,limit:Zr,cursor:p},m):Promise.resolve({items:[],nextCursor:null}),[r]),a=async()=>{let p=s.items.length;await s.loadMore()>0&&requestAnimationFrame(()=>n.current?.querySelectorAll(".book-card__link")[p]?.focus())},u=o?`Results for “${r}”`:"Search";return c`<section class="search" data-testid="search-page">
    <div class="page-head"><${S} title=${u} /></div>
    ${!o&&c`<${O}><p data-testid="search-hint">${r.length>ae?`Search for at most ${ae} characters.`:`Type at least ${ir} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${o&&s.status==="loading"&&c`<${T} label="Searching…" />`}
    ${o&&s.status==="error"&&c`<${A} error=${s.error} retry=${s.reload} what="the results" />`}
    ${o&&s.status==="ready"&&s.items.length===0&&!s.more&&c`<${O}><p data-testid="search-empty">No books match “${r}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${s.items.length>0&&c`<ul class="book-grid" ref=${n} aria-label="Search results" data-testid="search-results">
      ${s.items.map((p,m)=>c`<${ne} key=${p.id} book=${p} eager=${m<4} />`)}
    </ul>`}
    <${G} pager=${{...s,loadMore:a}} label="More results" testid="search-load-more" />
  </section>`}function Z({what:t="page"}){return c`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${t[0].toUpperCase()}${t.slice(1)} not found`} />
    <p>We could not find this ${t}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var to=5,lr=2e3;function eo({book:t}){let{cart:e,notify:r}=y();R(e);let o=e.qtyOf(t.id),n=_t(t.stock)-o,[s,a]=w(1),[u,p]=w("");return t.stock<=0?c`<p class="add-to-cart__note">This book is out of stock.</p>`:c`<form class="add-to-cart" onSubmit=${l=>{l.preventDefault();try{let _=Math.max(1,Math.min(n,s)),h=e.add(t,_);p(""),a(1),r(`Added ${_} × ${t.title} to your cart (${h} in cart).`)}catch(_){p(_.message)}}} aria-label="Add to cart">
    ${n>0?c`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${n} step="1" value=${s} data-testid="add-qty"
              onInput=${l=>a(Number.parseInt(l.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:c`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${o>0&&c`<p class="add-to-cart__note" data-testid="in-cart">${o} in your cart · <a href="/cart">View cart</a></p>`}
    ${u&&c`<p class="field-error" role="alert">${u}</p>`}
  </form>`}function ur({review:t}){return c`<li class="review" data-testid="review">
    <p class="review__head"><${se} value=${t.rating} label=${`${t.rating} out of 5 stars`} />
      <strong>${t.author||"A reader"}</strong> <span class="muted">${Ut(t.createdAt)}</span></p>
    ${t.text&&c`<p class="review__text">${t.text}</p>`}
  </li>`}function ro({bookId:t,mine:e,onSaved:r,onCancel:o}){let{api:n,notify:s}=y(),[a,u]=w(e?.rating||0),[p,m]=w(e?.text||""),[l,_]=w(!1),[h,i]=w(null),[d,f]=w(!1);return c`<form class="review-form" data-testid="review-form" onSubmit=${async b=>{if(b.preventDefault(),!a){i({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}_(!0),i(null);try{let $=e?await n.editReview(t,e.version,{rating:a,text:p}):await n.addReview(t,{rating:a,text:p});s(e?"Your review is updated.":"Thank you for your review."),r($)}catch($){($.status===412||$.status===409)&&f(!0),i($)}finally{_(!1)}}} noValidate>
    <fieldset class=${h?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(b=>c`<label key=${b}><input type="radio" name="rating" value=${b} checked=${a===b} data-testid=${`review-rating-${b}`}
            onChange=${()=>u(b)} /> ${b} ${b===1?"star":"stars"}</label>`)}
      </div>
      ${h?.fields?.rating&&c`<p class="field-error">${h.fields.rating}</p>`}
    </fieldset>
    <${I} id="review-text" label="Your review (optional)" hint=${`Up to ${lr} characters.`} error=${h?.fields?.text}
      control=${b=>c`<textarea ...${b} rows="4" maxlength=${lr} value=${p} data-testid="review-text"
        onInput=${$=>m($.currentTarget.value)}></textarea>`} />
    <${M} error=${h} shown=${["rating","text"]} />
    ${d&&c`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${o}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${l} data-testid="review-submit">${e?"Save review":"Post review"}</button>
      ${e&&c`<button type="button" class="button" onClick=${o}>Cancel</button>`}
    </div>
  </form>`}function oo({bookId:t,onChange:e}){let{api:r,notify:o}=y(),n=V(h=>r.getMyReview(t,h),[t]),[s,a]=w(!1),[u,p]=w(!1),{error:m,submit:l}=W(async()=>{await r.deleteReview(t,n.data.version),n.set(null),p(!1),o("Your review is deleted."),e()});if(n.status==="loading"&&n.data===void 0)return c`<${T} label="Loading your review…" />`;if(n.status==="error")return c`<${A} error=${n.error} retry=${n.reload} what="your review" />`;let _=h=>{n.set(h),a(!1),e()};return!n.data||s?c`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${n.data?"Edit your review":"Write a review"}</h3>
      <${ro} bookId=${t} mine=${n.data} onSaved=${_}
        onCancel=${()=>{a(!1),n.reload()}} />
    </section>`:c`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${ur} review=${n.data} /></ul>
    <${M} error=${m} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>a(!0)}>Edit</button>
      ${u?c`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${l}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>p(!1)}>Keep it</button></span>`:c`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>p(!0)}>Delete</button>`}
    </div>
  </section>`}function so({book:t,onChange:e}){let{api:r,session:o,router:n}=y(),s=R(o),a=R(n.store),u=F((l,_)=>r.listReviews(t.id,{cursor:l,limit:to},_),[t.id]),p=()=>{u.reload(),e()},m=s?u.items.filter(l=>l.userId!==s.userId):u.items;return c`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s?c`<${oo} bookId=${t.id} onChange=${p} />`:c`<p><a href=${Y(a.href)}>Sign in</a> to write a review.</p>`}
    ${u.status==="loading"&&c`<${T} label="Loading reviews…" />`}
    ${u.status==="error"&&c`<${A} error=${u.error} retry=${u.reload} what="the reviews" />`}
    ${u.status==="ready"&&m.length===0&&c`<${O}><p>${u.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${m.length>0&&c`<ul class="reviews" aria-label="Reviews by readers">${m.map(l=>c`<${ur} key=${l.userId} review=${l} />`)}</ul>`}
    <${G} pager=${u} label="More reviews" testid="reviews-load-more" />
  </section>`}function dr({params:t}){let{api:e}=y(),r=V(n=>e.getBook(t.id,n),[t.id]);if(r.status==="error"&&r.error.status===404)return c`<${Z} what="book" />`;let o=r.data;return o?c`<article class="book" data-testid="book" data-book-id=${o.id}>
    <div class="book__cover"><${q} book=${o} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${o.title} />
      <p class="book__author">by ${o.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(o.category)}`}>${X(o.category)}</a></p>
      <p class="book__rating"><${Dt} rating=${o.rating} /></p>
      <p class="book__buy"><span class="book__price"><${H} cents=${o.priceCents} currency=${o.currency} /></span> <${Bt} stock=${o.stock} /></p>
      <${eo} book=${o} />
      ${o.description&&c`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${o.description}</p></div>`}
    </div>
    <div class="book__also"><${nr} bookId=${o.id} /></div>
    <div class="book__reviews"><${so} book=${o} onChange=${r.reload} /></div>
    ${r.status==="error"&&c`<${L} kind="error">${r.error.message}<//>`}
  </article>`:c`<section>
      <${S} title=${r.status==="error"?"Book":"Loading book…"} />
      ${r.status==="error"?c`<${A} error=${r.error} retry=${r.reload} what="the book" />`:c`<${T} label="Loading book…" />`}
    </section>`}function no(t){let{api:e,cart:r}=y(),[o,n]=w({}),[s,a]=w(!1),[u,p]=w(0),m=[...t].sort().join(",");return P(()=>{let l=new AbortController;return a(!1),Promise.allSettled(t.map(_=>e.getBook(_,l.signal))).then(_=>{if(l.signal.aborted)return;let h={};_.forEach((i,d)=>{i.status==="fulfilled"?(h[t[d]]=i.value,r.refresh(i.value)):i.reason?.status===404?h[t[d]]="missing":a(!0)}),n(h)}),()=>l.abort()},[m,u]),{books:o,failed:s,reload:()=>p(l=>l+1)}}function ao({line:t,max:e}){let{cart:r,notify:o}=y(),n=`qty-${t.bookId}`,s=a=>{let u=Math.max(1,Math.min(e||dt,a));u!==t.qty&&(r.setQty(t.bookId,u),o(`${t.title}: quantity ${u}.`))};return c`<div class="qty" role="group" aria-label=${`Quantity of ${t.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${t.title}`} disabled=${t.qty<=1}
      data-testid="qty-decrease" onClick=${()=>s(t.qty-1)}>−</button>
    <label class="visually-hidden" for=${n}>Quantity</label>
    <input id=${n} type="number" inputmode="numeric" min="1" max=${e||dt} value=${t.qty} data-testid="qty-input"
      onChange=${a=>s(Number.parseInt(a.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${t.title}`} disabled=${t.qty>=(e||dt)}
      data-testid="qty-increase" onClick=${()=>s(t.qty+1)}>+</button>
  </div>`}function pr(t,e){return e==="missing"?"This book is no longer available: remove it to check out.":e?e.stock<=0?"Out of stock: remove it to check out.":t.qty>e.stock?`Only ${e.stock} left: lower the quantity to check out.`:"":""}function io({blocked:t,onShortStock:e}){let{api:r,cart:o,session:n,router:s,notify:a}=y(),u=R(n),[p,m]=w(!1),[l,_]=w(null),h=N(!1);if(!u)return c`<p class="checkout"><a class="button button--primary" href=${Y("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let i=async()=>{if(h.current)return;h.current=!0,m(!0),_(null);let d=o.checkoutAttempt();try{let f=await r.checkout(d);o.checkedOut(),a("Thank you! Your order is placed."),s.navigate(`/orders/${encodeURIComponent(f.id)}?placed=1`)}catch(f){f.status===409&&Array.isArray(f.problem.outOfStock)&&e(f.problem.outOfStock),f.status===422&&o.forgetAttempt(),_(f)}finally{h.current=!1,m(!1)}};return c`<div class="checkout">
    ${l&&!Array.isArray(l.problem?.outOfStock)&&c`<${L} kind="error" testid="checkout-error"><p>${l.message}</p>
      ${l.status===0&&c`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${p||t}
      aria-busy=${p?"true":void 0} onClick=${i}>${p?"Placing your order…":"Check out"}</button>
  </div>`}function mr(){let{cart:t,notify:e}=y(),r=R(t),{books:o,failed:n,reload:s}=no(r.map(d=>d.bookId)),[a,u]=w({});if(r.length===0)return c`<section class="cart">
      <${S} title="Your cart" />
      <${O}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let p=d=>{t.remove(d.bookId),e(`Removed ${d.title} from your cart.`)},m=r.map(d=>{let f=o[d.bookId],g=f&&f!=="missing"?f:null,b=g?g.priceCents:d.priceCents,$=g?g.currency:d.currency,v=a[d.bookId]===d.qty;return{line:d,book:f,unit:b,currency:$,isShort:v,problem:pr(d,f)||(v?"Not enough in stock for this quantity.":"")}}),l={};for(let d of m)d.book!=="missing"&&(l[d.currency]=(l[d.currency]||0)+d.unit*d.line.qty);let _=m.some(d=>pr(d.line,d.book))||m.some(d=>d.book===void 0&&!n),h=m.filter(d=>d.isShort).map(d=>d.line.title),i=d=>{u(Object.fromEntries(r.filter(f=>d.includes(f.bookId)).map(f=>[f.bookId,f.qty]))),s()};return c`<section class="cart">
    <${S} title="Your cart" />
    ${h.length>0&&c`<${L} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${h.join(", ")}. Lower the quantity or remove ${h.length===1?"it":"them"}, then check out again.</p><//>`}
    ${n&&c`<${L} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${s}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${m.map(({line:d,book:f,unit:g,currency:b,problem:$})=>c`<li key=${d.bookId} class=${$?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${d.bookId}>
          <div class="cart-line__cover">${f&&f!=="missing"?c`<${q} book=${f} />`:c`<${q} book=${{id:d.bookId,title:d.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(d.bookId)}`}>${d.title}</a></h2>
            <p class="muted"><${H} cents=${g} currency=${b} /> each</p>
            ${$&&c`<p class="field-error" data-testid="line-problem">${$}</p>`}
            <div class="cart-line__controls">
              ${f!=="missing"&&c`<${ao} line=${d} max=${f?_t(f.stock)||1:d.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${d.title} from your cart`}
                onClick=${()=>p(d)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${H} cents=${g*d.qty} currency=${b} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(l).map(([d,f])=>J(f,d)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${io} blocked=${_} onShortStock=${i} />
    </div>
  </section>`}var co=10;function fr(){let{api:t}=y(),e=F((r,o)=>t.listMyOrders({cursor:r,limit:co},o),[]);return c`<section class="orders">
    <${S} title="My orders" />
    ${e.status==="loading"&&c`<${T} label="Loading your orders…" />`}
    ${e.status==="error"&&c`<${A} error=${e.error} retry=${e.reload} what="your orders" />`}
    ${e.status==="ready"&&e.items.length===0&&c`<${O}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${e.items.length>0&&c`<ul class="order-list" aria-label="Orders">
      ${e.items.map(r=>c`<li key=${r.id} class="order-row" data-testid="order-row" data-order-id=${r.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(r.id)}`}>Order ${K(r.id)}</a>
          <span class="muted">${Ut(r.createdAt)}</span>
          <span>${Xe(r.items.reduce((o,n)=>o+n.qty,0),"book")}</span>
          <span class="price">${J(r.totalCents,r.currency)}</span>
          <${Ft} status=${r.status} />
        </li>`)}
    </ul>`}
    <${G} pager=${e} label="More orders" />
  </section>`}function lo({order:t}){let e=r=>J(r,t.currency);return c`<table class="order-table">
    <caption class="visually-hidden">Books in order ${K(t.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${t.items.map(r=>c`<tr key=${r.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(r.bookId)}`}>${r.title}</a></th>
          <td class="num">${e(r.unitPriceCents)}</td><td class="num">${r.qty}</td><td class="num">${e(r.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${e(t.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${t.shippingCents?e(t.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${e(t.totalCents)}</td></tr>
    </tfoot>
  </table>`}function _r({params:t,query:e}){let{api:r,notify:o}=y(),n=V(u=>r.getOrder(t.id,u),[t.id]),s=W(async()=>{try{n.set(await r.cancelOrder(t.id)),o("Your order is cancelled.")}catch(u){throw n.reload(),u}});if(n.status==="error"&&n.error.status===404)return c`<${Z} what="order" />`;let a=n.data;return a?c`<section class="order" data-testid="order" data-order-id=${a.id} data-status=${a.status}>
    <${S} title=${`Order ${K(a.id)}`} />
    ${e.get("placed")&&c`<${L} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Ft} status=${a.status} /> <span class="muted">Placed ${ht(a.createdAt)}</span></p>
    <${lo} order=${a} />
    <${M} error=${s.error} />
    ${a.status==="PENDING"&&c`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${s.busy} onClick=${s.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:c`<section>
      <${S} title="Order" />
      ${n.status==="error"?c`<${A} error=${n.error} retry=${n.reload} what="the order" />`:c`<${T} label="Loading the order…" />`}
    </section>`}function hr(){let{api:t,router:e,notify:r}=y(),[o,n]=st({email:"",password:""}),{busy:s,error:a,submit:u}=W(async()=>{await t.register(o.email,o.password),r("Account created. Enter the confirmation code we sent you."),e.navigate(`/confirm?email=${encodeURIComponent(o.email)}`)});return c`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${u} data-testid="register-form">
      <${I} id="email" label="Email" error=${a?.fields?.email}
        control=${p=>c`<input ...${p} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${I} id="password" label="Password" hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit." error=${a?.fields?.password}
        control=${p=>c`<input ...${p} type="password" autocomplete="new-password" required minlength="8" ...${n("password")} />`} />
      <${M} error=${a} shown=${["email","password"]} />
      ${a?.status===409&&c`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${s} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function $r({query:t}){let{api:e,router:r,notify:o}=y(),[n,s]=st({email:t.get("email")||"",code:""}),{busy:a,error:u,submit:p}=W(async()=>{await e.confirm(n.email,n.code.trim()),o("Your account is confirmed. Sign in."),r.navigate(`/login?confirmed=1&email=${encodeURIComponent(n.email)}`)});return c`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${p} data-testid="confirm-form">
      <${I} id="email" label="Email" error=${u?.fields?.email}
        control=${m=>c`<input ...${m} type="email" autocomplete="email" required ...${s("email")} />`} />
      <${I} id="code" label="Confirmation code" error=${u?.fields?.code}
        control=${m=>c`<input ...${m} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${M} error=${u} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${a} data-testid="confirm-submit">Confirm</button>
    </form>
  </section>`}function gr({query:t}){let{api:e,router:r,notify:o}=y(),[n,s]=st({email:t.get("email")||"",password:""}),a=He(t.get("next")),{busy:u,error:p,submit:m}=W(async()=>{await e.login(n.email,n.password),o("You are signed in."),r.navigate(a,{replace:!0})});return c`<section class="auth">
    <${S} title="Sign in" />
    ${t.get("confirmed")&&c`<${L} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${!t.get("confirmed")&&a!=="/"&&c`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${m} data-testid="login-form">
      <${I} id="email" label="Email" error=${p?.fields?.email}
        control=${l=>c`<input ...${l} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${I} id="password" label="Password" error=${p?.fields?.password}
        control=${l=>c`<input ...${l} type="password" autocomplete="current-password" required ...${s("password")} />`} />
      <${M} error=${p} shown=${["email","password"]} />
      ${p?.status===403&&c`<p><a href=${`/confirm?email=${encodeURIComponent(n.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${u} data-testid="login-submit">Sign in</button>
    </form>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}var uo=25;function br(){let{api:t}=y(),e=F((r,o)=>t.listBooks({sort:"title",limit:uo,cursor:r},o),[]);return c`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${e.status==="loading"&&c`<${T} label="Loading books…" />`}
    ${e.status==="error"&&c`<${A} error=${e.error} retry=${e.reload} what="the books" />`}
    ${e.status==="ready"&&e.items.length===0&&c`<${O}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${e.items.length>0&&c`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${e.items.map(r=>c`<tr key=${r.id} data-testid="admin-book-row" data-book-id=${r.id}>
            <td class="admin-table__cover"><${q} book=${r} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(r.id)}`}>${r.title}</a><br /><span class="muted">${r.author}</span></th>
            <td>${X(r.category)}</td>
            <td class="num"><${H} cents=${r.priceCents} currency=${r.currency} /></td>
            <td class="num">${r.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${G} pager=${e} label="More books" />
  </section>`}var vr=["image/jpeg","image/png","image/webp"],po=5*1024*1024,mo=1e3,fo=30,_o={priceCents:"price"};function ho(t){return{title:t?.title||"",author:t?.author||"",category:t?.category||"",description:t?.description||"",price:t?tr(t.priceCents):"",currency:t?.currency||"USD",stock:t?String(t.stock):"0"}}function $o(t){let e={},r=Ze(t.price);r===null&&(e.price="Enter a price such as 12.99.");let o=Number(t.stock);if((!/^\d+$/.test(t.stock.trim())||!Number.isSafeInteger(o))&&(e.stock="Enter a whole number of 0 or more."),Object.keys(e).length)return{fields:e};let n={title:t.title.trim(),author:t.author.trim(),category:t.category.trim(),description:t.description.trim(),priceCents:r,stock:o};return t.currency.trim()&&(n.currency=t.currency.trim().toUpperCase()),{details:n}}function yr({book:t,onSaved:e,onReload:r}){let{api:o}=y(),[n,s]=st(ho(t)),[a,u]=w(!1),[p,m]=w(null),l=async i=>{i.preventDefault();let{details:d,fields:f}=$o(n);if(f){m({message:"Some fields need your attention.",fields:f});return}u(!0),m(null);try{e(t?await o.updateBook(t.id,t.version,d):await o.createBook(d))}catch(g){let b=Object.fromEntries(Object.entries(g.fields||{}).map(([$,v])=>[_o[$]||$,v]));m({message:g.message,status:g.status,fields:b})}finally{u(!1)}},_=p?.fields||{},h=(i,d={})=>f=>c`<input ...${f} ...${d} ...${s(i)} data-testid=${`book-${i}`} />`;return c`<form class="form form--wide" onSubmit=${l} data-testid="book-form" noValidate>
    <${I} id="book-title" label="Title" error=${_.title} control=${h("title",{required:!0,maxlength:200})} />
    <${I} id="book-author" label="Author" error=${_.author} control=${h("author",{required:!0,maxlength:120})} />
    <${I} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${_.category}
      control=${h("category",{required:!0})} />
    <${I} id="book-description" label="Description" error=${_.description}
      control=${i=>c`<textarea ...${i} rows="5" maxlength="4000" ...${s("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${I} id="book-price" label="Price" hint="For example 12.99" error=${_.price} control=${h("price",{inputmode:"decimal",required:!0})} />
      <${I} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${_.currency}
        control=${h("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${I} id="book-stock" label="Stock" error=${_.stock} control=${h("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${p?.status===412&&c`<${L} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${r}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${p?.status!==412&&c`<${M} error=${p} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${a} data-testid="book-save">${t?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function go(t){return vr.includes(t.type)?t.size>po?`The image is ${(t.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:t.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function bo(t,e){let r=t.cover?.url||"",o=r;try{o=decodeURIComponent(r)}catch{}return!!t.cover?.thumbnailUrl&&(!e||r.includes(e)||o.includes(e))}function yo({book:t,onCover:e}){let{api:r,notify:o}=y(),[n,s]=w(null),[a,u]=w(""),[p,m]=w("idle"),[l,_]=w(0),[h,i]=w(""),d=N(!0),f=N(null);P(()=>()=>d.current=!1,[]),P(()=>()=>a&&URL.revokeObjectURL(a),[a]);let g=v=>{let k=v.currentTarget.files?.[0]||null;if(i(""),m("idle"),s(null),u(""),!k)return;let D=go(k);if(D){i(D);return}s(k),u(URL.createObjectURL(k))},b=async()=>{i(""),_(0),m("uploading");try{let v=await r.requestCoverUpload(t.id,n.type,n.size);if(await r.uploadFile(v,n,k=>d.current&&_(k)),!d.current)return;m("processing");for(let k=0;k<fo&&d.current;k++){await new Promise(j=>setTimeout(j,mo));let D=await r.getBook(t.id);if(bo(D,v.key)){if(!d.current)return;e(D),m("done"),s(null),u(""),f.current&&(f.current.value=""),o("The new cover is ready.");return}}d.current&&m("slow")}catch(v){if(!d.current)return;m("idle"),i(v.message)}},$=p==="uploading"||p==="processing";return c`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${q} book=${t} /><figcaption>Current</figcaption></figure>
      ${a&&c`<figure><img class="cover cover--thumb" src=${a} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${I} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${h}
      control=${v=>c`<input ...${v} ref=${f} type="file" accept=${vr.join(",")} disabled=${$} data-testid="cover-file" onChange=${g} />`} />
    ${p==="uploading"&&c`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(l*100)} data-testid="cover-progress">${Math.round(l*100)}%</progress></p>`}
    ${p==="processing"&&c`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${p==="done"&&c`<${L} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${p==="slow"&&c`<${L} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!n||$} data-testid="cover-submit" onClick=${b}>Upload cover</button>
  </section>`}function vo({book:t,onReload:e}){let{api:r,router:o,notify:n}=y(),[s,a]=w(!1),{busy:u,error:p,submit:m,setError:l}=W(async()=>{await r.deleteBook(t.id,t.version),n(`Deleted ${t.title}.`),o.navigate("/admin/books",{replace:!0})});return c`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${p?.status===412?c`<${L} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{l(null),a(!1),e()}}>Load the latest version</button></p><//>`:c`<${M} error=${p} />`}
    ${s?c`<p>Delete “${t.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${u} data-testid="book-delete-confirm" onClick=${m}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>a(!1)}>Keep it</button>
          </div>`:c`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>a(!0)}>Delete this book</button>`}
  </section>`}function ie({params:t}){let{api:e,router:r,notify:o}=y(),n=!t.id,s=V(_=>n?Promise.resolve(null):e.getBook(t.id,_),[t.id||"new"]),[a,u]=w(0);if(n)return c`<section class="admin">
      <${S} title="Add a book" />
      <${yr} onSaved=${h=>{o(`Added ${h.title}. Now add a cover.`),r.navigate(`/admin/books/${encodeURIComponent(h.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(s.status==="error"&&s.error.status===404)return c`<${Z} what="book" />`;let p=s.data;if(!p)return c`<section class="admin">
      <${S} title="Edit book" />
      ${s.status==="error"?c`<${A} error=${s.error} retry=${s.reload} what="the book" />`:c`<${T} label="Loading the book…" />`}
    </section>`;let m=_=>{s.set(_),o(`Saved ${_.title}.`)},l=async()=>{try{s.set(await e.getBook(p.id)),u(_=>_+1),o("Loaded the latest version.")}catch(_){_.status===404?s.reload():o(_.message)}};return c`<section class="admin admin-book">
    <${S} title=${`Edit “${p.title}”`} />
    <p class="muted">Version ${p.version} · updated ${ht(p.updatedAt)} · <a href=${`/books/${encodeURIComponent(p.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${yr} key=${a} book=${p} onSaved=${m} onReload=${l} />
      <div>
        <${yo} book=${p} onCover=${_=>s.set(_)} />
        <${vo} book=${p} onReload=${l} />
      </div>
    </div>
  </section>`}var kr=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],ko=20,wr={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function wo({order:t,onMoved:e}){let{api:r,notify:o}=y(),[n,s]=w(!1),[a,u]=w(""),p=async m=>{s(!0),u("");try{let l=m==="CANCELLED"?await r.cancelOrder(t.id):await r.setOrderStatus(t.id,m);o(`Order ${K(t.id)} is now ${$t(l.status).toLowerCase()}.`),e(l)}catch(l){u(l.message),s(!1)}};return c`<li class="admin-order" data-testid="admin-order" data-order-id=${t.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${K(t.id)}</h2>
      <span class="muted">${ht(t.createdAt)}</span>
      <span class="price">${J(t.totalCents,t.currency)}</span>
    </div>
    <p class="muted">Customer ${K(t.userId)}</p>
    <ul class="admin-order__lines">
      ${t.items.map(m=>c`<li key=${m.bookId}>${m.qty} × ${m.title}</li>`)}
    </ul>
    ${a&&c`<p class="field-error" role="alert">${a}</p>`}
    ${wr[t.status]&&c`<div class="actions">
      ${wr[t.status].map(([m,l])=>c`<button key=${m} type="button" class=${m==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${n} data-testid=${`set-status-${m}`} aria-label=${`${l}: order ${K(t.id)}`} onClick=${()=>p(m)}>${l}</button>`)}
    </div>`}
  </li>`}function Sr({query:t}){let{api:e}=y(),r=kr.includes(t.get("status"))?t.get("status"):"PENDING",o=F((s,a)=>e.listAllOrders({status:r,cursor:s,limit:ko},a),[r]),n=s=>o.update(a=>a.filter(u=>u.id!==s.id));return c`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${kr.map(s=>c`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s===r?"page":void 0}
          data-testid=${`status-tab-${s}`}>${$t(s)}</a>`)}
    </nav>
    ${o.status==="loading"&&c`<${T} label="Loading orders…" />`}
    ${o.status==="error"&&c`<${A} error=${o.error} retry=${o.reload} what="the orders" />`}
    ${o.status==="ready"&&o.items.length===0&&c`<${O}><p>No ${$t(r).toLowerCase()} orders.</p><//>`}
    ${o.items.length>0&&c`<ul class="admin-orders" aria-label=${`${$t(r)} orders`}>
      ${o.items.map(s=>c`<${wo} key=${s.id} order=${s} onMoved=${n} />`)}
    </ul>`}
    <${G} pager=${o} label="More orders" />
  </section>`}function Cr({signedIn:t}){let{router:e}=y(),r=R(e.store);return c`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${t?c`<p>Your account cannot manage the shop.</p>`:c`<p><a href=${Y(r.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var So=[{path:"/",page:ar},{path:"/books/:id",page:dr},{path:"/search",page:cr},{path:"/bestsellers",page:or},{path:"/cart",page:mr},{path:"/orders",page:fr,auth:!0},{path:"/orders/:id",page:_r,auth:!0},{path:"/register",page:hr},{path:"/confirm",page:$r},{path:"/login",page:gr},{path:"/admin/books",page:br,admin:!0},{path:"/admin/books/new",page:ie,admin:!0},{path:"/admin/books/:id",page:ie,admin:!0},{path:"/admin/orders",page:Sr,admin:!0}];function Co(t){for(let e of So){let r=Fe(e.path,t);if(r)return{route:e,params:r}}return t.startsWith("/admin/")?{route:{admin:!0,page:Z},params:{}}:{route:{page:Z},params:{}}}var xo=["classics","computing","science-fiction"];function Eo(){let t=z(xo);return{...t,see(e){let r=new Set(t.get());for(let o of e)o.category&&r.add(o.category);r.size!==t.get().length&&t.set([...r].sort())}}}var Po=5e3;function To(){let{notices:t}=y(),e=R(t);return P(()=>{if(!e.message)return;let r=setTimeout(()=>t.set({id:e.id,message:""}),Po);return()=>clearTimeout(r)},[e.id]),c`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${e.message&&c`<p class="toast" key=${e.id}>${e.message}</p>`}
  </div>`}function Ao({to:t}){let{router:e}=y();return P(()=>e.navigate(t,{replace:!0}),[t]),null}function Io(t,e){let r=N(!0);P(()=>{if(r.current){r.current=!1;return}e.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[t])}function Ro({ctx:t}){let e=R(t.router.store),r=R(t.session);Io(e.path,t.titleFocus);let{route:o,params:n}=Co(e.path),s;return o.auth&&!r?s=c`<${Ao} to=${Y(e.href)} />`:o.admin&&!r?.isAdmin?s=c`<${Cr} signedIn=${!!r} />`:s=c`<${o.page} key=${e.path} params=${n} query=${e.query} />`,c`<${oe.Provider} value=${t}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${Ke} />
    <main id="main" tabindex="-1">${s}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${To} />
  <//>`}function No(t){let e=Be(t),r=We(t),o=Ye(t),n=z({id:0,message:""}),s=m=>n.set({id:n.get().id+1,message:m}),a=Je({session:r,onUnauthorized:()=>{let m=e.store.get();m.path!=="/login"&&(s("Please sign in to continue."),e.navigate(Y(m.href),{replace:!0}))}}),u={router:e,session:r,cart:o,api:a,notices:n,notify:s,categories:Eo(),titleFocus:{afterNavigation:!1}},p=t.document.getElementById("app");p.textContent="",ve(c`<${Ro} ctx=${u} />`,p)}No(window);
