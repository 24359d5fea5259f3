/**
 * Shapes more than one message checks: what pages report (identities, threads) and the small ids
 * and names messages carry. Answers from tabs are checked with the same shapes as messages.
 */
import { ID_SITES } from '../../shared/identity';
import { LIMITS, MAX_LOOKUP } from '../../shared/limits';
import { CARD_ID } from '../../shared/card-ids';
import { array, boolean, literal, number, object, optional, string, type Check } from '../../shared/validate';

export const empty = object({});
export const anyObject: Check<object> = (value, path = '') =>
  typeof value === 'object' && value !== null
    ? { ok: true, value }
    : { ok: false, problems: [{ path, message: 'expected the contents of a backup file' }] };
export const tabId = number({ min: 0, integer: true });
export const cardId = string({ pattern: CARD_ID, what: 'a card id' });
export const host = string({ min: 1, max: LIMITS.host, pattern: /^[a-z0-9.-]+(:\d+)?$/u, what: 'a host name' });

// The same limits the content script cuts page strings to.
export const pageIdentity = object({
  name: optional(string({ max: LIMITS.name })),
  email: optional(string({ max: LIMITS.email })),
  siteId: optional(object({ site: literal(...ID_SITES), id: string({ min: 1, max: LIMITS.siteId }) })),
  isSelf: optional(boolean),
});

export const threadSnapshot = object({
  key: string({ min: 1, max: LIMITS.title }),
  title: string({ max: LIMITS.title }),
  url: string({ max: LIMITS.url }),
  messages: array(
    object({
      id: string({ min: 1, max: LIMITS.messageId }),
      author: pageIdentity,
      isOwn: boolean,
      at: optional(string({ max: 40 })),
      text: string({ max: LIMITS.text }),
    }),
    { max: 2000 },
  ),
});

/** What a content script sends in one lookup; a page with more sends several. */
export const identities = array(pageIdentity, { max: MAX_LOOKUP });

/** What a tab's content script answers to `page.collect`: checked like any message from a page. */
export const collected = object({ host, identities: array(pageIdentity, { max: 20_000 }), isCapped: optional(boolean) });

/** What the user writes about someone: a note, an interaction's summary. */
export const longText = string({ max: LIMITS.longText });
export const noteText = string({ min: 1, max: LIMITS.longText });
/** A team, a role. */
export const shortText = string({ max: LIMITS.shortText });
export const favourWhat = string({ min: 1, max: LIMITS.favour });
