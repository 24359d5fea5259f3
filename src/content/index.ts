/**
 * Hallway's content script. It runs on hostile ground: it holds no database and no private text,
 * and learns from the service worker only whether a name is known (DESIGN.md, security model).
 * Everything it starts is tied to one AbortSignal, aborted when the extension is reloaded or updated
 * under the page, so an orphaned script never keeps observing or marking.
 */
import browser from 'webextension-polyfill';
import { send, type Envelope, type Reply, type TabProtocolMap } from '../shared/protocol';
import { adapterFor, genericAdapter } from './adapters';
import { Annotator } from './annotator';
import { CardFrame } from './card-frame';
import { DraftChecker } from './draft-check';
import { collectIdentities } from './collect';
import { FrameQueue } from './frame-queue';
import { HoverCards } from './hover';
import { readSnapshot, ThreadWatch } from './thread-watch';

const site = adapterFor(new URL(location.href));
const adapters = [site, genericAdapter].filter((a) => a !== null);
/** Attributes that carry identities on this page; a change to one (a recycled row) means a rescan of it. */
const identityAttributes = [...new Set(adapters.flatMap((adapter) => adapter.identityAttributes))];
const controller = new AbortController();
const { signal } = controller;

let isEnabled = false;
let annotator: Annotator | null = null;
let hover: HoverCards | null = null;
let queue: FrameQueue | null = null;
let hasMarkedFirstIdle = false;
performance.mark('hallway:start');

/** After an update or reload of the extension, this script is orphaned: its messages fail. */
function isOrphaned(): boolean {
  try {
    return !browser.runtime.id;
  } catch {
    return true;
  }
}

async function call<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (isOrphaned()) controller.abort();
    else console.debug('Hallway:', error);
    return null;
  }
}

const frame = new CardFrame(signal, () => hover?.closeNow());
const drafts = new DraftChecker({ site, signal, check: (text) => call(() => send('content.checkDraft', { text })) });
const threadWatch = new ThreadWatch(site, (thread) => void call(() => send('content.thread', { thread })), signal);

function start(names: { key: string; name: string }[]): void {
  if (annotator) return;
  annotator = new Annotator({
    site,
    lookup: (identities) => call(() => send('content.match', { identities })),
  });
  const marks = annotator;
  marks.setNames(names);
  queue = new FrameQueue({
    process: (root) => marks.process(root),
    processShallow: (root) => marks.processShallow(root),
    afterSlice: () => void marks.flush(),
    onRemovals: () => marks.noteRemovals(),
    onIdle: () => {
      // Timing marks for the benchmark (npm run bench); they say only that Hallway ran.
      void marks.settled().then(() => {
        performance.mark(hasMarkedFirstIdle ? 'hallway:idle' : 'hallway:first-idle');
        hasMarkedFirstIdle = true;
      });
      threadWatch.touch();
    },
    isOwn: (node) => frame.isOwn(node) || drafts.isOwn(node),
    signal,
  });
  hover = new HoverCards({
    annotator: marks,
    frame,
    signal,
    async open(mark, theme) {
      await call(() => send('content.openCard', { identity: mark.identity, theme, card: frame.id }));
      // Closed, switched to privacy mode, or moved to another name while the card was prepared.
      if (hover?.isCurrent(mark)) frame.show(mark.range.getBoundingClientRect());
    },
    close() {
      frame.hide();
      void call(() => send('content.closeCard', { card: frame.id }));
    },
  });
  queue.observe(document.documentElement, identityAttributes);
  if (document.body) queue.add(document.body);
}

type Names = { key: string; name: string }[];
let namesSignature = '';

/** The directory's names, for finding people in message text. */
async function loadNames(): Promise<Names> {
  return (await call(() => send('content.names', {})))?.names ?? [];
}

/** Whether these names differ from the ones the page was last scanned for (and remembers them). */
function isNewNames(names: Names): boolean {
  const signature = names.map((n) => n.key).sort().join('\u0000');
  if (signature === namesSignature) return false;
  namesSignature = signature;
  return true;
}

async function applyStatus(): Promise<void> {
  // Names are asked for at once with the status: the first scan looks for them in message text.
  const names = annotator ? null : loadNames();
  const status = await call(() => send('content.status', { host: location.host }));
  isEnabled = Boolean(status?.isEnabled);
  const isShown = isEnabled && !status?.isPrivacyModeOn;
  if (isShown && !annotator) {
    const loaded = (await names) ?? [];
    isNewNames(loaded);
    start(loaded);
  }
  annotator?.setShown(isShown);
  drafts.setEnabled(isShown && Boolean(status?.isDraftCheckOn));
  if (hover) hover.isEnabled = isShown;
  if (!isShown) hover?.closeNow();
}

type TabRequest = { [K in keyof TabProtocolMap]: Envelope<K> & { payload: TabProtocolMap[K]['req'] } }[keyof TabProtocolMap];

async function answer(message: TabRequest): Promise<Reply<unknown>> {
  switch (message.type) {
    case 'page.collect':
      return { ok: true, value: { host: location.host, identities: isEnabled ? collectIdentities(document, adapters) : [] } };
    case 'page.thread':
      return { ok: true, value: isEnabled ? readSnapshot(site) : null };
    case 'page.refresh':
      await applyStatus();
      return { ok: true, value: null };
    case 'page.peopleChanged': {
      // Who is known or noted may have changed: look every marked identity up again. Only new or
      // removed names need the page's text scanned again, which on a big page is the costly part.
      const names = await loadNames();
      await annotator?.refresh();
      if (isNewNames(names) && annotator) {
        annotator.setNames(names);
        if (document.body) queue?.add(document.body);
      }
      return { ok: true, value: null };
    }
    // Every frame of the tab hears these; only the one whose card it is acts.
    case 'page.cardResize':
      if (message.payload.card === frame.id) frame.resize(message.payload.height);
      return { ok: true, value: null };
    case 'page.cardClose':
      if (message.payload.card === frame.id) hover?.closeNow();
      return { ok: true, value: null };
  }
}

const TAB_MESSAGES = new Set<string>(['page.collect', 'page.thread', 'page.refresh', 'page.peopleChanged', 'page.cardResize', 'page.cardClose']);

browser.runtime.onMessage.addListener((message: unknown) => {
  const type = (message as Envelope | null)?.type;
  if (typeof type !== 'string' || !TAB_MESSAGES.has(type)) return undefined;
  // Frames inside the page push their thread themselves (content.thread); only the top frame answers.
  if (type === 'page.thread' && window !== window.top) return undefined;
  if (type === 'page.collect' && window !== window.top) {
    // A frame inside the page (Chat inside Gmail) reports separately and gives no answer: only one
    // answer reaches the service worker, and it must be the top frame's.
    const identities = isEnabled ? collectIdentities(document, adapters) : [];
    if (identities.length) void call(() => send('content.report', { identities }));
    return undefined;
  }
  return answer(message as TabRequest);
});

signal.addEventListener('abort', () => {
  annotator?.destroy();
  annotator = null;
});

void applyStatus();
