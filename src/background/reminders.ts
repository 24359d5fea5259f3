/**
 * Keep in touch: a cadence per person ("every 30 days of face time"). A meeting in person or a call
 * resets it; a due reminder can be put off or marked done. Reminders show in the popup and, if the
 * user allows notifications, once a day from an alarm.
 */
import type { HallwayDatabase } from '../shared/db/database';
import * as repo from '../shared/db/repository';
import type { InteractionKind } from '../shared/model';
import type { Reminder } from '../shared/views';

const DAY_MS = 24 * 60 * 60 * 1000;
/** What counts as face time: seeing someone, or at least hearing them. */
const FACE_TIME: ReadonlySet<InteractionKind> = new Set(['in-person', 'call']);

export async function dueReminders(db: HallwayDatabase, now = Date.now()): Promise<Reminder[]> {
  return db.transaction('r', [db.people, db.interactions, db.snoozes, db.notes, db.favours], async () => {
    const withCadence = await db.people.filter((row) => row.cadenceDays !== null).toArray();
    const snoozed = new Map((await db.snoozes.toArray()).map((s) => [s.personId, s.until]));
    const due: { id: string; cadenceDays: number; last: string | null; overdueDays: number }[] = [];
    for (const row of withCadence) {
      const cadenceDays = row.cadenceDays ?? 0;
      const until = snoozed.get(row.id);
      if (until && Date.parse(until) > now) continue;
      const interactions = await db.interactions.where('personId').equals(row.id).toArray();
      const last = interactions.filter((i) => FACE_TIME.has(i.kind)).reduce<string | null>((a, i) => (!a || i.at > a ? i.at : a), null);
      // Someone never met is due a cadence after they were added, not from the start of time.
      const since = Date.parse(last ?? row.createdAt);
      const overdueDays = Math.floor((now - since) / DAY_MS) - cadenceDays;
      if (overdueDays >= 0) due.push({ id: row.id, cadenceDays, last, overdueDays });
    }
    due.sort((a, b) => b.overdueDays - a.overdueDays);
    const summaries = new Map((await repo.summariesOf(db, due.map((d) => d.id))).map((s) => [s.id, s]));
    return due.flatMap((d) => {
      const person = summaries.get(d.id);
      return person ? [{ person, cadenceDays: d.cadenceDays, lastFaceTimeAt: d.last, overdueDays: d.overdueDays }] : [];
    });
  });
}

export async function snoozeReminder(db: HallwayDatabase, personId: string, days: number, now = Date.now()): Promise<void> {
  await db.snoozes.put({ personId, until: new Date(now + days * DAY_MS).toISOString() });
}

/** Done: the user met them or called; the interaction resets the cadence. */
export async function completeReminder(db: HallwayDatabase, personId: string, kind: 'in-person' | 'call'): Promise<void> {
  await repo.addInteraction(db, { personId, kind });
  await db.snoozes.delete(personId);
}

/** The notification's text, or null when nobody is due. */
export function reminderNotice(reminders: Reminder[]): { title: string; message: string } | null {
  if (!reminders.length) return null;
  const names = reminders.slice(0, 3).map((r) => r.person.displayName);
  const more = reminders.length > 3 ? ` and ${reminders.length - 3} more` : '';
  return {
    title: reminders.length === 1 ? 'Time to catch up' : `${reminders.length} people to catch up with`,
    message: `It has been a while since you saw ${names.join(', ')}${more}.`,
  };
}
