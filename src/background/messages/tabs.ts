/**
 * Messages from the popup about a tab: who is on its page, the tone of its open thread, and whether
 * Hallway runs on its site.
 */
import * as repo from '../../shared/db';
import { isGroupAddress, normalizeEmail } from '../../shared/identity';
import type { ThreadSnapshot } from '../../shared/protocol';
import { boolean, literal, object } from '../../shared/validate';
import type { NudgeView, TabPeople, TabPerson } from '../../shared/views';
import { siteOfThread } from '../nudge';
import type { Services } from '../services';
import { message } from './define';
import { host, tabId } from './shapes';

async function tabPeople(services: Services, tabId: number): Promise<TabPeople> {
  const { db, deps } = services;
  const collected = await deps.collectFromTab(tabId);
  if (!collected) return { host: null, isSupported: false, isDisabled: false, people: [] };
  const settings = await repo.getSettings(db);
  const isDisabled = settings.disabledSites.includes(collected.host);
  if (isDisabled) return { host: collected.host, isSupported: true, isDisabled, people: [] };
  await services.learnSelf(collected.identities);
  const matches = await services.identities.match(collected.identities);
  const summaries = new Map((await repo.summariesOf(db, repo.confirmedPersonIds(matches))).map((s) => [s.id, s]));
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
  return { host: collected.host, isSupported: true, isDisabled: false, people, ...(collected.isCapped ? { isCapped: true } : {}) };
}

/**
 * The nudge for the thread open in a tab. The page reported it when it settled, so the reading is
 * usually kept already; after the user acts on the thread (`act`), it is read again.
 */
async function nudgeFor(services: Services, tabId: number, act?: (snapshot: ThreadSnapshot) => Promise<void>): Promise<NudgeView | null> {
  const { deps } = services;
  const snapshot = await deps.readThread(tabId);
  if (!snapshot || !snapshot.messages.length) {
    deps.setBadge(tabId, 'calm', false);
    return null;
  }
  // The page's own messages are the user's: their address or id is the user's on every page.
  await services.learnSelf(snapshot.messages.filter((m) => m.isOwn).map((m) => ({ ...m.author, isSelf: true })));
  let view: NudgeView | null;
  if (act) {
    await act(snapshot);
    view = await services.tabNudges.observe(tabId, snapshot);
  } else {
    view = await services.tabNudges.current(tabId, snapshot);
  }
  deps.setBadge(tabId, view?.level ?? 'calm', view?.isQuiet ?? false);
  return view;
}

export const tabMessages = {
  /** Everyone the page in a tab shows, known people first. */
  'tab.people': message(
    {
      from: 'page',
      payload: object({ tabId }),
    },
    async ({ tabId }, { services }) => tabPeople(services, tabId),
  ),

  /** The tone of the thread open in a tab; null when none is open or Hallway cannot read it. */
  'tab.nudge': message(
    {
      from: 'page',
      payload: object({ tabId }),
    },
    async ({ tabId }, { services }) => nudgeFor(services, tabId),
  ),

  /** "We talked": logs a talk with the people on the other side and calms the thread. */
  'nudge.talked': message(
    {
      from: 'page',
      payload: object({ tabId, kind: literal('in-person', 'call') }),
      invalidates: ['records'],
    },
    async ({ tabId, kind }, { services }) => nudgeFor(services, tabId, (snapshot) => services.nudges.talked(snapshot, siteOfThread(snapshot), kind)),
  ),

  /** "Not now": quiet for this thread until it turns again. */
  'nudge.snooze': message(
    {
      from: 'page',
      payload: object({ tabId }),
    },
    async ({ tabId }, { services }) => nudgeFor(services, tabId, (snapshot) => services.nudges.snooze(snapshot, siteOfThread(snapshot))),
  ),

  /** Switches Hallway off or on for a site, on every open tab of that site. */
  'site.setEnabled': message(
    {
      from: 'page',
      payload: object({ tabId, host, isEnabled: boolean }),
      invalidates: ['settings'],
    },
    async ({ tabId, host, isEnabled }, { services }) => {
      const { disabledSites } = await repo.getSettings(services.db);
      const next = isEnabled ? disabledSites.filter((h) => h !== host) : [...new Set([...disabledSites, host])];
      const settings = await repo.updateSettings(services.db, { disabledSites: next });
      // This tab at once; the others with the change broadcast.
      await services.deps.notifyTab(tabId, 'page.refresh', {});
      return settings;
    },
  ),
};
