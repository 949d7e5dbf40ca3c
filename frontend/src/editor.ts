// The card's visual editor: which server, and how the list starts.
import { LitElement, css, html, type TemplateResult } from "lit";
import { defineElement } from "./define";
import { SORT_KEYS, STATE_FILTERS } from "./feed";
import { type CardConfig, type EntryInfo, type HomeAssistant, loadEntries } from "./ha";
import { hassLanguage, localize, type TextKey } from "./translations";

export class QBittorrentCardEditor extends LitElement {
  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _entries: { state: true },
  };

  hass?: HomeAssistant;
  _config?: CardConfig;
  _entries: EntryInfo[] = [];
  private _requested = false;

  setConfig(config: CardConfig): void {
    this._config = config;
  }

  protected willUpdate(): void {
    if (this.hass && !this._requested) {
      this._requested = true;
      loadEntries(this.hass).then((entries) => {
        this._entries = entries;
      });
    }
  }

  private _text(key: TextKey): string {
    return localize(hassLanguage(this.hass), key);
  }

  private _changed(field: keyof CardConfig, value: unknown): void {
    const config: Record<string, unknown> = { ...this._config };
    if (value === "" || value === undefined) {
      delete config[field];
    } else {
      config[field] = value;
    }
    this._config = config as unknown as CardConfig;
    this.dispatchEvent(new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }));
  }

  protected render(): TemplateResult {
    const config = this._config ?? { type: "custom:qbittorrent-card" };
    const entries = this._entries.some((entry) => entry.entry_id === config.entry_id) || !config.entry_id
      ? this._entries
      : [...this._entries, { entry_id: config.entry_id, title: config.entry_id }];
    return html`
      <label>
        ${this._text("editor.entry")}
        <select id="entry" @change=${(event: Event) => this._changed("entry_id", (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!config.entry_id}>—</option>
          ${entries.map(
            (entry) => html`<option value=${entry.entry_id} ?selected=${entry.entry_id === config.entry_id}>${entry.title}</option>`,
          )}
        </select>
      </label>
      <label>
        ${this._text("editor.title")}
        <input .value=${config.title ?? ""} @change=${(event: Event) => this._changed("title", (event.target as HTMLInputElement).value)} />
      </label>
      <label>
        ${this._text("editor.state")}
        <select @change=${(event: Event) => this._changed("state", (event.target as HTMLSelectElement).value)}>
          ${STATE_FILTERS.map(
            (state) => html`<option value=${state} ?selected=${state === (config.state ?? "all")}>${this._text(`state.${state}`)}</option>`,
          )}
        </select>
      </label>
      <label>
        ${this._text("editor.sort")}
        <select @change=${(event: Event) => this._changed("sort", (event.target as HTMLSelectElement).value)}>
          ${SORT_KEYS.map((key) => html`<option value=${key} ?selected=${key === (config.sort ?? "name")}>${this._text(`sort.${key}`)}</option>`)}
        </select>
      </label>
      <label>
        ${this._text("editor.height")}
        <input
          type="number"
          min="120"
          .value=${String(config.height ?? "")}
          @change=${(event: Event) => {
            const value = (event.target as HTMLInputElement).value;
            this._changed("height", value ? Number(value) : undefined);
          }}
        />
      </label>
    `;
  }

  static styles = css`
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
  `;
}

void defineElement("qbittorrent-card-editor", QBittorrentCardEditor);
