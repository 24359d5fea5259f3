/** What keep-in-touch reminders are computed from: cadences, face-time dates and snoozes. */
import type { InteractionKind } from '../model';
import type { HallwayDatabase } from './database';

export interface CadenceState {
  personId: string;
  cadenceDays: number;
  createdAt: string;
  /** The latest interaction of the given kinds, or null when there was none. */
  lastAt: string | null;
  snoozedUntil: string | null;
}

/** Everyone with a keep-in-touch cadence, with their latest interaction of `kinds`, in one read. */
export async function cadenceStates(db: HallwayDatabase, kinds: ReadonlySet<InteractionKind>): Promise<CadenceState[]> {
  return db.transaction('r', [db.people, db.interactions, db.snoozes], async () => {
    const withCadence = await db.people.filter((row) => row.cadenceDays !== null).toArray();
    const snoozed = new Map((await db.snoozes.toArray()).map((s) => [s.personId, s.until]));
    return Promise.all(
      withCadence.map(async (row) => {
        const interactions = await db.interactions.where('personId').equals(row.id).toArray();
        const lastAt = interactions.filter((i) => kinds.has(i.kind)).reduce<string | null>((a, i) => (!a || i.at > a ? i.at : a), null);
        return { personId: row.id, cadenceDays: row.cadenceDays ?? 0, createdAt: row.createdAt, lastAt, snoozedUntil: snoozed.get(row.id) ?? null };
      }),
    );
  });
}

export async function snoozeUntil(db: HallwayDatabase, personId: string, until: string): Promise<void> {
  await db.snoozes.put({ personId, until });
}

export async function clearSnooze(db: HallwayDatabase, personId: string): Promise<void> {
  await db.snoozes.delete(personId);
}
