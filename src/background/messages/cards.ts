/**
 * Messages from the hover card frame. A card never names whom it shows: it is told, and its actions
 * apply to the person its own card session shows. Actions answer with the card as it is now, so one
 * round trip saves a note and redraws the card.
 */
import * as repo from '../../shared/db';
import { LIMITS } from '../../shared/limits';
import { FAVOUR_DIRECTIONS, FAVOUR_EFFORTS } from '../../shared/model';
import { id, literal, object, optional, string } from '../../shared/validate';
import { cardOf, requireTab } from './context';
import { message, type MessageContext } from './define';
import { cardId, empty, favourWhat, noteText, shortText } from './shapes';

const name = string({ min: 1, max: LIMITS.name, pattern: /\S/u, what: 'a name' });
const STALE = 'This card no longer shows that person; hover the name again.';

/** The card session a frame's message is about, and whom it shows: a confirmed person or no one. */
async function shownPerson(context: MessageContext, personId: string): Promise<string> {
  const { key } = cardOf(context);
  const view = await context.services.cards.view(key);
  // The worker may have been stopped while the card stayed open: its session went with it.
  if (view && view.person?.person.id !== personId) throw new repo.InvalidDataError(STALE);
  return key;
}

/** Only a candidate the card offered can be confirmed or refused, never an arbitrary record. */
async function offeredTarget(context: MessageContext, personId: string) {
  const { key } = cardOf(context);
  const target = context.services.cards.get(key);
  const [found] = target ? await context.services.identities.match([target.identity]) : [];
  if (!target || found?.state !== 'uncertain' || !found.candidates?.includes(personId)) throw new repo.InvalidDataError(STALE);
  return { key, target };
}

export const cardMessages = {
  /** The hover card frame asks what to show, for its own tab only. */
  'card.current': message(
    {
      from: 'page',
      payload: object({ card: cardId }),
    },
    async ({ card }, context) => {
      const key = context.services.cards.register(requireTab(context), context.sender.frameId ?? 0, card);
      return context.services.cards.view(key);
    },
  ),

  /** The user confirmed that an unconfirmed match is this person: link the page's identity to them. */
  'card.confirm': message(
    {
      from: 'page',
      payload: object({ personId: id }),
      invalidates: ['people'],
    },
    async ({ personId }, context) => {
      const { key, target } = await offeredTarget(context, personId);
      await repo.linkIdentity(context.services.db, personId, target.identity);
      target.confirmedPersonId = personId;
      context.services.identities.invalidate();
      return context.services.cards.view(key);
    },
  ),

  /** "Not them": the page's address or id is not this person; the card stops asking about them. */
  'card.reject': message(
    {
      from: 'page',
      payload: object({ personId: id }),
      invalidates: ['people'],
    },
    async ({ personId }, context) => {
      const { key, target } = await offeredTarget(context, personId);
      await repo.rejectCandidate(context.services.db, target.identity, personId);
      // The cached index still holds the question; the card is rebuilt from the database's answer.
      context.services.identities.invalidate();
      return context.services.cards.view(key);
    },
  ),

  /** Adds the person the card is showing to the directory, with the page's address or site id. */
  'card.addPerson': message(
    {
      from: 'page',
      payload: object({ displayName: name, team: optional(shortText), role: optional(shortText) }),
      invalidates: ['people'],
    },
    async ({ displayName, team, role }, context) => {
      const { key } = cardOf(context);
      const target = context.services.cards.get(key);
      if (!target) throw new repo.InvalidDataError('Hover the name again to add this person.');
      const { email, siteId } = target.identity;
      const person = await repo.createPerson(context.services.db, {
        displayName,
        team: team ?? '',
        role: role ?? '',
        emails: email ? [email] : [],
        siteIds: siteId ? [siteId] : [],
      });
      if (!email && !siteId) target.confirmedPersonId = person.id;
      context.services.identities.invalidate();
      return context.services.cards.view(key);
    },
  ),

  /** A quick note about the person the card shows. */
  'card.addNote': message(
    {
      from: 'page',
      payload: object({ personId: id, text: noteText }),
      // A first note turns a known person's marker into a noted one.
      invalidates: ['people'],
    },
    async ({ personId, text }, context) => {
      const key = await shownPerson(context, personId);
      await repo.addNote(context.services.db, personId, text);
      context.services.identities.invalidate();
      return context.services.cards.view(key);
    },
  ),

  /** A favour asked of or done for the person the card shows. */
  'card.addFavour': message(
    {
      from: 'page',
      payload: object({
        personId: id,
        direction: literal(...FAVOUR_DIRECTIONS),
        effort: literal(...FAVOUR_EFFORTS),
        what: favourWhat,
      }),
      invalidates: ['records'],
    },
    async ({ personId, ...favour }, context) => {
      const key = await shownPerson(context, personId);
      await repo.addFavour(context.services.db, { personId, ...favour });
      return context.services.cards.view(key);
    },
  ),

  /** "We met in person", today, with the person the card shows. */
  'card.logInPerson': message(
    {
      from: 'page',
      payload: object({ personId: id }),
      invalidates: ['records'],
    },
    async ({ personId }, context) => {
      const key = await shownPerson(context, personId);
      await repo.addInteraction(context.services.db, { personId, kind: 'in-person' });
      return context.services.cards.view(key);
    },
  ),

  'card.close': message(
    {
      from: 'page',
      payload: empty,
    },
    async (_, context) => {
      const { tabId, card, key } = cardOf(context);
      const hostFrame = context.services.cards.get(key)?.hostFrame;
      context.services.cards.forget(key);
      await context.services.deps.notifyTab(tabId, 'page.cardClose', { card }, hostFrame);
      return null;
    },
  ),
};
