/**
 * The port on which the service worker pushes what this frame should show. The worker is stopped
 * when idle, and an open port does not keep it alive (Chrome 114+:
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle), so the
 * port drops now and then and is opened again; without it the next hover would never reach the card.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { CARD_ID, CARD_PORT } from '../shared/card-ids';
import type { CardPortMessage } from '../shared/protocol';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 30_000;
/** A port that lived this long was a working connection, so the next retry starts quick again. */
const STABLE_MS = 5_000;

function isCardPortMessage(message: unknown): message is CardPortMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return type === 'card.hide' || (type === 'card.show' && typeof (message as { view?: unknown }).view === 'object');
}

/** This card's id, from the address the content script framed it at (see CARD_ID). */
export function cardId(): string {
  const id = location.hash.slice(1);
  return CARD_ID.test(id) ? id : '';
}

export function listenForCards(onMessage: (message: CardPortMessage) => void, signal: AbortSignal): void {
  let port: Runtime.Port | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = FIRST_RETRY_MS;

  const receive = (message: unknown) => {
    if (isCardPortMessage(message)) onMessage(message);
  };

  function connect() {
    // After the extension is reloaded or updated this frame is orphaned; nothing can answer it.
    if (signal.aborted || !browser.runtime?.id) return;
    let opened: Runtime.Port;
    try {
      opened = browser.runtime.connect({ name: `${CARD_PORT}:${cardId()}` });
    } catch {
      return;
    }
    const connectedAt = Date.now();
    port = opened;
    opened.onMessage.addListener(receive);
    opened.onDisconnect.addListener(() => {
      port = null;
      if (signal.aborted) return;
      // A worker that refuses the port at once would otherwise be asked again many times a second.
      retryMs = Date.now() - connectedAt > STABLE_MS ? FIRST_RETRY_MS : Math.min(retryMs * 2, LAST_RETRY_MS);
      retryTimer = setTimeout(connect, retryMs);
    });
  }

  signal.addEventListener('abort', () => {
    clearTimeout(retryTimer);
    port?.disconnect();
  });
  connect();
}
