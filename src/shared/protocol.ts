/**
 * How Hallway's contexts talk. Requests go to the service worker, which checks who sent each one
 * before it reads the payload (src/background/router.ts); the worker sends tabs the few messages of
 * `TabProtocolMap`, card frames `CardPortMessage`s on their ports, and every page `ChangeMessage`s.
 */
import browser from 'webextension-polyfill';
import type { Messages } from '../background/messages';
import type { MessageSpec } from '../background/messages/define';
import type { ImportProgress } from './db/backup';
import type { PageIdentity } from './identity';
import type { CardView } from './views';

/** A conversation as a site adapter reads it, without page elements. */
export interface ThreadSnapshot {
  key: string;
  title: string;
  url: string;
  messages: { id: string; author: PageIdentity; isOwn: boolean; at?: string; text: string }[];
}

/** A message's sender kind, request and response, from its declaration in src/background/messages. */
type Declared<Spec> = Spec extends MessageSpec<infer From, infer Payload, infer Result> ? { from: From; req: Payload; res: Result } : never;

/**
 * Every message to the service worker. Declared once, with its handler, in src/background/messages;
 * only the types come here (erased at build), so no worker code reaches a page.
 */
export type ProtocolMap = { [K in keyof Messages]: Declared<Messages[K]> };

/** Messages the service worker sends to a tab's content script. */
export interface TabProtocolMap {
  /** The identities a frame shows now (what its markers hold), and where the script runs. */
  'page.collect': { req: Record<string, never>; res: { host: string; identities: PageIdentity[]; isCapped?: boolean } };
  /** Settings for this page changed (site switched off or on). */
  'page.refresh': { req: Record<string, never>; res: null };
  /** The conversation open now, read fresh. */
  'page.thread': { req: Record<string, never>; res: ThreadSnapshot | null };
  /** The directory changed: markers must be looked up again. */
  'page.peopleChanged': { req: Record<string, never>; res: null };
  'page.cardClose': { req: { card: string }; res: null };
}

/**
 * What a change made stale. `people`: who is known and noted, which markers show (and so every list
 * and card too). `records`: what lists and cards show of someone (a favour, a talk logged), which no
 * marker shows. `settings`: what Hallway does where (switched off on a site, privacy mode).
 */
export type Change = 'people' | 'records' | 'settings';

/** Sent by the service worker to every open extension page after a change, wherever it was made. */
export interface ChangeMessage {
  type: 'hallway.changed';
  changes: Change[];
}

/** Sent by the service worker to open extension pages while an import writes. */
export interface ImportProgressMessage extends ImportProgress {
  type: 'hallway.importProgress';
}

/** Calls `onProgress` for every progress report of a running import, until `signal` aborts. */
export function listenForImportProgress(onProgress: (progress: ImportProgress) => void, signal: AbortSignal): void {
  const listener = (message: unknown) => {
    const typed = message as Partial<ImportProgressMessage> | null;
    if (typed?.type === 'hallway.importProgress' && typeof typed.done === 'number' && typeof typed.total === 'number') onProgress({ done: typed.done, total: typed.total });
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Calls `onChange` whenever data changes in any context, until `signal` aborts. */
export function listenForChanges(onChange: (changes: readonly Change[]) => void, signal: AbortSignal): void {
  const listener = (message: unknown) => {
    const typed = message as Partial<ChangeMessage> | null;
    if (typed?.type === 'hallway.changed' && Array.isArray(typed.changes)) onChange(typed.changes);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
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

/** Sends a message to a tab's content script: to one frame, or to every frame (the first answer wins). */
export async function sendToTab<K extends keyof TabProtocolMap>(
  tabId: number,
  type: K,
  payload: TabProtocolMap[K]['req'],
  frameId?: number,
): Promise<TabProtocolMap[K]['res']> {
  const envelope: Envelope<K> = { type, payload };
  const options = frameId === undefined ? undefined : { frameId };
  return unwrap<TabProtocolMap[K]['res']>(await browser.tabs.sendMessage(tabId, envelope, options));
}
