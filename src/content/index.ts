/**
 * Hallway's content script. It runs on hostile ground: it holds no database and no private text,
 * and learns from the service worker only whether a name is known (DESIGN.md, security model).
 * Everything it starts goes through one ContentContext, which ends when the extension is reloaded or
 * updated under the page, so an orphaned script never keeps observing or marking.
 */
import browser from 'webextension-polyfill';
import { send, type Envelope, type Reply, type TabProtocolMap } from '../shared/protocol';
import { adapterFor, genericAdapter } from './adapters';
import { Annotator } from './annotator';
import { CardFrame } from './card-frame';
import { ContentContext } from './context';
import { DraftChecker } from './draft-check';
import { FrameQueue } from './frame-queue';
import { HoverCards } from './hover';
import { removeEarlierHosts } from './host-element';
import { keyGuard } from './key-guard';
import { MarkerOverlay } from './marker-overlay';
import { readSnapshot, ThreadWatch } from './thread-watch';

type Names = { key: string; name: string }[];
type TabRequest = { [K in keyof TabProtocolMap]: Envelope<K> & { payload: TabProtocolMap[K]['req'] } }[keyof TabProtocolMap];

/** Every message a tab's script answers; one missing here or extra does not compile. */
const TAB_MESSAGES: Readonly<Record<keyof TabProtocolMap, true>> = {
  'page.collect': true,
  'page.thread': true,
  'page.refresh': true,
  'page.peopleChanged': true,
  'page.cardClose': true,
};

/** What runs once the page is switched on: the markers, their observer and the hover card. */
interface Marking {
  annotator: Annotator;
  queue: FrameQueue;
  hover: HoverCards;
}

function main(ctx: ContentContext): void {
  performance.mark('hallway:start');
  removeEarlierHosts(document);
  const site = adapterFor(new URL(location.href));
  const adapters = [site, genericAdapter].filter((a) => a !== null);
  /** Attributes that carry identities on this page; a change to one (a recycled row) means a rescan of it. */
  const identityAttributes = [...new Set(adapters.flatMap((adapter) => adapter.identityAttributes))];

  let isEnabled = false;
  let marking: Marking | null = null;
  let hasMarkedFirstIdle = false;
  let namesSignature = '';

  async function call<T>(request: () => Promise<T>): Promise<T | null> {
    try {
      return await request();
    } catch (error) {
      // A failed message is also how an orphaned script learns it is one: `isValid` then ends the context.
      if (ctx.isValid) console.debug('Hallway:', error);
      return null;
    }
  }

  const guard = keyGuard();
  const frame = new CardFrame(ctx, () => marking?.hover.closeNow(), guard);
  const drafts = new DraftChecker({ ctx, site, check: (text) => call(() => send('content.checkDraft', { text })) });
  const threadWatch = new ThreadWatch(ctx, site, (thread) => void call(() => send('content.thread', { thread })));

  function start(names: Names): Marking {
    const overlay = new MarkerOverlay(ctx);
    const annotator = new Annotator({
      ctx,
      site,
      painter: overlay,
      lookup: (identities) => call(() => send('content.match', { identities })),
    });
    annotator.setNames(names);
    const queue = new FrameQueue({
      ctx,
      process: (root) => annotator.process(root),
      processShallow: (root) => annotator.processShallow(root),
      afterSlice: () => {
        void annotator.flush();
        // What the page changed may have moved names already marked.
        overlay.invalidate();
      },
      onRemovals: () => {
        annotator.noteRemovals();
        // What the page took away may have covered names.
        overlay.invalidate();
      },
      onIdle: () => {
        // Timing marks for the benchmark (npm run bench); they say only that Hallway ran.
        void annotator.settled().then(() => {
          performance.mark(hasMarkedFirstIdle ? 'hallway:idle' : 'hallway:first-idle');
          hasMarkedFirstIdle = true;
        });
        threadWatch.touch();
      },
      isOwn: (node) => frame.isOwn(node) || drafts.isOwn(node) || overlay.isOwn(node),
    });
    const hover: HoverCards = new HoverCards({
      ctx,
      annotator,
      frame,
      async open(mark, theme) {
        await call(() => send('content.openCard', { identity: mark.identity, theme, card: frame.id }));
        // Closed, switched to privacy mode, or moved to another name while the card was prepared.
        if (hover.isCurrent(mark)) frame.show(mark.range.getBoundingClientRect());
      },
      close() {
        frame.hide();
        void call(() => send('content.closeCard', { card: frame.id }));
      },
    });
    queue.observe(document.documentElement, identityAttributes);
    if (document.body) queue.add(document.body);
    return { annotator, queue, hover };
  }

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
    const names = marking ? null : loadNames();
    const status = await call(() => send('content.status', { host: location.host }));
    isEnabled = Boolean(status?.isEnabled);
    const isShown = isEnabled && !status?.isPrivacyModeOn;
    // Marking runs in privacy mode too, unpainted, so the popup can still say who is on the page.
    if (isEnabled && !marking) {
      const loaded = (await names) ?? [];
      isNewNames(loaded);
      marking ??= start(loaded);
    }
    marking?.annotator.setShown(isShown);
    drafts.setEnabled(isShown && Boolean(status?.isDraftCheckOn));
    if (marking) marking.hover.isEnabled = isShown;
    if (!isShown) marking?.hover.closeNow();
  }

  async function answer(message: TabRequest): Promise<Reply<unknown>> {
    switch (message.type) {
      case 'page.collect':
        // What the markers already hold: the page is not scanned a second time.
        return {
          ok: true,
          value: {
            host: location.host,
            identities: isEnabled ? (marking?.annotator.people() ?? []) : [],
            ...(isEnabled && marking?.annotator.isCapped ? { isCapped: true } : {}),
          },
        };
      case 'page.thread':
        return { ok: true, value: isEnabled ? readSnapshot(site) : null };
      case 'page.refresh':
        await applyStatus();
        return { ok: true, value: null };
      case 'page.peopleChanged': {
        // Who is known or noted may have changed: look every marked identity up again. Only new or
        // removed names need the page's text scanned again, which on a big page is the costly part.
        const names = await loadNames();
        await marking?.annotator.refresh();
        if (isNewNames(names) && marking) {
          marking.annotator.setNames(names);
          if (document.body) marking.queue.add(document.body);
        }
        return { ok: true, value: null };
      }
      // Every frame of the tab hears this; only the one whose card it is acts.
      case 'page.cardClose':
        if (message.payload.card === frame.id) marking?.hover.closeNow();
        return { ok: true, value: null };
    }
  }

  function onMessage(message: unknown): Promise<Reply<unknown>> | undefined {
    const type = (message as Envelope | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(TAB_MESSAGES, type) || !ctx.isValid) return undefined;
    // Frames inside the page push their thread themselves (content.thread); only the top frame answers.
    if (type === 'page.thread' && window !== window.top) return undefined;
    return answer(message as TabRequest);
  }

  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  void applyStatus();
}

main(new ContentContext({ runtimeId: () => browser.runtime.id }));
