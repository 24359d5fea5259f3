/**
 * What message handlers share while the worker runs: the database, the cached identity index, the
 * hover cards, the nudge, and the ways to reach tabs and pages. Built once per router, so tests get
 * a fresh set with fakes for the browser.
 */
import type { ImportProgress } from '../shared/db/backup';
import * as repo from '../shared/db';
import { strongKey, type PageIdentity } from '../shared/identity';
import type { CardPortMessage, TabProtocolMap, ThreadSnapshot } from '../shared/protocol';
import type { NetworkView } from '../shared/views';
import { CardHub } from './cards';
import { IdentityIndexCache } from './identity-index';
import type { Change } from './messages/define';
import { networkView } from './network';
import { Nudges, TabNudges } from './nudge';

const NETWORK_FRESH_MS = 10 * 60 * 1000;

/** What the router needs from the browser; tests pass fakes. */
export interface RouterDeps {
  db: repo.HallwayDatabase;
  /** This extension's id and the origin of its pages (`chrome-extension://<id>/`). */
  extensionId: string;
  extensionOrigin: string;
  /** Asks a tab's content script what the page shows; null when Hallway does not run there. */
  /** Who a tab's frames show; `isCapped` when one of them showed more than Hallway marks. */
  collectFromTab(tabId: number): Promise<{ host: string; identities: PageIdentity[]; isCapped?: boolean } | null>;
  /** Sends a message to a tab's content script, or one frame's; failures (no script there) are ignored. */
  notifyTab<K extends keyof TabProtocolMap>(tabId: number, type: K, payload: TabProtocolMap[K]['req'], frameId?: number): Promise<void>;
  /** A content script in this frame of the tab sent a message: it can be asked directly from now on. */
  noteFrame(tabId: number, frameId: number): void;
  /** Tells every tab's content script and every open extension page what changed. */
  publish(changes: readonly Change[]): void;
  /** Tells open extension pages how far a running import is. */
  reportProgress(progress: ImportProgress): void;
  /** Reads the conversation open in a tab, fresh; null when none is open. */
  readThread(tabId: number): Promise<ThreadSnapshot | null>;
  /** Shows on the tab's toolbar icon whether its thread reads sour. */
  setBadge(tabId: number, level: 'calm' | 'tense' | 'sour', isQuiet: boolean): void;
  /** Pushes a message to a card frame (by cardKey), if it is connected. */
  pushToCard(key: string, message: CardPortMessage): void;
  /** The browser's own language detector: a language code, or null when unsure or unavailable. */
  detectLanguage?(text: string): Promise<string | null>;
}

export interface Services {
  readonly db: repo.HallwayDatabase;
  readonly deps: RouterDeps;
  readonly identities: IdentityIndexCache;
  readonly cards: CardHub;
  readonly nudges: Nudges;
  readonly tabNudges: TabNudges;
  /** Remembers who the user is from what a page says; other tabs then stop marking them too. */
  learnSelf(identities: readonly PageIdentity[]): Promise<void>;
  /**
   * The picture of the user's network, kept until data changes or it is ten minutes old (ties fade
   * with time): drawing it reads every person and half a year of interactions.
   */
  network(): Promise<NetworkView>;
  /** Interactions were written outside a message's own change (a thread visit logged). */
  forgetNetwork(): void;
  /** Addresses and ids already kept as seen while this worker runs, so each costs one write. */
  readonly recorded: Set<string>;
  /**
   * After a change: cached lookups are dropped, tabs and pages are told, and open cards are shown
   * again (all but the one whose action it was, which gets its view as the answer).
   */
  changed(changes: readonly Change[], exceptCard?: string | null): void;
}

export function createServices(deps: RouterDeps): Services {
  const { db } = deps;
  const identities = new IdentityIndexCache(db);
  const cards = new CardHub(db, identities.match, (key, message) => deps.pushToCard(key, message));
  const nudges = new Nudges(db, identities.match, undefined, deps.detectLanguage);
  const tabNudges = new TabNudges(nudges);

  let network: { view: Promise<NetworkView>; at: number } | null = null;
  const forgetNetwork = () => void (network = null);

  function changed(changes: readonly Change[], exceptCard: string | null = null): void {
    if (changes.includes('people') || changes.includes('records')) forgetNetwork();
    if (changes.includes('people')) {
      identities.invalidate();
      tabNudges.clear();
    }
    if (changes.includes('people') || changes.includes('records')) cards.refreshAll(exceptCard);
    if (changes.length) deps.publish(changes);
  }

  async function learnSelf(found: readonly PageIdentity[]): Promise<void> {
    if (!found.some((identity) => identity.isSelf)) return;
    // Gmail shows the "me" chip on every lookup: only a new address costs a write.
    const { self } = await identities.get();
    const fresh = found.filter((identity) => {
      const key = identity.isSelf ? strongKey(identity) : null;
      return key !== null && !self.has(key);
    });
    if (fresh.length && (await repo.learnSelf(db, fresh))) changed(['people']);
  }

  return {
    db,
    deps,
    identities,
    cards,
    nudges,
    tabNudges,
    learnSelf,
    network() {
      if (!network || Date.now() - network.at > NETWORK_FRESH_MS) {
        const view = networkView(db).catch((error: unknown) => {
          forgetNetwork();
          throw error;
        });
        network = { view, at: Date.now() };
      }
      return network.view;
    },
    forgetNetwork,
    recorded: new Set(),
    changed,
  };
}
