/**
 * Hallway's UI on a site lives under an element with a random name each time, so the page cannot
 * target it with a fixed selector or style rule (the same idea as Bitwarden's inline menu).
 */
export function randomHostTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  // A valid custom element name: lower-case letters after "x-", which also allows a shadow root.
  return `x-${[...bytes].map((b) => ((b % 26) + 10).toString(36)).join('')}`;
}

/** Set on the page's root by the content script's stylesheet (public/content.css). */
export const PRESENT_PROPERTY = '--hallway-present';

/**
 * The `display` of a shown host element: `block` only while the extension's own stylesheet is on the
 * page. Firefox takes a disabled or removed extension's stylesheets off open pages at once but leaves
 * the elements its content script made, with no script left to remove them
 * (https://github.com/w3c/webextensions/issues/138): without this, markers, an open card and the
 * draft dot would stay on screen, still showing whom the user has notes on, until the page reloads.
 */
export const SHOWN_DISPLAY = `var(${PRESENT_PROPERTY}, none)`;

/**
 * Removes what an earlier copy of Hallway left on the page. Firefox injects the content script again
 * into open pages when the extension is switched back on or updated, and the earlier copy's elements,
 * frozen with no script behind them, would show again with the new stylesheet. They are found by the
 * one thing every Hallway host has: a display that waits for that stylesheet. A page that imitates
 * one only gets its own element removed.
 */
export function removeEarlierHosts(doc: Document): void {
  for (const element of [...doc.documentElement.children]) {
    if (element instanceof HTMLElement && element.style.display.startsWith(`var(${PRESENT_PROPERTY}`)) element.remove();
  }
}
