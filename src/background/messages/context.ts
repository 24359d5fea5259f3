/** What handlers ask of the message context: the sender's tab, and the card a card frame is. */
import { InvalidDataError } from '../../shared/db';
import type { MessageContext } from './define';

export function requireTab(context: MessageContext): number {
  if (context.tabId === null) throw new InvalidDataError('This message is only for a page in a tab.');
  return context.tabId;
}

/** The card a card frame's message is about: its own, never one it names later. */
export function cardOf(context: MessageContext): { tabId: number; card: string; key: string } {
  const tabId = requireTab(context);
  return { tabId, ...context.services.cards.ofFrame(tabId, context.sender.frameId ?? 0) };
}

export function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
