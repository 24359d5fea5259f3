import { describe, expect, it } from 'vitest';
import { Nudges } from '../../../src/background/nudge';
import * as repo from '../../../src/shared/db/repository';
import type { ThreadSnapshot } from '../../../src/shared/protocol';
import { useFreshDb } from '../foundation/helpers';

const ctx = useFreshDb();

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
  it('reads a sour thread: who, why, and a message to send', async () => {
    const { grace } = await addPeople();
    const view = await new Nudges(ctx.db).read(thread('slack:C1:1', SOUR), 'slack');
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
    const view = await new Nudges(ctx.db).read(calm, 'slack');
    expect(view.level).toBe('calm');
    const stored = await ctx.db.threads.get('slack:C1:2');
    expect(stored?.toneHistory).toEqual([{ at: expect.any(String), score: expect.any(Number), level: 'calm' }]);
    expect(JSON.stringify(stored)).not.toContain('rollout plan');
  });

  it('"we talked in person" logs it with everyone on the other side and quiets the thread until it turns again', async () => {
    const { grace, lukasz } = await addPeople();
    const nudges = new Nudges(ctx.db);
    const snapshot = thread('slack:C1:3', SOUR);
    await nudges.talked(snapshot, 'slack', 'in-person');
    for (const person of [grace, lukasz]) {
      const detail = await repo.getPersonDetail(ctx.db, person.id);
      expect(detail.interactions.map((i) => [i.kind, i.threadKey, i.isAuto])).toEqual([['in-person', 'slack:C1:3', false]]);
    }
    expect((await nudges.read(snapshot, 'slack')).isQuiet).toBe(true);

    // A friendly follow-up keeps it quiet; a new sour turn brings the nudge back.
    const friendly = thread('slack:C1:3', [...SOUR, [GRACE, 'Thanks for the chat, sorted now!']]);
    expect((await nudges.read(friendly, 'slack')).isQuiet).toBe(true);
    const again = thread('slack:C1:3', [
      ...SOUR,
      [GRACE, 'Per my last email, this is STILL not done!!! Completely unacceptable.'],
      [LUKASZ, 'This is ridiculous, stop harassing me, you are being a jerk.'],
    ]);
    expect((await nudges.read(again, 'slack')).isQuiet).toBe(false);
  });

  it('"not now" quiets the thread for a day', async () => {
    await addPeople();
    const nudges = new Nudges(ctx.db);
    const snapshot = thread('slack:C1:4', SOUR);
    const now = Date.parse('2026-11-29T10:00:00.000Z');
    await nudges.snooze(snapshot, 'slack', now);
    expect((await nudges.read(snapshot, 'slack', now + 60_000)).isQuiet).toBe(true);
    expect((await nudges.read(snapshot, 'slack', now + 25 * 60 * 60 * 1000)).isQuiet).toBe(false);
  });

  it('says when this is not the first tense thread with someone this month', async () => {
    await addPeople();
    const nudges = new Nudges(ctx.db);
    await nudges.read(thread('slack:C2:1', SOUR), 'slack');
    const second = await nudges.read(thread('slack:C2:2', SOUR), 'slack');
    expect(second.history).toBe('The second tense thread with Grace this month.');
  });
});

describe('interactions logged for the user', () => {
  it('logs opening a thread once per thread, person and day, with no message text', async () => {
    const { logThreadVisit } = await import('../../../src/background/auto-log');
    const { grace, lukasz } = await addPeople();
    const snapshot = thread('slack:C3:1', SOUR);
    const morning = new Date('2026-11-29T09:00:00.000Z');
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', morning)).toBe(2);
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', new Date('2026-11-29T17:00:00.000Z'))).toBe(0);
    expect(await logThreadVisit(ctx.db, snapshot, 'slack', new Date('2026-11-30T09:00:00.000Z'))).toBe(2);
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
    expect(await logThreadVisit(ctx.db, thread('slack:C3:2', SOUR), 'slack')).toBe(0);
    await addPeople();
    await repo.updateSettings(ctx.db, { isAutoLogOn: false });
    expect(await logThreadVisit(ctx.db, thread('slack:C3:2', SOUR), 'slack')).toBe(0);
    expect(await ctx.db.interactions.count()).toBe(0);
  });
});

describe('page strings of any length', () => {
  it('a thread with an absurdly long subject is stored within limits, so the backup still imports', async () => {
    const { exportBackup, importBackup } = await import('../../../src/shared/db/backup');
    const { HallwayDatabase } = await import('../../../src/shared/db/database');
    await addPeople();
    const long = { ...thread('slack:C9:1', SOUR), title: 'Re: '.repeat(300), url: `https://app.slack.com/${'x'.repeat(3000)}` };
    await new Nudges(ctx.db).read(long, 'slack');
    const backup = await exportBackup(ctx.db);
    const fresh = new HallwayDatabase(`test-${crypto.randomUUID()}`);
    try {
      expect(await importBackup(fresh, JSON.parse(JSON.stringify(backup)), 'replace')).toMatchObject({ ok: true });
    } finally {
      await fresh.delete();
    }
  });
});
