/**
 * The service worker: the only context that opens the private database. It answers the typed
 * messages of src/shared/protocol.ts through the router.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { HallwayDatabase } from '../shared/db/database';
import { sendToTab } from '../shared/protocol';
import { createRouter } from './router';

const db = new HallwayDatabase();

const route = createRouter({
  db,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  async collectFromTab(tabId) {
    // No content script there (a page Hallway does not support): the send is rejected.
    return sendToTab(tabId, 'page.collect', {}).catch(() => null);
  },
  async refreshTab(tabId) {
    await sendToTab(tabId, 'page.refresh', {});
  },
});

// Returning the router's promise is how the answer reaches the sender (the polyfill's contract).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
