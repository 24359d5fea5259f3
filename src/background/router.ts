/**
 * The service worker's message router. For every message it checks, in order: that it comes from
 * this extension, that the sender is allowed to send that type (content scripts may only ask for
 * marker states about their own tab), and that the payload is well formed. Only then does a handler
 * run; a failure at any step is answered with a readable error and changes nothing.
 */
import { isGroupAddress, normalizeEmail, strongKey, type PageIdentity } from '../shared/identity';
import type { HallwayDatabase } from '../shared/db';
import * as repo from '../shared/db';
import { exportBackup, importBackup, previewMerge } from '../shared/db/backup';
import type {
  CardPortMessage,
  Envelope,
  MessageType,
  Reply,
  Request,
  Response,
  TabProtocolMap,
  ThreadSnapshot,
} from '../shared/protocol';
import { checkDraft } from '../shared/tone';
import { logThreadVisit } from './auto-log';
import { networkView } from './network';
import { completeReminder, dueReminders, snoozeReminder } from './reminders';
import { Nudges } from './nudge';
import { formatProblems } from '../shared/validate';
import type { TabPeople, TabPerson } from '../shared/views';
import { buildCardView, cardKey, CardSessions } from './cards';
import { RULES } from './checks';

/** The parts of `runtime.MessageSender` the router reads. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface RouterDeps {
  db: HallwayDatabase;
  /** This extension's id and the origin of its pages (`chrome-extension://<id>/`). */
  extensionId: string;
  extensionOrigin: string;
  /** Asks a tab's content script what the page shows; null when Hallway does not run there. */
  collectFromTab(tabId: number): Promise<{ host: string; identities: PageIdentity[] } | null>;
  /** Sends a message to a tab's content script; failures (no script there) are ignored. */
  notifyTab<K extends keyof TabProtocolMap>(tabId: number, type: K, payload: TabProtocolMap[K]['req']): Promise<void>;
  /** Tells every tab that the directory changed (markers are looked up again) or the settings did. */
  notifyAllTabs(type?: 'page.peopleChanged' | 'page.refresh'): void;
  /** Reads the conversation open in a tab, fresh; null when none is open. */
  readThread(tabId: number): Promise<ThreadSnapshot | null>;
  /** Shows on the tab's toolbar icon whether its thread reads sour. */
  setBadge(tabId: number, level: 'calm' | 'tense' | 'sour', isQuiet: boolean): void;
  /** Takes what a frame inside a tab reported while its tab was being collected. */
  onFrameReport(tabId: number, identities: PageIdentity[]): void;
  /** Pushes a message to a card frame (by cardKey), if it is connected. */
  pushToCard(key: string, message: CardPortMessage): void;
  /** The browser's own language detector: a language code, or null when unsure or unavailable. */
  detectLanguage?(text: string): Promise<string | null>;
}

interface Context {
  sender: Sender;
  /** The sender's tab, for content scripts. */
  tabId: number | null;
}

type Handlers = { [K in MessageType]: (payload: Request<K>, context: Context) => Promise<Response<K>> };

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

function senderKind(sender: Sender, deps: RouterDeps): 'page' | 'content' | null {
  if (sender.id !== deps.extensionId) return null;
  if (isExtensionPage(sender.url, deps.extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content';
  return null;
}

/** Messages after which markers on open pages may be out of date: who is known, or who has notes. */
const CHANGES_PEOPLE = new Set<MessageType>([
  'people.create', 'people.save', 'people.delete', 'people.undoDelete', 'people.merge',
  'notes.add', 'notes.delete', 'backup.import', 'card.confirm', 'card.reject', 'card.addPerson', 'people.link',
]);

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}

export function createRouter(deps: RouterDeps) {
  const { db } = deps;
  const cards = new CardSessions();
  // Marker lookups read this copy; any write that can change who is known or noted drops it.
  let identityIndex: Promise<repo.IdentityIndex> | null = null;
  const currentIndex = () => (identityIndex ??= repo.buildIdentityIndex(db).catch((error: unknown) => {
    identityIndex = null;
    throw error;
  }));
  const match: repo.Matcher = async (identities) => repo.matchWithIndex(await currentIndex(), identities);
  /** Addresses and ids already kept as seen while this worker runs. */
  const recorded = new Set<string>();

  /** Remembers who the user is from what a page says; other tabs then stop marking them too. */
  async function learnSelf(identities: readonly PageIdentity[]): Promise<void> {
    if (!identities.some((identity) => identity.isSelf)) return;
    // Gmail shows the "me" chip on every lookup: only a new address costs a write.
    const { self } = await currentIndex();
    const fresh = identities.filter((identity) => {
      const key = identity.isSelf ? strongKey(identity) : null;
      return key !== null && !self.has(key);
    });
    if (fresh.length && (await repo.learnSelf(db, fresh))) {
      identityIndex = null;
      deps.notifyAllTabs('page.peopleChanged');
    }
  }
  const nudges = new Nudges(db, match, undefined, deps.detectLanguage);

  /** The site is the thread key's prefix (`gmail:…`), set by the adapter that read it. */
  const siteOf = (snapshot: ThreadSnapshot) => snapshot.key.split(':')[0] ?? 'generic';

  async function nudgeFor(tabId: number, act?: (snapshot: ThreadSnapshot) => Promise<void>) {
    const snapshot = await deps.readThread(tabId);
    if (!snapshot || !snapshot.messages.length) {
      deps.setBadge(tabId, 'calm', false);
      return null;
    }
    if (act) await act(snapshot);
    // The page's own messages are the user's: their address or id is the user's on every page.
    await learnSelf(snapshot.messages.filter((m) => m.isOwn).map((m) => ({ ...m.author, isSelf: true })));
    const view = await nudges.read(snapshot, siteOf(snapshot));
    deps.setBadge(tabId, view.level, view.isQuiet);
    return view;
  }

  function requireTab(context: Context): number {
    if (context.tabId === null) throw new repo.InvalidDataError('This message is only for a page in a tab.');
    return context.tabId;
  }

  /** Which card each card frame is (by tab and frame), learnt when the frame first asks. */
  const cardOfFrame = new Map<string, string>();

  async function currentCard(key: string) {
    const target = cards.get(key);
    return target ? buildCardView(db, target, match) : null;
  }

  /** The card a card frame's message is about; its own id, never one it names later. */
  function cardOf(context: Context): { tabId: number; card: string; key: string } {
    const tabId = requireTab(context);
    const card = cardOfFrame.get(`${tabId}:${context.sender.frameId ?? 0}`);
    if (!card) throw new repo.InvalidDataError('This card has lost its page; hover the name again.');
    return { tabId, card, key: cardKey(tabId, card) };
  }

  async function tabPeople(tabId: number): Promise<TabPeople> {
    const collected = await deps.collectFromTab(tabId);
    if (!collected) return { host: null, isSupported: false, isDisabled: false, people: [] };
    const settings = await repo.getSettings(db);
    const isDisabled = settings.disabledSites.includes(collected.host);
    if (isDisabled) return { host: collected.host, isSupported: true, isDisabled, people: [] };
    await learnSelf(collected.identities);
    const matches = await match(collected.identities);
    const matchedIds = repo.confirmedPersonIds(matches);
    const summaries = new Map((await repo.summariesOf(db, matchedIds)).map((s) => [s.id, s]));
    const people: TabPerson[] = [];
    const seen = new Set<string>();
    collected.identities.forEach((identity, i) => {
      const match = matches[i];
      if (match?.state === 'self') return;
      const summary = match?.personId && match.state !== 'uncertain' ? summaries.get(match.personId) ?? null : null;
      // A list or group address is not a colleague to add, unless the user added it themselves.
      if (!summary && identity.email && isGroupAddress(identity.email)) return;
      // One entry per person: a sender shown in a header, a chip and a snippet is still one person.
      const key = summary ? `id:${summary.id}` : identity.email ? `email:${normalizeEmail(identity.email)}` : `name:${identity.name ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      people.push({
        name: summary?.displayName ?? identity.name ?? identity.email ?? '',
        email: identity.email ? normalizeEmail(identity.email) : null,
        match: summary,
        isUncertain: match?.state === 'uncertain',
      });
    });
    // Known people first, then by name.
    people.sort((a, b) => Number(Boolean(b.match)) - Number(Boolean(a.match)) || a.name.localeCompare(b.name));
    return { host: collected.host, isSupported: true, isDisabled: false, people };
  }

  const handlers: Handlers = {
    'content.match': async ({ identities }, context) => {
      await learnSelf(identities);
      const matches = repo.matchWithIndex(await currentIndex(), identities);
      // Kept for linking from the people page later. Written after the answer, at most once a session
      // per address or id, so a page full of strangers costs the markers nothing.
      const host = hostOf(context.sender.url);
      if (recorded.size > 20_000) recorded.clear();
      const fresh = identities.flatMap((identity, i) => {
        const key = strongKey(identity);
        if (!key || recorded.has(key) || (matches[i]?.state !== 'unknown' && matches[i]?.state !== 'uncertain')) return [];
        recorded.add(key);
        return [i];
      });
      if (host && fresh.length) {
        void repo.recordSeen(db, host, fresh.map((i) => identities[i]!), fresh.map((i) => matches[i]!)).catch(() => undefined);
      }
      return matches.map((m) => m.state);
    },
    'content.status': async ({ host }) => {
      const settings = await repo.getSettings(db);
      return {
        isEnabled: !settings.disabledSites.includes(host),
        isPrivacyModeOn: settings.isPrivacyModeOn,
        isDraftCheckOn: settings.isDraftCheckOn,
      };
    },
    'content.names': async () => ({ names: (await currentIndex()).names }),
    'content.thread': async ({ thread }, context) => {
      const tabId = requireTab(context);
      // Teams and Slack mark the user's own messages: their author is the user, on every page.
      await learnSelf(thread.messages.filter((m) => m.isOwn).map((m) => ({ ...m.author, isSelf: true })));
      const view = thread.messages.length ? await nudges.read(thread, siteOf(thread)) : null;
      deps.setBadge(tabId, view?.level ?? 'calm', view?.isQuiet ?? false);
      // An interaction changes no marker, so open pages are not told.
      await logThreadVisit(db, thread, siteOf(thread), new Date(), match);
      return null;
    },
    'content.checkDraft': async ({ text }) => checkDraft(text),
    'content.report': async ({ identities }, context) => {
      deps.onFrameReport(requireTab(context), identities);
      return null;
    },
    'content.openCard': async ({ identity, theme, card }, context) => {
      const tabId = requireTab(context);
      const key = cardKey(tabId, card);
      const settings = await repo.getSettings(db);
      const host = hostOf(context.sender.url);
      // The page's script may not have heard yet that Hallway was switched off there.
      if (settings.isPrivacyModeOn || (host && settings.disabledSites.includes(host))) return null;
      const target = cards.open(key, identity, theme);
      const view = await buildCardView(db, target, match);
      // Another open or a close may have come in while the view was built: only the latest shows.
      if (cards.get(key) === target) deps.pushToCard(key, { type: 'card.show', view });
      return null;
    },
    'content.closeCard': async ({ card }, context) => {
      const key = cardKey(requireTab(context), card);
      cards.forget(key);
      deps.pushToCard(key, { type: 'card.hide' });
      return null;
    },

    'card.current': async ({ card }, context) => {
      const tabId = requireTab(context);
      cardOfFrame.set(`${tabId}:${context.sender.frameId ?? 0}`, card);
      return currentCard(cardKey(tabId, card));
    },
    'card.confirm': async ({ personId }, context) => {
      const { key } = cardOf(context);
      const target = cards.get(key);
      const [found] = target ? await match([target.identity]) : [];
      // Only a candidate the card offered can be confirmed, never an arbitrary record.
      if (!target || found?.state !== 'uncertain' || !found.candidates?.includes(personId)) {
        throw new repo.InvalidDataError('This card no longer shows that person; hover the name again.');
      }
      await repo.linkIdentity(db, personId, target.identity);
      target.confirmedPersonId = personId;
      return currentCard(key);
    },
    'card.reject': async ({ personId }, context) => {
      const { key } = cardOf(context);
      const target = cards.get(key);
      const [found] = target ? await match([target.identity]) : [];
      if (!target || found?.state !== 'uncertain' || !found.candidates?.includes(personId)) {
        throw new repo.InvalidDataError('This card no longer shows that person; hover the name again.');
      }
      await repo.rejectCandidate(db, target.identity, personId);
      // The cached index still holds the question; the card is rebuilt from the database's answer.
      identityIndex = null;
      return currentCard(key);
    },
    'card.addPerson': async ({ displayName, team, role }, context) => {
      const { key } = cardOf(context);
      const target = cards.get(key);
      if (!target) throw new repo.InvalidDataError('Hover the name again to add this person.');
      const { email, siteId } = target.identity;
      const person = await repo.createPerson(db, {
        displayName,
        team: team ?? '',
        role: role ?? '',
        emails: email ? [email] : [],
        siteIds: siteId ? [siteId] : [],
      });
      if (!email && !siteId) target.confirmedPersonId = person.id;
      return currentCard(key);
    },
    'card.resize': async ({ height }, context) => {
      const { tabId, card } = cardOf(context);
      await deps.notifyTab(tabId, 'page.cardResize', { height, card });
      return null;
    },
    'card.close': async (_, context) => {
      const { tabId, card, key } = cardOf(context);
      cards.forget(key);
      await deps.notifyTab(tabId, 'page.cardClose', { card });
      return null;
    },

    'tab.people': async ({ tabId }) => tabPeople(tabId),
    'tab.nudge': async ({ tabId }) => nudgeFor(tabId),
    'nudge.talked': async ({ tabId, kind }) => nudgeFor(tabId, (snapshot) => nudges.talked(snapshot, siteOf(snapshot), kind)),
    'nudge.snooze': async ({ tabId }) => nudgeFor(tabId, (snapshot) => nudges.snooze(snapshot, siteOf(snapshot))),
    'site.setEnabled': async ({ tabId, host, isEnabled }) => {
      const { disabledSites } = await repo.getSettings(db);
      const next = isEnabled ? disabledSites.filter((h) => h !== host) : [...new Set([...disabledSites, host])];
      const settings = await repo.updateSettings(db, { disabledSites: next });
      // Every open tab on that site, not only this one.
      await deps.notifyTab(tabId, 'page.refresh', {});
      deps.notifyAllTabs('page.refresh');
      return settings;
    },

    'people.list': async (options) => repo.listPeople(db, options),
    'people.get': async ({ id }) => repo.getPersonDetail(db, id),
    'people.create': async (fields) => repo.createPerson(db, fields),
    'people.seen': async ({ id }) => repo.seenFor(db, id),
    'people.link': async ({ id, key }) => repo.linkSeen(db, id, key),
    'people.save': async ({ person }) => repo.savePerson(db, person),
    'people.delete': async ({ id }) => repo.deletePerson(db, id),
    'people.undoDelete': async ({ undoId }) => repo.undoDelete(db, undoId),
    'people.merge': async ({ keepId, mergeId }) => repo.mergePeople(db, keepId, mergeId),

    'notes.add': async ({ personId, text }) => repo.addNote(db, personId, text),
    'notes.update': async ({ id, text }) => repo.updateNote(db, id, text),
    'notes.delete': async ({ id }) => {
      await repo.deleteNote(db, id);
      return null;
    },

    'interactions.add': async (input) => repo.addInteraction(db, input),
    'interactions.delete': async ({ id }) => {
      await repo.deleteInteraction(db, id);
      return null;
    },
    'favours.add': async (input) => repo.addFavour(db, input),
    'favours.settle': async ({ id, isSettled }) => repo.setFavourSettled(db, id, isSettled),

    'backup.export': async () => exportBackup(db),
    'backup.import': async ({ data, mode }) => importBackup(db, data, mode),
    'backup.previewMerge': async ({ data }) => previewMerge(db, data),

    'settings.get': async () => repo.getSettings(db),
    'people.network': async () => networkView(db),
    'reminders.list': async () => dueReminders(db),
    'reminders.snooze': async ({ personId, days }) => {
      await snoozeReminder(db, personId, days);
      return dueReminders(db);
    },
    'reminders.done': async ({ personId, kind }) => {
      await completeReminder(db, personId, kind);
      return dueReminders(db);
    },
    'settings.update': async ({ patch }) => {
      const settings = await repo.updateSettings(db, patch);
      // "These are me" is part of who is who.
      if (patch.me) identityIndex = null;
      return settings;
    },
  };

  return async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    const kind = senderKind(sender, deps);
    if (!kind) return { ok: false, error: 'Refused: the message did not come from Hallway.' };
    if (typeof message !== 'object' || message === null || typeof (message as Envelope).type !== 'string') {
      return { ok: false, error: 'Refused: a message needs a type.' };
    }
    const { type, payload } = message as Envelope;
    if (!Object.hasOwn(RULES, type)) return { ok: false, error: `Refused: "${type.slice(0, 60)}" is not a Hallway message.` };
    const rule = RULES[type as MessageType];
    if (rule.from !== kind) return { ok: false, error: `Refused: a ${kind === 'content' ? 'web page' : 'Hallway page'} may not send "${type}".` };
    const checked = rule.payload(payload ?? {}, '');
    if (!checked.ok) return { ok: false, error: `Refused "${type}": ${formatProblems(checked.problems)}` };
    const context: Context = { sender, tabId: sender.tab?.id ?? null };
    try {
      const handler = handlers[type as MessageType] as (p: unknown, c: Context) => Promise<unknown>;
      const isPeopleChange = CHANGES_PEOPLE.has(type as MessageType);
      // Dropped before a write too: a handler that writes and then reads (adding someone from the
      // card, then showing them) must not read the copy from before its own write.
      if (isPeopleChange) identityIndex = null;
      const value = await handler(checked.value, context);
      if (isPeopleChange) {
        identityIndex = null;
        deps.notifyAllTabs('page.peopleChanged');
      }
      if (type === 'settings.update' || type === 'backup.import') deps.notifyAllTabs('page.refresh');
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
