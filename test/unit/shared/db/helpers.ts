/** Shared helpers for the foundation tests: a fresh database per test, and small builders. */
import { afterEach, beforeEach } from 'vitest';
import { HallwayDatabase } from '../../../../src/shared/db/database';
import { exportBackup, type Backup } from '../../../../src/shared/db/backup';
import { emptyPerson, type Person } from '../../../../src/shared/model';

/** Opens a new, uniquely named database before each test and deletes it after. */
export function useFreshDb(): { readonly db: HallwayDatabase } {
  const holder: { db: HallwayDatabase } = { db: undefined as unknown as HallwayDatabase };
  beforeEach(async () => {
    holder.db = new HallwayDatabase('test-' + crypto.randomUUID());
    await holder.db.open();
  });
  afterEach(async () => {
    await holder.db.delete();
  });
  return {
    get db() {
      return holder.db;
    },
  };
}

/** A full, valid person with fixed dates (so two builds compare equal). */
export function person(fields: Partial<Person> & { displayName: string }): Person {
  return emptyPerson({ createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...fields });
}

/** Everything in the database, as a backup without its timestamp: for "nothing changed" checks. */
export async function snapshot(db: HallwayDatabase): Promise<Omit<Backup, 'exportedAt'>> {
  const { exportedAt: _e, ...rest } = await exportBackup(db, 'fixed');
  return rest;
}
