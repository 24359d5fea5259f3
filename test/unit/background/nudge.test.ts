import { describe, expect, it } from 'vitest';
import { Nudges, type ThreadAnalyser } from '../../../src/background/nudge';
import * as repo from '../../../src/shared/db';
import type { PageIdentity } from '../../../src/shared/identity';
import { threadCheck } from '../../../src/shared/model';
import type { ThreadSnapshot } from '../../../src/shared/protocol';
import { analyzeThread, type ThreadTone, type ToneMessageInput } from '../../../src/shared/tone';
import { useFreshDb } from '../shared/db/helpers';

const ctx = useFreshDb();
/** Matches against the database as it is now, as the worker's cached index does. */
const matcher = (): repo.Matcher => (identities) => repo.matchIdentities(ctx.db, identities);

const GRACE = { name: 'Grace Hopper', siteId: { site: 'slack' as const, id: 'U0GRACE001' } };
const LUKASZ = { name: 'Łukasz Żółć', siteId: { site: 'slack' as const, id: 'U0LUKASZ02' } };

const SOUR = [
  [GRACE, 'Hi Łukasz, could you share the Q3 budget numbers when you get a chance? Thanks!'],
  [LUKASZ, "Sure, I'll send them by Friday."],
  [GRACE, 'Just circling back again on the numbers.'],
  [LUKASZ, "As previously stated, they're coming Friday."],
  [GRACE, 'Per my last email, I needed them YESTERDAY. This is NOT acceptable!!!'],
  [LUKASZ, "Honestly this is ridiculous. Stop pinging me every hour, you're being completely unreasonable."],
] as const;

function thread(key: string, lines: readonly (readonly [typeof GRACE, string])[]): ThreadSnapshot {
  return {
    key,
    title: 'Q3 budget',
    url: `https://app.slack.com/client/T0/${key}`,
    messages: lines.map(([author, text], i) => ({ id: `m${i}`, author, isOwn: false, text })),
  };
}

async function addPeople() {
  const grace = await repo.createPerson(ctx.db, { displayName: 'Grace Hopper', siteIds: [GRACE.siteId], team: 'Platform' });
  const lukasz = await repo.createPerson(ctx.db, { displayName: 'Łukasz Żółć', siteIds: [LUKASZ.siteId] });
  return { grace, lukasz };
}

describe('the nudge', () => {
  it('in a two-person argument, greets only the other side when "These are me" says which one is the user', async () => {
    await addPeople();
    // The page marks none of the messages as the user's; the settings know the user's Slack id.
    await repo.updateSettings(ctx.db, { me: { emails: [], siteIds: [LUKASZ.siteId] } });
    const view = await new Nudges(ctx.db, matcher()).observe(thread('slack:C1:me', SOUR), 'slack');
    expect(view.level).toBe('sour');
    expect(view.people.map((p) => p.name)).toEqual(['Grace Hopper']);
    expect(view.suggestedMessage).toMatch(/^Hi Grace,/u);
  });

  it('reads a sour thread: who, why, and a message to send', async () => {
    const { grace } = await addPeople();
    const view = await new Nudges(ctx.db, matcher()).observe(thread('slack:C1:1', SOUR), 'slack');
    expect(view.level).toBe('sour');
    expect(view.isQuiet).toBe(false);
    expect(view.people.map((p) => [p.name, p.summary?.id ?? null])).toEqual([
      ['Grace Hopper', grace.id],
      ['Łukasz Żółć', expect.any(String)],
    ]);
    expect(view.evidence.map((e) => e.phrase)).toEqual(expect.arrayContaining(['Per my last email', 'ridiculous']));
    expect(view.evidence.find((e) => e.phrase === 'Per my last email')).toMatchObject({ author: 'Grace Hopper', messageIndex: 4 });
    expect(view.suggestedMessage).toMatch(/^Hi Grace and Łukasz, .*in person, or on a quick call/u);
    expect(view.history).toBeNull();
  });

  it('reads a calm thread as calm and keeps only levels and scores, never text', async () => {
    await addPeople();
    const calm = thread('slack:C1:2', [
      [GRACE, 'Could you review the rollout plan today? Thanks!'],
      [LUKASZ, 'Sure, looking now. Small question on step 3, otherwise looks good.'],
    ]);
    const view = await new Nudges(ctx.db, matcher()).observe(calm, 'slack');
    expect(view.level).toBe('calm');
    const stored = await ctx.db.threads.get('slack:C1:2');
    expect(stored?.toneHistory).toEqual([{ at: expect.any(String), score: expect.any(Number), level: 'calm' }]);
    expect(JSON.stringify(stored)).not.toContain('rollout plan');
  });

  it('"we talked in person" logs it with everyone on the other side and quiets the thread until it turns again', async () => {
    const { grace, lukasz } = await addPeople();
    const nudges = new Nudges(ctx.db, matcher());
    const snapshot = thread('slack:C1:3', SOUR);
    await nudges.talked(snapshot, 'slack', 'in-person');
    for (const person of [grace, lukasz]) {
      const detail = await repo.getPersonDetail(ctx.db, person.id);
      expect(detail.interactions.map((i) => [i.kind, i.threadKey, i.isAuto])).toEqual([['in-person', 'slack:C1:3', false]]);
    }
    expect((await nudges.observe(snapshot, 'slack')).isQuiet).toBe(true);

    // A friendly follow-up keeps it quiet; a new sour turn brings the nudge back.
    const friendly = thread('slack:C1:3', [...SOUR, [GRACE, 'Thanks for the chat, sorted now!']]);
    expect((await nudges.observe(friendly, 'slack')).isQuiet).toBe(true);
    const again = thread('slack:C1:3', [
      ...SOUR,
      [GRACE, 'Per my last email, this is STILL not done!!! Completely unacceptable.'],
      [LUKASZ, 'This is ridiculous, stop harassing me, you are being a jerk.'],
    ]);
    expect((await nudges.observe(again, 'slack')).isQuiet).toBe(false);
  });

  it('"not now" quiets the thread for a day', async () => {
    await addPeople();
    const nudges = new Nudges(ctx.db, matcher());
    const snapshot = thread('slack:C1:4', SOUR);
    const now = Date.parse('2026-11-29T10:00:00.000Z');
    await nudges.snooze(snapshot, 'slack', now);
    expect((await nudges.observe(snapshot, 'slack', now + 60_000)).isQuiet).toBe(true);
    expect((await nudges.observe(snapshot, 'slack', now + 25 * 60 * 60 * 1000)).isQuiet).toBe(false);
  });

  it('says when this is not the first tense thread with someone this month', async () => {
    await addPeople();
    const nudges = new Nudges(ctx.db, matcher());
    await nudges.observe(thread('slack:C2:1', SOUR), 'slack');
    const second = await nudges.observe(thread('slack:C2:2', SOUR), 'slack');
    expect(second.history).toBe('The second tense thread with Grace this month.');
  });
});

const SAM = { name: 'Sam Okafor', email: 'sam@example.com' };
const ME = { name: 'Ada Lovelace', email: 'ada@example.com' };

type Line = readonly [PageIdentity, string, { isOwn?: boolean; at?: string }?];

function snapshotOf(key: string, lines: readonly Line[]): ThreadSnapshot {
  return {
    key,
    title: 'Launch checklist',
    url: `https://mail.example.com/${key}`,
    messages: lines.map(([author, text, extra], i) => ({ id: `m${i}`, author, isOwn: extra?.isOwn ?? false, text, ...(extra?.at ? { at: extra.at } : {}) })),
  };
}

/** A complete calm reading, whatever fields the tone engine adds: its answer for an empty thread. */
const CALM: ThreadTone = { ...analyzeThread([]), level: 'calm', language: 'en', isRead: true, circling: null, summary: 'The conversation reads calm.' };

/**
 * The tone engine's reading is the other half of this work; these tests hand the nudge the reading
 * they need and keep what it was asked about.
 */
function reads(reading: (messages: readonly ToneMessageInput[]) => Partial<ThreadTone>): ThreadAnalyser & { calls: ToneMessageInput[][] } {
  const calls: ToneMessageInput[][] = [];
  const analyse = (messages: readonly ToneMessageInput[]) => {
    calls.push([...messages]);
    return { ...CALM, ...reading(messages) };
  };
  return Object.assign(analyse, { calls });
}

/** Circling when at least `min` messages go back and forth; the run is everyone but the user. */
function circlesFrom(min: number, since: string | null = null) {
  return reads((messages) =>
    messages.length >= min
      ? { circling: { turns: messages.length - 1, since, authors: [...new Set(messages.map((m) => m.author))] } }
      : {},
  );
}

function backAndForth(n: number, a: PageIdentity, b: PageIdentity, own?: PageIdentity): Line[] {
  return Array.from({ length: n }, (_, i): Line => {
    const author = i % 2 ? b : a;
    return [author, `Round ${i}: what about the date?`, { isOwn: author === own, at: new Date(Date.UTC(2026, 10, 24, 9, i)).toISOString() }];
  });
}

describe('a thread that goes in circles', () => {
  it('suggests a quick call, gently, to the people in the back-and-forth', async () => {
    const { grace } = await addPeople();
    const since = '2026-11-24T09:00:00.000Z';
    const analyse = circlesFrom(8, since);
    const view = await new Nudges(ctx.db, matcher(), analyse).observe(snapshotOf('mail:circle:1', backAndForth(12, GRACE, ME, ME)), 'gmail');
    expect(view).toMatchObject({ level: 'calm', reason: 'circling', circling: { turns: 11, since }, isRead: true, unreadLanguage: null, history: null, isQuiet: false });
    expect(view.people.map((p) => [p.name, p.summary?.id])).toEqual([['Grace Hopper', grace.id]]);
    expect(view.suggestedMessage).toMatch(/^Hi Grace, .*quick call/u);
    expect(view.suggestedMessage).not.toMatch(/face to face|heated|in person/u);
    // The reading knows whose messages are the user's.
    expect(analyse.calls[0]!.map((m) => [m.author, m.isOwn]).slice(0, 2)).toEqual([
      ['Grace Hopper', false],
      ['You', true],
    ]);
    const stored = await ctx.db.threads.get('mail:circle:1');
    expect(stored?.toneHistory.map((h) => h.level)).toEqual(['calm']);
    expect(threadCheck(stored).ok).toBe(true);
  });

  it('greets only those in the run when others wrote earlier', async () => {
    await addPeople();
    const lines: Line[] = [[SAM, 'Adding Grace and Łukasz, who own the date.'], ...backAndForth(10, GRACE, LUKASZ)];
    const analyse = reads((messages) => ({
      circling: messages.length >= 8 ? { turns: 9, since: null, authors: ['Grace Hopper', 'Łukasz Żółć'] } : null,
    }));
    const view = await new Nudges(ctx.db, matcher(), analyse).observe(snapshotOf('mail:circle:2', lines), 'gmail');
    expect(view.people.map((p) => p.name)).toEqual(['Grace Hopper', 'Łukasz Żółć']);
    expect(view.suggestedMessage).toMatch(/^Hi Grace and Łukasz, /u);
  });

  it('"we had a call" logs it with the people in the run, and the nudge stays away until it circles again', async () => {
    const { grace } = await addPeople();
    const nudges = new Nudges(ctx.db, matcher(), circlesFrom(8));
    const lines = backAndForth(10, GRACE, ME, ME);
    await nudges.talked(snapshotOf('mail:circle:3', lines), 'gmail', 'call');
    const detail = await repo.getPersonDetail(ctx.db, grace.id);
    expect(detail.interactions.map((i) => [i.kind, i.threadKey])).toEqual([['call', 'mail:circle:3']]);
    expect((await nudges.observe(snapshotOf('mail:circle:3', lines), 'gmail')).isQuiet).toBe(true);
    const more = [...lines, ...backAndForth(4, GRACE, ME, ME)];
    expect((await nudges.observe(snapshotOf('mail:circle:3', more), 'gmail')).isQuiet).toBe(true);
    const again = [...lines, ...backAndForth(8, GRACE, ME, ME)];
    expect((await nudges.observe(snapshotOf('mail:circle:3', again), 'gmail')).isQuiet).toBe(false);
  });

  it('a hostile thread that also circles is about the hostility', async () => {
    await addPeople();
    const analyse = reads(() => ({ level: 'sour', score: 0.8, circling: { turns: 9, since: null, authors: ['Grace Hopper', 'You'] } }));
    const view = await new Nudges(ctx.db, matcher(), analyse).observe(snapshotOf('mail:circle:4', backAndForth(10, GRACE, ME, ME)), 'gmail');
    expect(view.reason).toBe('hostility');
    expect(view.suggestedMessage).toMatch(/face to face/u);
  });
});

describe('a thread in a language the tone analysis does not read', () => {
  const german = reads(() => ({ language: 'de', isRead: false, summary: 'The conversation reads calm.' }));

  it('suggests nothing, names the language, and records no reading', async () => {
    await addPeople();
    const nudges = new Nudges(ctx.db, matcher(), german);
    const view = await nudges.observe(snapshotOf('mail:de:1', [[GRACE, 'Können wir das heute klären?'], [LUKASZ, 'Ja, gerne.']]), 'gmail');
    expect(view).toMatchObject({ isRead: false, unreadLanguage: 'German', reason: null, circling: null, history: null });
    const stored = await ctx.db.threads.get('mail:de:1');
    expect(stored?.toneHistory).toEqual([]);
    expect(threadCheck(stored).ok).toBe(true);
    // A later read that is understood starts the history afresh.
    await new Nudges(ctx.db, matcher()).observe(snapshotOf('mail:de:1', [[GRACE, 'Could we sort this out today?']]), 'gmail');
    expect((await ctx.db.threads.get('mail:de:1'))?.toneHistory.map((h) => h.level)).toEqual(['calm']);
  });

  it("trusts the browser's language detector over the built-in one when it is sure", async () => {
    await addPeople();
    const lines: Line[] = [[GRACE, 'Per my last email, I need the numbers today.'], [LUKASZ, 'Sent.']];
    const french = await new Nudges(ctx.db, matcher(), undefined, async () => 'fr').observe(snapshotOf('mail:lang:1', lines), 'gmail');
    expect(french).toMatchObject({ isRead: false, unreadLanguage: 'French' });
    const unsure = await new Nudges(ctx.db, matcher(), undefined, async () => null).observe(snapshotOf('mail:lang:2', lines), 'gmail');
    expect(unsure).toMatchObject({ isRead: true, unreadLanguage: null });
  });

  it('falls back to the code for a language without an English name, and to nothing when unknown', async () => {
    const lines: Line[] = [[GRACE, '…']];
    const unnamed = await new Nudges(ctx.db, matcher(), reads(() => ({ language: 'qaa', isRead: false }))).observe(snapshotOf('mail:x:1', lines), 'gmail');
    expect(unnamed.unreadLanguage).toBe('qaa');
    const unknown = await new Nudges(ctx.db, matcher(), reads(() => ({ language: 'und', isRead: false }))).observe(snapshotOf('mail:x:2', lines), 'gmail');
    expect(unknown.unreadLanguage).toBeNull();
  });

  it('suggests nothing even when the level it defaulted to is not calm', async () => {
    await addPeople();
    const unreadSour = reads(() => ({ level: 'sour', score: 0.9, isRead: false, language: 'fr' }));
    const view = await new Nudges(ctx.db, matcher(), unreadSour).observe(snapshotOf('mail:fr:1', [[GRACE, 'Non.']]), 'gmail');
    expect(view.reason).toBeNull();
  });
});

describe('who the nudge greets', () => {
  const sour = reads(() => ({ level: 'sour', score: 0.8 }));
  const greetingOf = async (key: string, lines: readonly Line[]) =>
    (await new Nudges(ctx.db, matcher(), sour).observe(snapshotOf(key, lines), 'gmail')).suggestedMessage.split(',')[0];

  it('one, two, or everyone', async () => {
    await addPeople();
    expect(await greetingOf('mail:g:1', [[GRACE, 'a'], [ME, 'b', { isOwn: true }]])).toBe('Hi Grace');
    expect(await greetingOf('mail:g:2', [[GRACE, 'a'], [SAM, 'b'], [ME, 'c', { isOwn: true }]])).toBe('Hi Grace and Sam');
    expect(await greetingOf('mail:g:3', [[GRACE, 'a'], [SAM, 'b'], [LUKASZ, 'c']])).toBe('Hi all');
  });

  it('never the user: their own messages, "me" and "You", and the same identity under another name', async () => {
    await addPeople();
    const view = await new Nudges(ctx.db, matcher(), sour).observe(
      snapshotOf('mail:g:4', [
        [GRACE, 'a'],
        [{ name: 'me', email: ME.email }, 'b'],
        [ME, 'c'],
        [{ name: 'You' }, 'd'],
        [{ name: 'Ada', email: 'ADA@example.com' }, 'e', { isOwn: true }],
      ]),
      'gmail',
    );
    expect(view.people.map((p) => p.name)).toEqual(['Grace Hopper']);
    expect(view.suggestedMessage).toMatch(/^Hi Grace, /u);
    expect(sour.calls.at(-1)!.map((m) => m.isOwn)).toEqual([false, true, true, true, true]);
  });

  it('by first name, also from "Last, First", and not by an address', async () => {
    expect(await greetingOf('mail:g:5', [[{ name: 'Hopper, Grace', email: 'grace@example.com' }, 'a']])).toBe('Hi Grace');
    expect(await greetingOf('mail:g:6', [[{ email: 'grace@example.com' }, 'a']])).toBe('Hi');
  });
});

describe('interactions logged for the user', () => {
  it('logs opening a thread once per thread, person and day, with no message text', async () => {
    const { logThreadVisit } = await import('../../../src/background/auto-log');
    const { grace, lukasz } = await addPeople();
    const snapshot = thread('slack:C3:1', SOUR);
    const morning = new Date('2026-11-29T09:00:00.000Z');
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', matcher(), morning)).toBe(2);
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', matcher(), new Date('2026-11-29T17:00:00.000Z'))).toBe(0);
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', matcher(), new Date('2026-11-30T09:00:00.000Z'))).toBe(2);
    const detail = await repo.getPersonDetail(ctx.db, grace.id);
    expect(detail.interactions.map((i) => [i.kind, i.isAuto, i.sourceUrl, i.summary])).toEqual([
      ['chat', true, snapshot.url, undefined],
      ['chat', true, snapshot.url, undefined],
    ]);
    expect((await repo.getPersonDetail(ctx.db, lukasz.id)).interactions).toHaveLength(2);
    expect(JSON.stringify(await ctx.db.interactions.toArray())).not.toContain('budget numbers');
  });

  it('logs nothing when switched off, and nothing for people not in Hallway', async () => {
    const { logThreadVisit } = await import('../../../src/background/auto-log');
    expect(await logThreadVisit(ctx.db, thread('slack:C3:2', SOUR), 'slack', matcher())).toBe(0);
    await addPeople();
    await repo.updateSettings(ctx.db, { isAutoLogOn: false });
    expect(await logThreadVisit(ctx.db, thread('slack:C3:2', SOUR), 'slack', matcher())).toBe(0);
    expect(await ctx.db.interactions.count()).toBe(0);
  });
});

describe('page strings of any length', () => {
  it('a thread with an absurdly long subject is stored within limits, so the backup still imports', async () => {
    const { exportBackup, importBackup } = await import('../../../src/shared/db/backup');
    const { HallwayDatabase } = await import('../../../src/shared/db/database');
    await addPeople();
    const long = { ...thread('slack:C9:1', SOUR), title: 'Re: '.repeat(300), url: `https://app.slack.com/${'x'.repeat(3000)}` };
    await new Nudges(ctx.db, matcher()).observe(long, 'slack');
    const backup = await exportBackup(ctx.db);
    const fresh = new HallwayDatabase(`test-${crypto.randomUUID()}`);
    try {
      expect(await importBackup(fresh, JSON.parse(JSON.stringify(backup)), 'replace')).toMatchObject({ ok: true });
    } finally {
      await fresh.delete();
    }
  });
});
