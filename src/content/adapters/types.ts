import type { PageIdentity, Site } from '../../shared/identity';
import type { SiteInfo, WebSite } from '../../shared/sites';

/** Where on the page a person was found; the annotator and the extract command report it. */
export type FoundRole =
  | 'sender'
  | 'recipient'
  | 'author'
  | 'mention'
  | 'chip'
  | 'mailto'
  | 'text';

export interface FoundPerson {
  /** The element to mark: the smallest one showing the name or address. */
  element: Element;
  identity: PageIdentity;
  role: FoundRole;
}

export interface ThreadMessage {
  /** Stable per message (survives re-renders and virtual-list recycling). */
  id: string;
  author: PageIdentity;
  text: string;
  /** ISO 8601, when the page exposes a machine-readable time. */
  at?: string;
  /** True when the page marks the message as the signed-in user's own (Teams renders those without an author). */
  isOwn?: boolean;
  element: Element;
}

export interface ThreadView {
  /** Stable key of the open conversation, prefixed by site: `gmail:<thread id>`. */
  key: string;
  title?: string;
  messages: ThreadMessage[];
}

/**
 * One site's knowledge of its DOM: selectors as data and pure functions over a document.
 * Adapters never touch the DOM they read, hold no state, and return nothing private.
 */
export interface SiteAdapter {
  site: Site;
  /** Attributes the adapter reads identities from: a change to one (a recycled row) means a rescan of it. */
  identityAttributes: readonly string[];
  /** Whether this adapter handles the page at this URL. */
  matches(url: URL): boolean;
  /** People shown under root: senders, recipients, authors, mentions, chips. */
  findPeople(root: ParentNode): FoundPerson[];
  /** Elements holding message text, where addresses and known names in prose are looked for. */
  textRoots(root: ParentNode): Element[];
  /** The open thread, or null when none is open. */
  readThread(doc: Document, url: URL): ThreadView | null;
  /** Compose boxes (the user's own drafts) under root. */
  findComposeBoxes(root: ParentNode): HTMLElement[];
}

/**
 * A site, described by its adapter: its entry in src/shared/sites.ts, and what only content code needs.
 * Everything site-specific is here, so tables elsewhere (observed attributes, the fingerprint order,
 * the draft reader's skip list, the manifest's hosts) are computed from the list of adapters.
 */
export interface SiteDescriptor<S extends WebSite = WebSite> extends SiteAdapter, SiteInfo {
  site: S;
  /** The adapter's selector table, each selector covered by a saved page (test/unit/content/adapters/index.test.ts). */
  selectors: Readonly<Record<string, readonly string[]>>;
  /** Hooks that only this site's pages have, to recognise a saved page without its URL. */
  fingerprint: readonly string[];
  /** Parts of a compose box that are not the user's words (a reply's quoted history), skipped by the draft check. */
  quotedSelectors: readonly string[];
  /** Where a reply's history starts inside a compose box: the draft check reads no further. */
  historySelectors: readonly string[];
}
