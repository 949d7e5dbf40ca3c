// The parts of Home Assistant's frontend objects the card uses.
import type { SortKey, StateFilter } from "./feed";

export const DOMAIN = "qbittorrent_webui";

export interface CardConfig {
  type: string;
  entry_id?: string;
  title?: string;
  state?: StateFilter;
  sort?: SortKey;
  reverse?: boolean;
  height?: number;
}

export interface HomeAssistant {
  language?: string;
  locale?: { language: string };
  entities: Record<string, { entity_id: string; platform: string; translation_key?: string; device_id?: string }>;
  states: Record<string, { attributes: { friendly_name?: string } }>;
  devices: Record<string, { config_entries: string[]; name?: string | null; name_by_user?: string | null }>;
  connection: {
    subscribeMessage<T>(callback: (message: T) => void, message: Record<string, unknown>): Promise<() => void>;
  };
  callService(domain: string, service: string, data: Record<string, unknown>): Promise<unknown>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
}

export interface EntryInfo {
  entry_id: string;
  title: string;
}

export async function loadEntries(hass: HomeAssistant): Promise<EntryInfo[]> {
  try {
    return await hass.callWS<EntryInfo[]>({ type: "config_entries/get", domain: DOMAIN });
  } catch {
    // Only administrators may list config entries.
    return [];
  }
}

/** The entity of one of the entry's devices with this translation key. */
export function findEntryEntity(
  hass: HomeAssistant,
  entryId: string,
  domain: string,
  translationKey: string,
): string | undefined {
  return Object.values(hass.entities).find(
    (entity) =>
      entity.platform === DOMAIN &&
      entity.translation_key === translationKey &&
      entity.entity_id.startsWith(`${domain}.`) &&
      entity.device_id !== undefined &&
      hass.devices[entity.device_id]?.config_entries.includes(entryId),
  )?.entity_id;
}
