// The card's texts. English is complete; other languages fall back to it
// key by key.

const en = {
  no_entry: "Choose a qBittorrent server in the card's settings.",
  unavailable: "qBittorrent cannot be reached",
  loading: "Loading torrents…",
  empty: "No torrents",
  search: "Search",
  add: "Add",
  add_placeholder: "Magnet links or torrent URLs, one per line",
  pause: "Pause",
  resume: "Resume",
  pause_all: "Pause all",
  resume_all: "Resume all",
  alternative_limits: "Alternative speed limits",
  force_start: "Force start",
  recheck: "Recheck",
  reannounce: "Reannounce",
  remove: "Remove",
  remove_confirm: "Remove this torrent?",
  keep_files: "Keep files",
  delete_files: "Delete files",
  cancel: "Cancel",
  all_categories: "All categories",
  no_category: "No category",
  shown: "{shown} of {total}",
  save_path: "Save path",
  added_on: "Added",
  completion_on: "Completed",
  seeds: "Seeds",
  leechers: "Peers",
  downloaded: "Downloaded",
  uploaded: "Uploaded",
  "state.all": "All",
  "state.active": "Active",
  "state.completed": "Completed",
  "state.downloading": "Downloading",
  "state.seeding": "Seeding",
  "state.stopped": "Stopped",
  "state.checking": "Checking",
  "state.queued": "Queued",
  "state.errored": "Errored",
  "state.moving": "Moving",
  "sort.name": "Name",
  "sort.added_on": "Added",
  "sort.progress": "Progress",
  "sort.download_speed": "Download speed",
  "sort.upload_speed": "Upload speed",
  "sort.eta": "ETA",
  "sort.ratio": "Ratio",
  "sort.size": "Size",
  "sort.status": "State",
  "editor.entry": "qBittorrent server",
  "editor.title": "Title",
  "editor.state": "Show",
  "editor.sort": "Sort by",
  "editor.height": "List height (px)",
};

export type TextKey = keyof typeof en;

const languages: Record<string, Partial<Record<TextKey, string>>> = { en };

export function localize(language: string | undefined, key: TextKey, values: Record<string, string | number> = {}): string {
  const text = languages[language ?? "en"]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? ""));
}
