/**
 * The in-person nudge: reads the thread open in a tab, keeps its tone history, and says who is on the
 * other side, why it reads sour and what to do. Message text is analysed in memory and never stored;
 * a thread record keeps only scores, levels and the user's choice ("not now", "we talked").
 */
import type { HallwayDatabase } from '../shared/db/database';
import * as repo from '../shared/db/repository';
import { identityKey, normalizeEmail, type PageIdentity } from '../shared/identity';
import { nowIso, type Settings, type Thread } from '../shared/model';
import type { ThreadSnapshot } from '../shared/protocol';
import { analyzeThread, type ThreadTone } from '../shared/tone';
import type { NudgeView, PersonSummary } from '../shared/views';

/** A new history entry at most this often while the level stays the same. */
const HISTORY_EVERY_MS = 60 * 60 * 1000;
const HISTORY_LIMIT = 200;
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function emptyThread(snapshot: ThreadSnapshot, site: string): Thread {
  return {
    key: snapshot.key,
    site,
    url: snapshot.url.slice(0, 2000),
    title: snapshot.title.slice(0, 500),
    participantIds: [],
    toneHistory: [],
    nudge: { state: 'none', until: null, changedAt: null, atMessage: null },
    updatedAt: nowIso(),
  };
}

function analyze(snapshot: ThreadSnapshot, settings: Settings): ThreadTone {
  return analyzeThread(
    snapshot.messages.map((m) => ({
      author: m.isOwn ? 'You' : (m.author.name ?? m.author.email ?? 'Someone'),
      ...(m.author.email ? { email: m.author.email } : {}),
      ...(m.at ? { at: m.at } : {}),
      text: m.text,
    })),
    { sensitivity: settings.toneSensitivity },
  );
}

/** The people on the other side: authors of the thread other than the user, strongest identity first. */
function otherSide(snapshot: ThreadSnapshot): PageIdentity[] {
  const byKey = new Map<string, PageIdentity>();
  for (const message of snapshot.messages) {
    if (message.isOwn) continue;
    const key = identityKey(message.author);
    if (!byKey.has(key)) byKey.set(key, message.author);
  }
  return [...byKey.values()];
}

/**
 * Quiet after the user acted, until the messages written since read sour on their own: a thread
 * calmed by a talk stays calm unless it turns again.
 */
function isQuiet(thread: Thread, snapshot: ThreadSnapshot, settings: Settings, now: number): boolean {
  const { state, until, atMessage } = thread.nudge;
  if (state !== 'talked' && state !== 'snoozed') return false;
  if (state === 'snoozed' && until && Date.parse(until) < now) return false;
  const since = snapshot.messages.slice(atMessage ?? snapshot.messages.length);
  return !since.length || analyze({ ...snapshot, messages: since }, settings).level !== 'sour';
}

function firstName(name: string): string {
  return name.split(/\s+/u)[0] ?? name;
}

function suggestedMessage(names: string[]): string {
  const greeting = names.length ? `Hi ${names.map(firstName).join(' and ')}` : 'Hi';
  return `${greeting}, this thread is getting long, and I think we'd sort it out faster face to face. Could we talk it through in person, or on a quick call, today or tomorrow?`;
}

export class Nudges {
  constructor(
    private readonly db: HallwayDatabase,
    private readonly match: repo.Matcher = (ids) => repo.matchIdentities(db, ids),
  ) {}

  /** Reads the thread, records its level, and returns the nudge for the popup and badge. */
  async read(snapshot: ThreadSnapshot, site: string, now = Date.now()): Promise<NudgeView> {
    const settings = await repo.getSettings(this.db);
    const tone = analyze(snapshot, settings);
    const others = otherSide(snapshot);
    const matches = await this.match(others);
    const personIds = [...new Set(matches.flatMap((m) => (m.personId && m.state !== 'uncertain' ? [m.personId] : [])))];
    const summaries = new Map((await repo.summariesOf(this.db, personIds)).map((s) => [s.id, s]));

    const thread = await this.record(snapshot, site, tone, personIds, now);
    const people = others.map((identity, i) => {
      const match = matches[i];
      const summary: PersonSummary | null = match?.personId && match.state !== 'uncertain' ? (summaries.get(match.personId) ?? null) : null;
      return {
        name: summary?.displayName ?? identity.name ?? identity.email ?? 'Someone',
        email: identity.email ? normalizeEmail(identity.email) : null,
        summary,
      };
    });

    return {
      threadKey: snapshot.key,
      title: snapshot.title,
      level: tone.level,
      score: tone.score,
      summary: tone.summary,
      evidence: tone.evidence.map((e) => ({ author: e.author, phrase: e.phrase, reason: e.reason, messageIndex: e.message })),
      people,
      history: tone.level === 'calm' ? null : await this.history(snapshot.key, personIds, summaries, now),
      isQuiet: isQuiet(thread, snapshot, settings, now),
      suggestedMessage: suggestedMessage(people.map((p) => p.name)),
    };
  }

  /** "We talked": an interaction with everyone on the other side, and a quiet thread. */
  async talked(snapshot: ThreadSnapshot, site: string, kind: 'in-person' | 'call'): Promise<void> {
    const matches = await this.match(otherSide(snapshot));
    const personIds = new Set(matches.flatMap((m) => (m.personId && m.state !== 'uncertain' ? [m.personId] : [])));
    for (const personId of personIds) {
      await repo.addInteraction(this.db, { personId, kind, sourceUrl: snapshot.url, threadKey: snapshot.key, summary: `Talked about “${snapshot.title}”` });
    }
    await this.setState(snapshot, site, 'talked', null);
  }

  /** "Not now": quiet for a day, or until the thread turns again. */
  async snooze(snapshot: ThreadSnapshot, site: string, now = Date.now()): Promise<void> {
    await this.setState(snapshot, site, 'snoozed', new Date(now + 24 * 60 * 60 * 1000).toISOString());
  }

  private async setState(snapshot: ThreadSnapshot, site: string, state: 'talked' | 'snoozed', until: string | null): Promise<void> {
    await this.db.transaction('rw', this.db.threads, async () => {
      const thread = (await this.db.threads.get(snapshot.key)) ?? emptyThread(snapshot, site);
      thread.nudge = { state, until, changedAt: nowIso(), atMessage: snapshot.messages.length };
      thread.updatedAt = nowIso();
      await this.db.threads.put(thread);
    });
  }

  private async record(snapshot: ThreadSnapshot, site: string, tone: ThreadTone, personIds: string[], now: number): Promise<Thread> {
    return this.db.transaction('rw', this.db.threads, async () => {
      const thread = (await this.db.threads.get(snapshot.key)) ?? emptyThread(snapshot, site);
      const last = thread.toneHistory.at(-1);
      const isDue = !last || last.level !== tone.level || now - Date.parse(last.at) > HISTORY_EVERY_MS;
      if (isDue) {
        thread.toneHistory = [...thread.toneHistory, { at: new Date(now).toISOString(), score: Math.round(tone.score * 1000) / 1000, level: tone.level }].slice(-HISTORY_LIMIT);
      }
      thread.title = snapshot.title.slice(0, 500);
      thread.url = snapshot.url.slice(0, 2000);
      // Within the record's limits, so a backup holding it always imports again.
      thread.participantIds = [...new Set([...thread.participantIds, ...personIds])].slice(-500);
      thread.updatedAt = new Date(now).toISOString();
      await this.db.threads.put(thread);
      return thread;
    });
  }

  /** "The second tense thread with Grace this month": counts other threads that turned this month. */
  private async history(threadKey: string, personIds: string[], summaries: Map<string, PersonSummary>, now: number): Promise<string | null> {
    const since = new Date(now - MONTH_MS).toISOString();
    const recent = await this.db.threads.where('updatedAt').aboveOrEqual(since).toArray();
    let best: { name: string; count: number } | null = null;
    for (const personId of personIds) {
      const count = recent.filter(
        (t) => t.key !== threadKey && t.participantIds.includes(personId) && t.toneHistory.some((h) => h.level !== 'calm' && h.at >= since),
      ).length;
      const name = summaries.get(personId)?.displayName;
      if (count > 0 && name && (!best || count > best.count)) best = { name, count };
    }
    if (!best) return null;
    const ordinal = ORDINALS[best.count] ?? `${best.count + 1}th`;
    return `The ${ordinal} tense thread with ${firstName(best.name)} this month.`;
  }
}
