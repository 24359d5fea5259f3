/**
 * Hallway's content script. It runs on hostile ground: it holds no database and no private text,
 * and learns from the service worker only whether a name is known (DESIGN.md, security model).
 */
import browser from 'webextension-polyfill';
import { send, type Envelope, type Reply, type TabProtocolMap } from '../shared/protocol';
import { adapterFor, genericAdapter } from './adapters';
import { collectIdentities } from './collect';

const adapters = [adapterFor(new URL(location.href)), genericAdapter].filter((a) => a !== null);

let isEnabled = true;

async function readStatus(): Promise<void> {
  try {
    ({ isEnabled } = await send('content.status', { host: location.host }));
  } catch {
    // The extension was reloaded or updated under this page: stay quiet until the page reloads.
    isEnabled = false;
  }
}

type TabRequest = { [K in keyof TabProtocolMap]: Envelope<K> }[keyof TabProtocolMap];

async function answer(message: TabRequest): Promise<Reply<unknown>> {
  switch (message.type) {
    case 'page.collect':
      return {
        ok: true,
        value: { host: location.host, identities: isEnabled ? collectIdentities(document, adapters) : [] },
      };
    case 'page.refresh':
      await readStatus();
      return { ok: true, value: null };
  }
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const type = (message as Envelope | null)?.type;
  if (type !== 'page.collect' && type !== 'page.refresh') return undefined;
  return answer(message as TabRequest);
});

void readStatus();
