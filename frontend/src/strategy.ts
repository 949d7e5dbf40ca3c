// A ready dashboard: `strategy: {type: custom:qbittorrent-webui}` builds one
// view per qBittorrent server: its torrent card and the speed history in a
// wide section, the main sensors and the controls beside them. The entities are found by the integration's
// translation keys, so renamed entities are found too.
import { defineElement } from "./define";
import { DOMAIN, type EntryInfo, type HomeAssistant, findEntryEntity, loadEntries } from "./ha";
import { hassLanguage, localize, pageLanguage, type TextKey } from "./translations";

type EntityKey = readonly [domain: string, translationKey: string];

const SPEEDS: readonly EntityKey[] = [
  ["sensor", "download_speed"],
  ["sensor", "upload_speed"],
];
const STATUS: readonly EntityKey[] = [
  ["binary_sensor", "connectivity"],
  ["sensor", "status"],
  ["sensor", "torrents_total"],
  ["sensor", "torrents_downloading"],
  ["sensor", "torrents_seeding"],
  ["sensor", "torrents_stopped"],
  ["sensor", "next_finish"],
  ["sensor", "global_ratio"],
  ["sensor", "free_disk_space"],
];
const CONTROLS: readonly EntityKey[] = [
  ["switch", "torrents"],
  ["switch", "alternative_speed_limits"],
  ["number", "download_limit"],
  ["number", "upload_limit"],
  ["button", "pause_all"],
  ["button", "resume_all"],
];
const HISTORY_HOURS = 3;
// Grid rows of the speed history: a chart, not a full-height panel.
const HISTORY_ROWS = 4;

export type CardConfig = Record<string, unknown>;

export interface SectionConfig {
  type: string;
  column_span?: number;
  cards: CardConfig[];
}

export interface ViewConfig {
  title: string;
  path: string;
  icon: string;
  type?: string;
  max_columns?: number;
  cards?: CardConfig[];
  sections?: SectionConfig[];
}

export interface DashboardConfig {
  title: string;
  views: ViewConfig[];
}

/** The integration's config entries that have entities this user may see. */
export function entriesOf(hass: HomeAssistant, known: EntryInfo[]): EntryInfo[] {
  const titles = new Map(known.map((entry) => [entry.entry_id, entry.title]));
  const found = new Map<string, string>();
  for (const entity of Object.values(hass.entities)) {
    const device = entity.platform === DOMAIN && entity.device_id ? hass.devices[entity.device_id] : undefined;
    for (const entryId of device?.config_entries ?? []) {
      // Without admin rights the entries are not listed: all of the device's count.
      if (!found.has(entryId) && (titles.has(entryId) || known.length === 0)) {
        found.set(entryId, titles.get(entryId) ?? device?.name_by_user ?? device?.name ?? "qBittorrent");
      }
    }
  }
  return [...found]
    .map(([entry_id, title]) => ({ entry_id, title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** An entities card's row: the entity, named without its device's name as HA's own dashboards do. */
function row(hass: HomeAssistant, entityId: string): string | { entity: string; name: string } {
  const deviceId = hass.entities[entityId]?.device_id;
  const device = deviceId ? hass.devices[deviceId] : undefined;
  const deviceName = device?.name_by_user ?? device?.name;
  const name = hass.states[entityId]?.attributes.friendly_name;
  if (!deviceName || !name?.startsWith(`${deviceName} `)) {
    return entityId;
  }
  return { entity: entityId, name: name.slice(deviceName.length + 1) };
}

function entitiesCard(
  hass: HomeAssistant,
  entryId: string,
  keys: readonly EntityKey[],
  title: string,
  options: CardConfig = {},
): CardConfig[] {
  const entities = keys
    .map(([domain, key]) => findEntryEntity(hass, entryId, domain, key))
    .filter((entity): entity is string => entity !== undefined)
    .map((entity) => row(hass, entity));
  return entities.length ? [{ type: "entities", title, entities, ...options }] : [];
}

export function buildDashboard(hass: HomeAssistant, entries: EntryInfo[]): DashboardConfig {
  const text = (key: TextKey) => localize(hassLanguage(hass), key);
  if (entries.length === 0) {
    return {
      title: "qBittorrent",
      views: [
        {
          title: "qBittorrent",
          path: "qbittorrent",
          icon: "mdi:download-network",
          cards: [{ type: "markdown", content: text("dashboard.no_server") }],
        },
      ],
    };
  }
  return {
    title: "qBittorrent",
    views: entries.map((entry, index) => {
      const speeds = SPEEDS.map(([domain, key]) => findEntryEntity(hass, entry.entry_id, domain, key)).filter(
        (entity): entity is string => entity !== undefined,
      );
      return {
        title: entry.title,
        path: index === 0 ? "torrents" : `torrents-${index + 1}`,
        icon: "mdi:download-network",
        type: "sections",
        max_columns: 3,
        sections: [
          {
            type: "grid",
            column_span: 2,
            cards: [
              {
                type: "custom:qbittorrent-card",
                entry_id: entry.entry_id,
                title: entry.title,
                grid_options: { columns: "full" },
              },
              ...(speeds.length
                ? [
                    {
                      type: "history-graph",
                      title: text("dashboard.speeds"),
                      hours_to_show: HISTORY_HOURS,
                      entities: speeds,
                      grid_options: { columns: "full", rows: HISTORY_ROWS },
                    },
                  ]
                : []),
            ],
          },
          {
            type: "grid",
            cards: [
              ...entitiesCard(hass, entry.entry_id, STATUS, text("dashboard.status")),
              // One toggle for "torrents" and the alternative limits together makes no sense.
              ...entitiesCard(hass, entry.entry_id, CONTROLS, text("dashboard.controls"), { show_header_toggle: false }),
            ],
          },
        ].filter((section) => section.cards.length > 0),
      };
    }),
  };
}

export function generateDashboard(hass: HomeAssistant): Promise<DashboardConfig> {
  return loadEntries(hass).then((known) => buildDashboard(hass, entriesOf(hass, known)));
}

/** Home Assistant calls the element class's static generate, never renders it. */
export function registerStrategy(): void {
  class QBittorrentDashboardStrategy extends HTMLElement {
    static generate(_config: unknown, hass: HomeAssistant): Promise<DashboardConfig> {
      return generateDashboard(hass);
    }
  }
  void defineElement("ll-strategy-dashboard-qbittorrent-webui", QBittorrentDashboardStrategy);
  const page = window as unknown as { customStrategies?: Array<Record<string, unknown>> };
  page.customStrategies = page.customStrategies ?? [];
  if (!page.customStrategies.some((strategy) => strategy.type === "qbittorrent-webui")) {
    page.customStrategies.push({
      type: "qbittorrent-webui",
      strategyType: "dashboard",
      name: "qBittorrent",
      // Read when the dashboard dialog opens, in the language the app shows then.
      get description() {
        return localize(pageLanguage(), "picker.dashboard_description");
      },
      documentationURL: "https://github.com/qbittorrent-webui-ha/qbittorrent_webui#dashboard",
    });
  }
}
