/**
 * Keep in touch: a cadence per person ("every 30 days of face time"). A meeting in person or a call
 * resets it; a due reminder can be put off or marked done. Reminders show in the popup and, if the
 * user allows notifications, once a day from an alarm.
 */
import * as repo from '../shared/db';
import type { HallwayDatabase } from '../shared/db';
import type { InteractionKind } from '../shared/model';
import type { Reminder } from '../shared/views';

const DAY_MS = 24 * 60 * 60 * 1000;
/** What counts as face time: seeing someone, or at least hearing them. */
const FACE_TIME: ReadonlySet<InteractionKind> = new Set(['in-person', 'call']);

export async function dueReminders(db: HallwayDatabase, now = Date.now()): Promise<Reminder[]> {
  const due = (await repo.cadenceStates(db, FACE_TIME)).flatMap((state) => {
    if (state.snoozedUntil && Date.parse(state.snoozedUntil) > now) return [];
    // Someone never met is due a cadence after they were added, not from the start of time.
    const since = Date.parse(state.lastAt ?? state.createdAt);
    const overdueDays = Math.floor((now - since) / DAY_MS) - state.cadenceDays;
    return overdueDays >= 0 ? [{ ...state, overdueDays }] : [];
  });
  due.sort((a, b) => b.overdueDays - a.overdueDays);
  const summaries = new Map((await repo.summariesOf(db, due.map((d) => d.personId))).map((s) => [s.id, s]));
  return due.flatMap((d) => {
    const person = summaries.get(d.personId);
    return person ? [{ person, cadenceDays: d.cadenceDays, lastFaceTimeAt: d.lastAt, overdueDays: d.overdueDays }] : [];
  });
}

export async function snoozeReminder(db: HallwayDatabase, personId: string, days: number, now = Date.now()): Promise<void> {
  await repo.snoozeUntil(db, personId, new Date(now + days * DAY_MS).toISOString());
}

/** Done: the user met them or called; the interaction resets the cadence. */
export async function completeReminder(db: HallwayDatabase, personId: string, kind: 'in-person' | 'call'): Promise<void> {
  await repo.addInteraction(db, { personId, kind });
  await repo.clearSnooze(db, personId);
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
