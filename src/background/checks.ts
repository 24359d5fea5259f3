/**
 * Who may send each message and what its payload must look like. The router refuses anything that
 * does not pass, before any handler runs, so a handler only ever sees a well-formed request.
 */
import { ID_SITES, LIMITS } from '../shared/identity';
import {
  FAVOUR_DIRECTIONS,
  FAVOUR_EFFORTS,
  INTERACTION_KINDS,
  personCheck,
  settingsShape,
} from '../shared/model';
import { CARD_ID } from '../shared/card-ids';
import type { MessageType, ProtocolMap, Request } from '../shared/protocol';
import {
  array,
  boolean,
  id,
  isoDate,
  literal,
  number,
  object,
  optional,
  partial,
  string,
  type Check,
} from '../shared/validate';

const empty = object({});
const anyObject: Check<object> = (value, path = '') =>
  typeof value === 'object' && value !== null
    ? { ok: true, value }
    : { ok: false, problems: [{ path, message: 'expected the contents of a backup file' }] };
const tabId = number({ min: 0, integer: true });
const cardId = string({ pattern: CARD_ID, what: 'a card id' });
const host = string({ min: 1, max: 253, pattern: /^[a-z0-9.-]+(:\d+)?$/u, what: 'a host name' });

// The same limits the content script cuts page strings to (LIMITS in src/shared/identity.ts).
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

/** What a tab's content script answers to `page.collect`: checked like any message from a page. */
export const collected = object({ host, identities: array(pageIdentity, { max: 20_000 }) });

type Rule<K extends MessageType> = { from: ProtocolMap[K]['from']; payload: Check<Request<K>> };

export const RULES: { [K in MessageType]: Rule<K> } = {
  // A content script sends at most 5,000 per message (MAX_LOOKUP in src/content/annotator.ts).
  'content.match': { from: 'content', payload: object({ identities: array(pageIdentity, { max: 5000 }) }) },
  'content.status': { from: 'content', payload: object({ host }) },
  'content.names': { from: 'content', payload: empty },
  'content.thread': { from: 'content', payload: object({ thread: threadSnapshot }) },
  // The content script sends at most 5,000 characters of a draft; more is refused, not analysed.
  'content.checkDraft': { from: 'content', payload: object({ text: string({ max: 5000 }) }) },
  'content.report': { from: 'content', payload: object({ identities: array(pageIdentity, { max: 5000 }) }) },
  'content.openCard': { from: 'content', payload: object({ identity: pageIdentity, theme: literal('light', 'dark'), card: cardId }) },
  'content.closeCard': { from: 'content', payload: object({ card: cardId }) },

  'card.current': { from: 'page', payload: object({ card: cardId }) },
  'card.confirm': { from: 'page', payload: object({ personId: id }) },
  'card.reject': { from: 'page', payload: object({ personId: id }) },
  'card.addPerson': {
    from: 'page',
    payload: object({
      displayName: string({ min: 1, max: 200, pattern: /\S/u, what: 'a name' }),
      team: optional(string({ max: 200 })),
      role: optional(string({ max: 200 })),
    }),
  },
  'card.resize': { from: 'page', payload: object({ height: number({ min: 0, max: 2000 }) }) },
  'card.close': { from: 'page', payload: empty },

  'tab.people': { from: 'page', payload: object({ tabId }) },
  'site.setEnabled': { from: 'page', payload: object({ tabId, host, isEnabled: boolean }) },
  'tab.nudge': { from: 'page', payload: object({ tabId }) },
  'nudge.talked': { from: 'page', payload: object({ tabId, kind: literal('in-person', 'call') }) },
  'nudge.snooze': { from: 'page', payload: object({ tabId }) },

  'people.list': {
    from: 'page',
    payload: object({
      query: optional(string({ max: 500 })),
      sort: optional(literal('name', 'lastInteraction', 'team')),
      offset: optional(number({ min: 0, integer: true })),
      limit: optional(number({ min: 1, max: 1000, integer: true })),
    }),
  },
  'people.get': { from: 'page', payload: object({ id }) },
  'people.seen': { from: 'page', payload: object({ id }) },
  'people.link': { from: 'page', payload: object({ id, key: string({ min: 1, max: LIMITS.email + 20 }) }) },
  'people.create': {
    from: 'page',
    payload: object({
      displayName: string({ min: 1, max: 200 }),
      emails: optional(array(string({ max: 320 }), { max: 50 })),
      team: optional(string({ max: 200 })),
      role: optional(string({ max: 200 })),
    }),
  },
  'people.save': { from: 'page', payload: object({ person: personCheck }) },
  'people.delete': { from: 'page', payload: object({ id }) },
  'people.undoDelete': { from: 'page', payload: object({ undoId: id }) },
  'people.merge': { from: 'page', payload: object({ keepId: id, mergeId: id }) },

  'notes.add': { from: 'page', payload: object({ personId: id, text: string({ min: 1, max: 20_000 }) }) },
  'notes.update': { from: 'page', payload: object({ id, text: string({ min: 1, max: 20_000 }) }) },
  'notes.delete': { from: 'page', payload: object({ id }) },

  'interactions.add': {
    from: 'page',
    payload: object({
      personId: id,
      kind: literal(...INTERACTION_KINDS),
      at: optional(isoDate),
      summary: optional(string({ max: 20_000 })),
    }),
  },
  'interactions.delete': { from: 'page', payload: object({ id }) },
  'favours.add': {
    from: 'page',
    payload: object({
      personId: id,
      direction: literal(...FAVOUR_DIRECTIONS),
      effort: literal(...FAVOUR_EFFORTS),
      what: string({ min: 1, max: 2000 }),
      at: optional(isoDate),
    }),
  },
  'favours.settle': { from: 'page', payload: object({ id, isSettled: boolean }) },

  'backup.export': { from: 'page', payload: empty },
  // The file itself is checked whole by the importer, which reports every problem with its path.
  'backup.import': { from: 'page', payload: object({ data: anyObject, mode: literal('replace', 'merge') }) },
  'backup.previewMerge': { from: 'page', payload: object({ data: anyObject }) },

  'settings.get': { from: 'page', payload: empty },
  'people.network': { from: 'page', payload: empty },
  'reminders.list': { from: 'page', payload: empty },
  'reminders.snooze': { from: 'page', payload: object({ personId: id, days: number({ min: 1, max: 365, integer: true }) }) },
  'reminders.done': { from: 'page', payload: object({ personId: id, kind: literal('in-person', 'call') }) },
  'settings.update': {
    from: 'page',
    payload: object({ patch: partial(settingsShape) }),
  },
};
