/**
 * Messages from content scripts. They speak only about their own tab, and every answer is what the
 * page could already see: marker states, whether Hallway runs there, names already marked.
 */
import * as repo from '../../shared/db';
import { strongKey } from '../../shared/identity';
import { checkDraft } from '../../shared/tone';
import { MAX_DRAFT_CHARS } from '../../shared/limits';
import { literal, object, string } from '../../shared/validate';
import { logThreadVisit } from '../auto-log';
import { cardKey } from '../cards';
import { siteOfThread } from '../nudge';
import { hostOf, requireTab } from './context';
import { message } from './define';
import { cardId, empty, host, identities, pageIdentity, threadSnapshot } from './shapes';

/** Sightings kept per worker session before the memory of them starts again. */
const RECORDED_MAX = 20_000;

export const contentMessages = {
  /** Marker states for identities a content script found on its page. */
  'content.match': message(
    {
      from: 'content',
      payload: object({ identities }),
    },
    async ({ identities }, { sender, services }) => {
      await services.learnSelf(identities);
      const matches = repo.matchWithIndex(await services.identities.get(), identities);
      // Kept for linking from the people page later. Written after the answer, at most once a session
      // per address or id, so a page full of strangers costs the markers nothing.
      const { recorded } = services;
      if (recorded.size > RECORDED_MAX) recorded.clear();
      const fresh = identities.flatMap((identity, i) => {
        const key = strongKey(identity);
        const state = matches[i]?.state;
        if (!key || recorded.has(key) || (state !== 'unknown' && state !== 'uncertain')) return [];
        recorded.add(key);
        return [i];
      });
      const pageHost = hostOf(sender.url);
      if (pageHost && fresh.length) {
        void repo.recordSeen(services.db, pageHost, fresh.map((i) => identities[i]!), fresh.map((i) => matches[i]!)).catch(() => undefined);
      }
      return matches.map((m) => m.state);
    },
  ),

  /** Whether Hallway should run on the sender's page. */
  'content.status': message(
    {
      from: 'content',
      payload: object({ host }),
    },
    async ({ host }, { services }) => {
      const settings = await repo.getSettings(services.db);
      return {
        isEnabled: !settings.disabledSites.includes(host),
        isPrivacyModeOn: settings.isPrivacyModeOn,
        isDraftCheckOn: settings.isDraftCheckOn,
      };
    },
  ),

  /**
   * Full names of everyone in the directory, to find them in message text. Keys are opaque; the
   * page could only ever learn that a name is known, which its marker shows anyway.
   */
  'content.names': message(
    {
      from: 'content',
      payload: empty,
    },
    async (_, { services }) => ({ names: (await services.identities.get()).names }),
  ),

  /** The conversation open on the page, read by the site adapter, for the tone analysis. */
  'content.thread': message(
    {
      from: 'content',
      payload: object({ thread: threadSnapshot }),
    },
    async ({ thread }, context) => {
      const tabId = requireTab(context);
      const { services } = context;
      // Teams and Slack mark the user's own messages: their author is the user, on every page.
      await services.learnSelf(thread.messages.filter((m) => m.isOwn).map((m) => ({ ...m.author, isSelf: true })));
      const view = await services.tabNudges.observe(tabId, thread);
      services.deps.setBadge(tabId, view?.level ?? 'calm', view?.isQuiet ?? false);
      // An interaction changes no marker, so open pages are not told.
      if (await logThreadVisit(services.db, thread, siteOfThread(thread), services.identities.match)) services.forgetNetwork();
      return null;
    },
  ),

  /** Checks the user's own draft; the text is analysed in memory and never stored. */
  'content.checkDraft': message(
    {
      from: 'content',
        // The content script sends at most this much of a draft; more is refused, not analysed.
      payload: object({ text: string({ max: MAX_DRAFT_CHARS }) }),
    },
    async ({ text }) => checkDraft(text),
  ),

  /** The user hovered a marked name: open the card of this tab for them. */
  'content.openCard': message(
    {
      from: 'content',
      payload: object({ identity: pageIdentity, theme: literal('light', 'dark'), card: cardId }),
    },
    async ({ identity, theme, card }, context) => {
      const tabId = requireTab(context);
      const { services } = context;
      const settings = await repo.getSettings(services.db);
      const pageHost = hostOf(context.sender.url);
      // The page's script may not have heard yet that Hallway was switched off there.
      if (settings.isPrivacyModeOn || (pageHost && settings.disabledSites.includes(pageHost))) return null;
      await services.cards.open(cardKey(tabId, card), identity, theme, context.sender.frameId ?? 0);
      return null;
    },
  ),

  /** The card on this tab should close (the pointer left, Escape, or the page tampered with it). */
  'content.closeCard': message(
    {
      from: 'content',
      payload: object({ card: cardId }),
    },
    async ({ card }, context) => {
      context.services.cards.close(cardKey(requireTab(context), card));
      return null;
    },
  ),
};
