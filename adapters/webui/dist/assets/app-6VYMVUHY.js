var x,dt,Oo,ie,We,Te,pt,Ee,mt,Ve,Ye,ft,ye=Symbol.for("pv"),Ae={},Re=[],Mo=/^m(i|n|o|s|text|space)$/,Je=Array.isArray,Ke=Re.slice,ue=Object.assign;function le(e){e&&e.parentNode&&e.remove()}function ht(e,t,o){var r,n,s,a={},c=arguments.length;for(s in t)s=="key"?r=t[s]:s=="ref"&&typeof e!="function"?n=t[s]:a[s]=t[s];return c>2&&(a.children=c>3?Ke.call(arguments,2):o),be(e,a,r,n,null)}function be(e,t,o,r,n){var s={type:e,props:t,key:o,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:ye,__v:n||++dt,__i:-1,__u:0};return!n&&x.vnode&&x.vnode(s),s}function Ie(e){return e.children}function xe(e,t){this.props=e,this.context=t,this.__g=0}function ce(e,t){if(t==null)return e.__&&ce(e.__,e.__i+1);for(var o;t<e.__k.length;t++)if((o=e.__k[t])&&o.__e)return o.__e;return typeof e.type!="function"||e.props.__P?null:ce(e)}function Lo(e){var t,o=e.__v,r=o.__e,n=[],s=[],a=e.__P;a&&((t=ue({constructor:ye},o)).__v=o.__v+1,x.vnode&&x.vnode(t),Qe(a,t,o,e.__n,a.namespaceURI,32&o.__u?[r]:null,n,r||ce(o),32&o.__u,s),t.__v=o.__v,t.__.__k[t.__i]=t,vt(n,t,s),o.__=o.__e=null,t.__e!=r&&_t(t))}function _t(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),_t(e)}function je(e){(8&e.__g||(e.__g|=8,ie.push(e),Te++))&&We==x.debounceRendering||((We=x.debounceRendering)||queueMicrotask)($t)}function $t(){try{for(var e,t=1;ie.length;)ie.length>t&&ie.sort(pt),e=ie.shift(),t=ie.length,8&e.__g&&Lo(e)}finally{(Te=ie.length)&&(We||queueMicrotask)($t)}}function gt(e,t,o,r,n,s,a,c,d,p,l){var _,g,u,f,b,m,h=r.__k||Re,$=t.length;for(d=qo(o,t,h,d,$),_=0;_<$;_++)(u=o.__k[_])!=null&&(g=~u.__i&&h[u.__i]||Ae,u.__i=_,m=Qe(e,u,g,n,s,a,c,d,p,l),f=u.__e,(g.ref!=u.ref||8&g.__u)&&(g.ref&&ze(g.ref,null,u,g),u.ref&&l.push(u.ref,u.__c||f,u)),b=b||f,4&u.__u?(d=bt(u,d,e,!g.__v),g.__e&&(g.__e=null)):typeof u.type=="function"&&m!==void 0?d=m:f&&(d=f.nextSibling),u.__u&=-21);return o.__e=b,d}function qo(e,t,o,r,n){var s,a,c,d,p,l,_,g,u,f=o.length,b=f,m=0,h=0,$=e.__k=Array(n);for(s=0;s<n;s++)(a=t[s])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=$[s]=be(null,a):Je(a)?a=$[s]=be(Ie,{children:a}):a.constructor===ye&&a.__b?a=$[s]=be(a.type,a.props,a.key,a.ref,a.__v):$[s]=a,d=s+m,a.__=e,a.__b=e.__b+1,c=null,~(p=a.__i=Do(a,o,d,b))&&(b--,(c=o[p])&&(c.__u|=2)),c&&c.__v?(a.__u|=16,p==d-1?m--:p==d+1?m++:p!=d&&(p>d?m--:m++,h=1)):(~p||(n>f?m--:n<f&&m++),typeof a.type!="function"&&(a.__u|=4))):$[s]=null;if(h){for(l=[],_=[],s=0;s<n;s++)if((a=$[s])&&16&a.__u){for(m=0,g=l.length;m<g;)l[u=m+g>>1]<a.__i?m=u+1:g=u;l[m]=a.__i,_[s]=m+1}for(m=l.length;s--;)_[s]&&(_[s]==m?m--:$[s].__u|=4)}if(b)for(s=0;s<f;s++)!(c=o[s])||2&c.__u||(c.__e==r&&(r=ce(c)),Xe(c,c));return r}function bt(e,t,o,r){var n,s,a,c;if(typeof e.type=="function"){if(e.props.__P)return t;if(n=e.__k)for(s=0;s<n.length;s++)n[s]&&(n[s].__=e,t=bt(n[s],t,o,!1));return t}for(t&&!t.parentNode&&(t=ce(e))&&!t.parentNode&&(t=null),a=e.__e,c=t;c&&c.nodeType==8;)c=c.nextSibling;for(a!=c&&(!r&&o.moveBefore&&a.parentNode?o.moveBefore(a,t):o.insertBefore(a,t||null)),t=a;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Do(e,t,o,r){var n,s=e.key,a=e.type,c=t[o],d=c&&!(2&c.__u);if(c===null&&s==null||d&&s==c.key&&a==c.type)return o;if(r>(d?1:0)){for(n=o-1;n>=0;n--)if((c=t[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n;for(n=o+1;n<t.length;n++)if((c=t[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n}return-1}function ut(e,t,o){o==null&&(o=""),t[0]=="-"?e.setProperty(t,o):e[t]=o}function Ce(e,t,o,r,n){var s,a;if(t=="style")if(typeof o=="string")e.style.cssText=o;else{if(typeof r=="string"&&(e.style.cssText=r=""),r)for(t in r)o&&t in o||ut(e.style,t);if(o)for(t in o)r&&o[t]==r[t]||ut(e.style,t,o[t])}else if(t[0]=="o"&&t[1]=="n")typeof o!="function"&&(o=null),typeof r!="function"&&(r=null),(e.__e||(e.__e={}))[t]=o,o&&r||(a=Ye[t]||(Ye[t]=Uo(t)),(e.__a||(e.__a={}))[t]=Ve,s=t!=(t=t.replace(mt,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),o?e.addEventListener(t,a,s):e.removeEventListener(t,a,s));else{if(n=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=o??"")}catch{}if(typeof o=="function")return;o==null||o===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&o==1?"":o)}}function Uo(e){return function(t){var o=this.__e;if(o){if(o=o[e],t[Ee]==null)t[Ee]=Ve++;else if(t[Ee]<this.__a[e])return;return o(x.event?x.event(t):t)}}}function Qe(e,t,o,r,n,s,a,c,d,p){var l,_,g,u,f,b,m,h,$,v,k,C,N,W,B,ge,F,Z,Y=t.type;if(t.constructor!==ye)return null;128&o.__u&&(d=32&o.__u,l=o.__c.__z)&&(t.__u|=d,_=s=[],l.nodeType==8?c=Pe(l,s):s.push(l),c=s[0]||c),(l=x.__b)&&l(t);e:if(typeof Y=="function"){g=a.length;try{if(h=t.props,$=(l=Y.prototype)&&l.render,v=(l=Y.contextType)&&r[l.__c],k=l?v?v.props.value:l.__:r,(u=o.__c)?(t.__c=u,2&u.__g&&(u.__g|=1)):($?t.__c=u=new Y(h,k):(t.__c=u=new xe(h,k),u.constructor=Y,u.render=Fo),v&&v.sub(u),u.state||(u.state={}),u.__n=r,u.__g|=8,u.__h=[],u.__k=[]),$&&(u.__s||(u.__s=u.state),Y.getDerivedStateFromProps&&(u.__s==u.state&&(u.__s=ue({},u.__s)),ue(u.__s,Y.getDerivedStateFromProps(h,u.__s)))),f=u.props,b=u.state,u.__v=t,o.__c){if(h!==f&&$&&!Y.getDerivedStateFromProps&&u.componentWillReceiveProps&&u.componentWillReceiveProps(h,k),t.__v==o.__v&&!(8&u.__g)||!(4&u.__g)&&u.shouldComponentUpdate&&u.shouldComponentUpdate(h,u.__s,k)===!1){t.__v!=o.__v&&(u.props=h,u.state=u.__s,u.__g&=-9),t.__e=o.__e,t.__k=o.__k,t.__k.some(function(j){j&&(j.__=t)}),Re.push.apply(u.__h,u.__k),u.__k=[],u.__h.length&&a.push(u),c=ce(o);break e}u.componentWillUpdate&&u.componentWillUpdate(h,u.__s,k),$&&u.componentDidUpdate&&u.__h.push(function(){u.componentDidUpdate(f,b,m)})}else $&&!Y.getDerivedStateFromProps&&u.componentWillMount&&u.componentWillMount(),$&&u.componentDidMount&&u.__h.push(u.componentDidMount);u.context=k,u.props=h,u.__P=e,u.__g&=-5,C=x.__r,N=$?25:0;do u.__g&=-9,C&&C(t),l=u.render(u.props,u.state=u.__s,u.context);while(8&u.__g&&++N<25);$&&(Re.push.apply(u.__h,u.__k),u.__k=[]),u.state=u.__s,u.getChildContext&&(r=ue({},r,u.getChildContext())),$&&o.__c&&u.getSnapshotBeforeUpdate&&(m=u.getSnapshotBeforeUpdate(f,b)),W=l&&l.type===Ie&&l.key==null?l.props.children:l,h.__P&&(l=c,n=(e=h.__P).namespaceURI,d=s=null,o.props&&o.props.__P!=e&&(o.__k.some(function(j){j&&Xe(j,j)}),o.__k=null),c=o.__k?ce(o,0):null),c=gt(e,Je(W)?W:[W],t,o,r,n,s,a,c,d,p),h.__P&&(t.__e=null,c=l),t.__u&=-161,_&&_.some(le),u.__h.length&&a.push(u),1&u.__g&&(u.__g&=-4)}catch(j){if(a.length=g,t.__v=null,d||s)if(j&&j.then){if(t.__u|=128|d,s){for(~(F=s.indexOf(c||void 0))||(F=s.length);(Z=s[F-1])&&Z.nodeType==8;)F--;for(;F<s.length;F++)if(Z=s[F])if(s[F]=null,B){if(Z==ge)break}else{if(Z.nodeType!=8)break;Z.data.startsWith("$s")&&(ge=Pe(B=Z))}}if(!B){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;B=c}(l=Pe(B=t.__c.__z||(t.__c.__z=B)))?(t.__e=B,c=l):t.__e=c,c=c&&c.nextSibling}else s&&s.some(le);else t.__e=o.__e;t.__k||(t.__k=o.__k||[]),j&&j.then||yt(t),x.__e(j,t,o)}}else c=t.__e=Bo(o.__e,t,o,r,n,s,a,d,p,e);return(l=x.diffed)&&l(t),c}function Pe(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var o=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))o++;else if(e.data.startsWith("/$s")&&!--o)return e}t&&t.push(e)}}function yt(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(yt))}function vt(e,t,o){for(var r=0;r<o.length;)ze(o[r++],o[r++],o[r++]);x.__c&&x.__c(t,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(s){s.call(n)})}catch(s){x.__e(s,n.__v)}})}function Bo(e,t,o,r,n,s,a,c,d,p){var l,_,g,u,f,b,m,h,$=o.props||Ae,v=t.props,k=t.type;if(k=="svg"?n="http://www.w3.org/2000/svg":k=="math"?n="http://www.w3.org/1998/Math/MathML":n||(n="http://www.w3.org/1999/xhtml"),s){for(l=0;l<s.length;l++)if((f=s[l])&&(k?f.localName==k:f.nodeType==3)){e=f,s[l]=null;break}}if(!e){if(h=p.ownerDocument||document,!k)return h.createTextNode(v);e=h.createElementNS(n,k,v.is?v:p),c&&(x.__m&&x.__m(t,s),c=!1),s=null}if(k){if(p=k=="template"&&e.content||e,s=k=="textarea"&&v.defaultValue!=null?null:s&&Ke.call(p.childNodes),!c&&s)for($={},l=0;l<e.attributes.length;l++)$[(f=e.attributes[l]).name]=f.value;for(l in $)f=$[l],l=="dangerouslySetInnerHTML"?g=f:l=="children"||l in v||l=="value"&&"defaultValue"in v||l=="checked"&&"defaultChecked"in v||Ce(e,l,null,f,n);for(l in v)f=v[l],l=="children"?u=f:l=="dangerouslySetInnerHTML"?_=f:l=="value"?b=f:l=="checked"?m=f:c&&typeof f!="function"||$[l]===f||Ce(e,l,f,$[l],n);_?(c||g&&(_.__html==g.__html||_.__html==e.innerHTML)||(e.innerHTML=_.__html),t.__k=[]):(g&&(e.textContent=""),(k=="foreignObject"||n=="http://www.w3.org/1998/Math/MathML"&&Mo.test(k))&&(n="http://www.w3.org/1999/xhtml"),gt(p,Je(u)?u:[u],t,o,r,n,s,a,s?s[0]:o.__k&&ce(o,0),c,d),s&&s.some(le)),c&&k!="textarea"||(l="value",k=="progress"&&b==null?e.removeAttribute(l):b==null||b===e[l]&&(k!="progress"||b)||Ce(e,l,b,$[l],n),l="checked",m!=null&&m!=e[l]&&Ce(e,l,m,$[l],n))}else $===v||c&&e.data==v||(e.data=v);return e}function ze(e,t,o,r){try{typeof e=="function"?t?t.__x=e(t)||1:r&&(r=r.__c||r.__e)&&(t=r.__x)&&(r.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(n){x.__e(n,o)}}function Xe(e,t,o){var r,n,s,a;if(x.unmount&&x.unmount(e),!(r=e.ref)||r.current&&r.current!=e.__e||ze(r,null,t,e),r=e.__c){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(c){x.__e(c,t)}r.__P=r.__n=null}if(r=e.__k)for(a=0;a<r.length;a++)r[a]&&Xe(r[a],t,typeof e.type!="function"||o&&!e.props.__P);!o&&(r=e.__c)&&(r=r.__z)&&(n=Pe(r,s=[]))&&(r==e.__e&&s.some(le),le(n),le(r)),o||le(e.__e),e.__e=e.__c=e.__=null}function Fo(e,t,o){return this.constructor(e,o)}function kt(e,t){var o,r,n,s;x.__&&x.__(e,t),t.nodeType==9&&(t=t.documentElement),r=(o=e&&32&e.__u)?null:t.__k,t.__k=be(Ie,{children:[e]}),n=[],s=[],Qe(t,t.__k,r||Ae,Ae,t.namespaceURI,r?null:t.firstChild?Ke.call(t.childNodes):null,n,r?r.__e:t.firstChild,o,s),vt(n,t.__k,s),t.__k.props.children=null}function wt(e){function t(o){var r,n;return this.getChildContext||(r=new Set,(n={})[t.__c]=this,this.getChildContext=function(){return n},this.shouldComponentUpdate=function(s){this.props.value!=s.value&&r.forEach(function(a){a.__g|=4,je(a)})},this.sub=function(s){r.add(s);var a=s.componentWillUnmount;s.componentWillUnmount=function(){r.delete(s),a&&a.call(s)}}),o.children}return t.__c="__cC"+ft++,t.__=e,t.Provider=(t.Consumer=function(o,r){return o.children(r)}).contextType=t,t}x={__e:function(e,t,o,r){for(var n,s,a;t=t.__;)if((n=t.__c)&&!(1&n.__g)){n.__g|=4;try{if((a=(s=n.constructor)&&s.getDerivedStateFromError)&&n.setState(s.getDerivedStateFromError(e)),n.componentDidCatch&&(n.componentDidCatch(e,r||{}),a=1),a&&8&n.__g)return void(n.__g|=2)}catch(c){e=c}}throw Te=0,e}},dt=0,Oo=function(e){return e!=null&&e.constructor===ye},xe.prototype.setState=function(e,t){var o=this.__s;o&&o!=this.state||(o=this.__s=ue({},this.state)),typeof e=="function"&&(e=e(ue({},o),this.props)),e&&(ue(o,e),this.__v&&(t&&this.__k.push(t),je(this)))},xe.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),je(this))},xe.prototype.render=Ie,ie=[],Te=0,pt=function(e,t){return e.__v.__b-t.__v.__b},Ee=Symbol(),mt=/(PointerCapture)$|Capture$/i,Ve=0,Ye={},ft=0;var fe,P,Ze,St,et=Object.is,Ne=0,Nt=[],tt=[],T=x,Ct=T.__b,Et=T.__r,xt=T.diffed,Pt=T.__c,Tt=T.unmount,At=T.__;function Oe(e,t){T.__h&&T.__h(P,e,Ne||t),Ne=0;var o=P.__H||(P.__H={__:[],__h:[]});return e>=o.__.length&&o.__.push({}),o.__[e]}function w(e){return Ne=1,Ho(Lt,e)}function Ho(e,t,o){var r=Oe(fe++,2);if(r.t=e,!r.__c&&(r.__=[o?o(t):Lt(void 0,t),function(s){var a=(r.__N||r.__)[0],c=r.t(a,s);et(a,c)||(r.__N=[c,r.__[1]],r.__c.setState({}))}],r.__c=P,!P.__f)){P.__f=!0;var n=P.shouldComponentUpdate;P.shouldComponentUpdate=function(s,a,c){var d=this.__H;if(!d)return!0;var p=!1,l=this.props!=s;if(d.__.some(function(g){g.__N&&(p=!0,et(g.__[0],g.__N[0])||(l=!0))}),n){var _=n.call(this,s,a,c);return p?_||l:_}return!p||l}}return r.__}function A(e,t){var o=Oe(fe++,3);!T.__s&&Mt(o.__H,t)&&(o.__P=!0,o.__=e,o.u=t,P.__H.__h.push(o))}function q(e){return Ne=5,Go(function(){return{current:e}},[])}function Go(e,t){var o=Oe(fe++,7);return Mt(o.__H,t)&&(o.__=e(),o.__H=t),o.__}function Ot(e){var t=P.context[e.__c],o=Oe(fe++,9);return o.c=e,t?(o.__==null&&(o.__=!0,t.sub(P)),t.props.value):e.__}function Wo(){var e;do{for(;e=tt.shift();)try{ve(e)}catch(o){T.__e(o,{__:(e=e.__P)&&e.__v})}for(;e=Nt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ve),t.__h.some(ot),t.__h=[]}catch(o){t.__h=[],T.__e(o,e.__v)}}}while(tt.length)}T.__b=function(e){P=null,Ct&&Ct(e)},T.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),At&&At(e,t)},T.__r=function(e){Et&&Et(e),fe=0;var t=(P=e.__c).__H;t&&(Ze==P?P.__h=[]:(t.__h.some(ve),t.__h.some(ot),fe=0),t.__h=[],t.__.some(function(o){o.__N&&(o.__=o.__N),o.u=o.__N=void 0})),Ze=P},T.diffed=function(e){xt&&xt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&It(Nt.push(t)),t.__H.__.some(function(o){o.u&&(o.__H=o.u)})),Ze=P=null},T.__c=function(e,t){t.some(function(o){try{o.__h.some(ve),o.__h=o.__h.filter(function(r){return!r.__||ot(r)})}catch(r){o.__h=[function(){throw r}]}}),Pt&&Pt(e,t)},T.unmount=function(e){Tt&&Tt(e);var t,o,r=e.__c;r&&r.__H&&(r.__H.__.some(function(n){try{if(n.__P&&n.__c){if(o===void 0){for(o=e.__;o&&(!o.__c||!o.__c.__P);)o=o.__;o=o&&o.__c}n.__P=o,It(tt.push(n))}else ve(n)}catch(s){t=s}}),r.__H=void 0,t&&T.__e(t,r.__v))};var Rt=typeof requestAnimationFrame=="function";function Yo(e){var t,o=function(){clearTimeout(r),Rt&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(o,35);Rt&&(t=requestAnimationFrame(o))}function It(e){e!=1&&St==T.requestAnimationFrame||((St=T.requestAnimationFrame)||Yo)(Wo)}function ve(e){var t=P,o=e.__c;typeof o=="function"&&(e.__c=void 0,o()),P=t}function ot(e){var t=P;e.__c=e.__(),P=t}function Mt(e,t){return!e||e.length!=t.length||t.some(function(o,r){return!et(o,e[r])})}function Lt(e,t){return typeof t=="function"?t(e):t}var Dt=function(e,t,o,r){var n;t[0]=0;for(var s=1;s<t.length;s++){var a=t[s++],c=t[s]?(t[0]|=a?1:2,o[t[s++]]):t[++s];a===3?r[0]=c:a===4?r[1]=Object.assign(r[1]||{},c):a===5?(r[1]=r[1]||{})[t[++s]]=c:a===6?r[1][t[++s]]+=c+"":a?(n=e.apply(c,Dt(e,c,o,["",null])),r.push(n),c[0]?t[0]|=2:(t[s-2]=0,t[s]=n)):r.push(c)}return r},qt=new Map;function Ut(e){var t=qt.get(this);return t||(t=new Map,qt.set(this,t)),(t=Dt(this,t.get(e)||(t.set(e,t=(function(o){for(var r,n,s=1,a="",c="",d=[0],p=function(g){s===1&&(g||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,g,a):s===3&&(g||a)?(d.push(3,g,a),s=2):s===2&&a==="..."&&g?d.push(4,g,0):s===2&&a&&!g?d.push(5,0,!0,a):s>=5&&((a||!g&&s===5)&&(d.push(s,0,a,n),s=6),g&&(d.push(s,g,0,n),s=6)),a=""},l=0;l<o.length;l++){l&&(s===1&&p(),p(l));for(var _=0;_<o[l].length;_++)r=o[l][_],s===1?r==="<"?(p(),d=[d],s=3):a+=r:s===4?a==="--"&&r===">"?(s=1,a=""):a=r+a[0]:c?r===c?c="":a+=r:r==='"'||r==="'"?c=r:r===">"?(p(),s=1):s&&(r==="="?(s=5,n=a,a=""):r==="/"&&(s<5||o[l][_+1]===">")?(p(),s===3&&(d=d[0]),s=d,(d=d[0]).push(2,0,s),s=0):r===" "||r==="	"||r===`
`||r==="\r"?(p(),s=2):a+=r),s===3&&a==="!--"&&(s=4,d=d[0])}return p(),d})(e)),t),arguments,[])).length>1?t:t[0]}var i=Ut.bind(ht);function re(e){let t=e,o=new Set;return{get:()=>t,set(r){if(r!==t){t=r;for(let n of o)n(t)}},subscribe(r){return o.add(r),()=>o.delete(r)}}}function O(e){let[,t]=w(0);return A(()=>e.subscribe(()=>t(o=>o+1)),[e]),e.get()}function Bt(e){return{path:e.pathname,query:new URLSearchParams(e.search),href:e.pathname+e.search}}var jo=e=>!/^\/(api|_[a-z]+)(\/|$)/.test(e)&&!/\.[a-z0-9]+$/i.test(e);function Ft(e){let t=re(Bt(e.location)),o=()=>t.set(Bt(e.location));function r(n,{replace:s=!1}={}){let a=new URL(n,e.location.href);a.pathname+a.search===t.get().href&&!s||(e.history[s?"replaceState":"pushState"](null,"",a.pathname+a.search+a.hash),o())}return e.addEventListener("popstate",o),e.document.addEventListener("click",n=>{if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let s=n.target.closest?.("a[href]");if(!s||s.target||s.hasAttribute("download"))return;let a=new URL(s.href,e.location.href);a.origin!==e.location.origin||!jo(a.pathname)||a.pathname===e.location.pathname&&a.search===e.location.search&&a.hash||(n.preventDefault(),r(a.pathname+a.search))}),{store:t,navigate:r}}function Ht(e,t){let o=e.split("/"),r=t.replace(/\/+$/,"").split("/");if(e==="/")return t==="/"?{}:null;if(o.length!==r.length)return null;let n={};for(let s=0;s<o.length;s++)if(o[s].startsWith(":")){if(!r[s])return null;try{n[o[s].slice(1)]=decodeURIComponent(r[s])}catch{return null}}else if(o[s]!==r[s])return null;return n}function Gt(e){return typeof e=="string"&&e.startsWith("/")&&!e.startsWith("//")&&!e.startsWith("/\\")?e:"/"}var z=e=>`/login?next=${encodeURIComponent(e)}`;function se(e,t){try{let o=e?.getItem(t);return o?JSON.parse(o):null}catch{return null}}function ee(e,t,o){try{o==null?e?.removeItem(t):e?.setItem(t,JSON.stringify(o))}catch{}}function Me(e,t,o){let r=n=>{(n.key===t||n.key===null)&&o()};return e.addEventListener("storage",r),()=>e.removeEventListener("storage",r)}var ke="bookshop.session.v1",Vo="admin";function Wt(e){try{let t=String(e).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),o=Uint8Array.from(atob(t.padEnd(t.length+(4-t.length%4)%4,"=")),r=>r.charCodeAt(0));return JSON.parse(new TextDecoder().decode(o))}catch{return null}}function rt(e){if(!e?.accessToken||!e?.refreshToken)return null;let t=Wt(e.accessToken);if(!t?.sub)return null;let o=Wt(e.idToken)||{},r=t["cognito:groups"]||[];return{tokens:e,userId:t.sub,email:o.email||"",isAdmin:Array.isArray(r)&&r.includes(Vo),expiresAt:(t.exp||0)*1e3}}function Yt(e){let t=e.localStorage,o=re(rt(se(t,ke)));return Me(e,ke,()=>o.set(rt(se(t,ke)))),{...o,signIn(r){let n=o.get()?.tokens,s={accessToken:r.accessToken,idToken:r.idToken||n?.idToken||"",refreshToken:r.refreshToken||n?.refreshToken||""};ee(t,ke,s),o.set(rt(s))},signOut(){ee(t,ke,null),o.set(null)}}}var Le="bookshop.cart.v1",qe="bookshop.checkout.v1",de=10,st=25,he=e=>Math.max(0,Math.min(de,e));function jt(e){return Array.isArray(e)?e.filter(t=>t&&typeof t.bookId=="string"&&Number.isInteger(t.qty)&&t.qty>0).slice(0,st).map(t=>({...t,qty:Math.min(t.qty,de)})):[]}function Jo(e){if(e.randomUUID)return e.randomUUID();let t=e.getRandomValues(new Uint8Array(16));t[6]=t[6]&15|64,t[8]=t[8]&63|128;let o=[...t].map(r=>r.toString(16).padStart(2,"0")).join("");return`${o.slice(0,8)}-${o.slice(8,12)}-${o.slice(12,16)}-${o.slice(16,20)}-${o.slice(20)}`}function Vt(e){let t=e.localStorage,o=re(jt(se(t,Le)?.items));Me(e,Le,()=>o.set(jt(se(t,Le)?.items)));let r=s=>{ee(t,Le,{items:s}),o.set(s)},n=s=>o.get().find(a=>a.bookId===s);return{...o,count:()=>o.get().reduce((s,a)=>s+a.qty,0),qtyOf:s=>n(s)?.qty||0,add(s,a){let c=he(s.stock),d=n(s.id);if(!d&&o.get().length>=st)throw new Error(`An order holds at most ${st} different books.`);let p=Math.min(c,(d?.qty||0)+a);if(p<1)throw new Error("This book is out of stock.");let l={bookId:s.id,qty:p,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:c};return r(d?o.get().map(_=>_.bookId===s.id?l:_):[...o.get(),l]),p},setQty(s,a){let c=Math.max(1,Math.min(de,Math.trunc(a)||1));r(o.get().map(d=>d.bookId===s?{...d,qty:c}:d))},refresh(s){n(s.id)&&r(o.get().map(a=>a.bookId===s.id?{...a,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:he(s.stock)}:a))},remove(s){r(o.get().filter(a=>a.bookId!==s))},checkoutAttempt(){let s=o.get().map(({bookId:d,qty:p})=>({bookId:d,qty:p})),a=se(t,qe);if(a?.key&&JSON.stringify(a.items)===JSON.stringify(s))return a;let c={key:Jo(e.crypto),items:s};return ee(t,qe,c),c},forgetAttempt(){ee(t,qe,null)},checkedOut(){ee(t,qe,null),r([])}}}var Ko="/api";var Jt={title:"The shop is busy",detail:"The shop is busy right now: try again in a few seconds."},me=class extends Error{constructor(t,o={}){(t===503||t===429)&&!o.detail&&(o={...Jt,...o,detail:Jt.detail}),super(o.detail||o.title||`The request failed (${t}).`),this.name="ApiError",this.status=t,this.title=o.title||"",this.detail=o.detail||"",this.problem=o,this.fields={};for(let r of Array.isArray(o.errors)?o.errors:[])r&&r.field&&(this.fields[r.field]=r.message)}},Kt=()=>new me(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),we=e=>e?.name==="AbortError",Qt=()=>new DOMException("The request was aborted.","AbortError");function Qo(e,t){if(e.status!==503&&e.status!==429)return-1;let o=e.status===503?1e3:-1,r=(e.headers.get("Retry-After")||"").trim(),n;return/^\d+$/.test(r)?n=Number(r)*1e3:r&&(n=Date.parse(r)-t),n===void 0||Number.isNaN(n)?o:n>5e3?-1:Math.max(0,n)}var De=e=>({"If-Match":`"${e}"`}),G=encodeURIComponent;function pe(e){let t=new URLSearchParams;for(let[r,n]of Object.entries(e))n!=null&&n!==""&&t.set(r,String(n));let o=t.toString();return o?`?${o}`:""}var zo=new Set(["content-length","host","connection","accept-encoding","cookie"]);function zt({session:e,device:t=()=>{},onUnauthorized:o,fetch:r=globalThis.fetch.bind(globalThis),XHR:n=globalThis.XMLHttpRequest,setTimeout:s=globalThis.setTimeout.bind(globalThis),clearTimeout:a=globalThis.clearTimeout.bind(globalThis)}){let c=null;function d(m,h){return new Promise(($,v)=>{if(h?.aborted)return v(Qt());let k=()=>{a(C),v(Qt())},C=s(()=>{h?.removeEventListener("abort",k),$()},m);h?.addEventListener("abort",k,{once:!0})})}async function p(m,h,{body:$,headers:v={},token:k,signal:C}={}){let N={Accept:"application/json, application/problem+json",...v};$!==void 0&&(N["Content-Type"]="application/json"),k&&(N.Authorization=`Bearer ${k}`);for(let W=0;;W++){let B;try{B=await r(Ko+h,{method:m,headers:N,body:$===void 0?void 0:JSON.stringify($),signal:C})}catch(Y){throw we(Y)?Y:Kt()}let ge=await B.text().catch(()=>""),F=null;if(ge)try{F=JSON.parse(ge)}catch{F=null}if(B.ok)return{status:B.status,data:F,headers:B.headers};let Z=m==="GET"&&W<2?Qo(B,Date.now()):-1;if(Z<0)throw new me(B.status,F&&typeof F=="object"?F:{});await d(Z,C)}}function l(){let m=e.get();return m?(c||(c=p("POST","/auth/refresh",{body:{refreshToken:m.tokens.refreshToken}}).then(({data:h})=>(e.signIn(h),e.get())).finally(()=>{c=null})),c):Promise.reject(new me(401,{title:"Not signed in"}))}async function _(){let m=e.get();if(!m)return null;if(m.expiresAt-Date.now()<6e4)try{m=await l()}catch(h){if(h.status===401||h.status===400)return g();throw h}return m.tokens.accessToken}function g(){throw e.signOut(),o?.(),new me(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function u(m,h,{auth:$="none",body:v,headers:k,signal:C}={}){let N;if($==="required"&&(N=await _(),!N))return g();try{return(await p(m,h,{body:v,headers:k,token:N,signal:C})).data}catch(W){if($==="required"&&W.status===401)return g();throw W}}let f=null;function b(){a(f);let m=e.get();if(!m)return;let h=Math.max(0,m.expiresAt-Date.now()-6e4);f=s(()=>{l().catch($=>{($.status===401||$.status===400)&&e.signOut()})},Math.min(h,2**31-1))}return e.subscribe(b),b(),{listBooks:({category:m,sort:h,limit:$,cursor:v}={},k)=>u("GET",`/books${pe({category:m,sort:h,limit:$,cursor:v})}`,{signal:k}),getBook:(m,h)=>u("GET",`/books/${G(m)}`,{signal:h}),search:({q:m,category:h,limit:$,cursor:v}={},k)=>u("GET",`/search${pe({q:m,category:h,limit:$,cursor:v})}`,{signal:k}),bestSellers:({category:m,period:h,limit:$}={},v)=>u("GET",`/bestsellers${pe({category:m,period:h,limit:$})}`,{signal:v}),alsoBought:(m,{limit:h}={},$)=>u("GET",`/books/${G(m)}/also-bought${pe({limit:h})}`,{signal:$}),createBook:m=>u("POST","/books",{auth:"required",body:m}),updateBook:(m,h,$)=>u("PUT",`/books/${G(m)}`,{auth:"required",body:$,headers:De(h)}),deleteBook:(m,h)=>u("DELETE",`/books/${G(m)}`,{auth:"required",headers:De(h)}),requestCoverUpload:(m,h,$)=>u("POST",`/books/${G(m)}/cover`,{auth:"required",body:{contentType:h,contentLength:$}}),uploadFile:(m,h,$)=>new Promise((v,k)=>{let C=new n;C.open(m.method||"PUT",m.uploadUrl);for(let[N,W]of Object.entries(m.headers||{}))zo.has(N.toLowerCase())||C.setRequestHeader(N,W);C.upload.onprogress=N=>N.lengthComputable&&$?.(N.loaded/N.total),C.onload=()=>C.status>=200&&C.status<300?v():k(new me(C.status,{title:"Upload refused",detail:`The storage service refused the upload (${C.status}).`})),C.onerror=()=>k(Kt()),C.send(h)}),listReviews:(m,{cursor:h,limit:$}={},v)=>u("GET",`/books/${G(m)}/reviews${pe({cursor:h,limit:$})}`,{signal:v}),getMyReview:(m,h)=>u("GET",`/books/${G(m)}/reviews/mine`,{auth:"required",signal:h}).catch($=>{if($.status===404)return null;throw $}),addReview:(m,h)=>u("POST",`/books/${G(m)}/reviews`,{auth:"required",body:h}),editReview:(m,h,$)=>u("PUT",`/books/${G(m)}/reviews/mine`,{auth:"required",body:$,headers:De(h)}),deleteReview:(m,h)=>u("DELETE",`/books/${G(m)}/reviews/mine`,{auth:"required",headers:De(h)}),checkout:m=>u("POST","/orders",{auth:"required",body:{items:m.items},headers:{"Idempotency-Key":m.key}}),listMyOrders:({cursor:m,limit:h}={},$)=>u("GET",`/orders${pe({cursor:m,limit:h})}`,{auth:"required",signal:$}),getOrder:(m,h)=>u("GET",`/orders/${G(m)}`,{auth:"required",signal:h}),cancelOrder:m=>u("POST",`/orders/${G(m)}/cancel`,{auth:"required"}),listAllOrders:({status:m,cursor:h,limit:$}={},v)=>u("GET",`/admin/orders${pe({status:m,cursor:h,limit:$})}`,{auth:"required",signal:v}),setOrderStatus:(m,h)=>u("POST",`/admin/orders/${G(m)}/status`,{auth:"required",body:{status:h}}),register:(m,h,$)=>u("POST","/auth/register",{body:$?{email:m,password:h,name:$}:{email:m,password:h}}),confirm:(m,h)=>u("POST","/auth/confirm",{body:{email:m,code:h}}),resendCode:m=>u("POST","/auth/resend",{body:{email:m}}),forgotPassword:m=>u("POST","/auth/password/forgot",{body:{email:m}}),resetPassword:(m,h,$)=>u("POST","/auth/password/reset",{body:{email:m,code:h,password:$}}),login:async(m,h)=>e.signIn(await u("POST","/auth/login",{body:{email:m,password:h,device:t()}})),signOut:async()=>{let m=e.get()?.tokens?.refreshToken;e.signOut(),m&&await p("POST","/auth/logout",{body:{refreshToken:m}}).catch(()=>{})}}}var Xt="bookshop.device.v1",Xo=/^[A-Za-z0-9_-]{22}$/;function Zo(e){let t=e.getRandomValues(new Uint8Array(16));return btoa(String.fromCharCode(...t)).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Zt(e){let t=null;return()=>{let o=se(e.localStorage,Xt);return typeof o=="string"&&Xo.test(o)?t=o:(t||(t=Zo(e.crypto)),ee(e.localStorage,Xt,t),t)}}var nt=wt(null),y=()=>Ot(nt);var er=["/login","/register","/confirm","/forgot-password","/reset-password"];function Se({href:e,current:t,children:o,testid:r}){let n=e==="/"?t==="/"||t.startsWith("/books/"):t===e||t.startsWith(`${e}/`);return i`<a href=${e} aria-current=${n?"page":void 0} data-testid=${r}>${o}</a>`}function tr({loc:e}){let{router:t}=y(),o=e.path==="/search"&&e.query.get("q")||"",[r,n]=w(o);return A(()=>n(o),[o]),i`<form class="site-search" role="search" onSubmit=${a=>{a.preventDefault();let c=r.trim();t.navigate(c?`/search?q=${encodeURIComponent(c)}`:"/search")}}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${r} onInput=${a=>n(a.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`}function eo(){let{router:e,session:t,cart:o,api:r,notify:n}=y(),s=O(e.store),a=O(t);O(o);let c=o.count(),d=()=>{r.signOut(),n("You are signed out."),e.navigate("/")};return i`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${Se} href="/" current=${s.path}>Books<//>
        <${Se} href="/bestsellers" current=${s.path} testid="nav-bestsellers">Best sellers<//>
        ${a&&i`<${Se} href="/orders" current=${s.path} testid="nav-orders">My orders<//>`}
        ${a?.isAdmin&&i`<${Se} href="/admin/books" current=${s.path} testid="nav-admin-books">Manage books<//>
          <${Se} href="/admin/orders" current=${s.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${tr} loc=${s} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${s.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${c}</span><span class="visually-hidden">${c===1?" item":" items"}</span>
        </a>
        ${a?i`<span class="account" data-testid="account">
              <span class="account__email" title=${a.email}>${a.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${d}>Sign out</button>
            </span>`:i`<a class="button button--quiet" href=${er.includes(s.path)?"/login":z(s.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function X(e,t){let[o,r]=w({status:"loading",data:void 0,error:null}),[n,s]=w(0),a=JSON.stringify(t),c=q(a);return A(()=>{let d=new AbortController,p=c.current===a;return c.current=a,r(l=>({status:"loading",data:p?l.data:void 0,error:null})),e(d.signal).then(l=>d.signal.aborted||r({status:"ready",data:l,error:null}),l=>d.signal.aborted||we(l)||r({status:"error",data:void 0,error:l})),()=>d.abort()},[a,n]),{...o,reload:()=>s(d=>d+1),set:d=>r({status:"ready",data:d,error:null})}}function V(e,t){let[o,r]=w({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[n,s]=w(0),a=q(null),c=JSON.stringify(t);A(()=>{let p=new AbortController;return a.current=p,r({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),e(void 0,p.signal).then(l=>p.signal.aborted||r({status:"ready",items:l.items||[],cursor:l.nextCursor,error:null,moreStatus:"idle"}),l=>p.signal.aborted||we(l)||r(_=>({..._,status:"error",error:l}))),()=>p.abort()},[c,n]);let d=()=>{let p=a.current;return r(l=>({...l,moreStatus:"loading",moreError:null})),e(o.cursor,p.signal).then(l=>{if(p.signal.aborted)return 0;let _=l.items||[];return r(g=>({...g,items:[...g.items,..._],cursor:l.nextCursor,moreStatus:"idle"})),_.length},l=>(!p.signal.aborted&&!we(l)&&r(_=>({..._,moreStatus:"error",moreError:l})),0))};return{...o,more:!!o.cursor,loadMore:d,reload:()=>s(p=>p+1),update:p=>r(l=>({...l,items:p(l.items)}))}}var to=new Map;function te(e,t="USD"){let o=to.get(t);if(!o){try{o=new Intl.NumberFormat(void 0,{style:"currency",currency:t})}catch{o=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}to.set(t,o)}return o.format(e/100)}var or=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),rr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Ue=e=>e?or.format(new Date(e)):"",_e=e=>e?rr.format(new Date(e)):"",sr=5;function oo(e){return e<=0?{kind:"out",label:"Out of stock"}:e<=sr?{kind:"low",label:`Only ${e} left`}:{kind:"in",label:"In stock"}}function ne(e){let t=String(e||"").replace(/-/g," ").trim();return t?t[0].toUpperCase()+t.slice(1):""}var ro=(e,t,o=t+"s")=>`${e} ${e===1?t:o}`,oe=e=>String(e).slice(-8);function so(e){let t=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(e);return t?Number(t[1])*100+Number((t[2]||"0").padEnd(2,"0")):null}var no=e=>(e/100).toFixed(2);function S({title:e,children:t}){let{titleFocus:o}=y(),r=q(null);return A(()=>{document.title=e?`${e} · Bookshop`:"Bookshop"},[e]),A(()=>{let n=document.activeElement;o.afterNavigation&&(!n||n===document.body||n.tagName==="H1")&&r.current?.focus({preventScroll:!0})},[]),i`<h1 tabindex="-1" class="page-title" ref=${r}>${t||e}</h1>`}function R({label:e="Loading…"}){return i`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${e}</p>`}function I({error:e,retry:t,what:o="this page"}){return i`<div class="state state--error" role="alert">
    <p><strong>Could not load ${o}.</strong> ${e?.message||""}</p>
    ${t&&i`<button type="button" class="button" onClick=${t}>Try again</button>`}
  </div>`}function D({children:e}){return i`<div class="state state--empty">${e}</div>`}function L({kind:e="info",children:t,testid:o}){return i`<div class="alert alert--${e}" role=${e==="error"?"alert":"status"} data-testid=${o}>${t}</div>`}var Be="At least 8 characters with an upper-case letter, a lower-case letter and a digit.";function E({id:e,label:t,hint:o,error:r,control:n}){let s=[o&&`${e}-hint`,r&&`${e}-error`].filter(Boolean).join(" ")||void 0;return i`<div class=${r?"field field--invalid":"field"}>
    <label for=${e}>${t}</label>
    ${n({id:e,name:e,"aria-describedby":s,"aria-invalid":r?"true":void 0})}
    ${o&&i`<p class="hint" id=${`${e}-hint`}>${o}</p>`}
    ${r&&i`<p class="field-error" id=${`${e}-error`}>${r}</p>`}
  </div>`}function M({error:e,shown:t=[]}){if(!e)return null;let o=Object.entries(e.fields||{}).filter(([r])=>!t.includes(r));return i`<div class="alert alert--error" role="alert">
    <p>${e.message}</p>
    ${o.length>0&&i`<ul>${o.map(([r,n])=>i`<li key=${r}>${r}: ${n}</li>`)}</ul>`}
  </div>`}var J=({cents:e,currency:t})=>i`<span class="price">${te(e,t)}</span>`;function at({value:e,label:t}){let o=Math.round(e);return i`<span class="stars"><span aria-hidden="true">${"★".repeat(o)}${"☆".repeat(5-o)}</span><span class="visually-hidden">${t}</span></span>`}function Fe({rating:e}){let t=e?.count||0;if(!t)return i`<span class="rating rating--none">No reviews yet</span>`;let o=e.average.toFixed(1);return i`<span class="rating"><${at} value=${e.average} label=${`Rated ${o} out of 5`} /> <span>${o}</span>${" "}<span class="muted"
    >(${t} ${t===1?"review":"reviews"})</span></span>`}function He({stock:e}){let t=oo(e);return i`<span class=${`stock stock--${t.kind}`}>${t.label}</span>`}function nr(e){let t=0;for(let o of String(e))t=t*31+o.charCodeAt(0)>>>0;return t%8}function H({book:e,eager:t=!1,size:o="thumb",timing:r}){let n=e.cover,[s,a]=w(!1),c=o==="large"?300:200,d=o==="large"?420:280,p="",l;return n&&!s&&(o==="large"?p=n.url||n.thumbnail2xUrl||n.thumbnailUrl||"":n.thumbnailUrl&&(p=n.thumbnailUrl,l=n.thumbnail2xUrl?`${n.thumbnailUrl} 1x, ${n.thumbnail2xUrl} 2x`:void 0)),p?i`<img class=${`cover cover--${o}`} src=${p} srcset=${l} width=${c} height=${d}
    alt=${o==="large"?`Cover of ${e.title}`:""} loading=${t?"eager":"lazy"} decoding="async" elementtiming=${r}
    onError=${()=>a(!0)} />`:i`<div class=${`cover cover--${o} cover--placeholder cover--hue-${nr(e.id)}`} aria-hidden="true">
      <span class="cover__title">${e.title}</span><span class="cover__author">${e.author}</span>
    </div>`}function K({pager:e,label:t="Load more",testid:o="load-more"}){return!e.more&&e.moreStatus!=="error"?null:i`<div class="load-more">
    ${e.moreStatus==="error"&&i`<p class="field-error" role="alert">${e.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${o} disabled=${e.moreStatus==="loading"}
      aria-busy=${e.moreStatus==="loading"?"true":void 0} onClick=${e.loadMore}>
      ${e.moreStatus==="loading"?"Loading…":t}
    </button>
  </div>`}var ar={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},$e=e=>ar[e]||e,Ge=({status:e})=>i`<span class=${`badge badge--${String(e).toLowerCase()}`}>${$e(e)}</span>`;function Q(e){let[t,o]=w(e);return[t,n=>({value:t[n],onInput:s=>{let a=s.currentTarget.value;o(c=>({...c,[n]:a}))}}),o]}function U(e){let[t,o]=w(!1),[r,n]=w(null),s=q(!0);return A(()=>()=>s.current=!1,[]),{busy:t,error:r,submit:async c=>{c?.preventDefault?.(),o(!0),n(null);try{await e()}catch(d){s.current&&n(d)}finally{s.current&&o(!1)}},setError:n}}var ir=20,ao=6;function io({item:e,rank:t,eager:o}){let r=e.book;return i`<li class="ranked-book" data-testid="bestseller" data-book-id=${r.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(r.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${t}</span>
      <${H} book=${r} eager=${o} />
      <span class="ranked-book__title">${r.title}</span>
    </a>
    <span class="ranked-book__author">${r.author}</span>
    <span class="ranked-book__meta"><${J} cents=${r.priceCents} currency=${r.currency} /> · <span data-testid="bestseller-count">${e.count} sold</span></span>
  </li>`}function co({query:e}){let{api:t,router:o}=y(),r=e.get("period")==="30d"?"30d":"all",n=e.get("category")||"",s=X(p=>t.bestSellers({period:r==="all"?void 0:r,category:n,limit:ir},p),[r,n]),a=p=>{let l=new URLSearchParams(e);p==="all"?l.delete("period"):l.set("period",p);let _=l.toString();o.navigate(_?`/bestsellers?${_}`:"/bestsellers")},c=n?`Best sellers in ${ne(n)}`:"Best sellers",d=s.data?.items||[];return i`<section class="bestsellers" data-testid="bestsellers-page">
    <div class="page-head">
      <${S} title=${c} />
      <div class="filters">
        <div class="field field--inline">
          <label for="bestsellers-period">Period</label>
          <select id="bestsellers-period" data-testid="bestsellers-period" value=${r} onChange=${p=>a(p.currentTarget.value)}>
            <option value="all">All time</option>
            <option value="30d">Last 30 days</option>
          </select>
        </div>
      </div>
    </div>
    ${s.status==="loading"&&i`<${R} label="Loading best sellers…" />`}
    ${s.status==="error"&&i`<${I} error=${s.error} retry=${s.reload} what="the best sellers" />`}
    ${s.status==="ready"&&d.length===0&&i`<${D}><p data-testid="bestsellers-empty">No sales ${r==="30d"?"in the last 30 days":"yet"}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${d.length>0&&i`<ol class="ranked-books ranked-books--page" aria-label=${c}>
      ${d.map((p,l)=>i`<${io} key=${p.book.id} item=${p} rank=${l+1} eager=${l<4} />`)}
    </ol>`}
  </section>`}function lo({category:e}){let{api:t}=y(),r=X(s=>t.bestSellers({category:e,limit:ao},s),[e]).data?.items||[];if(r.length===0)return null;let n=e?`/bestsellers?category=${encodeURIComponent(e)}`:"/bestsellers";return i`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${n} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${r.map((s,a)=>i`<${io} key=${s.book.id} item=${s} rank=${a+1} />`)}
    </ol>
  </section>`}function uo({bookId:e}){let{api:t}=y(),r=X(n=>t.alsoBought(e,{limit:ao},n),[e]).data?.items||[];return r.length===0?null:i`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${r.map(n=>i`<li class="ranked-book" key=${n.book.id} data-testid="also-bought-book" data-book-id=${n.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(n.book.id)}`}>
            <${H} book=${n.book} />
            <span class="ranked-book__title">${n.book.title}</span>
          </a>
          <span class="ranked-book__author">${n.book.author}</span>
          <span class="ranked-book__meta"><${J} cents=${n.book.priceCents} currency=${n.book.currency} /></span>
        </li>`)}
    </ul>
  </section>`}var cr=12,lr=4;function it({book:e,eager:t}){return i`<li class="book-card" data-testid="book-card" data-book-id=${e.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(e.id)}`}>
      <${H} book=${e} eager=${t} timing="cover" />
      <h2 class="book-card__title">${e.title}</h2>
    </a>
    <p class="book-card__author">${e.author}</p>
    <p class="book-card__meta"><${J} cents=${e.priceCents} currency=${e.currency} /> <${He} stock=${e.stock} /></p>
    <p class="book-card__rating"><${Fe} rating=${e.rating} /></p>
  </li>`}function po({query:e}){let{api:t,router:o,categories:r}=y(),n=e.get("category")||"",s=e.get("sort")==="title"?"title":"newest",a=O(r),c=n&&!a.includes(n)?[...a,n].sort():a,d=q(null),p=V((u,f)=>t.listBooks({category:n,sort:s,limit:cr,cursor:u},f).then(b=>(r.see(b.items||[]),b)),[n,s]),l=(u,f)=>{let b=new URLSearchParams(e);f?b.set(u,f):b.delete(u),b.delete("cursor");let m=b.toString();o.navigate(m?`/?${m}`:"/")},_=async()=>{let u=p.items.length;await p.loadMore()>0&&requestAnimationFrame(()=>d.current?.querySelectorAll(".book-card__link")[u]?.focus())},g=n?ne(n):"All books";return i`<section class="catalog">
    <div class="page-head">
      <${S} title=${g} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${n} onChange=${u=>l("category",u.currentTarget.value)}>
            <option value="">All categories</option>
            ${c.map(u=>i`<option key=${u} value=${u}>${ne(u)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${s} onChange=${u=>l("sort",u.currentTarget.value==="newest"?"":u.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${p.status==="ready"&&p.items.length>0&&i`<${lo} category=${n} />`}
    ${p.status==="loading"&&i`<${R} label="Loading books…" />`}
    ${p.status==="error"&&i`<${I} error=${p.error} retry=${p.reload} what="the books" />`}
    ${p.status==="ready"&&p.items.length===0&&i`<${D}><p>${n?`No books in ${g} yet.`:"The shop has no books yet."}</p>
      ${n&&i`<p><a href="/">Show all books</a></p>`}<//>`}
    ${p.items.length>0&&i`<ul class="book-grid" ref=${d} aria-label="Books">
      ${p.items.map((u,f)=>i`<${it} key=${u.id} book=${u} eager=${f<lr} />`)}
    </ul>`}
    <${K} pager=${{...p,loadMore:_}} label="Load more books" />
  </section>`}var ur=12,mo=2,ct=100;function fo({query:e}){let{api:t}=y(),o=(e.get("q")||"").trim(),r=o.length>=mo&&o.length<=ct,n=q(null),s=V((d,p)=>r?t.search({q:o,limit:ur,cursor:d},p):Promise.resolve({items:[],nextCursor:null}),[o]),a=async()=>{let d=s.items.length;await s.loadMore()>0&&requestAnimationFrame(()=>n.current?.querySelectorAll(".book-card__link")[d]?.focus())},c=r?`Results for “${o}”`:"Search";return i`<section class="search" data-testid="search-page">
    <div class="page-head"><${S} title=${c} /></div>
    ${!r&&i`<${D}><p data-testid="search-hint">${o.length>ct?`Search for at most ${ct} characters.`:`Type at least ${mo} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${r&&s.status==="loading"&&i`<${R} label="Searching…" />`}
    ${r&&s.status==="error"&&i`<${I} error=${s.error} retry=${s.reload} what="the results" />`}
    ${r&&s.status==="ready"&&s.items.length===0&&!s.more&&i`<${D}><p data-testid="search-empty">No books match “${o}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${s.items.length>0&&i`<ul class="book-grid" ref=${n} aria-label="Search results" data-testid="search-results">
      ${s.items.map((d,p)=>i`<${it} key=${d.id} book=${d} eager=${p<4} />`)}
    </ul>`}
    <${K} pager=${{...s,loadMore:a}} label="More results" testid="search-load-more" />
  </section>`}function ae({what:e="page"}){return i`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${e[0].toUpperCase()}${e.slice(1)} not found`} />
    <p>We could not find this ${e}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var dr=5,ho=2e3;function pr({book:e}){let{cart:t,notify:o}=y();O(t);let r=t.qtyOf(e.id),n=he(e.stock)-r,[s,a]=w(1),[c,d]=w("");return e.stock<=0?i`<p class="add-to-cart__note">This book is out of stock.</p>`:i`<form class="add-to-cart" onSubmit=${l=>{l.preventDefault();try{let _=Math.max(1,Math.min(n,s)),g=t.add(e,_);d(""),a(1),o(`Added ${_} × ${e.title} to your cart (${g} in cart).`)}catch(_){d(_.message)}}} aria-label="Add to cart">
    ${n>0?i`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${n} step="1" value=${s} data-testid="add-qty"
              onInput=${l=>a(Number.parseInt(l.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:i`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${r>0&&i`<p class="add-to-cart__note" data-testid="in-cart">${r} in your cart · <a href="/cart">View cart</a></p>`}
    ${c&&i`<p class="field-error" role="alert">${c}</p>`}
  </form>`}function _o({review:e}){return i`<li class="review" data-testid="review">
    <p class="review__head"><${at} value=${e.rating} label=${`${e.rating} out of 5 stars`} />
      <strong>${e.author||"A reader"}</strong> <span class="muted">${Ue(e.createdAt)}</span></p>
    ${e.text&&i`<p class="review__text">${e.text}</p>`}
  </li>`}function mr({bookId:e,mine:t,onSaved:o,onCancel:r}){let{api:n,notify:s}=y(),[a,c]=w(t?.rating||0),[d,p]=w(t?.text||""),[l,_]=w(!1),[g,u]=w(null),[f,b]=w(!1);return i`<form class="review-form" data-testid="review-form" onSubmit=${async h=>{if(h.preventDefault(),!a){u({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}_(!0),u(null);try{let $=t?await n.editReview(e,t.version,{rating:a,text:d}):await n.addReview(e,{rating:a,text:d});s(t?"Your review is updated.":"Thank you for your review."),o($)}catch($){($.status===412||$.status===409)&&b(!0),u($)}finally{_(!1)}}} noValidate>
    <fieldset class=${g?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(h=>i`<label key=${h}><input type="radio" name="rating" value=${h} checked=${a===h} data-testid=${`review-rating-${h}`}
            onChange=${()=>c(h)} /> ${h} ${h===1?"star":"stars"}</label>`)}
      </div>
      ${g?.fields?.rating&&i`<p class="field-error">${g.fields.rating}</p>`}
    </fieldset>
    <${E} id="review-text" label="Your review (optional)" hint=${`Up to ${ho} characters.`} error=${g?.fields?.text}
      control=${h=>i`<textarea ...${h} rows="4" maxlength=${ho} value=${d} data-testid="review-text"
        onInput=${$=>p($.currentTarget.value)}></textarea>`} />
    <${M} error=${g} shown=${["rating","text"]} />
    ${f&&i`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${r}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${l} data-testid="review-submit">${t?"Save review":"Post review"}</button>
      ${t&&i`<button type="button" class="button" onClick=${r}>Cancel</button>`}
    </div>
  </form>`}function fr(e,t,o){let{api:r}=y(),[n,s]=w(void 0),a=o.items.find(_=>_.userId===t),c=n===void 0&&!a&&(o.status==="error"||o.status==="ready"&&o.more),d=X(_=>c?r.getMyReview(e,_):Promise.resolve(null),[e,c]),l={reload:()=>{s(void 0),o.reload(),d.reload()},set:s,error:null};return n!==void 0?{...l,status:"ready",data:n}:a?{...l,status:"ready",data:a}:c?{...l,status:d.status,data:d.data,error:d.error}:o.status==="loading"?{...l,status:"loading",data:void 0}:{...l,status:"ready",data:null}}function hr({bookId:e,userId:t,pager:o,onChange:r}){let{api:n,notify:s}=y(),a=fr(e,t,o),[c,d]=w(!1),[p,l]=w(!1),{error:_,submit:g}=U(async()=>{await n.deleteReview(e,a.data.version),a.set(null),l(!1),s("Your review is deleted."),r()});if(a.status==="loading"&&a.data===void 0)return i`<${R} label="Loading your review…" />`;if(a.status==="error")return i`<${I} error=${a.error} retry=${a.reload} what="your review" />`;let u=f=>{a.set(f),d(!1),r()};return!a.data||c?i`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${a.data?"Edit your review":"Write a review"}</h3>
      <${mr} bookId=${e} mine=${a.data} onSaved=${u}
        onCancel=${()=>{d(!1),a.reload()}} />
    </section>`:i`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${_o} review=${a.data} /></ul>
    <${M} error=${_} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>d(!0)}>Edit</button>
      ${p?i`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${g}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>l(!1)}>Keep it</button></span>`:i`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>l(!0)}>Delete</button>`}
    </div>
  </section>`}function _r({book:e,onChange:t}){let{api:o,session:r,router:n}=y(),s=O(r),a=O(n.store),c=V((l,_)=>o.listReviews(e.id,{cursor:l,limit:dr},_),[e.id]),d=()=>{c.reload(),t()},p=s?c.items.filter(l=>l.userId!==s.userId):c.items;return i`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s?i`<${hr} bookId=${e.id} userId=${s.userId} pager=${c} onChange=${d} />`:i`<p><a href=${z(a.href)}>Sign in</a> to write a review.</p>`}
    ${c.status==="loading"&&i`<${R} label="Loading reviews…" />`}
    ${c.status==="error"&&i`<${I} error=${c.error} retry=${c.reload} what="the reviews" />`}
    ${c.status==="ready"&&p.length===0&&i`<${D}><p>${c.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${p.length>0&&i`<ul class="reviews" aria-label="Reviews by readers">${p.map(l=>i`<${_o} key=${l.userId} review=${l} />`)}</ul>`}
    <${K} pager=${c} label="More reviews" testid="reviews-load-more" />
  </section>`}function $o({params:e}){let{api:t}=y(),o=X(n=>t.getBook(e.id,n),[e.id]);if(o.status==="error"&&o.error.status===404)return i`<${ae} what="book" />`;let r=o.data;return r?i`<article class="book" data-testid="book" data-book-id=${r.id}>
    <div class="book__cover"><${H} book=${r} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${r.title} />
      <p class="book__author">by ${r.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(r.category)}`}>${ne(r.category)}</a></p>
      <p class="book__rating"><${Fe} rating=${r.rating} /></p>
      <p class="book__buy"><span class="book__price"><${J} cents=${r.priceCents} currency=${r.currency} /></span> <${He} stock=${r.stock} /></p>
      <${pr} book=${r} />
      ${r.description&&i`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${r.description}</p></div>`}
    </div>
    <div class="book__also"><${uo} bookId=${r.id} /></div>
    <div class="book__reviews"><${_r} book=${r} onChange=${o.reload} /></div>
    ${o.status==="error"&&i`<${L} kind="error">${o.error.message}<//>`}
  </article>`:i`<section>
      <${S} title=${o.status==="error"?"Book":"Loading book…"} />
      ${o.status==="error"?i`<${I} error=${o.error} retry=${o.reload} what="the book" />`:i`<${R} label="Loading book…" />`}
    </section>`}function $r(e){let{api:t,cart:o}=y(),[r,n]=w({}),[s,a]=w(!1),[c,d]=w(0),p=[...e].sort().join(",");return A(()=>{let l=new AbortController;return a(!1),Promise.allSettled(e.map(_=>t.getBook(_,l.signal))).then(_=>{if(l.signal.aborted)return;let g={};_.forEach((u,f)=>{u.status==="fulfilled"?(g[e[f]]=u.value,o.refresh(u.value)):u.reason?.status===404?g[e[f]]="missing":a(!0)}),n(g)}),()=>l.abort()},[p,c]),{books:r,failed:s,reload:()=>d(l=>l+1)}}function gr({line:e,max:t}){let{cart:o,notify:r}=y(),n=`qty-${e.bookId}`,s=a=>{let c=Math.max(1,Math.min(t||de,a));c!==e.qty&&(o.setQty(e.bookId,c),r(`${e.title}: quantity ${c}.`))};return i`<div class="qty" role="group" aria-label=${`Quantity of ${e.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${e.title}`} disabled=${e.qty<=1}
      data-testid="qty-decrease" onClick=${()=>s(e.qty-1)}>−</button>
    <label class="visually-hidden" for=${n}>Quantity</label>
    <input id=${n} type="number" inputmode="numeric" min="1" max=${t||de} value=${e.qty} data-testid="qty-input"
      onChange=${a=>s(Number.parseInt(a.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${e.title}`} disabled=${e.qty>=(t||de)}
      data-testid="qty-increase" onClick=${()=>s(e.qty+1)}>+</button>
  </div>`}function go(e,t){return t==="missing"?"This book is no longer available: remove it to check out.":t?t.stock<=0?"Out of stock: remove it to check out.":e.qty>t.stock?`Only ${t.stock} left: lower the quantity to check out.`:"":""}function br({blocked:e,onShortStock:t}){let{api:o,cart:r,session:n,router:s,notify:a}=y(),c=O(n),[d,p]=w(!1),[l,_]=w(null),g=q(!1);if(!c)return i`<p class="checkout"><a class="button button--primary" href=${z("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let u=async()=>{if(g.current)return;g.current=!0,p(!0),_(null);let f=r.checkoutAttempt();try{let b=await o.checkout(f);r.checkedOut(),a("Thank you! Your order is placed."),s.navigate(`/orders/${encodeURIComponent(b.id)}?placed=1`)}catch(b){b.status===409&&Array.isArray(b.problem.outOfStock)&&t(b.problem.outOfStock),b.status===422&&r.forgetAttempt(),_(b)}finally{g.current=!1,p(!1)}};return i`<div class="checkout">
    ${l&&!Array.isArray(l.problem?.outOfStock)&&i`<${L} kind="error" testid="checkout-error"><p>${l.message}</p>
      ${l.status===0&&i`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${d||e}
      aria-busy=${d?"true":void 0} onClick=${u}>${d?"Placing your order…":"Check out"}</button>
  </div>`}function bo(){let{cart:e,notify:t}=y(),o=O(e),{books:r,failed:n,reload:s}=$r(o.map(f=>f.bookId)),[a,c]=w({});if(o.length===0)return i`<section class="cart">
      <${S} title="Your cart" />
      <${D}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let d=f=>{e.remove(f.bookId),t(`Removed ${f.title} from your cart.`)},p=o.map(f=>{let b=r[f.bookId],m=b&&b!=="missing"?b:null,h=m?m.priceCents:f.priceCents,$=m?m.currency:f.currency,v=a[f.bookId]===f.qty;return{line:f,book:b,unit:h,currency:$,isShort:v,problem:go(f,b)||(v?"Not enough in stock for this quantity.":"")}}),l={};for(let f of p)f.book!=="missing"&&(l[f.currency]=(l[f.currency]||0)+f.unit*f.line.qty);let _=p.some(f=>go(f.line,f.book))||p.some(f=>f.book===void 0&&!n),g=p.filter(f=>f.isShort).map(f=>f.line.title),u=f=>{c(Object.fromEntries(o.filter(b=>f.includes(b.bookId)).map(b=>[b.bookId,b.qty]))),s()};return i`<section class="cart">
    <${S} title="Your cart" />
    ${g.length>0&&i`<${L} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${g.join(", ")}. Lower the quantity or remove ${g.length===1?"it":"them"}, then check out again.</p><//>`}
    ${n&&i`<${L} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${s}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${p.map(({line:f,book:b,unit:m,currency:h,problem:$})=>i`<li key=${f.bookId} class=${$?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${f.bookId}>
          <div class="cart-line__cover">${b&&b!=="missing"?i`<${H} book=${b} />`:i`<${H} book=${{id:f.bookId,title:f.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(f.bookId)}`}>${f.title}</a></h2>
            <p class="muted"><${J} cents=${m} currency=${h} /> each</p>
            ${$&&i`<p class="field-error" data-testid="line-problem">${$}</p>`}
            <div class="cart-line__controls">
              ${b!=="missing"&&i`<${gr} line=${f} max=${b?he(b.stock)||1:f.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${f.title} from your cart`}
                onClick=${()=>d(f)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${J} cents=${m*f.qty} currency=${h} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(l).map(([f,b])=>te(b,f)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${br} blocked=${_} onShortStock=${u} />
    </div>
  </section>`}var yr=10;function yo(){let{api:e}=y(),t=V((o,r)=>e.listMyOrders({cursor:o,limit:yr},r),[]);return i`<section class="orders">
    <${S} title="My orders" />
    ${t.status==="loading"&&i`<${R} label="Loading your orders…" />`}
    ${t.status==="error"&&i`<${I} error=${t.error} retry=${t.reload} what="your orders" />`}
    ${t.status==="ready"&&t.items.length===0&&i`<${D}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${t.items.length>0&&i`<ul class="order-list" aria-label="Orders">
      ${t.items.map(o=>i`<li key=${o.id} class="order-row" data-testid="order-row" data-order-id=${o.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(o.id)}`}>Order ${oe(o.id)}</a>
          <span class="muted">${Ue(o.createdAt)}</span>
          <span>${ro(o.items.reduce((r,n)=>r+n.qty,0),"book")}</span>
          <span class="price">${te(o.totalCents,o.currency)}</span>
          <${Ge} status=${o.status} />
        </li>`)}
    </ul>`}
    <${K} pager=${t} label="More orders" />
  </section>`}function vr({order:e}){let t=o=>te(o,e.currency);return i`<table class="order-table">
    <caption class="visually-hidden">Books in order ${oe(e.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${e.items.map(o=>i`<tr key=${o.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(o.bookId)}`}>${o.title}</a></th>
          <td class="num">${t(o.unitPriceCents)}</td><td class="num">${o.qty}</td><td class="num">${t(o.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${t(e.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${e.shippingCents?t(e.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${t(e.totalCents)}</td></tr>
    </tfoot>
  </table>`}function vo({params:e,query:t}){let{api:o,notify:r}=y(),n=X(c=>o.getOrder(e.id,c),[e.id]),s=U(async()=>{try{n.set(await o.cancelOrder(e.id)),r("Your order is cancelled.")}catch(c){throw n.reload(),c}});if(n.status==="error"&&n.error.status===404)return i`<${ae} what="order" />`;let a=n.data;return a?i`<section class="order" data-testid="order" data-order-id=${a.id} data-status=${a.status}>
    <${S} title=${`Order ${oe(a.id)}`} />
    ${t.get("placed")&&i`<${L} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Ge} status=${a.status} /> <span class="muted">Placed ${_e(a.createdAt)}</span></p>
    <${vr} order=${a} />
    <${M} error=${s.error} />
    ${a.status==="PENDING"&&i`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${s.busy} onClick=${s.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:i`<section>
      <${S} title="Order" />
      ${n.status==="error"?i`<${I} error=${n.error} retry=${n.reload} what="the order" />`:i`<${R} label="Loading the order…" />`}
    </section>`}function ko(){let{api:e,router:t,notify:o}=y(),[r,n]=Q({email:"",password:"",name:""}),{busy:s,error:a,submit:c}=U(async()=>{await e.register(r.email,r.password,r.name.trim()),o("Account created. Enter the confirmation code we sent you."),t.navigate(`/confirm?email=${encodeURIComponent(r.email)}`)});return i`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${c} data-testid="register-form">
      <${E} id="email" label="Email" error=${a?.fields?.email}
        control=${d=>i`<input ...${d} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${E} id="password" label="Password" hint=${Be} error=${a?.fields?.password}
        control=${d=>i`<input ...${d} type="password" autocomplete="new-password" required minlength="8" ...${n("password")} />`} />
      <${E} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${a?.fields?.name}
        control=${d=>i`<input ...${d} type="text" autocomplete="nickname" maxlength="64" ...${n("name")} />`} />
      <${M} error=${a} shown=${["email","password","name"]} />
      ${a?.status===409&&i`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${s} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function wo({query:e}){let{api:t,router:o,notify:r}=y(),[n,s]=Q({email:e.get("email")||"",code:""}),{busy:a,error:c,submit:d}=U(async()=>{await t.confirm(n.email,n.code.trim()),r("Your account is confirmed. Sign in."),o.navigate(`/login?confirmed=1&email=${encodeURIComponent(n.email)}`)}),p=U(async()=>{await t.resendCode(n.email),r("If this address has an account waiting for confirmation, a new code is on its way.")});return i`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${d} data-testid="confirm-form">
      <${E} id="email" label="Email" error=${c?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="email" required ...${s("email")} />`} />
      <${E} id="code" label="Confirmation code" error=${c?.fields?.code}
        control=${l=>i`<input ...${l} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${M} error=${c} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${a} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${p.busy||!n.email} onClick=${p.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${M} error=${p.error} shown=${[]} />
  </section>`}function So({query:e}){let{api:t,router:o,notify:r}=y(),[n,s]=Q({email:e.get("email")||"",password:""}),a=Gt(e.get("next")),{busy:c,error:d,submit:p}=U(async()=>{await t.login(n.email,n.password),r("You are signed in."),o.navigate(a,{replace:!0})});return i`<section class="auth">
    <${S} title="Sign in" />
    ${e.get("confirmed")&&i`<${L} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${e.get("reset")&&i`<${L} kind="success" testid="login-reset"><p>Your password is changed: sign in with the new one.</p><//>`}
    ${!e.get("confirmed")&&!e.get("reset")&&a!=="/"&&i`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${p} data-testid="login-form">
      <${E} id="email" label="Email" error=${d?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${E} id="password" label="Password" error=${d?.fields?.password}
        control=${l=>i`<input ...${l} type="password" autocomplete="current-password" required ...${s("password")} />`} />
      <${M} error=${d} shown=${["email","password"]} />
      ${d?.status===403&&i`<p><a href=${`/confirm?email=${encodeURIComponent(n.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${c} data-testid="login-submit">Sign in</button>
    </form>
    <p><a href=${`/forgot-password${n.email?`?email=${encodeURIComponent(n.email)}`:""}`} data-testid="login-forgot">Forgot your password?</a></p>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}function Co({query:e}){let{api:t}=y(),[o,r]=Q({email:e.get("email")||""}),[n,s]=w(""),{busy:a,error:c,submit:d}=U(async()=>{await t.forgotPassword(o.email),s(o.email.trim())});return i`<section class="auth">
    <${S} title="Reset your password" />
    <p>Enter the email address of your account and we will send you a code to choose a new password.</p>
    <form class="form" onSubmit=${d} data-testid="forgot-form">
      <${E} id="email" label="Email" error=${c?.fields?.email}
        control=${p=>i`<input ...${p} type="email" autocomplete="username" required ...${r("email")} />`} />
      <${M} error=${c} shown=${["email"]} />
      <button type="submit" class="button button--primary" disabled=${a} aria-busy=${a?"true":void 0} data-testid="forgot-submit">${a?"Sending…":"Send the code"}</button>
    </form>
    ${n&&i`<${L} kind="success" testid="forgot-sent">
      <p>If an account exists for that email, we sent a code.</p>
      <p><a href=${`/reset-password?email=${encodeURIComponent(n)}`} data-testid="forgot-next">Enter the code and a new password</a></p>
    <//>`}
    <p>Remembered it? <a href="/login">Sign in</a>.</p>
  </section>`}function Eo({query:e}){let{api:t,router:o,notify:r}=y(),[n,s]=Q({email:e.get("email")||"",code:"",password:""}),{busy:a,error:c,submit:d}=U(async()=>{await t.resetPassword(n.email,n.code.trim(),n.password),r("Your password is changed. Sign in with the new one."),o.navigate(`/login?reset=1&email=${encodeURIComponent(n.email)}`)});return i`<section class="auth">
    <${S} title="Choose a new password" />
    <p>Enter the code we sent to your email address and a new password.</p>
    <form class="form" onSubmit=${d} data-testid="reset-form">
      <${E} id="email" label="Email" error=${c?.fields?.email}
        control=${p=>i`<input ...${p} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${E} id="code" label="Reset code" error=${c?.fields?.code}
        control=${p=>i`<input ...${p} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${E} id="password" label="New password" hint=${Be} error=${c?.fields?.password}
        control=${p=>i`<input ...${p} type="password" autocomplete="new-password" required minlength="8" ...${s("password")} />`} />
      <${M} error=${c} shown=${["email","code","password"]} />
      <button type="submit" class="button button--primary" disabled=${a} aria-busy=${a?"true":void 0} data-testid="reset-submit">${a?"Saving…":"Set the new password"}</button>
    </form>
    <p>No code, or it stopped working? <a href=${`/forgot-password?email=${encodeURIComponent(n.email)}`}>Send a new code</a>.</p>
  </section>`}var kr=25;function xo(){let{api:e}=y(),t=V((o,r)=>e.listBooks({sort:"title",limit:kr,cursor:o},r),[]);return i`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${t.status==="loading"&&i`<${R} label="Loading books…" />`}
    ${t.status==="error"&&i`<${I} error=${t.error} retry=${t.reload} what="the books" />`}
    ${t.status==="ready"&&t.items.length===0&&i`<${D}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${t.items.length>0&&i`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${t.items.map(o=>i`<tr key=${o.id} data-testid="admin-book-row" data-book-id=${o.id}>
            <td class="admin-table__cover"><${H} book=${o} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(o.id)}`}>${o.title}</a><br /><span class="muted">${o.author}</span></th>
            <td>${ne(o.category)}</td>
            <td class="num"><${J} cents=${o.priceCents} currency=${o.currency} /></td>
            <td class="num">${o.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${K} pager=${t} label="More books" />
  </section>`}var To=["image/jpeg","image/png","image/webp"],wr=5*1024*1024,Sr=1e3,Cr=30,Er={priceCents:"price"};function xr(e){return{title:e?.title||"",author:e?.author||"",category:e?.category||"",description:e?.description||"",price:e?no(e.priceCents):"",currency:e?.currency||"USD",stock:e?String(e.stock):"0"}}function Pr(e){let t={},o=so(e.price);o===null&&(t.price="Enter a price such as 12.99.");let r=Number(e.stock);if((!/^\d+$/.test(e.stock.trim())||!Number.isSafeInteger(r))&&(t.stock="Enter a whole number of 0 or more."),Object.keys(t).length)return{fields:t};let n={title:e.title.trim(),author:e.author.trim(),category:e.category.trim(),description:e.description.trim(),priceCents:o,stock:r};return e.currency.trim()&&(n.currency=e.currency.trim().toUpperCase()),{details:n}}function Po({book:e,onSaved:t,onReload:o}){let{api:r}=y(),[n,s]=Q(xr(e)),[a,c]=w(!1),[d,p]=w(null),l=async u=>{u.preventDefault();let{details:f,fields:b}=Pr(n);if(b){p({message:"Some fields need your attention.",fields:b});return}c(!0),p(null);try{t(e?await r.updateBook(e.id,e.version,f):await r.createBook(f))}catch(m){let h=Object.fromEntries(Object.entries(m.fields||{}).map(([$,v])=>[Er[$]||$,v]));p({message:m.message,status:m.status,fields:h})}finally{c(!1)}},_=d?.fields||{},g=(u,f={})=>b=>i`<input ...${b} ...${f} ...${s(u)} data-testid=${`book-${u}`} />`;return i`<form class="form form--wide" onSubmit=${l} data-testid="book-form" noValidate>
    <${E} id="book-title" label="Title" error=${_.title} control=${g("title",{required:!0,maxlength:200})} />
    <${E} id="book-author" label="Author" error=${_.author} control=${g("author",{required:!0,maxlength:120})} />
    <${E} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${_.category}
      control=${g("category",{required:!0})} />
    <${E} id="book-description" label="Description" error=${_.description}
      control=${u=>i`<textarea ...${u} rows="5" maxlength="4000" ...${s("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${E} id="book-price" label="Price" hint="For example 12.99" error=${_.price} control=${g("price",{inputmode:"decimal",required:!0})} />
      <${E} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${_.currency}
        control=${g("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${E} id="book-stock" label="Stock" error=${_.stock} control=${g("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${d?.status===412&&i`<${L} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${o}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${d?.status!==412&&i`<${M} error=${d} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${a} data-testid="book-save">${e?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function Tr(e){return To.includes(e.type)?e.size>wr?`The image is ${(e.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:e.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function Ar(e,t){let o=e.cover?.url||"",r=o;try{r=decodeURIComponent(o)}catch{}return!!e.cover?.thumbnailUrl&&(!t||o.includes(t)||r.includes(t))}function Rr({book:e,onCover:t}){let{api:o,notify:r}=y(),[n,s]=w(null),[a,c]=w(""),[d,p]=w("idle"),[l,_]=w(0),[g,u]=w(""),f=q(!0),b=q(null);A(()=>()=>f.current=!1,[]),A(()=>()=>a&&URL.revokeObjectURL(a),[a]);let m=v=>{let k=v.currentTarget.files?.[0]||null;if(u(""),p("idle"),s(null),c(""),!k)return;let C=Tr(k);if(C){u(C);return}s(k),c(URL.createObjectURL(k))},h=async()=>{u(""),_(0),p("uploading");try{let v=await o.requestCoverUpload(e.id,n.type,n.size);if(await o.uploadFile(v,n,k=>f.current&&_(k)),!f.current)return;p("processing");for(let k=0;k<Cr&&f.current;k++){await new Promise(N=>setTimeout(N,Sr));let C=await o.getBook(e.id);if(Ar(C,v.key)){if(!f.current)return;t(C),p("done"),s(null),c(""),b.current&&(b.current.value=""),r("The new cover is ready.");return}}f.current&&p("slow")}catch(v){if(!f.current)return;p("idle"),u(v.message)}},$=d==="uploading"||d==="processing";return i`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${H} book=${e} /><figcaption>Current</figcaption></figure>
      ${a&&i`<figure><img class="cover cover--thumb" src=${a} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${E} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${g}
      control=${v=>i`<input ...${v} ref=${b} type="file" accept=${To.join(",")} disabled=${$} data-testid="cover-file" onChange=${m} />`} />
    ${d==="uploading"&&i`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(l*100)} data-testid="cover-progress">${Math.round(l*100)}%</progress></p>`}
    ${d==="processing"&&i`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${d==="done"&&i`<${L} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${d==="slow"&&i`<${L} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!n||$} data-testid="cover-submit" onClick=${h}>Upload cover</button>
  </section>`}function Ir({book:e,onReload:t}){let{api:o,router:r,notify:n}=y(),[s,a]=w(!1),{busy:c,error:d,submit:p,setError:l}=U(async()=>{await o.deleteBook(e.id,e.version),n(`Deleted ${e.title}.`),r.navigate("/admin/books",{replace:!0})});return i`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${d?.status===412?i`<${L} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{l(null),a(!1),t()}}>Load the latest version</button></p><//>`:i`<${M} error=${d} />`}
    ${s?i`<p>Delete “${e.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${c} data-testid="book-delete-confirm" onClick=${p}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>a(!1)}>Keep it</button>
          </div>`:i`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>a(!0)}>Delete this book</button>`}
  </section>`}function lt({params:e}){let{api:t,router:o,notify:r}=y(),n=!e.id,s=X(_=>n?Promise.resolve(null):t.getBook(e.id,_),[e.id||"new"]),[a,c]=w(0);if(n)return i`<section class="admin">
      <${S} title="Add a book" />
      <${Po} onSaved=${g=>{r(`Added ${g.title}. Now add a cover.`),o.navigate(`/admin/books/${encodeURIComponent(g.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(s.status==="error"&&s.error.status===404)return i`<${ae} what="book" />`;let d=s.data;if(!d)return i`<section class="admin">
      <${S} title="Edit book" />
      ${s.status==="error"?i`<${I} error=${s.error} retry=${s.reload} what="the book" />`:i`<${R} label="Loading the book…" />`}
    </section>`;let p=_=>{s.set(_),r(`Saved ${_.title}.`)},l=async()=>{try{s.set(await t.getBook(d.id)),c(_=>_+1),r("Loaded the latest version.")}catch(_){_.status===404?s.reload():r(_.message)}};return i`<section class="admin admin-book">
    <${S} title=${`Edit “${d.title}”`} />
    <p class="muted">Version ${d.version} · updated ${_e(d.updatedAt)} · <a href=${`/books/${encodeURIComponent(d.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${Po} key=${a} book=${d} onSaved=${p} onReload=${l} />
      <div>
        <${Rr} book=${d} onCover=${_=>s.set(_)} />
        <${Ir} book=${d} onReload=${l} />
      </div>
    </div>
  </section>`}var Ao=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],Nr=20,Ro={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function Or({order:e,onMoved:t}){let{api:o,notify:r}=y(),[n,s]=w(!1),[a,c]=w(""),d=async p=>{s(!0),c("");try{let l=p==="CANCELLED"?await o.cancelOrder(e.id):await o.setOrderStatus(e.id,p);r(`Order ${oe(e.id)} is now ${$e(l.status).toLowerCase()}.`),t(l)}catch(l){c(l.message),s(!1)}};return i`<li class="admin-order" data-testid="admin-order" data-order-id=${e.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${oe(e.id)}</h2>
      <span class="muted">${_e(e.createdAt)}</span>
      <span class="price">${te(e.totalCents,e.currency)}</span>
    </div>
    <p class="muted">Customer ${oe(e.userId)}</p>
    <ul class="admin-order__lines">
      ${e.items.map(p=>i`<li key=${p.bookId}>${p.qty} × ${p.title}</li>`)}
    </ul>
    ${a&&i`<p class="field-error" role="alert">${a}</p>`}
    ${Ro[e.status]&&i`<div class="actions">
      ${Ro[e.status].map(([p,l])=>i`<button key=${p} type="button" class=${p==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${n} data-testid=${`set-status-${p}`} aria-label=${`${l}: order ${oe(e.id)}`} onClick=${()=>d(p)}>${l}</button>`)}
    </div>`}
  </li>`}function Io({query:e}){let{api:t}=y(),o=Ao.includes(e.get("status"))?e.get("status"):"PENDING",r=V((s,a)=>t.listAllOrders({status:o,cursor:s,limit:Nr},a),[o]),n=s=>r.update(a=>a.filter(c=>c.id!==s.id));return i`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${Ao.map(s=>i`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s===o?"page":void 0}
          data-testid=${`status-tab-${s}`}>${$e(s)}</a>`)}
    </nav>
    ${r.status==="loading"&&i`<${R} label="Loading orders…" />`}
    ${r.status==="error"&&i`<${I} error=${r.error} retry=${r.reload} what="the orders" />`}
    ${r.status==="ready"&&r.items.length===0&&i`<${D}><p>No ${$e(o).toLowerCase()} orders.</p><//>`}
    ${r.items.length>0&&i`<ul class="admin-orders" aria-label=${`${$e(o)} orders`}>
      ${r.items.map(s=>i`<${Or} key=${s.id} order=${s} onMoved=${n} />`)}
    </ul>`}
    <${K} pager=${r} label="More orders" />
  </section>`}function No({signedIn:e}){let{router:t}=y(),o=O(t.store);return i`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${e?i`<p>Your account cannot manage the shop.</p>`:i`<p><a href=${z(o.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var Mr=[{path:"/",page:po},{path:"/books/:id",page:$o},{path:"/search",page:fo},{path:"/bestsellers",page:co},{path:"/cart",page:bo},{path:"/orders",page:yo,auth:!0},{path:"/orders/:id",page:vo,auth:!0},{path:"/register",page:ko},{path:"/confirm",page:wo},{path:"/login",page:So},{path:"/forgot-password",page:Co},{path:"/reset-password",page:Eo},{path:"/admin/books",page:xo,admin:!0},{path:"/admin/books/new",page:lt,admin:!0},{path:"/admin/books/:id",page:lt,admin:!0},{path:"/admin/orders",page:Io,admin:!0}];function Lr(e){for(let t of Mr){let o=Ht(t.path,e);if(o)return{route:t,params:o}}return e.startsWith("/admin/")?{route:{admin:!0,page:ae},params:{}}:{route:{page:ae},params:{}}}var qr=["classics","computing","science-fiction"];function Dr(){let e=re(qr);return{...e,see(t){let o=new Set(e.get());for(let r of t)r.category&&o.add(r.category);o.size!==e.get().length&&e.set([...o].sort())}}}var Ur=5e3;function Br(){let{notices:e}=y(),t=O(e);return A(()=>{if(!t.message)return;let o=setTimeout(()=>e.set({id:t.id,message:""}),Ur);return()=>clearTimeout(o)},[t.id]),i`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${t.message&&i`<p class="toast" key=${t.id}>${t.message}</p>`}
  </div>`}function Fr({to:e}){let{router:t}=y();return A(()=>t.navigate(e,{replace:!0}),[e]),null}function Hr(e,t){let o=q(!0);A(()=>{if(o.current){o.current=!1;return}t.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[e])}function Gr({ctx:e}){let t=O(e.router.store),o=O(e.session);Hr(t.path,e.titleFocus);let{route:r,params:n}=Lr(t.path),s;return r.auth&&!o?s=i`<${Fr} to=${z(t.href)} />`:r.admin&&!o?.isAdmin?s=i`<${No} signedIn=${!!o} />`:s=i`<${r.page} key=${t.path} params=${n} query=${t.query} />`,i`<${nt.Provider} value=${e}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${eo} />
    <main id="main" tabindex="-1">${s}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${Br} />
  <//>`}function Wr(e){let t=Ft(e),o=Yt(e),r=Vt(e),n=re({id:0,message:""}),s=p=>n.set({id:n.get().id+1,message:p}),a=zt({session:o,device:Zt(e),onUnauthorized:()=>{let p=t.store.get();p.path!=="/login"&&(s("Please sign in to continue."),t.navigate(z(p.href),{replace:!0}))}}),c={router:t,session:o,cart:r,api:a,notices:n,notify:s,categories:Dr(),titleFocus:{afterNavigation:!1}},d=e.document.getElementById("app");d.textContent="",kt(i`<${Gr} ctx=${c} />`,d)}Wr(window);
