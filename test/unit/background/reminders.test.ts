import { describe, expect, it } from 'vitest';
import { completeReminder, dueReminders, reminderNotice, snoozeReminder } from '../../../src/background/reminders';
import * as repo from '../../../src/shared/db';
import { useFreshDb } from '../shared/db/helpers';

const ctx = useFreshDb();
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-29T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString();

describe('keep in touch', () => {
  it('is due once the cadence has passed since the last meeting or call, most overdue first', async () => {
    const grace = await repo.createPerson(ctx.db, { displayName: 'Grace Hopper', cadenceDays: 30, createdAt: daysAgo(400) });
    const ada = await repo.createPerson(ctx.db, { displayName: 'Ada Lovelace', cadenceDays: 14, createdAt: daysAgo(400) });
    const ben = await repo.createPerson(ctx.db, { displayName: 'Ben Chu', cadenceDays: 30, createdAt: daysAgo(400) });
    await repo.createPerson(ctx.db, { displayName: 'No Cadence', createdAt: daysAgo(400) });
    await repo.addInteraction(ctx.db, { personId: grace.id, kind: 'in-person', at: daysAgo(46) });
    // Chat is not face time: it does not reset the cadence.
    await repo.addInteraction(ctx.db, { personId: grace.id, kind: 'chat', at: daysAgo(1) });
    await repo.addInteraction(ctx.db, { personId: ada.id, kind: 'call', at: daysAgo(20) });
    await repo.addInteraction(ctx.db, { personId: ben.id, kind: 'in-person', at: daysAgo(3) });

    const due = await dueReminders(ctx.db, NOW);
    expect(due.map((r) => [r.person.displayName, r.overdueDays, r.lastFaceTimeAt])).toEqual([
      ['Grace Hopper', 16, daysAgo(46)],
      ['Ada Lovelace', 6, daysAgo(20)],
    ]);
  });

  it('someone never met is due a cadence after they were added', async () => {
    await repo.createPerson(ctx.db, { displayName: 'New Person', cadenceDays: 30, createdAt: daysAgo(10) });
    expect(await dueReminders(ctx.db, NOW)).toEqual([]);
    expect((await dueReminders(ctx.db, NOW + 25 * DAY)).map((r) => r.person.displayName)).toEqual(['New Person']);
  });

  it('a logged meeting resets the cadence; a snooze puts it off', async () => {
    const grace = await repo.createPerson(ctx.db, { displayName: 'Grace Hopper', cadenceDays: 30, createdAt: daysAgo(400) });
    const ada = await repo.createPerson(ctx.db, { displayName: 'Ada Lovelace', cadenceDays: 30, createdAt: daysAgo(400) });
    expect((await dueReminders(ctx.db, NOW)).length).toBe(2);
    await completeReminder(ctx.db, grace.id, 'in-person');
    expect((await repo.getPersonDetail(ctx.db, grace.id)).interactions.map((i) => i.kind)).toEqual(['in-person']);
    await snoozeReminder(ctx.db, ada.id, 7, NOW);
    expect(await dueReminders(ctx.db, NOW)).toEqual([]);
    expect((await dueReminders(ctx.db, NOW + 8 * DAY)).map((r) => r.person.displayName)).toEqual(['Ada Lovelace']);
  });

  it('words the notification', () => {
    expect(reminderNotice([])).toBeNull();
    const reminder = (name: string) => ({ person: { displayName: name } as never, cadenceDays: 30, lastFaceTimeAt: null, overdueDays: 1 });
    expect(reminderNotice([reminder('Grace Hopper')])).toEqual({ title: 'Time to catch up', message: 'It has been a while since you saw Grace Hopper.' });
    expect(reminderNotice(['A', 'B', 'C', 'D', 'E'].map(reminder))?.message).toBe('It has been a while since you saw A, B, C and 2 more.');
  });
});
