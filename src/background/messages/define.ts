/**
 * How a message to the service worker is declared: once, with who may send it, the shape of its
 * payload, what it makes stale on open pages, and its handler. The router applies the first three
 * before the handler runs; the request and response types every sender uses are derived from the
 * declaration (src/shared/protocol.ts), so the four can never drift apart.
 */
import type { Change } from '../../shared/protocol';
import type { Check } from '../../shared/validate';
import type { Services } from '../services';

/**
 * `content` is a content script, which speaks only about its own tab and learns no private text;
 * `page` is an extension page (popup, people page, hover card).
 */
export type SenderKind = 'content' | 'page';

export type { Change } from '../../shared/protocol';

/** The parts of `runtime.MessageSender` the router reads. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface MessageContext {
  sender: Sender;
  /** The sender's tab: content scripts and the hover card frame have one, the popup does not. */
  tabId: number | null;
  services: Services;
}

export interface MessageSpec<From extends SenderKind, Payload, Result> {
  readonly from: From;
  readonly payload: Check<Payload>;
  /** Open pages are told after the handler succeeds; cached lookups are dropped before and after. */
  readonly invalidates?: readonly Change[];
  /** Declared as a method so a table of messages with different payloads has one element type. */
  handle(payload: Payload, context: MessageContext): Promise<Result>;
}

/** Who may send a message, what its payload must look like, and what it makes stale. */
export interface MessageRules<From extends SenderKind, Payload> {
  readonly from: From;
  readonly payload: Check<Payload>;
  readonly invalidates?: readonly Change[];
}

/**
 * Declares a message: the payload type comes from its validator, the result type from its handler.
 * (Two arguments, not one object: TypeScript infers the payload from an inline `object({…})` only
 * when the rules are not in the same literal as the handler.)
 */
export function message<From extends SenderKind, Payload, Result>(
  rules: MessageRules<From, Payload>,
  handle: (payload: Payload, context: MessageContext) => Promise<Result>,
): MessageSpec<From, Payload, Result> {
  return { ...rules, handle };
}

/** Any declared message, as the router handles it. */
export type AnyMessageSpec = MessageSpec<SenderKind, unknown, unknown>;
