/**
 * The service worker's message router. For every message it checks, in order: that it comes from
 * this extension, that the sender is allowed to send that type (content scripts may only ask about
 * their own tab), and that the payload is well formed. Only then does the handler run; a failure at
 * any step is answered with a readable error and changes nothing. After a handler that changed
 * something, open tabs and pages are told (the message's `invalidates`).
 */
import * as repo from '../shared/db';
import type { Envelope, Reply } from '../shared/protocol';
import { formatProblems } from '../shared/validate';
import { MESSAGE_TABLE } from './messages';
import type { MessageContext, Sender, SenderKind } from './messages/define';
import { createServices, type RouterDeps } from './services';

export type { Sender } from './messages/define';
export type { RouterDeps } from './services';

/** The schemes extension pages load from; web pages (where content scripts run) never use them. */
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'extension:'];

export function isExtensionPage(url: string | undefined, extensionOrigin: string): boolean {
  if (!url) return false;
  if (url.startsWith(extensionOrigin)) return true;
  // The hover card is web-accessible with `use_dynamic_url`, so Chrome may frame it from a
  // per-session origin instead of the extension's id; the sender id still says it is ours.
  try {
    return EXTENSION_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function senderKind(sender: Sender, deps: RouterDeps): SenderKind | null {
  if (sender.id !== deps.extensionId) return null;
  if (isExtensionPage(sender.url, deps.extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content';
  return null;
}

export function createRouter(deps: RouterDeps) {
  const services = createServices(deps);

  return async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    const kind = senderKind(sender, deps);
    if (!kind) return { ok: false, error: 'Refused: the message did not come from Hallway.' };
    if (typeof message !== 'object' || message === null || typeof (message as Envelope).type !== 'string') {
      return { ok: false, error: 'Refused: a message needs a type.' };
    }
    const { type, payload } = message as Envelope;
    const spec = Object.hasOwn(MESSAGE_TABLE, type) ? MESSAGE_TABLE[type] : undefined;
    if (!spec) return { ok: false, error: `Refused: "${type.slice(0, 60)}" is not a Hallway message.` };
    if (spec.from !== kind) return { ok: false, error: `Refused: a ${kind === 'content' ? 'web page' : 'Hallway page'} may not send "${type}".` };
    const checked = spec.payload(payload ?? {}, '');
    if (!checked.ok) return { ok: false, error: `Refused "${type}": ${formatProblems(checked.problems)}` };
    const tabId = sender.tab?.id ?? null;
    if (kind === 'content' && tabId !== null) deps.noteFrame(tabId, sender.frameId ?? 0);
    const context: MessageContext = { sender, tabId, services };
    const changes = spec.invalidates ?? [];
    try {
      // Dropped before a write too: a handler that writes and then reads (adding someone from the
      // card, then showing them) must not read the copy from before its own write.
      if (changes.includes('people')) services.identities.invalidate();
      const value = await spec.handle(checked.value, context);
      // A card frame gets its own card back as the answer; every other open card is shown again.
      const ownCard = kind === 'page' && tabId !== null ? services.cards.keyOfFrame(tabId, sender.frameId ?? 0) : null;
      if (changes.length) services.changed(changes, ownCard);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof repo.DuplicateIdentityError) return { ok: false, error: error.message, owner: error.owner };
      if (error instanceof repo.NotFoundError || error instanceof repo.InvalidDataError) {
        return { ok: false, error: error.message };
      }
      console.error(`Hallway: "${type}" failed`, error);
      return { ok: false, error: 'Something went wrong in Hallway; nothing was changed. Try again.' };
    }
  };
}

export type Router = ReturnType<typeof createRouter>;
