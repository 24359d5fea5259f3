import type { PageIdentity, Site } from '../../shared/identity';

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
