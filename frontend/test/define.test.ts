import assert from "node:assert/strict";
import { test } from "node:test";
import { defineElement } from "../src/define";

// A registry holding names only, with whenDefined as the platform's.
class FakeRegistry {
  readonly defined = new Map<string, unknown>();
  private readonly waiting = new Map<string, Array<() => void>>();

  get(tag: string): unknown {
    return this.defined.get(tag);
  }

  define(tag: string, element: unknown): void {
    assert.ok(!this.defined.has(tag), `${tag} defined twice`);
    this.defined.set(tag, element);
    for (const resolve of this.waiting.get(tag) ?? []) resolve();
  }

  whenDefined(tag: string): Promise<void> {
    if (this.defined.has(tag)) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.set(tag, [...(this.waiting.get(tag) ?? []), resolve]);
    });
  }
}

class Element {}

function page(registry: FakeRegistry): { customElements: CustomElementRegistry } {
  return { customElements: registry as unknown as CustomElementRegistry };
}

test("defined in the registry replaced by Home Assistant's polyfill after the card ran", async () => {
  const native = new FakeRegistry();
  const window = page(native);
  const defined = defineElement("qbittorrent-card", Element as unknown as CustomElementConstructor, window);
  assert.equal(native.get("qbittorrent-card"), Element);

  // The app's polyfill: a new, empty registry whose definitions reach the native one too.
  const polyfill = new FakeRegistry();
  window.customElements = polyfill as unknown as CustomElementRegistry;
  polyfill.define("home-assistant", class {});
  native.define("home-assistant", class {});
  await defined;
  assert.equal(polyfill.get("qbittorrent-card"), Element);
});

test("defined once when the app's registry was already in place", async () => {
  const registry = new FakeRegistry();
  registry.define("home-assistant", class {});
  await defineElement("qbittorrent-card", Element as unknown as CustomElementConstructor, page(registry));
  assert.equal(registry.get("qbittorrent-card"), Element);
  // A second copy of the module (another URL) leaves the definition alone.
  await defineElement("qbittorrent-card", class {} as unknown as CustomElementConstructor, page(registry));
  assert.equal(registry.get("qbittorrent-card"), Element);
});
