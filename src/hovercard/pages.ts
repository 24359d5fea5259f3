import browser from 'webextension-polyfill';

/** Opens the people page in a tab of its own: the card frame is too small for the whole record. */
export function openPeoplePage(personId?: string): void {
  const hash = personId ? `#person=${encodeURIComponent(personId)}` : '';
  void browser.tabs.create({ url: browser.runtime.getURL(`src/options/index.html${hash}`) });
}
