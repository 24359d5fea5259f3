/**
 * Every message between Hallway's contexts, declared once. Requests go to the service worker, which
 * checks who sent each one before it reads the payload (see src/background/router.ts).
 *
 * `from` says who may send a message: `content` is a content script, which speaks only about its own
 * tab and learns no private text; `page` is an extension page (popup, people page, hover card).
 */
import browser from 'webextension-polyfill';
import type { PageIdentity } from './identity';
import type { Favour, Interaction, InteractionKind, Note, Person, Settings } from './model';
import type { Backup, ImportResult, MergePreview } from './db/backup';
import type {
  CardTheme,
  CardView,
  DraftView,
  MarkerState,
  NetworkView,
  NudgeView,
  PeoplePage,
  Reminder,
  PeopleSort,
  PersonDetail,
  Sighting,
  TabPeople,
} from './views';

/** A conversation as a site adapter reads it, without page elements. */
export interface ThreadSnapshot {
  key: string;
  title: string;
  url: string;
  messages: { id: string; author: PageIdentity; isOwn: boolean; at?: string; text: string }[];
}

export interface ProtocolMap {
  /** Marker states for identities a content script found on its page. */
  'content.match': { from: 'content'; req: { identities: PageIdentity[] }; res: MarkerState[] };
  /** Whether Hallway should run on the sender's page. */
  'content.status': {
    from: 'content';
    req: { host: string };
    res: { isEnabled: boolean; isPrivacyModeOn: boolean; isDraftCheckOn: boolean };
  };
  /**
   * Full names of everyone in the directory, to find them in message text. Keys are opaque; the
   * page could only ever learn that a name is known, which its marker shows anyway.
   */
  'content.names': { from: 'content'; req: Record<string, never>; res: { names: { key: string; name: string }[] } };
  /** A frame inside the tab (Chat inside Gmail) answering `page.collect` with what it shows. */
  'content.report': { from: 'content'; req: { identities: PageIdentity[] }; res: null };
  /** The conversation open on the page, read by the site adapter, for the tone analysis. */
  'content.thread': { from: 'content'; req: { thread: ThreadSnapshot }; res: null };
  /** Checks the user's own draft; the text is analysed in memory and never stored. */
  'content.checkDraft': { from: 'content'; req: { text: string }; res: DraftView };
  /** The user hovered a marked name: remember who, for the card frame of this tab to ask. */
  'content.openCard': { from: 'content'; req: { identity: PageIdentity; theme: CardTheme; card: string }; res: null };
  /** The card on this tab should close (the pointer left, Escape, or the page tampered with it). */
  'content.closeCard': { from: 'content'; req: { card: string }; res: null };

  /** The hover card frame asks what to show, for its own tab only. */
  'card.current': { from: 'page'; req: { card: string }; res: CardView | null };
  /** The user confirmed that an unconfirmed match is this person: link the page's identity to them. */
  'card.confirm': { from: 'page'; req: { personId: string }; res: CardView | null };
  /** "Not them": the page's address or id is not this person; the card stops asking about them. */
  'card.reject': { from: 'page'; req: { personId: string }; res: CardView | null };
  /** Adds the person the card is showing to the directory, with the page's address or site id. */
  'card.addPerson': { from: 'page'; req: { displayName: string; team?: string; role?: string }; res: CardView | null };
  /** The card's content height, so the frame can fit it. */
  'card.resize': { from: 'page'; req: { height: number }; res: null };
  'card.close': { from: 'page'; req: Record<string, never>; res: null };

  'tab.people': { from: 'page'; req: { tabId: number }; res: TabPeople };
  'site.setEnabled': { from: 'page'; req: { tabId: number; host: string; isEnabled: boolean }; res: Settings };
  /** The tone of the thread open in a tab; null when none is open or Hallway cannot read it. */
  'tab.nudge': { from: 'page'; req: { tabId: number }; res: NudgeView | null };
  /** "We talked": logs an in-person talk with the people on the other side and calms the thread. */
  'nudge.talked': { from: 'page'; req: { tabId: number; kind: 'in-person' | 'call' }; res: NudgeView | null };
  /** "Not now": quiet for this thread until it turns again. */
  'nudge.snooze': { from: 'page'; req: { tabId: number }; res: NudgeView | null };

  'people.list': { from: 'page'; req: { query?: string; sort?: PeopleSort; offset?: number; limit?: number }; res: PeoplePage };
  'people.get': { from: 'page'; req: { id: string }; res: PersonDetail };
  /** Addresses and chat ids seen on pages under this person's name that no one has yet. */
  'people.seen': { from: 'page'; req: { id: string }; res: Sighting[] };
  /** Links one of those to the person. */
  'people.link': { from: 'page'; req: { id: string; key: string }; res: Person };
  'people.create': {
    from: 'page';
    req: { displayName: string; emails?: string[]; team?: string; role?: string };
    res: Person;
  };
  'people.save': { from: 'page'; req: { person: Person }; res: Person };
  'people.delete': { from: 'page'; req: { id: string }; res: { undoId: string } };
  'people.undoDelete': { from: 'page'; req: { undoId: string }; res: Person };
  'people.merge': { from: 'page'; req: { keepId: string; mergeId: string }; res: Person };

  'notes.add': { from: 'page'; req: { personId: string; text: string }; res: Note };
  'notes.update': { from: 'page'; req: { id: string; text: string }; res: Note };
  'notes.delete': { from: 'page'; req: { id: string }; res: null };

  'interactions.add': {
    from: 'page';
    req: { personId: string; kind: InteractionKind; at?: string; summary?: string };
    res: Interaction;
  };
  'interactions.delete': { from: 'page'; req: { id: string }; res: null };
  'favours.add': {
    from: 'page';
    req: Pick<Favour, 'personId' | 'direction' | 'effort' | 'what'> & { at?: string };
    res: Favour;
  };
  'favours.settle': { from: 'page'; req: { id: string; isSettled: boolean }; res: Favour };

  'backup.export': { from: 'page'; req: Record<string, never>; res: Backup };
  'backup.import': { from: 'page'; req: { data: object; mode: 'replace' | 'merge' }; res: ImportResult };
  /** Who a merge import of the file would fold into people already here; nothing is written. */
  'backup.previewMerge': { from: 'page'; req: { data: object }; res: MergePreview };

  'settings.get': { from: 'page'; req: Record<string, never>; res: Settings };
  'settings.update': { from: 'page'; req: { patch: Partial<Settings> }; res: Settings };

  'people.network': { from: 'page'; req: Record<string, never>; res: NetworkView };

  /** People due for face time by their keep-in-touch cadence. */
  'reminders.list': { from: 'page'; req: Record<string, never>; res: Reminder[] };
  'reminders.snooze': { from: 'page'; req: { personId: string; days: number }; res: Reminder[] };
  'reminders.done': { from: 'page'; req: { personId: string; kind: 'in-person' | 'call' }; res: Reminder[] };
}

/** Messages the service worker sends to a tab's content script. */
export interface TabProtocolMap {
  /** The identities the page shows now, and where the script runs. */
  'page.collect': { req: Record<string, never>; res: { host: string; identities: PageIdentity[] } };
  /** Settings for this page changed (site switched off or on). */
  'page.refresh': { req: Record<string, never>; res: null };
  /** The conversation open now, read fresh. */
  'page.thread': { req: Record<string, never>; res: ThreadSnapshot | null };
  /** The directory changed: markers must be looked up again. */
  'page.peopleChanged': { req: Record<string, never>; res: null };
  'page.cardResize': { req: { height: number; card: string }; res: null };
  'page.cardClose': { req: { card: string }; res: null };
}

/** Pushed by the service worker to the hover card frame of a tab, on its port. */
export type CardPortMessage = { type: 'card.show'; view: CardView } | { type: 'card.hide' };

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType> = ProtocolMap[K]['req'];
export type Response<K extends MessageType> = ProtocolMap[K]['res'];

export interface Envelope<K extends string = string> {
  type: K;
  payload: unknown;
}

/** Every answer has this shape, so an error reaches the caller as text instead of a dropped promise. */
/** `owner`: the person who already has the address or id a save tried to give someone else. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; owner?: { id: string; displayName: string } };

export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly owner: { id: string; displayName: string } | null = null,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new ProtocolError('Hallway did not answer. Reload the page, or restart the browser if it persists.');
  }
  const typed = reply as Reply<T>;
  if (!typed.ok) throw new ProtocolError(typed.error, typed.owner ?? null);
  return typed.value;
}

/** Sends a request to the service worker and returns its answer, or throws its error. */
export async function send<K extends MessageType>(type: K, payload: Request<K>): Promise<Response<K>> {
  const envelope: Envelope<K> = { type, payload };
  return unwrap<Response<K>>(await browser.runtime.sendMessage(envelope));
}

export async function sendToTab<K extends keyof TabProtocolMap>(
  tabId: number,
  type: K,
  payload: TabProtocolMap[K]['req'],
): Promise<TabProtocolMap[K]['res']> {
  const envelope: Envelope<K> = { type, payload };
  return unwrap<TabProtocolMap[K]['res']>(await browser.tabs.sendMessage(tabId, envelope));
}
