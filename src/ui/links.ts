/**
 * Links into the people page. Its address says which record is open (`#person=<id>`); the page reads
 * it back with `parseHash` (src/options/route.ts).
 */
import browser from 'webextension-polyfill';

export function personHash(id: string): string {
  return `#person=${encodeURIComponent(id)}`;
}

/** The people page, open at one person's record when given an id. */
export function peoplePageUrl(personId?: string): string {
  return browser.runtime.getURL(`src/options/index.html${personId ? personHash(personId) : ''}`);
}

/** Opens the people page in a tab of its own: the card frame and the popup are too small for a whole record. */
export function openPeoplePage(personId?: string): void {
  void browser.tabs.create({ url: peoplePageUrl(personId) });
}
