import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyEvent,
  emptyFeed,
  matchesState,
  sortTorrents,
  visibleRange,
  visibleTorrents,
  type Torrent,
  type ViewOptions,
} from "../src/feed";

function torrent(hash: string, fields: Partial<Torrent> = {}): Torrent {
  return {
    hash,
    name: `torrent ${hash}`,
    state: "downloading",
    status: "downloading",
    progress: 0.5,
    size: 1000,
    downloaded: 500,
    uploaded: 0,
    amount_left: 500,
    download_speed: 100,
    upload_speed: 0,
    ratio: 0,
    eta: 5,
    seeds: 1,
    leechers: 0,
    category: null,
    tags: [],
    save_path: "/downloads",
    added_on: "2026-01-01T00:00:00+00:00",
    completion_on: null,
    priority: 1,
    force_start: false,
    download_limit: 0,
    upload_limit: 0,
    ...fields,
  };
}

const ALL: ViewOptions = { state: "all", category: null, search: "", sort: "name", reverse: false };

test("a full event replaces the torrents, deltas add, change and remove", () => {
  let feed = applyEvent(emptyFeed(), {
    full: true,
    available: true,
    server: { download_speed: 10 },
    categories: ["linux"],
    torrents: [torrent("a"), torrent("b")],
  });
  assert.equal(feed.available, true);
  assert.equal(feed.server.download_speed, 10);
  assert.deepEqual([...feed.torrents.keys()], ["a", "b"]);
  const unchanged = feed.torrents.get("b");

  feed = applyEvent(feed, {
    added: [torrent("c")],
    changed: { a: { progress: 0.75 } },
    removed: ["b"],
    server: { upload_speed: 3 },
  });
  assert.deepEqual([...feed.torrents.keys()].sort(), ["a", "c"]);
  assert.equal(feed.torrents.get("a")?.progress, 0.75);
  assert.equal(feed.torrents.get("a")?.name, "torrent a");
  assert.deepEqual(feed.server.download_speed, 10);
  assert.deepEqual(feed.server.upload_speed, 3);
  assert.deepEqual(feed.categories, ["linux"]);
  assert.equal(feed.revision, 2);
  assert.ok(unchanged);

  feed = applyEvent(feed, { full: true, torrents: [torrent("d")] });
  assert.deepEqual([...feed.torrents.keys()], ["d"]);
});

test("a change is a new object; the others stay the same objects", () => {
  const feed = applyEvent(emptyFeed(), { full: true, torrents: [torrent("a"), torrent("b")] });
  const [a, b] = [feed.torrents.get("a"), feed.torrents.get("b")];
  const next = applyEvent(feed, { changed: { a: { eta: 1 }, gone: { eta: 2 } } });
  assert.notEqual(next.torrents.get("a"), a);
  assert.equal(next.torrents.get("b"), b);
  assert.equal(next.torrents.has("gone"), false);
});

test("state filters follow the integration's status groups", () => {
  assert.ok(matchesState(torrent("a", { status: "stalled_downloading" }), "downloading"));
  assert.ok(matchesState(torrent("a", { status: "metadata" }), "downloading"));
  assert.ok(!matchesState(torrent("a", { status: "stopped" }), "downloading"));
  assert.ok(matchesState(torrent("a", { status: "missing_files" }), "errored"));
  assert.ok(matchesState(torrent("a", { status: "stalled_seeding" }), "seeding"));
  assert.ok(matchesState(torrent("a", { download_speed: 0, upload_speed: 1 }), "active"));
  assert.ok(!matchesState(torrent("a", { download_speed: 0, upload_speed: 0 }), "active"));
  assert.ok(matchesState(torrent("a", { amount_left: 0, progress: 1, status: "seeding" }), "completed"));
  // Checking says nothing about the download, like the client's is_complete.
  assert.ok(!matchesState(torrent("a", { amount_left: 0, progress: 1, status: "checking" }), "completed"));
  assert.ok(!matchesState(torrent("a"), "completed"));
});

test("filter by state, category and every word of the search", () => {
  const feed = applyEvent(emptyFeed(), {
    full: true,
    torrents: [
      torrent("a", { name: "Debian 13 netinst", category: "linux" }),
      torrent("b", { name: "Debian 12 DVD", category: "linux", status: "stopped" }),
      torrent("c", { name: "Big Buck Bunny", category: null }),
    ],
  });
  const names = (options: Partial<ViewOptions>) =>
    visibleTorrents(feed, { ...ALL, ...options }).map((item) => item.hash);
  assert.deepEqual(names({}), ["c", "b", "a"]);
  assert.deepEqual(names({ category: "linux" }), ["b", "a"]);
  assert.deepEqual(names({ category: "" }), ["c"]);
  assert.deepEqual(names({ search: "debian NET" }), ["a"]);
  assert.deepEqual(names({ state: "stopped" }), ["b"]);
  assert.deepEqual(names({ state: "downloading", category: "linux" }), ["a"]);
});

test("sorting keeps unknown values last in both directions, ties by name", () => {
  const items = [
    torrent("a", { name: "x", eta: null }),
    torrent("b", { name: "y", eta: 10 }),
    torrent("c", { name: "z", eta: 5 }),
    torrent("d", { name: "w", eta: 10 }),
  ];
  assert.deepEqual(sortTorrents([...items], "eta", false).map((t) => t.hash), ["c", "d", "b", "a"]);
  assert.deepEqual(sortTorrents([...items], "eta", true).map((t) => t.hash), ["d", "b", "c", "a"]);
  // Names sort naturally and ignore case.
  const named = [torrent("1", { name: "file10" }), torrent("2", { name: "File9" }), torrent("3", { name: "file1" })];
  assert.deepEqual(sortTorrents(named, "name", false).map((t) => t.hash), ["3", "2", "1"]);
});

test("only the rows in sight (and a few more) are rendered", () => {
  assert.deepEqual(visibleRange(0, 480, 64, 10_000), { start: 0, end: 13 });
  assert.deepEqual(visibleRange(64 * 5000, 480, 64, 10_000), { start: 4995, end: 5013 });
  assert.deepEqual(visibleRange(64 * 9999, 480, 64, 10_000), { start: 9994, end: 10_000 });
  assert.deepEqual(visibleRange(0, 480, 64, 3), { start: 0, end: 3 });
  assert.deepEqual(visibleRange(0, 480, 64, 0), { start: 0, end: 0 });
});

test("10,000 torrents with 1% churn: an update and a view stay cheap", () => {
  const torrents = Array.from({ length: 10_000 }, (_, index) => torrent(`h${index}`, { name: `torrent ${index}`, download_speed: 0 }));
  let feed = applyEvent(emptyFeed(), { full: true, torrents });
  const changed: Record<string, Partial<Torrent>> = {};
  for (let index = 0; index < 100; index += 1) {
    changed[`h${index * 100}`] = { progress: 0.9, download_speed: index + 1 };
  }
  const started = performance.now();
  feed = applyEvent(feed, { changed });
  const shown = visibleTorrents(feed, { ...ALL, sort: "download_speed", reverse: true });
  const elapsed = performance.now() - started;
  assert.equal(shown.length, 10_000);
  assert.equal(shown[0].hash, "h9900");
  assert.ok(elapsed < 500, `took ${elapsed} ms`);
});
