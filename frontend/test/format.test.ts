import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, formatEta, formatPercent, formatRatio, formatSpeed } from "../src/format";
import { localize } from "../src/translations";

test("sizes and speeds in binary units", () => {
  assert.equal(formatBytes(null), "—");
  assert.equal(formatBytes(0), "0 B");
  assert.equal(formatBytes(1536), "1.5 KiB");
  assert.equal(formatBytes(150 * 1024 ** 3), "150 GiB");
  assert.equal(formatSpeed(2_097_152), "2.0 MiB/s");
});

test("ETA, ratio and progress", () => {
  assert.equal(formatEta(null), "∞");
  assert.equal(formatEta(8_640_000), "∞");
  assert.equal(formatEta(42), "42s");
  assert.equal(formatEta(125), "2m 5s");
  assert.equal(formatEta(3 * 3600 + 60), "3h 1m");
  assert.equal(formatEta(2 * 86_400 + 3600), "2d 1h");
  assert.equal(formatRatio(1.234), "1.23");
  assert.equal(formatRatio(null), "—");
  assert.equal(formatPercent(0.9999), "99.9%");
  assert.equal(formatPercent(1), "100%");
});

test("texts fall back to English and fill placeholders", () => {
  assert.equal(localize("xx", "pause"), "Pause");
  assert.equal(localize("en", "shown", { shown: 3, total: 10 }), "3 of 10");
});
