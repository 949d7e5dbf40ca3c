import assert from "node:assert/strict";
import { test } from "node:test";
import type { HomeAssistant } from "../src/ha";
import { buildDashboard, entriesOf, generateDashboard } from "../src/strategy";

// Two servers (entries "a" and "b"), each with one device, and an entity of
// another integration on a device of its own.
function fakeHass(language = "en", admin = true): HomeAssistant {
  const entity = (entity_id: string, translation_key: string, device_id: string, platform = "qbittorrent_webui") => ({
    entity_id,
    translation_key,
    device_id,
    platform,
  });
  const entities = [
    entity("sensor.nas_download_speed", "download_speed", "dev-a"),
    entity("sensor.nas_upload_speed", "upload_speed", "dev-a"),
    entity("sensor.nas_status", "status", "dev-a"),
    entity("binary_sensor.nas_connected", "connectivity", "dev-a"),
    entity("switch.nas_alternative_speed_limits", "alternative_speed_limits", "dev-a"),
    entity("button.nas_pause_all", "pause_all", "dev-a"),
    entity("sensor.seedbox_download_speed", "download_speed", "dev-b"),
    entity("sensor.weather_status", "status", "dev-x", "met"),
  ];
  const names: Record<string, string> = {
    "sensor.nas_status": "NAS Status",
    "binary_sensor.nas_connected": "Server connection",
    "switch.nas_alternative_speed_limits": "NAS Alternative speed limits",
  };
  return {
    language,
    states: Object.fromEntries(Object.entries(names).map(([id, name]) => [id, { attributes: { friendly_name: name } }])),
    entities: Object.fromEntries(entities.map((item) => [item.entity_id, item])),
    devices: {
      "dev-a": { config_entries: ["a"], name: "NAS" },
      "dev-b": { config_entries: ["b"], name: "Seedbox", name_by_user: "Remote seedbox" },
      "dev-x": { config_entries: ["x"], name: "Weather" },
    },
    connection: { subscribeMessage: () => Promise.resolve(() => undefined) },
    callService: () => Promise.resolve(),
    callWS: <T>(message: Record<string, unknown>): Promise<T> => {
      assert.deepEqual(message, { type: "config_entries/get", domain: "qbittorrent_webui" });
      return admin
        ? Promise.resolve([
            { entry_id: "b", title: "Seedbox" },
            { entry_id: "a", title: "NAS" },
          ] as T)
        : Promise.reject(new Error("Unauthorized"));
    },
  };
}

test("one view per server: its card in a wide section, then speeds, status and controls", () => {
  const hass = fakeHass();
  const dashboard = buildDashboard(hass, entriesOf(hass, [{ entry_id: "a", title: "NAS" }, { entry_id: "b", title: "Seedbox" }]));
  assert.deepEqual(
    dashboard.views.map((view) => [view.title, view.path, view.type]),
    [
      ["NAS", "torrents", "sections"],
      ["Seedbox", "torrents-2", "sections"],
    ],
  );
  const [nas, seedbox] = dashboard.views;
  assert.deepEqual(nas.sections, [
    {
      type: "grid",
      column_span: 2,
      cards: [
        { type: "custom:qbittorrent-card", entry_id: "a", title: "NAS", grid_options: { columns: "full" } },
        {
          type: "history-graph",
          title: "Speeds",
          hours_to_show: 3,
          entities: ["sensor.nas_download_speed", "sensor.nas_upload_speed"],
          grid_options: { columns: "full", rows: 4 },
        },
      ],
    },
    {
      type: "grid",
      cards: [
        {
          type: "entities",
          title: "Status",
          // Named without the device's name where the name starts with it.
          entities: ["binary_sensor.nas_connected", { entity: "sensor.nas_status", name: "Status" }],
        },
        {
          type: "entities",
          title: "Controls",
          entities: [{ entity: "switch.nas_alternative_speed_limits", name: "Alternative speed limits" }, "button.nas_pause_all"],
          show_header_toggle: false,
        },
      ],
    },
  ]);
  // Only what the seedbox has: no empty status or controls card, no empty section.
  assert.deepEqual(
    seedbox.sections?.map((section) => section.cards.map((card) => card.type)),
    [["custom:qbittorrent-card", "history-graph"]],
  );
});

test("the titles are in the user's language", () => {
  const hass = fakeHass("de");
  const [view] = buildDashboard(hass, [{ entry_id: "a", title: "NAS" }]).views;
  assert.deepEqual(
    view.sections?.flatMap((section) => section.cards.slice(section.column_span ? 1 : 0)).map((card) => card.title),
    ["Geschwindigkeiten", "Status", "Steuerung"],
  );
});

test("without a server the dashboard says so", () => {
  const dashboard = buildDashboard(fakeHass("fr"), []);
  assert.deepEqual(dashboard.views[0].cards, [{ type: "markdown", content: "Aucun serveur qBittorrent n'est configuré." }]);
});

test("the servers come from the listed entries, or from the devices for non-administrators", async () => {
  assert.deepEqual(
    (await generateDashboard(fakeHass())).views.map((view) => view.title),
    ["NAS", "Seedbox"],
  );
  assert.deepEqual(
    (await generateDashboard(fakeHass("en", false))).views.map((view) => view.title),
    ["NAS", "Remote seedbox"],
  );
  // An entry without entities this user sees gets no view.
  assert.deepEqual(entriesOf(fakeHass(), [{ entry_id: "gone", title: "Old" }]), []);
});
