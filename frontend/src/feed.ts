// The torrent feed as the card keeps it: the subscription's events applied as
// deltas, and the filtering and sorting of what is shown. No DOM here.

export interface Torrent {
  hash: string;
  name: string;
  state: string;
  status: string;
  progress: number | null;
  size: number | null;
  downloaded: number | null;
  uploaded: number | null;
  amount_left: number | null;
  download_speed: number | null;
  upload_speed: number | null;
  ratio: number | null;
  eta: number | null;
  seeds: number | null;
  leechers: number | null;
  category: string | null;
  tags: string[];
  save_path: string | null;
  added_on: string | null;
  completion_on: string | null;
  priority: number | null;
  force_start: boolean | null;
  download_limit: number | null;
  upload_limit: number | null;
}

export interface ServerValues {
  download_speed: number | null;
  upload_speed: number | null;
  download_rate_limit: number | null;
  upload_rate_limit: number | null;
  alternative_speed_limits_enabled: boolean | null;
  connection_status: string | null;
  free_space_on_disk: number | null;
}

/** One message of `qbittorrent_webui/torrents/subscribe`. */
export interface FeedEvent {
  full?: boolean;
  available?: boolean;
  ended?: boolean;
  server?: Partial<ServerValues>;
  categories?: string[];
  tags?: string[];
  torrents?: Torrent[];
  added?: Torrent[];
  removed?: string[];
  changed?: Record<string, Partial<Torrent>>;
}

export interface FeedState {
  torrents: Map<string, Torrent>;
  server: ServerValues;
  categories: string[];
  tags: string[];
  available: boolean;
  /** Counts applied events, so views can tell a changed feed cheaply. */
  revision: number;
}

export function emptyFeed(): FeedState {
  return {
    torrents: new Map(),
    server: {
      download_speed: null,
      upload_speed: null,
      download_rate_limit: null,
      upload_rate_limit: null,
      alternative_speed_limits_enabled: null,
      connection_status: null,
      free_space_on_disk: null,
    },
    categories: [],
    tags: [],
    available: false,
    revision: 0,
  };
}

/**
 * Apply one event. The torrent map is updated in place (10,000 torrents are
 * not copied for a 1% change); a changed torrent gets a new object, so rows
 * can tell changed torrents by identity.
 */
export function applyEvent(feed: FeedState, event: FeedEvent): FeedState {
  if (event.full) {
    feed.torrents.clear();
  }
  for (const torrent of event.torrents ?? []) {
    feed.torrents.set(torrent.hash, torrent);
  }
  for (const torrent of event.added ?? []) {
    feed.torrents.set(torrent.hash, torrent);
  }
  for (const [hash, fields] of Object.entries(event.changed ?? {})) {
    const torrent = feed.torrents.get(hash);
    if (torrent) {
      feed.torrents.set(hash, { ...torrent, ...fields });
    }
  }
  for (const hash of event.removed ?? []) {
    feed.torrents.delete(hash);
  }
  return {
    ...feed,
    server: event.server ? { ...feed.server, ...event.server } : feed.server,
    categories: event.categories ?? feed.categories,
    tags: event.tags ?? feed.tags,
    available: event.available ?? feed.available,
    revision: feed.revision + 1,
  };
}

// The integration's status groups (StatusGroup in the client's models), by
// the normalized status each torrent carries.
const GROUP_STATUSES: Record<string, readonly string[]> = {
  downloading: ["downloading", "stalled_downloading", "metadata"],
  seeding: ["seeding", "stalled_seeding"],
  stopped: ["stopped"],
  checking: ["checking"],
  queued: ["queued"],
  errored: ["error", "missing_files"],
  moving: ["moving"],
};

// Statuses whose progress says nothing about the download (the client's
// PROGRESS_UNKNOWN_STATUSES): no torrent in them counts as completed.
const PROGRESS_UNKNOWN = new Set(["checking", "metadata", "moving", "error", "missing_files", "unknown"]);

export const STATE_FILTERS = [
  "all",
  "active",
  "completed",
  "downloading",
  "seeding",
  "stopped",
  "checking",
  "queued",
  "errored",
  "moving",
] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const SORT_KEYS = [
  "name",
  "added_on",
  "progress",
  "download_speed",
  "upload_speed",
  "eta",
  "ratio",
  "size",
  "status",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ViewOptions {
  state: StateFilter;
  /** A category name, "" for torrents without one, null for any. */
  category: string | null;
  search: string;
  sort: SortKey;
  reverse: boolean;
}

export function isActive(torrent: Torrent): boolean {
  return Boolean(torrent.download_speed) || Boolean(torrent.upload_speed);
}

export function isComplete(torrent: Torrent): boolean {
  if (PROGRESS_UNKNOWN.has(torrent.status)) {
    return false;
  }
  if (torrent.amount_left !== null) {
    return torrent.amount_left === 0 && torrent.progress !== 0;
  }
  return (torrent.progress ?? 0) >= 1;
}

export function matchesState(torrent: Torrent, state: StateFilter): boolean {
  switch (state) {
    case "all":
      return true;
    case "active":
      return isActive(torrent);
    case "completed":
      return isComplete(torrent);
    default:
      return GROUP_STATUSES[state].includes(torrent.status);
  }
}

/** Every word of the search appears in the name, ignoring case. */
export function searchWords(search: string): string[] {
  return search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(torrent: Torrent, options: ViewOptions, words: string[]): boolean {
  if (!matchesState(torrent, options.state)) {
    return false;
  }
  if (options.category !== null && (torrent.category ?? "") !== options.category) {
    return false;
  }
  if (words.length) {
    const name = torrent.name.toLocaleLowerCase();
    return words.every((word) => name.includes(word));
  }
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "string" && typeof b === "string") {
    return collator.compare(a, b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sort by a field; unknown values (null) always come last, ties by name then
 * hash so the order is stable from one update to the next.
 */
export function sortTorrents(torrents: Torrent[], key: SortKey, reverse: boolean): Torrent[] {
  const direction = reverse ? -1 : 1;
  return torrents.sort((a, b) => {
    const left = a[key];
    const right = b[key];
    if (left !== right) {
      if (left === null) return 1;
      if (right === null) return -1;
      const order = compareValues(left, right);
      if (order) return order * direction;
    }
    return collator.compare(a.name, b.name) || compareValues(a.hash, b.hash);
  });
}

export function visibleTorrents(feed: FeedState, options: ViewOptions): Torrent[] {
  const words = searchWords(options.search);
  const shown: Torrent[] = [];
  for (const torrent of feed.torrents.values()) {
    if (matches(torrent, options, words)) {
      shown.push(torrent);
    }
  }
  return sortTorrents(shown, options.sort, options.reverse);
}

/** The rows to render of a list scrolled to `scrollTop`, with some spare. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 5,
): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}

/** Whether a torrent is one a pause would stop (else the row offers resume). */
export function isRunning(torrent: Torrent): boolean {
  return torrent.status !== "stopped";
}
