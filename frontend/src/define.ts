// Defines the card's elements so Home Assistant's dashboards find them, however
// the card's module and Home Assistant's app happen to be ordered.
//
// The app installs a scoped custom element registry polyfill when it evaluates:
// `window.customElements` is then replaced by a new registry that knows nothing
// of what was defined before. The card is an extra module, imported in parallel
// with the app, so it may evaluate first: its definition then lands only in the
// browser's own registry, and the dashboard, asking the polyfill's registry,
// waits for `qbittorrent-card` forever. So define in the registry in place now,
// and again in the one in place once the app has defined `home-assistant` (the
// polyfill also defines its elements in the browser's registry, so waiting on
// the registry seen now works whichever it is).

export interface Registries {
  customElements: CustomElementRegistry;
}

export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  page: Registries = window,
): Promise<void> {
  const registry = page.customElements;
  if (!registry.get(tag)) {
    registry.define(tag, element);
  }
  return registry.whenDefined("home-assistant").then(() => {
    const current = page.customElements;
    if (current !== registry && !current.get(tag)) {
      current.define(tag, element);
    }
  });
}
