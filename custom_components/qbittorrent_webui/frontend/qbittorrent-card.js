// qbittorrent-card sources-sha256: e43d73d9848b8d6b2764095ed7c8cfd5bc8a1387dc0339929524856968477017
var G=globalThis,W=G.ShadowRoot&&(G.ShadyCSS===void 0||G.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Q=Symbol(),pe=new WeakMap,R=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==Q)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(W&&e===void 0){let r=t!==void 0&&t.length===1;r&&(e=pe.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),r&&pe.set(t,e))}return e}toString(){return this.cssText}},ge=n=>new R(typeof n=="string"?n:n+"",void 0,Q),q=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((r,s,o)=>r+(i=>{if(i._$cssResult$===!0)return i.cssText;if(typeof i=="number")return i;throw Error("Value passed to 'css' function must be a 'css' function result: "+i+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(s)+n[o+1],n[0]);return new R(t,n,Q)},_e=(n,e)=>{if(W)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let r=document.createElement("style"),s=G.litNonce;s!==void 0&&r.setAttribute("nonce",s),r.textContent=t.cssText,n.appendChild(r)}},ee=W?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let r of e.cssRules)t+=r.cssText;return ge(t)})(n):n;var{is:je,defineProperty:Ge,getOwnPropertyDescriptor:We,getOwnPropertyNames:Ye,getOwnPropertySymbols:Je,getPrototypeOf:Ze}=Object,Y=globalThis,me=Y.trustedTypes,Xe=me?me.emptyScript:"",Qe=Y.reactiveElementPolyfillSupport,P=(n,e)=>n,te={toAttribute(n,e){switch(e){case Boolean:n=n?Xe:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},ve=(n,e)=>!je(n,e),fe={attribute:!0,type:String,converter:te,reflect:!1,useDefault:!1,hasChanged:ve};Symbol.metadata??=Symbol("metadata"),Y.litPropertyMetadata??=new WeakMap;var m=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=fe){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let r=Symbol(),s=this.getPropertyDescriptor(e,r,t);s!==void 0&&Ge(this.prototype,e,s)}}static getPropertyDescriptor(e,t,r){let{get:s,set:o}=We(this.prototype,e)??{get(){return this[t]},set(i){this[t]=i}};return{get:s,set(i){let l=s?.call(this);o?.call(this,i),this.requestUpdate(e,l,r)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??fe}static _$Ei(){if(this.hasOwnProperty(P("elementProperties")))return;let e=Ze(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(P("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(P("properties"))){let t=this.properties,r=[...Ye(t),...Je(t)];for(let s of r)this.createProperty(s,t[s])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[r,s]of t)this.elementProperties.set(r,s)}this._$Eh=new Map;for(let[t,r]of this.elementProperties){let s=this._$Eu(t,r);s!==void 0&&this._$Eh.set(s,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let r=new Set(e.flat(1/0).reverse());for(let s of r)t.unshift(ee(s))}else e!==void 0&&t.push(ee(e));return t}static _$Eu(e,t){let r=t.attribute;return r===!1?void 0:typeof r=="string"?r:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let r of t.keys())this.hasOwnProperty(r)&&(e.set(r,this[r]),delete this[r]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return _e(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,r){this._$AK(e,r)}_$ET(e,t){let r=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,r);if(s!==void 0&&r.reflect===!0){let o=(r.converter?.toAttribute!==void 0?r.converter:te).toAttribute(t,r.type);this._$Em=e,o==null?this.removeAttribute(s):this.setAttribute(s,o),this._$Em=null}}_$AK(e,t){let r=this.constructor,s=r._$Eh.get(e);if(s!==void 0&&this._$Em!==s){let o=r.getPropertyOptions(s),i=typeof o.converter=="function"?{fromAttribute:o.converter}:o.converter?.fromAttribute!==void 0?o.converter:te;this._$Em=s;let l=i.fromAttribute(t,o.type);this[s]=l??this._$Ej?.get(s)??l,this._$Em=null}}requestUpdate(e,t,r,s=!1,o){if(e!==void 0){let i=this.constructor;if(s===!1&&(o=this[e]),r??=i.getPropertyOptions(e),!((r.hasChanged??ve)(o,t)||r.useDefault&&r.reflect&&o===this._$Ej?.get(e)&&!this.hasAttribute(i._$Eu(e,r))))return;this.C(e,t,r)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:r,reflect:s,wrapped:o},i){r&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,i??t??this[e]),o!==!0||i!==void 0)||(this._$AL.has(e)||(this.hasUpdated||r||(t=void 0),this._$AL.set(e,t)),s===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[s,o]of this._$Ep)this[s]=o;this._$Ep=void 0}let r=this.constructor.elementProperties;if(r.size>0)for(let[s,o]of r){let{wrapped:i}=o,l=this[s];i!==!0||this._$AL.has(s)||l===void 0||this.C(s,void 0,o,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(r=>r.hostUpdate?.()),this.update(t)):this._$EM()}catch(r){throw e=!1,this._$EM(),r}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};m.elementStyles=[],m.shadowRootOptions={mode:"open"},m[P("elementProperties")]=new Map,m[P("finalized")]=new Map,Qe?.({ReactiveElement:m}),(Y.reactiveElementVersions??=[]).push("2.1.2");var le=globalThis,be=n=>n,J=le.trustedTypes,ye=J?J.createPolicy("lit-html",{createHTML:n=>n}):void 0,Ee="$lit$",b=`lit$${Math.random().toFixed(9).slice(2)}$`,Te="?"+b,et=`<${Te}>`,x=document,H=()=>x.createComment(""),L=n=>n===null||typeof n!="object"&&typeof n!="function",de=Array.isArray,tt=n=>de(n)||typeof n?.[Symbol.iterator]=="function",re=`[ 	
\f\r]`,M=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,$e=/-->/g,xe=/>/g,y=RegExp(`>|${re}(?:([^\\s"'>=/]+)(${re}*=${re}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),we=/'/g,Se=/"/g,ke=/^(?:script|style|textarea|title)$/i,ce=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),d=ce(1),Ht=ce(2),Lt=ce(3),w=Symbol.for("lit-noChange"),h=Symbol.for("lit-nothing"),Ae=new WeakMap,$=x.createTreeWalker(x,129);function Ce(n,e){if(!de(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return ye!==void 0?ye.createHTML(e):e}var rt=(n,e)=>{let t=n.length-1,r=[],s,o=e===2?"<svg>":e===3?"<math>":"",i=M;for(let l=0;l<t;l++){let a=n[l],u,p,c=-1,_=0;for(;_<a.length&&(i.lastIndex=_,p=i.exec(a),p!==null);)_=i.lastIndex,i===M?p[1]==="!--"?i=$e:p[1]!==void 0?i=xe:p[2]!==void 0?(ke.test(p[2])&&(s=RegExp("</"+p[2],"g")),i=y):p[3]!==void 0&&(i=y):i===y?p[0]===">"?(i=s??M,c=-1):p[1]===void 0?c=-2:(c=i.lastIndex-p[2].length,u=p[1],i=p[3]===void 0?y:p[3]==='"'?Se:we):i===Se||i===we?i=y:i===$e||i===xe?i=M:(i=y,s=void 0);let v=i===y&&n[l+1].startsWith("/>")?" ":"";o+=i===M?a+et:c>=0?(r.push(u),a.slice(0,c)+Ee+a.slice(c)+b+v):a+b+(c===-2?l:v)}return[Ce(n,o+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),r]},B=class n{constructor({strings:e,_$litType$:t},r){let s;this.parts=[];let o=0,i=0,l=e.length-1,a=this.parts,[u,p]=rt(e,t);if(this.el=n.createElement(u,r),$.currentNode=this.el.content,t===2||t===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(s=$.nextNode())!==null&&a.length<l;){if(s.nodeType===1){if(s.hasAttributes())for(let c of s.getAttributeNames())if(c.endsWith(Ee)){let _=p[i++],v=s.getAttribute(c).split(b),j=/([.?@])?(.*)/.exec(_);a.push({type:1,index:o,name:j[2],strings:v,ctor:j[1]==="."?ne:j[1]==="?"?oe:j[1]==="@"?ie:T}),s.removeAttribute(c)}else c.startsWith(b)&&(a.push({type:6,index:o}),s.removeAttribute(c));if(ke.test(s.tagName)){let c=s.textContent.split(b),_=c.length-1;if(_>0){s.textContent=J?J.emptyScript:"";for(let v=0;v<_;v++)s.append(c[v],H()),$.nextNode(),a.push({type:2,index:++o});s.append(c[_],H())}}}else if(s.nodeType===8)if(s.data===Te)a.push({type:2,index:o});else{let c=-1;for(;(c=s.data.indexOf(b,c+1))!==-1;)a.push({type:7,index:o}),c+=b.length-1}o++}}static createElement(e,t){let r=x.createElement("template");return r.innerHTML=e,r}};function E(n,e,t=n,r){if(e===w)return e;let s=r!==void 0?t._$Co?.[r]:t._$Cl,o=L(e)?void 0:e._$litDirective$;return s?.constructor!==o&&(s?._$AO?.(!1),o===void 0?s=void 0:(s=new o(n),s._$AT(n,t,r)),r!==void 0?(t._$Co??=[])[r]=s:t._$Cl=s),s!==void 0&&(e=E(n,s._$AS(n,e.values),s,r)),e}var se=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:r}=this._$AD,s=(e?.creationScope??x).importNode(t,!0);$.currentNode=s;let o=$.nextNode(),i=0,l=0,a=r[0];for(;a!==void 0;){if(i===a.index){let u;a.type===2?u=new O(o,o.nextSibling,this,e):a.type===1?u=new a.ctor(o,a.name,a.strings,this,e):a.type===6&&(u=new ae(o,this,e)),this._$AV.push(u),a=r[++l]}i!==a?.index&&(o=$.nextNode(),i++)}return $.currentNode=x,s}p(e){let t=0;for(let r of this._$AV)r!==void 0&&(r.strings!==void 0?(r._$AI(e,r,t),t+=r.strings.length-2):r._$AI(e[t])),t++}},O=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,r,s){this.type=2,this._$AH=h,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=r,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=E(this,e,t),L(e)?e===h||e==null||e===""?(this._$AH!==h&&this._$AR(),this._$AH=h):e!==this._$AH&&e!==w&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):tt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==h&&L(this._$AH)?this._$AA.nextSibling.data=e:this.T(x.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:r}=e,s=typeof r=="number"?this._$AC(e):(r.el===void 0&&(r.el=B.createElement(Ce(r.h,r.h[0]),this.options)),r);if(this._$AH?._$AD===s)this._$AH.p(t);else{let o=new se(s,this),i=o.u(this.options);o.p(t),this.T(i),this._$AH=o}}_$AC(e){let t=Ae.get(e.strings);return t===void 0&&Ae.set(e.strings,t=new B(e)),t}k(e){de(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,r,s=0;for(let o of e)s===t.length?t.push(r=new n(this.O(H()),this.O(H()),this,this.options)):r=t[s],r._$AI(o),s++;s<t.length&&(this._$AR(r&&r._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let r=be(e).nextSibling;be(e).remove(),e=r}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},T=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,r,s,o){this.type=1,this._$AH=h,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=o,r.length>2||r[0]!==""||r[1]!==""?(this._$AH=Array(r.length-1).fill(new String),this.strings=r):this._$AH=h}_$AI(e,t=this,r,s){let o=this.strings,i=!1;if(o===void 0)e=E(this,e,t,0),i=!L(e)||e!==this._$AH&&e!==w,i&&(this._$AH=e);else{let l=e,a,u;for(e=o[0],a=0;a<o.length-1;a++)u=E(this,l[r+a],t,a),u===w&&(u=this._$AH[a]),i||=!L(u)||u!==this._$AH[a],u===h?e=h:e!==h&&(e+=(u??"")+o[a+1]),this._$AH[a]=u}i&&!s&&this.j(e)}j(e){e===h?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ne=class extends T{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===h?void 0:e}},oe=class extends T{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==h)}},ie=class extends T{constructor(e,t,r,s,o){super(e,t,r,s,o),this.type=5}_$AI(e,t=this){if((e=E(this,e,t,0)??h)===w)return;let r=this._$AH,s=e===h&&r!==h||e.capture!==r.capture||e.once!==r.once||e.passive!==r.passive,o=e!==h&&(r===h||s);s&&this.element.removeEventListener(this.name,this,r),o&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ae=class{constructor(e,t,r){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=r}get _$AU(){return this._$AM._$AU}_$AI(e){E(this,e)}};var st=le.litHtmlPolyfillSupport;st?.(B,O),(le.litHtmlVersions??=[]).push("3.3.3");var Re=(n,e,t)=>{let r=t?.renderBefore??e,s=r._$litPart$;if(s===void 0){let o=t?.renderBefore??null;r._$litPart$=s=new O(e.insertBefore(H(),o),o,void 0,t??{})}return s._$AI(n),s};var he=globalThis,g=class extends m{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Re(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return w}};g._$litElement$=!0,g.finalized=!0,he.litElementHydrateSupport?.({LitElement:g});var nt=he.litElementPolyfillSupport;nt?.({LitElement:g});(he.litElementVersions??=[]).push("4.2.2");function ue(){return{torrents:new Map,server:{download_speed:null,upload_speed:null,download_rate_limit:null,upload_rate_limit:null,alternative_speed_limits_enabled:null,connection_status:null,free_space_on_disk:null},categories:[],tags:[],available:!1,revision:0}}function Pe(n,e){e.full&&n.torrents.clear();for(let t of e.torrents??[])n.torrents.set(t.hash,t);for(let t of e.added??[])n.torrents.set(t.hash,t);for(let[t,r]of Object.entries(e.changed??{})){let s=n.torrents.get(t);s&&n.torrents.set(t,{...s,...r})}for(let t of e.removed??[])n.torrents.delete(t);return{...n,server:e.server?{...n.server,...e.server}:n.server,categories:e.categories??n.categories,tags:e.tags??n.tags,available:e.available??n.available,revision:n.revision+1}}var ot={downloading:["downloading","stalled_downloading","metadata"],seeding:["seeding","stalled_seeding"],stopped:["stopped"],checking:["checking"],queued:["queued"],errored:["error","missing_files"],moving:["moving"]},it=new Set(["checking","metadata","moving","error","missing_files","unknown"]),U=["all","active","completed","downloading","seeding","stopped","checking","queued","errored","moving"],N=["name","added_on","progress","download_speed","upload_speed","eta","ratio","size","status"];function at(n){return!!n.download_speed||!!n.upload_speed}function lt(n){return it.has(n.status)?!1:n.amount_left!==null?n.amount_left===0&&n.progress!==0:(n.progress??0)>=1}function dt(n,e){switch(e){case"all":return!0;case"active":return at(n);case"completed":return lt(n);default:return ot[e].includes(n.status)}}function ct(n){return n.toLocaleLowerCase().split(/\s+/).filter(Boolean)}function ht(n,e,t){if(!dt(n,e.state)||e.category!==null&&(n.category??"")!==e.category)return!1;if(t.length){let r=n.name.toLocaleLowerCase();return t.every(s=>r.includes(s))}return!0}var Me=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function qe(n,e){return typeof n=="string"&&typeof e=="string"?Me.compare(n,e):n<e?-1:n>e?1:0}function ut(n,e,t){let r=t?-1:1;return n.sort((s,o)=>{let i=s[e],l=o[e];if(i!==l){if(i===null)return 1;if(l===null)return-1;let a=qe(i,l);if(a)return a*r}return Me.compare(s.name,o.name)||qe(s.hash,o.hash)})}function He(n,e){let t=ct(e.search),r=[];for(let s of n.torrents.values())ht(s,e,t)&&r.push(s);return ut(r,e.sort,e.reverse)}function Le(n,e,t,r,s=5){let o=Math.max(0,Math.floor(n/t)-s),i=Math.min(r,Math.ceil((n+e)/t)+s);return{start:o,end:Math.max(o,i)}}function Be(n){return n.status!=="stopped"}var Oe=["B","KiB","MiB","GiB","TiB","PiB"];function D(n){if(n===null)return"\u2014";let e=n,t=0;for(;e>=1024&&t<Oe.length-1;)e/=1024,t+=1;let r=t===0||e>=100?0:1;return`${e.toFixed(r)} ${Oe[t]}`}function z(n){return`${D(n)}/s`}function Ue(n){if(n===null||n>=864e4)return"\u221E";let e=Math.floor(n/86400),t=Math.floor(n%86400/3600),r=Math.floor(n%3600/60),s=n%60;return e?`${e}d ${t}h`:t?`${t}h ${r}m`:r?`${r}m ${s}s`:`${s}s`}function Ne(n){return n===null?"\u2014":n.toFixed(2)}function De(n){return n===null?"\u2014":`${Math.floor(n*1e3)/10}%`}var S="qbittorrent_webui";async function k(n){try{return await n.callWS({type:"config_entries/get",domain:S})}catch{return[]}}function I(n,e,t,r){return Object.values(n.entities).find(s=>s.platform===S&&s.translation_key===r&&s.entity_id.startsWith(`${t}.`)&&s.device_id!==void 0&&n.devices[s.device_id]?.config_entries.includes(e))?.entity_id}var pt={no_entry:"Choose a qBittorrent server in the card's settings.",unavailable:"qBittorrent cannot be reached",loading:"Loading torrents\u2026",empty:"No torrents",search:"Search",add:"Add",add_placeholder:"Magnet links or torrent URLs, one per line",pause:"Pause",resume:"Resume",pause_all:"Pause all",resume_all:"Resume all",alternative_limits:"Alternative speed limits",force_start:"Force start",recheck:"Recheck",reannounce:"Reannounce",remove:"Remove",remove_confirm:"Remove this torrent?",keep_files:"Keep files",delete_files:"Delete files",cancel:"Cancel",all_categories:"All categories",no_category:"No category",shown:"{shown} of {total}",save_path:"Save path",added_on:"Added",completion_on:"Completed",seeds:"Seeds",leechers:"Peers",downloaded:"Downloaded",uploaded:"Uploaded","state.all":"All","state.active":"Active","state.completed":"Completed","state.downloading":"Downloading","state.seeding":"Seeding","state.stopped":"Stopped","state.checking":"Checking","state.queued":"Queued","state.errored":"Errored","state.moving":"Moving","sort.name":"Name","sort.added_on":"Added","sort.progress":"Progress","sort.download_speed":"Download speed","sort.upload_speed":"Upload speed","sort.eta":"ETA","sort.ratio":"Ratio","sort.size":"Size","sort.status":"State","editor.entry":"qBittorrent server","editor.title":"Title","editor.state":"Show","editor.sort":"Sort by","editor.height":"List height (px)",reverse:"Reverse order",eta:"ETA",category:"Category","dashboard.no_server":"No qBittorrent server is set up.","dashboard.speeds":"Speeds","dashboard.status":"Status","dashboard.controls":"Controls","picker.card_name":"qBittorrent torrents","picker.card_description":"The torrents of a qBittorrent server, live, with their actions.","picker.dashboard_description":"Torrents, speeds, sensors and controls of each qBittorrent server."},gt={no_entry:"W\xE4hle in den Einstellungen der Karte einen qBittorrent-Server.",unavailable:"qBittorrent ist nicht erreichbar",loading:"Torrents werden geladen\u2026",empty:"Keine Torrents",search:"Suchen",add:"Hinzuf\xFCgen",add_placeholder:"Magnet-Links oder Torrent-URLs, einer pro Zeile",pause:"Pausieren",resume:"Fortsetzen",pause_all:"Alle pausieren",resume_all:"Alle fortsetzen",alternative_limits:"Alternative Geschwindigkeitsbegrenzungen",force_start:"Start erzwingen",recheck:"Erneut pr\xFCfen",reannounce:"Erneut ank\xFCndigen",remove:"Entfernen",remove_confirm:"Diesen Torrent entfernen?",keep_files:"Dateien behalten",delete_files:"Dateien l\xF6schen",cancel:"Abbrechen",all_categories:"Alle Kategorien",no_category:"Keine Kategorie",shown:"{shown} von {total}",save_path:"Speicherpfad",added_on:"Hinzugef\xFCgt",completion_on:"Abgeschlossen",seeds:"Seeds",leechers:"Peers",downloaded:"Heruntergeladen",uploaded:"Hochgeladen","state.all":"Alle","state.active":"Aktiv","state.completed":"Abgeschlossen","state.downloading":"L\xE4dt herunter","state.seeding":"Verteilt","state.stopped":"Angehalten","state.checking":"Wird gepr\xFCft","state.queued":"Eingereiht","state.errored":"Fehlerhaft","state.moving":"Wird verschoben","sort.name":"Name","sort.added_on":"Hinzugef\xFCgt","sort.progress":"Fortschritt","sort.download_speed":"Download-Geschwindigkeit","sort.upload_speed":"Upload-Geschwindigkeit","sort.eta":"Restzeit","sort.ratio":"Verh\xE4ltnis","sort.size":"Gr\xF6\xDFe","sort.status":"Status","editor.entry":"qBittorrent-Server","editor.title":"Titel","editor.state":"Anzeigen","editor.sort":"Sortieren nach","editor.height":"Listenh\xF6he (px)",reverse:"Reihenfolge umkehren",eta:"Rest",category:"Kategorie","dashboard.no_server":"Es ist kein qBittorrent-Server eingerichtet.","dashboard.speeds":"Geschwindigkeiten","dashboard.status":"Status","dashboard.controls":"Steuerung","picker.card_name":"qBittorrent-Torrents","picker.card_description":"Die Torrents eines qBittorrent-Servers, live, mit ihren Aktionen.","picker.dashboard_description":"Torrents, Geschwindigkeiten, Sensoren und Steuerung jedes qBittorrent-Servers."},_t={no_entry:"Choisissez un serveur qBittorrent dans les r\xE9glages de la carte.",unavailable:"qBittorrent est injoignable",loading:"Chargement des torrents\u2026",empty:"Aucun torrent",search:"Rechercher",add:"Ajouter",add_placeholder:"Liens magnet ou URL de torrents, un par ligne",pause:"Mettre en pause",resume:"Reprendre",pause_all:"Tout mettre en pause",resume_all:"Tout reprendre",alternative_limits:"Limites de vitesse alternatives",force_start:"Forcer le d\xE9marrage",recheck:"Rev\xE9rifier",reannounce:"R\xE9annoncer",remove:"Supprimer",remove_confirm:"Supprimer ce torrent ?",keep_files:"Garder les fichiers",delete_files:"Effacer les fichiers",cancel:"Annuler",all_categories:"Toutes les cat\xE9gories",no_category:"Sans cat\xE9gorie",shown:"{shown} sur {total}",save_path:"Chemin de sauvegarde",added_on:"Ajout\xE9 le",completion_on:"Termin\xE9 le",seeds:"Sources",leechers:"Pairs",downloaded:"Re\xE7u",uploaded:"Envoy\xE9","state.all":"Tous","state.active":"Actifs","state.completed":"Termin\xE9s","state.downloading":"En t\xE9l\xE9chargement","state.seeding":"En partage","state.stopped":"Arr\xEAt\xE9s","state.checking":"En v\xE9rification","state.queued":"En file d'attente","state.errored":"En erreur","state.moving":"En d\xE9placement","sort.name":"Nom","sort.added_on":"Date d'ajout","sort.progress":"Progression","sort.download_speed":"Vitesse de r\xE9ception","sort.upload_speed":"Vitesse d'envoi","sort.eta":"Temps restant","sort.ratio":"Ratio","sort.size":"Taille","sort.status":"\xC9tat","editor.entry":"Serveur qBittorrent","editor.title":"Titre","editor.state":"Afficher","editor.sort":"Trier par","editor.height":"Hauteur de la liste (px)",reverse:"Inverser l'ordre",eta:"Reste",category:"Cat\xE9gorie","dashboard.no_server":"Aucun serveur qBittorrent n'est configur\xE9.","dashboard.speeds":"Vitesses","dashboard.status":"\xC9tat","dashboard.controls":"Commandes","picker.card_name":"Torrents qBittorrent","picker.card_description":"Les torrents d'un serveur qBittorrent, en direct, avec leurs actions.","picker.dashboard_description":"Torrents, vitesses, capteurs et commandes de chaque serveur qBittorrent."},mt={no_entry:"Elige un servidor qBittorrent en los ajustes de la tarjeta.",unavailable:"No se puede conectar con qBittorrent",loading:"Cargando torrents\u2026",empty:"No hay torrents",search:"Buscar",add:"A\xF1adir",add_placeholder:"Enlaces magnet o URL de torrents, uno por l\xEDnea",pause:"Pausar",resume:"Reanudar",pause_all:"Pausar todos",resume_all:"Reanudar todos",alternative_limits:"L\xEDmites de velocidad alternativos",force_start:"Forzar inicio",recheck:"Volver a comprobar",reannounce:"Volver a anunciar",remove:"Quitar",remove_confirm:"\xBFQuitar este torrent?",keep_files:"Conservar archivos",delete_files:"Borrar archivos",cancel:"Cancelar",all_categories:"Todas las categor\xEDas",no_category:"Sin categor\xEDa",shown:"{shown} de {total}",save_path:"Ruta de guardado",added_on:"A\xF1adido",completion_on:"Completado",seeds:"Semillas",leechers:"Pares",downloaded:"Descargado",uploaded:"Subido","state.all":"Todos","state.active":"Activos","state.completed":"Completados","state.downloading":"Descargando","state.seeding":"Sembrando","state.stopped":"Detenidos","state.checking":"Comprobando","state.queued":"En cola","state.errored":"Con errores","state.moving":"Moviendo","sort.name":"Nombre","sort.added_on":"Fecha de adici\xF3n","sort.progress":"Progreso","sort.download_speed":"Velocidad de descarga","sort.upload_speed":"Velocidad de subida","sort.eta":"Tiempo restante","sort.ratio":"Proporci\xF3n","sort.size":"Tama\xF1o","sort.status":"Estado","editor.entry":"Servidor qBittorrent","editor.title":"T\xEDtulo","editor.state":"Mostrar","editor.sort":"Ordenar por","editor.height":"Altura de la lista (px)",reverse:"Invertir el orden",eta:"Resta",category:"Categor\xEDa","dashboard.no_server":"No hay ning\xFAn servidor qBittorrent configurado.","dashboard.speeds":"Velocidades","dashboard.status":"Estado","dashboard.controls":"Controles","picker.card_name":"Torrents de qBittorrent","picker.card_description":"Los torrents de un servidor qBittorrent, en directo, con sus acciones.","picker.dashboard_description":"Torrents, velocidades, sensores y controles de cada servidor qBittorrent."},ft={no_entry:"\u0412\u044B\u0431\u0435\u0440\u0438\u0442\u0435 \u0441\u0435\u0440\u0432\u0435\u0440 qBittorrent \u0432 \u043D\u0430\u0441\u0442\u0440\u043E\u0439\u043A\u0430\u0445 \u043A\u0430\u0440\u0442\u043E\u0447\u043A\u0438.",unavailable:"qBittorrent \u043D\u0435\u0434\u043E\u0441\u0442\u0443\u043F\u0435\u043D",loading:"\u0417\u0430\u0433\u0440\u0443\u0437\u043A\u0430 \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432\u2026",empty:"\u041D\u0435\u0442 \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432",search:"\u041F\u043E\u0438\u0441\u043A",add:"\u0414\u043E\u0431\u0430\u0432\u0438\u0442\u044C",add_placeholder:"Magnet-\u0441\u0441\u044B\u043B\u043A\u0438 \u0438\u043B\u0438 URL \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432, \u043F\u043E \u043E\u0434\u043D\u043E\u0439 \u0432 \u0441\u0442\u0440\u043E\u043A\u0435",pause:"\u041F\u0440\u0438\u043E\u0441\u0442\u0430\u043D\u043E\u0432\u0438\u0442\u044C",resume:"\u0412\u043E\u0437\u043E\u0431\u043D\u043E\u0432\u0438\u0442\u044C",pause_all:"\u041F\u0440\u0438\u043E\u0441\u0442\u0430\u043D\u043E\u0432\u0438\u0442\u044C \u0432\u0441\u0435",resume_all:"\u0412\u043E\u0437\u043E\u0431\u043D\u043E\u0432\u0438\u0442\u044C \u0432\u0441\u0435",alternative_limits:"\u0410\u043B\u044C\u0442\u0435\u0440\u043D\u0430\u0442\u0438\u0432\u043D\u044B\u0435 \u043E\u0433\u0440\u0430\u043D\u0438\u0447\u0435\u043D\u0438\u044F \u0441\u043A\u043E\u0440\u043E\u0441\u0442\u0438",force_start:"\u041F\u0440\u0438\u043D\u0443\u0434\u0438\u0442\u0435\u043B\u044C\u043D\u044B\u0439 \u0437\u0430\u043F\u0443\u0441\u043A",recheck:"\u041F\u0440\u043E\u0432\u0435\u0440\u0438\u0442\u044C \u0437\u0430\u043D\u043E\u0432\u043E",reannounce:"\u041F\u0435\u0440\u0435\u0430\u043D\u043E\u043D\u0441\u0438\u0440\u043E\u0432\u0430\u0442\u044C",remove:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C",remove_confirm:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C \u044D\u0442\u043E\u0442 \u0442\u043E\u0440\u0440\u0435\u043D\u0442?",keep_files:"\u041E\u0441\u0442\u0430\u0432\u0438\u0442\u044C \u0444\u0430\u0439\u043B\u044B",delete_files:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C \u0444\u0430\u0439\u043B\u044B",cancel:"\u041E\u0442\u043C\u0435\u043D\u0430",all_categories:"\u0412\u0441\u0435 \u043A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u0438",no_category:"\u0411\u0435\u0437 \u043A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u0438",shown:"{shown} \u0438\u0437 {total}",save_path:"\u041F\u0443\u0442\u044C \u0441\u043E\u0445\u0440\u0430\u043D\u0435\u043D\u0438\u044F",added_on:"\u0414\u043E\u0431\u0430\u0432\u043B\u0435\u043D",completion_on:"\u0417\u0430\u0432\u0435\u0440\u0448\u0451\u043D",seeds:"\u0421\u0438\u0434\u044B",leechers:"\u041F\u0438\u0440\u044B",downloaded:"\u0417\u0430\u0433\u0440\u0443\u0436\u0435\u043D\u043E",uploaded:"\u041E\u0442\u0434\u0430\u043D\u043E","state.all":"\u0412\u0441\u0435","state.active":"\u0410\u043A\u0442\u0438\u0432\u043D\u044B\u0435","state.completed":"\u0417\u0430\u0432\u0435\u0440\u0448\u0451\u043D\u043D\u044B\u0435","state.downloading":"\u0417\u0430\u0433\u0440\u0443\u0436\u0430\u044E\u0442\u0441\u044F","state.seeding":"\u0420\u0430\u0437\u0434\u0430\u044E\u0442\u0441\u044F","state.stopped":"\u041E\u0441\u0442\u0430\u043D\u043E\u0432\u043B\u0435\u043D\u043D\u044B\u0435","state.checking":"\u041F\u0440\u043E\u0432\u0435\u0440\u044F\u044E\u0442\u0441\u044F","state.queued":"\u0412 \u043E\u0447\u0435\u0440\u0435\u0434\u0438","state.errored":"\u0421 \u043E\u0448\u0438\u0431\u043A\u0430\u043C\u0438","state.moving":"\u041F\u0435\u0440\u0435\u043C\u0435\u0449\u0430\u044E\u0442\u0441\u044F","sort.name":"\u0418\u043C\u044F","sort.added_on":"\u0414\u0430\u0442\u0430 \u0434\u043E\u0431\u0430\u0432\u043B\u0435\u043D\u0438\u044F","sort.progress":"\u041F\u0440\u043E\u0433\u0440\u0435\u0441\u0441","sort.download_speed":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u044C \u0437\u0430\u0433\u0440\u0443\u0437\u043A\u0438","sort.upload_speed":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u044C \u043E\u0442\u0434\u0430\u0447\u0438","sort.eta":"\u041E\u0441\u0442\u0430\u0432\u0448\u0435\u0435\u0441\u044F \u0432\u0440\u0435\u043C\u044F","sort.ratio":"\u0420\u0435\u0439\u0442\u0438\u043D\u0433","sort.size":"\u0420\u0430\u0437\u043C\u0435\u0440","sort.status":"\u0421\u043E\u0441\u0442\u043E\u044F\u043D\u0438\u0435","editor.entry":"\u0421\u0435\u0440\u0432\u0435\u0440 qBittorrent","editor.title":"\u0417\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A","editor.state":"\u041F\u043E\u043A\u0430\u0437\u044B\u0432\u0430\u0442\u044C","editor.sort":"\u0421\u043E\u0440\u0442\u0438\u0440\u043E\u0432\u0430\u0442\u044C \u043F\u043E","editor.height":"\u0412\u044B\u0441\u043E\u0442\u0430 \u0441\u043F\u0438\u0441\u043A\u0430 (\u043F\u0438\u043A\u0441.)",reverse:"\u041E\u0431\u0440\u0430\u0442\u043D\u044B\u0439 \u043F\u043E\u0440\u044F\u0434\u043E\u043A",eta:"\u041E\u0441\u0442\u0430\u043B\u043E\u0441\u044C",category:"\u041A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u044F","dashboard.no_server":"\u0421\u0435\u0440\u0432\u0435\u0440 qBittorrent \u043D\u0435 \u043D\u0430\u0441\u0442\u0440\u043E\u0435\u043D.","dashboard.speeds":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u0438","dashboard.status":"\u0421\u043E\u0441\u0442\u043E\u044F\u043D\u0438\u0435","dashboard.controls":"\u0423\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u0438\u0435","picker.card_name":"\u0422\u043E\u0440\u0440\u0435\u043D\u0442\u044B qBittorrent","picker.card_description":"\u0422\u043E\u0440\u0440\u0435\u043D\u0442\u044B \u0441\u0435\u0440\u0432\u0435\u0440\u0430 qBittorrent \u0432 \u0440\u0435\u0430\u043B\u044C\u043D\u043E\u043C \u0432\u0440\u0435\u043C\u0435\u043D\u0438, \u0441 \u0434\u0435\u0439\u0441\u0442\u0432\u0438\u044F\u043C\u0438 \u043D\u0430\u0434 \u043D\u0438\u043C\u0438.","picker.dashboard_description":"\u0422\u043E\u0440\u0440\u0435\u043D\u0442\u044B, \u0441\u043A\u043E\u0440\u043E\u0441\u0442\u0438, \u0434\u0430\u0442\u0447\u0438\u043A\u0438 \u0438 \u0443\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u0438\u0435 \u043A\u0430\u0436\u0434\u043E\u0433\u043E \u0441\u0435\u0440\u0432\u0435\u0440\u0430 qBittorrent."},vt={no_entry:"Kies een qBittorrent-server in de instellingen van de kaart.",unavailable:"qBittorrent is niet bereikbaar",loading:"Torrents laden\u2026",empty:"Geen torrents",search:"Zoeken",add:"Toevoegen",add_placeholder:"Magnetlinks of torrent-URL's, \xE9\xE9n per regel",pause:"Pauzeren",resume:"Hervatten",pause_all:"Alles pauzeren",resume_all:"Alles hervatten",alternative_limits:"Alternatieve snelheidslimieten",force_start:"Geforceerd starten",recheck:"Opnieuw controleren",reannounce:"Opnieuw aankondigen",remove:"Verwijderen",remove_confirm:"Deze torrent verwijderen?",keep_files:"Bestanden bewaren",delete_files:"Bestanden wissen",cancel:"Annuleren",all_categories:"Alle categorie\xEBn",no_category:"Geen categorie",shown:"{shown} van {total}",save_path:"Opslagpad",added_on:"Toegevoegd",completion_on:"Voltooid",seeds:"Seeds",leechers:"Peers",downloaded:"Gedownload",uploaded:"Ge\xFCpload","state.all":"Alle","state.active":"Actief","state.completed":"Voltooid","state.downloading":"Downloaden","state.seeding":"Seeden","state.stopped":"Gestopt","state.checking":"Controleren","state.queued":"In wachtrij","state.errored":"Met fouten","state.moving":"Verplaatsen","sort.name":"Naam","sort.added_on":"Toegevoegd","sort.progress":"Voortgang","sort.download_speed":"Downloadsnelheid","sort.upload_speed":"Uploadsnelheid","sort.eta":"Resterende tijd","sort.ratio":"Verhouding","sort.size":"Grootte","sort.status":"Status","editor.entry":"qBittorrent-server","editor.title":"Titel","editor.state":"Tonen","editor.sort":"Sorteren op","editor.height":"Lijsthoogte (px)",reverse:"Volgorde omkeren",eta:"Resterend",category:"Categorie","dashboard.no_server":"Er is geen qBittorrent-server ingesteld.","dashboard.speeds":"Snelheden","dashboard.status":"Status","dashboard.controls":"Bediening","picker.card_name":"qBittorrent-torrents","picker.card_description":"De torrents van een qBittorrent-server, live, met hun acties.","picker.dashboard_description":"Torrents, snelheden, sensoren en bediening van elke qBittorrent-server."},ze={en:pt,de:gt,fr:_t,es:mt,ru:ft,nl:vt};function Ie(n){if(!n)return"en";let e=s=>Object.prototype.hasOwnProperty.call(ze,s),t=n.toLowerCase();if(e(t))return t;let r=t.split(/[-_]/)[0];return e(r)?r:"en"}function A(n){return Ie(n?.locale?.language??n?.language)}function K(){let n=document.querySelector("home-assistant");return A(n?.hass)}function f(n,e,t={}){return ze[Ie(n)][e].replace(/\{(\w+)\}/g,(s,o)=>String(t[o]??""))}function C(n,e,t=window){let r=t.customElements;return r.get(n)||r.define(n,e),r.whenDefined("home-assistant").then(()=>{let s=t.customElements;s!==r&&!s.get(n)&&s.define(n,e)})}var F=class extends g{constructor(){super(...arguments);this._entries=[];this._requested=!1}setConfig(t){this._config=t}willUpdate(){this.hass&&!this._requested&&(this._requested=!0,k(this.hass).then(t=>{this._entries=t}))}_text(t){return f(A(this.hass),t)}_changed(t,r){let s={...this._config};r===""||r===void 0?delete s[t]:s[t]=r,this._config=s,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:s},bubbles:!0,composed:!0}))}render(){let t=this._config??{type:"custom:qbittorrent-card"},r=this._entries.some(s=>s.entry_id===t.entry_id)||!t.entry_id?this._entries:[...this._entries,{entry_id:t.entry_id,title:t.entry_id}];return d`
      <label>
        ${this._text("editor.entry")}
        <select id="entry" @change=${s=>this._changed("entry_id",s.target.value)}>
          <option value="" ?selected=${!t.entry_id}>—</option>
          ${r.map(s=>d`<option value=${s.entry_id} ?selected=${s.entry_id===t.entry_id}>${s.title}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.title")}
        <input .value=${t.title??""} @change=${s=>this._changed("title",s.target.value)} />
      </label>
      <label>
        ${this._text("editor.state")}
        <select @change=${s=>this._changed("state",s.target.value)}>
          ${U.map(s=>d`<option value=${s} ?selected=${s===(t.state??"all")}>${this._text(`state.${s}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.sort")}
        <select @change=${s=>this._changed("sort",s.target.value)}>
          ${N.map(s=>d`<option value=${s} ?selected=${s===(t.sort??"name")}>${this._text(`sort.${s}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.height")}
        <input
          type="number"
          min="120"
          .value=${String(t.height??"")}
          @change=${s=>{let o=s.target.value;this._changed("height",o?Number(o):void 0)}}
        />
      </label>
    `}};F.properties={hass:{attribute:!1},_config:{state:!0},_entries:{state:!0}},F.styles=q`
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
  `;C("qbittorrent-card-editor",F);var bt=[["sensor","download_speed"],["sensor","upload_speed"]],yt=[["binary_sensor","connectivity"],["sensor","status"],["sensor","torrents_total"],["sensor","torrents_downloading"],["sensor","torrents_seeding"],["sensor","torrents_stopped"],["sensor","next_finish"],["sensor","global_ratio"],["sensor","free_disk_space"]],$t=[["switch","torrents"],["switch","alternative_speed_limits"],["number","download_limit"],["number","upload_limit"],["button","pause_all"],["button","resume_all"]],xt=3,wt=4;function St(n,e){let t=new Map(e.map(s=>[s.entry_id,s.title])),r=new Map;for(let s of Object.values(n.entities)){let o=s.platform===S&&s.device_id?n.devices[s.device_id]:void 0;for(let i of o?.config_entries??[])!r.has(i)&&(t.has(i)||e.length===0)&&r.set(i,t.get(i)??o?.name_by_user??o?.name??"qBittorrent")}return[...r].map(([s,o])=>({entry_id:s,title:o})).sort((s,o)=>s.title.localeCompare(o.title))}function At(n,e){let t=n.entities[e]?.device_id,r=t?n.devices[t]:void 0,s=r?.name_by_user??r?.name,o=n.states[e]?.attributes.friendly_name;return!s||!o?.startsWith(`${s} `)?e:{entity:e,name:o.slice(s.length+1)}}function Ke(n,e,t,r,s={}){let o=t.map(([i,l])=>I(n,e,i,l)).filter(i=>i!==void 0).map(i=>At(n,i));return o.length?[{type:"entities",title:r,entities:o,...s}]:[]}function Et(n,e){let t=r=>f(A(n),r);return e.length===0?{title:"qBittorrent",views:[{title:"qBittorrent",path:"qbittorrent",icon:"mdi:download-network",cards:[{type:"markdown",content:t("dashboard.no_server")}]}]}:{title:"qBittorrent",views:e.map((r,s)=>{let o=bt.map(([i,l])=>I(n,r.entry_id,i,l)).filter(i=>i!==void 0);return{title:r.title,path:s===0?"torrents":`torrents-${s+1}`,icon:"mdi:download-network",type:"sections",max_columns:3,sections:[{type:"grid",column_span:2,cards:[{type:"custom:qbittorrent-card",entry_id:r.entry_id,title:r.title,grid_options:{columns:"full"}},...o.length?[{type:"history-graph",title:t("dashboard.speeds"),hours_to_show:xt,entities:o,grid_options:{columns:"full",rows:wt}}]:[]]},{type:"grid",cards:[...Ke(n,r.entry_id,yt,t("dashboard.status")),...Ke(n,r.entry_id,$t,t("dashboard.controls"),{show_header_toggle:!1})]}].filter(i=>i.cards.length>0)}})}}function Tt(n){return k(n).then(e=>Et(n,St(n,e)))}function Fe(){class n extends HTMLElement{static generate(r,s){return Tt(s)}}C("ll-strategy-dashboard-qbittorrent-webui",n);let e=window;e.customStrategies=e.customStrategies??[],e.customStrategies.some(t=>t.type==="qbittorrent-webui")||e.customStrategies.push({type:"qbittorrent-webui",strategyType:"dashboard",name:"qBittorrent",get description(){return f(K(),"picker.dashboard_description")},documentationURL:"https://github.com/qbittorrent-webui-ha/qbittorrent_webui#dashboard"})}var Z=64,Ve=480,kt=5e3,Ct={downloading:"mdi:download",stalled_downloading:"mdi:download-off-outline",metadata:"mdi:file-search-outline",seeding:"mdi:upload",stalled_seeding:"mdi:upload-off-outline",stopped:"mdi:pause",queued:"mdi:tray-full",checking:"mdi:progress-check",moving:"mdi:folder-move-outline",error:"mdi:alert-circle-outline",missing_files:"mdi:file-alert-outline"},V=class extends g{constructor(){super(...arguments);this._feed=ue();this._state="all";this._category=null;this._search="";this._sort="name";this._reverse=!1;this._scrollTop=0;this._selected=null;this._confirmRemove=null;this._error=null;this._adding=!1;this._loaded=!1;this._view={key:"",torrents:[]}}static getConfigElement(){return document.createElement("qbittorrent-card-editor")}static async getStubConfig(t){return{type:"custom:qbittorrent-card",entry_id:(await k(t))[0]?.entry_id??""}}setConfig(t){if(t.state!==void 0&&!U.includes(t.state))throw new Error(`Unknown state filter: ${t.state}`);if(t.sort!==void 0&&!N.includes(t.sort))throw new Error(`Unknown sort key: ${t.sort}`);let r=t.entry_id!==this._config?.entry_id;this._config=t,this._state=t.state??"all",this._sort=t.sort??"name",this._reverse=t.reverse??!1,r&&(this._stop(),this._start())}getCardSize(){return Math.ceil((this._config?.height??Ve)/50)+2}connectedCallback(){super.connectedCallback(),this._start()}disconnectedCallback(){super.disconnectedCallback(),this._stop()}willUpdate(t){t.has("hass")&&!this._unsubscribe&&this._start()}_text(t,r){return f(A(this.hass),t,r)}_start(){let t=this._config?.entry_id;if(!this.hass||!t||!this.isConnected||this._unsubscribe)return;this._feed=ue(),this._loaded=!1,this._error=null;let r=this.hass.connection.subscribeMessage(s=>this._received(s),{type:`${S}/torrents/subscribe`,config_entry_id:t});this._unsubscribe=r,r.catch(s=>{this._unsubscribe===r&&(this._unsubscribe=void 0,this._error=s.message??String(s),this._scheduleResubscribe())})}_stop(){window.clearTimeout(this._resubscribe);let t=this._unsubscribe;this._unsubscribe=void 0,t?.then(r=>r()).catch(()=>{})}_scheduleResubscribe(){window.clearTimeout(this._resubscribe),this._resubscribe=window.setTimeout(()=>this._start(),kt)}_received(t){if(t.ended){this._unsubscribe=void 0,this._feed={...this._feed,available:!1},this._scheduleResubscribe();return}this._loaded=!0,this._feed=Pe(this._feed,t)}_visible(){let t=JSON.stringify([this._feed.revision,this._state,this._category,this._search,this._sort,this._reverse]);return t!==this._view.key&&(this._view={key:t,torrents:He(this._feed,{state:this._state,category:this._category,search:this._search,sort:this._sort,reverse:this._reverse})}),this._view.torrents}_call(t,r){!this.hass||!this._config?.entry_id||this.hass.callService(S,t,{config_entry_id:this._config.entry_id,...r}).catch(s=>{this._error=s.message??String(s)})}_toggleAlternative(){let t=this.hass&&this._config?.entry_id?I(this.hass,this._config.entry_id,"switch","alternative_speed_limits"):void 0;t&&this.hass&&this.hass.callService("switch","toggle",{entity_id:t})}render(){let t=this._config;if(!t?.entry_id)return d`<ha-card><div class="message">${this._text("no_entry")}</div></ha-card>`;let r=this._visible(),s=t.height??Ve,{start:o,end:i}=Le(this._scrollTop,s,Z,r.length);return d`
      <ha-card>
        ${this._renderHeader(t)} ${this._renderAdd()} ${this._renderControls(r.length)}
        ${this._error?d`<div class="message error">${this._error}</div>`:h}
        ${this._feed.available||!this._loaded?h:d`<div class="message error">${this._text("unavailable")}</div>`}
        ${this._renderDetails()}
        <div
          class="list"
          style="height: ${s}px"
          @scroll=${l=>{this._scrollTop=l.target.scrollTop}}
        >
          ${this._loaded?r.length===0?d`<div class="message">${this._text("empty")}</div>`:d`<div class="spacer" style="height: ${r.length*Z}px">
                  ${r.slice(o,i).map((l,a)=>this._renderRow(l,o+a))}
                </div>`:d`<div class="message">${this._text("loading")}</div>`}
        </div>
      </ha-card>
    `}_renderHeader(t){let r=this._feed.server,s=r.alternative_speed_limits_enabled;return d`
      <div class="header">
        <div class="title">${t.title??"qBittorrent"}</div>
        <div class="speeds">
          <span class="speed down"><ha-icon icon="mdi:download"></ha-icon>${z(r.download_speed)}</span>
          <span class="speed up"><ha-icon icon="mdi:upload"></ha-icon>${z(r.upload_speed)}</span>
        </div>
        <button
          class="icon ${s?"on":""}"
          title=${this._text("alternative_limits")}
          aria-pressed=${s?"true":"false"}
          @click=${()=>this._toggleAlternative()}
        >
          <ha-icon icon=${s?"mdi:speedometer-slow":"mdi:speedometer"}></ha-icon>
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
      <form class="add" @submit=${r=>{r.preventDefault();let s=r.target,o=s.elements.namedItem("urls").value.split(/\s+/).filter(Boolean),i=s.elements.namedItem("category").value;o.length&&(this._call("add_torrent",i?{urls:o,category:i}:{urls:o}),this._adding=!1)}}>
        <textarea name="urls" rows="2" placeholder=${this._text("add_placeholder")}></textarea>
        <select name="category" aria-label=${this._text("category")}>
          <option value="">${this._text("no_category")}</option>
          ${this._feed.categories.map(r=>d`<option value=${r}>${r}</option>`)}
        </select>
        <button type="submit">${this._text("add")}</button>
      </form>
    `:h}_renderControls(t){return d`
      <div class="controls">
        <input
          type="search"
          placeholder=${this._text("search")}
          .value=${this._search}
          @input=${r=>{this._search=r.target.value}}
        />
        <select
          aria-label=${this._text("editor.state")}
          @change=${r=>{this._state=r.target.value}}
        >
          ${U.map(r=>d`<option value=${r} ?selected=${r===this._state}>${this._text(`state.${r}`)}</option>`)}
        </select>
        <select
          aria-label=${this._text("category")}
          @change=${r=>{let s=r.target.value;this._category=s==="*"?null:s}}
        >
          <option value="*" ?selected=${this._category===null}>${this._text("all_categories")}</option>
          <option value="" ?selected=${this._category===""}>${this._text("no_category")}</option>
          ${this._feed.categories.map(r=>d`<option value=${r} ?selected=${r===this._category}>${r}</option>`)}
        </select>
        <select
          aria-label=${this._text("editor.sort")}
          @change=${r=>{this._sort=r.target.value}}
        >
          ${N.map(r=>d`<option value=${r} ?selected=${r===this._sort}>${this._text(`sort.${r}`)}</option>`)}
        </select>
        <button class="icon" title=${this._text("reverse")} @click=${()=>this._reverse=!this._reverse}>
          <ha-icon icon=${this._reverse?"mdi:sort-descending":"mdi:sort-ascending"}></ha-icon>
        </button>
        <span class="count">${this._text("shown",{shown:t,total:this._feed.torrents.size})}</span>
      </div>
    `}_renderRow(t,r){let s=Math.max(0,Math.min(1,t.progress??0)),o=Be(t);return d`
      <div
        class="row ${t.hash===this._selected?"selected":""}"
        style="top: ${r*Z}px"
        data-hash=${t.hash}
      >
        <ha-icon class="status ${t.status}" icon=${Ct[t.status]??"mdi:help-circle-outline"} title=${t.state}></ha-icon>
        <div class="main" @click=${()=>this._selected=this._selected===t.hash?null:t.hash}>
          <div class="line">
            <span class="name" title=${t.name}>${t.name}</span>
            ${t.category?d`<span class="chip category">${t.category}</span>`:h}
            ${t.tags.map(i=>d`<span class="chip">${i}</span>`)}
          </div>
          <div class="progress" role="progressbar" aria-valuenow=${Math.round(s*100)}>
            <div class="bar ${t.status}" style="width: ${s*100}%"></div>
          </div>
          <div class="line secondary">
            <span>${De(t.progress)}</span>
            <span>${D(t.size)}</span>
            <span>↓ ${z(t.download_speed)}</span>
            <span>↑ ${z(t.upload_speed)}</span>
            <span>${this._text("eta")} ${Ue(t.eta)}</span>
            <span>⚖ ${Ne(t.ratio)}</span>
          </div>
        </div>
        ${this._confirmRemove===t.hash?d`<div class="confirm">
              <span>${this._text("remove_confirm")}</span>
              <button @click=${()=>this._remove(t,!1)}>${this._text("keep_files")}</button>
              <button class="danger" @click=${()=>this._remove(t,!0)}>${this._text("delete_files")}</button>
              <button @click=${()=>this._confirmRemove=null}>${this._text("cancel")}</button>
            </div>`:d`<button
                class="icon"
                title=${this._text(o?"pause":"resume")}
                @click=${()=>this._call(o?"pause_torrents":"resume_torrents",{torrent_hashes:[t.hash]})}
              >
                <ha-icon icon=${o?"mdi:pause":"mdi:play"}></ha-icon>
              </button>
              <button class="icon" title=${this._text("remove")} @click=${()=>this._confirmRemove=t.hash}>
                <ha-icon icon="mdi:delete-outline"></ha-icon>
              </button>`}
      </div>
    `}_remove(t,r){this._confirmRemove=null,this._call("remove_torrents",{torrent_hashes:[t.hash],delete_files:r})}_renderDetails(){let t=this._selected?this._feed.torrents.get(this._selected):void 0;if(!t)return h;let r=o=>o?new Date(o).toLocaleString(this.hass?.locale?.language):"\u2014",s={torrent_hashes:[t.hash]};return d`
      <div class="details">
        <div class="name">${t.name}</div>
        <dl>
          <dt>${this._text("save_path")}</dt><dd>${t.save_path??"\u2014"}</dd>
          <dt>${this._text("added_on")}</dt><dd>${r(t.added_on)}</dd>
          <dt>${this._text("completion_on")}</dt><dd>${r(t.completion_on)}</dd>
          <dt>${this._text("seeds")}</dt><dd>${t.seeds??"\u2014"}</dd>
          <dt>${this._text("leechers")}</dt><dd>${t.leechers??"\u2014"}</dd>
          <dt>${this._text("downloaded")}</dt><dd>${D(t.downloaded)}</dd>
          <dt>${this._text("uploaded")}</dt><dd>${D(t.uploaded)}</dd>
        </dl>
        <div class="actions">
          <button @click=${()=>this._call("set_force_start",{...s,force_start:!t.force_start})}>
            ${this._text("force_start")}${t.force_start?" \u2713":""}
          </button>
          <button @click=${()=>this._call("recheck_torrents",s)}>${this._text("recheck")}</button>
          <button @click=${()=>this._call("reannounce_torrents",s)}>${this._text("reannounce")}</button>
          <select
            aria-label=${this._text("category")}
            @change=${o=>this._call("set_category",{...s,category:o.target.value})}
          >
            <option value="" ?selected=${!t.category}>${this._text("no_category")}</option>
            ${this._feed.categories.map(o=>d`<option value=${o} ?selected=${o===t.category}>${o}</option>`)}
          </select>
        </div>
      </div>
    `}};V.properties={hass:{attribute:!1},_config:{state:!0},_feed:{state:!0},_state:{state:!0},_category:{state:!0},_search:{state:!0},_sort:{state:!0},_reverse:{state:!0},_scrollTop:{state:!0},_selected:{state:!0},_confirmRemove:{state:!0},_error:{state:!0},_adding:{state:!0}},V.styles=q`
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
      height: ${Z}px;
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
  `;C("qbittorrent-card",V);Fe();var X=window;X.customCards=X.customCards??[];X.customCards.some(n=>n.type==="qbittorrent-card")||X.customCards.push({type:"qbittorrent-card",get name(){return f(K(),"picker.card_name")},get description(){return f(K(),"picker.card_description")},preview:!1,documentationURL:"https://github.com/qbittorrent-webui-ha/qbittorrent_webui#torrent-card"});export{V as QBittorrentCard};
