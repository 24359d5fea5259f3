/** Settings, one row per key, each falling back to its default on its own. */
import { DEFAULT_SETTINGS, settingsCheck, type Settings } from '../model';
import { formatProblems } from '../validate';
import type { HallwayDatabase } from './database';
import { InvalidDataError } from './errors';

export async function getSettings(db: HallwayDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // Unknown or malformed stored values fall back to defaults one by one, never all at once.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (!(key in stored)) continue;
    const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] };
    if (settingsCheck(candidate).ok) merged[key] = stored[key];
  }
  return merged as Settings;
}

export async function updateSettings(db: HallwayDatabase, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...patch };
    const checked = settingsCheck(next);
    if (!checked.ok) throw new InvalidDataError(formatProblems(checked.problems));
    await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
    return checked.value as Settings;
  });
}
