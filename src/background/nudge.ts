/**
 * The in-person nudge: reads the thread open in a tab, keeps its tone history, and says who is on the
 * other side, why it is worth talking (it turned sour, or it goes in circles) and what to do. Message
 * text is analysed in memory and never stored; a thread record keeps only scores, levels and the
 * user's choice ("not now", "we talked").
 */
import * as repo from '../shared/db';
import type { HallwayDatabase } from '../shared/db';
import { identityKey, normalizeEmail, type PageIdentity } from '../shared/identity';
import { nowIso, type Settings, type Thread } from '../shared/model';
import type { ThreadSnapshot } from '../shared/protocol';
import { analyzeThread, type ThreadTone, type ToneMessageInput } from '../shared/tone';
import type { NudgeView, PersonSummary } from '../shared/views';

/** The tone analysis, replaceable so tests can hand the nudge a reading of their choosing. */
export type ThreadAnalyser = typeof analyzeThread;
/** The browser's language detector where there is one: the language code, or null when unsure. */
export type LanguageDetector = (text: string) => Promise<string | null>;
/** Enough text to tell a language by, little enough to stay quick. */
const LANGUAGE_SAMPLE = 4000;

type Reason = NudgeView['reason'];

/** A new history entry at most this often while the level stays the same. */
const HISTORY_EVERY_MS = 60 * 60 * 1000;
const HISTORY_LIMIT = 200;
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
/**
 * Author names that are the user: Gmail labels the user's own messages "me", and other apps "You",
 * sometimes without anything else marking the message as theirs.
 */
const SELF_NAMES = new Set(['me', 'you']);
const OWN_AUTHOR = 'You';

// Built once: constructing DisplayNames loads locale data.
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function isSelfName(name: string | undefined): boolean {
  return name !== undefined && SELF_NAMES.has(name.trim().toLowerCase());
}

/**
 * Which messages the user wrote: those the page marks as theirs or names "me", and any other message
 * from the same identity (a thread can label the user "me" in one place and by name in another).
 */
function ownMessages(snapshot: ThreadSnapshot, isKnownSelf: readonly boolean[] = []): boolean[] {
  const selfKeys = new Set<string>();
  snapshot.messages.forEach((m, i) => {
    if (m.isOwn || isSelfName(m.author.name) || isKnownSelf[i]) selfKeys.add(identityKey(m.author));
  });
  return snapshot.messages.map((m) => selfKeys.has(identityKey(m.author)));
}

/** The name the analysis knows an author by; evidence and circling speak of authors by this name. */
function authorLabel(identity: PageIdentity): string {
  return identity.name ?? identity.email ?? 'Someone';
}

function toneInputs(snapshot: ThreadSnapshot, isOwn: readonly boolean[]): ToneMessageInput[] {
  return snapshot.messages.map((m, i) => ({
    author: isOwn[i] ? OWN_AUTHOR : authorLabel(m.author),
    ...(m.author.email ? { email: m.author.email } : {}),
    ...(m.at ? { at: m.at } : {}),
    text: m.text,
    isOwn: isOwn[i] ?? false,
  }));
}

function reasonOf(tone: ThreadTone): Reason {
  // An unread thread's level is a default, not a reading: it suggests nothing either way.
  if (!tone.isRead) return null;
  if (tone.level === 'sour') return 'hostility';
  // Going round in circles says more than a little tension does: the gentler suggestion wins.
  if (tone.circling) return 'circling';
  return tone.level === 'tense' ? 'hostility' : null;
}

/**
 * The people to talk to, never the user, strongest identity first: everyone else on the thread, or,
 * when it goes in circles, those in the back-and-forth.
 */
function otherSide(snapshot: ThreadSnapshot, isOwn: readonly boolean[], tone: ThreadTone): PageIdentity[] {
  const byKey = new Map<string, PageIdentity>();
  snapshot.messages.forEach((message, i) => {
    if (isOwn[i]) return;
    const key = identityKey(message.author);
    if (!byKey.has(key)) byKey.set(key, message.author);
  });
  const everyone = [...byKey.values()];
  if (reasonOf(tone) !== 'circling' || !tone.circling) return everyone;
  const inRun = new Set(tone.circling.authors);
  const circling = everyone.filter((identity) => inRun.has(authorLabel(identity)));
  return circling.length ? circling : everyone;
}

/** "German"; null when the analysis could not tell the language. */
function languageName(code: string): string | null {
  if (!code || code === 'und') return null;
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    // A code that is not well-formed BCP 47 throws; the code is still the best name there is.
    return code;
  }
}

/** "Grace" from "Grace Hopper", and from Outlook's "Hopper, Grace". */
function firstName(name: string): string {
  const comma = name.indexOf(',');
  const given = comma > 0 ? name.slice(comma + 1).trim() : name.trim();
  return given.split(/\s+/u)[0] || name;
}

/**
 * "Hi Grace", "Hi Grace and Sam", "Hi all"; plain "Hi" when someone has only an address to go by, since
 * "Hi grace.hopper@example.com" reads worse than no name.
 */
function greeting(names: readonly (string | null)[]): string {
  if (names.length >= 3) return 'Hi all';
  if (!names.length || names.some((n) => !n)) return 'Hi';
  return `Hi ${names.map((n) => firstName(n!)).join(' and ')}`;
}

function suggestedMessage(reason: Reason, names: readonly (string | null)[]): string {
  const hi = greeting(names);
  if (reason === 'circling') {
    return `${hi}, we've gone back and forth on this a fair bit, and I think a quick call would settle it faster. Do you have 15 minutes today or tomorrow?`;
  }
  return `${hi}, this thread is getting long, and I think we'd sort it out faster face to face. Could we talk it through in person, or on a quick call, today or tomorrow?`;
}

export class Nudges {
  /** Which messages are the user's: what the page marks as theirs, and addresses and ids "These are me" holds. */
  private async ownMessages(snapshot: ThreadSnapshot): Promise<boolean[]> {
    const matches = await this.match(snapshot.messages.map((m) => m.author));
    return ownMessages(
      snapshot,
      matches.map((m) => m?.state === 'self'),
    );
  }

  constructor(
    private readonly db: HallwayDatabase,
    private readonly match: repo.Matcher,
    private readonly analyse: ThreadAnalyser = analyzeThread,
    private readonly detectLanguage: LanguageDetector = async () => null,
  ) {}

  /** Takes a reading of the thread, records its level, and returns the nudge for the popup and badge. */
  async observe(snapshot: ThreadSnapshot, site: string, now = Date.now()): Promise<NudgeView> {
    const settings = await repo.getSettings(this.db);
    const isOwn = await this.ownMessages(snapshot);
    const inputs = toneInputs(snapshot, isOwn);
    const language = await this.detectLanguage(inputs.map((m) => m.text).join('\n').slice(0, LANGUAGE_SAMPLE));
    const tone = this.analyse(inputs, { sensitivity: settings.toneSensitivity, ...(language ? { language } : {}) });
    const reason = reasonOf(tone);
    const others = otherSide(snapshot, isOwn, tone);
    const matches = await this.match(others);
    const personIds = repo.confirmedPersonIds(matches);
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
    const greetNames = people.map((person, i) => person.summary?.displayName ?? others[i]?.name ?? null);

    return {
      threadKey: snapshot.key,
      title: snapshot.title,
      level: tone.level,
      score: tone.score,
      reason,
      circling: tone.isRead && tone.circling ? { turns: tone.circling.turns, since: tone.circling.since } : null,
      isRead: tone.isRead,
      unreadLanguage: tone.isRead ? null : languageName(tone.language),
      summary: tone.summary,
      evidence: tone.evidence.map((e) => ({ author: e.author, phrase: e.phrase, reason: e.reason, messageIndex: e.message })),
      people,
      history: reason === 'hostility' ? await this.history(snapshot.key, personIds, summaries, now) : null,
      isQuiet: this.isQuiet(thread, inputs, settings, now),
      suggestedMessage: suggestedMessage(reason, greetNames),
    };
  }

  /** "We talked": an interaction with everyone the nudge named, and a quiet thread. */
  async talked(snapshot: ThreadSnapshot, site: string, kind: 'in-person' | 'call'): Promise<void> {
    const settings = await repo.getSettings(this.db);
    const isOwn = await this.ownMessages(snapshot);
    const tone = this.analyse(toneInputs(snapshot, isOwn), { sensitivity: settings.toneSensitivity });
    const matches = await this.match(otherSide(snapshot, isOwn, tone));
    const personIds = repo.confirmedPersonIds(matches);
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
    await repo.updateThread(this.db, snapshot, site, (thread) => {
      thread.nudge = { state, until, changedAt: nowIso(), atMessage: snapshot.messages.length };
      thread.updatedAt = nowIso();
    });
  }

  private async record(snapshot: ThreadSnapshot, site: string, tone: ThreadTone, personIds: string[], now: number): Promise<Thread> {
    return repo.updateThread(this.db, snapshot, site, (thread) => {
      const last = thread.toneHistory.at(-1);
      const isDue = !last || last.level !== tone.level || now - Date.parse(last.at) > HISTORY_EVERY_MS;
      // An unread thread's level is a default: recorded, it would count as a calm reading.
      if (tone.isRead && isDue) {
        thread.toneHistory = [...thread.toneHistory, { at: new Date(now).toISOString(), score: Math.round(tone.score * 1000) / 1000, level: tone.level }].slice(-HISTORY_LIMIT);
      }
      thread.title = snapshot.title.slice(0, 500);
      thread.url = snapshot.url.slice(0, 2000);
      // Within the record's limits, so a backup holding it always imports again.
      thread.participantIds = [...new Set([...thread.participantIds, ...personIds])].slice(-500);
      thread.updatedAt = new Date(now).toISOString();
    });
  }

  /**
   * Quiet after the user acted, until the messages written since call for a talk on their own: a
   * thread calmed by a talk stays calm unless it turns sour or starts going in circles again.
   */
  private isQuiet(thread: Thread, inputs: readonly ToneMessageInput[], settings: Settings, now: number): boolean {
    const { state, until, atMessage } = thread.nudge;
    if (state !== 'talked' && state !== 'snoozed') return false;
    if (state === 'snoozed' && until && Date.parse(until) < now) return false;
    const since = inputs.slice(atMessage ?? inputs.length);
    if (!since.length) return true;
    const tone = this.analyse(since, { sensitivity: settings.toneSensitivity });
    const reason = reasonOf(tone);
    // Mere tension since the talk is not enough to bring the nudge back.
    return !(reason === 'circling' || (reason === 'hostility' && tone.level === 'sour'));
  }

  /** "The second tense thread with Grace this month": counts other threads that turned this month. */
  private async history(threadKey: string, personIds: string[], summaries: Map<string, PersonSummary>, now: number): Promise<string | null> {
    const since = new Date(now - MONTH_MS).toISOString();
    const recent = await repo.threadsUpdatedSince(this.db, since);
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

/** The site is the thread key's prefix (`gmail:…`), set by the adapter that read it. */
export function siteOfThread(snapshot: ThreadSnapshot): string {
  return snapshot.key.split(':')[0] ?? 'generic';
}

/** What a thread shows: the same messages with the same text give the same reading. */
function fingerprint(snapshot: ThreadSnapshot): string {
  return [snapshot.key, ...snapshot.messages.map((m) => `${m.id}:${m.text.length}:${m.isOwn ? 1 : 0}`)].join('\n');
}

/** Tabs whose last reading is kept; a tab closed long ago need not hold memory. */
const KEPT_TABS = 100;

/**
 * The nudge of each tab's open thread, kept from its last reading: the page reports its thread when
 * it settles, and the popup then shows that reading instead of reading and analysing the thread again.
 */
export class TabNudges {
  private readonly views = new Map<number, { fingerprint: string; view: NudgeView }>();

  constructor(private readonly nudges: Nudges) {}

  /** Reads the thread afresh (and records it): after the page changed, or the user acted on it. */
  async observe(tabId: number, snapshot: ThreadSnapshot): Promise<NudgeView | null> {
    this.views.delete(tabId);
    if (!snapshot.messages.length) return null;
    const view = await this.nudges.observe(snapshot, siteOfThread(snapshot));
    this.views.set(tabId, { fingerprint: fingerprint(snapshot), view });
    if (this.views.size > KEPT_TABS) this.views.delete(this.views.keys().next().value!);
    return view;
  }

  /** The nudge for the thread as the tab shows it now: the kept reading, if the thread is unchanged. */
  async current(tabId: number, snapshot: ThreadSnapshot): Promise<NudgeView | null> {
    const kept = this.views.get(tabId);
    return kept && kept.fingerprint === fingerprint(snapshot) ? kept.view : this.observe(tabId, snapshot);
  }

  /** Who is known changed: readings name people and their notes count, so none is kept. */
  clear(): void {
    this.views.clear();
  }
}
