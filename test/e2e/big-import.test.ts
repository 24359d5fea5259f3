/**
 * A big backup imported from the people page, as a user moving to a new computer does: the page
 * shows how far it is, the data is complete afterwards, and Cancel leaves everything as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson } from '../../src/shared/model';
import { call, launch, type Hallway } from './harness';

const AT = '2025-03-01T09:00:00.000Z';

function bigBackup(people: number, notesEach: number, tag: string): Backup {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: AT, people: [], notes: [], interactions: [], favours: [], threads: [], settings: DEFAULT_SETTINGS };
  for (let i = 0; i < people; i++) {
    backup.people.push(emptyPerson({ id: `${tag}-${i}`, displayName: `${tag} Person ${i}`, emails: [`${tag}.${i}@example.com`], team: `Team ${i % 30}`, createdAt: AT, updatedAt: AT }));
    for (let n = 0; n < notesEach; n++) {
      backup.notes.push({ id: `${tag}-${i}-note-${n}`, personId: `${tag}-${i}`, text: `Talked about the roadmap and the launch, note ${n}.`, createdAt: AT, updatedAt: AT });
    }
    backup.interactions.push({ id: `${tag}-${i}-talk`, personId: `${tag}-${i}`, kind: 'call', at: AT, isAuto: false });
  }
  return backup;
}

async function startImport(people: Page, backup: Backup): Promise<void> {
  await people.getByTestId('import-mode-replace').check();
  await people.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await people.getByTestId('import-run').click();
}

describe('a big import', () => {
  let hallway: Hallway;

  beforeAll(async () => {
    hallway = await launch();
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('shows its progress, and everything is there afterwards', async () => {
    const people = await hallway.openPage('src/options/index.html');
    await startImport(people, bigBackup(4000, 8, 'first'));
    await expect.poll(() => people.getByTestId('import-progress').textContent(), { timeout: 30_000, interval: 50 }).toMatch(/Writing [\d,]+ of 40,000 records/u);
    await expect.poll(() => people.getByTestId('import-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('ok');
    expect(await people.getByTestId('import-result').textContent()).toContain('4,000 people, 32,000 notes, 4,000 interactions');
    expect(await people.getByTestId('import-progress').count()).toBe(0);
    await expect.poll(() => people.getByTestId('people-count').textContent()).toContain('4,000 people');
    const last = await call<{ person: { displayName: string }; notes: unknown[]; interactions: unknown[] }>(people, 'people.get', { id: 'first-3999' });
    expect([last.person.displayName, last.notes.length, last.interactions.length]).toEqual(['first Person 3999', 8, 1]);
    await people.close();
  });

  it('cancelled while it writes, leaves everything as it was', async () => {
    const people = await hallway.openPage('src/options/index.html');
    await startImport(people, bigBackup(6000, 8, 'second'));
    await expect.poll(() => people.getByTestId('import-progress').textContent(), { timeout: 30_000, interval: 50 }).toMatch(/Writing/u);
    await people.getByTestId('import-progress-cancel').click();
    await expect.poll(() => people.getByTestId('import-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('cancelled');
    expect(await people.getByTestId('import-result').textContent()).toContain('Nothing was changed');
    const list = await call<{ total: number; people: { displayName: string }[] }>(people, 'people.list', { limit: 1 });
    expect(list.total).toBe(4000);
    expect(list.people[0]?.displayName).toMatch(/^first Person/u);
    await people.close();
  });
});
