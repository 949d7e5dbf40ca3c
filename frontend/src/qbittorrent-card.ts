// The torrent card: one qBittorrent server's torrents, live from the
// integration's websocket feed, with its actions per torrent and for all.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import {
  SORT_KEYS,
  STATE_FILTERS,
  applyEvent,
  emptyFeed,
  isRunning,
  visibleRange,
  visibleTorrents,
  type FeedEvent,
  type FeedState,
  type SortKey,
  type StateFilter,
  type Torrent,
} from "./feed";
import { formatBytes, formatEta, formatPercent, formatRatio, formatSpeed } from "./format";
import { DOMAIN, type CardConfig, type HomeAssistant, findEntryEntity, loadEntries } from "./ha";
import { hassLanguage, localize, pageLanguage, type TextKey } from "./translations";
import { defineElement } from "./define";
import "./editor";
import { registerStrategy } from "./strategy";

const ROW_HEIGHT = 64;
const DEFAULT_HEIGHT = 480;
// After the server went away (reload, restart), subscribe again this much later.
const RESUBSCRIBE_DELAY_MS = 5_000;

const STATUS_ICONS: Record<string, string> = {
  downloading: "mdi:download",
  stalled_downloading: "mdi:download-off-outline",
  metadata: "mdi:file-search-outline",
  seeding: "mdi:upload",
  stalled_seeding: "mdi:upload-off-outline",
  stopped: "mdi:pause",
  queued: "mdi:tray-full",
  checking: "mdi:progress-check",
  moving: "mdi:folder-move-outline",
  error: "mdi:alert-circle-outline",
  missing_files: "mdi:file-alert-outline",
};

export class QBittorrentCard extends LitElement {
  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _feed: { state: true },
    _state: { state: true },
    _category: { state: true },
    _search: { state: true },
    _sort: { state: true },
    _reverse: { state: true },
    _scrollTop: { state: true },
    _selected: { state: true },
    _confirmRemove: { state: true },
    _error: { state: true },
    _adding: { state: true },
  };

  hass?: HomeAssistant;
  _config?: CardConfig;
  _feed: FeedState = emptyFeed();
  _state: StateFilter = "all";
  _category: string | null = null;
  _search = "";
  _sort: SortKey = "name";
  _reverse = false;
  _scrollTop = 0;
  _selected: string | null = null;
  _confirmRemove: string | null = null;
  _error: string | null = null;
  _adding = false;
  private _unsubscribe?: Promise<() => void>;
  private _resubscribe?: number;
  private _loaded = false;
  private _view: { key: string; torrents: Torrent[] } = { key: "", torrents: [] };

  static getConfigElement(): HTMLElement {
    return document.createElement("qbittorrent-card-editor");
  }

  static async getStubConfig(hass: HomeAssistant): Promise<CardConfig> {
    const entries = await loadEntries(hass);
    return { type: "custom:qbittorrent-card", entry_id: entries[0]?.entry_id ?? "" };
  }

  setConfig(config: CardConfig): void {
    if (config.state !== undefined && !STATE_FILTERS.includes(config.state)) {
      throw new Error(`Unknown state filter: ${config.state}`);
    }
    if (config.sort !== undefined && !SORT_KEYS.includes(config.sort)) {
      throw new Error(`Unknown sort key: ${config.sort}`);
    }
    const entryChanged = config.entry_id !== this._config?.entry_id;
    this._config = config;
    this._state = config.state ?? "all";
    this._sort = config.sort ?? "name";
    this._reverse = config.reverse ?? false;
    if (entryChanged) {
      this._stop();
      this._start();
    }
  }

  getCardSize(): number {
    return Math.ceil((this._config?.height ?? DEFAULT_HEIGHT) / 50) + 2;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this._start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("hass") && !this._unsubscribe) {
      this._start();
    }
  }

  private _text(key: TextKey, values?: Record<string, string | number>): string {
    return localize(hassLanguage(this.hass), key, values);
  }

  private _start(): void {
    const entryId = this._config?.entry_id;
    if (!this.hass || !entryId || !this.isConnected || this._unsubscribe) {
      return;
    }
    this._feed = emptyFeed();
    this._loaded = false;
    this._error = null;
    const unsubscribe = this.hass.connection.subscribeMessage<FeedEvent>((event) => this._received(event), {
      type: `${DOMAIN}/torrents/subscribe`,
      config_entry_id: entryId,
    });
    this._unsubscribe = unsubscribe;
    unsubscribe.catch((error: { message?: string }) => {
      if (this._unsubscribe === unsubscribe) {
        this._unsubscribe = undefined;
        this._error = error.message ?? String(error);
        this._scheduleResubscribe();
      }
    });
  }

  private _stop(): void {
    window.clearTimeout(this._resubscribe);
    const unsubscribe = this._unsubscribe;
    this._unsubscribe = undefined;
    unsubscribe?.then((stop) => stop()).catch(() => undefined);
  }

  private _scheduleResubscribe(): void {
    window.clearTimeout(this._resubscribe);
    this._resubscribe = window.setTimeout(() => this._start(), RESUBSCRIBE_DELAY_MS);
  }

  private _received(event: FeedEvent): void {
    if (event.ended) {
      // The server unloaded; the subscription is over on the other side.
      this._unsubscribe = undefined;
      this._feed = { ...this._feed, available: false };
      this._scheduleResubscribe();
      return;
    }
    this._loaded = true;
    this._feed = applyEvent(this._feed, event);
  }

  private _visible(): Torrent[] {
    const key = JSON.stringify([
      this._feed.revision,
      this._state,
      this._category,
      this._search,
      this._sort,
      this._reverse,
    ]);
    if (key !== this._view.key) {
      this._view = {
        key,
        torrents: visibleTorrents(this._feed, {
          state: this._state,
          category: this._category,
          search: this._search,
          sort: this._sort,
          reverse: this._reverse,
        }),
      };
    }
    return this._view.torrents;
  }

  private _call(service: string, data: Record<string, unknown>): void {
    if (!this.hass || !this._config?.entry_id) {
      return;
    }
    this.hass
      .callService(DOMAIN, service, { config_entry_id: this._config.entry_id, ...data })
      .catch((error: { message?: string }) => {
        this._error = error.message ?? String(error);
      });
  }

  private _toggleAlternative(): void {
    const entity = this.hass && this._config?.entry_id
      ? findEntryEntity(this.hass, this._config.entry_id, "switch", "alternative_speed_limits")
      : undefined;
    if (entity && this.hass) {
      this.hass.callService("switch", "toggle", { entity_id: entity });
    }
  }

  protected render(): TemplateResult {
    const config = this._config;
    if (!config?.entry_id) {
      return html`<ha-card><div class="message">${this._text("no_entry")}</div></ha-card>`;
    }
    const torrents = this._visible();
    const height = config.height ?? DEFAULT_HEIGHT;
    const { start, end } = visibleRange(this._scrollTop, height, ROW_HEIGHT, torrents.length);
    return html`
      <ha-card>
        ${this._renderHeader(config)} ${this._renderAdd()} ${this._renderControls(torrents.length)}
        ${this._error ? html`<div class="message error">${this._error}</div>` : nothing}
        ${this._feed.available || !this._loaded
          ? nothing
          : html`<div class="message error">${this._text("unavailable")}</div>`}
        ${this._renderDetails()}
        <div
          class="list"
          style="height: ${height}px"
          @scroll=${(event: Event) => {
            this._scrollTop = (event.target as HTMLElement).scrollTop;
          }}
        >
          ${!this._loaded
            ? html`<div class="message">${this._text("loading")}</div>`
            : torrents.length === 0
              ? html`<div class="message">${this._text("empty")}</div>`
              : html`<div class="spacer" style="height: ${torrents.length * ROW_HEIGHT}px">
                  ${torrents.slice(start, end).map((torrent, index) => this._renderRow(torrent, start + index))}
                </div>`}
        </div>
      </ha-card>
    `;
  }

  private _renderHeader(config: CardConfig): TemplateResult {
    const server = this._feed.server;
    const alternative = server.alternative_speed_limits_enabled;
    return html`
      <div class="header">
        <div class="title">${config.title ?? "qBittorrent"}</div>
        <div class="speeds">
          <span class="speed down"><ha-icon icon="mdi:download"></ha-icon>${formatSpeed(server.download_speed)}</span>
          <span class="speed up"><ha-icon icon="mdi:upload"></ha-icon>${formatSpeed(server.upload_speed)}</span>
        </div>
        <button
          class="icon ${alternative ? "on" : ""}"
          title=${this._text("alternative_limits")}
          aria-pressed=${alternative ? "true" : "false"}
          @click=${() => this._toggleAlternative()}
        >
          <ha-icon icon=${alternative ? "mdi:speedometer-slow" : "mdi:speedometer"}></ha-icon>
        </button>
        <button class="icon" title=${this._text("add")} @click=${() => (this._adding = !this._adding)}>
          <ha-icon icon="mdi:plus"></ha-icon>
        </button>
        <button class="icon" title=${this._text("pause_all")} @click=${() => this._call("pause_torrents", { all_torrents: true })}>
          <ha-icon icon="mdi:pause"></ha-icon>
        </button>
        <button class="icon" title=${this._text("resume_all")} @click=${() => this._call("resume_torrents", { all_torrents: true })}>
          <ha-icon icon="mdi:play"></ha-icon>
        </button>
      </div>
    `;
  }

  private _renderAdd(): TemplateResult | typeof nothing {
    if (!this._adding) {
      return nothing;
    }
    const submit = (event: Event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const urls = (form.elements.namedItem("urls") as HTMLTextAreaElement).value
        .split(/\s+/)
        .filter(Boolean);
      const category = (form.elements.namedItem("category") as HTMLSelectElement).value;
      if (urls.length) {
        this._call("add_torrent", category ? { urls, category } : { urls });
        this._adding = false;
      }
    };
    return html`
      <form class="add" @submit=${submit}>
        <textarea name="urls" rows="2" placeholder=${this._text("add_placeholder")}></textarea>
        <select name="category" aria-label=${this._text("category")}>
          <option value="">${this._text("no_category")}</option>
          ${this._feed.categories.map((category) => html`<option value=${category}>${category}</option>`)}
        </select>
        <button type="submit">${this._text("add")}</button>
      </form>
    `;
  }

  private _renderControls(shown: number): TemplateResult {
    return html`
      <div class="controls">
        <input
          type="search"
          placeholder=${this._text("search")}
          .value=${this._search}
          @input=${(event: Event) => {
            this._search = (event.target as HTMLInputElement).value;
          }}
        />
        <select
          aria-label=${this._text("editor.state")}
          @change=${(event: Event) => {
            this._state = (event.target as HTMLSelectElement).value as StateFilter;
          }}
        >
          ${STATE_FILTERS.map(
            (state) => html`<option value=${state} ?selected=${state === this._state}>${this._text(`state.${state}`)}</option>`,
          )}
        </select>
        <select
          aria-label=${this._text("category")}
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this._category = value === "*" ? null : value;
          }}
        >
          <option value="*" ?selected=${this._category === null}>${this._text("all_categories")}</option>
          <option value="" ?selected=${this._category === ""}>${this._text("no_category")}</option>
          ${this._feed.categories.map(
            (category) => html`<option value=${category} ?selected=${category === this._category}>${category}</option>`,
          )}
        </select>
        <select
          aria-label=${this._text("editor.sort")}
          @change=${(event: Event) => {
            this._sort = (event.target as HTMLSelectElement).value as SortKey;
          }}
        >
          ${SORT_KEYS.map((key) => html`<option value=${key} ?selected=${key === this._sort}>${this._text(`sort.${key}`)}</option>`)}
        </select>
        <button class="icon" title=${this._text("reverse")} @click=${() => (this._reverse = !this._reverse)}>
          <ha-icon icon=${this._reverse ? "mdi:sort-descending" : "mdi:sort-ascending"}></ha-icon>
        </button>
        <span class="count">${this._text("shown", { shown, total: this._feed.torrents.size })}</span>
      </div>
    `;
  }

  private _renderRow(torrent: Torrent, index: number): TemplateResult {
    const progress = Math.max(0, Math.min(1, torrent.progress ?? 0));
    const running = isRunning(torrent);
    return html`
      <div
        class="row ${torrent.hash === this._selected ? "selected" : ""}"
        style="top: ${index * ROW_HEIGHT}px"
        data-hash=${torrent.hash}
      >
        <ha-icon class="status ${torrent.status}" icon=${STATUS_ICONS[torrent.status] ?? "mdi:help-circle-outline"} title=${torrent.state}></ha-icon>
        <div class="main" @click=${() => (this._selected = this._selected === torrent.hash ? null : torrent.hash)}>
          <div class="line">
            <span class="name" title=${torrent.name}>${torrent.name}</span>
            ${torrent.category ? html`<span class="chip category">${torrent.category}</span>` : nothing}
            ${torrent.tags.map((tag) => html`<span class="chip">${tag}</span>`)}
          </div>
          <div class="progress" role="progressbar" aria-valuenow=${Math.round(progress * 100)}>
            <div class="bar ${torrent.status}" style="width: ${progress * 100}%"></div>
          </div>
          <div class="line secondary">
            <span>${formatPercent(torrent.progress)}</span>
            <span>${formatBytes(torrent.size)}</span>
            <span>↓ ${formatSpeed(torrent.download_speed)}</span>
            <span>↑ ${formatSpeed(torrent.upload_speed)}</span>
            <span>${this._text("eta")} ${formatEta(torrent.eta)}</span>
            <span>⚖ ${formatRatio(torrent.ratio)}</span>
          </div>
        </div>
        ${this._confirmRemove === torrent.hash
          ? html`<div class="confirm">
              <span>${this._text("remove_confirm")}</span>
              <button @click=${() => this._remove(torrent, false)}>${this._text("keep_files")}</button>
              <button class="danger" @click=${() => this._remove(torrent, true)}>${this._text("delete_files")}</button>
              <button @click=${() => (this._confirmRemove = null)}>${this._text("cancel")}</button>
            </div>`
          : html`<button
                class="icon"
                title=${this._text(running ? "pause" : "resume")}
                @click=${() => this._call(running ? "pause_torrents" : "resume_torrents", { torrent_hashes: [torrent.hash] })}
              >
                <ha-icon icon=${running ? "mdi:pause" : "mdi:play"}></ha-icon>
              </button>
              <button class="icon" title=${this._text("remove")} @click=${() => (this._confirmRemove = torrent.hash)}>
                <ha-icon icon="mdi:delete-outline"></ha-icon>
              </button>`}
      </div>
    `;
  }

  private _remove(torrent: Torrent, deleteFiles: boolean): void {
    this._confirmRemove = null;
    this._call("remove_torrents", { torrent_hashes: [torrent.hash], delete_files: deleteFiles });
  }

  private _renderDetails(): TemplateResult | typeof nothing {
    const torrent = this._selected ? this._feed.torrents.get(this._selected) : undefined;
    if (!torrent) {
      return nothing;
    }
    const when = (value: string | null) => (value ? new Date(value).toLocaleString(this.hass?.locale?.language) : "—");
    const hashes = { torrent_hashes: [torrent.hash] };
    return html`
      <div class="details">
        <div class="name">${torrent.name}</div>
        <dl>
          <dt>${this._text("save_path")}</dt><dd>${torrent.save_path ?? "—"}</dd>
          <dt>${this._text("added_on")}</dt><dd>${when(torrent.added_on)}</dd>
          <dt>${this._text("completion_on")}</dt><dd>${when(torrent.completion_on)}</dd>
          <dt>${this._text("seeds")}</dt><dd>${torrent.seeds ?? "—"}</dd>
          <dt>${this._text("leechers")}</dt><dd>${torrent.leechers ?? "—"}</dd>
          <dt>${this._text("downloaded")}</dt><dd>${formatBytes(torrent.downloaded)}</dd>
          <dt>${this._text("uploaded")}</dt><dd>${formatBytes(torrent.uploaded)}</dd>
        </dl>
        <div class="actions">
          <button @click=${() => this._call("set_force_start", { ...hashes, force_start: !torrent.force_start })}>
            ${this._text("force_start")}${torrent.force_start ? " ✓" : ""}
          </button>
          <button @click=${() => this._call("recheck_torrents", hashes)}>${this._text("recheck")}</button>
          <button @click=${() => this._call("reannounce_torrents", hashes)}>${this._text("reannounce")}</button>
          <select
            aria-label=${this._text("category")}
            @change=${(event: Event) => this._call("set_category", { ...hashes, category: (event.target as HTMLSelectElement).value })}
          >
            <option value="" ?selected=${!torrent.category}>${this._text("no_category")}</option>
            ${this._feed.categories.map(
              (category) => html`<option value=${category} ?selected=${category === torrent.category}>${category}</option>`,
            )}
          </select>
        </div>
      </div>
    `;
  }

  static styles = css`
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
      height: ${ROW_HEIGHT}px;
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
  `;
}

void defineElement("qbittorrent-card", QBittorrentCard);
registerStrategy();

const registry = window as unknown as { customCards?: Array<Record<string, unknown>> };
registry.customCards = registry.customCards ?? [];
if (!registry.customCards.some((card) => card.type === "qbittorrent-card")) {
  registry.customCards.push({
    type: "qbittorrent-card",
    // Read when the card picker opens, in the language the app shows then.
    get name() {
      return localize(pageLanguage(), "picker.card_name");
    },
    get description() {
      return localize(pageLanguage(), "picker.card_description");
    },
    preview: false,
    documentationURL: "https://github.com/qbittorrent-webui-ha/qbittorrent_webui#torrent-card",
  });
}
