var C,ce,$r,Z,Ht,xt,le,wt,ue,Gt,Wt,de,gt=Symbol.for("pv"),Et={},Pt=[],gr=/^m(i|n|o|s|text|space)$/,Yt=Array.isArray,Vt=Pt.slice,it=Object.assign;function at(t){t&&t.parentNode&&t.remove()}function pe(t,e,r){var o,a,n,s={},l=arguments.length;for(n in e)n=="key"?o=e[n]:n=="ref"&&typeof t!="function"?a=e[n]:s[n]=e[n];return l>2&&(s.children=l>3?Vt.call(arguments,2):r),$t(t,s,o,a,null)}function $t(t,e,r,o,a){var n={type:t,props:e,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:gt,__v:a||++ce,__i:-1,__u:0};return!a&&C.vnode&&C.vnode(n),n}function Tt(t){return t.children}function St(t,e){this.props=t,this.context=e,this.__g=0}function tt(t,e){if(e==null)return t.__&&tt(t.__,t.__i+1);for(var r;e<t.__k.length;e++)if((r=t.__k[e])&&r.__e)return r.__e;return typeof t.type!="function"||t.props.__P?null:tt(t)}function br(t){var e,r=t.__v,o=r.__e,a=[],n=[],s=t.__P;s&&((e=it({constructor:gt},r)).__v=r.__v+1,C.vnode&&C.vnode(e),Jt(s,e,r,t.__n,s.namespaceURI,32&r.__u?[o]:null,a,o||tt(r),32&r.__u,n),e.__v=r.__v,e.__.__k[e.__i]=e,ge(a,e,n),r.__=r.__e=null,e.__e!=o&&fe(e))}function fe(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),fe(t)}function jt(t){(8&t.__g||(t.__g|=8,Z.push(t),xt++))&&Ht==C.debounceRendering||((Ht=C.debounceRendering)||queueMicrotask)(me)}function me(){try{for(var t,e=1;Z.length;)Z.length>e&&Z.sort(le),t=Z.shift(),e=Z.length,8&t.__g&&br(t)}finally{(xt=Z.length)&&(Ht||queueMicrotask)(me)}}function _e(t,e,r,o,a,n,s,l,p,f,c){var _,h,i,d,m,g,b=o.__k||Pt,$=e.length;for(p=yr(r,e,b,p,$),_=0;_<$;_++)(i=r.__k[_])!=null&&(h=~i.__i&&b[i.__i]||Et,i.__i=_,g=Jt(t,i,h,a,n,s,l,p,f,c),d=i.__e,(h.ref!=i.ref||8&h.__u)&&(h.ref&&Kt(h.ref,null,i,h),i.ref&&c.push(i.ref,i.__c||d,i)),m=m||d,4&i.__u?(p=he(i,p,t,!h.__v),h.__e&&(h.__e=null)):typeof i.type=="function"&&g!==void 0?p=g:d&&(p=d.nextSibling),i.__u&=-21);return r.__e=m,p}function yr(t,e,r,o,a){var n,s,l,p,f,c,_,h,i,d=r.length,m=d,g=0,b=0,$=t.__k=Array(a);for(n=0;n<a;n++)(s=e[n])!=null&&typeof s!="boolean"&&typeof s!="function"?(typeof s!="object"||s.constructor===String?s=$[n]=$t(null,s):Yt(s)?s=$[n]=$t(Tt,{children:s}):s.constructor===gt&&s.__b?s=$[n]=$t(s.type,s.props,s.key,s.ref,s.__v):$[n]=s,p=n+g,s.__=t,s.__b=t.__b+1,l=null,~(f=s.__i=vr(s,r,p,m))&&(m--,(l=r[f])&&(l.__u|=2)),l&&l.__v?(s.__u|=16,f==p-1?g--:f==p+1?g++:f!=p&&(f>p?g--:g++,b=1)):(~f||(a>d?g--:a<d&&g++),typeof s.type!="function"&&(s.__u|=4))):$[n]=null;if(b){for(c=[],_=[],n=0;n<a;n++)if((s=$[n])&&16&s.__u){for(g=0,h=c.length;g<h;)c[i=g+h>>1]<s.__i?g=i+1:h=i;c[g]=s.__i,_[n]=g+1}for(g=c.length;n--;)_[n]&&(_[n]==g?g--:$[n].__u|=4)}if(m)for(n=0;n<d;n++)!(l=r[n])||2&l.__u||(l.__e==o&&(o=tt(l)),zt(l,l));return o}function he(t,e,r,o){var a,n,s,l;if(typeof t.type=="function"){if(t.props.__P)return e;if(a=t.__k)for(n=0;n<a.length;n++)a[n]&&(a[n].__=t,e=he(a[n],e,r,!1));return e}for(e&&!e.parentNode&&(e=tt(t))&&!e.parentNode&&(e=null),s=t.__e,l=e;l&&l.nodeType==8;)l=l.nextSibling;for(s!=l&&(!o&&r.moveBefore&&s.parentNode?r.moveBefore(s,e):r.insertBefore(s,e||null)),e=s;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function vr(t,e,r,o){var a,n=t.key,s=t.type,l=e[r],p=l&&!(2&l.__u);if(l===null&&n==null||p&&n==l.key&&s==l.type)return r;if(o>(p?1:0)){for(a=r-1;a>=0;a--)if((l=e[a])&&!(2&l.__u)&&n==l.key&&s==l.type)return a;for(a=r+1;a<e.length;a++)if((l=e[a])&&!(2&l.__u)&&n==l.key&&s==l.type)return a}return-1}function ie(t,e,r){r==null&&(r=""),e[0]=="-"?t.setProperty(e,r):t[e]=r}function kt(t,e,r,o,a){var n,s;if(e=="style")if(typeof r=="string")t.style.cssText=r;else{if(typeof o=="string"&&(t.style.cssText=o=""),o)for(e in o)r&&e in r||ie(t.style,e);if(r)for(e in r)o&&r[e]==o[e]||ie(t.style,e,r[e])}else if(e[0]=="o"&&e[1]=="n")typeof r!="function"&&(r=null),typeof o!="function"&&(o=null),(t.__e||(t.__e={}))[e]=r,r&&o||(s=Wt[e]||(Wt[e]=kr(e)),(t.__a||(t.__a={}))[e]=Gt,n=e!=(e=e.replace(ue,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),r?t.addEventListener(e,s,n):t.removeEventListener(e,s,n));else{if(a=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=r??"")}catch{}if(typeof r=="function")return;r==null||r===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&r==1?"":r)}}function kr(t){return function(e){var r=this.__e;if(r){if(r=r[t],e[wt]==null)e[wt]=Gt++;else if(e[wt]<this.__a[t])return;return r(C.event?C.event(e):e)}}}function Jt(t,e,r,o,a,n,s,l,p,f){var c,_,h,i,d,m,g,b,$,y,v,q,B,ot,nt,ae,X,st,J=e.type;if(e.constructor!==gt)return null;128&r.__u&&(p=32&r.__u,c=r.__c.__z)&&(e.__u|=p,_=n=[],c.nodeType==8?l=Ct(c,n):n.push(c),l=n[0]||l),(c=C.__b)&&c(e);t:if(typeof J=="function"){h=s.length;try{if(b=e.props,$=(c=J.prototype)&&c.render,y=(c=J.contextType)&&o[c.__c],v=c?y?y.props.value:c.__:o,(i=r.__c)?(e.__c=i,2&i.__g&&(i.__g|=1)):($?e.__c=i=new J(b,v):(e.__c=i=new St(b,v),i.constructor=J,i.render=Sr),y&&y.sub(i),i.state||(i.state={}),i.__n=o,i.__g|=8,i.__h=[],i.__k=[]),$&&(i.__s||(i.__s=i.state),J.getDerivedStateFromProps&&(i.__s==i.state&&(i.__s=it({},i.__s)),it(i.__s,J.getDerivedStateFromProps(b,i.__s)))),d=i.props,m=i.state,i.__v=e,r.__c){if(b!==d&&$&&!J.getDerivedStateFromProps&&i.componentWillReceiveProps&&i.componentWillReceiveProps(b,v),e.__v==r.__v&&!(8&i.__g)||!(4&i.__g)&&i.shouldComponentUpdate&&i.shouldComponentUpdate(b,i.__s,v)===!1){e.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__g&=-9),e.__e=r.__e,e.__k=r.__k,e.__k.some(function(D){D&&(D.__=e)}),Pt.push.apply(i.__h,i.__k),i.__k=[],i.__h.length&&s.push(i),l=tt(r);break t}i.componentWillUpdate&&i.componentWillUpdate(b,i.__s,v),$&&i.componentDidUpdate&&i.__h.push(function(){i.componentDidUpdate(d,m,g)})}else $&&!J.getDerivedStateFromProps&&i.componentWillMount&&i.componentWillMount(),$&&i.componentDidMount&&i.__h.push(i.componentDidMount);i.context=v,i.props=b,i.__P=t,i.__g&=-5,q=C.__r,B=$?25:0;do i.__g&=-9,q&&q(e),c=i.render(i.props,i.state=i.__s,i.context);while(8&i.__g&&++B<25);$&&(Pt.push.apply(i.__h,i.__k),i.__k=[]),i.state=i.__s,i.getChildContext&&(o=it({},o,i.getChildContext())),$&&r.__c&&i.getSnapshotBeforeUpdate&&(g=i.getSnapshotBeforeUpdate(d,m)),ot=c&&c.type===Tt&&c.key==null?c.props.children:c,b.__P&&(c=l,a=(t=b.__P).namespaceURI,p=n=null,r.props&&r.props.__P!=t&&(r.__k.some(function(D){D&&zt(D,D)}),r.__k=null),l=r.__k?tt(r,0):null),l=_e(t,Yt(ot)?ot:[ot],e,r,o,a,n,s,l,p,f),b.__P&&(e.__e=null,l=c),e.__u&=-161,_&&_.some(at),i.__h.length&&s.push(i),1&i.__g&&(i.__g&=-4)}catch(D){if(s.length=h,e.__v=null,p||n)if(D&&D.then){if(e.__u|=128|p,n){for(~(X=n.indexOf(l||void 0))||(X=n.length);(st=n[X-1])&&st.nodeType==8;)X--;for(;X<n.length;X++)if(st=n[X])if(n[X]=null,nt){if(st==ae)break}else{if(st.nodeType!=8)break;st.data.startsWith("$s")&&(ae=Ct(nt=st))}}if(!nt){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;nt=l}(c=Ct(nt=e.__c.__z||(e.__c.__z=nt)))?(e.__e=nt,l=c):e.__e=l,l=l&&l.nextSibling}else n&&n.some(at);else e.__e=r.__e;e.__k||(e.__k=r.__k||[]),D&&D.then||$e(e),C.__e(D,e,r)}}else l=e.__e=wr(r.__e,e,r,o,a,n,s,p,f,t);return(c=C.diffed)&&c(e),l}function Ct(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var r=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))r++;else if(t.data.startsWith("/$s")&&!--r)return t}e&&e.push(t)}}function $e(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some($e))}function ge(t,e,r){for(var o=0;o<r.length;)Kt(r[o++],r[o++],r[o++]);C.__c&&C.__c(e,t),t.some(function(a){try{t=a.__h,a.__h=[],t.some(function(n){n.call(a)})}catch(n){C.__e(n,a.__v)}})}function wr(t,e,r,o,a,n,s,l,p,f){var c,_,h,i,d,m,g,b,$=r.props||Et,y=e.props,v=e.type;if(v=="svg"?a="http://www.w3.org/2000/svg":v=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),n){for(c=0;c<n.length;c++)if((d=n[c])&&(v?d.localName==v:d.nodeType==3)){t=d,n[c]=null;break}}if(!t){if(b=f.ownerDocument||document,!v)return b.createTextNode(y);t=b.createElementNS(a,v,y.is?y:f),l&&(C.__m&&C.__m(e,n),l=!1),n=null}if(v){if(f=v=="template"&&t.content||t,n=v=="textarea"&&y.defaultValue!=null?null:n&&Vt.call(f.childNodes),!l&&n)for($={},c=0;c<t.attributes.length;c++)$[(d=t.attributes[c]).name]=d.value;for(c in $)d=$[c],c=="dangerouslySetInnerHTML"?h=d:c=="children"||c in y||c=="value"&&"defaultValue"in y||c=="checked"&&"defaultChecked"in y||kt(t,c,null,d,a);for(c in y)d=y[c],c=="children"?i=d:c=="dangerouslySetInnerHTML"?_=d:c=="value"?m=d:c=="checked"?g=d:l&&typeof d!="function"||$[c]===d||kt(t,c,d,$[c],a);_?(l||h&&(_.__html==h.__html||_.__html==t.innerHTML)||(t.innerHTML=_.__html),e.__k=[]):(h&&(t.textContent=""),(v=="foreignObject"||a=="http://www.w3.org/1998/Math/MathML"&&gr.test(v))&&(a="http://www.w3.org/1999/xhtml"),_e(f,Yt(i)?i:[i],e,r,o,a,n,s,n?n[0]:r.__k&&tt(r,0),l,p),n&&n.some(at)),l&&v!="textarea"||(c="value",v=="progress"&&m==null?t.removeAttribute(c):m==null||m===t[c]&&(v!="progress"||m)||kt(t,c,m,$[c],a),c="checked",g!=null&&g!=t[c]&&kt(t,c,g,$[c],a))}else $===y||l&&t.data==y||(t.data=y);return t}function Kt(t,e,r,o){try{typeof t=="function"?e?e.__x=t(e)||1:o&&(o=o.__c||o.__e)&&(e=o.__x)&&(o.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(a){C.__e(a,r)}}function zt(t,e,r){var o,a,n,s;if(C.unmount&&C.unmount(t),!(o=t.ref)||o.current&&o.current!=t.__e||Kt(o,null,e,t),o=t.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(l){C.__e(l,e)}o.__P=o.__n=null}if(o=t.__k)for(s=0;s<o.length;s++)o[s]&&zt(o[s],e,typeof t.type!="function"||r&&!t.props.__P);!r&&(o=t.__c)&&(o=o.__z)&&(a=Ct(o,n=[]))&&(o==t.__e&&n.some(at),at(a),at(o)),r||at(t.__e),t.__e=t.__c=t.__=null}function Sr(t,e,r){return this.constructor(t,r)}function be(t,e){var r,o,a,n;C.__&&C.__(t,e),e.nodeType==9&&(e=e.documentElement),o=(r=t&&32&t.__u)?null:e.__k,e.__k=$t(Tt,{children:[t]}),a=[],n=[],Jt(e,e.__k,o||Et,Et,e.namespaceURI,o?null:e.firstChild?Vt.call(e.childNodes):null,a,o?o.__e:e.firstChild,r,n),ge(a,e.__k,n),e.__k.props.children=null}function ye(t){function e(r){var o,a;return this.getChildContext||(o=new Set,(a={})[e.__c]=this,this.getChildContext=function(){return a},this.shouldComponentUpdate=function(n){this.props.value!=n.value&&o.forEach(function(s){s.__g|=4,jt(s)})},this.sub=function(n){o.add(n);var s=n.componentWillUnmount;n.componentWillUnmount=function(){o.delete(n),s&&s.call(n)}}),r.children}return e.__c="__cC"+de++,e.__=t,e.Provider=(e.Consumer=function(r,o){return r.children(o)}).contextType=e,e}C={__e:function(t,e,r,o){for(var a,n,s;e=e.__;)if((a=e.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(n=a.constructor)&&n.getDerivedStateFromError)&&a.setState(n.getDerivedStateFromError(t)),a.componentDidCatch&&(a.componentDidCatch(t,o||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(l){t=l}}throw xt=0,t}},ce=0,$r=function(t){return t!=null&&t.constructor===gt},St.prototype.setState=function(t,e){var r=this.__s;r&&r!=this.state||(r=this.__s=it({},this.state)),typeof t=="function"&&(t=t(it({},r),this.props)),t&&(it(r,t),this.__v&&(e&&this.__k.push(e),jt(this)))},St.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),jt(this))},St.prototype.render=Tt,Z=[],xt=0,le=function(t,e){return t.__v.__b-e.__v.__b},wt=Symbol(),ue=/(PointerCapture)$|Capture$/i,Gt=0,Wt={},de=0;var ft,x,Qt,ve,Xt=Object.is,At=0,Ae=[],Zt=[],P=C,ke=P.__b,we=P.__r,Se=P.diffed,Ce=P.__c,xe=P.unmount,Ee=P.__;function It(t,e){P.__h&&P.__h(x,t,At||e),At=0;var r=x.__H||(x.__H={__:[],__h:[]});return t>=r.__.length&&r.__.push({}),r.__[t]}function k(t){return At=1,Cr(Ne,t)}function Cr(t,e,r){var o=It(ft++,2);if(o.t=t,!o.__c&&(o.__=[r?r(e):Ne(void 0,e),function(n){var s=(o.__N||o.__)[0],l=o.t(s,n);Xt(s,l)||(o.__N=[l,o.__[1]],o.__c.setState({}))}],o.__c=x,!x.__f)){x.__f=!0;var a=x.shouldComponentUpdate;x.shouldComponentUpdate=function(n,s,l){var p=this.__H;if(!p)return!0;var f=!1,c=this.props!=n;if(p.__.some(function(h){h.__N&&(f=!0,Xt(h.__[0],h.__N[0])||(c=!0))}),a){var _=a.call(this,n,s,l);return f?_||c:_}return!f||c}}return o.__}function A(t,e){var r=It(ft++,3);!P.__s&&Re(r.__H,e)&&(r.__P=!0,r.__=t,r.u=e,x.__H.__h.push(r))}function N(t){return At=5,xr(function(){return{current:t}},[])}function xr(t,e){var r=It(ft++,7);return Re(r.__H,e)&&(r.__=t(),r.__H=e),r.__}function Ie(t){var e=x.context[t.__c],r=It(ft++,9);return r.c=t,e?(r.__==null&&(r.__=!0,e.sub(x)),e.props.value):t.__}function Er(){var t;do{for(;t=Zt.shift();)try{bt(t)}catch(r){P.__e(r,{__:(t=t.__P)&&t.__v})}for(;t=Ae.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(bt),e.__h.some(te),e.__h=[]}catch(r){e.__h=[],P.__e(r,t.__v)}}}while(Zt.length)}P.__b=function(t){x=null,ke&&ke(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Ee&&Ee(t,e)},P.__r=function(t){we&&we(t),ft=0;var e=(x=t.__c).__H;e&&(Qt==x?x.__h=[]:(e.__h.some(bt),e.__h.some(te),ft=0),e.__h=[],e.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})),Qt=x},P.diffed=function(t){Se&&Se(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Te(Ae.push(e)),e.__H.__.some(function(r){r.u&&(r.__H=r.u)})),Qt=x=null},P.__c=function(t,e){e.some(function(r){try{r.__h.some(bt),r.__h=r.__h.filter(function(o){return!o.__||te(o)})}catch(o){r.__h=[function(){throw o}]}}),Ce&&Ce(t,e)},P.unmount=function(t){xe&&xe(t);var e,r,o=t.__c;o&&o.__H&&(o.__H.__.some(function(a){try{if(a.__P&&a.__c){if(r===void 0){for(r=t.__;r&&(!r.__c||!r.__c.__P);)r=r.__;r=r&&r.__c}a.__P=r,Te(Zt.push(a))}else bt(a)}catch(n){e=n}}),o.__H=void 0,e&&P.__e(e,o.__v))};var Pe=typeof requestAnimationFrame=="function";function Pr(t){var e,r=function(){clearTimeout(o),Pe&&cancelAnimationFrame(e),setTimeout(t)},o=setTimeout(r,35);Pe&&(e=requestAnimationFrame(r))}function Te(t){t!=1&&ve==P.requestAnimationFrame||((ve=P.requestAnimationFrame)||Pr)(Er)}function bt(t){var e=x,r=t.__c;typeof r=="function"&&(t.__c=void 0,r()),x=e}function te(t){var e=x;t.__c=t.__(),x=e}function Re(t,e){return!t||t.length!=e.length||e.some(function(r,o){return!Xt(r,t[o])})}function Ne(t,e){return typeof e=="function"?e(t):e}var Me=function(t,e,r,o){var a;e[0]=0;for(var n=1;n<e.length;n++){var s=e[n++],l=e[n]?(e[0]|=s?1:2,r[e[n++]]):e[++n];s===3?o[0]=l:s===4?o[1]=Object.assign(o[1]||{},l):s===5?(o[1]=o[1]||{})[e[++n]]=l:s===6?o[1][e[++n]]+=l+"":s?(a=t.apply(l,Me(t,l,r,["",null])),o.push(a),l[0]?e[0]|=2:(e[n-2]=0,e[n]=a)):o.push(l)}return o},Oe=new Map;function Le(t){var e=Oe.get(this);return e||(e=new Map,Oe.set(this,e)),(e=Me(this,e.get(t)||(e.set(t,e=(function(r){for(var o,a,n=1,s="",l="",p=[0],f=function(h){n===1&&(h||(s=s.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,h,s):n===3&&(h||s)?(p.push(3,h,s),n=2):n===2&&s==="..."&&h?p.push(4,h,0):n===2&&s&&!h?p.push(5,0,!0,s):n>=5&&((s||!h&&n===5)&&(p.push(n,0,s,a),n=6),h&&(p.push(n,h,0,a),n=6)),s=""},c=0;c<r.length;c++){c&&(n===1&&f(),f(c));for(var _=0;_<r[c].length;_++)o=r[c][_],n===1?o==="<"?(f(),p=[p],n=3):s+=o:n===4?s==="--"&&o===">"?(n=1,s=""):s=o+s[0]:l?o===l?l="":s+=o:o==='"'||o==="'"?l=o:o===">"?(f(),n=1):n&&(o==="="?(n=5,a=s,s=""):o==="/"&&(n<5||r[c][_+1]===">")?(f(),n===3&&(p=p[0]),n=p,(p=p[0]).push(2,0,n),n=0):o===" "||o==="	"||o===`
`||o==="\r"?(f(),n=2):s+=o),n===3&&s==="!--"&&(n=4,p=p[0])}return f(),p})(t)),e),arguments,[])).length>1?e:e[0]}var u=Le.bind(pe);function K(t){let e=t,r=new Set;return{get:()=>e,set(o){if(o!==e){e=o;for(let a of r)a(e)}},subscribe(o){return r.add(o),()=>r.delete(o)}}}function T(t){let[,e]=k(0);return A(()=>t.subscribe(()=>e(r=>r+1)),[t]),t.get()}function qe(t){return{path:t.pathname,query:new URLSearchParams(t.search),href:t.pathname+t.search}}var Tr=t=>!/^\/(api|_[a-z]+)(\/|$)/.test(t)&&!/\.[a-z0-9]+$/i.test(t);function De(t){let e=K(qe(t.location)),r=()=>e.set(qe(t.location));function o(a,{replace:n=!1}={}){let s=new URL(a,t.location.href);s.pathname+s.search===e.get().href&&!n||(t.history[n?"replaceState":"pushState"](null,"",s.pathname+s.search+s.hash),r())}return t.addEventListener("popstate",r),t.document.addEventListener("click",a=>{if(a.defaultPrevented||a.button!==0||a.metaKey||a.ctrlKey||a.shiftKey||a.altKey)return;let n=a.target.closest?.("a[href]");if(!n||n.target||n.hasAttribute("download"))return;let s=new URL(n.href,t.location.href);s.origin!==t.location.origin||!Tr(s.pathname)||s.pathname===t.location.pathname&&s.search===t.location.search&&s.hash||(a.preventDefault(),o(s.pathname+s.search))}),{store:e,navigate:o}}function Ue(t,e){let r=t.split("/"),o=e.replace(/\/+$/,"").split("/");if(t==="/")return e==="/"?{}:null;if(r.length!==o.length)return null;let a={};for(let n=0;n<r.length;n++)if(r[n].startsWith(":")){if(!o[n])return null;try{a[r[n].slice(1)]=decodeURIComponent(o[n])}catch{return null}}else if(r[n]!==o[n])return null;return a}function Fe(t){return typeof t=="string"&&t.startsWith("/")&&!t.startsWith("//")&&!t.startsWith("/\\")?t:"/"}var H=t=>`/login?next=${encodeURIComponent(t)}`;function ct(t,e){try{let r=t?.getItem(e);return r?JSON.parse(r):null}catch{return null}}function et(t,e,r){try{r==null?t?.removeItem(e):t?.setItem(e,JSON.stringify(r))}catch{}}function Rt(t,e,r){let o=a=>{(a.key===e||a.key===null)&&r()};return t.addEventListener("storage",o),()=>t.removeEventListener("storage",o)}var yt="bookshop.session.v1",Ar="admin";function Be(t){try{let e=String(t).split(".")[1].replace(/-/g,"+").replace(/_/g,"/"),r=Uint8Array.from(atob(e.padEnd(e.length+(4-e.length%4)%4,"=")),o=>o.charCodeAt(0));return JSON.parse(new TextDecoder().decode(r))}catch{return null}}function ee(t){if(!t?.accessToken||!t?.refreshToken)return null;let e=Be(t.accessToken);if(!e?.sub)return null;let r=Be(t.idToken)||{},o=e["cognito:groups"]||[];return{tokens:t,userId:e.sub,email:r.email||"",isAdmin:Array.isArray(o)&&o.includes(Ar),expiresAt:(e.exp||0)*1e3}}function He(t){let e=t.localStorage,r=K(ee(ct(e,yt)));return Rt(t,yt,()=>r.set(ee(ct(e,yt)))),{...r,signIn(o){let a=r.get()?.tokens,n={accessToken:o.accessToken,idToken:o.idToken||a?.idToken||"",refreshToken:o.refreshToken||a?.refreshToken||""};et(e,yt,n),r.set(ee(n))},signOut(){et(e,yt,null),r.set(null)}}}var Nt="bookshop.cart.v1",Ot="bookshop.checkout.v1",lt=10,re=25,mt=t=>Math.max(0,Math.min(lt,t));function We(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.bookId=="string"&&Number.isInteger(e.qty)&&e.qty>0).slice(0,re).map(e=>({...e,qty:Math.min(e.qty,lt)})):[]}function Ir(t){if(t.randomUUID)return t.randomUUID();let e=t.getRandomValues(new Uint8Array(16));e[6]=e[6]&15|64,e[8]=e[8]&63|128;let r=[...e].map(o=>o.toString(16).padStart(2,"0")).join("");return`${r.slice(0,8)}-${r.slice(8,12)}-${r.slice(12,16)}-${r.slice(16,20)}-${r.slice(20)}`}function je(t){let e=t.localStorage,r=K(We(ct(e,Nt)?.items));Rt(t,Nt,()=>r.set(We(ct(e,Nt)?.items)));let o=n=>{et(e,Nt,{items:n}),r.set(n)},a=n=>r.get().find(s=>s.bookId===n);return{...r,count:()=>r.get().reduce((n,s)=>n+s.qty,0),qtyOf:n=>a(n)?.qty||0,add(n,s){let l=mt(n.stock),p=a(n.id);if(!p&&r.get().length>=re)throw new Error(`An order holds at most ${re} different books.`);let f=Math.min(l,(p?.qty||0)+s);if(f<1)throw new Error("This book is out of stock.");let c={bookId:n.id,qty:f,title:n.title,priceCents:n.priceCents,currency:n.currency,maxQty:l};return o(p?r.get().map(_=>_.bookId===n.id?c:_):[...r.get(),c]),f},setQty(n,s){let l=Math.max(1,Math.min(lt,Math.trunc(s)||1));o(r.get().map(p=>p.bookId===n?{...p,qty:l}:p))},refresh(n){a(n.id)&&o(r.get().map(s=>s.bookId===n.id?{...s,title:n.title,priceCents:n.priceCents,currency:n.currency,maxQty:mt(n.stock)}:s))},remove(n){o(r.get().filter(s=>s.bookId!==n))},checkoutAttempt(){let n=r.get().map(({bookId:p,qty:f})=>({bookId:p,qty:f})),s=ct(e,Ot);if(s?.key&&JSON.stringify(s.items)===JSON.stringify(n))return s;let l={key:Ir(t.crypto),items:n};return et(e,Ot,l),l},forgetAttempt(){et(e,Ot,null)},checkedOut(){et(e,Ot,null),o([])}}}var Rr="/api";var ut=class extends Error{constructor(e,r={}){super(r.detail||r.title||`The request failed (${e}).`),this.name="ApiError",this.status=e,this.title=r.title||"",this.detail=r.detail||"",this.problem=r,this.fields={};for(let o of Array.isArray(r.errors)?r.errors:[])o&&o.field&&(this.fields[o.field]=o.message)}},Ge=()=>new ut(0,{title:"Network error",detail:"The shop could not be reached. Check your connection and try again."}),vt=t=>t?.name==="AbortError",Mt=t=>({"If-Match":`"${t}"`}),U=encodeURIComponent;function Lt(t){let e=new URLSearchParams;for(let[o,a]of Object.entries(t))a!=null&&a!==""&&e.set(o,String(a));let r=e.toString();return r?`?${r}`:""}var Nr=new Set(["content-length","host","connection","accept-encoding","cookie"]);function Ye({session:t,onUnauthorized:e,fetch:r=globalThis.fetch.bind(globalThis),XHR:o=globalThis.XMLHttpRequest,setTimeout:a=globalThis.setTimeout.bind(globalThis)}){let n=null;async function s(i,d,{body:m,headers:g={},token:b,signal:$}={}){let y={Accept:"application/json, application/problem+json",...g};m!==void 0&&(y["Content-Type"]="application/json"),b&&(y.Authorization=`Bearer ${b}`);let v;try{v=await r(Rr+d,{method:i,headers:y,body:m===void 0?void 0:JSON.stringify(m),signal:$})}catch(ot){throw vt(ot)?ot:Ge()}let q=await v.text().catch(()=>""),B=null;if(q)try{B=JSON.parse(q)}catch{B=null}if(!v.ok)throw new ut(v.status,B&&typeof B=="object"?B:{});return{status:v.status,data:B,headers:v.headers}}function l(){let i=t.get();return i?(n||(n=s("POST","/auth/refresh",{body:{refreshToken:i.tokens.refreshToken}}).then(({data:d})=>(t.signIn(d),t.get())).finally(()=>{n=null})),n):Promise.reject(new ut(401,{title:"Not signed in"}))}async function p(){let i=t.get();if(!i)return null;if(i.expiresAt-Date.now()<6e4)try{i=await l()}catch(d){if(d.status===401||d.status===400)return f();throw d}return i.tokens.accessToken}function f(){throw t.signOut(),e?.(),new ut(401,{title:"Signed out",detail:"Your session has ended: sign in again."})}async function c(i,d,{auth:m="none",body:g,headers:b,signal:$}={}){let y;if(m==="required"&&(y=await p(),!y))return f();try{return(await s(i,d,{body:g,headers:b,token:y,signal:$})).data}catch(v){if(m==="required"&&v.status===401)return f();throw v}}let _=null;function h(){clearTimeout(_);let i=t.get();if(!i)return;let d=Math.max(0,i.expiresAt-Date.now()-6e4);_=a(()=>{l().catch(m=>{(m.status===401||m.status===400)&&t.signOut()})},Math.min(d,2**31-1))}return t.subscribe(h),h(),{listBooks:({category:i,sort:d,limit:m,cursor:g}={},b)=>c("GET",`/books${Lt({category:i,sort:d,limit:m,cursor:g})}`,{signal:b}),getBook:(i,d)=>c("GET",`/books/${U(i)}`,{signal:d}),createBook:i=>c("POST","/books",{auth:"required",body:i}),updateBook:(i,d,m)=>c("PUT",`/books/${U(i)}`,{auth:"required",body:m,headers:Mt(d)}),deleteBook:(i,d)=>c("DELETE",`/books/${U(i)}`,{auth:"required",headers:Mt(d)}),requestCoverUpload:(i,d,m)=>c("POST",`/books/${U(i)}/cover`,{auth:"required",body:{contentType:d,contentLength:m}}),uploadFile:(i,d,m)=>new Promise((g,b)=>{let $=new o;$.open(i.method||"PUT",i.uploadUrl);for(let[y,v]of Object.entries(i.headers||{}))Nr.has(y.toLowerCase())||$.setRequestHeader(y,v);$.upload.onprogress=y=>y.lengthComputable&&m?.(y.loaded/y.total),$.onload=()=>$.status>=200&&$.status<300?g():b(new ut($.status,{title:"Upload refused",detail:`The storage service refused the upload (${$.status}).`})),$.onerror=()=>b(Ge()),$.send(d)}),listReviews:(i,{cursor:d,limit:m}={},g)=>c("GET",`/books/${U(i)}/reviews${Lt({cursor:d,limit:m})}`,{signal:g}),getMyReview:(i,d)=>c("GET",`/books/${U(i)}/reviews/mine`,{auth:"required",signal:d}).catch(m=>{if(m.status===404)return null;throw m}),addReview:(i,d)=>c("POST",`/books/${U(i)}/reviews`,{auth:"required",body:d}),editReview:(i,d,m)=>c("PUT",`/books/${U(i)}/reviews/mine`,{auth:"required",body:m,headers:Mt(d)}),deleteReview:(i,d)=>c("DELETE",`/books/${U(i)}/reviews/mine`,{auth:"required",headers:Mt(d)}),checkout:i=>c("POST","/orders",{auth:"required",body:{items:i.items},headers:{"Idempotency-Key":i.key}}),listMyOrders:({cursor:i,limit:d}={},m)=>c("GET",`/orders${Lt({cursor:i,limit:d})}`,{auth:"required",signal:m}),getOrder:(i,d)=>c("GET",`/orders/${U(i)}`,{auth:"required",signal:d}),cancelOrder:i=>c("POST",`/orders/${U(i)}/cancel`,{auth:"required"}),listAllOrders:({status:i,cursor:d,limit:m}={},g)=>c("GET",`/admin/orders${Lt({status:i,cursor:d,limit:m})}`,{auth:"required",signal:g}),setOrderStatus:(i,d)=>c("POST",`/admin/orders/${U(i)}/status`,{auth:"required",body:{status:d}}),register:(i,d,m)=>c("POST","/auth/register",{body:m?{email:i,password:d,name:m}:{email:i,password:d}}),confirm:(i,d)=>c("POST","/auth/confirm",{body:{email:i,code:d}}),resendCode:i=>c("POST","/auth/resend",{body:{email:i}}),login:async(i,d)=>t.signIn(await c("POST","/auth/login",{body:{email:i,password:d}})),signOut:async()=>{let i=t.get()?.tokens?.refreshToken;t.signOut(),i&&await s("POST","/auth/logout",{body:{refreshToken:i}}).catch(()=>{})}}}var oe=ye(null),w=()=>Ie(oe);var Or=["/login","/register","/confirm"];function qt({href:t,current:e,children:r,testid:o}){let a=t==="/"?e==="/"||e.startsWith("/books/"):e===t||e.startsWith(`${t}/`);return u`<a href=${t} aria-current=${a?"page":void 0} data-testid=${o}>${r}</a>`}function Ve(){let{router:t,session:e,cart:r,api:o,notify:a}=w(),n=T(t.store),s=T(e);T(r);let l=r.count(),p=()=>{o.signOut(),a("You are signed out."),t.navigate("/")};return u`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${qt} href="/" current=${n.path}>Books<//>
        ${s&&u`<${qt} href="/orders" current=${n.path} testid="nav-orders">My orders<//>`}
        ${s?.isAdmin&&u`<${qt} href="/admin/books" current=${n.path} testid="nav-admin-books">Manage books<//>
          <${qt} href="/admin/orders" current=${n.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${n.path==="/cart"?"page":void 0}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${l}</span><span class="visually-hidden">${l===1?" item":" items"}</span>
        </a>
        ${s?u`<span class="account" data-testid="account">
              <span class="account__email" title=${s.email}>${s.email||"Signed in"}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${p}>Sign out</button>
            </span>`:u`<a class="button button--quiet" href=${Or.includes(n.path)?"/login":H(n.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`}function dt(t,e){let[r,o]=k({status:"loading",data:void 0,error:null}),[a,n]=k(0),s=JSON.stringify(e),l=N(s);return A(()=>{let p=new AbortController,f=l.current===s;return l.current=s,o(c=>({status:"loading",data:f?c.data:void 0,error:null})),t(p.signal).then(c=>p.signal.aborted||o({status:"ready",data:c,error:null}),c=>p.signal.aborted||vt(c)||o({status:"error",data:void 0,error:c})),()=>p.abort()},[s,a]),{...r,reload:()=>n(p=>p+1),set:p=>o({status:"ready",data:p,error:null})}}function j(t,e){let[r,o]=k({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),[a,n]=k(0),s=N(null),l=JSON.stringify(e);A(()=>{let f=new AbortController;return s.current=f,o({status:"loading",items:[],cursor:null,error:null,moreStatus:"idle"}),t(void 0,f.signal).then(c=>f.signal.aborted||o({status:"ready",items:c.items||[],cursor:c.nextCursor,error:null,moreStatus:"idle"}),c=>f.signal.aborted||vt(c)||o(_=>({..._,status:"error",error:c}))),()=>f.abort()},[l,a]);let p=()=>{let f=s.current;return o(c=>({...c,moreStatus:"loading",moreError:null})),t(r.cursor,f.signal).then(c=>{if(f.signal.aborted)return 0;let _=c.items||[];return o(h=>({...h,items:[...h.items,..._],cursor:c.nextCursor,moreStatus:"idle"})),_.length},c=>(!f.signal.aborted&&!vt(c)&&o(_=>({..._,moreStatus:"error",moreError:c})),0))};return{...r,more:!!r.cursor,loadMore:p,reload:()=>n(f=>f+1),update:f=>o(c=>({...c,items:f(c.items)}))}}var Je=new Map;function G(t,e="USD"){let r=Je.get(e);if(!r){try{r=new Intl.NumberFormat(void 0,{style:"currency",currency:e})}catch{r=new Intl.NumberFormat(void 0,{style:"currency",currency:"USD"})}Je.set(e,r)}return r.format(t/100)}var Mr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium"}),Lr=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Dt=t=>t?Mr.format(new Date(t)):"",_t=t=>t?Lr.format(new Date(t)):"",qr=5;function Ke(t){return t<=0?{kind:"out",label:"Out of stock"}:t<=qr?{kind:"low",label:`Only ${t} left`}:{kind:"in",label:"In stock"}}function pt(t){let e=String(t||"").replace(/-/g," ").trim();return e?e[0].toUpperCase()+e.slice(1):""}var ze=(t,e,r=e+"s")=>`${t} ${t===1?e:r}`,Y=t=>String(t).slice(-8);function Qe(t){let e=/^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(t);return e?Number(e[1])*100+Number((e[2]||"0").padEnd(2,"0")):null}var Xe=t=>(t/100).toFixed(2);function S({title:t,children:e}){let{titleFocus:r}=w(),o=N(null);return A(()=>{document.title=t?`${t} · Bookshop`:"Bookshop"},[t]),A(()=>{let a=document.activeElement;r.afterNavigation&&(!a||a===document.body||a.tagName==="H1")&&o.current?.focus({preventScroll:!0})},[]),u`<h1 tabindex="-1" class="page-title" ref=${o}>${e||t}</h1>`}function I({label:t="Loading…"}){return u`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${t}</p>`}function R({error:t,retry:e,what:r="this page"}){return u`<div class="state state--error" role="alert">
    <p><strong>Could not load ${r}.</strong> ${t?.message||""}</p>
    ${e&&u`<button type="button" class="button" onClick=${e}>Try again</button>`}
  </div>`}function F({children:t}){return u`<div class="state state--empty">${t}</div>`}function O({kind:t="info",children:e,testid:r}){return u`<div class="alert alert--${t}" role=${t==="error"?"alert":"status"} data-testid=${r}>${e}</div>`}function E({id:t,label:e,hint:r,error:o,control:a}){let n=[r&&`${t}-hint`,o&&`${t}-error`].filter(Boolean).join(" ")||void 0;return u`<div class=${o?"field field--invalid":"field"}>
    <label for=${t}>${e}</label>
    ${a({id:t,name:t,"aria-describedby":n,"aria-invalid":o?"true":void 0})}
    ${r&&u`<p class="hint" id=${`${t}-hint`}>${r}</p>`}
    ${o&&u`<p class="field-error" id=${`${t}-error`}>${o}</p>`}
  </div>`}function M({error:t,shown:e=[]}){if(!t)return null;let r=Object.entries(t.fields||{}).filter(([o])=>!e.includes(o));return u`<div class="alert alert--error" role="alert">
    <p>${t.message}</p>
    ${r.length>0&&u`<ul>${r.map(([o,a])=>u`<li key=${o}>${o}: ${a}</li>`)}</ul>`}
  </div>`}var z=({cents:t,currency:e})=>u`<span class="price">${G(t,e)}</span>`;function ne({value:t,label:e}){let r=Math.round(t);return u`<span class="stars"><span aria-hidden="true">${"★".repeat(r)}${"☆".repeat(5-r)}</span><span class="visually-hidden">${e}</span></span>`}function Ut({rating:t}){let e=t?.count||0;if(!e)return u`<span class="rating rating--none">No reviews yet</span>`;let r=t.average.toFixed(1);return u`<span class="rating"><${ne} value=${t.average} label=${`Rated ${r} out of 5`} /> <span>${r}</span>${" "}<span class="muted"
    >(${e} ${e===1?"review":"reviews"})</span></span>`}function Ft({stock:t}){let e=Ke(t);return u`<span class=${`stock stock--${e.kind}`}>${e.label}</span>`}function Dr(t){let e=0;for(let r of String(t))e=e*31+r.charCodeAt(0)>>>0;return e%8}function W({book:t,eager:e=!1,size:r="thumb",timing:o}){let a=t.cover,[n,s]=k(!1),l=r==="large"?300:200,p=r==="large"?420:280,f="",c;return a&&!n&&(r==="large"?f=a.url||a.thumbnail2xUrl||a.thumbnailUrl||"":a.thumbnailUrl&&(f=a.thumbnailUrl,c=a.thumbnail2xUrl?`${a.thumbnailUrl} 1x, ${a.thumbnail2xUrl} 2x`:void 0)),f?u`<img class=${`cover cover--${r}`} src=${f} srcset=${c} width=${l} height=${p}
    alt=${r==="large"?`Cover of ${t.title}`:""} loading=${e?"eager":"lazy"} decoding="async" elementtiming=${o}
    onError=${()=>s(!0)} />`:u`<div class=${`cover cover--${r} cover--placeholder cover--hue-${Dr(t.id)}`} aria-hidden="true">
      <span class="cover__title">${t.title}</span><span class="cover__author">${t.author}</span>
    </div>`}function V({pager:t,label:e="Load more",testid:r="load-more"}){return!t.more&&t.moreStatus!=="error"?null:u`<div class="load-more">
    ${t.moreStatus==="error"&&u`<p class="field-error" role="alert">${t.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${r} disabled=${t.moreStatus==="loading"}
      aria-busy=${t.moreStatus==="loading"?"true":void 0} onClick=${t.loadMore}>
      ${t.moreStatus==="loading"?"Loading…":e}
    </button>
  </div>`}var Ur={PENDING:"Pending",CONFIRMED:"Confirmed",SHIPPED:"Shipped",DELIVERED:"Delivered",CANCELLED:"Cancelled"},ht=t=>Ur[t]||t,Bt=({status:t})=>u`<span class=${`badge badge--${String(t).toLowerCase()}`}>${ht(t)}</span>`;function rt(t){let[e,r]=k(t);return[e,a=>({value:e[a],onInput:n=>{let s=n.currentTarget.value;r(l=>({...l,[a]:s}))}}),r]}function L(t){let[e,r]=k(!1),[o,a]=k(null),n=N(!0);return A(()=>()=>n.current=!1,[]),{busy:e,error:o,submit:async l=>{l?.preventDefault?.(),r(!0),a(null);try{await t()}catch(p){n.current&&a(p)}finally{n.current&&r(!1)}},setError:a}}var Fr=12,Br=4;function Hr({book:t,eager:e}){return u`<li class="book-card" data-testid="book-card" data-book-id=${t.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(t.id)}`}>
      <${W} book=${t} eager=${e} timing="cover" />
      <h2 class="book-card__title">${t.title}</h2>
    </a>
    <p class="book-card__author">${t.author}</p>
    <p class="book-card__meta"><${z} cents=${t.priceCents} currency=${t.currency} /> <${Ft} stock=${t.stock} /></p>
    <p class="book-card__rating"><${Ut} rating=${t.rating} /></p>
  </li>`}function Ze({query:t}){let{api:e,router:r,categories:o}=w(),a=t.get("category")||"",n=t.get("sort")==="title"?"title":"newest",s=T(o),l=a&&!s.includes(a)?[...s,a].sort():s,p=N(null),f=j((i,d)=>e.listBooks({category:a,sort:n,limit:Fr,cursor:i},d).then(m=>(o.see(m.items||[]),m)),[a,n]),c=(i,d)=>{let m=new URLSearchParams(t);d?m.set(i,d):m.delete(i),m.delete("cursor");let g=m.toString();r.navigate(g?`/?${g}`:"/")},_=async()=>{let i=f.items.length;await f.loadMore()>0&&requestAnimationFrame(()=>p.current?.querySelectorAll(".book-card__link")[i]?.focus())},h=a?pt(a):"All books";return u`<section class="catalog">
    <div class="page-head">
      <${S} title=${h} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${a} onChange=${i=>c("category",i.currentTarget.value)}>
            <option value="">All categories</option>
            ${l.map(i=>u`<option key=${i} value=${i}>${pt(i)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${n} onChange=${i=>c("sort",i.currentTarget.value==="newest"?"":i.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${f.status==="loading"&&u`<${I} label="Loading books…" />`}
    ${f.status==="error"&&u`<${R} error=${f.error} retry=${f.reload} what="the books" />`}
    ${f.status==="ready"&&f.items.length===0&&u`<${F}><p>${a?`No books in ${h} yet.`:"The shop has no books yet."}</p>
      ${a&&u`<p><a href="/">Show all books</a></p>`}<//>`}
    ${f.items.length>0&&u`<ul class="book-grid" ref=${p} aria-label="Books">
      ${f.items.map((i,d)=>u`<${Hr} key=${i.id} book=${i} eager=${d<Br} />`)}
    </ul>`}
    <${V} pager=${{...f,loadMore:_}} label="Load more books" />
  </section>`}function Q({what:t="page"}){return u`<section class="notice-page" data-testid="not-found">
    <${S} title=${`${t[0].toUpperCase()}${t.slice(1)} not found`} />
    <p>We could not find this ${t}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`}var Wr=5,tr=2e3;function jr({book:t}){let{cart:e,notify:r}=w();T(e);let o=e.qtyOf(t.id),a=mt(t.stock)-o,[n,s]=k(1),[l,p]=k("");return t.stock<=0?u`<p class="add-to-cart__note">This book is out of stock.</p>`:u`<form class="add-to-cart" onSubmit=${c=>{c.preventDefault();try{let _=Math.max(1,Math.min(a,n)),h=e.add(t,_);p(""),s(1),r(`Added ${_} × ${t.title} to your cart (${h} in cart).`)}catch(_){p(_.message)}}} aria-label="Add to cart">
    ${a>0?u`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${a} step="1" value=${n} data-testid="add-qty"
              onInput=${c=>s(Number.parseInt(c.currentTarget.value,10)||1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`:u`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${o>0&&u`<p class="add-to-cart__note" data-testid="in-cart">${o} in your cart · <a href="/cart">View cart</a></p>`}
    ${l&&u`<p class="field-error" role="alert">${l}</p>`}
  </form>`}function er({review:t}){return u`<li class="review" data-testid="review">
    <p class="review__head"><${ne} value=${t.rating} label=${`${t.rating} out of 5 stars`} />
      <strong>${t.author||"A reader"}</strong> <span class="muted">${Dt(t.createdAt)}</span></p>
    ${t.text&&u`<p class="review__text">${t.text}</p>`}
  </li>`}function Gr({bookId:t,mine:e,onSaved:r,onCancel:o}){let{api:a,notify:n}=w(),[s,l]=k(e?.rating||0),[p,f]=k(e?.text||""),[c,_]=k(!1),[h,i]=k(null),[d,m]=k(!1);return u`<form class="review-form" data-testid="review-form" onSubmit=${async b=>{if(b.preventDefault(),!s){i({message:"Choose a rating from 1 to 5 stars.",fields:{rating:"Choose a rating."}});return}_(!0),i(null);try{let $=e?await a.editReview(t,e.version,{rating:s,text:p}):await a.addReview(t,{rating:s,text:p});n(e?"Your review is updated.":"Thank you for your review."),r($)}catch($){($.status===412||$.status===409)&&m(!0),i($)}finally{_(!1)}}} noValidate>
    <fieldset class=${h?.fields?.rating?"field field--invalid":"field"}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1,2,3,4,5].map(b=>u`<label key=${b}><input type="radio" name="rating" value=${b} checked=${s===b} data-testid=${`review-rating-${b}`}
            onChange=${()=>l(b)} /> ${b} ${b===1?"star":"stars"}</label>`)}
      </div>
      ${h?.fields?.rating&&u`<p class="field-error">${h.fields.rating}</p>`}
    </fieldset>
    <${E} id="review-text" label="Your review (optional)" hint=${`Up to ${tr} characters.`} error=${h?.fields?.text}
      control=${b=>u`<textarea ...${b} rows="4" maxlength=${tr} value=${p} data-testid="review-text"
        onInput=${$=>f($.currentTarget.value)}></textarea>`} />
    <${M} error=${h} shown=${["rating","text"]} />
    ${d&&u`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${o}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${c} data-testid="review-submit">${e?"Save review":"Post review"}</button>
      ${e&&u`<button type="button" class="button" onClick=${o}>Cancel</button>`}
    </div>
  </form>`}function Yr(t,e,r){let{api:o}=w(),[a,n]=k(void 0),s=r.items.find(_=>_.userId===e),l=a===void 0&&!s&&(r.status==="error"||r.status==="ready"&&r.more),p=dt(_=>l?o.getMyReview(t,_):Promise.resolve(null),[t,l]),c={reload:()=>{n(void 0),r.reload(),p.reload()},set:n,error:null};return a!==void 0?{...c,status:"ready",data:a}:s?{...c,status:"ready",data:s}:l?{...c,status:p.status,data:p.data,error:p.error}:r.status==="loading"?{...c,status:"loading",data:void 0}:{...c,status:"ready",data:null}}function Vr({bookId:t,userId:e,pager:r,onChange:o}){let{api:a,notify:n}=w(),s=Yr(t,e,r),[l,p]=k(!1),[f,c]=k(!1),{error:_,submit:h}=L(async()=>{await a.deleteReview(t,s.data.version),s.set(null),c(!1),n("Your review is deleted."),o()});if(s.status==="loading"&&s.data===void 0)return u`<${I} label="Loading your review…" />`;if(s.status==="error")return u`<${R} error=${s.error} retry=${s.reload} what="your review" />`;let i=d=>{s.set(d),p(!1),o()};return!s.data||l?u`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${s.data?"Edit your review":"Write a review"}</h3>
      <${Gr} bookId=${t} mine=${s.data} onSaved=${i}
        onCancel=${()=>{p(!1),s.reload()}} />
    </section>`:u`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${er} review=${s.data} /></ul>
    <${M} error=${_} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${()=>p(!0)}>Edit</button>
      ${f?u`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${h}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>c(!1)}>Keep it</button></span>`:u`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${()=>c(!0)}>Delete</button>`}
    </div>
  </section>`}function Jr({book:t,onChange:e}){let{api:r,session:o,router:a}=w(),n=T(o),s=T(a.store),l=j((c,_)=>r.listReviews(t.id,{cursor:c,limit:Wr},_),[t.id]),p=()=>{l.reload(),e()},f=n?l.items.filter(c=>c.userId!==n.userId):l.items;return u`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${n?u`<${Vr} bookId=${t.id} userId=${n.userId} pager=${l} onChange=${p} />`:u`<p><a href=${H(s.href)}>Sign in</a> to write a review.</p>`}
    ${l.status==="loading"&&u`<${I} label="Loading reviews…" />`}
    ${l.status==="error"&&u`<${R} error=${l.error} retry=${l.reload} what="the reviews" />`}
    ${l.status==="ready"&&f.length===0&&u`<${F}><p>${l.items.length?"No other reviews yet.":"No reviews yet."}</p><//>`}
    ${f.length>0&&u`<ul class="reviews" aria-label="Reviews by readers">${f.map(c=>u`<${er} key=${c.userId} review=${c} />`)}</ul>`}
    <${V} pager=${l} label="More reviews" testid="reviews-load-more" />
  </section>`}function rr({params:t}){let{api:e}=w(),r=dt(a=>e.getBook(t.id,a),[t.id]);if(r.status==="error"&&r.error.status===404)return u`<${Q} what="book" />`;let o=r.data;return o?u`<article class="book" data-testid="book" data-book-id=${o.id}>
    <div class="book__cover"><${W} book=${o} size="large" eager=${!0} /></div>
    <div class="book__body">
      <${S} title=${o.title} />
      <p class="book__author">by ${o.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(o.category)}`}>${pt(o.category)}</a></p>
      <p class="book__rating"><${Ut} rating=${o.rating} /></p>
      <p class="book__buy"><span class="book__price"><${z} cents=${o.priceCents} currency=${o.currency} /></span> <${Ft} stock=${o.stock} /></p>
      <${jr} book=${o} />
      ${o.description&&u`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${o.description}</p></div>`}
    </div>
    <div class="book__reviews"><${Jr} book=${o} onChange=${r.reload} /></div>
    ${r.status==="error"&&u`<${O} kind="error">${r.error.message}<//>`}
  </article>`:u`<section>
      <${S} title=${r.status==="error"?"Book":"Loading book…"} />
      ${r.status==="error"?u`<${R} error=${r.error} retry=${r.reload} what="the book" />`:u`<${I} label="Loading book…" />`}
    </section>`}function Kr(t){let{api:e,cart:r}=w(),[o,a]=k({}),[n,s]=k(!1),[l,p]=k(0),f=[...t].sort().join(",");return A(()=>{let c=new AbortController;return s(!1),Promise.allSettled(t.map(_=>e.getBook(_,c.signal))).then(_=>{if(c.signal.aborted)return;let h={};_.forEach((i,d)=>{i.status==="fulfilled"?(h[t[d]]=i.value,r.refresh(i.value)):i.reason?.status===404?h[t[d]]="missing":s(!0)}),a(h)}),()=>c.abort()},[f,l]),{books:o,failed:n,reload:()=>p(c=>c+1)}}function zr({line:t,max:e}){let{cart:r,notify:o}=w(),a=`qty-${t.bookId}`,n=s=>{let l=Math.max(1,Math.min(e||lt,s));l!==t.qty&&(r.setQty(t.bookId,l),o(`${t.title}: quantity ${l}.`))};return u`<div class="qty" role="group" aria-label=${`Quantity of ${t.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${t.title}`} disabled=${t.qty<=1}
      data-testid="qty-decrease" onClick=${()=>n(t.qty-1)}>−</button>
    <label class="visually-hidden" for=${a}>Quantity</label>
    <input id=${a} type="number" inputmode="numeric" min="1" max=${e||lt} value=${t.qty} data-testid="qty-input"
      onChange=${s=>n(Number.parseInt(s.currentTarget.value,10)||1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${t.title}`} disabled=${t.qty>=(e||lt)}
      data-testid="qty-increase" onClick=${()=>n(t.qty+1)}>+</button>
  </div>`}function or(t,e){return e==="missing"?"This book is no longer available: remove it to check out.":e?e.stock<=0?"Out of stock: remove it to check out.":t.qty>e.stock?`Only ${e.stock} left: lower the quantity to check out.`:"":""}function Qr({blocked:t,onShortStock:e}){let{api:r,cart:o,session:a,router:n,notify:s}=w(),l=T(a),[p,f]=k(!1),[c,_]=k(null),h=N(!1);if(!l)return u`<p class="checkout"><a class="button button--primary" href=${H("/cart")} data-testid="checkout-sign-in">Sign in to check out</a></p>`;let i=async()=>{if(h.current)return;h.current=!0,f(!0),_(null);let d=o.checkoutAttempt();try{let m=await r.checkout(d);o.checkedOut(),s("Thank you! Your order is placed."),n.navigate(`/orders/${encodeURIComponent(m.id)}?placed=1`)}catch(m){m.status===409&&Array.isArray(m.problem.outOfStock)&&e(m.problem.outOfStock),m.status===422&&o.forgetAttempt(),_(m)}finally{h.current=!1,f(!1)}};return u`<div class="checkout">
    ${c&&!Array.isArray(c.problem?.outOfStock)&&u`<${O} kind="error" testid="checkout-error"><p>${c.message}</p>
      ${c.status===0&&u`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${p||t}
      aria-busy=${p?"true":void 0} onClick=${i}>${p?"Placing your order…":"Check out"}</button>
  </div>`}function nr(){let{cart:t,notify:e}=w(),r=T(t),{books:o,failed:a,reload:n}=Kr(r.map(d=>d.bookId)),[s,l]=k({});if(r.length===0)return u`<section class="cart">
      <${S} title="Your cart" />
      <${F}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;let p=d=>{t.remove(d.bookId),e(`Removed ${d.title} from your cart.`)},f=r.map(d=>{let m=o[d.bookId],g=m&&m!=="missing"?m:null,b=g?g.priceCents:d.priceCents,$=g?g.currency:d.currency,y=s[d.bookId]===d.qty;return{line:d,book:m,unit:b,currency:$,isShort:y,problem:or(d,m)||(y?"Not enough in stock for this quantity.":"")}}),c={};for(let d of f)d.book!=="missing"&&(c[d.currency]=(c[d.currency]||0)+d.unit*d.line.qty);let _=f.some(d=>or(d.line,d.book))||f.some(d=>d.book===void 0&&!a),h=f.filter(d=>d.isShort).map(d=>d.line.title),i=d=>{l(Object.fromEntries(r.filter(m=>d.includes(m.bookId)).map(m=>[m.bookId,m.qty]))),n()};return u`<section class="cart">
    <${S} title="Your cart" />
    ${h.length>0&&u`<${O} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${h.join(", ")}. Lower the quantity or remove ${h.length===1?"it":"them"}, then check out again.</p><//>`}
    ${a&&u`<${O} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${n}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${f.map(({line:d,book:m,unit:g,currency:b,problem:$})=>u`<li key=${d.bookId} class=${$?"cart-line cart-line--problem":"cart-line"} data-testid="cart-line" data-book-id=${d.bookId}>
          <div class="cart-line__cover">${m&&m!=="missing"?u`<${W} book=${m} />`:u`<${W} book=${{id:d.bookId,title:d.title,author:""}} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(d.bookId)}`}>${d.title}</a></h2>
            <p class="muted"><${z} cents=${g} currency=${b} /> each</p>
            ${$&&u`<p class="field-error" data-testid="line-problem">${$}</p>`}
            <div class="cart-line__controls">
              ${m!=="missing"&&u`<${zr} line=${d} max=${m?mt(m.stock)||1:d.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${d.title} from your cart`}
                onClick=${()=>p(d)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${z} cents=${g*d.qty} currency=${b} /></p>
        </li>`)}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(c).map(([d,m])=>G(m,d)).join(" + ")}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${Qr} blocked=${_} onShortStock=${i} />
    </div>
  </section>`}var Xr=10;function sr(){let{api:t}=w(),e=j((r,o)=>t.listMyOrders({cursor:r,limit:Xr},o),[]);return u`<section class="orders">
    <${S} title="My orders" />
    ${e.status==="loading"&&u`<${I} label="Loading your orders…" />`}
    ${e.status==="error"&&u`<${R} error=${e.error} retry=${e.reload} what="your orders" />`}
    ${e.status==="ready"&&e.items.length===0&&u`<${F}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${e.items.length>0&&u`<ul class="order-list" aria-label="Orders">
      ${e.items.map(r=>u`<li key=${r.id} class="order-row" data-testid="order-row" data-order-id=${r.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(r.id)}`}>Order ${Y(r.id)}</a>
          <span class="muted">${Dt(r.createdAt)}</span>
          <span>${ze(r.items.reduce((o,a)=>o+a.qty,0),"book")}</span>
          <span class="price">${G(r.totalCents,r.currency)}</span>
          <${Bt} status=${r.status} />
        </li>`)}
    </ul>`}
    <${V} pager=${e} label="More orders" />
  </section>`}function Zr({order:t}){let e=r=>G(r,t.currency);return u`<table class="order-table">
    <caption class="visually-hidden">Books in order ${Y(t.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${t.items.map(r=>u`<tr key=${r.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(r.bookId)}`}>${r.title}</a></th>
          <td class="num">${e(r.unitPriceCents)}</td><td class="num">${r.qty}</td><td class="num">${e(r.lineTotalCents)}</td>
        </tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${e(t.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${t.shippingCents?e(t.shippingCents):"Free"}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${e(t.totalCents)}</td></tr>
    </tfoot>
  </table>`}function ar({params:t,query:e}){let{api:r,notify:o}=w(),a=dt(l=>r.getOrder(t.id,l),[t.id]),n=L(async()=>{try{a.set(await r.cancelOrder(t.id)),o("Your order is cancelled.")}catch(l){throw a.reload(),l}});if(a.status==="error"&&a.error.status===404)return u`<${Q} what="order" />`;let s=a.data;return s?u`<section class="order" data-testid="order" data-order-id=${s.id} data-status=${s.status}>
    <${S} title=${`Order ${Y(s.id)}`} />
    ${e.get("placed")&&u`<${O} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${Bt} status=${s.status} /> <span class="muted">Placed ${_t(s.createdAt)}</span></p>
    <${Zr} order=${s} />
    <${M} error=${n.error} />
    ${s.status==="PENDING"&&u`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${n.busy} onClick=${n.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`:u`<section>
      <${S} title="Order" />
      ${a.status==="error"?u`<${R} error=${a.error} retry=${a.reload} what="the order" />`:u`<${I} label="Loading the order…" />`}
    </section>`}function ir(){let{api:t,router:e,notify:r}=w(),[o,a]=rt({email:"",password:"",name:""}),{busy:n,error:s,submit:l}=L(async()=>{await t.register(o.email,o.password,o.name.trim()),r("Account created. Enter the confirmation code we sent you."),e.navigate(`/confirm?email=${encodeURIComponent(o.email)}`)});return u`<section class="auth">
    <${S} title="Create an account" />
    <form class="form" onSubmit=${l} data-testid="register-form">
      <${E} id="email" label="Email" error=${s?.fields?.email}
        control=${p=>u`<input ...${p} type="email" autocomplete="email" required ...${a("email")} />`} />
      <${E} id="password" label="Password" hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit." error=${s?.fields?.password}
        control=${p=>u`<input ...${p} type="password" autocomplete="new-password" required minlength="8" ...${a("password")} />`} />
      <${E} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${s?.fields?.name}
        control=${p=>u`<input ...${p} type="text" autocomplete="nickname" maxlength="64" ...${a("name")} />`} />
      <${M} error=${s} shown=${["email","password","name"]} />
      ${s?.status===409&&u`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${n} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`}function cr({query:t}){let{api:e,router:r,notify:o}=w(),[a,n]=rt({email:t.get("email")||"",code:""}),{busy:s,error:l,submit:p}=L(async()=>{await e.confirm(a.email,a.code.trim()),o("Your account is confirmed. Sign in."),r.navigate(`/login?confirmed=1&email=${encodeURIComponent(a.email)}`)}),f=L(async()=>{await e.resendCode(a.email),o("If this address has an account waiting for confirmation, a new code is on its way.")});return u`<section class="auth">
    <${S} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${p} data-testid="confirm-form">
      <${E} id="email" label="Email" error=${l?.fields?.email}
        control=${c=>u`<input ...${c} type="email" autocomplete="email" required ...${n("email")} />`} />
      <${E} id="code" label="Confirmation code" error=${l?.fields?.code}
        control=${c=>u`<input ...${c} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${n("code")} />`} />
      <${M} error=${l} shown=${["email","code"]} />
      <button type="submit" class="button button--primary" disabled=${s} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${f.busy||!a.email} onClick=${f.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${M} error=${f.error} shown=${[]} />
  </section>`}function lr({query:t}){let{api:e,router:r,notify:o}=w(),[a,n]=rt({email:t.get("email")||"",password:""}),s=Fe(t.get("next")),{busy:l,error:p,submit:f}=L(async()=>{await e.login(a.email,a.password),o("You are signed in."),r.navigate(s,{replace:!0})});return u`<section class="auth">
    <${S} title="Sign in" />
    ${t.get("confirmed")&&u`<${O} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${!t.get("confirmed")&&s!=="/"&&u`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${f} data-testid="login-form">
      <${E} id="email" label="Email" error=${p?.fields?.email}
        control=${c=>u`<input ...${c} type="email" autocomplete="username" required ...${n("email")} />`} />
      <${E} id="password" label="Password" error=${p?.fields?.password}
        control=${c=>u`<input ...${c} type="password" autocomplete="current-password" required ...${n("password")} />`} />
      <${M} error=${p} shown=${["email","password"]} />
      ${p?.status===403&&u`<p><a href=${`/confirm?email=${encodeURIComponent(a.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${l} data-testid="login-submit">Sign in</button>
    </form>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`}var to=25;function ur(){let{api:t}=w(),e=j((r,o)=>t.listBooks({sort:"title",limit:to,cursor:r},o),[]);return u`<section class="admin">
    <div class="page-head">
      <${S} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${e.status==="loading"&&u`<${I} label="Loading books…" />`}
    ${e.status==="error"&&u`<${R} error=${e.error} retry=${e.reload} what="the books" />`}
    ${e.status==="ready"&&e.items.length===0&&u`<${F}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${e.items.length>0&&u`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${e.items.map(r=>u`<tr key=${r.id} data-testid="admin-book-row" data-book-id=${r.id}>
            <td class="admin-table__cover"><${W} book=${r} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(r.id)}`}>${r.title}</a><br /><span class="muted">${r.author}</span></th>
            <td>${pt(r.category)}</td>
            <td class="num"><${z} cents=${r.priceCents} currency=${r.currency} /></td>
            <td class="num">${r.stock}</td>
          </tr>`)}
      </tbody>
    </table></div>`}
    <${V} pager=${e} label="More books" />
  </section>`}var pr=["image/jpeg","image/png","image/webp"],eo=5*1024*1024,ro=1e3,oo=30,no={priceCents:"price"};function so(t){return{title:t?.title||"",author:t?.author||"",category:t?.category||"",description:t?.description||"",price:t?Xe(t.priceCents):"",currency:t?.currency||"USD",stock:t?String(t.stock):"0"}}function ao(t){let e={},r=Qe(t.price);r===null&&(e.price="Enter a price such as 12.99.");let o=Number(t.stock);if((!/^\d+$/.test(t.stock.trim())||!Number.isSafeInteger(o))&&(e.stock="Enter a whole number of 0 or more."),Object.keys(e).length)return{fields:e};let a={title:t.title.trim(),author:t.author.trim(),category:t.category.trim(),description:t.description.trim(),priceCents:r,stock:o};return t.currency.trim()&&(a.currency=t.currency.trim().toUpperCase()),{details:a}}function dr({book:t,onSaved:e,onReload:r}){let{api:o}=w(),[a,n]=rt(so(t)),[s,l]=k(!1),[p,f]=k(null),c=async i=>{i.preventDefault();let{details:d,fields:m}=ao(a);if(m){f({message:"Some fields need your attention.",fields:m});return}l(!0),f(null);try{e(t?await o.updateBook(t.id,t.version,d):await o.createBook(d))}catch(g){let b=Object.fromEntries(Object.entries(g.fields||{}).map(([$,y])=>[no[$]||$,y]));f({message:g.message,status:g.status,fields:b})}finally{l(!1)}},_=p?.fields||{},h=(i,d={})=>m=>u`<input ...${m} ...${d} ...${n(i)} data-testid=${`book-${i}`} />`;return u`<form class="form form--wide" onSubmit=${c} data-testid="book-form" noValidate>
    <${E} id="book-title" label="Title" error=${_.title} control=${h("title",{required:!0,maxlength:200})} />
    <${E} id="book-author" label="Author" error=${_.author} control=${h("author",{required:!0,maxlength:120})} />
    <${E} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${_.category}
      control=${h("category",{required:!0})} />
    <${E} id="book-description" label="Description" error=${_.description}
      control=${i=>u`<textarea ...${i} rows="5" maxlength="4000" ...${n("description")} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${E} id="book-price" label="Price" hint="For example 12.99" error=${_.price} control=${h("price",{inputmode:"decimal",required:!0})} />
      <${E} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${_.currency}
        control=${h("currency",{maxlength:3,autocapitalize:"characters"})} />
      <${E} id="book-stock" label="Stock" error=${_.stock} control=${h("stock",{inputmode:"numeric",required:!0})} />
    </div>
    ${p?.status===412&&u`<${O} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${r}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${p?.status!==412&&u`<${M} error=${p} shown=${["title","author","category","description","price","currency","stock"]} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${s} data-testid="book-save">${t?"Save changes":"Add book"}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`}function io(t){return pr.includes(t.type)?t.size>eo?`The image is ${(t.size/1024/1024).toFixed(1)} MiB; the limit is 5 MiB.`:t.size===0?"The file is empty.":"":"Choose a JPEG, PNG or WebP image."}function co(t,e){let r=t.cover?.url||"",o=r;try{o=decodeURIComponent(r)}catch{}return!!t.cover?.thumbnailUrl&&(!e||r.includes(e)||o.includes(e))}function lo({book:t,onCover:e}){let{api:r,notify:o}=w(),[a,n]=k(null),[s,l]=k(""),[p,f]=k("idle"),[c,_]=k(0),[h,i]=k(""),d=N(!0),m=N(null);A(()=>()=>d.current=!1,[]),A(()=>()=>s&&URL.revokeObjectURL(s),[s]);let g=y=>{let v=y.currentTarget.files?.[0]||null;if(i(""),f("idle"),n(null),l(""),!v)return;let q=io(v);if(q){i(q);return}n(v),l(URL.createObjectURL(v))},b=async()=>{i(""),_(0),f("uploading");try{let y=await r.requestCoverUpload(t.id,a.type,a.size);if(await r.uploadFile(y,a,v=>d.current&&_(v)),!d.current)return;f("processing");for(let v=0;v<oo&&d.current;v++){await new Promise(B=>setTimeout(B,ro));let q=await r.getBook(t.id);if(co(q,y.key)){if(!d.current)return;e(q),f("done"),n(null),l(""),m.current&&(m.current.value=""),o("The new cover is ready.");return}}d.current&&f("slow")}catch(y){if(!d.current)return;f("idle"),i(y.message)}},$=p==="uploading"||p==="processing";return u`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${W} book=${t} /><figcaption>Current</figcaption></figure>
      ${s&&u`<figure><img class="cover cover--thumb" src=${s} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${E} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${h}
      control=${y=>u`<input ...${y} ref=${m} type="file" accept=${pr.join(",")} disabled=${$} data-testid="cover-file" onChange=${g} />`} />
    ${p==="uploading"&&u`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(c*100)} data-testid="cover-progress">${Math.round(c*100)}%</progress></p>`}
    ${p==="processing"&&u`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${p==="done"&&u`<${O} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${p==="slow"&&u`<${O} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!a||$} data-testid="cover-submit" onClick=${b}>Upload cover</button>
  </section>`}function uo({book:t,onReload:e}){let{api:r,router:o,notify:a}=w(),[n,s]=k(!1),{busy:l,error:p,submit:f,setError:c}=L(async()=>{await r.deleteBook(t.id,t.version),a(`Deleted ${t.title}.`),o.navigate("/admin/books",{replace:!0})});return u`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${p?.status===412?u`<${O} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${()=>{c(null),s(!1),e()}}>Load the latest version</button></p><//>`:u`<${M} error=${p} />`}
    ${n?u`<p>Delete “${t.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${l} data-testid="book-delete-confirm" onClick=${f}>Yes, delete</button>
            <button type="button" class="button" onClick=${()=>s(!1)}>Keep it</button>
          </div>`:u`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${()=>s(!0)}>Delete this book</button>`}
  </section>`}function se({params:t}){let{api:e,router:r,notify:o}=w(),a=!t.id,n=dt(_=>a?Promise.resolve(null):e.getBook(t.id,_),[t.id||"new"]),[s,l]=k(0);if(a)return u`<section class="admin">
      <${S} title="Add a book" />
      <${dr} onSaved=${h=>{o(`Added ${h.title}. Now add a cover.`),r.navigate(`/admin/books/${encodeURIComponent(h.id)}`,{replace:!0})}} onReload=${()=>{}} />
    </section>`;if(n.status==="error"&&n.error.status===404)return u`<${Q} what="book" />`;let p=n.data;if(!p)return u`<section class="admin">
      <${S} title="Edit book" />
      ${n.status==="error"?u`<${R} error=${n.error} retry=${n.reload} what="the book" />`:u`<${I} label="Loading the book…" />`}
    </section>`;let f=_=>{n.set(_),o(`Saved ${_.title}.`)},c=async()=>{try{n.set(await e.getBook(p.id)),l(_=>_+1),o("Loaded the latest version.")}catch(_){_.status===404?n.reload():o(_.message)}};return u`<section class="admin admin-book">
    <${S} title=${`Edit “${p.title}”`} />
    <p class="muted">Version ${p.version} · updated ${_t(p.updatedAt)} · <a href=${`/books/${encodeURIComponent(p.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${dr} key=${s} book=${p} onSaved=${f} onReload=${c} />
      <div>
        <${lo} book=${p} onCover=${_=>n.set(_)} />
        <${uo} book=${p} onReload=${c} />
      </div>
    </div>
  </section>`}var fr=["PENDING","CONFIRMED","SHIPPED","DELIVERED","CANCELLED"],po=20,mr={PENDING:[["CONFIRMED","Confirm"],["CANCELLED","Cancel order"]],CONFIRMED:[["SHIPPED","Mark shipped"],["CANCELLED","Cancel order"]],SHIPPED:[["DELIVERED","Mark delivered"]]};function fo({order:t,onMoved:e}){let{api:r,notify:o}=w(),[a,n]=k(!1),[s,l]=k(""),p=async f=>{n(!0),l("");try{let c=f==="CANCELLED"?await r.cancelOrder(t.id):await r.setOrderStatus(t.id,f);o(`Order ${Y(t.id)} is now ${ht(c.status).toLowerCase()}.`),e(c)}catch(c){l(c.message),n(!1)}};return u`<li class="admin-order" data-testid="admin-order" data-order-id=${t.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${Y(t.id)}</h2>
      <span class="muted">${_t(t.createdAt)}</span>
      <span class="price">${G(t.totalCents,t.currency)}</span>
    </div>
    <p class="muted">Customer ${Y(t.userId)}</p>
    <ul class="admin-order__lines">
      ${t.items.map(f=>u`<li key=${f.bookId}>${f.qty} × ${f.title}</li>`)}
    </ul>
    ${s&&u`<p class="field-error" role="alert">${s}</p>`}
    ${mr[t.status]&&u`<div class="actions">
      ${mr[t.status].map(([f,c])=>u`<button key=${f} type="button" class=${f==="CANCELLED"?"button button--danger":"button button--primary"}
          disabled=${a} data-testid=${`set-status-${f}`} aria-label=${`${c}: order ${Y(t.id)}`} onClick=${()=>p(f)}>${c}</button>`)}
    </div>`}
  </li>`}function _r({query:t}){let{api:e}=w(),r=fr.includes(t.get("status"))?t.get("status"):"PENDING",o=j((n,s)=>e.listAllOrders({status:r,cursor:n,limit:po},s),[r]),a=n=>o.update(s=>s.filter(l=>l.id!==n.id));return u`<section class="admin">
    <${S} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${fr.map(n=>u`<a key=${n} href=${`/admin/orders?status=${n}`} class="tab" aria-current=${n===r?"page":void 0}
          data-testid=${`status-tab-${n}`}>${ht(n)}</a>`)}
    </nav>
    ${o.status==="loading"&&u`<${I} label="Loading orders…" />`}
    ${o.status==="error"&&u`<${R} error=${o.error} retry=${o.reload} what="the orders" />`}
    ${o.status==="ready"&&o.items.length===0&&u`<${F}><p>No ${ht(r).toLowerCase()} orders.</p><//>`}
    ${o.items.length>0&&u`<ul class="admin-orders" aria-label=${`${ht(r)} orders`}>
      ${o.items.map(n=>u`<${fo} key=${n.id} order=${n} onMoved=${a} />`)}
    </ul>`}
    <${V} pager=${o} label="More orders" />
  </section>`}function hr({signedIn:t}){let{router:e}=w(),r=T(e.store);return u`<section class="notice-page" data-testid="not-allowed">
    <${S} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${t?u`<p>Your account cannot manage the shop.</p>`:u`<p><a href=${H(r.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`}var mo=[{path:"/",page:Ze},{path:"/books/:id",page:rr},{path:"/cart",page:nr},{path:"/orders",page:sr,auth:!0},{path:"/orders/:id",page:ar,auth:!0},{path:"/register",page:ir},{path:"/confirm",page:cr},{path:"/login",page:lr},{path:"/admin/books",page:ur,admin:!0},{path:"/admin/books/new",page:se,admin:!0},{path:"/admin/books/:id",page:se,admin:!0},{path:"/admin/orders",page:_r,admin:!0}];function _o(t){for(let e of mo){let r=Ue(e.path,t);if(r)return{route:e,params:r}}return t.startsWith("/admin/")?{route:{admin:!0,page:Q},params:{}}:{route:{page:Q},params:{}}}var ho=["classics","computing","science-fiction"];function $o(){let t=K(ho);return{...t,see(e){let r=new Set(t.get());for(let o of e)o.category&&r.add(o.category);r.size!==t.get().length&&t.set([...r].sort())}}}var go=5e3;function bo(){let{notices:t}=w(),e=T(t);return A(()=>{if(!e.message)return;let r=setTimeout(()=>t.set({id:e.id,message:""}),go);return()=>clearTimeout(r)},[e.id]),u`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${e.message&&u`<p class="toast" key=${e.id}>${e.message}</p>`}
  </div>`}function yo({to:t}){let{router:e}=w();return A(()=>e.navigate(t,{replace:!0}),[t]),null}function vo(t,e){let r=N(!0);A(()=>{if(r.current){r.current=!1;return}e.afterNavigation=!0,window.scrollTo(0,0),requestAnimationFrame(()=>document.querySelector("main h1")?.focus({preventScroll:!0}))},[t])}function ko({ctx:t}){let e=T(t.router.store),r=T(t.session);vo(e.path,t.titleFocus);let{route:o,params:a}=_o(e.path),n;return o.auth&&!r?n=u`<${yo} to=${H(e.href)} />`:o.admin&&!r?.isAdmin?n=u`<${hr} signedIn=${!!r} />`:n=u`<${o.page} key=${e.path} params=${a} query=${e.query} />`,u`<${oe.Provider} value=${t}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${Ve} />
    <main id="main" tabindex="-1">${n}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${bo} />
  <//>`}function wo(t){let e=De(t),r=He(t),o=je(t),a=K({id:0,message:""}),n=f=>a.set({id:a.get().id+1,message:f}),s=Ye({session:r,onUnauthorized:()=>{let f=e.store.get();f.path!=="/login"&&(n("Please sign in to continue."),e.navigate(H(f.href),{replace:!0}))}}),l={router:e,session:r,cart:o,api:s,notices:a,notify:n,categories:$o(),titleFocus:{afterNavigation:!1}},p=t.document.getElementById("app");p.textContent="",be(u`<${ko} ctx=${l} />`,p)}wo(window);
