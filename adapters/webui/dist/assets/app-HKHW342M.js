var C,ue,xr,et,Ht,Pt,de,Ct,pe,jt,Gt,me,bt=Symbol.for("pv"),Tt={},At=[],Er=/^m(i|n|o|s|text|space)$/,Yt=Array.isArray,Vt=At.slice,lt=Object.assign;function ct(t){t&&t.parentNode&&t.remove()}function fe(t,e,r){var o,n,s,a={},u=arguments.length;for(s in e)s=="key"?o=e[s]:s=="ref"&&typeof t!="function"?n=e[s]:a[s]=e[s];return u>2&&(a.children=u>3?Vt.call(arguments,2):r),gt(t,a,o,n,null)}function gt(t,e,r,o,n){var s={type:t,props:e,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:bt,__v:n||++ue,__i:-1,__u:0};return!n&&C.vnode&&C.vnode(s),s}function It(t){return t.children}function xt(t,e){this.props=t,this.context=e,this.__g=0}function rt(t,e){if(e==null)return t.__&&rt(t.__,t.__i+1);for(var r;e<t.__k.length;e++)if((r=t.__k[e])&&r.__e)return r.__e;return typeof t.type!="function"||t.props.__P?null:rt(t)}function Pr(t){var e,r=t.__v,o=r.__e,n=[],s=[],a=t.__P;a&&((e=lt({constructor:bt},r)).__v=r.__v+1,C.vnode&&C.vnode(e),Jt(a,e,r,t.__n,a.namespaceURI,32&r.__u?[o]:null,n,o||rt(r),32&r.__u,s),e.__v=r.__v,e.__.__k[e.__i]=e,ye(n,e,s),r.__=r.__e=null,e.__e!=o&&_e(e))}function _e(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),_e(t)}function Wt(t){(8&t.__g||(t.__g|=8,et.push(t),Pt++))&&Ht==C.debounceRendering||((Ht=C.debounceRendering)||queueMicrotask)(he)}function he(){try{for(var t,e=1;et.length;)et.length>e&&et.sort(de),t=et.shift(),e=et.length,8&t.__g&&Pr(t)}finally{(Pt=et.length)&&(Ht||queueMicrotask)(he)}}function $e(t,e,r,o,n,s,a,u,p,m,c){var _,h,i,d,f,g,b=o.__k||At,$=e.length;for(p=Tr(r,e,b,p,$),_=0;_<$;_++)(i=r.__k[_])!=null&&(h=~i.__i&&b[i.__i]||Tt,i.__i=_,g=Jt(t,i,h,n,s,a,u,p,m,c),d=i.__e,(h.ref!=i.ref||8&h.__u)&&(h.ref&&Kt(h.ref,null,i,h),i.ref&&c.push(i.ref,i.__c||d,i)),f=f||d,4&i.__u?(p=ge(i,p,t,!h.__v),h.__e&&(h.__e=null)):typeof i.type=="function"&&g!==void 0?p=g:d&&(p=d.nextSibling),i.__u&=-21);return r.__e=f,p}function Tr(t,e,r,o,n){var s,a,u,p,m,c,_,h,i,d=r.length,f=d,g=0,b=0,$=t.__k=Array(n);for(s=0;s<n;s++)(a=e[s])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=$[s]=gt(null,a):Yt(a)?a=$[s]=gt(It,{children:a}):a.constructor===bt&&a.__b?a=$[s]=gt(a.type,a.props,a.key,a.ref,a.__v):$[s]=a,p=s+g,a.__=t,a.__b=t.__b+1,u=null,~(m=a.__i=Ar(a,r,p,f))&&(f--,(u=r[m])&&(u.__u|=2)),u&&u.__v?(a.__u|=16,m==p-1?g--:m==p+1?g++:m!=p&&(m>p?g--:g++,b=1)):(~m||(n>d?g--:n<d&&g++),typeof a.type!="function"&&(a.__u|=4))):$[s]=null;if(b){for(c=[],_=[],s=0;s<n;s++)if((a=$[s])&&16&a.__u){for(g=0,h=c.length;g<h;)c[i=g+h>>1]<a.__i?g=i+1:h=i;c[g]=a.__i,_[s]=g+1}for(g=c.length;s--;)_[s]&&(_[s]==g?g--:$[s].__u|=4)}if(f)for(s=0;s<d;s++)!(u=r[s])||2&u.__u||(u.__e==o&&(o=rt(u)),Qt(u,u));return o}function ge(t,e,r,o){var n,s,a,u;if(typeof t.type=="function"){if(t.props.__P)return e;if(n=t.__k)for(s=0;s<n.length;s++)n[s]&&(n[s].__=t,e=ge(n[s],e,r,!1));return e}for(e&&!e.parentNode&&(e=rt(t))&&!e.parentNode&&(e=null),a=t.__e,u=e;u&&u.nodeType==8;)u=u.nextSibling;for(a!=u&&(!o&&r.moveBefore&&a.parentNode?r.moveBefore(a,e):r.insertBefore(a,e||null)),e=a;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Ar(t,e,r,o){var n,s=t.key,a=t.type,u=e[r],p=u&&!(2&u.__u);if(u===null&&s==null||p&&s==u.key&&a==u.type)return r;if(o>(p?1:0)){for(n=r-1;n>=0;n--)if((u=e[n])&&!(2&u.__u)&&s==u.key&&a==u.type)return n;for(n=r+1;n<e.length;n++)if((u=e[n])&&!(2&u.__u)&&s==u.key&&a==u.type)return n}return-1}function le(t,e,r){r==null&&(r=""),e[0]=="-"?t.setProperty(e,r):t[e]=r}function St(t,e,r,o,n){var s,a;if(e=="style")if(typeof r=="string")t.style.cssText=r;else{if(typeof o=="string"&&(t.style.cssText=o=""),o)for(e in o)r&&e in r||le(t.style,e);if(r)for(e in r)o&&r[e]==o[e]||le(t.style,e,r[e])}else if(e[0]=="o"&&e[1]=="n")typeof r!="function"&&(r=null),typeof o!="function"&&(o=null),(t.__e||(t.__e={}))[e]=r,r&&o||(a=Gt[e]||(Gt[e]=Ir(e)),(t.__a||(t.__a={}))[e]=jt,s=e!=(e=e.replace(pe,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),r?t.addEventListener(e,a,s):t.removeEventListener(e,a,s));else{if(n=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=r??"")}catch{}if(typeof r=="function")return;r==null||r===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&r==1?"":r)}}function Ir(t){return function(e){var r=this.__e;if(r){if(r=r[t],e[Ct]==null)e[Ct]=jt++;else if(e[Ct]<this.__a[t])return;return r(C.event?C.event(e):e)}}}function Jt(t,e,r,o,n,s,a,u,p,m){var c,_,h,i,d,f,g,b,$,v,w,B,j,nt,at,ce,tt,it,Q=e.type;if(e.constructor!==bt)return null;128&r.__u&&(p=32&r.__u,c=r.__c.__z)&&(e.__u|=p,_=s=[],c.nodeType==8?u=Et(c,s):s.push(c),u=s[0]||u),(c=C.__b)&&c(e);t:if(typeof Q=="function"){h=a.length;try{if(b=e.props,$=(c=Q.prototype)&&c.render,v=(c=Q.contextType)&&o[c.__c],w=c?v?v.props.value:c.__:o,(i=r.__c)?(e.__c=i,2&i.__g&&(i.__g|=1)):($?e.__c=i=new Q(b,w):(e.__c=i=new xt(b,w),i.constructor=Q,i.render=Nr),v&&v.sub(i),i.state||(i.state={}),i.__n=o,i.__g|=8,i.__h=[],i.__k=[]),$&&(i.__s||(i.__s=i.state),Q.getDerivedStateFromProps&&(i.__s==i.state&&(i.__s=lt({},i.__s)),lt(i.__s,Q.getDerivedStateFromProps(b,i.__s)))),d=i.props,f=i.state,i.__v=e,r.__c){if(b!==d&&$&&!Q.getDerivedStateFromProps&&i.componentWillReceiveProps&&i.componentWillReceiveProps(b,w),e.__v==r.__v&&!(8&i.__g)||!(4&i.__g)&&i.shouldComponentUpdate&&i.shouldComponentUpdate(b,i.__s,w)===!1){e.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__g&=-9),e.__e=r.__e,e.__k=r.__k,e.__k.some(function(F){F&&(F.__=e)}),At.push.apply(i.__h,i.__k),i.__k=[],i.__h.length&&a.push(i),u=rt(r);break t}i.componentWillUpdate&&i.componentWillUpdate(b,i.__s,w),$&&i.componentDidUpdate&&i.__h.push(function(){i.componentDidUpdate(d,f,g)})}else $&&!Q.getDerivedStateFromProps&&i.componentWillMount&&i.componentWillMount(),$&&i.componentDidMount&&i.__h.push(i.componentDidMount);i.context=w,i.props=b,i.__P=t,i.__g&=-5,B=C.__r,j=$?25:0;do i.__g&=-9,B&&B(e),c=i.render(i.props,i.state=i.__s,i.context);while(8&i.__g&&++j<25);$&&(At.push.apply(i.__h,i.__k),i.__k=[]),i.state=i.__s,i.getChildContext&&(o=lt({},o,i.getChildContext())),$&&r.__c&&i.getSnapshotBeforeUpdate&&(g=i.getSnapshotBeforeUpdate(d,f)),nt=c&&c.type===It&&c.key==null?c.props.children:c,b.__P&&(c=u,n=(t=b.__P).namespaceURI,p=s=null,r.props&&r.props.__P!=t&&(r.__k.some(function(F){F&&Qt(F,F)}),r.__k=null),u=r.__k?rt(r,0):null),u=$e(t,Yt(nt)?nt:[nt],e,r,o,n,s,a,u,p,m),b.__P&&(e.__e=null,u=c),e.__u&=-161,_&&_.some(ct),i.__h.length&&a.push(i),1&i.__g&&(i.__g&=-4)}catch(F){if(a.length=h,e.__v=null,p||s)if(F&&F.then){if(e.__u|=128|p,s){for(~(tt=s.indexOf(u||void 0))||(tt=s.length);(it=s[tt-1])&&it.nodeType==8;)tt--;for(;tt<s.length;tt++)if(it=s[tt])if(s[tt]=null,at){if(it==ce)break}else{if(it.nodeType!=8)break;it.data.startsWith("$s")&&(ce=Et(at=it))}}if(!at){for(;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;at=u}(c=Et(at=e.__c.__z||(e.__c.__z=at)))?(e.__e=at,u=c):e.__e=u,u=u&&u.nextSibling}else s&&s.some(ct);else e.__e=r.__e;e.__k||(e.__k=r.__k||[]),F&&F.then||be(e),C.__e(F,e,r)}}else u=e.__e=Rr(r.__e,e,r,o,n,s,a,p,m,t);return(c=C.diffed)&&c(e),u}function Et(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var r=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))r++;else if(t.data.startsWith("/$s")&&!--r)return t}e&&e.push(t)}}function be(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(be))}function ye(t,e,r){for(var o=0;o<r.length;)Kt(r[o++],r[o++],r[o++]);C.__c&&C.__c(e,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(s){s.call(n)})}catch(s){C.__e(s,n.__v)}})}function Rr(t,e,r,o,n,s,a,u,p,m){var c,_,h,i,d,f,g,b,$=r.props||Tt,v=e.props,w=e.type;if(w=="svg"?n="http://www.w3.org/2000/svg":w=="math"?n="http://www.w3.org/1998/Math/MathML":n||(n="http://www.w3.org/1999/xhtml"),s){for(c=0;c<s.length;c++)if((d=s[c])&&(w?d.localName==w:d.nodeType==3)){t=d,s[c]=null;break}}if(!t){if(b=m.ownerDocument||document,!w)return b.createTextNode(v);t=b.createElementNS(n,w,v.is?v:m),u&&(C.__m&&C.__m(e,s),u=!1),s=null}if(w){if(m=w=="template"&&t.content||t,s=w=="textarea"&&v.defaultValue!=null?null:s&&Vt.call(m.childNodes),!u&&s)for($={},c=0;c<t.attributes.length;c++)$[(d=t.attributes[c]).name]=d.value;for(c in $)d=$[c],c=="dangerouslySetInnerHTML"?h=d:c=="children"||c in v||c=="value"&&"defaultValue"in v||c=="checked"&&"defaultChecked"in v||St(t,c,null,d,n);for(c in v)d=v[c],c=="children"?i=d:c=="dangerouslySetInnerHTML"?_=d:c=="value"?f=d:c=="checked"?g=d:u&&typeof d!="function"||$[c]===d||St(t,c,d,$[c],n);_?(u||h&&(_.__html==h.__html||_.__html==t.innerHTML)||(t.innerHTML=_.__html),e.__k=[]):(h&&(t.textContent=""),(w=="foreignObject"||n=="http://www.w3.org/1998/Math/MathML"&&Er.test(w))&&(n="http://www.w3.org/1999/xhtml"),$e(m,Yt(i)?i:[i],e,r,o,n,s,a,s?s[0]:r.__k&&rt(r,0),u,p),s&&s.some(ct)),u&&w!="textarea"||(c="value",w=="progress"&&f==null?t.removeAttribute(c):f==null||f===t[c]&&(w!="progress"||f)||St(t,c,f,$[c],n),c="checked",g!=null&&g!=t[c]&&St(t,c,g,$[c],n))}else $===v||u&&t.data==v||(t.data=v);return t}function Kt(t,e,r,o){try{typeof t=="function"?e?e.__x=t(e)||1:o&&(o=o.__c||o.__e)&&(e=o.__x)&&(o.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(n){C.__e(n,r)}}function Qt(t,e,r){var o,n,s,a;if(C.unmount&&C.unmount(t),!(o=t.ref)||o.current&&o.current!=t.__e||Kt(o,null,e,t),o=t.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(u){C.__e(u,e)}o.__P=o.__n=null}if(o=t.__k)for(a=0;a<o.length;a++)o[a]&&Qt(o[a],e,typeof t.type!="function"||r&&!t.props.__P);!r&&(o=t.__c)&&(o=o.__z)&&(n=Et(o,s=[]))&&(o==t.__e&&s.some(ct),ct(n),ct(o)),r||ct(t.__e),t.__e=t.__c=t.__=null}function Nr(t,e,r){return this.constructor(t,r)}function ve(t,e){var r,o,n,s;C.__&&C.__(t,e),e.nodeType==9&&(e=e.documentElement),o=(r=t&&32&t.__u)?null:e.__k,e.__k=gt(It,{children:[t]}),n=[],s=[],Jt(e,e.__k,o||Tt,Tt,e.namespaceURI,o?null:e.firstChild?Vt.call(e.childNodes):null,n,o?o.__e:e.firstChild,r,s),ye(n,e.__k,s),e.__k.props.children=null}function ke(t){function e(r){var o,n;return this.getChildContext||(o=new Set,(n={})[e.__c]=this,this.getChildContext=function(){return n},this.shouldComponentUpdate=function(s){this.props.value!=s.value&&o.forEach(function(a){a.__g|=4,Wt(a)})},this.sub=function(s){o.add(s);var a=s.componentWillUnmount;s.componentWillUnmount=function(){o.delete(s),a&&a.call(s)}}),r.children}return e.__c="__cC"+me++,e.__=t,e.Provider=(e.Consumer=function(r,o){return r.children(o)}).contextType=e,e}C={__e:function(t,e,r,o){for(var n,s,a;e=e.__;)if((n=e.__c)&&!(1&n.__g)){n.__g|=4;try{if((a=(s=n.constructor)&&s.getDerivedStateFromError)&&n.setState(s.getDerivedStateFromError(t)),n.componentDidCatch&&(n.componentDidCatch(t,o||{}),a=1),a&&8&n.__g)return void(n.__g|=2)}catch(u){t=u}}throw Pt=0,t}},ue=0,xr=function(t){return t!=null&&t.constructor===bt},xt.prototype.setState=function(t,e){var r=this.__s;r&&r!=this.state||(r=this.__s=lt({},this.state)),typeof t=="function"&&(t=t(lt({},r),this.props)),t&&(lt(r,t),this.__v&&(e&&this.__k.push(e),Wt(this)))},xt.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),Wt(this))},xt.prototype.render=It,et=[],Pt=0,de=function(t,e){return t.__v.__b-e.__v.__b},Ct=Symbol(),pe=/(PointerCapture)$|Capture$/i,jt=0,Gt={},me=0;var ft,x,zt,we,Xt=Object.is,Rt=0,Re=[],Zt=[],P=C,Se=P.__b,Ce=P.__r,xe=P.diffed,Ee=P.__c,Pe=P.unmount,Te=P.__;function Nt(t,e){P.__h&&P.__h(x,t,Rt||e),Rt=0;var r=x.__H||(x.__H={__:[],__h:[]});return t>=r.__.length&&r.__.push({}),r.__[t]}function k(t){return Rt=1,Or(Le,t)}function Or(t,e,r){var o=Nt(ft++,2);if(o.t=t,!o.__c&&(o.__=[r?r(e):Le(void 0,e),function(s){var a=(o.__N||o.__)[0],u=o.t(a,s);Xt(a,u)||(o.__N=[u,o.__[1]],o.__c.setState({}))}],o.__c=x,!x.__f)){x.__f=!0;var n=x.shouldComponentUpdate;x.shouldComponentUpdate=function(s,a,u){var p=this.__H;if(!p)return!0;var m=!1,c=this.props!=s;if(p.__.some(function(h){h.__N&&(m=!0,Xt(h.__[0],h.__N[0])||(c=!0))}),n){var _=n.call(this,s,a,u);return m?_||c:_}return!m||c}}return o.__}function T(t,e){var r=Nt(ft++,3);!P.__s&&Oe(r.__H,e)&&(r.__P=!0,r.__=t,r.u=e,x.__H.__h.push(r))}function N(t){return Rt=5,Lr(function(){return{current:t}},[])}function Lr(t,e){var r=Nt(ft++,7);return Oe(r.__H,e)&&(r.__=t(),r.__H=e),r.__}function Ne(t){var e=x.context[t.__c],r=Nt(ft++,9);return r.c=t,e?(r.__==null&&(r.__=!0,e.sub(x)),e.props.value):t.__}function Mr(){var t;do{for(;t=Zt.shift();)try{yt(t)}catch(r){P.__e(r,{__:(t=t.__P)&&t.__v})}for(;t=Re.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(yt),e.__h.some(te),e.__h=[]}catch(r){e.__h=[],P.__e(r,t.__v)}}}while(Zt.length)}P.__b=function(t){x=null,Se&&Se(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Te&&Te(t,e)},P.__r=function(t){Ce&&Ce(t),ft=0;var e=(x=t.__c).__H;e&&(zt==x?x.__h=[]:(e.__h.some(yt),e.__h.some(te),ft=0),e.__h=[],e.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})),zt=x},P.diffed=function(t){xe&&xe(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Ie(Re.push(e)),e.__H.__.some(function(r){r.u&&(r.__H=r.u)})),zt=x=null},P.__c=function(t,e){e.some(function(r){try{r.__h.some(yt),r.__h=r.__h.filter(function(o){return!o.__||te(o)})}catch(o){r.__h=[function(){throw o}]}}),Ee&&Ee(t,e)},P.unmount=function(t){Pe&&Pe(t);var e,r,o=t.__c;o&&o.__H&&(o.__H.__.some(function(n){try{if(n.__P&&n.__c){if(r===void 0){for(r=t.__;r&&(!r.__c||!r.__c.__P);)r=r.__;r=r&&r.__c}n.__P=r,Ie(Zt.push(n))}else yt(n)}catch(s){e=s}}),o.__H=void 0,e&&P.__e(e,o.__v))};var Ae=typeof requestAnimationFrame=="function";function qr(t){var e,r=function(){clearTimeout(o),Ae&&cancelAnimationFrame(e),setTimeout(t)},o=setTimeout(r,35);Ae&&(e=requestAnimationFrame(r))}function Ie(t){t!=1&&we==P.requestAnimationFrame||((we=P.requestAnimationFrame)||qr)(Mr)}function yt(t){var e=x,r=t.__c;typeof r=="function"&&(t.__c=void 0,r()),x=e}function te(t){var e=x;t.__c=t.__(),x=e}function Oe(t,e){return!t||t.length!=e.length||e.some(function(r,o){return!Xt(r,t[o])})}function Le(t,e){return typeof e=="function"?e(t):e}var qe=function(t,e,r,o){var n;e[0]=0;for(var s=1;s<e.length;s++){var a=e[s++],u=e[s]?(e[0]|=a?1:2,r[e[s++]]):e[++s];a===3?o[0]=u:a===4?o[1]=Object.assign(o[1]||{},u):a===5?(o[1]=o[1]||{})[e[++s]]=u:a===6?o[1][e[++s]]+=u+"":a?(n=t.apply(u,qe(t,u,r,["",null])),o.push(n),u[0]?e[0]|=2:(e[s-2]=0,e[s]=n)):o.push(u)}return o},Me=new Map;function Ue(t){var e=Me.get(this);return e||(e=new Map,Me.set(this,e)),(e=qe(this,e.get(t)||(e.set(t,e=(function(r){for(var o,n,s=1,a="",u="",p=[0],m=function(h){s===1&&(h||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,h,a):s===3&&(h||a)?(p.push(3,h,a),s=2):s===2&&a==="..."&&h?p.push(4,h,0):s===2&&a&&!h?p.push(5,0,!0,a):s>=5&&((a||!h&&s===5)&&(p.push(s,0,a,n),s=6),h&&(p.push(s,h,0,n),s=6)),a=""},c=0;c<r.length;c++){c&&(s===1&&m(),m(c));for(var _=0;_<r[c].length;_++)o=r[c][_],s===1?o==="<"?(m(),p=[p],s=3):a+=o:s===4?a==="--"&&o===">"?(s=1,a=""):a=o+a[0]:u?o===u?u="":a+=o:o==='"'||o==="'"?u=o:o===">"?(m(),s=1):s&&(o==="="?(s=5,n=a,a=""):o==="/"&&(s<5||r[c][_+1]===">")?(m(),s===3&&(p=p[0]),s=p,(p=p[0]).push(2,0,s),s=0):o===" "||o==="	"||o===`
`||o==="\r"?(m(),s=2):a+=o),s===3&&a==="!--"&&(s=4,p=p[0])}return m(),p})(t)),e),arguments,[])).length>1?e:e[0]}var l=Ue.bind(fe);function z(t){let e=t,r=new Set;return{get:()=>e,set(o){if(o!==e){e=o;for(let n of r)n(e)}},subscribe(o){return r.add(o),()=>r.delete(o)}}}function R(t){let[,e]=k(0);return T(()=>t.subscribe(()=>e(r=>r+1)),[t]),t.get()}function De(t){return{path:t.pathname,query:new URLSearchParams(t.search),href:t.pathname+t.search}}var Ur=t=>!/^\/(api|_[a-z]+)(\/|$)/.test(t)&&!/\.[a-z0-9]+$/i.test(t);function Be(t){let e=z(De(t.location)),r=()=>e.set(De(t.location));function o(n,{replace:s=!1}={}){let a=new URL(n,t.location.href);a.pathname+a.search===e.get().href&&!s||(t.history[s?"replaceState":"pushState"](null,"",a.pathname+a.search+a.hash),r())}return t.addEventListener("popstate",r),t.document.addEventListener("click",n=>{if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let s=n.target.closest?.("a[href]");if(!s||s.target||s.hasAttribute("download"))return;let a=new URL(s.href,t.location.href);a.origin!==t.location.origin||!Ur(a.pathname)||a.pathname===t.location.pathname&&a.search===t.location.search&&a.hash||(n.preventDefault(),o(a.pathname+a.search))}),{store:e,navigate:o}}function Fe(t,e){let r=t.split("/"),o=e.replace(/\/+$/,"").split("/");if(t==="/")return e==="/"?{}:null;if(r.length!==o.length)return null;let n={};for(let s=0;s<r.length;s++)if(r[s].startsWith(":")){if(!o[s])return null;try{n[r[s].slice(1)]=decodeURIComponent(o[s])}catch{return null}}else if(r[s]!==o[s])return null;return n}function He(t){return typeof t=="string"&&t.startsWith("/")&&!t.startsWith("//")&&!t.startsWith("/\\")?t:"/"}var Y=t=>`/login?next=${encodeURIComponent(t)}`;function ut(t,e){try{let r=t?.getItem(e);return r?JSON.parse(r):null}catch{return null}}function ot(t,e,r){try{r==null?t?.removeItem(e):t?.setItem(e,JSON.stringify(r))}catch{}}function Ot(t,e,r){let o=n=>{(n.key===e||n.key===null)&&r()};return t.addEventListener("storage",o),()=>t.removeEventListener("storage",o)}var vt="bookshop.session.v1",Dr="admin";function Ge(t){try{let e=String(t).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),r=Uint8Array.from(atob(e.padEnd(e.length+(4-e.length%4)%4,"=")),o=>o.charCodeAt(0));return JSON.parse(new TextDecoder().decode(r))}catch{return null}}function ee(t){if(!t?.accessToken||!t?.refreshToken)return null;let e=Ge(t.accessToken);if(!e?.sub)return null;let r=Ge(t.idToken)||{},o=e["cognito:groups"]||[];return{tokens:t,userId:e.sub,email:r.email||"",isAdmin:Array.isArray(o)&&o.includes(Dr),expiresAt:(e.exp||0)*1e3}}function We(t){let e=t.localStorage,r=z(ee(ut(e,vt)));return Ot(t,vt,()=>r.set(ee(ut(e,vt)))),{...r,signIn(o){let n=r.get()?.tokens,s={accessToken:o.accessToken,idToken:o.idToken||n?.idToken||"",refreshToken:o.refreshToken||n?.refreshToken||""};ot(e,vt,s),r.set(ee(s))},signOut(){ot(e,vt,null),r.set(null)}}}var Lt="bookshop.cart.v1",Mt="bookshop.checkout.v1",dt=10,re=25,_t=t=>Math.max(0,Math.min(dt,t));function je(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.bookId=="string"&&Number.isInteger(e.qty)&&e.qty>0).slice(0,re).map(e=>({...e,qty:Math.min(e.qty,dt)})):[]}function Br(t){if(t.randomUUID)return t.randomUUID();let e=t.getRandomValues(new Uint8Array(16));e[6]=e[6]&15|64,e[8]=e[8]&63|128;let r=[...e].map(o=>o.toString(16).padStart(2,"0")).join("");return`${r.slice(0,8)}-${r.slice(8,12)}-${r.slice(12,16)}-${r.slice(16,20)}-${r.slice(20)}`}function Ye(t){let e=t.localStorage,r=z(je(ut(e,Lt)?.items));Ot(t,Lt,()=>r.set(je(ut(e,Lt)?.items)));let o=s=>{ot(e,Lt,{items:s}),r.set(s)},n=s=>r.get().find(a=>a.bookId===s);return{...r,count:()=>r.get().reduce((s,a)=>s+a.qty,0),qtyOf:s=>n(s)?.qty||0,add(s,a){let u=_t(s.stock),p=n(s.id);if(!p&&r.get().length>=re)throw new Error(`An order holds at most ${re} different books.`);let m=Math.min(u,(p?.qty||0)+a);if(m<1)throw new Error("This book is out of stock.");let c={bookId:s.id,qty:m,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:u};return o(p?r.get().map(_=>_.bookId===s.id?c:_):[...r.get(),c]),m},setQty(s,a){let u=Math.max(1,Math.min(dt,Math.trunc(a)||1));o(r.get().map(p=>p.bookId===s?{...p,qty:u}:p))},refresh(s){n(s.id)&&o(r.get().map(a=>a.bookId===s.id?{...a,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:_t(s.stock)}:a))},remove(s){o(r.get().filter(a=>a.bookId!==s))},checkoutAttempt(){let s=r.get().map(({bookId:p,qty:m})=>({bookId:p,qty:m})),a=ut(e,Mt);if(a?.key&&JSON.stringify(a.items)===JSON.stringify(s))return a;let u={key:Br(t.crypto),items:s};return ot(e,Mt,u),u},forgetAttempt(){ot(e,Mt,null)},checkedOut(){ot(e,Mt,null),o([])}}}var Fr="/api";var mt=class extends Error{constructor(e,r={}){super(r.detail||r.title||`The request failed (${e}).`),this.name="ApiError",this.status=e,this.title=r.title||"",this.detail=r.detail||"",this.problem=r,this.fields={};for(let o of Array.isArray(r.errors)?r.errors:[])o&&o.field&&(this.fields[o.field]=o.message)}},Ve=()=>new mt(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),kt=t=>t?.name==="AbortError",qt=t=>({"If-Match":`"${t}"`}),U=encodeURIComponent;function pt(t){let e=new URLSearchParams;for(let[o,n]of Object.entries(t))n!=null&&n!==""&&e.set(o,String(n));let r=e.toString();return r?`?${r}`:""}var Hr=new Set(["content-length","host","connection","accept-encoding","cookie"]);function Je({session:t,onUnauthorized:e,fetch:r=globalThis.fetch.bind(globalThis),XHR:o=globalThis.XMLHttpRequest,setTimeout:n=globalThis.setTimeout.bind(globalThis)}){let s=null;async function a(i,d,{body:f,headers:g={},token:b,signal:$}={}){let v={Accept:"application/json, application/problem+json",...g};f!==void 0&&(v["Content-Type"]="application/json"),b&&(v.Authorization=`Bearer ${b}`);let w;try{w=await r(Fr+d,{method:i,headers:v,body:f===void 0?void 0:JSON.stringify(f),signal:$})}catch(nt){throw kt(nt)?nt:Ve()}let B=await w.text().catch(()=>""),j=null;if(B)try{j=JSON.parse(B)}catch{j=null}if(!w.ok)throw new mt(w.status,j&&typeof j=="object"?j:{});return{status:w.status,data:j,headers:w.headers}}function u(){let i=t.get();return i?(s||(s=a("POST","/auth/refresh",{body:{refreshToken:i.tokens.refreshToken}}).then(({data:d})=>(t.signIn(d),t.get())).finally(()=>{s=null})),s):Promise.reject(new mt(401,{title:"Not signed in"}))}async function p(){let i=t.get();if(!i)return null;if(i.expiresAt-Date.now()<6e4)try{i=await u()}catch(d){if(d.status===401||d.status===400)return m();throw d}return i.tokens.accessToken}function m(){throw t.signOut(),e?.(),new mt(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function c(i,d,{auth:f="none",body:g,headers:b,signal:$}={}){let v;if(f==="required"&&(v=await p(),!v))return m();try{return(await a(i,d,{body:g,headers:b,token:v,signal:$})).data}catch(w){if(f==="required"&&w.status===401)return m();throw w}}let _=null;function h(){clearTimeout(_);let i=t.get();if(!i)return;let d=Math.max(0,i.expiresAt-Date.now()-6e4);_=n(()=>{u().catch(f=>{(f.status===401||f.status===400)&&t.signOut()})},Math.min(d,2**31-1))}return t.subscribe(h),h(),{listBooks:({category:i,sort:d,limit:f,cursor:g}={},b)=>c("GET",`/books${pt({category:i,sort:d,limit:f,cursor:g})}`,{signal:b}),getBook:(i,d)=>c("GET",`/books/${U(i)}`,{signal:d}),search:({q:i,category:d,limit:f,cursor:g}={},b)=>c("GET",`/search${pt({q:i,category:d,limit:f,cursor:g})}`,{signal:b}),bestSellers:({category:i,period:d,limit:f}={},g)=>c("GET",`/bestsellers${pt({category:i,period:d,limit:f})}`,{signal:g}),alsoBought:(i,{limit:d}={},f)=>c("GET",`/books/${U(i)}/also-bought${pt({limit:d})}`,{signal:f}),createBook:i=>c("POST","/books",{auth:"required",body:i}),updateBook:(i,d,f)=>c("PUT",`/books/${U(i)}`,{auth:"required",body:f,headers:qt(d)}),deleteBook:(i,d)=>c("DELETE",`/books/${U(i)}`,{auth:"required",headers:qt(d)}),requestCoverUpload:(i,d,f)=>c("POST",`/books/${U(i)}/cover`,{auth:"required",body:{contentType:d,contentLength:f}}),uploadFile:(i,d,f)=>new Promise((g,b)=>{let $=new o;$.open(i.method||"PUT",i.uploadUrl);for(let[v,w]of Object.entries(i.headers||{}))Hr.has(v.toLowerCase())||$.setRequestHeader(v,w);$.upload.onprogress=v=>v.lengthComputable&&f?.(v.loaded/v.total),$.onload=()=>$.status>=200&&$.status<300?g():b(new mt($.status,{title:"Upload refused",detail:`The storage service refused the upload (${$.status}).`})),$.onerror=()=>b(Ve()),$.send(d)}),listReviews:(i,{cursor:d,limit:f}={},g)=>c("GET",`/books/${U(i)}/reviews${pt({cursor:d,limit:f})}`,{signal:g}),getMyReview:(i,d)=>c("GET",`/books/${U(i)}/reviews/mine`,{auth:"required",signal:d}).catch(f=>{if(f.status===404)return null;throw f}),addReview:(i,d)=>c("POST",`/books/${U(i)}/reviews`,{auth:"required",body:d}),editReview:(i,d,f)=>c("PUT",`/books/${U(i)}/reviews/mine`,{auth:"required",body:f,headers:qt(d)}),deleteReview:(i,d)=>c("DELETE",`/books/${U(i)}/reviews/mine`,{auth:"required",headers:qt(d)}),checkout:i=>c("POST","/orders",{auth:"required",body:{items:i.items},headers:{"Idempotency-Key":i.key}}),listMyOrders:({cursor:i,limit:d}={},f)=>c("GET",`/orders${pt({cursor:i,limit:d})}`,{auth:"required",signal:f}),getOrder:(i,d)=>c("GET",`/orders/${U(i)}`,{auth:"required",signal:d}),cancelOrder:i=>c("POST",`/orders/${U(i)}/cancel`,{auth:"required"}),listAllOrders:({status:i,cursor:d,limit:f}={},g)=>c("GET",`/admin/orders${pt({status:i,cursor:d,limit:f})}`,{auth:"required",signal:g}),setOrderStatus:(i,d)=>c("POST",`/admin/orders/${U(i)}/status`,{auth:"required",body:{status:d}}),register:(i,d,f)=>c("POST","/auth/register",{body:f?{email:i,password:d,name:f}:{email:i,password:d}}),confirm:(i,d)=>c("POST","/auth/confirm",{body:{email:i,code:d}}),resendCode:i=>c("POST","/auth/resend",{body:{email:i}}),login:async(i,d)=>t.signIn(await c("POST","/auth/login",{body:{email:i,password:d}})),signOut:async()=>{let i=t.get()?.tokens?.refreshToken;t.signOut(),i&&await a("POST","/auth/logout",{body:{refreshToken:i}}).catch(()=>{})}}}var oe=ke(null),y=()=>Ne(oe);var Gr=["/login","/register","/confirm"];function wt({href:t,current:e,children:r,testid:o}){let n=t==="/"?e==="/"||e.startsWith("/books/"):e===t||e.startsWith(`${t}/`);return l`<a href=${t} aria-current=${n?"page":void 0} data-testid=${o}>${r}</a>`}function Wr({loc:t}){let{router:e}=y(),r=t.path==="/search"&&t.query.get("q")||"",[o,n]=k(r);return T(()=>n(r),[r]),l`<form class="site-search" role="search" onSubmit=${a=>{a.preventDefault();let u=o.trim();e.navigate(u?`/search?q=${encodeURIComponent(u)}`:"/search")}}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${o} onInput=${a=>n(a.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`}function Ke(){let{router:t,session:e,cart:r,api:o,notify:n}=y(),s=R(t.store),a=R(e);R(r);let u=r.count(),p=()=>{o.signOut(),n("You are signed out."),t.navigate("/")};return l`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${wt} href="/" current=${s.path}>Books<//>
        <${wt} href="/bestsellers" current=${s.path} testid="nav-bestsellers">Best sellers<//>
        ${a&&l`<${wt} href="/orders" current=${s.path} testid="nav-orders">My orders<//>`}
        ${a?.isAdmin&&l`<${wt} href="/admin/books" current=${s.path} testid="nav-admin-books">Manage books<//>
          <${wt} href="/admin/orders" current=${s.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${Wr} loc=${s} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${s.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${u}</span><span class="visually-hidden">${u===1?" item":" items"}</span>
        </a>
        ${a?l`<span class="account" data-testid="account">
              <span class="account__email" title=${a.email}>${a.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${p}>Sign out</button>
            </span>`:l`<a class="button button--quiet" href=${Gr.includes(s.path)?"/login":Y(s.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function V(t,e){let[r,o]=k({status:"loading",data:void 0,error:null}),[n,s]=k(0),a=JSON.stringify(e),u=N(a);return T(()=>{let p=new AbortController,m=u.current===a;return u.current=a,o(c=>({status:"loading",data:m?c.data:void 0,error:null})),t(p.signal).then(c=>p.signal.aborted||o({status:"ready",data:c,error:null}),c=>p.signal.aborted||kt(c)||o({status:"error",data:void 0,error:c})),()=>p.abort()},[a,n]),{...r,reload:()=>s(p=>p+1),set:p=>o({status:"ready",data:p,error:null})}}function H(t,e){let[r,o]=k({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[n,s]=k(0),a=N(null),u=JSON.stringify(e);T(()=>{let m=new AbortController;return a.current=m,o({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),t(void 0,m.signal).then(c=>m.signal.aborted||o({status:"ready",items:c.items||[],cursor:c.nextCursor,error:null,moreStatus:"idle"}),c=>m.signal.aborted||kt(c)||o(_=>({..._,status:"error",error:c}))),()=>m.abort()},[u,n]);let p=()=>{let m=a.current;return o(c=>({...c,moreStatus:"loading",moreError:null})),t(r.cursor,m.signal).then(c=>{if(m.signal.aborted)return 0;let _=c.items||[];return o(h=>({...h,items:[...h.items,..._],cursor:c.nextCursor,moreStatus:"idle"})),_.length},c=>(!m.signal.aborted&&!kt(c)&&o(_=>({..._,moreStatus:"error",moreError:c})),0))};return{...r,more:!!r.cursor,loadMore:p,reload:()=>s(m=>m+1),update:m=>o(c=>({...c,items:m(c.items)}))}}var Qe=new Map;function J(t,e="USD"){let r=Qe.get(e);if(!r){try{r=new Intl.NumberFormat(void 0,{style:"currency",currency:e})}catch{r=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}Qe.set(e,r)}return r.format(t/100)}var jr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),Yr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Ut=t=>t?jr.format(new Date(t)):"",ht=t=>t?Yr.format(new Date(t)):"",Vr=5;function ze(t){return t<=0?{kind:"out",label:"Out of stock"}:t<=Vr?{kind:"low",label:`Only ${t} left`}:{kind:"in",label:"In stock"}}function X(t){let e=String(t||"").replace(/-/g," ").trim();return e?e[0].toUpperCase()+e.slice(1):""}var Xe=(t,e,r=e+"s")=>`${t} ${t===1?e:r}`,K=t=>String(t).slice(-8);function Ze(t){let e=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(t);return e?Number(e[1])*100+Number((e[2]||"0").padEnd(2,"0")):null}var tr=t=>(t/100).toFixed(2);function S({title:t,children:e}){let{titleFocus:r}=y(),o=N(null);return T(()=>{document.title=t?`${t} · Bookshop`:"Bookshop"},[t]),T(()=>{let n=document.activeElement;r.afterNavigation&&(!n||n===document.body||n.tagName==="H1")&&o.current?.focus({preventScroll:!0})},[]),l`<h1 tabindex="-1" class="page-title" ref=${o}>${e||t}</h1>`}function A({label:t="Loading…"}){return l`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${t}</p>`}function I({error:t,retry:e,what:r="this page"}){return l`<div class="state state--error" role="alert">
    <p><strong>Could not load ${r}.</strong> ${t?.message||""}</p>
    ${e&&l`<button type="button" class="button" onClick=${e}>Try again</button>`}
  </div>`}function O({children:t}){return l`<div class="state state--empty">${t}</div>`}function L({kind:t="info",children:e,testid:r}){return l`<div class="alert alert--${t}" role=${t==="error"?"alert":"status"} data-testid=${r}>${e}</div>`}function E({id:t,label:e,hint:r,error:o,control:n}){let s=[r&&`${t}-hint`,o&&`${t}-error`].filter(Boolean).join(" ")||void 0;return l`<div class=${o?"field field--invalid":"field"}>
    <label for=${t}>${e}</label>
    ${n({id:t,name:t,"aria-describedby":s,"aria-invalid":o?"true":void 0})}
    ${r&&l`<p class="hint" id=${`${t}-hint`}>${r}</p>`}
    ${o&&l`<p class="field-error" id=${`${t}-error`}>${o}</p>`}
  </div>`}function M({error:t,shown:e=[]}){if(!t)return null;let r=Object.entries(t.fields||{}).filter(([o])=>!e.includes(o));return l`<div class="alert alert--error" role="alert">
    <p>${t.message}</p>
    ${r.length>0&&l`<ul>${r.map(([o,n])=>l`<li key=${o}>${o}: ${n}</li>`)}</ul>`}
  </div>`}var G=({cents:t,currency:e})=>l`<span class="price">${J(t,e)}</span>`;function se({value:t,label:e}){let r=Math.round(t);return l`<span class="stars"><span aria-hidden="true">${"★".repeat(r)}${"☆".repeat(5-r)}</span><span class="visually-hidden">${e}</span></span>`}function Dt({rating:t}){let e=t?.count||0;if(!e)return l`<span class="rating rating--none">No reviews yet</span>`;let r=t.average.toFixed(1);return l`<span class="rating"><${se} value=${t.average} label=${`Rated ${r} out of 5`} /> <span>${r}</span>${" "}<span class="muted"
    >(${e} ${e===1?"review":"reviews"})</span></span>`}function Bt({stock:t}){let e=ze(t);return l`<span class=${`stock stock--${e.kind}`}>${e.label}</span>`}function Jr(t){let e=0;for(let r of String(t))e=e*31+r.charCodeAt(0)>>>0;return e%8}function q({book:t,eager:e=!1,size:r="thumb",timing:o}){let n=t.cover,[s,a]=k(!1),u=r==="large"?300:200,p=r==="large"?420:280,m="",c;return n&&!s&&(r==="large"?m=n.url||n.thumbnail2xUrl||n.thumbnailUrl||"":n.thumbnailUrl&&(m=n.thumbnailUrl,c=n.thumbnail2xUrl?`${n.thumbnailUrl} 1x, ${n.thumbnail2xUrl} 2x`:void 0)),m?l`<img class=${`cover cover--${r}`} src=${m} srcset=${c} width=${u} height=${p}
    alt=${r==="large"?`Cover of ${t.title}`:""} loading=${e?"eager":"lazy"} decoding="async" elementtiming=${o}
    onError=${()=>a(!0)} />`:l`<div class=${`cover cover--${r} cover--placeholder cover--hue-${Jr(t.id)}`} aria-hidden="true">
      <span class="cover__title">${t.title}</span><span class="cover__author">${t.author}</span>
    </div>`}function W({pager:t,label:e="Load more",testid:r="load-more"}){return!t.more&&t.moreStatus!=="error"?null:l`<div class="load-more">
    ${t.moreStatus==="error"&&l`<p class="field-error" role="alert">${t.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${r} disabled=${t.moreStatus==="loading"}
      aria-busy=${t.moreStatus==="loading"?"true":void 0} onClick=${t.loadMore}>
      ${t.moreStatus==="loading"?"Loading…":e}
    </button>
  </div>`}var Kr={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},$t=t=>Kr[t]||t,Ft=({status:t})=>l`<span class=${`badge badge--${String(t).toLowerCase()}`}>${$t(t)}</span>`;function st(t){let[e,r]=k(t);return[e,n=>({value:e[n],onInput:s=>{let a=s.currentTarget.value;r(u=>({...u,[n]:a}))}}),r]}function D(t){let[e,r]=k(!1),[o,n]=k(null),s=N(!0);return T(()=>()=>s.current=!1,[]),{busy:e,error:o,submit:async u=>{u?.preventDefault?.(),r(!0),n(null);try{await t()}catch(p){s.current&&n(p)}finally{s.current&&r(!1)}},setError:n}}var Qr=20,er=6;function rr({item:t,rank:e,eager:r}){let o=t.book;return l`<li class="ranked-book" data-testid="bestseller" data-book-id=${o.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(o.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${e}</span>
      <${q} book=${o} eager=${r} />
      <span class="ranked-book__title">${o.title}</span>
    </a>
    <span class="ranked-book__author">${o.author}</span>
    <span class="ranked-book__meta"><${G} cents=${o.priceCents} currency=${o.currency} /> · <span data-testid="bestseller-count">${t.count} sold</span></span>
  </li>`}function or({query:t}){let{api:e,router:r}=y(),o=t.get("period")==="30d"?"30d":"all",n=t.get("category")||"",s=V(m=>e.bestSellers({period:o==="all"?void 0:o,category:n,limit:Qr},m),[o,n]),a=m=>{let c=new URLSearchParams(t);m==="all"?c.delete("period"):c.set("period",m);let _=c.toString();r.navigate(_?`/bestsellers?${_}`:"/bestsellers")},u=n?`Best sellers in ${X(n)}`:"Best sellers",p=s.data?.items||[];return l`<section class="bestsellers" data-testid="bestsellers-page">
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
    ${s.status==="loading"&&l`<${A} label="Loading best sellers…" />`}
    ${s.status==="error"&&l`<${I} error=${s.error} retry=${s.reload} what="the best sellers" />`}
    ${s.status==="ready"&&p.length===0&&l`<${O}><p data-testid="bestsellers-empty">No sales ${o==="30d"?"in the last 30 days":"yet"}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${p.length>0&&l`<ol class="ranked-books ranked-books--page" aria-label=${u}>
      ${p.map((m,c)=>l`<${rr} key=${m.book.id} item=${m} rank=${c+1} eager=${c<4} />`)}
    </ol>`}
  </section>`}function sr({category:t}){let{api:e}=y(),o=V(s=>e.bestSellers({category:t,limit:er},s),[t]).data?.items||[];if(o.length===0)return null;let n=t?`/bestsellers?category=${encodeURIComponent(t)}`:"/bestsellers";return l`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${n} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${o.map((s,a)=>l`<${rr} key=${s.book.id} item=${s} rank=${a+1} />`)}
    </ol>
  </section>`}function nr({bookId:t}){let{api:e}=y(),o=V(n=>e.alsoBought(t,{limit:er},n),[t]).data?.items||[];return o.length===0?null:l`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${o.map(n=>l`<li class="ranked-book" key=${n.book.id} data-testid="also-bought-book" data-book-id=${n.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(n.book.id)}`}>
            <${q} book=${n.book} />
            <span class="ranked-book__title">${n.book.title}</span>
          </a>
          <span class="ranked-book__author">${n.book.author}</span>
          <span class="ranked-book__meta"><${G} cents=${n.book.priceCents} currency=${n.book.currency} /></span>
        </li>`)}
    </ul>
  </section>`}var zr=12,Xr=4;function ne({book:t,eager:e}){return l`<li class="book-card" data-testid="book-card" data-book-id=${t.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(t.id)}`}>
      <${q} book=${t} eager=${e} timing="cover" />
      <h2 class="book-card__title">${t.title}</h2>
    </a>
    <p class="book-card__author">${t.author}</p>
    <p class="book-card__meta"><${G} cents=${t.priceCents} currency=${t.currency} /> <${Bt} stock=${t.stock} /></p>
    <p class="book-card__rating"><${Dt} rating=${t.rating} /></p>
  </li>`}function ar({query:t}){let{api:e,router:r,categories:o}=y(),n=t.get("category")||"",s=t.get("sort")==="title"?"title":"newest",a=R(o),u=n&&!a.includes(n)?[...a,n].sort():a,p=N(null),m=H((i,d)=>e.listBooks({category:n,sort:s,limit:zr,cursor:i},d).then(f=>(o.see(f.items||[]),f)),[n,s]),c=(i,d)=>{let f=new URLSearchParams(t);d?f.set(i,d):f.delete(i),f.delete("cursor");let g=f.toString();r.navigate(g?`/?${g}`:"/")},_=async()=>{let i=m.items.length;await m.loadMore()>0&&requestAnimationFrame(()=>p.current?.querySelectorAll(".book-card__link")[i]?.focus())},h=n?X(n):"All books";return l`<section class="catalog">
    <div class="page-head">
      <${S} title=${h} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${n} onChange=${i=>c("category",i.currentTarget.value)}>
            <option value="">All categories</option>
            ${u.map(i=>l`<option key=${i} value=${i}>${X(i)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${s} onChange=${i=>c("sort",i.currentTarget.value==="newest"?"":i.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${m.status==="ready"&&m.items.length>0&&l`<${sr} category=${n} />`}
    ${m.status==="loading"&&l`<${A} label="Loading books…" />`}
    ${m.status==="error"&&l`<${I} error=${m.error} retry=${m.reload} what="the books" />`}
    ${m.status==="ready"&&m.items.length===0&&l`<${O}><p>${n?`No books in ${h} yet.`:"The shop has no books yet."}</p>
      ${n&&l`<p><a href="/">Show all books</a></p>`}<//>`}
    ${m.items.length>0&&l`<ul class="book-grid" ref=${p} aria-label="Books">
      ${m.items.map((i,d)=>l`<${ne} key=${i.id} book=${i} eager=${d<Xr} />`)}
    </ul>`}
    <${W} pager=${{...m,loadMore:_}} label="Load more books" />
  </section>`}var Zr=12,ir=2,ae=100;function cr({query:t}){let{api:e}=y(),r=(t.get("q")||"").trim(),o=r.length>=ir&&r.length<=ae,n=N(null),s=H((p,m)=>o?e.search({q:r,limit:Zr,cursor:p},m):Promise.resolve({items:[],nextCursor:null}),[r]),a=async()=>{let p=s.items.length;await s.loadMore()>0&&requestAnimationFrame(()=>n.current?.querySelectorAll(".book-card__link")[p]?.focus())},u=o?`Results for “${r}”`:"Search";return l`<section class="search" data-testid="search-page">
    <div class="page-head"><${S} title=${u} /></div>
    ${!o&&l`<${O}><p data-testid="search-hint">${r.length>ae?`Search for at most ${ae} characters.`:`Type at least ${ir} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${o&&s.status==="loading"&&l`<${A} label="Searching…" />`}
    ${o&&s.status==="error"&&l`<${I} error=${s.error} retry=${s.reload} what="the results" />`}
    ${o&&s.status==="ready"&&s.items.length===0&&!s.more&&l`<${O}><p data-testid="search-empty">No books match “${r}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${s.items.length>0&&l`<ul class="book-grid" ref=${n} aria-label="Search results" data-testid="search-results">
      ${s.items.map((p,m)=>l`<${ne} key=${p.id} book=${p} eager=${m<4} />`)}
    </ul>`}
    <${W} pager=${{...s,loadMore:a}} label="More results" testid="search-load-more" />
  </section>`}function Z({what:t="page"}){return l`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${t[0].toUpperCase()}${t.slice(1)} not found`} />
    <p>We could not find this ${t}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var to=5,lr=2e3;function eo({book:t}){let{cart:e,notify:r}=y();R(e);let o=e.qtyOf(t.id),n=_t(t.stock)-o,[s,a]=k(1),[u,p]=k("");return t.stock<=0?l`<p class="add-to-cart__note">This book is out of stock.</p>`:l`<form class="add-to-cart" onSubmit=${c=>{c.preventDefault();try{let _=Math.max(1,Math.min(n,s)),h=e.add(t,_);p(""),a(1),r(`Added ${_} × ${t.title} to your cart (${h} in cart).`)}catch(_){p(_.message)}}} aria-label="Add to cart">
    ${n>0?l`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${n} step="1" value=${s} data-testid="add-qty"
              onInput=${c=>a(Number.parseInt(c.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:l`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${o>0&&l`<p class="add-to-cart__note" data-testid="in-cart">${o} in your cart · <a href="/cart">View cart</a></p>`}
    ${u&&l`<p class="field-error" role="alert">${u}</p>`}
  </form>`}function ur({review:t}){return l`<li class="review" data-testid="review">
    <p class="review__head"><${se} value=${t.rating} label=${`${t.rating} out of 5 stars`} />
      <strong>${t.author||"A reader"}</strong> <span class="muted">${Ut(t.createdAt)}</span></p>
    ${t.text&&l`<p class="review__text">${t.text}</p>`}
  </li>`}function ro({bookId:t,mine:e,onSaved:r,onCancel:o}){let{api:n,notify:s}=y(),[a,u]=k(e?.rating||0),[p,m]=k(e?.text||""),[c,_]=k(!1),[h,i]=k(null),[d,f]=k(!1);return l`<form class="review-form" data-testid="review-form" onSubmit=${async b=>{if(b.preventDefault(),!a){i({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}_(!0),i(null);try{let $=e?await n.editReview(t,e.version,{rating:a,text:p}):await n.addReview(t,{rating:a,text:p});s(e?"Your review is updated.":"Thank you for your review."),r($)}catch($){($.status===412||$.status===409)&&f(!0),i($)}finally{_(!1)}}} noValidate>
    <fieldset class=${h?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(b=>l`<label key=${b}><input type="radio" name="rating" value=${b} checked=${a===b} data-testid=${`review-rating-${b}`}
            onChange=${()=>u(b)} /> ${b} ${b===1?"star":"stars"}</label>`)}
      </div>
      ${h?.fields?.rating&&l`<p class="field-error">${h.fields.rating}</p>`}
    </fieldset>
    <${E} id="review-text" label="Your review (optional)" hint=${`Up to ${lr} characters.`} error=${h?.fields?.text}
      control=${b=>l`<textarea ...${b} rows="4" maxlength=${lr} value=${p} data-testid="review-text"
        onInput=${$=>m($.currentTarget.value)}></textarea>`} />
    <${M} error=${h} shown=${["rating","text"]} />
    ${d&&l`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${o}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${c} data-testid="review-submit">${e?"Save review":"Post review"}</button>
      ${e&&l`<button type="button" class="button" onClick=${o}>Cancel</button>`}
    </div>
  </form>`}function oo(t,e,r){let{api:o}=y(),[n,s]=k(void 0),a=r.items.find(_=>_.userId===e),u=n===void 0&&!a&&(r.status==="error"||r.status==="ready"&&r.more),p=V(_=>u?o.getMyReview(t,_):Promise.resolve(null),[t,u]),c={reload:()=>{s(void 0),r.reload(),p.reload()},set:s,error:null};return n!==void 0?{...c,status:"ready",data:n}:a?{...c,status:"ready",data:a}:u?{...c,status:p.status,data:p.data,error:p.error}:r.status==="loading"?{...c,status:"loading",data:void 0}:{...c,status:"ready",data:null}}function so({bookId:t,userId:e,pager:r,onChange:o}){let{api:n,notify:s}=y(),a=oo(t,e,r),[u,p]=k(!1),[m,c]=k(!1),{error:_,submit:h}=D(async()=>{await n.deleteReview(t,a.data.version),a.set(null),c(!1),s("Your review is deleted."),o()});if(a.status==="loading"&&a.data===void 0)return l`<${A} label="Loading your review…" />`;if(a.status==="error")return l`<${I} error=${a.error} retry=${a.reload} what="your review" />`;let i=d=>{a.set(d),p(!1),o()};return!a.data||u?l`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${a.data?"Edit your review":"Write a review"}</h3>
      <${ro} bookId=${t} mine=${a.data} onSaved=${i}
        onCancel=${()=>{p(!1),a.reload()}} />
    </section>`:l`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${ur} review=${a.data} /></ul>
    <${M} error=${_} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>p(!0)}>Edit</button>
      ${m?l`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${h}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>c(!1)}>Keep it</button></span>`:l`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>c(!0)}>Delete</button>`}
    </div>
  </section>`}function no({book:t,onChange:e}){let{api:r,session:o,router:n}=y(),s=R(o),a=R(n.store),u=H((c,_)=>r.listReviews(t.id,{cursor:c,limit:to},_),[t.id]),p=()=>{u.reload(),e()},m=s?u.items.filter(c=>c.userId!==s.userId):u.items;return l`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s?l`<${so} bookId=${t.id} userId=${s.userId} pager=${u} onChange=${p} />`:l`<p><a href=${Y(a.href)}>Sign in</a> to write a review.</p>`}
    ${u.status==="loading"&&l`<${A} label="Loading reviews…" />`}
    ${u.status==="error"&&l`<${I} error=${u.error} retry=${u.reload} what="the reviews" />`}
    ${u.status==="ready"&&m.length===0&&l`<${O}><p>${u.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${m.length>0&&l`<ul class="reviews" aria-label="Reviews by readers">${m.map(c=>l`<${ur} key=${c.userId} review=${c} />`)}</ul>`}
    <${W} pager=${u} label="More reviews" testid="reviews-load-more" />
  </section>`}function dr({params:t}){let{api:e}=y(),r=V(n=>e.getBook(t.id,n),[t.id]);if(r.status==="error"&&r.error.status===404)return l`<${Z} what="book" />`;let o=r.data;return o?l`<article class="book" data-testid="book" data-book-id=${o.id}>
    <div class="book__cover"><${q} book=${o} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${o.title} />
      <p class="book__author">by ${o.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(o.category)}`}>${X(o.category)}</a></p>
      <p class="book__rating"><${Dt} rating=${o.rating} /></p>
      <p class="book__buy"><span class="book__price"><${G} cents=${o.priceCents} currency=${o.currency} /></span> <${Bt} stock=${o.stock} /></p>
      <${eo} book=${o} />
      ${o.description&&l`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${o.description}</p></div>`}
    </div>
    <div class="book__also"><${nr} bookId=${o.id} /></div>
    <div class="book__reviews"><${no} book=${o} onChange=${r.reload} /></div>
    ${r.status==="error"&&l`<${L} kind="error">${r.error.message}<//>`}
  </article>`:l`<section>
      <${S} title=${r.status==="error"?"Book":"Loading book…"} />
      ${r.status==="error"?l`<${I} error=${r.error} retry=${r.reload} what="the book" />`:l`<${A} label="Loading book…" />`}
    </section>`}function ao(t){let{api:e,cart:r}=y(),[o,n]=k({}),[s,a]=k(!1),[u,p]=k(0),m=[...t].sort().join(",");return T(()=>{let c=new AbortController;return a(!1),Promise.allSettled(t.map(_=>e.getBook(_,c.signal))).then(_=>{if(c.signal.aborted)return;let h={};_.forEach((i,d)=>{i.status==="fulfilled"?(h[t[d]]=i.value,r.refresh(i.value)):i.reason?.status===404?h[t[d]]="missing":a(!0)}),n(h)}),()=>c.abort()},[m,u]),{books:o,failed:s,reload:()=>p(c=>c+1)}}function io({line:t,max:e}){let{cart:r,notify:o}=y(),n=`qty-${t.bookId}`,s=a=>{let u=Math.max(1,Math.min(e||dt,a));u!==t.qty&&(r.setQty(t.bookId,u),o(`${t.title}: quantity ${u}.`))};return l`<div class="qty" role="group" aria-label=${`Quantity of ${t.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${t.title}`} disabled=${t.qty<=1}
      data-testid="qty-decrease" onClick=${()=>s(t.qty-1)}>−</button>
    <label class="visually-hidden" for=${n}>Quantity</label>
    <input id=${n} type="number" inputmode="numeric" min="1" max=${e||dt} value=${t.qty} data-testid="qty-input"
      onChange=${a=>s(Number.parseInt(a.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${t.title}`} disabled=${t.qty>=(e||dt)}
      data-testid="qty-increase" onClick=${()=>s(t.qty+1)}>+</button>
  </div>`}function pr(t,e){return e==="missing"?"This book is no longer available: remove it to check out.":e?e.stock<=0?"Out of stock: remove it to check out.":t.qty>e.stock?`Only ${e.stock} left: lower the quantity to check out.`:"":""}function co({blocked:t,onShortStock:e}){let{api:r,cart:o,session:n,router:s,notify:a}=y(),u=R(n),[p,m]=k(!1),[c,_]=k(null),h=N(!1);if(!u)return l`<p class="checkout"><a class="button button--primary" href=${Y("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let i=async()=>{if(h.current)return;h.current=!0,m(!0),_(null);let d=o.checkoutAttempt();try{let f=await r.checkout(d);o.checkedOut(),a("Thank you! Your order is placed."),s.navigate(`/orders/${encodeURIComponent(f.id)}?placed=1`)}catch(f){f.status===409&&Array.isArray(f.problem.outOfStock)&&e(f.problem.outOfStock),f.status===422&&o.forgetAttempt(),_(f)}finally{h.current=!1,m(!1)}};return l`<div class="checkout">
    ${c&&!Array.isArray(c.problem?.outOfStock)&&l`<${L} kind="error" testid="checkout-error"><p>${c.message}</p>
      ${c.status===0&&l`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${p||t}
      aria-busy=${p?"true":void 0} onClick=${i}>${p?"Placing your order…":"Check out"}</button>
  </div>`}function mr(){let{cart:t,notify:e}=y(),r=R(t),{books:o,failed:n,reload:s}=ao(r.map(d=>d.bookId)),[a,u]=k({});if(r.length===0)return l`<section class="cart">
      <${S} title="Your cart" />
      <${O}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let p=d=>{t.remove(d.bookId),e(`Removed ${d.title} from your cart.`)},m=r.map(d=>{let f=o[d.bookId],g=f&&f!=="missing"?f:null,b=g?g.priceCents:d.priceCents,$=g?g.currency:d.currency,v=a[d.bookId]===d.qty;return{line:d,book:f,unit:b,currency:$,isShort:v,problem:pr(d,f)||(v?"Not enough in stock for this quantity.":"")}}),c={};for(let d of m)d.book!=="missing"&&(c[d.currency]=(c[d.currency]||0)+d.unit*d.line.qty);let _=m.some(d=>pr(d.line,d.book))||m.some(d=>d.book===void 0&&!n),h=m.filter(d=>d.isShort).map(d=>d.line.title),i=d=>{u(Object.fromEntries(r.filter(f=>d.includes(f.bookId)).map(f=>[f.bookId,f.qty]))),s()};return l`<section class="cart">
    <${S} title="Your cart" />
    ${h.length>0&&l`<${L} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${h.join(", ")}. Lower the quantity or remove ${h.length===1?"it":"them"}, then check out again.</p><//>`}
    ${n&&l`<${L} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${s}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${m.map(({line:d,book:f,unit:g,currency:b,problem:$})=>l`<li key=${d.bookId} class=${$?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${d.bookId}>
          <div class="cart-line__cover">${f&&f!=="missing"?l`<${q} book=${f} />`:l`<${q} book=${{id:d.bookId,title:d.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(d.bookId)}`}>${d.title}</a></h2>
            <p class="muted"><${G} cents=${g} currency=${b} /> each</p>
            ${$&&l`<p class="field-error" data-testid="line-problem">${$}</p>`}
            <div class="cart-line__controls">
              ${f!=="missing"&&l`<${io} line=${d} max=${f?_t(f.stock)||1:d.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${d.title} from your cart`}
                onClick=${()=>p(d)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${G} cents=${g*d.qty} currency=${b} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(c).map(([d,f])=>J(f,d)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${co} blocked=${_} onShortStock=${i} />
    </div>
  </section>`}var lo=10;function fr(){let{api:t}=y(),e=H((r,o)=>t.listMyOrders({cursor:r,limit:lo},o),[]);return l`<section class="orders">
    <${S} title="My orders" />
    ${e.status==="loading"&&l`<${A} label="Loading your orders…" />`}
    ${e.status==="error"&&l`<${I} error=${e.error} retry=${e.reload} what="your orders" />`}
    ${e.status==="ready"&&e.items.length===0&&l`<${O}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${e.items.length>0&&l`<ul class="order-list" aria-label="Orders">
      ${e.items.map(r=>l`<li key=${r.id} class="order-row" data-testid="order-row" data-order-id=${r.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(r.id)}`}>Order ${K(r.id)}</a>
          <span class="muted">${Ut(r.createdAt)}</span>
          <span>${Xe(r.items.reduce((o,n)=>o+n.qty,0),"book")}</span>
          <span class="price">${J(r.totalCents,r.currency)}</span>
          <${Ft} status=${r.status} />
        </li>`)}
    </ul>`}
    <${W} pager=${e} label="More orders" />
  </section>`}function uo({order:t}){let e=r=>J(r,t.currency);return l`<table class="order-table">
    <caption class="visually-hidden">Books in order ${K(t.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${t.items.map(r=>l`<tr key=${r.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(r.bookId)}`}>${r.title}</a></th>
          <td class="num">${e(r.unitPriceCents)}</td><td class="num">${r.qty}</td><td class="num">${e(r.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${e(t.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${t.shippingCents?e(t.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${e(t.totalCents)}</td></tr>
    </tfoot>
  </table>`}function _r({params:t,query:e}){let{api:r,notify:o}=y(),n=V(u=>r.getOrder(t.id,u),[t.id]),s=D(async()=>{try{n.set(await r.cancelOrder(t.id)),o("Your order is cancelled.")}catch(u){throw n.reload(),u}});if(n.status==="error"&&n.error.status===404)return l`<${Z} what="order" />`;let a=n.data;return a?l`<section class="order" data-testid="order" data-order-id=${a.id} data-status=${a.status}>
    <${S} title=${`Order ${K(a.id)}`} />
    ${e.get("placed")&&l`<${L} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Ft} status=${a.status} /> <span class="muted">Placed ${ht(a.createdAt)}</span></p>
    <${uo} order=${a} />
    <${M} error=${s.error} />
    ${a.status==="PENDING"&&l`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${s.busy} onClick=${s.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:l`<section>
      <${S} title="Order" />
      ${n.status==="error"?l`<${I} error=${n.error} retry=${n.reload} what="the order" />`:l`<${A} label="Loading the order…" />`}
    </section>`}function hr(){let{api:t,router:e,notify:r}=y(),[o,n]=st({email:"",password:"",name:""}),{busy:s,error:a,submit:u}=D(async()=>{await t.register(o.email,o.password,o.name.trim()),r("Account created. Enter the confirmation code we sent you."),e.navigate(`/confirm?email=${encodeURIComponent(o.email)}`)});return l`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${u} data-testid="register-form">
      <${E} id="email" label="Email" error=${a?.fields?.email}
        control=${p=>l`<input ...${p} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${E} id="password" label="Password" hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit." error=${a?.fields?.password}
        control=${p=>l`<input ...${p} type="password" autocomplete="new-password" required minlength="8" ...${n("password")} />`} />
      <${E} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${a?.fields?.name}
        control=${p=>l`<input ...${p} type="text" autocomplete="nickname" maxlength="64" ...${n("name")} />`} />
      <${M} error=${a} shown=${["email","password","name"]} />
      ${a?.status===409&&l`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${s} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function $r({query:t}){let{api:e,router:r,notify:o}=y(),[n,s]=st({email:t.get("email")||"",code:""}),{busy:a,error:u,submit:p}=D(async()=>{await e.confirm(n.email,n.code.trim()),o("Your account is confirmed. Sign in."),r.navigate(`/login?confirmed=1&email=${encodeURIComponent(n.email)}`)}),m=D(async()=>{await e.resendCode(n.email),o("If this address has an account waiting for confirmation, a new code is on its way.")});return l`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${p} data-testid="confirm-form">
      <${E} id="email" label="Email" error=${u?.fields?.email}
        control=${c=>l`<input ...${c} type="email" autocomplete="email" required ...${s("email")} />`} />
      <${E} id="code" label="Confirmation code" error=${u?.fields?.code}
        control=${c=>l`<input ...${c} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${M} error=${u} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${a} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${m.busy||!n.email} onClick=${m.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${M} error=${m.error} shown=${[]} />
  </section>`}function gr({query:t}){let{api:e,router:r,notify:o}=y(),[n,s]=st({email:t.get("email")||"",password:""}),a=He(t.get("next")),{busy:u,error:p,submit:m}=D(async()=>{await e.login(n.email,n.password),o("You are signed in."),r.navigate(a,{replace:!0})});return l`<section class="auth">
    <${S} title="Sign in" />
    ${t.get("confirmed")&&l`<${L} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${!t.get("confirmed")&&a!=="/"&&l`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${m} data-testid="login-form">
      <${E} id="email" label="Email" error=${p?.fields?.email}
        control=${c=>l`<input ...${c} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${E} id="password" label="Password" error=${p?.fields?.password}
        control=${c=>l`<input ...${c} type="password" autocomplete="current-password" required ...${s("password")} />`} />
      <${M} error=${p} shown=${["email","password"]} />
      ${p?.status===403&&l`<p><a href=${`/confirm?email=${encodeURIComponent(n.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${u} data-testid="login-submit">Sign in</button>
    </form>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}var po=25;function br(){let{api:t}=y(),e=H((r,o)=>t.listBooks({sort:"title",limit:po,cursor:r},o),[]);return l`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${e.status==="loading"&&l`<${A} label="Loading books…" />`}
    ${e.status==="error"&&l`<${I} error=${e.error} retry=${e.reload} what="the books" />`}
    ${e.status==="ready"&&e.items.length===0&&l`<${O}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${e.items.length>0&&l`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${e.items.map(r=>l`<tr key=${r.id} data-testid="admin-book-row" data-book-id=${r.id}>
            <td class="admin-table__cover"><${q} book=${r} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(r.id)}`}>${r.title}</a><br /><span class="muted">${r.author}</span></th>
            <td>${X(r.category)}</td>
            <td class="num"><${G} cents=${r.priceCents} currency=${r.currency} /></td>
            <td class="num">${r.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${W} pager=${e} label="More books" />
  </section>`}var vr=["image/jpeg","image/png","image/webp"],mo=5*1024*1024,fo=1e3,_o=30,ho={priceCents:"price"};function $o(t){return{title:t?.title||"",author:t?.author||"",category:t?.category||"",description:t?.description||"",price:t?tr(t.priceCents):"",currency:t?.currency||"USD",stock:t?String(t.stock):"0"}}function go(t){let e={},r=Ze(t.price);r===null&&(e.price="Enter a price such as 12.99.");let o=Number(t.stock);if((!/^\d+$/.test(t.stock.trim())||!Number.isSafeInteger(o))&&(e.stock="Enter a whole number of 0 or more."),Object.keys(e).length)return{fields:e};let n={title:t.title.trim(),author:t.author.trim(),category:t.category.trim(),description:t.description.trim(),priceCents:r,stock:o};return t.currency.trim()&&(n.currency=t.currency.trim().toUpperCase()),{details:n}}function yr({book:t,onSaved:e,onReload:r}){let{api:o}=y(),[n,s]=st($o(t)),[a,u]=k(!1),[p,m]=k(null),c=async i=>{i.preventDefault();let{details:d,fields:f}=go(n);if(f){m({message:"Some fields need your attention.",fields:f});return}u(!0),m(null);try{e(t?await o.updateBook(t.id,t.version,d):await o.createBook(d))}catch(g){let b=Object.fromEntries(Object.entries(g.fields||{}).map(([$,v])=>[ho[$]||$,v]));m({message:g.message,status:g.status,fields:b})}finally{u(!1)}},_=p?.fields||{},h=(i,d={})=>f=>l`<input ...${f} ...${d} ...${s(i)} data-testid=${`book-${i}`} />`;return l`<form class="form form--wide" onSubmit=${c} data-testid="book-form" noValidate>
    <${E} id="book-title" label="Title" error=${_.title} control=${h("title",{required:!0,maxlength:200})} />
    <${E} id="book-author" label="Author" error=${_.author} control=${h("author",{required:!0,maxlength:120})} />
    <${E} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${_.category}
      control=${h("category",{required:!0})} />
    <${E} id="book-description" label="Description" error=${_.description}
      control=${i=>l`<textarea ...${i} rows="5" maxlength="4000" ...${s("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${E} id="book-price" label="Price" hint="For example 12.99" error=${_.price} control=${h("price",{inputmode:"decimal",required:!0})} />
      <${E} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${_.currency}
        control=${h("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${E} id="book-stock" label="Stock" error=${_.stock} control=${h("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${p?.status===412&&l`<${L} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${r}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${p?.status!==412&&l`<${M} error=${p} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${a} data-testid="book-save">${t?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function bo(t){return vr.includes(t.type)?t.size>mo?`The image is ${(t.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:t.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function yo(t,e){let r=t.cover?.url||"",o=r;try{o=decodeURIComponent(r)}catch{}return!!t.cover?.thumbnailUrl&&(!e||r.includes(e)||o.includes(e))}function vo({book:t,onCover:e}){let{api:r,notify:o}=y(),[n,s]=k(null),[a,u]=k(""),[p,m]=k("idle"),[c,_]=k(0),[h,i]=k(""),d=N(!0),f=N(null);T(()=>()=>d.current=!1,[]),T(()=>()=>a&&URL.revokeObjectURL(a),[a]);let g=v=>{let w=v.currentTarget.files?.[0]||null;if(i(""),m("idle"),s(null),u(""),!w)return;let B=bo(w);if(B){i(B);return}s(w),u(URL.createObjectURL(w))},b=async()=>{i(""),_(0),m("uploading");try{let v=await r.requestCoverUpload(t.id,n.type,n.size);if(await r.uploadFile(v,n,w=>d.current&&_(w)),!d.current)return;m("processing");for(let w=0;w<_o&&d.current;w++){await new Promise(j=>setTimeout(j,fo));let B=await r.getBook(t.id);if(yo(B,v.key)){if(!d.current)return;e(B),m("done"),s(null),u(""),f.current&&(f.current.value=""),o("The new cover is ready.");return}}d.current&&m("slow")}catch(v){if(!d.current)return;m("idle"),i(v.message)}},$=p==="uploading"||p==="processing";return l`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${q} book=${t} /><figcaption>Current</figcaption></figure>
      ${a&&l`<figure><img class="cover cover--thumb" src=${a} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${E} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${h}
      control=${v=>l`<input ...${v} ref=${f} type="file" accept=${vr.join(",")} disabled=${$} data-testid="cover-file" onChange=${g} />`} />
    ${p==="uploading"&&l`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(c*100)} data-testid="cover-progress">${Math.round(c*100)}%</progress></p>`}
    ${p==="processing"&&l`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${p==="done"&&l`<${L} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${p==="slow"&&l`<${L} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!n||$} data-testid="cover-submit" onClick=${b}>Upload cover</button>
  </section>`}function ko({book:t,onReload:e}){let{api:r,router:o,notify:n}=y(),[s,a]=k(!1),{busy:u,error:p,submit:m,setError:c}=D(async()=>{await r.deleteBook(t.id,t.version),n(`Deleted ${t.title}.`),o.navigate("/admin/books",{replace:!0})});return l`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${p?.status===412?l`<${L} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{c(null),a(!1),e()}}>Load the latest version</button></p><//>`:l`<${M} error=${p} />`}
    ${s?l`<p>Delete “${t.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${u} data-testid="book-delete-confirm" onClick=${m}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>a(!1)}>Keep it</button>
          </div>`:l`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>a(!0)}>Delete this book</button>`}
  </section>`}function ie({params:t}){let{api:e,router:r,notify:o}=y(),n=!t.id,s=V(_=>n?Promise.resolve(null):e.getBook(t.id,_),[t.id||"new"]),[a,u]=k(0);if(n)return l`<section class="admin">
      <${S} title="Add a book" />
      <${yr} onSaved=${h=>{o(`Added ${h.title}. Now add a cover.`),r.navigate(`/admin/books/${encodeURIComponent(h.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(s.status==="error"&&s.error.status===404)return l`<${Z} what="book" />`;let p=s.data;if(!p)return l`<section class="admin">
      <${S} title="Edit book" />
      ${s.status==="error"?l`<${I} error=${s.error} retry=${s.reload} what="the book" />`:l`<${A} label="Loading the book…" />`}
    </section>`;let m=_=>{s.set(_),o(`Saved ${_.title}.`)},c=async()=>{try{s.set(await e.getBook(p.id)),u(_=>_+1),o("Loaded the latest version.")}catch(_){_.status===404?s.reload():o(_.message)}};return l`<section class="admin admin-book">
    <${S} title=${`Edit “${p.title}”`} />
    <p class="muted">Version ${p.version} · updated ${ht(p.updatedAt)} · <a href=${`/books/${encodeURIComponent(p.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${yr} key=${a} book=${p} onSaved=${m} onReload=${c} />
      <div>
        <${vo} book=${p} onCover=${_=>s.set(_)} />
        <${ko} book=${p} onReload=${c} />
      </div>
    </div>
  </section>`}var kr=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],wo=20,wr={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function So({order:t,onMoved:e}){let{api:r,notify:o}=y(),[n,s]=k(!1),[a,u]=k(""),p=async m=>{s(!0),u("");try{let c=m==="CANCELLED"?await r.cancelOrder(t.id):await r.setOrderStatus(t.id,m);o(`Order ${K(t.id)} is now ${$t(c.status).toLowerCase()}.`),e(c)}catch(c){u(c.message),s(!1)}};return l`<li class="admin-order" data-testid="admin-order" data-order-id=${t.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${K(t.id)}</h2>
      <span class="muted">${ht(t.createdAt)}</span>
      <span class="price">${J(t.totalCents,t.currency)}</span>
    </div>
    <p class="muted">Customer ${K(t.userId)}</p>
    <ul class="admin-order__lines">
      ${t.items.map(m=>l`<li key=${m.bookId}>${m.qty} × ${m.title}</li>`)}
    </ul>
    ${a&&l`<p class="field-error" role="alert">${a}</p>`}
    ${wr[t.status]&&l`<div class="actions">
      ${wr[t.status].map(([m,c])=>l`<button key=${m} type="button" class=${m==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${n} data-testid=${`set-status-${m}`} aria-label=${`${c}: order ${K(t.id)}`} onClick=${()=>p(m)}>${c}</button>`)}
    </div>`}
  </li>`}function Sr({query:t}){let{api:e}=y(),r=kr.includes(t.get("status"))?t.get("status"):"PENDING",o=H((s,a)=>e.listAllOrders({status:r,cursor:s,limit:wo},a),[r]),n=s=>o.update(a=>a.filter(u=>u.id!==s.id));return l`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${kr.map(s=>l`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s===r?"page":void 0}
          data-testid=${`status-tab-${s}`}>${$t(s)}</a>`)}
    </nav>
    ${o.status==="loading"&&l`<${A} label="Loading orders…" />`}
    ${o.status==="error"&&l`<${I} error=${o.error} retry=${o.reload} what="the orders" />`}
    ${o.status==="ready"&&o.items.length===0&&l`<${O}><p>No ${$t(r).toLowerCase()} orders.</p><//>`}
    ${o.items.length>0&&l`<ul class="admin-orders" aria-label=${`${$t(r)} orders`}>
      ${o.items.map(s=>l`<${So} key=${s.id} order=${s} onMoved=${n} />`)}
    </ul>`}
    <${W} pager=${o} label="More orders" />
  </section>`}function Cr({signedIn:t}){let{router:e}=y(),r=R(e.store);return l`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${t?l`<p>Your account cannot manage the shop.</p>`:l`<p><a href=${Y(r.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var Co=[{path:"/",page:ar},{path:"/books/:id",page:dr},{path:"/search",page:cr},{path:"/bestsellers",page:or},{path:"/cart",page:mr},{path:"/orders",page:fr,auth:!0},{path:"/orders/:id",page:_r,auth:!0},{path:"/register",page:hr},{path:"/confirm",page:$r},{path:"/login",page:gr},{path:"/admin/books",page:br,admin:!0},{path:"/admin/books/new",page:ie,admin:!0},{path:"/admin/books/:id",page:ie,admin:!0},{path:"/admin/orders",page:Sr,admin:!0}];function xo(t){for(let e of Co){let r=Fe(e.path,t);if(r)return{route:e,params:r}}return t.startsWith("/admin/")?{route:{admin:!0,page:Z},params:{}}:{route:{page:Z},params:{}}}var Eo=["classics","computing","science-fiction"];function Po(){let t=z(Eo);return{...t,see(e){let r=new Set(t.get());for(let o of e)o.category&&r.add(o.category);r.size!==t.get().length&&t.set([...r].sort())}}}var To=5e3;function Ao(){let{notices:t}=y(),e=R(t);return T(()=>{if(!e.message)return;let r=setTimeout(()=>t.set({id:e.id,message:""}),To);return()=>clearTimeout(r)},[e.id]),l`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${e.message&&l`<p class="toast" key=${e.id}>${e.message}</p>`}
  </div>`}function Io({to:t}){let{router:e}=y();return T(()=>e.navigate(t,{replace:!0}),[t]),null}function Ro(t,e){let r=N(!0);T(()=>{if(r.current){r.current=!1;return}e.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[t])}function No({ctx:t}){let e=R(t.router.store),r=R(t.session);Ro(e.path,t.titleFocus);let{route:o,params:n}=xo(e.path),s;return o.auth&&!r?s=l`<${Io} to=${Y(e.href)} />`:o.admin&&!r?.isAdmin?s=l`<${Cr} signedIn=${!!r} />`:s=l`<${o.page} key=${e.path} params=${n} query=${e.query} />`,l`<${oe.Provider} value=${t}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${Ke} />
    <main id="main" tabindex="-1">${s}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${Ao} />
  <//>`}function Oo(t){let e=Be(t),r=We(t),o=Ye(t),n=z({id:0,message:""}),s=m=>n.set({id:n.get().id+1,message:m}),a=Je({session:r,onUnauthorized:()=>{let m=e.store.get();m.path!=="/login"&&(s("Please sign in to continue."),e.navigate(Y(m.href),{replace:!0}))}}),u={router:e,session:r,cart:o,api:a,notices:n,notify:s,categories:Po(),titleFocus:{afterNavigation:!1}},p=t.document.getElementById("app");p.textContent="",ve(l`<${No} ctx=${u} />`,p)}Oo(window);
