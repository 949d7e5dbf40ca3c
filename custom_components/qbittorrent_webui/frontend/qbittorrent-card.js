// qbittorrent-card sources-sha256: b21db6dca64abb8c928a295ed60030c106a5c6a062f69b9a96b27ab8e16d0bd0
var z=globalThis,D=z.ShadowRoot&&(z.ShadyCSS===void 0||z.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,J=Symbol(),ce=new WeakMap,E=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==J)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(D&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=ce.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&ce.set(t,e))}return e}toString(){return this.cssText}},he=i=>new E(typeof i=="string"?i:i+"",void 0,J),A=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,r,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+i[n+1],i[0]);return new E(t,i,J)},ue=(i,e)=>{if(D)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=z.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,i.appendChild(s)}},Z=D?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return he(t)})(i):i;var{is:ze,defineProperty:De,getOwnPropertyDescriptor:Be,getOwnPropertyNames:Ke,getOwnPropertySymbols:Ve,getPrototypeOf:je}=Object,B=globalThis,pe=B.trustedTypes,We=pe?pe.emptyScript:"",Ge=B.reactiveElementPolyfillSupport,T=(i,e)=>i,X={toAttribute(i,e){switch(e){case Boolean:i=i?We:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},ge=(i,e)=>!ze(i,e),_e={attribute:!0,type:String,converter:X,reflect:!1,useDefault:!1,hasChanged:ge};Symbol.metadata??=Symbol("metadata"),B.litPropertyMetadata??=new WeakMap;var m=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=_e){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&De(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:n}=Be(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let l=r?.call(this);n?.call(this,o),this.requestUpdate(e,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??_e}static _$Ei(){if(this.hasOwnProperty(T("elementProperties")))return;let e=je(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(T("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(T("properties"))){let t=this.properties,s=[...Ke(t),...Ve(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(Z(r))}else e!==void 0&&t.push(Z(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ue(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:X).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:X;this._$Em=r;let l=o.fromAttribute(t,n.type);this[r]=l??this._$Ej?.get(r)??l,this._$Em=null}}requestUpdate(e,t,s,r=!1,n){if(e!==void 0){let o=this.constructor;if(r===!1&&(n=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??ge)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:n},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),n!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:o}=n,l=this[r];o!==!0||this._$AL.has(r)||l===void 0||this.C(r,void 0,n,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};m.elementStyles=[],m.shadowRootOptions={mode:"open"},m[T("elementProperties")]=new Map,m[T("finalized")]=new Map,Ge?.({ReactiveElement:m}),(B.reactiveElementVersions??=[]).push("2.1.2");var ne=globalThis,me=i=>i,K=ne.trustedTypes,fe=K?K.createPolicy("lit-html",{createHTML:i=>i}):void 0,Se="$lit$",v=`lit$${Math.random().toFixed(9).slice(2)}$`,we="?"+v,Ye=`<${we}>`,y=document,R=()=>y.createComment(""),k=i=>i===null||typeof i!="object"&&typeof i!="function",oe=Array.isArray,Je=i=>oe(i)||typeof i?.[Symbol.iterator]=="function",Q=`[ 	
\f\r]`,C=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ve=/-->/g,$e=/>/g,$=RegExp(`>|${Q}(?:([^\\s"'>=/]+)(${Q}*=${Q}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),be=/'/g,ye=/"/g,Ee=/^(?:script|style|textarea|title)$/i,ae=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),d=ae(1),gt=ae(2),mt=ae(3),x=Symbol.for("lit-noChange"),h=Symbol.for("lit-nothing"),xe=new WeakMap,b=y.createTreeWalker(y,129);function Ae(i,e){if(!oe(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return fe!==void 0?fe.createHTML(e):e}var Ze=(i,e)=>{let t=i.length-1,s=[],r,n=e===2?"<svg>":e===3?"<math>":"",o=C;for(let l=0;l<t;l++){let a=i[l],u,p,c=-1,g=0;for(;g<a.length&&(o.lastIndex=g,p=o.exec(a),p!==null);)g=o.lastIndex,o===C?p[1]==="!--"?o=ve:p[1]!==void 0?o=$e:p[2]!==void 0?(Ee.test(p[2])&&(r=RegExp("</"+p[2],"g")),o=$):p[3]!==void 0&&(o=$):o===$?p[0]===">"?(o=r??C,c=-1):p[1]===void 0?c=-2:(c=o.lastIndex-p[2].length,u=p[1],o=p[3]===void 0?$:p[3]==='"'?ye:be):o===ye||o===be?o=$:o===ve||o===$e?o=C:(o=$,r=void 0);let f=o===$&&i[l+1].startsWith("/>")?" ":"";n+=o===C?a+Ye:c>=0?(s.push(u),a.slice(0,c)+Se+a.slice(c)+v+f):a+v+(c===-2?l:f)}return[Ae(i,n+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},M=class i{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let n=0,o=0,l=e.length-1,a=this.parts,[u,p]=Ze(e,t);if(this.el=i.createElement(u,s),b.currentNode=this.el.content,t===2||t===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(r=b.nextNode())!==null&&a.length<l;){if(r.nodeType===1){if(r.hasAttributes())for(let c of r.getAttributeNames())if(c.endsWith(Se)){let g=p[o++],f=r.getAttribute(c).split(v),q=/([.?@])?(.*)/.exec(g);a.push({type:1,index:n,name:q[2],strings:f,ctor:q[1]==="."?te:q[1]==="?"?se:q[1]==="@"?re:w}),r.removeAttribute(c)}else c.startsWith(v)&&(a.push({type:6,index:n}),r.removeAttribute(c));if(Ee.test(r.tagName)){let c=r.textContent.split(v),g=c.length-1;if(g>0){r.textContent=K?K.emptyScript:"";for(let f=0;f<g;f++)r.append(c[f],R()),b.nextNode(),a.push({type:2,index:++n});r.append(c[g],R())}}}else if(r.nodeType===8)if(r.data===we)a.push({type:2,index:n});else{let c=-1;for(;(c=r.data.indexOf(v,c+1))!==-1;)a.push({type:7,index:n}),c+=v.length-1}n++}}static createElement(e,t){let s=y.createElement("template");return s.innerHTML=e,s}};function S(i,e,t=i,s){if(e===x)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,n=k(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(i),r._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=S(i,r._$AS(i,e.values),r,s)),e}var ee=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??y).importNode(t,!0);b.currentNode=r;let n=b.nextNode(),o=0,l=0,a=s[0];for(;a!==void 0;){if(o===a.index){let u;a.type===2?u=new P(n,n.nextSibling,this,e):a.type===1?u=new a.ctor(n,a.name,a.strings,this,e):a.type===6&&(u=new ie(n,this,e)),this._$AV.push(u),a=s[++l]}o!==a?.index&&(n=b.nextNode(),o++)}return b.currentNode=y,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},P=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=h,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=S(this,e,t),k(e)?e===h||e==null||e===""?(this._$AH!==h&&this._$AR(),this._$AH=h):e!==this._$AH&&e!==x&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Je(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==h&&k(this._$AH)?this._$AA.nextSibling.data=e:this.T(y.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=M.createElement(Ae(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let n=new ee(r,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(e){let t=xe.get(e.strings);return t===void 0&&xe.set(e.strings,t=new M(e)),t}k(e){oe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let n of e)r===t.length?t.push(s=new i(this.O(R()),this.O(R()),this,this.options)):s=t[r],s._$AI(n),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=me(e).nextSibling;me(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},w=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,n){this.type=1,this._$AH=h,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=h}_$AI(e,t=this,s,r){let n=this.strings,o=!1;if(n===void 0)e=S(this,e,t,0),o=!k(e)||e!==this._$AH&&e!==x,o&&(this._$AH=e);else{let l=e,a,u;for(e=n[0],a=0;a<n.length-1;a++)u=S(this,l[s+a],t,a),u===x&&(u=this._$AH[a]),o||=!k(u)||u!==this._$AH[a],u===h?e=h:e!==h&&(e+=(u??"")+n[a+1]),this._$AH[a]=u}o&&!r&&this.j(e)}j(e){e===h?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},te=class extends w{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===h?void 0:e}},se=class extends w{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==h)}},re=class extends w{constructor(e,t,s,r,n){super(e,t,s,r,n),this.type=5}_$AI(e,t=this){if((e=S(this,e,t,0)??h)===x)return;let s=this._$AH,r=e===h&&s!==h||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==h&&(s===h||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ie=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){S(this,e)}};var Xe=ne.litHtmlPolyfillSupport;Xe?.(M,P),(ne.litHtmlVersions??=[]).push("3.3.3");var Te=(i,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let n=t?.renderBefore??null;s._$litPart$=r=new P(e.insertBefore(R(),n),n,void 0,t??{})}return r._$AI(i),r};var le=globalThis,_=class extends m{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Te(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return x}};_._$litElement$=!0,_.finalized=!0,le.litElementHydrateSupport?.({LitElement:_});var Qe=le.litElementPolyfillSupport;Qe?.({LitElement:_});(le.litElementVersions??=[]).push("4.2.2");function de(){return{torrents:new Map,server:{download_speed:null,upload_speed:null,download_rate_limit:null,upload_rate_limit:null,alternative_speed_limits_enabled:null,connection_status:null,free_space_on_disk:null},categories:[],tags:[],available:!1,revision:0}}function Re(i,e){e.full&&i.torrents.clear();for(let t of e.torrents??[])i.torrents.set(t.hash,t);for(let t of e.added??[])i.torrents.set(t.hash,t);for(let[t,s]of Object.entries(e.changed??{})){let r=i.torrents.get(t);r&&i.torrents.set(t,{...r,...s})}for(let t of e.removed??[])i.torrents.delete(t);return{...i,server:e.server?{...i.server,...e.server}:i.server,categories:e.categories??i.categories,tags:e.tags??i.tags,available:e.available??i.available,revision:i.revision+1}}var et={downloading:["downloading","stalled_downloading","metadata"],seeding:["seeding","stalled_seeding"],stopped:["stopped"],checking:["checking"],queued:["queued"],errored:["error","missing_files"],moving:["moving"]},tt=new Set(["checking","metadata","moving","error","missing_files","unknown"]),H=["all","active","completed","downloading","seeding","stopped","checking","queued","errored","moving"],U=["name","added_on","progress","download_speed","upload_speed","eta","ratio","size","status"];function st(i){return!!i.download_speed||!!i.upload_speed}function rt(i){return tt.has(i.status)?!1:i.amount_left!==null?i.amount_left===0&&i.progress!==0:(i.progress??0)>=1}function it(i,e){switch(e){case"all":return!0;case"active":return st(i);case"completed":return rt(i);default:return et[e].includes(i.status)}}function nt(i){return i.toLocaleLowerCase().split(/\s+/).filter(Boolean)}function ot(i,e,t){if(!it(i,e.state)||e.category!==null&&(i.category??"")!==e.category)return!1;if(t.length){let s=i.name.toLocaleLowerCase();return t.every(r=>s.includes(r))}return!0}var ke=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function Ce(i,e){return typeof i=="string"&&typeof e=="string"?ke.compare(i,e):i<e?-1:i>e?1:0}function at(i,e,t){let s=t?-1:1;return i.sort((r,n)=>{let o=r[e],l=n[e];if(o!==l){if(o===null)return 1;if(l===null)return-1;let a=Ce(o,l);if(a)return a*s}return ke.compare(r.name,n.name)||Ce(r.hash,n.hash)})}function Me(i,e){let t=nt(e.search),s=[];for(let r of i.torrents.values())ot(r,e,t)&&s.push(r);return at(s,e.sort,e.reverse)}function Pe(i,e,t,s,r=5){let n=Math.max(0,Math.floor(i/t)-r),o=Math.min(s,Math.ceil((i+e)/t)+r);return{start:n,end:Math.max(n,o)}}function He(i){return i.status!=="stopped"}var Ue=["B","KiB","MiB","GiB","TiB","PiB"];function O(i){if(i===null)return"\u2014";let e=i,t=0;for(;e>=1024&&t<Ue.length-1;)e/=1024,t+=1;let s=t===0||e>=100?0:1;return`${e.toFixed(s)} ${Ue[t]}`}function L(i){return`${O(i)}/s`}function Oe(i){if(i===null||i>=864e4)return"\u221E";let e=Math.floor(i/86400),t=Math.floor(i%86400/3600),s=Math.floor(i%3600/60),r=i%60;return e?`${e}d ${t}h`:t?`${t}h ${s}m`:s?`${s}m ${r}s`:`${r}s`}function Le(i){return i===null?"\u2014":i.toFixed(2)}function Ne(i){return i===null?"\u2014":`${Math.floor(i*1e3)/10}%`}var N="qbittorrent_webui";async function V(i){try{return await i.callWS({type:"config_entries/get",domain:N})}catch{return[]}}function Ie(i,e,t,s){return Object.values(i.entities).find(r=>r.platform===N&&r.translation_key===s&&r.entity_id.startsWith(`${t}.`)&&r.device_id!==void 0&&i.devices[r.device_id]?.config_entries.includes(e))?.entity_id}var Fe={no_entry:"Choose a qBittorrent server in the card's settings.",unavailable:"qBittorrent cannot be reached",loading:"Loading torrents\u2026",empty:"No torrents",search:"Search",add:"Add",add_placeholder:"Magnet links or torrent URLs, one per line",pause:"Pause",resume:"Resume",pause_all:"Pause all",resume_all:"Resume all",alternative_limits:"Alternative speed limits",force_start:"Force start",recheck:"Recheck",reannounce:"Reannounce",remove:"Remove",remove_confirm:"Remove this torrent?",keep_files:"Keep files",delete_files:"Delete files",cancel:"Cancel",all_categories:"All categories",no_category:"No category",shown:"{shown} of {total}",save_path:"Save path",added_on:"Added",completion_on:"Completed",seeds:"Seeds",leechers:"Peers",downloaded:"Downloaded",uploaded:"Uploaded","state.all":"All","state.active":"Active","state.completed":"Completed","state.downloading":"Downloading","state.seeding":"Seeding","state.stopped":"Stopped","state.checking":"Checking","state.queued":"Queued","state.errored":"Errored","state.moving":"Moving","sort.name":"Name","sort.added_on":"Added","sort.progress":"Progress","sort.download_speed":"Download speed","sort.upload_speed":"Upload speed","sort.eta":"ETA","sort.ratio":"Ratio","sort.size":"Size","sort.status":"State","editor.entry":"qBittorrent server","editor.title":"Title","editor.state":"Show","editor.sort":"Sort by","editor.height":"List height (px)"},lt={en:Fe};function j(i,e,t={}){return(lt[i??"en"]?.[e]??Fe[e]).replace(/\{(\w+)\}/g,(r,n)=>String(t[n]??""))}function W(i,e,t=window){let s=t.customElements;return s.get(i)||s.define(i,e),s.whenDefined("home-assistant").then(()=>{let r=t.customElements;r!==s&&!r.get(i)&&r.define(i,e)})}var I=class extends _{constructor(){super(...arguments);this._entries=[];this._requested=!1}setConfig(t){this._config=t}willUpdate(){this.hass&&!this._requested&&(this._requested=!0,V(this.hass).then(t=>{this._entries=t}))}_text(t){return j(this.hass?.locale?.language??this.hass?.language,t)}_changed(t,s){let r={...this._config};s===""||s===void 0?delete r[t]:r[t]=s,this._config=r,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:r},bubbles:!0,composed:!0}))}render(){let t=this._config??{type:"custom:qbittorrent-card"},s=this._entries.some(r=>r.entry_id===t.entry_id)||!t.entry_id?this._entries:[...this._entries,{entry_id:t.entry_id,title:t.entry_id}];return d`
      <label>
        ${this._text("editor.entry")}
        <select id="entry" @change=${r=>this._changed("entry_id",r.target.value)}>
          <option value="" ?selected=${!t.entry_id}>—</option>
          ${s.map(r=>d`<option value=${r.entry_id} ?selected=${r.entry_id===t.entry_id}>${r.title}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.title")}
        <input .value=${t.title??""} @change=${r=>this._changed("title",r.target.value)} />
      </label>
      <label>
        ${this._text("editor.state")}
        <select @change=${r=>this._changed("state",r.target.value)}>
          ${H.map(r=>d`<option value=${r} ?selected=${r===(t.state??"all")}>${this._text(`state.${r}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.sort")}
        <select @change=${r=>this._changed("sort",r.target.value)}>
          ${U.map(r=>d`<option value=${r} ?selected=${r===(t.sort??"name")}>${this._text(`sort.${r}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.height")}
        <input
          type="number"
          min="120"
          .value=${String(t.height??"")}
          @change=${r=>{let n=r.target.value;this._changed("height",n?Number(n):void 0)}}
        />
      </label>
    `}};I.properties={hass:{attribute:!1},_config:{state:!0},_entries:{state:!0}},I.styles=A`
    :host {
      display: grid;
      gap: 12px;
    }
    label {
      display: grid;
      gap: 4px;
      color: var(--secondary-text-color);
    }
    input,
    select {
      font: inherit;
      color: var(--primary-text-color);
      background: var(--card-background-color);
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 6px;
    }
  `;W("qbittorrent-card-editor",I);var G=64,qe=480,dt=5e3,ct={downloading:"mdi:download",stalled_downloading:"mdi:download-off-outline",metadata:"mdi:file-search-outline",seeding:"mdi:upload",stalled_seeding:"mdi:upload-off-outline",stopped:"mdi:pause",queued:"mdi:tray-full",checking:"mdi:progress-check",moving:"mdi:folder-move-outline",error:"mdi:alert-circle-outline",missing_files:"mdi:file-alert-outline"},F=class extends _{constructor(){super(...arguments);this._feed=de();this._state="all";this._category=null;this._search="";this._sort="name";this._reverse=!1;this._scrollTop=0;this._selected=null;this._confirmRemove=null;this._error=null;this._adding=!1;this._loaded=!1;this._view={key:"",torrents:[]}}static getConfigElement(){return document.createElement("qbittorrent-card-editor")}static async getStubConfig(t){return{type:"custom:qbittorrent-card",entry_id:(await V(t))[0]?.entry_id??""}}setConfig(t){if(t.state!==void 0&&!H.includes(t.state))throw new Error(`Unknown state filter: ${t.state}`);if(t.sort!==void 0&&!U.includes(t.sort))throw new Error(`Unknown sort key: ${t.sort}`);let s=t.entry_id!==this._config?.entry_id;this._config=t,this._state=t.state??"all",this._sort=t.sort??"name",this._reverse=t.reverse??!1,s&&(this._stop(),this._start())}getCardSize(){return Math.ceil((this._config?.height??qe)/50)+2}connectedCallback(){super.connectedCallback(),this._start()}disconnectedCallback(){super.disconnectedCallback(),this._stop()}willUpdate(t){t.has("hass")&&!this._unsubscribe&&this._start()}_text(t,s){return j(this.hass?.locale?.language??this.hass?.language,t,s)}_start(){let t=this._config?.entry_id;if(!this.hass||!t||!this.isConnected||this._unsubscribe)return;this._feed=de(),this._loaded=!1,this._error=null;let s=this.hass.connection.subscribeMessage(r=>this._received(r),{type:`${N}/torrents/subscribe`,config_entry_id:t});this._unsubscribe=s,s.catch(r=>{this._unsubscribe===s&&(this._unsubscribe=void 0,this._error=r.message??String(r),this._scheduleResubscribe())})}_stop(){window.clearTimeout(this._resubscribe);let t=this._unsubscribe;this._unsubscribe=void 0,t?.then(s=>s()).catch(()=>{})}_scheduleResubscribe(){window.clearTimeout(this._resubscribe),this._resubscribe=window.setTimeout(()=>this._start(),dt)}_received(t){if(t.ended){this._unsubscribe=void 0,this._feed={...this._feed,available:!1},this._scheduleResubscribe();return}this._loaded=!0,this._feed=Re(this._feed,t)}_visible(){let t=JSON.stringify([this._feed.revision,this._state,this._category,this._search,this._sort,this._reverse]);return t!==this._view.key&&(this._view={key:t,torrents:Me(this._feed,{state:this._state,category:this._category,search:this._search,sort:this._sort,reverse:this._reverse})}),this._view.torrents}_call(t,s){!this.hass||!this._config?.entry_id||this.hass.callService(N,t,{config_entry_id:this._config.entry_id,...s}).catch(r=>{this._error=r.message??String(r)})}_toggleAlternative(){let t=this.hass&&this._config?.entry_id?Ie(this.hass,this._config.entry_id,"switch","alternative_speed_limits"):void 0;t&&this.hass&&this.hass.callService("switch","toggle",{entity_id:t})}render(){let t=this._config;if(!t?.entry_id)return d`<ha-card><div class="message">${this._text("no_entry")}</div></ha-card>`;let s=this._visible(),r=t.height??qe,{start:n,end:o}=Pe(this._scrollTop,r,G,s.length);return d`
      <ha-card>
        ${this._renderHeader(t)} ${this._renderAdd()} ${this._renderControls(s.length)}
        ${this._error?d`<div class="message error">${this._error}</div>`:h}
        ${this._feed.available||!this._loaded?h:d`<div class="message error">${this._text("unavailable")}</div>`}
        ${this._renderDetails()}
        <div
          class="list"
          style="height: ${r}px"
          @scroll=${l=>{this._scrollTop=l.target.scrollTop}}
        >
          ${this._loaded?s.length===0?d`<div class="message">${this._text("empty")}</div>`:d`<div class="spacer" style="height: ${s.length*G}px">
                  ${s.slice(n,o).map((l,a)=>this._renderRow(l,n+a))}
                </div>`:d`<div class="message">${this._text("loading")}</div>`}
        </div>
      </ha-card>
    `}_renderHeader(t){let s=this._feed.server,r=s.alternative_speed_limits_enabled;return d`
      <div class="header">
        <div class="title">${t.title??"qBittorrent"}</div>
        <div class="speeds">
          <span class="speed down"><ha-icon icon="mdi:download"></ha-icon>${L(s.download_speed)}</span>
          <span class="speed up"><ha-icon icon="mdi:upload"></ha-icon>${L(s.upload_speed)}</span>
        </div>
        <button
          class="icon ${r?"on":""}"
          title=${this._text("alternative_limits")}
          aria-pressed=${r?"true":"false"}
          @click=${()=>this._toggleAlternative()}
        >
          <ha-icon icon=${r?"mdi:speedometer-slow":"mdi:speedometer"}></ha-icon>
        </button>
        <button class="icon" title=${this._text("add")} @click=${()=>this._adding=!this._adding}>
          <ha-icon icon="mdi:plus"></ha-icon>
        </button>
        <button class="icon" title=${this._text("pause_all")} @click=${()=>this._call("pause_torrents",{all_torrents:!0})}>
          <ha-icon icon="mdi:pause"></ha-icon>
        </button>
        <button class="icon" title=${this._text("resume_all")} @click=${()=>this._call("resume_torrents",{all_torrents:!0})}>
          <ha-icon icon="mdi:play"></ha-icon>
        </button>
      </div>
    `}_renderAdd(){return this._adding?d`
      <form class="add" @submit=${s=>{s.preventDefault();let r=s.target,n=r.elements.namedItem("urls").value.split(/\s+/).filter(Boolean),o=r.elements.namedItem("category").value;n.length&&(this._call("add_torrent",o?{urls:n,category:o}:{urls:n}),this._adding=!1)}}>
        <textarea name="urls" rows="2" placeholder=${this._text("add_placeholder")}></textarea>
        <select name="category" aria-label="category">
          <option value="">${this._text("no_category")}</option>
          ${this._feed.categories.map(s=>d`<option value=${s}>${s}</option>`)}
        </select>
        <button type="submit">${this._text("add")}</button>
      </form>
    `:h}_renderControls(t){return d`
      <div class="controls">
        <input
          type="search"
          placeholder=${this._text("search")}
          .value=${this._search}
          @input=${s=>{this._search=s.target.value}}
        />
        <select
          aria-label="state"
          @change=${s=>{this._state=s.target.value}}
        >
          ${H.map(s=>d`<option value=${s} ?selected=${s===this._state}>${this._text(`state.${s}`)}</option>`)}
        </select>
        <select
          aria-label="category"
          @change=${s=>{let r=s.target.value;this._category=r==="*"?null:r}}
        >
          <option value="*" ?selected=${this._category===null}>${this._text("all_categories")}</option>
          <option value="" ?selected=${this._category===""}>${this._text("no_category")}</option>
          ${this._feed.categories.map(s=>d`<option value=${s} ?selected=${s===this._category}>${s}</option>`)}
        </select>
        <select
          aria-label="sort"
          @change=${s=>{this._sort=s.target.value}}
        >
          ${U.map(s=>d`<option value=${s} ?selected=${s===this._sort}>${this._text(`sort.${s}`)}</option>`)}
        </select>
        <button class="icon" title="reverse" @click=${()=>this._reverse=!this._reverse}>
          <ha-icon icon=${this._reverse?"mdi:sort-descending":"mdi:sort-ascending"}></ha-icon>
        </button>
        <span class="count">${this._text("shown",{shown:t,total:this._feed.torrents.size})}</span>
      </div>
    `}_renderRow(t,s){let r=Math.max(0,Math.min(1,t.progress??0)),n=He(t);return d`
      <div
        class="row ${t.hash===this._selected?"selected":""}"
        style="top: ${s*G}px"
        data-hash=${t.hash}
      >
        <ha-icon class="status ${t.status}" icon=${ct[t.status]??"mdi:help-circle-outline"} title=${t.state}></ha-icon>
        <div class="main" @click=${()=>this._selected=this._selected===t.hash?null:t.hash}>
          <div class="line">
            <span class="name" title=${t.name}>${t.name}</span>
            ${t.category?d`<span class="chip category">${t.category}</span>`:h}
            ${t.tags.map(o=>d`<span class="chip">${o}</span>`)}
          </div>
          <div class="progress" role="progressbar" aria-valuenow=${Math.round(r*100)}>
            <div class="bar ${t.status}" style="width: ${r*100}%"></div>
          </div>
          <div class="line secondary">
            <span>${Ne(t.progress)}</span>
            <span>${O(t.size)}</span>
            <span>↓ ${L(t.download_speed)}</span>
            <span>↑ ${L(t.upload_speed)}</span>
            <span>ETA ${Oe(t.eta)}</span>
            <span>⚖ ${Le(t.ratio)}</span>
          </div>
        </div>
        ${this._confirmRemove===t.hash?d`<div class="confirm">
              <span>${this._text("remove_confirm")}</span>
              <button @click=${()=>this._remove(t,!1)}>${this._text("keep_files")}</button>
              <button class="danger" @click=${()=>this._remove(t,!0)}>${this._text("delete_files")}</button>
              <button @click=${()=>this._confirmRemove=null}>${this._text("cancel")}</button>
            </div>`:d`<button
                class="icon"
                title=${this._text(n?"pause":"resume")}
                @click=${()=>this._call(n?"pause_torrents":"resume_torrents",{torrent_hashes:[t.hash]})}
              >
                <ha-icon icon=${n?"mdi:pause":"mdi:play"}></ha-icon>
              </button>
              <button class="icon" title=${this._text("remove")} @click=${()=>this._confirmRemove=t.hash}>
                <ha-icon icon="mdi:delete-outline"></ha-icon>
              </button>`}
      </div>
    `}_remove(t,s){this._confirmRemove=null,this._call("remove_torrents",{torrent_hashes:[t.hash],delete_files:s})}_renderDetails(){let t=this._selected?this._feed.torrents.get(this._selected):void 0;if(!t)return h;let s=n=>n?new Date(n).toLocaleString(this.hass?.locale?.language):"\u2014",r={torrent_hashes:[t.hash]};return d`
      <div class="details">
        <div class="name">${t.name}</div>
        <dl>
          <dt>${this._text("save_path")}</dt><dd>${t.save_path??"\u2014"}</dd>
          <dt>${this._text("added_on")}</dt><dd>${s(t.added_on)}</dd>
          <dt>${this._text("completion_on")}</dt><dd>${s(t.completion_on)}</dd>
          <dt>${this._text("seeds")}</dt><dd>${t.seeds??"\u2014"}</dd>
          <dt>${this._text("leechers")}</dt><dd>${t.leechers??"\u2014"}</dd>
          <dt>${this._text("downloaded")}</dt><dd>${O(t.downloaded)}</dd>
          <dt>${this._text("uploaded")}</dt><dd>${O(t.uploaded)}</dd>
        </dl>
        <div class="actions">
          <button @click=${()=>this._call("set_force_start",{...r,force_start:!t.force_start})}>
            ${this._text("force_start")}${t.force_start?" \u2713":""}
          </button>
          <button @click=${()=>this._call("recheck_torrents",r)}>${this._text("recheck")}</button>
          <button @click=${()=>this._call("reannounce_torrents",r)}>${this._text("reannounce")}</button>
          <select
            aria-label="set category"
            @change=${n=>this._call("set_category",{...r,category:n.target.value})}
          >
            <option value="" ?selected=${!t.category}>${this._text("no_category")}</option>
            ${this._feed.categories.map(n=>d`<option value=${n} ?selected=${n===t.category}>${n}</option>`)}
          </select>
        </div>
      </div>
    `}};F.properties={hass:{attribute:!1},_config:{state:!0},_feed:{state:!0},_state:{state:!0},_category:{state:!0},_search:{state:!0},_sort:{state:!0},_reverse:{state:!0},_scrollTop:{state:!0},_selected:{state:!0},_confirmRemove:{state:!0},_error:{state:!0},_adding:{state:!0}},F.styles=A`
    ha-card {
      overflow: hidden;
      color: var(--primary-text-color);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      padding: 12px 12px 4px 16px;
    }
    .title {
      flex: 1 0 auto;
      font-size: var(--ha-card-header-font-size, 20px);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .speeds {
      display: flex;
      gap: 8px;
      color: var(--secondary-text-color);
      font-variant-numeric: tabular-nums;
    }
    .speed ha-icon {
      --mdc-icon-size: 18px;
      margin-right: 2px;
    }
    .speed.down ha-icon {
      color: var(--info-color, #039be5);
    }
    .speed.up ha-icon {
      color: var(--success-color, #43a047);
    }
    button {
      font: inherit;
      color: var(--primary-text-color);
      background: none;
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 4px 8px;
      cursor: pointer;
    }
    button.icon {
      border: none;
      padding: 4px;
      border-radius: 50%;
      color: var(--secondary-text-color);
    }
    button.icon.on {
      color: var(--primary-color);
    }
    button:hover {
      background: var(--secondary-background-color);
    }
    button.danger {
      color: var(--error-color);
    }
    .add {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      padding: 4px 16px;
    }
    .add textarea {
      flex: 1;
      font: inherit;
      color: var(--primary-text-color);
      background: var(--card-background-color, var(--ha-card-background));
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 4px 6px;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      padding: 4px 16px 8px;
    }
    input,
    select {
      font: inherit;
      color: var(--primary-text-color);
      background: var(--card-background-color, var(--ha-card-background));
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 4px 6px;
    }
    input {
      flex: 1;
      min-width: 120px;
    }
    .count {
      color: var(--secondary-text-color);
      font-size: 0.85em;
    }
    .list {
      overflow-y: auto;
      position: relative;
      border-top: 1px solid var(--divider-color);
    }
    .spacer {
      position: relative;
    }
    .row {
      position: absolute;
      left: 0;
      right: 0;
      height: ${G}px;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 8px 0 16px;
      border-bottom: 1px solid var(--divider-color);
    }
    .row.selected {
      background: var(--secondary-background-color);
    }
    .status {
      color: var(--state-icon-color, var(--secondary-text-color));
    }
    .status.downloading,
    .status.metadata {
      color: var(--info-color, #039be5);
    }
    .status.seeding {
      color: var(--success-color, #43a047);
    }
    .status.error,
    .status.missing_files {
      color: var(--error-color);
    }
    .main {
      flex: 1;
      min-width: 0;
      cursor: pointer;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
      overflow: hidden;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      font-weight: 500;
    }
    .secondary {
      gap: 10px;
      color: var(--secondary-text-color);
      font-size: 0.8em;
      font-variant-numeric: tabular-nums;
    }
    .chip {
      flex: none;
      font-size: 0.75em;
      padding: 0 6px;
      border-radius: 8px;
      background: var(--secondary-background-color);
      color: var(--secondary-text-color);
    }
    .chip.category {
      background: var(--primary-color);
      color: var(--text-primary-color, #fff);
    }
    .progress {
      height: 4px;
      margin: 4px 0;
      border-radius: 2px;
      background: var(--divider-color);
      overflow: hidden;
    }
    .bar {
      height: 100%;
      background: var(--info-color, #039be5);
    }
    .bar.seeding,
    .bar.stalled_seeding {
      background: var(--success-color, #43a047);
    }
    .bar.stopped,
    .bar.queued {
      background: var(--disabled-text-color, #9e9e9e);
    }
    .bar.error,
    .bar.missing_files {
      background: var(--error-color);
    }
    .confirm {
      display: flex;
      align-items: center;
      gap: 4px;
      font-size: 0.85em;
    }
    .details {
      padding: 8px 16px;
      border-top: 1px solid var(--divider-color);
    }
    .details dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 2px 12px;
      margin: 6px 0;
      font-size: 0.9em;
    }
    .details dt {
      color: var(--secondary-text-color);
    }
    .details dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .message {
      padding: 16px;
      color: var(--secondary-text-color);
    }
    .message.error {
      color: var(--error-color);
    }
  `;W("qbittorrent-card",F);var Y=window;Y.customCards=Y.customCards??[];Y.customCards.some(i=>i.type==="qbittorrent-card")||Y.customCards.push({type:"qbittorrent-card",name:"qBittorrent torrents",description:"The torrents of a qBittorrent server, live, with their actions.",preview:!1,documentationURL:"https://github.com/qbittorrent-webui-ha/qbittorrent_webui#torrent-card"});export{F as QBittorrentCard};
