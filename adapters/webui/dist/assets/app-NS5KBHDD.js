var E,ue,Ar,at,Gt,Pt,de,Et,pe,jt,Yt,fe,yt=Symbol.for("pv"),At={},Rt=[],Rr=/^m(i|n|o|s|text|space)$/,Vt=Array.isArray,Jt=Rt.slice,ut=Object.assign;function lt(t){t&&t.parentNode&&t.remove()}function me(t,e,r){var o,n,s,a={},c=arguments.length;for(s in e)s=="key"?o=e[s]:s=="ref"&&typeof t!="function"?n=e[s]:a[s]=e[s];return c>2&&(a.children=c>3?Jt.call(arguments,2):r),bt(t,a,o,n,null)}function bt(t,e,r,o,n){var s={type:t,props:e,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:yt,__v:n||++ue,__i:-1,__u:0};return!n&&E.vnode&&E.vnode(s),s}function It(t){return t.children}function xt(t,e){this.props=t,this.context=e,this.__g=0}function it(t,e){if(e==null)return t.__&&it(t.__,t.__i+1);for(var r;e<t.__k.length;e++)if((r=t.__k[e])&&r.__e)return r.__e;return typeof t.type!="function"||t.props.__P?null:it(t)}function Ir(t){var e,r=t.__v,o=r.__e,n=[],s=[],a=t.__P;a&&((e=ut({constructor:yt},r)).__v=r.__v+1,E.vnode&&E.vnode(e),Kt(a,e,r,t.__n,a.namespaceURI,32&r.__u?[o]:null,n,o||it(r),32&r.__u,s),e.__v=r.__v,e.__.__k[e.__i]=e,ye(n,e,s),r.__=r.__e=null,e.__e!=o&&_e(e))}function _e(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),_e(t)}function Wt(t){(8&t.__g||(t.__g|=8,at.push(t),Pt++))&&Gt==E.debounceRendering||((Gt=E.debounceRendering)||queueMicrotask)(he)}function he(){try{for(var t,e=1;at.length;)at.length>e&&at.sort(de),t=at.shift(),e=at.length,8&t.__g&&Ir(t)}finally{(Pt=at.length)&&(Gt||queueMicrotask)(he)}}function $e(t,e,r,o,n,s,a,c,d,p,l){var h,g,u,m,b,f,_=o.__k||Rt,$=e.length;for(d=Nr(r,e,_,d,$),h=0;h<$;h++)(u=r.__k[h])!=null&&(g=~u.__i&&_[u.__i]||At,u.__i=h,f=Kt(t,u,g,n,s,a,c,d,p,l),m=u.__e,(g.ref!=u.ref||8&g.__u)&&(g.ref&&Qt(g.ref,null,u,g),u.ref&&l.push(u.ref,u.__c||m,u)),b=b||m,4&u.__u?(d=ge(u,d,t,!g.__v),g.__e&&(g.__e=null)):typeof u.type=="function"&&f!==void 0?d=f:m&&(d=m.nextSibling),u.__u&=-21);return r.__e=b,d}function Nr(t,e,r,o,n){var s,a,c,d,p,l,h,g,u,m=r.length,b=m,f=0,_=0,$=t.__k=Array(n);for(s=0;s<n;s++)(a=e[s])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=$[s]=bt(null,a):Vt(a)?a=$[s]=bt(It,{children:a}):a.constructor===yt&&a.__b?a=$[s]=bt(a.type,a.props,a.key,a.ref,a.__v):$[s]=a,d=s+f,a.__=t,a.__b=t.__b+1,c=null,~(p=a.__i=Mr(a,r,d,b))&&(b--,(c=r[p])&&(c.__u|=2)),c&&c.__v?(a.__u|=16,p==d-1?f--:p==d+1?f++:p!=d&&(p>d?f--:f++,_=1)):(~p||(n>m?f--:n<m&&f++),typeof a.type!="function"&&(a.__u|=4))):$[s]=null;if(_){for(l=[],h=[],s=0;s<n;s++)if((a=$[s])&&16&a.__u){for(f=0,g=l.length;f<g;)l[u=f+g>>1]<a.__i?f=u+1:g=u;l[f]=a.__i,h[s]=f+1}for(f=l.length;s--;)h[s]&&(h[s]==f?f--:$[s].__u|=4)}if(b)for(s=0;s<m;s++)!(c=r[s])||2&c.__u||(c.__e==o&&(o=it(c)),zt(c,c));return o}function ge(t,e,r,o){var n,s,a,c;if(typeof t.type=="function"){if(t.props.__P)return e;if(n=t.__k)for(s=0;s<n.length;s++)n[s]&&(n[s].__=t,e=ge(n[s],e,r,!1));return e}for(e&&!e.parentNode&&(e=it(t))&&!e.parentNode&&(e=null),a=t.__e,c=e;c&&c.nodeType==8;)c=c.nextSibling;for(a!=c&&(!o&&r.moveBefore&&a.parentNode?r.moveBefore(a,e):r.insertBefore(a,e||null)),e=a;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Mr(t,e,r,o){var n,s=t.key,a=t.type,c=e[r],d=c&&!(2&c.__u);if(c===null&&s==null||d&&s==c.key&&a==c.type)return r;if(o>(d?1:0)){for(n=r-1;n>=0;n--)if((c=e[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n;for(n=r+1;n<e.length;n++)if((c=e[n])&&!(2&c.__u)&&s==c.key&&a==c.type)return n}return-1}function le(t,e,r){r==null&&(r=""),e[0]=="-"?t.setProperty(e,r):t[e]=r}function Ct(t,e,r,o,n){var s,a;if(e=="style")if(typeof r=="string")t.style.cssText=r;else{if(typeof o=="string"&&(t.style.cssText=o=""),o)for(e in o)r&&e in r||le(t.style,e);if(r)for(e in r)o&&r[e]==o[e]||le(t.style,e,r[e])}else if(e[0]=="o"&&e[1]=="n")typeof r!="function"&&(r=null),typeof o!="function"&&(o=null),(t.__e||(t.__e={}))[e]=r,r&&o||(a=Yt[e]||(Yt[e]=Or(e)),(t.__a||(t.__a={}))[e]=jt,s=e!=(e=e.replace(pe,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),r?t.addEventListener(e,a,s):t.removeEventListener(e,a,s));else{if(n=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=r??"")}catch{}if(typeof r=="function")return;r==null||r===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&r==1?"":r)}}function Or(t){return function(e){var r=this.__e;if(r){if(r=r[t],e[Et]==null)e[Et]=jt++;else if(e[Et]<this.__a[t])return;return r(E.event?E.event(e):e)}}}function Kt(t,e,r,o,n,s,a,c,d,p){var l,h,g,u,m,b,f,_,$,y,k,C,N,Y,q,gt,D,X,W=e.type;if(e.constructor!==yt)return null;128&r.__u&&(d=32&r.__u,l=r.__c.__z)&&(e.__u|=d,h=s=[],l.nodeType==8?c=Tt(l,s):s.push(l),c=s[0]||c),(l=E.__b)&&l(e);t:if(typeof W=="function"){g=a.length;try{if(_=e.props,$=(l=W.prototype)&&l.render,y=(l=W.contextType)&&o[l.__c],k=l?y?y.props.value:l.__:o,(u=r.__c)?(e.__c=u,2&u.__g&&(u.__g|=1)):($?e.__c=u=new W(_,k):(e.__c=u=new xt(_,k),u.constructor=W,u.render=qr),y&&y.sub(u),u.state||(u.state={}),u.__n=o,u.__g|=8,u.__h=[],u.__k=[]),$&&(u.__s||(u.__s=u.state),W.getDerivedStateFromProps&&(u.__s==u.state&&(u.__s=ut({},u.__s)),ut(u.__s,W.getDerivedStateFromProps(_,u.__s)))),m=u.props,b=u.state,u.__v=e,r.__c){if(_!==m&&$&&!W.getDerivedStateFromProps&&u.componentWillReceiveProps&&u.componentWillReceiveProps(_,k),e.__v==r.__v&&!(8&u.__g)||!(4&u.__g)&&u.shouldComponentUpdate&&u.shouldComponentUpdate(_,u.__s,k)===!1){e.__v!=r.__v&&(u.props=_,u.state=u.__s,u.__g&=-9),e.__e=r.__e,e.__k=r.__k,e.__k.some(function(j){j&&(j.__=e)}),Rt.push.apply(u.__h,u.__k),u.__k=[],u.__h.length&&a.push(u),c=it(r);break t}u.componentWillUpdate&&u.componentWillUpdate(_,u.__s,k),$&&u.componentDidUpdate&&u.__h.push(function(){u.componentDidUpdate(m,b,f)})}else $&&!W.getDerivedStateFromProps&&u.componentWillMount&&u.componentWillMount(),$&&u.componentDidMount&&u.__h.push(u.componentDidMount);u.context=k,u.props=_,u.__P=t,u.__g&=-5,C=E.__r,N=$?25:0;do u.__g&=-9,C&&C(e),l=u.render(u.props,u.state=u.__s,u.context);while(8&u.__g&&++N<25);$&&(Rt.push.apply(u.__h,u.__k),u.__k=[]),u.state=u.__s,u.getChildContext&&(o=ut({},o,u.getChildContext())),$&&r.__c&&u.getSnapshotBeforeUpdate&&(f=u.getSnapshotBeforeUpdate(m,b)),Y=l&&l.type===It&&l.key==null?l.props.children:l,_.__P&&(l=c,n=(t=_.__P).namespaceURI,d=s=null,r.props&&r.props.__P!=t&&(r.__k.some(function(j){j&&zt(j,j)}),r.__k=null),c=r.__k?it(r,0):null),c=$e(t,Vt(Y)?Y:[Y],e,r,o,n,s,a,c,d,p),_.__P&&(e.__e=null,c=l),e.__u&=-161,h&&h.some(lt),u.__h.length&&a.push(u),1&u.__g&&(u.__g&=-4)}catch(j){if(a.length=g,e.__v=null,d||s)if(j&&j.then){if(e.__u|=128|d,s){for(~(D=s.indexOf(c||void 0))||(D=s.length);(X=s[D-1])&&X.nodeType==8;)D--;for(;D<s.length;D++)if(X=s[D])if(s[D]=null,q){if(X==gt)break}else{if(X.nodeType!=8)break;X.data.startsWith("$s")&&(gt=Tt(q=X))}}if(!q){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;q=c}(l=Tt(q=e.__c.__z||(e.__c.__z=q)))?(e.__e=q,c=l):e.__e=c,c=c&&c.nextSibling}else s&&s.some(lt);else e.__e=r.__e;e.__k||(e.__k=r.__k||[]),j&&j.then||be(e),E.__e(j,e,r)}}else c=e.__e=Lr(r.__e,e,r,o,n,s,a,d,p,t);return(l=E.diffed)&&l(e),c}function Tt(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var r=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))r++;else if(t.data.startsWith("/$s")&&!--r)return t}e&&e.push(t)}}function be(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(be))}function ye(t,e,r){for(var o=0;o<r.length;)Qt(r[o++],r[o++],r[o++]);E.__c&&E.__c(e,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(s){s.call(n)})}catch(s){E.__e(s,n.__v)}})}function Lr(t,e,r,o,n,s,a,c,d,p){var l,h,g,u,m,b,f,_,$=r.props||At,y=e.props,k=e.type;if(k=="svg"?n="http://www.w3.org/2000/svg":k=="math"?n="http://www.w3.org/1998/Math/MathML":n||(n="http://www.w3.org/1999/xhtml"),s){for(l=0;l<s.length;l++)if((m=s[l])&&(k?m.localName==k:m.nodeType==3)){t=m,s[l]=null;break}}if(!t){if(_=p.ownerDocument||document,!k)return _.createTextNode(y);t=_.createElementNS(n,k,y.is?y:p),c&&(E.__m&&E.__m(e,s),c=!1),s=null}if(k){if(p=k=="template"&&t.content||t,s=k=="textarea"&&y.defaultValue!=null?null:s&&Jt.call(p.childNodes),!c&&s)for($={},l=0;l<t.attributes.length;l++)$[(m=t.attributes[l]).name]=m.value;for(l in $)m=$[l],l=="dangerouslySetInnerHTML"?g=m:l=="children"||l in y||l=="value"&&"defaultValue"in y||l=="checked"&&"defaultChecked"in y||Ct(t,l,null,m,n);for(l in y)m=y[l],l=="children"?u=m:l=="dangerouslySetInnerHTML"?h=m:l=="value"?b=m:l=="checked"?f=m:c&&typeof m!="function"||$[l]===m||Ct(t,l,m,$[l],n);h?(c||g&&(h.__html==g.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),e.__k=[]):(g&&(t.textContent=""),(k=="foreignObject"||n=="http://www.w3.org/1998/Math/MathML"&&Rr.test(k))&&(n="http://www.w3.org/1999/xhtml"),$e(p,Vt(u)?u:[u],e,r,o,n,s,a,s?s[0]:r.__k&&it(r,0),c,d),s&&s.some(lt)),c&&k!="textarea"||(l="value",k=="progress"&&b==null?t.removeAttribute(l):b==null||b===t[l]&&(k!="progress"||b)||Ct(t,l,b,$[l],n),l="checked",f!=null&&f!=t[l]&&Ct(t,l,f,$[l],n))}else $===y||c&&t.data==y||(t.data=y);return t}function Qt(t,e,r,o){try{typeof t=="function"?e?e.__x=t(e)||1:o&&(o=o.__c||o.__e)&&(e=o.__x)&&(o.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(n){E.__e(n,r)}}function zt(t,e,r){var o,n,s,a;if(E.unmount&&E.unmount(t),!(o=t.ref)||o.current&&o.current!=t.__e||Qt(o,null,e,t),o=t.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(c){E.__e(c,e)}o.__P=o.__n=null}if(o=t.__k)for(a=0;a<o.length;a++)o[a]&&zt(o[a],e,typeof t.type!="function"||r&&!t.props.__P);!r&&(o=t.__c)&&(o=o.__z)&&(n=Tt(o,s=[]))&&(o==t.__e&&s.some(lt),lt(n),lt(o)),r||lt(t.__e),t.__e=t.__c=t.__=null}function qr(t,e,r){return this.constructor(t,r)}function ve(t,e){var r,o,n,s;E.__&&E.__(t,e),e.nodeType==9&&(e=e.documentElement),o=(r=t&&32&t.__u)?null:e.__k,e.__k=bt(It,{children:[t]}),n=[],s=[],Kt(e,e.__k,o||At,At,e.namespaceURI,o?null:e.firstChild?Jt.call(e.childNodes):null,n,o?o.__e:e.firstChild,r,s),ye(n,e.__k,s),e.__k.props.children=null}function ke(t){function e(r){var o,n;return this.getChildContext||(o=new Set,(n={})[e.__c]=this,this.getChildContext=function(){return n},this.shouldComponentUpdate=function(s){this.props.value!=s.value&&o.forEach(function(a){a.__g|=4,Wt(a)})},this.sub=function(s){o.add(s);var a=s.componentWillUnmount;s.componentWillUnmount=function(){o.delete(s),a&&a.call(s)}}),r.children}return e.__c="__cC"+fe++,e.__=t,e.Provider=(e.Consumer=function(r,o){return r.children(o)}).contextType=e,e}E={__e:function(t,e,r,o){for(var n,s,a;e=e.__;)if((n=e.__c)&&!(1&n.__g)){n.__g|=4;try{if((a=(s=n.constructor)&&s.getDerivedStateFromError)&&n.setState(s.getDerivedStateFromError(t)),n.componentDidCatch&&(n.componentDidCatch(t,o||{}),a=1),a&&8&n.__g)return void(n.__g|=2)}catch(c){t=c}}throw Pt=0,t}},ue=0,Ar=function(t){return t!=null&&t.constructor===yt},xt.prototype.setState=function(t,e){var r=this.__s;r&&r!=this.state||(r=this.__s=ut({},this.state)),typeof t=="function"&&(t=t(ut({},r),this.props)),t&&(ut(r,t),this.__v&&(e&&this.__k.push(e),Wt(this)))},xt.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),Wt(this))},xt.prototype.render=It,at=[],Pt=0,de=function(t,e){return t.__v.__b-e.__v.__b},Et=Symbol(),pe=/(PointerCapture)$|Capture$/i,jt=0,Yt={},fe=0;var mt,x,Xt,we,Zt=Object.is,Nt=0,Ie=[],te=[],P=E,Se=P.__b,Ce=P.__r,Ee=P.diffed,xe=P.__c,Te=P.unmount,Pe=P.__;function Mt(t,e){P.__h&&P.__h(x,t,Nt||e),Nt=0;var r=x.__H||(x.__H={__:[],__h:[]});return t>=r.__.length&&r.__.push({}),r.__[t]}function w(t){return Nt=1,Dr(Oe,t)}function Dr(t,e,r){var o=Mt(mt++,2);if(o.t=t,!o.__c&&(o.__=[r?r(e):Oe(void 0,e),function(s){var a=(o.__N||o.__)[0],c=o.t(a,s);Zt(a,c)||(o.__N=[c,o.__[1]],o.__c.setState({}))}],o.__c=x,!x.__f)){x.__f=!0;var n=x.shouldComponentUpdate;x.shouldComponentUpdate=function(s,a,c){var d=this.__H;if(!d)return!0;var p=!1,l=this.props!=s;if(d.__.some(function(g){g.__N&&(p=!0,Zt(g.__[0],g.__N[0])||(l=!0))}),n){var h=n.call(this,s,a,c);return p?h||l:h}return!p||l}}return o.__}function A(t,e){var r=Mt(mt++,3);!P.__s&&Me(r.__H,e)&&(r.__P=!0,r.__=t,r.u=e,x.__H.__h.push(r))}function O(t){return Nt=5,Ur(function(){return{current:t}},[])}function Ur(t,e){var r=Mt(mt++,7);return Me(r.__H,e)&&(r.__=t(),r.__H=e),r.__}function Ne(t){var e=x.context[t.__c],r=Mt(mt++,9);return r.c=t,e?(r.__==null&&(r.__=!0,e.sub(x)),e.props.value):t.__}function Br(){var t;do{for(;t=te.shift();)try{vt(t)}catch(r){P.__e(r,{__:(t=t.__P)&&t.__v})}for(;t=Ie.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(vt),e.__h.some(ee),e.__h=[]}catch(r){e.__h=[],P.__e(r,t.__v)}}}while(te.length)}P.__b=function(t){x=null,Se&&Se(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Pe&&Pe(t,e)},P.__r=function(t){Ce&&Ce(t),mt=0;var e=(x=t.__c).__H;e&&(Xt==x?x.__h=[]:(e.__h.some(vt),e.__h.some(ee),mt=0),e.__h=[],e.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})),Xt=x},P.diffed=function(t){Ee&&Ee(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Re(Ie.push(e)),e.__H.__.some(function(r){r.u&&(r.__H=r.u)})),Xt=x=null},P.__c=function(t,e){e.some(function(r){try{r.__h.some(vt),r.__h=r.__h.filter(function(o){return!o.__||ee(o)})}catch(o){r.__h=[function(){throw o}]}}),xe&&xe(t,e)},P.unmount=function(t){Te&&Te(t);var e,r,o=t.__c;o&&o.__H&&(o.__H.__.some(function(n){try{if(n.__P&&n.__c){if(r===void 0){for(r=t.__;r&&(!r.__c||!r.__c.__P);)r=r.__;r=r&&r.__c}n.__P=r,Re(te.push(n))}else vt(n)}catch(s){e=s}}),o.__H=void 0,e&&P.__e(e,o.__v))};var Ae=typeof requestAnimationFrame=="function";function Fr(t){var e,r=function(){clearTimeout(o),Ae&&cancelAnimationFrame(e),setTimeout(t)},o=setTimeout(r,35);Ae&&(e=requestAnimationFrame(r))}function Re(t){t!=1&&we==P.requestAnimationFrame||((we=P.requestAnimationFrame)||Fr)(Br)}function vt(t){var e=x,r=t.__c;typeof r=="function"&&(t.__c=void 0,r()),x=e}function ee(t){var e=x;t.__c=t.__(),x=e}function Me(t,e){return!t||t.length!=e.length||e.some(function(r,o){return!Zt(r,t[o])})}function Oe(t,e){return typeof e=="function"?e(t):e}var qe=function(t,e,r,o){var n;e[0]=0;for(var s=1;s<e.length;s++){var a=e[s++],c=e[s]?(e[0]|=a?1:2,r[e[s++]]):e[++s];a===3?o[0]=c:a===4?o[1]=Object.assign(o[1]||{},c):a===5?(o[1]=o[1]||{})[e[++s]]=c:a===6?o[1][e[++s]]+=c+"":a?(n=t.apply(c,qe(t,c,r,["",null])),o.push(n),c[0]?e[0]|=2:(e[s-2]=0,e[s]=n)):o.push(c)}return o},Le=new Map;function De(t){var e=Le.get(this);return e||(e=new Map,Le.set(this,e)),(e=qe(this,e.get(t)||(e.set(t,e=(function(r){for(var o,n,s=1,a="",c="",d=[0],p=function(g){s===1&&(g||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,g,a):s===3&&(g||a)?(d.push(3,g,a),s=2):s===2&&a==="..."&&g?d.push(4,g,0):s===2&&a&&!g?d.push(5,0,!0,a):s>=5&&((a||!g&&s===5)&&(d.push(s,0,a,n),s=6),g&&(d.push(s,g,0,n),s=6)),a=""},l=0;l<r.length;l++){l&&(s===1&&p(),p(l));for(var h=0;h<r[l].length;h++)o=r[l][h],s===1?o==="<"?(p(),d=[d],s=3):a+=o:s===4?a==="--"&&o===">"?(s=1,a=""):a=o+a[0]:c?o===c?c="":a+=o:o==='"'||o==="'"?c=o:o===">"?(p(),s=1):s&&(o==="="?(s=5,n=a,a=""):o==="/"&&(s<5||r[l][h+1]===">")?(p(),s===3&&(d=d[0]),s=d,(d=d[0]).push(2,0,s),s=0):o===" "||o==="	"||o===`
`||o==="\r"?(p(),s=2):a+=o),s===3&&a==="!--"&&(s=4,d=d[0])}return p(),d})(t)),e),arguments,[])).length>1?e:e[0]}var i=De.bind(me);function rt(t){let e=t,r=new Set;return{get:()=>e,set(o){if(o!==e){e=o;for(let n of r)n(e)}},subscribe(o){return r.add(o),()=>r.delete(o)}}}function M(t){let[,e]=w(0);return A(()=>t.subscribe(()=>e(r=>r+1)),[t]),t.get()}function Ue(t){return{path:t.pathname,query:new URLSearchParams(t.search),href:t.pathname+t.search}}var Hr=t=>!/^\/(api|_[a-z]+)(\/|$)/.test(t)&&!/\.[a-z0-9]+$/i.test(t);function Be(t){let e=rt(Ue(t.location)),r=()=>e.set(Ue(t.location));function o(n,{replace:s=!1}={}){let a=new URL(n,t.location.href);a.pathname+a.search===e.get().href&&!s||(t.history[s?"replaceState":"pushState"](null,"",a.pathname+a.search+a.hash),r())}return t.addEventListener("popstate",r),t.document.addEventListener("click",n=>{if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let s=n.target.closest?.("a[href]");if(!s||s.target||s.hasAttribute("download"))return;let a=new URL(s.href,t.location.href);a.origin!==t.location.origin||!Hr(a.pathname)||a.pathname===t.location.pathname&&a.search===t.location.search&&a.hash||(n.preventDefault(),o(a.pathname+a.search))}),{store:e,navigate:o}}function Fe(t,e){let r=t.split("/"),o=e.replace(/\/+$/,"").split("/");if(t==="/")return e==="/"?{}:null;if(r.length!==o.length)return null;let n={};for(let s=0;s<r.length;s++)if(r[s].startsWith(":")){if(!o[s])return null;try{n[r[s].slice(1)]=decodeURIComponent(o[s])}catch{return null}}else if(r[s]!==o[s])return null;return n}function He(t){return typeof t=="string"&&t.startsWith("/")&&!t.startsWith("//")&&!t.startsWith("/\\")?t:"/"}var Q=t=>`/login?next=${encodeURIComponent(t)}`;function ot(t,e){try{let r=t?.getItem(e);return r?JSON.parse(r):null}catch{return null}}function Z(t,e,r){try{r==null?t?.removeItem(e):t?.setItem(e,JSON.stringify(r))}catch{}}function Ot(t,e,r){let o=n=>{(n.key===e||n.key===null)&&r()};return t.addEventListener("storage",o),()=>t.removeEventListener("storage",o)}var kt="bookshop.session.v1",Gr="admin";function Ge(t){try{let e=String(t).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),r=Uint8Array.from(atob(e.padEnd(e.length+(4-e.length%4)%4,"=")),o=>o.charCodeAt(0));return JSON.parse(new TextDecoder().decode(r))}catch{return null}}function re(t){if(!t?.accessToken||!t?.refreshToken)return null;let e=Ge(t.accessToken);if(!e?.sub)return null;let r=Ge(t.idToken)||{},o=e["cognito:groups"]||[];return{tokens:t,userId:e.sub,email:r.email||"",isAdmin:Array.isArray(o)&&o.includes(Gr),expiresAt:(e.exp||0)*1e3}}function Ye(t){let e=t.localStorage,r=rt(re(ot(e,kt)));return Ot(t,kt,()=>r.set(re(ot(e,kt)))),{...r,signIn(o){let n=r.get()?.tokens,s={accessToken:o.accessToken,idToken:o.idToken||n?.idToken||"",refreshToken:o.refreshToken||n?.refreshToken||""};Z(e,kt,s),r.set(re(s))},signOut(){Z(e,kt,null),r.set(null)}}}var Lt="bookshop.cart.v1",qt="bookshop.checkout.v1",dt=10,oe=25,_t=t=>Math.max(0,Math.min(dt,t));function We(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.bookId=="string"&&Number.isInteger(e.qty)&&e.qty>0).slice(0,oe).map(e=>({...e,qty:Math.min(e.qty,dt)})):[]}function Yr(t){if(t.randomUUID)return t.randomUUID();let e=t.getRandomValues(new Uint8Array(16));e[6]=e[6]&15|64,e[8]=e[8]&63|128;let r=[...e].map(o=>o.toString(16).padStart(2,"0")).join("");return`${r.slice(0,8)}-${r.slice(8,12)}-${r.slice(12,16)}-${r.slice(16,20)}-${r.slice(20)}`}function je(t){let e=t.localStorage,r=rt(We(ot(e,Lt)?.items));Ot(t,Lt,()=>r.set(We(ot(e,Lt)?.items)));let o=s=>{Z(e,Lt,{items:s}),r.set(s)},n=s=>r.get().find(a=>a.bookId===s);return{...r,count:()=>r.get().reduce((s,a)=>s+a.qty,0),qtyOf:s=>n(s)?.qty||0,add(s,a){let c=_t(s.stock),d=n(s.id);if(!d&&r.get().length>=oe)throw new Error(`An order holds at most ${oe} different books.`);let p=Math.min(c,(d?.qty||0)+a);if(p<1)throw new Error("This book is out of stock.");let l={bookId:s.id,qty:p,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:c};return o(d?r.get().map(h=>h.bookId===s.id?l:h):[...r.get(),l]),p},setQty(s,a){let c=Math.max(1,Math.min(dt,Math.trunc(a)||1));o(r.get().map(d=>d.bookId===s?{...d,qty:c}:d))},refresh(s){n(s.id)&&o(r.get().map(a=>a.bookId===s.id?{...a,title:s.title,priceCents:s.priceCents,currency:s.currency,maxQty:_t(s.stock)}:a))},remove(s){o(r.get().filter(a=>a.bookId!==s))},checkoutAttempt(){let s=r.get().map(({bookId:d,qty:p})=>({bookId:d,qty:p})),a=ot(e,qt);if(a?.key&&JSON.stringify(a.items)===JSON.stringify(s))return a;let c={key:Yr(t.crypto),items:s};return Z(e,qt,c),c},forgetAttempt(){Z(e,qt,null)},checkedOut(){Z(e,qt,null),o([])}}}var Wr="/api";var Ve={title:"The shop is busy",detail:"The shop is busy right now: try again in a few seconds."},ft=class extends Error{constructor(e,r={}){(e===503||e===429)&&!r.detail&&(r={...Ve,...r,detail:Ve.detail}),super(r.detail||r.title||`The request failed (${e}).`),this.name="ApiError",this.status=e,this.title=r.title||"",this.detail=r.detail||"",this.problem=r,this.fields={};for(let o of Array.isArray(r.errors)?r.errors:[])o&&o.field&&(this.fields[o.field]=o.message)}},Je=()=>new ft(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),wt=t=>t?.name==="AbortError",Ke=()=>new DOMException("The request was aborted.","AbortError");function jr(t,e){if(t.status!==503&&t.status!==429)return-1;let r=t.status===503?1e3:-1,o=(t.headers.get("Retry-After")||"").trim(),n;return/^\d+$/.test(o)?n=Number(o)*1e3:o&&(n=Date.parse(o)-e),n===void 0||Number.isNaN(n)?r:n>5e3?-1:Math.max(0,n)}var Dt=t=>({"If-Match":`"${t}"`}),H=encodeURIComponent;function pt(t){let e=new URLSearchParams;for(let[o,n]of Object.entries(t))n!=null&&n!==""&&e.set(o,String(n));let r=e.toString();return r?`?${r}`:""}var Vr=new Set(["content-length","host","connection","accept-encoding","cookie"]);function Qe({session:t,device:e=()=>{},onUnauthorized:r,fetch:o=globalThis.fetch.bind(globalThis),XHR:n=globalThis.XMLHttpRequest,setTimeout:s=globalThis.setTimeout.bind(globalThis),clearTimeout:a=globalThis.clearTimeout.bind(globalThis)}){let c=null;function d(f,_){return new Promise(($,y)=>{if(_?.aborted)return y(Ke());let k=()=>{a(C),y(Ke())},C=s(()=>{_?.removeEventListener("abort",k),$()},f);_?.addEventListener("abort",k,{once:!0})})}async function p(f,_,{body:$,headers:y={},token:k,signal:C}={}){let N={Accept:"application/json, application/problem+json",...y};$!==void 0&&(N["Content-Type"]="application/json"),k&&(N.Authorization=`Bearer ${k}`);for(let Y=0;;Y++){let q;try{q=await o(Wr+_,{method:f,headers:N,body:$===void 0?void 0:JSON.stringify($),signal:C})}catch(W){throw wt(W)?W:Je()}let gt=await q.text().catch(()=>""),D=null;if(gt)try{D=JSON.parse(gt)}catch{D=null}if(q.ok)return{status:q.status,data:D,headers:q.headers};let X=f==="GET"&&Y<2?jr(q,Date.now()):-1;if(X<0)throw new ft(q.status,D&&typeof D=="object"?D:{});await d(X,C)}}function l(){let f=t.get();return f?(c||(c=p("POST","/auth/refresh",{body:{refreshToken:f.tokens.refreshToken}}).then(({data:_})=>(t.signIn(_),t.get())).finally(()=>{c=null})),c):Promise.reject(new ft(401,{title:"Not signed in"}))}async function h(){let f=t.get();if(!f)return null;if(f.expiresAt-Date.now()<6e4)try{f=await l()}catch(_){if(_.status===401||_.status===400)return g();throw _}return f.tokens.accessToken}function g(){throw t.signOut(),r?.(),new ft(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function u(f,_,{auth:$="none",body:y,headers:k,signal:C}={}){let N;if($==="required"&&(N=await h(),!N))return g();try{return(await p(f,_,{body:y,headers:k,token:N,signal:C})).data}catch(Y){if($==="required"&&Y.status===401)return g();throw Y}}let m=null;function b(){a(m);let f=t.get();if(!f)return;let _=Math.max(0,f.expiresAt-Date.now()-6e4);m=s(()=>{l().catch($=>{($.status===401||$.status===400)&&t.signOut()})},Math.min(_,2**31-1))}return t.subscribe(b),b(),{listBooks:({category:f,sort:_,limit:$,cursor:y}={},k)=>u("GET",`/books${pt({category:f,sort:_,limit:$,cursor:y})}`,{signal:k}),getBook:(f,_)=>u("GET",`/books/${H(f)}`,{signal:_}),search:({q:f,category:_,limit:$,cursor:y}={},k)=>u("GET",`/search${pt({q:f,category:_,limit:$,cursor:y})}`,{signal:k}),bestSellers:({category:f,period:_,limit:$}={},y)=>u("GET",`/bestsellers${pt({category:f,period:_,limit:$})}`,{signal:y}),alsoBought:(f,{limit:_}={},$)=>u("GET",`/books/${H(f)}/also-bought${pt({limit:_})}`,{signal:$}),createBook:f=>u("POST","/books",{auth:"required",body:f}),updateBook:(f,_,$)=>u("PUT",`/books/${H(f)}`,{auth:"required",body:$,headers:Dt(_)}),deleteBook:(f,_)=>u("DELETE",`/books/${H(f)}`,{auth:"required",headers:Dt(_)}),requestCoverUpload:(f,_,$)=>u("POST",`/books/${H(f)}/cover`,{auth:"required",body:{contentType:_,contentLength:$}}),uploadFile:(f,_,$)=>new Promise((y,k)=>{let C=new n;C.open(f.method||"PUT",f.uploadUrl);for(let[N,Y]of Object.entries(f.headers||{}))Vr.has(N.toLowerCase())||C.setRequestHeader(N,Y);C.upload.onprogress=N=>N.lengthComputable&&$?.(N.loaded/N.total),C.onload=()=>C.status>=200&&C.status<300?y():k(new ft(C.status,{title:"Upload refused",detail:`The storage service refused the upload (${C.status}).`})),C.onerror=()=>k(Je()),C.send(_)}),listReviews:(f,{cursor:_,limit:$}={},y)=>u("GET",`/books/${H(f)}/reviews${pt({cursor:_,limit:$})}`,{signal:y}),getMyReview:(f,_)=>u("GET",`/books/${H(f)}/reviews/mine`,{auth:"required",signal:_}).catch($=>{if($.status===404)return null;throw $}),addReview:(f,_)=>u("POST",`/books/${H(f)}/reviews`,{auth:"required",body:_}),editReview:(f,_,$)=>u("PUT",`/books/${H(f)}/reviews/mine`,{auth:"required",body:$,headers:Dt(_)}),deleteReview:(f,_)=>u("DELETE",`/books/${H(f)}/reviews/mine`,{auth:"required",headers:Dt(_)}),checkout:f=>u("POST","/orders",{auth:"required",body:{items:f.items},headers:{"Idempotency-Key":f.key}}),listMyOrders:({cursor:f,limit:_}={},$)=>u("GET",`/orders${pt({cursor:f,limit:_})}`,{auth:"required",signal:$}),getOrder:(f,_)=>u("GET",`/orders/${H(f)}`,{auth:"required",signal:_}),cancelOrder:f=>u("POST",`/orders/${H(f)}/cancel`,{auth:"required"}),listAllOrders:({status:f,cursor:_,limit:$}={},y)=>u("GET",`/admin/orders${pt({status:f,cursor:_,limit:$})}`,{auth:"required",signal:y}),setOrderStatus:(f,_)=>u("POST",`/admin/orders/${H(f)}/status`,{auth:"required",body:{status:_}}),register:(f,_,$)=>u("POST","/auth/register",{body:$?{email:f,password:_,name:$}:{email:f,password:_}}),confirm:(f,_)=>u("POST","/auth/confirm",{body:{email:f,code:_}}),resendCode:f=>u("POST","/auth/resend",{body:{email:f}}),login:async(f,_)=>t.signIn(await u("POST","/auth/login",{body:{email:f,password:_,device:e()}})),signOut:async()=>{let f=t.get()?.tokens?.refreshToken;t.signOut(),f&&await p("POST","/auth/logout",{body:{refreshToken:f}}).catch(()=>{})}}}var ze="bookshop.device.v1",Jr=/^[A-Za-z0-9_-]{22}$/;function Kr(t){let e=t.getRandomValues(new Uint8Array(16));return btoa(String.fromCharCode(...e)).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Xe(t){let e=null;return()=>{let r=ot(t.localStorage,ze);return typeof r=="string"&&Jr.test(r)?e=r:(e||(e=Kr(t.crypto)),Z(t.localStorage,ze,e),e)}}var se=ke(null),v=()=>Ne(se);var Qr=["/login","/register","/confirm"];function St({href:t,current:e,children:r,testid:o}){let n=t==="/"?e==="/"||e.startsWith("/books/"):e===t||e.startsWith(`${t}/`);return i`<a href=${t} aria-current=${n?"page":void 0} data-testid=${o}>${r}</a>`}function zr({loc:t}){let{router:e}=v(),r=t.path==="/search"&&t.query.get("q")||"",[o,n]=w(r);return A(()=>n(r),[r]),i`<form class="site-search" role="search" onSubmit=${a=>{a.preventDefault();let c=o.trim();e.navigate(c?`/search?q=${encodeURIComponent(c)}`:"/search")}}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${o} onInput=${a=>n(a.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`}function Ze(){let{router:t,session:e,cart:r,api:o,notify:n}=v(),s=M(t.store),a=M(e);M(r);let c=r.count(),d=()=>{o.signOut(),n("You are signed out."),t.navigate("/")};return i`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${St} href="/" current=${s.path}>Books<//>
        <${St} href="/bestsellers" current=${s.path} testid="nav-bestsellers">Best sellers<//>
        ${a&&i`<${St} href="/orders" current=${s.path} testid="nav-orders">My orders<//>`}
        ${a?.isAdmin&&i`<${St} href="/admin/books" current=${s.path} testid="nav-admin-books">Manage books<//>
          <${St} href="/admin/orders" current=${s.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${zr} loc=${s} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${s.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${c}</span><span class="visually-hidden">${c===1?" item":" items"}</span>
        </a>
        ${a?i`<span class="account" data-testid="account">
              <span class="account__email" title=${a.email}>${a.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${d}>Sign out</button>
            </span>`:i`<a class="button button--quiet" href=${Qr.includes(s.path)?"/login":Q(s.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function z(t,e){let[r,o]=w({status:"loading",data:void 0,error:null}),[n,s]=w(0),a=JSON.stringify(e),c=O(a);return A(()=>{let d=new AbortController,p=c.current===a;return c.current=a,o(l=>({status:"loading",data:p?l.data:void 0,error:null})),t(d.signal).then(l=>d.signal.aborted||o({status:"ready",data:l,error:null}),l=>d.signal.aborted||wt(l)||o({status:"error",data:void 0,error:l})),()=>d.abort()},[a,n]),{...r,reload:()=>s(d=>d+1),set:d=>o({status:"ready",data:d,error:null})}}function V(t,e){let[r,o]=w({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[n,s]=w(0),a=O(null),c=JSON.stringify(e);A(()=>{let p=new AbortController;return a.current=p,o({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),t(void 0,p.signal).then(l=>p.signal.aborted||o({status:"ready",items:l.items||[],cursor:l.nextCursor,error:null,moreStatus:"idle"}),l=>p.signal.aborted||wt(l)||o(h=>({...h,status:"error",error:l}))),()=>p.abort()},[c,n]);let d=()=>{let p=a.current;return o(l=>({...l,moreStatus:"loading",moreError:null})),t(r.cursor,p.signal).then(l=>{if(p.signal.aborted)return 0;let h=l.items||[];return o(g=>({...g,items:[...g.items,...h],cursor:l.nextCursor,moreStatus:"idle"})),h.length},l=>(!p.signal.aborted&&!wt(l)&&o(h=>({...h,moreStatus:"error",moreError:l})),0))};return{...r,more:!!r.cursor,loadMore:d,reload:()=>s(p=>p+1),update:p=>o(l=>({...l,items:p(l.items)}))}}var tr=new Map;function tt(t,e="USD"){let r=tr.get(e);if(!r){try{r=new Intl.NumberFormat(void 0,{style:"currency",currency:e})}catch{r=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}tr.set(e,r)}return r.format(t/100)}var Xr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),Zr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Ut=t=>t?Xr.format(new Date(t)):"",ht=t=>t?Zr.format(new Date(t)):"",to=5;function er(t){return t<=0?{kind:"out",label:"Out of stock"}:t<=to?{kind:"low",label:`Only ${t} left`}:{kind:"in",label:"In stock"}}function st(t){let e=String(t||"").replace(/-/g," ").trim();return e?e[0].toUpperCase()+e.slice(1):""}var rr=(t,e,r=e+"s")=>`${t} ${t===1?e:r}`,et=t=>String(t).slice(-8);function or(t){let e=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(t);return e?Number(e[1])*100+Number((e[2]||"0").padEnd(2,"0")):null}var sr=t=>(t/100).toFixed(2);function S({title:t,children:e}){let{titleFocus:r}=v(),o=O(null);return A(()=>{document.title=t?`${t} · Bookshop`:"Bookshop"},[t]),A(()=>{let n=document.activeElement;r.afterNavigation&&(!n||n===document.body||n.tagName==="H1")&&o.current?.focus({preventScroll:!0})},[]),i`<h1 tabindex="-1" class="page-title" ref=${o}>${e||t}</h1>`}function R({label:t="Loading…"}){return i`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${t}</p>`}function I({error:t,retry:e,what:r="this page"}){return i`<div class="state state--error" role="alert">
    <p><strong>Could not load ${r}.</strong> ${t?.message||""}</p>
    ${e&&i`<button type="button" class="button" onClick=${e}>Try again</button>`}
  </div>`}function L({children:t}){return i`<div class="state state--empty">${t}</div>`}function U({kind:t="info",children:e,testid:r}){return i`<div class="alert alert--${t}" role=${t==="error"?"alert":"status"} data-testid=${r}>${e}</div>`}function T({id:t,label:e,hint:r,error:o,control:n}){let s=[r&&`${t}-hint`,o&&`${t}-error`].filter(Boolean).join(" ")||void 0;return i`<div class=${o?"field field--invalid":"field"}>
    <label for=${t}>${e}</label>
    ${n({id:t,name:t,"aria-describedby":s,"aria-invalid":o?"true":void 0})}
    ${r&&i`<p class="hint" id=${`${t}-hint`}>${r}</p>`}
    ${o&&i`<p class="field-error" id=${`${t}-error`}>${o}</p>`}
  </div>`}function B({error:t,shown:e=[]}){if(!t)return null;let r=Object.entries(t.fields||{}).filter(([o])=>!e.includes(o));return i`<div class="alert alert--error" role="alert">
    <p>${t.message}</p>
    ${r.length>0&&i`<ul>${r.map(([o,n])=>i`<li key=${o}>${o}: ${n}</li>`)}</ul>`}
  </div>`}var J=({cents:t,currency:e})=>i`<span class="price">${tt(t,e)}</span>`;function ne({value:t,label:e}){let r=Math.round(t);return i`<span class="stars"><span aria-hidden="true">${"★".repeat(r)}${"☆".repeat(5-r)}</span><span class="visually-hidden">${e}</span></span>`}function Bt({rating:t}){let e=t?.count||0;if(!e)return i`<span class="rating rating--none">No reviews yet</span>`;let r=t.average.toFixed(1);return i`<span class="rating"><${ne} value=${t.average} label=${`Rated ${r} out of 5`} /> <span>${r}</span>${" "}<span class="muted"
    >(${e} ${e===1?"review":"reviews"})</span></span>`}function Ft({stock:t}){let e=er(t);return i`<span class=${`stock stock--${e.kind}`}>${e.label}</span>`}function eo(t){let e=0;for(let r of String(t))e=e*31+r.charCodeAt(0)>>>0;return e%8}function F({book:t,eager:e=!1,size:r="thumb",timing:o}){let n=t.cover,[s,a]=w(!1),c=r==="large"?300:200,d=r==="large"?420:280,p="",l;return n&&!s&&(r==="large"?p=n.url||n.thumbnail2xUrl||n.thumbnailUrl||"":n.thumbnailUrl&&(p=n.thumbnailUrl,l=n.thumbnail2xUrl?`${n.thumbnailUrl} 1x, ${n.thumbnail2xUrl} 2x`:void 0)),p?i`<img class=${`cover cover--${r}`} src=${p} srcset=${l} width=${c} height=${d}
    alt=${r==="large"?`Cover of ${t.title}`:""} loading=${e?"eager":"lazy"} decoding="async" elementtiming=${o}
    onError=${()=>a(!0)} />`:i`<div class=${`cover cover--${r} cover--placeholder cover--hue-${eo(t.id)}`} aria-hidden="true">
      <span class="cover__title">${t.title}</span><span class="cover__author">${t.author}</span>
    </div>`}function K({pager:t,label:e="Load more",testid:r="load-more"}){return!t.more&&t.moreStatus!=="error"?null:i`<div class="load-more">
    ${t.moreStatus==="error"&&i`<p class="field-error" role="alert">${t.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${r} disabled=${t.moreStatus==="loading"}
      aria-busy=${t.moreStatus==="loading"?"true":void 0} onClick=${t.loadMore}>
      ${t.moreStatus==="loading"?"Loading…":e}
    </button>
  </div>`}var ro={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},$t=t=>ro[t]||t,Ht=({status:t})=>i`<span class=${`badge badge--${String(t).toLowerCase()}`}>${$t(t)}</span>`;function ct(t){let[e,r]=w(t);return[e,n=>({value:e[n],onInput:s=>{let a=s.currentTarget.value;r(c=>({...c,[n]:a}))}}),r]}function G(t){let[e,r]=w(!1),[o,n]=w(null),s=O(!0);return A(()=>()=>s.current=!1,[]),{busy:e,error:o,submit:async c=>{c?.preventDefault?.(),r(!0),n(null);try{await t()}catch(d){s.current&&n(d)}finally{s.current&&r(!1)}},setError:n}}var oo=20,nr=6;function ar({item:t,rank:e,eager:r}){let o=t.book;return i`<li class="ranked-book" data-testid="bestseller" data-book-id=${o.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(o.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${e}</span>
      <${F} book=${o} eager=${r} />
      <span class="ranked-book__title">${o.title}</span>
    </a>
    <span class="ranked-book__author">${o.author}</span>
    <span class="ranked-book__meta"><${J} cents=${o.priceCents} currency=${o.currency} /> · <span data-testid="bestseller-count">${t.count} sold</span></span>
  </li>`}function ir({query:t}){let{api:e,router:r}=v(),o=t.get("period")==="30d"?"30d":"all",n=t.get("category")||"",s=z(p=>e.bestSellers({period:o==="all"?void 0:o,category:n,limit:oo},p),[o,n]),a=p=>{let l=new URLSearchParams(t);p==="all"?l.delete("period"):l.set("period",p);let h=l.toString();r.navigate(h?`/bestsellers?${h}`:"/bestsellers")},c=n?`Best sellers in ${st(n)}`:"Best sellers",d=s.data?.items||[];return i`<section class="bestsellers" data-testid="bestsellers-page">
    <div class="page-head">
      <${S} title=${c} />
      <div class="filters">
        <div class="field field--inline">
          <label for="bestsellers-period">Period</label>
          <select id="bestsellers-period" data-testid="bestsellers-period" value=${o} onChange=${p=>a(p.currentTarget.value)}>
            <option value="all">All time</option>
            <option value="30d">Last 30 days</option>
          </select>
        </div>
      </div>
    </div>
    ${s.status==="loading"&&i`<${R} label="Loading best sellers…" />`}
    ${s.status==="error"&&i`<${I} error=${s.error} retry=${s.reload} what="the best sellers" />`}
    ${s.status==="ready"&&d.length===0&&i`<${L}><p data-testid="bestsellers-empty">No sales ${o==="30d"?"in the last 30 days":"yet"}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${d.length>0&&i`<ol class="ranked-books ranked-books--page" aria-label=${c}>
      ${d.map((p,l)=>i`<${ar} key=${p.book.id} item=${p} rank=${l+1} eager=${l<4} />`)}
    </ol>`}
  </section>`}function cr({category:t}){let{api:e}=v(),o=z(s=>e.bestSellers({category:t,limit:nr},s),[t]).data?.items||[];if(o.length===0)return null;let n=t?`/bestsellers?category=${encodeURIComponent(t)}`:"/bestsellers";return i`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${n} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${o.map((s,a)=>i`<${ar} key=${s.book.id} item=${s} rank=${a+1} />`)}
    </ol>
  </section>`}function lr({bookId:t}){let{api:e}=v(),o=z(n=>e.alsoBought(t,{limit:nr},n),[t]).data?.items||[];return o.length===0?null:i`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${o.map(n=>i`<li class="ranked-book" key=${n.book.id} data-testid="also-bought-book" data-book-id=${n.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(n.book.id)}`}>
            <${F} book=${n.book} />
            <span class="ranked-book__title">${n.book.title}</span>
          </a>
          <span class="ranked-book__author">${n.book.author}</span>
          <span class="ranked-book__meta"><${J} cents=${n.book.priceCents} currency=${n.book.currency} /></span>
        </li>`)}
    </ul>
  </section>`}var so=12,no=4;function ae({book:t,eager:e}){return i`<li class="book-card" data-testid="book-card" data-book-id=${t.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(t.id)}`}>
      <${F} book=${t} eager=${e} timing="cover" />
      <h2 class="book-card__title">${t.title}</h2>
    </a>
    <p class="book-card__author">${t.author}</p>
    <p class="book-card__meta"><${J} cents=${t.priceCents} currency=${t.currency} /> <${Ft} stock=${t.stock} /></p>
    <p class="book-card__rating"><${Bt} rating=${t.rating} /></p>
  </li>`}function ur({query:t}){let{api:e,router:r,categories:o}=v(),n=t.get("category")||"",s=t.get("sort")==="title"?"title":"newest",a=M(o),c=n&&!a.includes(n)?[...a,n].sort():a,d=O(null),p=V((u,m)=>e.listBooks({category:n,sort:s,limit:so,cursor:u},m).then(b=>(o.see(b.items||[]),b)),[n,s]),l=(u,m)=>{let b=new URLSearchParams(t);m?b.set(u,m):b.delete(u),b.delete("cursor");let f=b.toString();r.navigate(f?`/?${f}`:"/")},h=async()=>{let u=p.items.length;await p.loadMore()>0&&requestAnimationFrame(()=>d.current?.querySelectorAll(".book-card__link")[u]?.focus())},g=n?st(n):"All books";return i`<section class="catalog">
    <div class="page-head">
      <${S} title=${g} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${n} onChange=${u=>l("category",u.currentTarget.value)}>
            <option value="">All categories</option>
            ${c.map(u=>i`<option key=${u} value=${u}>${st(u)}</option>`)}
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
    ${p.status==="ready"&&p.items.length>0&&i`<${cr} category=${n} />`}
    ${p.status==="loading"&&i`<${R} label="Loading books…" />`}
    ${p.status==="error"&&i`<${I} error=${p.error} retry=${p.reload} what="the books" />`}
    ${p.status==="ready"&&p.items.length===0&&i`<${L}><p>${n?`No books in ${g} yet.`:"The shop has no books yet."}</p>
      ${n&&i`<p><a href="/">Show all books</a></p>`}<//>`}
    ${p.items.length>0&&i`<ul class="book-grid" ref=${d} aria-label="Books">
      ${p.items.map((u,m)=>i`<${ae} key=${u.id} book=${u} eager=${m<no} />`)}
    </ul>`}
    <${K} pager=${{...p,loadMore:h}} label="Load more books" />
  </section>`}var ao=12,dr=2,ie=100;function pr({query:t}){let{api:e}=v(),r=(t.get("q")||"").trim(),o=r.length>=dr&&r.length<=ie,n=O(null),s=V((d,p)=>o?e.search({q:r,limit:ao,cursor:d},p):Promise.resolve({items:[],nextCursor:null}),[r]),a=async()=>{let d=s.items.length;await s.loadMore()>0&&requestAnimationFrame(()=>n.current?.querySelectorAll(".book-card__link")[d]?.focus())},c=o?`Results for “${r}”`:"Search";return i`<section class="search" data-testid="search-page">
    <div class="page-head"><${S} title=${c} /></div>
    ${!o&&i`<${L}><p data-testid="search-hint">${r.length>ie?`Search for at most ${ie} characters.`:`Type at least ${dr} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${o&&s.status==="loading"&&i`<${R} label="Searching…" />`}
    ${o&&s.status==="error"&&i`<${I} error=${s.error} retry=${s.reload} what="the results" />`}
    ${o&&s.status==="ready"&&s.items.length===0&&!s.more&&i`<${L}><p data-testid="search-empty">No books match “${r}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${s.items.length>0&&i`<ul class="book-grid" ref=${n} aria-label="Search results" data-testid="search-results">
      ${s.items.map((d,p)=>i`<${ae} key=${d.id} book=${d} eager=${p<4} />`)}
    </ul>`}
    <${K} pager=${{...s,loadMore:a}} label="More results" testid="search-load-more" />
  </section>`}function nt({what:t="page"}){return i`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${t[0].toUpperCase()}${t.slice(1)} not found`} />
    <p>We could not find this ${t}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var io=5,fr=2e3;function co({book:t}){let{cart:e,notify:r}=v();M(e);let o=e.qtyOf(t.id),n=_t(t.stock)-o,[s,a]=w(1),[c,d]=w("");return t.stock<=0?i`<p class="add-to-cart__note">This book is out of stock.</p>`:i`<form class="add-to-cart" onSubmit=${l=>{l.preventDefault();try{let h=Math.max(1,Math.min(n,s)),g=e.add(t,h);d(""),a(1),r(`Added ${h} × ${t.title} to your cart (${g} in cart).`)}catch(h){d(h.message)}}} aria-label="Add to cart">
    ${n>0?i`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${n} step="1" value=${s} data-testid="add-qty"
              onInput=${l=>a(Number.parseInt(l.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:i`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${o>0&&i`<p class="add-to-cart__note" data-testid="in-cart">${o} in your cart · <a href="/cart">View cart</a></p>`}
    ${c&&i`<p class="field-error" role="alert">${c}</p>`}
  </form>`}function mr({review:t}){return i`<li class="review" data-testid="review">
    <p class="review__head"><${ne} value=${t.rating} label=${`${t.rating} out of 5 stars`} />
      <strong>${t.author||"A reader"}</strong> <span class="muted">${Ut(t.createdAt)}</span></p>
    ${t.text&&i`<p class="review__text">${t.text}</p>`}
  </li>`}function lo({bookId:t,mine:e,onSaved:r,onCancel:o}){let{api:n,notify:s}=v(),[a,c]=w(e?.rating||0),[d,p]=w(e?.text||""),[l,h]=w(!1),[g,u]=w(null),[m,b]=w(!1);return i`<form class="review-form" data-testid="review-form" onSubmit=${async _=>{if(_.preventDefault(),!a){u({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}h(!0),u(null);try{let $=e?await n.editReview(t,e.version,{rating:a,text:d}):await n.addReview(t,{rating:a,text:d});s(e?"Your review is updated.":"Thank you for your review."),r($)}catch($){($.status===412||$.status===409)&&b(!0),u($)}finally{h(!1)}}} noValidate>
    <fieldset class=${g?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(_=>i`<label key=${_}><input type="radio" name="rating" value=${_} checked=${a===_} data-testid=${`review-rating-${_}`}
            onChange=${()=>c(_)} /> ${_} ${_===1?"star":"stars"}</label>`)}
      </div>
      ${g?.fields?.rating&&i`<p class="field-error">${g.fields.rating}</p>`}
    </fieldset>
    <${T} id="review-text" label="Your review (optional)" hint=${`Up to ${fr} characters.`} error=${g?.fields?.text}
      control=${_=>i`<textarea ...${_} rows="4" maxlength=${fr} value=${d} data-testid="review-text"
        onInput=${$=>p($.currentTarget.value)}></textarea>`} />
    <${B} error=${g} shown=${["rating","text"]} />
    ${m&&i`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${o}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${l} data-testid="review-submit">${e?"Save review":"Post review"}</button>
      ${e&&i`<button type="button" class="button" onClick=${o}>Cancel</button>`}
    </div>
  </form>`}function uo(t,e,r){let{api:o}=v(),[n,s]=w(void 0),a=r.items.find(h=>h.userId===e),c=n===void 0&&!a&&(r.status==="error"||r.status==="ready"&&r.more),d=z(h=>c?o.getMyReview(t,h):Promise.resolve(null),[t,c]),l={reload:()=>{s(void 0),r.reload(),d.reload()},set:s,error:null};return n!==void 0?{...l,status:"ready",data:n}:a?{...l,status:"ready",data:a}:c?{...l,status:d.status,data:d.data,error:d.error}:r.status==="loading"?{...l,status:"loading",data:void 0}:{...l,status:"ready",data:null}}function po({bookId:t,userId:e,pager:r,onChange:o}){let{api:n,notify:s}=v(),a=uo(t,e,r),[c,d]=w(!1),[p,l]=w(!1),{error:h,submit:g}=G(async()=>{await n.deleteReview(t,a.data.version),a.set(null),l(!1),s("Your review is deleted."),o()});if(a.status==="loading"&&a.data===void 0)return i`<${R} label="Loading your review…" />`;if(a.status==="error")return i`<${I} error=${a.error} retry=${a.reload} what="your review" />`;let u=m=>{a.set(m),d(!1),o()};return!a.data||c?i`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${a.data?"Edit your review":"Write a review"}</h3>
      <${lo} bookId=${t} mine=${a.data} onSaved=${u}
        onCancel=${()=>{d(!1),a.reload()}} />
    </section>`:i`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${mr} review=${a.data} /></ul>
    <${B} error=${h} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>d(!0)}>Edit</button>
      ${p?i`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${g}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>l(!1)}>Keep it</button></span>`:i`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>l(!0)}>Delete</button>`}
    </div>
  </section>`}function fo({book:t,onChange:e}){let{api:r,session:o,router:n}=v(),s=M(o),a=M(n.store),c=V((l,h)=>r.listReviews(t.id,{cursor:l,limit:io},h),[t.id]),d=()=>{c.reload(),e()},p=s?c.items.filter(l=>l.userId!==s.userId):c.items;return i`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s?i`<${po} bookId=${t.id} userId=${s.userId} pager=${c} onChange=${d} />`:i`<p><a href=${Q(a.href)}>Sign in</a> to write a review.</p>`}
    ${c.status==="loading"&&i`<${R} label="Loading reviews…" />`}
    ${c.status==="error"&&i`<${I} error=${c.error} retry=${c.reload} what="the reviews" />`}
    ${c.status==="ready"&&p.length===0&&i`<${L}><p>${c.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${p.length>0&&i`<ul class="reviews" aria-label="Reviews by readers">${p.map(l=>i`<${mr} key=${l.userId} review=${l} />`)}</ul>`}
    <${K} pager=${c} label="More reviews" testid="reviews-load-more" />
  </section>`}function _r({params:t}){let{api:e}=v(),r=z(n=>e.getBook(t.id,n),[t.id]);if(r.status==="error"&&r.error.status===404)return i`<${nt} what="book" />`;let o=r.data;return o?i`<article class="book" data-testid="book" data-book-id=${o.id}>
    <div class="book__cover"><${F} book=${o} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${o.title} />
      <p class="book__author">by ${o.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(o.category)}`}>${st(o.category)}</a></p>
      <p class="book__rating"><${Bt} rating=${o.rating} /></p>
      <p class="book__buy"><span class="book__price"><${J} cents=${o.priceCents} currency=${o.currency} /></span> <${Ft} stock=${o.stock} /></p>
      <${co} book=${o} />
      ${o.description&&i`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${o.description}</p></div>`}
    </div>
    <div class="book__also"><${lr} bookId=${o.id} /></div>
    <div class="book__reviews"><${fo} book=${o} onChange=${r.reload} /></div>
    ${r.status==="error"&&i`<${U} kind="error">${r.error.message}<//>`}
  </article>`:i`<section>
      <${S} title=${r.status==="error"?"Book":"Loading book…"} />
      ${r.status==="error"?i`<${I} error=${r.error} retry=${r.reload} what="the book" />`:i`<${R} label="Loading book…" />`}
    </section>`}function mo(t){let{api:e,cart:r}=v(),[o,n]=w({}),[s,a]=w(!1),[c,d]=w(0),p=[...t].sort().join(",");return A(()=>{let l=new AbortController;return a(!1),Promise.allSettled(t.map(h=>e.getBook(h,l.signal))).then(h=>{if(l.signal.aborted)return;let g={};h.forEach((u,m)=>{u.status==="fulfilled"?(g[t[m]]=u.value,r.refresh(u.value)):u.reason?.status===404?g[t[m]]="missing":a(!0)}),n(g)}),()=>l.abort()},[p,c]),{books:o,failed:s,reload:()=>d(l=>l+1)}}function _o({line:t,max:e}){let{cart:r,notify:o}=v(),n=`qty-${t.bookId}`,s=a=>{let c=Math.max(1,Math.min(e||dt,a));c!==t.qty&&(r.setQty(t.bookId,c),o(`${t.title}: quantity ${c}.`))};return i`<div class="qty" role="group" aria-label=${`Quantity of ${t.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${t.title}`} disabled=${t.qty<=1}
      data-testid="qty-decrease" onClick=${()=>s(t.qty-1)}>−</button>
    <label class="visually-hidden" for=${n}>Quantity</label>
    <input id=${n} type="number" inputmode="numeric" min="1" max=${e||dt} value=${t.qty} data-testid="qty-input"
      onChange=${a=>s(Number.parseInt(a.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${t.title}`} disabled=${t.qty>=(e||dt)}
      data-testid="qty-increase" onClick=${()=>s(t.qty+1)}>+</button>
  </div>`}function hr(t,e){return e==="missing"?"This book is no longer available: remove it to check out.":e?e.stock<=0?"Out of stock: remove it to check out.":t.qty>e.stock?`Only ${e.stock} left: lower the quantity to check out.`:"":""}function ho({blocked:t,onShortStock:e}){let{api:r,cart:o,session:n,router:s,notify:a}=v(),c=M(n),[d,p]=w(!1),[l,h]=w(null),g=O(!1);if(!c)return i`<p class="checkout"><a class="button button--primary" href=${Q("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let u=async()=>{if(g.current)return;g.current=!0,p(!0),h(null);let m=o.checkoutAttempt();try{let b=await r.checkout(m);o.checkedOut(),a("Thank you! Your order is placed."),s.navigate(`/orders/${encodeURIComponent(b.id)}?placed=1`)}catch(b){b.status===409&&Array.isArray(b.problem.outOfStock)&&e(b.problem.outOfStock),b.status===422&&o.forgetAttempt(),h(b)}finally{g.current=!1,p(!1)}};return i`<div class="checkout">
    ${l&&!Array.isArray(l.problem?.outOfStock)&&i`<${U} kind="error" testid="checkout-error"><p>${l.message}</p>
      ${l.status===0&&i`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${d||t}
      aria-busy=${d?"true":void 0} onClick=${u}>${d?"Placing your order…":"Check out"}</button>
  </div>`}function $r(){let{cart:t,notify:e}=v(),r=M(t),{books:o,failed:n,reload:s}=mo(r.map(m=>m.bookId)),[a,c]=w({});if(r.length===0)return i`<section class="cart">
      <${S} title="Your cart" />
      <${L}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let d=m=>{t.remove(m.bookId),e(`Removed ${m.title} from your cart.`)},p=r.map(m=>{let b=o[m.bookId],f=b&&b!=="missing"?b:null,_=f?f.priceCents:m.priceCents,$=f?f.currency:m.currency,y=a[m.bookId]===m.qty;return{line:m,book:b,unit:_,currency:$,isShort:y,problem:hr(m,b)||(y?"Not enough in stock for this quantity.":"")}}),l={};for(let m of p)m.book!=="missing"&&(l[m.currency]=(l[m.currency]||0)+m.unit*m.line.qty);let h=p.some(m=>hr(m.line,m.book))||p.some(m=>m.book===void 0&&!n),g=p.filter(m=>m.isShort).map(m=>m.line.title),u=m=>{c(Object.fromEntries(r.filter(b=>m.includes(b.bookId)).map(b=>[b.bookId,b.qty]))),s()};return i`<section class="cart">
    <${S} title="Your cart" />
    ${g.length>0&&i`<${U} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${g.join(", ")}. Lower the quantity or remove ${g.length===1?"it":"them"}, then check out again.</p><//>`}
    ${n&&i`<${U} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${s}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${p.map(({line:m,book:b,unit:f,currency:_,problem:$})=>i`<li key=${m.bookId} class=${$?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${m.bookId}>
          <div class="cart-line__cover">${b&&b!=="missing"?i`<${F} book=${b} />`:i`<${F} book=${{id:m.bookId,title:m.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(m.bookId)}`}>${m.title}</a></h2>
            <p class="muted"><${J} cents=${f} currency=${_} /> each</p>
            ${$&&i`<p class="field-error" data-testid="line-problem">${$}</p>`}
            <div class="cart-line__controls">
              ${b!=="missing"&&i`<${_o} line=${m} max=${b?_t(b.stock)||1:m.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${m.title} from your cart`}
                onClick=${()=>d(m)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${J} cents=${f*m.qty} currency=${_} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(l).map(([m,b])=>tt(b,m)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${ho} blocked=${h} onShortStock=${u} />
    </div>
  </section>`}var $o=10;function gr(){let{api:t}=v(),e=V((r,o)=>t.listMyOrders({cursor:r,limit:$o},o),[]);return i`<section class="orders">
    <${S} title="My orders" />
    ${e.status==="loading"&&i`<${R} label="Loading your orders…" />`}
    ${e.status==="error"&&i`<${I} error=${e.error} retry=${e.reload} what="your orders" />`}
    ${e.status==="ready"&&e.items.length===0&&i`<${L}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${e.items.length>0&&i`<ul class="order-list" aria-label="Orders">
      ${e.items.map(r=>i`<li key=${r.id} class="order-row" data-testid="order-row" data-order-id=${r.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(r.id)}`}>Order ${et(r.id)}</a>
          <span class="muted">${Ut(r.createdAt)}</span>
          <span>${rr(r.items.reduce((o,n)=>o+n.qty,0),"book")}</span>
          <span class="price">${tt(r.totalCents,r.currency)}</span>
          <${Ht} status=${r.status} />
        </li>`)}
    </ul>`}
    <${K} pager=${e} label="More orders" />
  </section>`}function go({order:t}){let e=r=>tt(r,t.currency);return i`<table class="order-table">
    <caption class="visually-hidden">Books in order ${et(t.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${t.items.map(r=>i`<tr key=${r.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(r.bookId)}`}>${r.title}</a></th>
          <td class="num">${e(r.unitPriceCents)}</td><td class="num">${r.qty}</td><td class="num">${e(r.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${e(t.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${t.shippingCents?e(t.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${e(t.totalCents)}</td></tr>
    </tfoot>
  </table>`}function br({params:t,query:e}){let{api:r,notify:o}=v(),n=z(c=>r.getOrder(t.id,c),[t.id]),s=G(async()=>{try{n.set(await r.cancelOrder(t.id)),o("Your order is cancelled.")}catch(c){throw n.reload(),c}});if(n.status==="error"&&n.error.status===404)return i`<${nt} what="order" />`;let a=n.data;return a?i`<section class="order" data-testid="order" data-order-id=${a.id} data-status=${a.status}>
    <${S} title=${`Order ${et(a.id)}`} />
    ${e.get("placed")&&i`<${U} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Ht} status=${a.status} /> <span class="muted">Placed ${ht(a.createdAt)}</span></p>
    <${go} order=${a} />
    <${B} error=${s.error} />
    ${a.status==="PENDING"&&i`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${s.busy} onClick=${s.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:i`<section>
      <${S} title="Order" />
      ${n.status==="error"?i`<${I} error=${n.error} retry=${n.reload} what="the order" />`:i`<${R} label="Loading the order…" />`}
    </section>`}function yr(){let{api:t,router:e,notify:r}=v(),[o,n]=ct({email:"",password:"",name:""}),{busy:s,error:a,submit:c}=G(async()=>{await t.register(o.email,o.password,o.name.trim()),r("Account created. Enter the confirmation code we sent you."),e.navigate(`/confirm?email=${encodeURIComponent(o.email)}`)});return i`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${c} data-testid="register-form">
      <${T} id="email" label="Email" error=${a?.fields?.email}
        control=${d=>i`<input ...${d} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${T} id="password" label="Password" hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit." error=${a?.fields?.password}
        control=${d=>i`<input ...${d} type="password" autocomplete="new-password" required minlength="8" ...${n("password")} />`} />
      <${T} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${a?.fields?.name}
        control=${d=>i`<input ...${d} type="text" autocomplete="nickname" maxlength="64" ...${n("name")} />`} />
      <${B} error=${a} shown=${["email","password","name"]} />
      ${a?.status===409&&i`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${s} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function vr({query:t}){let{api:e,router:r,notify:o}=v(),[n,s]=ct({email:t.get("email")||"",code:""}),{busy:a,error:c,submit:d}=G(async()=>{await e.confirm(n.email,n.code.trim()),o("Your account is confirmed. Sign in."),r.navigate(`/login?confirmed=1&email=${encodeURIComponent(n.email)}`)}),p=G(async()=>{await e.resendCode(n.email),o("If this address has an account waiting for confirmation, a new code is on its way.")});return i`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${d} data-testid="confirm-form">
      <${T} id="email" label="Email" error=${c?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="email" required ...${s("email")} />`} />
      <${T} id="code" label="Confirmation code" error=${c?.fields?.code}
        control=${l=>i`<input ...${l} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${s("code")} />`} />
      <${B} error=${c} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${a} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${p.busy||!n.email} onClick=${p.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${B} error=${p.error} shown=${[]} />
  </section>`}function kr({query:t}){let{api:e,router:r,notify:o}=v(),[n,s]=ct({email:t.get("email")||"",password:""}),a=He(t.get("next")),{busy:c,error:d,submit:p}=G(async()=>{await e.login(n.email,n.password),o("You are signed in."),r.navigate(a,{replace:!0})});return i`<section class="auth">
    <${S} title="Sign in" />
    ${t.get("confirmed")&&i`<${U} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${!t.get("confirmed")&&a!=="/"&&i`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${p} data-testid="login-form">
      <${T} id="email" label="Email" error=${d?.fields?.email}
        control=${l=>i`<input ...${l} type="email" autocomplete="username" required ...${s("email")} />`} />
      <${T} id="password" label="Password" error=${d?.fields?.password}
        control=${l=>i`<input ...${l} type="password" autocomplete="current-password" required ...${s("password")} />`} />
      <${B} error=${d} shown=${["email","password"]} />
      ${d?.status===403&&i`<p><a href=${`/confirm?email=${encodeURIComponent(n.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${c} data-testid="login-submit">Sign in</button>
    </form>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}var bo=25;function wr(){let{api:t}=v(),e=V((r,o)=>t.listBooks({sort:"title",limit:bo,cursor:r},o),[]);return i`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${e.status==="loading"&&i`<${R} label="Loading books…" />`}
    ${e.status==="error"&&i`<${I} error=${e.error} retry=${e.reload} what="the books" />`}
    ${e.status==="ready"&&e.items.length===0&&i`<${L}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${e.items.length>0&&i`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${e.items.map(r=>i`<tr key=${r.id} data-testid="admin-book-row" data-book-id=${r.id}>
            <td class="admin-table__cover"><${F} book=${r} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(r.id)}`}>${r.title}</a><br /><span class="muted">${r.author}</span></th>
            <td>${st(r.category)}</td>
            <td class="num"><${J} cents=${r.priceCents} currency=${r.currency} /></td>
            <td class="num">${r.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${K} pager=${e} label="More books" />
  </section>`}var Cr=["image/jpeg","image/png","image/webp"],yo=5*1024*1024,vo=1e3,ko=30,wo={priceCents:"price"};function So(t){return{title:t?.title||"",author:t?.author||"",category:t?.category||"",description:t?.description||"",price:t?sr(t.priceCents):"",currency:t?.currency||"USD",stock:t?String(t.stock):"0"}}function Co(t){let e={},r=or(t.price);r===null&&(e.price="Enter a price such as 12.99.");let o=Number(t.stock);if((!/^\d+$/.test(t.stock.trim())||!Number.isSafeInteger(o))&&(e.stock="Enter a whole number of 0 or more."),Object.keys(e).length)return{fields:e};let n={title:t.title.trim(),author:t.author.trim(),category:t.category.trim(),description:t.description.trim(),priceCents:r,stock:o};return t.currency.trim()&&(n.currency=t.currency.trim().toUpperCase()),{details:n}}function Sr({book:t,onSaved:e,onReload:r}){let{api:o}=v(),[n,s]=ct(So(t)),[a,c]=w(!1),[d,p]=w(null),l=async u=>{u.preventDefault();let{details:m,fields:b}=Co(n);if(b){p({message:"Some fields need your attention.",fields:b});return}c(!0),p(null);try{e(t?await o.updateBook(t.id,t.version,m):await o.createBook(m))}catch(f){let _=Object.fromEntries(Object.entries(f.fields||{}).map(([$,y])=>[wo[$]||$,y]));p({message:f.message,status:f.status,fields:_})}finally{c(!1)}},h=d?.fields||{},g=(u,m={})=>b=>i`<input ...${b} ...${m} ...${s(u)} data-testid=${`book-${u}`} />`;return i`<form class="form form--wide" onSubmit=${l} data-testid="book-form" noValidate>
    <${T} id="book-title" label="Title" error=${h.title} control=${g("title",{required:!0,maxlength:200})} />
    <${T} id="book-author" label="Author" error=${h.author} control=${g("author",{required:!0,maxlength:120})} />
    <${T} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${h.category}
      control=${g("category",{required:!0})} />
    <${T} id="book-description" label="Description" error=${h.description}
      control=${u=>i`<textarea ...${u} rows="5" maxlength="4000" ...${s("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${T} id="book-price" label="Price" hint="For example 12.99" error=${h.price} control=${g("price",{inputmode:"decimal",required:!0})} />
      <${T} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${h.currency}
        control=${g("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${T} id="book-stock" label="Stock" error=${h.stock} control=${g("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${d?.status===412&&i`<${U} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${r}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${d?.status!==412&&i`<${B} error=${d} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${a} data-testid="book-save">${t?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function Eo(t){return Cr.includes(t.type)?t.size>yo?`The image is ${(t.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:t.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function xo(t,e){let r=t.cover?.url||"",o=r;try{o=decodeURIComponent(r)}catch{}return!!t.cover?.thumbnailUrl&&(!e||r.includes(e)||o.includes(e))}function To({book:t,onCover:e}){let{api:r,notify:o}=v(),[n,s]=w(null),[a,c]=w(""),[d,p]=w("idle"),[l,h]=w(0),[g,u]=w(""),m=O(!0),b=O(null);A(()=>()=>m.current=!1,[]),A(()=>()=>a&&URL.revokeObjectURL(a),[a]);let f=y=>{let k=y.currentTarget.files?.[0]||null;if(u(""),p("idle"),s(null),c(""),!k)return;let C=Eo(k);if(C){u(C);return}s(k),c(URL.createObjectURL(k))},_=async()=>{u(""),h(0),p("uploading");try{let y=await r.requestCoverUpload(t.id,n.type,n.size);if(await r.uploadFile(y,n,k=>m.current&&h(k)),!m.current)return;p("processing");for(let k=0;k<ko&&m.current;k++){await new Promise(N=>setTimeout(N,vo));let C=await r.getBook(t.id);if(xo(C,y.key)){if(!m.current)return;e(C),p("done"),s(null),c(""),b.current&&(b.current.value=""),o("The new cover is ready.");return}}m.current&&p("slow")}catch(y){if(!m.current)return;p("idle"),u(y.message)}},$=d==="uploading"||d==="processing";return i`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${F} book=${t} /><figcaption>Current</figcaption></figure>
      ${a&&i`<figure><img class="cover cover--thumb" src=${a} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${T} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${g}
      control=${y=>i`<input ...${y} ref=${b} type="file" accept=${Cr.join(",")} disabled=${$} data-testid="cover-file" onChange=${f} />`} />
    ${d==="uploading"&&i`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(l*100)} data-testid="cover-progress">${Math.round(l*100)}%</progress></p>`}
    ${d==="processing"&&i`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${d==="done"&&i`<${U} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${d==="slow"&&i`<${U} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!n||$} data-testid="cover-submit" onClick=${_}>Upload cover</button>
  </section>`}function Po({book:t,onReload:e}){let{api:r,router:o,notify:n}=v(),[s,a]=w(!1),{busy:c,error:d,submit:p,setError:l}=G(async()=>{await r.deleteBook(t.id,t.version),n(`Deleted ${t.title}.`),o.navigate("/admin/books",{replace:!0})});return i`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${d?.status===412?i`<${U} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{l(null),a(!1),e()}}>Load the latest version</button></p><//>`:i`<${B} error=${d} />`}
    ${s?i`<p>Delete “${t.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${c} data-testid="book-delete-confirm" onClick=${p}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>a(!1)}>Keep it</button>
          </div>`:i`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>a(!0)}>Delete this book</button>`}
  </section>`}function ce({params:t}){let{api:e,router:r,notify:o}=v(),n=!t.id,s=z(h=>n?Promise.resolve(null):e.getBook(t.id,h),[t.id||"new"]),[a,c]=w(0);if(n)return i`<section class="admin">
      <${S} title="Add a book" />
      <${Sr} onSaved=${g=>{o(`Added ${g.title}. Now add a cover.`),r.navigate(`/admin/books/${encodeURIComponent(g.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(s.status==="error"&&s.error.status===404)return i`<${nt} what="book" />`;let d=s.data;if(!d)return i`<section class="admin">
      <${S} title="Edit book" />
      ${s.status==="error"?i`<${I} error=${s.error} retry=${s.reload} what="the book" />`:i`<${R} label="Loading the book…" />`}
    </section>`;let p=h=>{s.set(h),o(`Saved ${h.title}.`)},l=async()=>{try{s.set(await e.getBook(d.id)),c(h=>h+1),o("Loaded the latest version.")}catch(h){h.status===404?s.reload():o(h.message)}};return i`<section class="admin admin-book">
    <${S} title=${`Edit “${d.title}”`} />
    <p class="muted">Version ${d.version} · updated ${ht(d.updatedAt)} · <a href=${`/books/${encodeURIComponent(d.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${Sr} key=${a} book=${d} onSaved=${p} onReload=${l} />
      <div>
        <${To} book=${d} onCover=${h=>s.set(h)} />
        <${Po} book=${d} onReload=${l} />
      </div>
    </div>
  </section>`}var Er=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],Ao=20,xr={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function Ro({order:t,onMoved:e}){let{api:r,notify:o}=v(),[n,s]=w(!1),[a,c]=w(""),d=async p=>{s(!0),c("");try{let l=p==="CANCELLED"?await r.cancelOrder(t.id):await r.setOrderStatus(t.id,p);o(`Order ${et(t.id)} is now ${$t(l.status).toLowerCase()}.`),e(l)}catch(l){c(l.message),s(!1)}};return i`<li class="admin-order" data-testid="admin-order" data-order-id=${t.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${et(t.id)}</h2>
      <span class="muted">${ht(t.createdAt)}</span>
      <span class="price">${tt(t.totalCents,t.currency)}</span>
    </div>
    <p class="muted">Customer ${et(t.userId)}</p>
    <ul class="admin-order__lines">
      ${t.items.map(p=>i`<li key=${p.bookId}>${p.qty} × ${p.title}</li>`)}
    </ul>
    ${a&&i`<p class="field-error" role="alert">${a}</p>`}
    ${xr[t.status]&&i`<div class="actions">
      ${xr[t.status].map(([p,l])=>i`<button key=${p} type="button" class=${p==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${n} data-testid=${`set-status-${p}`} aria-label=${`${l}: order ${et(t.id)}`} onClick=${()=>d(p)}>${l}</button>`)}
    </div>`}
  </li>`}function Tr({query:t}){let{api:e}=v(),r=Er.includes(t.get("status"))?t.get("status"):"PENDING",o=V((s,a)=>e.listAllOrders({status:r,cursor:s,limit:Ao},a),[r]),n=s=>o.update(a=>a.filter(c=>c.id!==s.id));return i`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${Er.map(s=>i`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s===r?"page":void 0}
          data-testid=${`status-tab-${s}`}>${$t(s)}</a>`)}
    </nav>
    ${o.status==="loading"&&i`<${R} label="Loading orders…" />`}
    ${o.status==="error"&&i`<${I} error=${o.error} retry=${o.reload} what="the orders" />`}
    ${o.status==="ready"&&o.items.length===0&&i`<${L}><p>No ${$t(r).toLowerCase()} orders.</p><//>`}
    ${o.items.length>0&&i`<ul class="admin-orders" aria-label=${`${$t(r)} orders`}>
      ${o.items.map(s=>i`<${Ro} key=${s.id} order=${s} onMoved=${n} />`)}
    </ul>`}
    <${K} pager=${o} label="More orders" />
  </section>`}function Pr({signedIn:t}){let{router:e}=v(),r=M(e.store);return i`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${t?i`<p>Your account cannot manage the shop.</p>`:i`<p><a href=${Q(r.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var Io=[{path:"/",page:ur},{path:"/books/:id",page:_r},{path:"/search",page:pr},{path:"/bestsellers",page:ir},{path:"/cart",page:$r},{path:"/orders",page:gr,auth:!0},{path:"/orders/:id",page:br,auth:!0},{path:"/register",page:yr},{path:"/confirm",page:vr},{path:"/login",page:kr},{path:"/admin/books",page:wr,admin:!0},{path:"/admin/books/new",page:ce,admin:!0},{path:"/admin/books/:id",page:ce,admin:!0},{path:"/admin/orders",page:Tr,admin:!0}];function No(t){for(let e of Io){let r=Fe(e.path,t);if(r)return{route:e,params:r}}return t.startsWith("/admin/")?{route:{admin:!0,page:nt},params:{}}:{route:{page:nt},params:{}}}var Mo=["classics","computing","science-fiction"];function Oo(){let t=rt(Mo);return{...t,see(e){let r=new Set(t.get());for(let o of e)o.category&&r.add(o.category);r.size!==t.get().length&&t.set([...r].sort())}}}var Lo=5e3;function qo(){let{notices:t}=v(),e=M(t);return A(()=>{if(!e.message)return;let r=setTimeout(()=>t.set({id:e.id,message:""}),Lo);return()=>clearTimeout(r)},[e.id]),i`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${e.message&&i`<p class="toast" key=${e.id}>${e.message}</p>`}
  </div>`}function Do({to:t}){let{router:e}=v();return A(()=>e.navigate(t,{replace:!0}),[t]),null}function Uo(t,e){let r=O(!0);A(()=>{if(r.current){r.current=!1;return}e.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[t])}function Bo({ctx:t}){let e=M(t.router.store),r=M(t.session);Uo(e.path,t.titleFocus);let{route:o,params:n}=No(e.path),s;return o.auth&&!r?s=i`<${Do} to=${Q(e.href)} />`:o.admin&&!r?.isAdmin?s=i`<${Pr} signedIn=${!!r} />`:s=i`<${o.page} key=${e.path} params=${n} query=${e.query} />`,i`<${se.Provider} value=${t}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${Ze} />
    <main id="main" tabindex="-1">${s}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${qo} />
  <//>`}function Fo(t){let e=Be(t),r=Ye(t),o=je(t),n=rt({id:0,message:""}),s=p=>n.set({id:n.get().id+1,message:p}),a=Qe({session:r,device:Xe(t),onUnauthorized:()=>{let p=e.store.get();p.path!=="/login"&&(s("Please sign in to continue."),e.navigate(Q(p.href),{replace:!0}))}}),c={router:e,session:r,cart:o,api:a,notices:n,notify:s,categories:Oo(),titleFocus:{afterNavigation:!1}},d=t.document.getElementById("app");d.textContent="",ve(i`<${Bo} ctx=${c} />`,d)}Fo(window);
