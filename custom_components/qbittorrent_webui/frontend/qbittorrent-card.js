// qbittorrent-card sources-sha256: 762e0b8ce25012b4b35471fa8111f8bdbaffdf2432cf50c67da4ef3700f66517
var j=globalThis,G=j.ShadowRoot&&(j.ShadyCSS===void 0||j.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,X=Symbol(),ue=new WeakMap,k=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==X)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(G&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=ue.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&ue.set(t,e))}return e}toString(){return this.cssText}},pe=o=>new k(typeof o=="string"?o:o+"",void 0,X),P=(o,...e)=>{let t=o.length===1?o[0]:e.reduce((s,r,n)=>s+(i=>{if(i._$cssResult$===!0)return i.cssText;if(typeof i=="number")return i;throw Error("Value passed to 'css' function must be a 'css' function result: "+i+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+o[n+1],o[0]);return new k(t,o,X)},ge=(o,e)=>{if(G)o.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=j.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,o.appendChild(s)}},Q=G?o=>o:o=>o instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return pe(t)})(o):o;var{is:Ve,defineProperty:je,getOwnPropertyDescriptor:Ge,getOwnPropertyNames:We,getOwnPropertySymbols:Ye,getPrototypeOf:Je}=Object,W=globalThis,_e=W.trustedTypes,Ze=_e?_e.emptyScript:"",Xe=W.reactiveElementPolyfillSupport,M=(o,e)=>o,ee={toAttribute(o,e){switch(e){case Boolean:o=o?Ze:null;break;case Object:case Array:o=o==null?o:JSON.stringify(o)}return o},fromAttribute(o,e){let t=o;switch(e){case Boolean:t=o!==null;break;case Number:t=o===null?null:Number(o);break;case Object:case Array:try{t=JSON.parse(o)}catch{t=null}}return t}},fe=(o,e)=>!Ve(o,e),me={attribute:!0,type:String,converter:ee,reflect:!1,useDefault:!1,hasChanged:fe};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;var m=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=me){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&je(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:n}=Ge(this.prototype,e)??{get(){return this[t]},set(i){this[t]=i}};return{get:r,set(i){let l=r?.call(this);n?.call(this,i),this.requestUpdate(e,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??me}static _$Ei(){if(this.hasOwnProperty(M("elementProperties")))return;let e=Je(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(M("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(M("properties"))){let t=this.properties,s=[...We(t),...Ye(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(Q(r))}else e!==void 0&&t.push(Q(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ge(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:ee).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),i=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:ee;this._$Em=r;let l=i.fromAttribute(t,n.type);this[r]=l??this._$Ej?.get(r)??l,this._$Em=null}}requestUpdate(e,t,s,r=!1,n){if(e!==void 0){let i=this.constructor;if(r===!1&&(n=this[e]),s??=i.getPropertyOptions(e),!((s.hasChanged??fe)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(i._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:n},i){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,i??t??this[e]),n!==!0||i!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:i}=n,l=this[r];i!==!0||this._$AL.has(r)||l===void 0||this.C(r,void 0,n,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};m.elementStyles=[],m.shadowRootOptions={mode:"open"},m[M("elementProperties")]=new Map,m[M("finalized")]=new Map,Xe?.({ReactiveElement:m}),(W.reactiveElementVersions??=[]).push("2.1.2");var ae=globalThis,ve=o=>o,Y=ae.trustedTypes,be=Y?Y.createPolicy("lit-html",{createHTML:o=>o}):void 0,Ae="$lit$",v=`lit$${Math.random().toFixed(9).slice(2)}$`,Ee="?"+v,Qe=`<${Ee}>`,$=document,L=()=>$.createComment(""),q=o=>o===null||typeof o!="object"&&typeof o!="function",le=Array.isArray,et=o=>le(o)||typeof o?.[Symbol.iterator]=="function",te=`[ 	
\f\r]`,H=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ye=/-->/g,$e=/>/g,b=RegExp(`>|${te}(?:([^\\s"'>=/]+)(${te}*=${te}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),xe=/'/g,we=/"/g,Te=/^(?:script|style|textarea|title)$/i,de=o=>(e,...t)=>({_$litType$:o,strings:e,values:t}),d=de(1),Ht=de(2),Lt=de(3),x=Symbol.for("lit-noChange"),h=Symbol.for("lit-nothing"),Se=new WeakMap,y=$.createTreeWalker($,129);function Ce(o,e){if(!le(o)||!o.hasOwnProperty("raw"))throw Error("invalid template strings array");return be!==void 0?be.createHTML(e):e}var tt=(o,e)=>{let t=o.length-1,s=[],r,n=e===2?"<svg>":e===3?"<math>":"",i=H;for(let l=0;l<t;l++){let a=o[l],u,p,c=-1,_=0;for(;_<a.length&&(i.lastIndex=_,p=i.exec(a),p!==null);)_=i.lastIndex,i===H?p[1]==="!--"?i=ye:p[1]!==void 0?i=$e:p[2]!==void 0?(Te.test(p[2])&&(r=RegExp("</"+p[2],"g")),i=b):p[3]!==void 0&&(i=b):i===b?p[0]===">"?(i=r??H,c=-1):p[1]===void 0?c=-2:(c=i.lastIndex-p[2].length,u=p[1],i=p[3]===void 0?b:p[3]==='"'?we:xe):i===we||i===xe?i=b:i===ye||i===$e?i=H:(i=b,r=void 0);let f=i===b&&o[l+1].startsWith("/>")?" ":"";n+=i===H?a+Qe:c>=0?(s.push(u),a.slice(0,c)+Ae+a.slice(c)+v+f):a+v+(c===-2?l:f)}return[Ce(o,n+(o[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},O=class o{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let n=0,i=0,l=e.length-1,a=this.parts,[u,p]=tt(e,t);if(this.el=o.createElement(u,s),y.currentNode=this.el.content,t===2||t===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(r=y.nextNode())!==null&&a.length<l;){if(r.nodeType===1){if(r.hasAttributes())for(let c of r.getAttributeNames())if(c.endsWith(Ae)){let _=p[i++],f=r.getAttribute(c).split(v),V=/([.?@])?(.*)/.exec(_);a.push({type:1,index:n,name:V[2],strings:f,ctor:V[1]==="."?re:V[1]==="?"?oe:V[1]==="@"?ne:A}),r.removeAttribute(c)}else c.startsWith(v)&&(a.push({type:6,index:n}),r.removeAttribute(c));if(Te.test(r.tagName)){let c=r.textContent.split(v),_=c.length-1;if(_>0){r.textContent=Y?Y.emptyScript:"";for(let f=0;f<_;f++)r.append(c[f],L()),y.nextNode(),a.push({type:2,index:++n});r.append(c[_],L())}}}else if(r.nodeType===8)if(r.data===Ee)a.push({type:2,index:n});else{let c=-1;for(;(c=r.data.indexOf(v,c+1))!==-1;)a.push({type:7,index:n}),c+=v.length-1}n++}}static createElement(e,t){let s=$.createElement("template");return s.innerHTML=e,s}};function S(o,e,t=o,s){if(e===x)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,n=q(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(o),r._$AT(o,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=S(o,r._$AS(o,e.values),r,s)),e}var se=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??$).importNode(t,!0);y.currentNode=r;let n=y.nextNode(),i=0,l=0,a=s[0];for(;a!==void 0;){if(i===a.index){let u;a.type===2?u=new U(n,n.nextSibling,this,e):a.type===1?u=new a.ctor(n,a.name,a.strings,this,e):a.type===6&&(u=new ie(n,this,e)),this._$AV.push(u),a=s[++l]}i!==a?.index&&(n=y.nextNode(),i++)}return y.currentNode=$,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},U=class o{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=h,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=S(this,e,t),q(e)?e===h||e==null||e===""?(this._$AH!==h&&this._$AR(),this._$AH=h):e!==this._$AH&&e!==x&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):et(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==h&&q(this._$AH)?this._$AA.nextSibling.data=e:this.T($.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=O.createElement(Ce(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let n=new se(r,this),i=n.u(this.options);n.p(t),this.T(i),this._$AH=n}}_$AC(e){let t=Se.get(e.strings);return t===void 0&&Se.set(e.strings,t=new O(e)),t}k(e){le(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let n of e)r===t.length?t.push(s=new o(this.O(L()),this.O(L()),this,this.options)):s=t[r],s._$AI(n),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=ve(e).nextSibling;ve(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},A=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,n){this.type=1,this._$AH=h,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=h}_$AI(e,t=this,s,r){let n=this.strings,i=!1;if(n===void 0)e=S(this,e,t,0),i=!q(e)||e!==this._$AH&&e!==x,i&&(this._$AH=e);else{let l=e,a,u;for(e=n[0],a=0;a<n.length-1;a++)u=S(this,l[s+a],t,a),u===x&&(u=this._$AH[a]),i||=!q(u)||u!==this._$AH[a],u===h?e=h:e!==h&&(e+=(u??"")+n[a+1]),this._$AH[a]=u}i&&!r&&this.j(e)}j(e){e===h?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},re=class extends A{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===h?void 0:e}},oe=class extends A{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==h)}},ne=class extends A{constructor(e,t,s,r,n){super(e,t,s,r,n),this.type=5}_$AI(e,t=this){if((e=S(this,e,t,0)??h)===x)return;let s=this._$AH,r=e===h&&s!==h||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==h&&(s===h||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ie=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){S(this,e)}};var st=ae.litHtmlPolyfillSupport;st?.(O,U),(ae.litHtmlVersions??=[]).push("3.3.3");var Re=(o,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let n=t?.renderBefore??null;s._$litPart$=r=new U(e.insertBefore(L(),n),n,void 0,t??{})}return r._$AI(o),r};var ce=globalThis,g=class extends m{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Re(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return x}};g._$litElement$=!0,g.finalized=!0,ce.litElementHydrateSupport?.({LitElement:g});var rt=ce.litElementPolyfillSupport;rt?.({LitElement:g});(ce.litElementVersions??=[]).push("4.2.2");function he(){return{torrents:new Map,server:{download_speed:null,upload_speed:null,download_rate_limit:null,upload_rate_limit:null,alternative_speed_limits_enabled:null,connection_status:null,free_space_on_disk:null},categories:[],tags:[],available:!1,revision:0}}function Pe(o,e){e.full&&o.torrents.clear();for(let t of e.torrents??[])o.torrents.set(t.hash,t);for(let t of e.added??[])o.torrents.set(t.hash,t);for(let[t,s]of Object.entries(e.changed??{})){let r=o.torrents.get(t);r&&o.torrents.set(t,{...r,...s})}for(let t of e.removed??[])o.torrents.delete(t);return{...o,server:e.server?{...o.server,...e.server}:o.server,categories:e.categories??o.categories,tags:e.tags??o.tags,available:e.available??o.available,revision:o.revision+1}}var ot={downloading:["downloading","stalled_downloading","metadata"],seeding:["seeding","stalled_seeding"],stopped:["stopped"],checking:["checking"],queued:["queued"],errored:["error","missing_files"],moving:["moving"]},nt=new Set(["checking","metadata","moving","error","missing_files","unknown"]),N=["all","active","completed","downloading","seeding","stopped","checking","queued","errored","moving"],B=["name","added_on","progress","download_speed","upload_speed","eta","ratio","size","status"];function it(o){return!!o.download_speed||!!o.upload_speed}function at(o){return nt.has(o.status)?!1:o.amount_left!==null?o.amount_left===0&&o.progress!==0:(o.progress??0)>=1}function lt(o,e){switch(e){case"all":return!0;case"active":return it(o);case"completed":return at(o);default:return ot[e].includes(o.status)}}function dt(o){return o.toLocaleLowerCase().split(/\s+/).filter(Boolean)}function ct(o,e,t){if(!lt(o,e.state)||e.category!==null&&(o.category??"")!==e.category)return!1;if(t.length){let s=o.name.toLocaleLowerCase();return t.every(r=>s.includes(r))}return!0}var Me=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function ke(o,e){return typeof o=="string"&&typeof e=="string"?Me.compare(o,e):o<e?-1:o>e?1:0}function ht(o,e,t){let s=t?-1:1;return o.sort((r,n)=>{let i=r[e],l=n[e];if(i!==l){if(i===null)return 1;if(l===null)return-1;let a=ke(i,l);if(a)return a*s}return Me.compare(r.name,n.name)||ke(r.hash,n.hash)})}function He(o,e){let t=dt(e.search),s=[];for(let r of o.torrents.values())ct(r,e,t)&&s.push(r);return ht(s,e.sort,e.reverse)}function Le(o,e,t,s,r=5){let n=Math.max(0,Math.floor(o/t)-r),i=Math.min(s,Math.ceil((o+e)/t)+r);return{start:n,end:Math.max(n,i)}}function qe(o){return o.status!=="stopped"}var Oe=["B","KiB","MiB","GiB","TiB","PiB"];function z(o){if(o===null)return"\u2014";let e=o,t=0;for(;e>=1024&&t<Oe.length-1;)e/=1024,t+=1;let s=t===0||e>=100?0:1;return`${e.toFixed(s)} ${Oe[t]}`}function D(o){return`${z(o)}/s`}function Ue(o){if(o===null||o>=864e4)return"\u221E";let e=Math.floor(o/86400),t=Math.floor(o%86400/3600),s=Math.floor(o%3600/60),r=o%60;return e?`${e}d ${t}h`:t?`${t}h ${s}m`:s?`${s}m ${r}s`:`${r}s`}function Ne(o){return o===null?"\u2014":o.toFixed(2)}function Be(o){return o===null?"\u2014":`${Math.floor(o*1e3)/10}%`}var w="qbittorrent_webui";async function E(o){try{return await o.callWS({type:"config_entries/get",domain:w})}catch{return[]}}function I(o,e,t,s){return Object.values(o.entities).find(r=>r.platform===w&&r.translation_key===s&&r.entity_id.startsWith(`${t}.`)&&r.device_id!==void 0&&o.devices[r.device_id]?.config_entries.includes(e))?.entity_id}var ut={no_entry:"Choose a qBittorrent server in the card's settings.",unavailable:"qBittorrent cannot be reached",loading:"Loading torrents\u2026",empty:"No torrents",search:"Search",add:"Add",add_placeholder:"Magnet links or torrent URLs, one per line",pause:"Pause",resume:"Resume",pause_all:"Pause all",resume_all:"Resume all",alternative_limits:"Alternative speed limits",force_start:"Force start",recheck:"Recheck",reannounce:"Reannounce",remove:"Remove",remove_confirm:"Remove this torrent?",keep_files:"Keep files",delete_files:"Delete files",cancel:"Cancel",all_categories:"All categories",no_category:"No category",shown:"{shown} of {total}",save_path:"Save path",added_on:"Added",completion_on:"Completed",seeds:"Seeds",leechers:"Peers",downloaded:"Downloaded",uploaded:"Uploaded","state.all":"All","state.active":"Active","state.completed":"Completed","state.downloading":"Downloading","state.seeding":"Seeding","state.stopped":"Stopped","state.checking":"Checking","state.queued":"Queued","state.errored":"Errored","state.moving":"Moving","sort.name":"Name","sort.added_on":"Added","sort.progress":"Progress","sort.download_speed":"Download speed","sort.upload_speed":"Upload speed","sort.eta":"ETA","sort.ratio":"Ratio","sort.size":"Size","sort.status":"State","editor.entry":"qBittorrent server","editor.title":"Title","editor.state":"Show","editor.sort":"Sort by","editor.height":"List height (px)",reverse:"Reverse order",eta:"ETA",category:"Category","dashboard.no_server":"No qBittorrent server is set up.","dashboard.speeds":"Speeds","dashboard.status":"Status","dashboard.controls":"Controls"},pt={no_entry:"W\xE4hle in den Einstellungen der Karte einen qBittorrent-Server.",unavailable:"qBittorrent ist nicht erreichbar",loading:"Torrents werden geladen\u2026",empty:"Keine Torrents",search:"Suchen",add:"Hinzuf\xFCgen",add_placeholder:"Magnet-Links oder Torrent-URLs, einer pro Zeile",pause:"Pausieren",resume:"Fortsetzen",pause_all:"Alle pausieren",resume_all:"Alle fortsetzen",alternative_limits:"Alternative Geschwindigkeitsbegrenzungen",force_start:"Start erzwingen",recheck:"Erneut pr\xFCfen",reannounce:"Erneut ank\xFCndigen",remove:"Entfernen",remove_confirm:"Diesen Torrent entfernen?",keep_files:"Dateien behalten",delete_files:"Dateien l\xF6schen",cancel:"Abbrechen",all_categories:"Alle Kategorien",no_category:"Keine Kategorie",shown:"{shown} von {total}",save_path:"Speicherpfad",added_on:"Hinzugef\xFCgt",completion_on:"Abgeschlossen",seeds:"Seeds",leechers:"Peers",downloaded:"Heruntergeladen",uploaded:"Hochgeladen","state.all":"Alle","state.active":"Aktiv","state.completed":"Abgeschlossen","state.downloading":"L\xE4dt herunter","state.seeding":"Verteilt","state.stopped":"Angehalten","state.checking":"Wird gepr\xFCft","state.queued":"Eingereiht","state.errored":"Fehlerhaft","state.moving":"Wird verschoben","sort.name":"Name","sort.added_on":"Hinzugef\xFCgt","sort.progress":"Fortschritt","sort.download_speed":"Download-Geschwindigkeit","sort.upload_speed":"Upload-Geschwindigkeit","sort.eta":"Restzeit","sort.ratio":"Verh\xE4ltnis","sort.size":"Gr\xF6\xDFe","sort.status":"Status","editor.entry":"qBittorrent-Server","editor.title":"Titel","editor.state":"Anzeigen","editor.sort":"Sortieren nach","editor.height":"Listenh\xF6he (px)",reverse:"Reihenfolge umkehren",eta:"Rest",category:"Kategorie","dashboard.no_server":"Es ist kein qBittorrent-Server eingerichtet.","dashboard.speeds":"Geschwindigkeiten","dashboard.status":"Status","dashboard.controls":"Steuerung"},gt={no_entry:"Choisissez un serveur qBittorrent dans les r\xE9glages de la carte.",unavailable:"qBittorrent est injoignable",loading:"Chargement des torrents\u2026",empty:"Aucun torrent",search:"Rechercher",add:"Ajouter",add_placeholder:"Liens magnet ou URL de torrents, un par ligne",pause:"Mettre en pause",resume:"Reprendre",pause_all:"Tout mettre en pause",resume_all:"Tout reprendre",alternative_limits:"Limites de vitesse alternatives",force_start:"Forcer le d\xE9marrage",recheck:"Rev\xE9rifier",reannounce:"R\xE9annoncer",remove:"Supprimer",remove_confirm:"Supprimer ce torrent ?",keep_files:"Garder les fichiers",delete_files:"Effacer les fichiers",cancel:"Annuler",all_categories:"Toutes les cat\xE9gories",no_category:"Sans cat\xE9gorie",shown:"{shown} sur {total}",save_path:"Chemin de sauvegarde",added_on:"Ajout\xE9 le",completion_on:"Termin\xE9 le",seeds:"Sources",leechers:"Pairs",downloaded:"Re\xE7u",uploaded:"Envoy\xE9","state.all":"Tous","state.active":"Actifs","state.completed":"Termin\xE9s","state.downloading":"En t\xE9l\xE9chargement","state.seeding":"En partage","state.stopped":"Arr\xEAt\xE9s","state.checking":"En v\xE9rification","state.queued":"En file d'attente","state.errored":"En erreur","state.moving":"En d\xE9placement","sort.name":"Nom","sort.added_on":"Date d'ajout","sort.progress":"Progression","sort.download_speed":"Vitesse de r\xE9ception","sort.upload_speed":"Vitesse d'envoi","sort.eta":"Temps restant","sort.ratio":"Ratio","sort.size":"Taille","sort.status":"\xC9tat","editor.entry":"Serveur qBittorrent","editor.title":"Titre","editor.state":"Afficher","editor.sort":"Trier par","editor.height":"Hauteur de la liste (px)",reverse:"Inverser l'ordre",eta:"Reste",category:"Cat\xE9gorie","dashboard.no_server":"Aucun serveur qBittorrent n'est configur\xE9.","dashboard.speeds":"Vitesses","dashboard.status":"\xC9tat","dashboard.controls":"Commandes"},_t={no_entry:"Elige un servidor qBittorrent en los ajustes de la tarjeta.",unavailable:"No se puede conectar con qBittorrent",loading:"Cargando torrents\u2026",empty:"No hay torrents",search:"Buscar",add:"A\xF1adir",add_placeholder:"Enlaces magnet o URL de torrents, uno por l\xEDnea",pause:"Pausar",resume:"Reanudar",pause_all:"Pausar todos",resume_all:"Reanudar todos",alternative_limits:"L\xEDmites de velocidad alternativos",force_start:"Forzar inicio",recheck:"Volver a comprobar",reannounce:"Volver a anunciar",remove:"Quitar",remove_confirm:"\xBFQuitar este torrent?",keep_files:"Conservar archivos",delete_files:"Borrar archivos",cancel:"Cancelar",all_categories:"Todas las categor\xEDas",no_category:"Sin categor\xEDa",shown:"{shown} de {total}",save_path:"Ruta de guardado",added_on:"A\xF1adido",completion_on:"Completado",seeds:"Semillas",leechers:"Pares",downloaded:"Descargado",uploaded:"Subido","state.all":"Todos","state.active":"Activos","state.completed":"Completados","state.downloading":"Descargando","state.seeding":"Sembrando","state.stopped":"Detenidos","state.checking":"Comprobando","state.queued":"En cola","state.errored":"Con errores","state.moving":"Moviendo","sort.name":"Nombre","sort.added_on":"Fecha de adici\xF3n","sort.progress":"Progreso","sort.download_speed":"Velocidad de descarga","sort.upload_speed":"Velocidad de subida","sort.eta":"Tiempo restante","sort.ratio":"Proporci\xF3n","sort.size":"Tama\xF1o","sort.status":"Estado","editor.entry":"Servidor qBittorrent","editor.title":"T\xEDtulo","editor.state":"Mostrar","editor.sort":"Ordenar por","editor.height":"Altura de la lista (px)",reverse:"Invertir el orden",eta:"Resta",category:"Categor\xEDa","dashboard.no_server":"No hay ning\xFAn servidor qBittorrent configurado.","dashboard.speeds":"Velocidades","dashboard.status":"Estado","dashboard.controls":"Controles"},mt={no_entry:"\u0412\u044B\u0431\u0435\u0440\u0438\u0442\u0435 \u0441\u0435\u0440\u0432\u0435\u0440 qBittorrent \u0432 \u043D\u0430\u0441\u0442\u0440\u043E\u0439\u043A\u0430\u0445 \u043A\u0430\u0440\u0442\u043E\u0447\u043A\u0438.",unavailable:"qBittorrent \u043D\u0435\u0434\u043E\u0441\u0442\u0443\u043F\u0435\u043D",loading:"\u0417\u0430\u0433\u0440\u0443\u0437\u043A\u0430 \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432\u2026",empty:"\u041D\u0435\u0442 \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432",search:"\u041F\u043E\u0438\u0441\u043A",add:"\u0414\u043E\u0431\u0430\u0432\u0438\u0442\u044C",add_placeholder:"Magnet-\u0441\u0441\u044B\u043B\u043A\u0438 \u0438\u043B\u0438 URL \u0442\u043E\u0440\u0440\u0435\u043D\u0442\u043E\u0432, \u043F\u043E \u043E\u0434\u043D\u043E\u0439 \u0432 \u0441\u0442\u0440\u043E\u043A\u0435",pause:"\u041F\u0440\u0438\u043E\u0441\u0442\u0430\u043D\u043E\u0432\u0438\u0442\u044C",resume:"\u0412\u043E\u0437\u043E\u0431\u043D\u043E\u0432\u0438\u0442\u044C",pause_all:"\u041F\u0440\u0438\u043E\u0441\u0442\u0430\u043D\u043E\u0432\u0438\u0442\u044C \u0432\u0441\u0435",resume_all:"\u0412\u043E\u0437\u043E\u0431\u043D\u043E\u0432\u0438\u0442\u044C \u0432\u0441\u0435",alternative_limits:"\u0410\u043B\u044C\u0442\u0435\u0440\u043D\u0430\u0442\u0438\u0432\u043D\u044B\u0435 \u043E\u0433\u0440\u0430\u043D\u0438\u0447\u0435\u043D\u0438\u044F \u0441\u043A\u043E\u0440\u043E\u0441\u0442\u0438",force_start:"\u041F\u0440\u0438\u043D\u0443\u0434\u0438\u0442\u0435\u043B\u044C\u043D\u044B\u0439 \u0437\u0430\u043F\u0443\u0441\u043A",recheck:"\u041F\u0440\u043E\u0432\u0435\u0440\u0438\u0442\u044C \u0437\u0430\u043D\u043E\u0432\u043E",reannounce:"\u041F\u0435\u0440\u0435\u0430\u043D\u043E\u043D\u0441\u0438\u0440\u043E\u0432\u0430\u0442\u044C",remove:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C",remove_confirm:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C \u044D\u0442\u043E\u0442 \u0442\u043E\u0440\u0440\u0435\u043D\u0442?",keep_files:"\u041E\u0441\u0442\u0430\u0432\u0438\u0442\u044C \u0444\u0430\u0439\u043B\u044B",delete_files:"\u0423\u0434\u0430\u043B\u0438\u0442\u044C \u0444\u0430\u0439\u043B\u044B",cancel:"\u041E\u0442\u043C\u0435\u043D\u0430",all_categories:"\u0412\u0441\u0435 \u043A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u0438",no_category:"\u0411\u0435\u0437 \u043A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u0438",shown:"{shown} \u0438\u0437 {total}",save_path:"\u041F\u0443\u0442\u044C \u0441\u043E\u0445\u0440\u0430\u043D\u0435\u043D\u0438\u044F",added_on:"\u0414\u043E\u0431\u0430\u0432\u043B\u0435\u043D",completion_on:"\u0417\u0430\u0432\u0435\u0440\u0448\u0451\u043D",seeds:"\u0421\u0438\u0434\u044B",leechers:"\u041F\u0438\u0440\u044B",downloaded:"\u0417\u0430\u0433\u0440\u0443\u0436\u0435\u043D\u043E",uploaded:"\u041E\u0442\u0434\u0430\u043D\u043E","state.all":"\u0412\u0441\u0435","state.active":"\u0410\u043A\u0442\u0438\u0432\u043D\u044B\u0435","state.completed":"\u0417\u0430\u0432\u0435\u0440\u0448\u0451\u043D\u043D\u044B\u0435","state.downloading":"\u0417\u0430\u0433\u0440\u0443\u0436\u0430\u044E\u0442\u0441\u044F","state.seeding":"\u0420\u0430\u0437\u0434\u0430\u044E\u0442\u0441\u044F","state.stopped":"\u041E\u0441\u0442\u0430\u043D\u043E\u0432\u043B\u0435\u043D\u043D\u044B\u0435","state.checking":"\u041F\u0440\u043E\u0432\u0435\u0440\u044F\u044E\u0442\u0441\u044F","state.queued":"\u0412 \u043E\u0447\u0435\u0440\u0435\u0434\u0438","state.errored":"\u0421 \u043E\u0448\u0438\u0431\u043A\u0430\u043C\u0438","state.moving":"\u041F\u0435\u0440\u0435\u043C\u0435\u0449\u0430\u044E\u0442\u0441\u044F","sort.name":"\u0418\u043C\u044F","sort.added_on":"\u0414\u0430\u0442\u0430 \u0434\u043E\u0431\u0430\u0432\u043B\u0435\u043D\u0438\u044F","sort.progress":"\u041F\u0440\u043E\u0433\u0440\u0435\u0441\u0441","sort.download_speed":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u044C \u0437\u0430\u0433\u0440\u0443\u0437\u043A\u0438","sort.upload_speed":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u044C \u043E\u0442\u0434\u0430\u0447\u0438","sort.eta":"\u041E\u0441\u0442\u0430\u0432\u0448\u0435\u0435\u0441\u044F \u0432\u0440\u0435\u043C\u044F","sort.ratio":"\u0420\u0435\u0439\u0442\u0438\u043D\u0433","sort.size":"\u0420\u0430\u0437\u043C\u0435\u0440","sort.status":"\u0421\u043E\u0441\u0442\u043E\u044F\u043D\u0438\u0435","editor.entry":"\u0421\u0435\u0440\u0432\u0435\u0440 qBittorrent","editor.title":"\u0417\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A","editor.state":"\u041F\u043E\u043A\u0430\u0437\u044B\u0432\u0430\u0442\u044C","editor.sort":"\u0421\u043E\u0440\u0442\u0438\u0440\u043E\u0432\u0430\u0442\u044C \u043F\u043E","editor.height":"\u0412\u044B\u0441\u043E\u0442\u0430 \u0441\u043F\u0438\u0441\u043A\u0430 (\u043F\u0438\u043A\u0441.)",reverse:"\u041E\u0431\u0440\u0430\u0442\u043D\u044B\u0439 \u043F\u043E\u0440\u044F\u0434\u043E\u043A",eta:"\u041E\u0441\u0442\u0430\u043B\u043E\u0441\u044C",category:"\u041A\u0430\u0442\u0435\u0433\u043E\u0440\u0438\u044F","dashboard.no_server":"\u0421\u0435\u0440\u0432\u0435\u0440 qBittorrent \u043D\u0435 \u043D\u0430\u0441\u0442\u0440\u043E\u0435\u043D.","dashboard.speeds":"\u0421\u043A\u043E\u0440\u043E\u0441\u0442\u0438","dashboard.status":"\u0421\u043E\u0441\u0442\u043E\u044F\u043D\u0438\u0435","dashboard.controls":"\u0423\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u0438\u0435"},ft={no_entry:"Kies een qBittorrent-server in de instellingen van de kaart.",unavailable:"qBittorrent is niet bereikbaar",loading:"Torrents laden\u2026",empty:"Geen torrents",search:"Zoeken",add:"Toevoegen",add_placeholder:"Magnetlinks of torrent-URL's, \xE9\xE9n per regel",pause:"Pauzeren",resume:"Hervatten",pause_all:"Alles pauzeren",resume_all:"Alles hervatten",alternative_limits:"Alternatieve snelheidslimieten",force_start:"Geforceerd starten",recheck:"Opnieuw controleren",reannounce:"Opnieuw aankondigen",remove:"Verwijderen",remove_confirm:"Deze torrent verwijderen?",keep_files:"Bestanden bewaren",delete_files:"Bestanden wissen",cancel:"Annuleren",all_categories:"Alle categorie\xEBn",no_category:"Geen categorie",shown:"{shown} van {total}",save_path:"Opslagpad",added_on:"Toegevoegd",completion_on:"Voltooid",seeds:"Seeds",leechers:"Peers",downloaded:"Gedownload",uploaded:"Ge\xFCpload","state.all":"Alle","state.active":"Actief","state.completed":"Voltooid","state.downloading":"Downloaden","state.seeding":"Seeden","state.stopped":"Gestopt","state.checking":"Controleren","state.queued":"In wachtrij","state.errored":"Met fouten","state.moving":"Verplaatsen","sort.name":"Naam","sort.added_on":"Toegevoegd","sort.progress":"Voortgang","sort.download_speed":"Downloadsnelheid","sort.upload_speed":"Uploadsnelheid","sort.eta":"Resterende tijd","sort.ratio":"Verhouding","sort.size":"Grootte","sort.status":"Status","editor.entry":"qBittorrent-server","editor.title":"Titel","editor.state":"Tonen","editor.sort":"Sorteren op","editor.height":"Lijsthoogte (px)",reverse:"Volgorde omkeren",eta:"Resterend",category:"Categorie","dashboard.no_server":"Er is geen qBittorrent-server ingesteld.","dashboard.speeds":"Snelheden","dashboard.status":"Status","dashboard.controls":"Bediening"},ze={en:ut,de:pt,fr:gt,es:_t,ru:mt,nl:ft};function De(o){if(!o)return"en";let e=r=>Object.prototype.hasOwnProperty.call(ze,r),t=o.toLowerCase();if(e(t))return t;let s=t.split(/[-_]/)[0];return e(s)?s:"en"}function T(o){return De(o?.locale?.language??o?.language)}function C(o,e,t={}){return ze[De(o)][e].replace(/\{(\w+)\}/g,(r,n)=>String(t[n]??""))}function R(o,e,t=window){let s=t.customElements;return s.get(o)||s.define(o,e),s.whenDefined("home-assistant").then(()=>{let r=t.customElements;r!==s&&!r.get(o)&&r.define(o,e)})}var K=class extends g{constructor(){super(...arguments);this._entries=[];this._requested=!1}setConfig(t){this._config=t}willUpdate(){this.hass&&!this._requested&&(this._requested=!0,E(this.hass).then(t=>{this._entries=t}))}_text(t){return C(T(this.hass),t)}_changed(t,s){let r={...this._config};s===""||s===void 0?delete r[t]:r[t]=s,this._config=r,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:r},bubbles:!0,composed:!0}))}render(){let t=this._config??{type:"custom:qbittorrent-card"},s=this._entries.some(r=>r.entry_id===t.entry_id)||!t.entry_id?this._entries:[...this._entries,{entry_id:t.entry_id,title:t.entry_id}];return d`
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
          ${N.map(r=>d`<option value=${r} ?selected=${r===(t.state??"all")}>${this._text(`state.${r}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.sort")}
        <select @change=${r=>this._changed("sort",r.target.value)}>
          ${B.map(r=>d`<option value=${r} ?selected=${r===(t.sort??"name")}>${this._text(`sort.${r}`)}</option>`)}
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
    `}};K.properties={hass:{attribute:!1},_config:{state:!0},_entries:{state:!0}},K.styles=P`
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
  `;R("qbittorrent-card-editor",K);var vt=[["sensor","download_speed"],["sensor","upload_speed"]],bt=[["binary_sensor","connectivity"],["sensor","status"],["sensor","torrents_total"],["sensor","torrents_downloading"],["sensor","torrents_seeding"],["sensor","torrents_stopped"],["sensor","next_finish"],["sensor","global_ratio"],["sensor","free_disk_space"]],yt=[["switch","torrents"],["switch","alternative_speed_limits"],["number","download_limit"],["number","upload_limit"],["button","pause_all"],["button","resume_all"]],$t=3,xt=4;function wt(o,e){let t=new Map(e.map(r=>[r.entry_id,r.title])),s=new Map;for(let r of Object.values(o.entities)){let n=r.platform===w&&r.device_id?o.devices[r.device_id]:void 0;for(let i of n?.config_entries??[])!s.has(i)&&(t.has(i)||e.length===0)&&s.set(i,t.get(i)??n?.name_by_user??n?.name??"qBittorrent")}return[...s].map(([r,n])=>({entry_id:r,title:n})).sort((r,n)=>r.title.localeCompare(n.title))}function St(o,e){let t=o.entities[e]?.device_id,s=t?o.devices[t]:void 0,r=s?.name_by_user??s?.name,n=o.states[e]?.attributes.friendly_name;return!r||!n?.startsWith(`${r} `)?e:{entity:e,name:n.slice(r.length+1)}}function Ie(o,e,t,s,r={}){let n=t.map(([i,l])=>I(o,e,i,l)).filter(i=>i!==void 0).map(i=>St(o,i));return n.length?[{type:"entities",title:s,entities:n,...r}]:[]}function At(o,e){let t=s=>C(T(o),s);return e.length===0?{title:"qBittorrent",views:[{title:"qBittorrent",path:"qbittorrent",icon:"mdi:download-network",cards:[{type:"markdown",content:t("dashboard.no_server")}]}]}:{title:"qBittorrent",views:e.map((s,r)=>{let n=vt.map(([i,l])=>I(o,s.entry_id,i,l)).filter(i=>i!==void 0);return{title:s.title,path:r===0?"torrents":`torrents-${r+1}`,icon:"mdi:download-network",type:"sections",max_columns:3,sections:[{type:"grid",column_span:2,cards:[{type:"custom:qbittorrent-card",entry_id:s.entry_id,title:s.title,grid_options:{columns:"full"}},...n.length?[{type:"history-graph",title:t("dashboard.speeds"),hours_to_show:$t,entities:n,grid_options:{columns:"full",rows:xt}}]:[]]},{type:"grid",cards:[...Ie(o,s.entry_id,bt,t("dashboard.status")),...Ie(o,s.entry_id,yt,t("dashboard.controls"),{show_header_toggle:!1})]}].filter(i=>i.cards.length>0)}})}}function Et(o){return E(o).then(e=>At(o,wt(o,e)))}function Ke(){class o extends HTMLElement{static generate(s,r){return Et(r)}}R("ll-strategy-dashboard-qbittorrent-webui",o);let e=window;e.customStrategies=e.customStrategies??[],e.customStrategies.some(t=>t.type==="qbittorrent-webui")||e.customStrategies.push({type:"qbittorrent-webui",strategyType:"dashboard",name:"qBittorrent",description:"Torrents, speeds, sensors and controls of each qBittorrent server.",documentationURL:"https://github.com/qbittorrent-webui-ha/qbittorrent_webui#dashboard"})}var J=64,Fe=480,Tt=5e3,Ct={downloading:"mdi:download",stalled_downloading:"mdi:download-off-outline",metadata:"mdi:file-search-outline",seeding:"mdi:upload",stalled_seeding:"mdi:upload-off-outline",stopped:"mdi:pause",queued:"mdi:tray-full",checking:"mdi:progress-check",moving:"mdi:folder-move-outline",error:"mdi:alert-circle-outline",missing_files:"mdi:file-alert-outline"},F=class extends g{constructor(){super(...arguments);this._feed=he();this._state="all";this._category=null;this._search="";this._sort="name";this._reverse=!1;this._scrollTop=0;this._selected=null;this._confirmRemove=null;this._error=null;this._adding=!1;this._loaded=!1;this._view={key:"",torrents:[]}}static getConfigElement(){return document.createElement("qbittorrent-card-editor")}static async getStubConfig(t){return{type:"custom:qbittorrent-card",entry_id:(await E(t))[0]?.entry_id??""}}setConfig(t){if(t.state!==void 0&&!N.includes(t.state))throw new Error(`Unknown state filter: ${t.state}`);if(t.sort!==void 0&&!B.includes(t.sort))throw new Error(`Unknown sort key: ${t.sort}`);let s=t.entry_id!==this._config?.entry_id;this._config=t,this._state=t.state??"all",this._sort=t.sort??"name",this._reverse=t.reverse??!1,s&&(this._stop(),this._start())}getCardSize(){return Math.ceil((this._config?.height??Fe)/50)+2}connectedCallback(){super.connectedCallback(),this._start()}disconnectedCallback(){super.disconnectedCallback(),this._stop()}willUpdate(t){t.has("hass")&&!this._unsubscribe&&this._start()}_text(t,s){return C(T(this.hass),t,s)}_start(){let t=this._config?.entry_id;if(!this.hass||!t||!this.isConnected||this._unsubscribe)return;this._feed=he(),this._loaded=!1,this._error=null;let s=this.hass.connection.subscribeMessage(r=>this._received(r),{type:`${w}/torrents/subscribe`,config_entry_id:t});this._unsubscribe=s,s.catch(r=>{this._unsubscribe===s&&(this._unsubscribe=void 0,this._error=r.message??String(r),this._scheduleResubscribe())})}_stop(){window.clearTimeout(this._resubscribe);let t=this._unsubscribe;this._unsubscribe=void 0,t?.then(s=>s()).catch(()=>{})}_scheduleResubscribe(){window.clearTimeout(this._resubscribe),this._resubscribe=window.setTimeout(()=>this._start(),Tt)}_received(t){if(t.ended){this._unsubscribe=void 0,this._feed={...this._feed,available:!1},this._scheduleResubscribe();return}this._loaded=!0,this._feed=Pe(this._feed,t)}_visible(){let t=JSON.stringify([this._feed.revision,this._state,this._category,this._search,this._sort,this._reverse]);return t!==this._view.key&&(this._view={key:t,torrents:He(this._feed,{state:this._state,category:this._category,search:this._search,sort:this._sort,reverse:this._reverse})}),this._view.torrents}_call(t,s){!this.hass||!this._config?.entry_id||this.hass.callService(w,t,{config_entry_id:this._config.entry_id,...s}).catch(r=>{this._error=r.message??String(r)})}_toggleAlternative(){let t=this.hass&&this._config?.entry_id?I(this.hass,this._config.entry_id,"switch","alternative_speed_limits"):void 0;t&&this.hass&&this.hass.callService("switch","toggle",{entity_id:t})}render(){let t=this._config;if(!t?.entry_id)return d`<ha-card><div class="message">${this._text("no_entry")}</div></ha-card>`;let s=this._visible(),r=t.height??Fe,{start:n,end:i}=Le(this._scrollTop,r,J,s.length);return d`
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
          ${this._loaded?s.length===0?d`<div class="message">${this._text("empty")}</div>`:d`<div class="spacer" style="height: ${s.length*J}px">
                  ${s.slice(n,i).map((l,a)=>this._renderRow(l,n+a))}
                </div>`:d`<div class="message">${this._text("loading")}</div>`}
        </div>
      </ha-card>
    `}_renderHeader(t){let s=this._feed.server,r=s.alternative_speed_limits_enabled;return d`
      <div class="header">
        <div class="title">${t.title??"qBittorrent"}</div>
        <div class="speeds">
          <span class="speed down"><ha-icon icon="mdi:download"></ha-icon>${D(s.download_speed)}</span>
          <span class="speed up"><ha-icon icon="mdi:upload"></ha-icon>${D(s.upload_speed)}</span>
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
      <form class="add" @submit=${s=>{s.preventDefault();let r=s.target,n=r.elements.namedItem("urls").value.split(/\s+/).filter(Boolean),i=r.elements.namedItem("category").value;n.length&&(this._call("add_torrent",i?{urls:n,category:i}:{urls:n}),this._adding=!1)}}>
        <textarea name="urls" rows="2" placeholder=${this._text("add_placeholder")}></textarea>
        <select name="category" aria-label=${this._text("category")}>
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
          aria-label=${this._text("editor.state")}
          @change=${s=>{this._state=s.target.value}}
        >
          ${N.map(s=>d`<option value=${s} ?selected=${s===this._state}>${this._text(`state.${s}`)}</option>`)}
        </select>
        <select
          aria-label=${this._text("category")}
          @change=${s=>{let r=s.target.value;this._category=r==="*"?null:r}}
        >
          <option value="*" ?selected=${this._category===null}>${this._text("all_categories")}</option>
          <option value="" ?selected=${this._category===""}>${this._text("no_category")}</option>
          ${this._feed.categories.map(s=>d`<option value=${s} ?selected=${s===this._category}>${s}</option>`)}
        </select>
        <select
          aria-label=${this._text("editor.sort")}
          @change=${s=>{this._sort=s.target.value}}
        >
          ${B.map(s=>d`<option value=${s} ?selected=${s===this._sort}>${this._text(`sort.${s}`)}</option>`)}
        </select>
        <button class="icon" title=${this._text("reverse")} @click=${()=>this._reverse=!this._reverse}>
          <ha-icon icon=${this._reverse?"mdi:sort-descending":"mdi:sort-ascending"}></ha-icon>
        </button>
        <span class="count">${this._text("shown",{shown:t,total:this._feed.torrents.size})}</span>
      </div>
    `}_renderRow(t,s){let r=Math.max(0,Math.min(1,t.progress??0)),n=qe(t);return d`
      <div
        class="row ${t.hash===this._selected?"selected":""}"
        style="top: ${s*J}px"
        data-hash=${t.hash}
      >
        <ha-icon class="status ${t.status}" icon=${Ct[t.status]??"mdi:help-circle-outline"} title=${t.state}></ha-icon>
        <div class="main" @click=${()=>this._selected=this._selected===t.hash?null:t.hash}>
          <div class="line">
            <span class="name" title=${t.name}>${t.name}</span>
            ${t.category?d`<span class="chip category">${t.category}</span>`:h}
            ${t.tags.map(i=>d`<span class="chip">${i}</span>`)}
          </div>
          <div class="progress" role="progressbar" aria-valuenow=${Math.round(r*100)}>
            <div class="bar ${t.status}" style="width: ${r*100}%"></div>
          </div>
          <div class="line secondary">
            <span>${Be(t.progress)}</span>
            <span>${z(t.size)}</span>
            <span>↓ ${D(t.download_speed)}</span>
            <span>↑ ${D(t.upload_speed)}</span>
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
          <dt>${this._text("downloaded")}</dt><dd>${z(t.downloaded)}</dd>
          <dt>${this._text("uploaded")}</dt><dd>${z(t.uploaded)}</dd>
        </dl>
        <div class="actions">
          <button @click=${()=>this._call("set_force_start",{...r,force_start:!t.force_start})}>
            ${this._text("force_start")}${t.force_start?" \u2713":""}
          </button>
          <button @click=${()=>this._call("recheck_torrents",r)}>${this._text("recheck")}</button>
          <button @click=${()=>this._call("reannounce_torrents",r)}>${this._text("reannounce")}</button>
          <select
            aria-label=${this._text("category")}
            @change=${n=>this._call("set_category",{...r,category:n.target.value})}
          >
            <option value="" ?selected=${!t.category}>${this._text("no_category")}</option>
            ${this._feed.categories.map(n=>d`<option value=${n} ?selected=${n===t.category}>${n}</option>`)}
          </select>
        </div>
      </div>
    `}};F.properties={hass:{attribute:!1},_config:{state:!0},_feed:{state:!0},_state:{state:!0},_category:{state:!0},_search:{state:!0},_sort:{state:!0},_reverse:{state:!0},_scrollTop:{state:!0},_selected:{state:!0},_confirmRemove:{state:!0},_error:{state:!0},_adding:{state:!0}},F.styles=P`
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
      height: ${J}px;
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
  `;R("qbittorrent-card",F);Ke();var Z=window;Z.customCards=Z.customCards??[];Z.customCards.some(o=>o.type==="qbittorrent-card")||Z.customCards.push({type:"qbittorrent-card",name:"qBittorrent torrents",description:"The torrents of a qBittorrent server, live, with their actions.",preview:!1,documentationURL:"https://github.com/qbittorrent-webui-ha/qbittorrent_webui#torrent-card"});export{F as QBittorrentCard};
