import assert from "node:assert/strict";
import { test } from "node:test";
import { LANGUAGES, hassLanguage, localize, pageLanguage, pickLanguage } from "../src/translations";

test("the integration's languages are all there", () => {
  assert.deepEqual(Object.keys(LANGUAGES).sort(), ["de", "en", "es", "fr", "nl", "ru"]);
});

test("every language has every English key, with its placeholders", () => {
  const keys = Object.keys(LANGUAGES.en).sort();
  for (const [language, texts] of Object.entries(LANGUAGES)) {
    assert.deepEqual(Object.keys(texts).sort(), keys, language);
    for (const key of keys) {
      const text = texts[key as keyof typeof texts];
      assert.ok(text.trim(), `${language}.${key} is empty`);
      const placeholders = (value: string) => (value.match(/\{\w+\}/g) ?? []).sort();
      assert.deepEqual(placeholders(text), placeholders(LANGUAGES.en[key as keyof typeof texts]), `${language}.${key}`);
    }
  }
});

test("the other languages are translated, not English copies", () => {
  for (const [language, texts] of Object.entries(LANGUAGES)) {
    if (language !== "en") {
      assert.notEqual(texts.no_entry, LANGUAGES.en.no_entry, language);
      assert.notEqual(texts.pause_all, LANGUAGES.en.pause_all, language);
    }
  }
});

test("the language is Home Assistant's, then its base language, else English", () => {
  assert.equal(pickLanguage("de"), "de");
  assert.equal(pickLanguage("nl"), "nl");
  assert.equal(pickLanguage("fr-CA"), "fr");
  assert.equal(pickLanguage("es-419"), "es");
  assert.equal(pickLanguage("RU"), "ru");
  assert.equal(pickLanguage("pt-BR"), "en");
  assert.equal(pickLanguage("constructor"), "en");
  assert.equal(pickLanguage(undefined), "en");
  assert.equal(pickLanguage(""), "en");
});

test("texts come in the picked language, placeholders filled", () => {
  assert.equal(localize("de", "pause_all"), "Alle pausieren");
  assert.equal(localize("fr-FR", "shown", { shown: 3, total: 10 }), "3 sur 10");
  assert.equal(localize("ru", "shown", { shown: 1, total: 2 }), "1 из 2");
  assert.equal(localize("xx", "pause"), "Pause");
});

test("Home Assistant's language: the user's locale first, then the server's", () => {
  assert.equal(hassLanguage({ locale: { language: "nl" }, language: "de" }), "nl");
  assert.equal(hassLanguage({ language: "es" }), "es");
  assert.equal(hassLanguage(undefined), "en");
});

test("texts read outside a card follow the app on the page, else English", () => {
  const page = globalThis as unknown as { document?: unknown };
  const saved = page.document;
  try {
    page.document = { querySelector: () => ({ hass: { locale: { language: "de" } } }) };
    assert.equal(pageLanguage(), "de");
    assert.equal(localize(pageLanguage(), "picker.card_name"), "qBittorrent-Torrents");
    page.document = { querySelector: () => null };
    assert.equal(pageLanguage(), "en");
  } finally {
    page.document = saved;
  }
});
