import { describe, expect, it } from 'vitest';
import { addNote, createPerson, deletePerson, updateSettings } from '../../../../src/shared/db';
import { importBackup } from '../../../../src/shared/db/backup';
import { snapshot, useFreshDb } from './helpers';

const ctx = useFreshDb();
const outbox = async () => (await ctx.db.outbox.toArray()).map((row) => row.key).sort();

describe('the sync outbox', () => {
  it('keeps nothing while sync is off', async () => {
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await addNote(ctx.db, grace.id, 'Met at the offsite.');
    expect(await outbox()).toEqual([]);
  });

  it('while sync is on, every write to a synced record leaves one row per record, in the same transaction', async () => {
    ctx.db.isSyncOn = true;
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    const note = await addNote(ctx.db, grace.id, 'Met at the offsite.');
    await updateSettings(ctx.db, { isDraftCheckOn: false });
    const keys = await outbox();
    expect(keys).toContain(`people/${grace.id}`);
    expect(keys).toContain(`notes/${note.id}`);
    expect(keys).toContain('settings/isDraftCheckOn');
    // Ids only, never what the record says.
    expect(JSON.stringify(await ctx.db.outbox.toArray())).not.toMatch(/offsite|Grace/u);
    // The same record twice is one row.
    await addNote(ctx.db, grace.id, 'A third note.');
    expect((await outbox()).filter((key) => key === `people/${grace.id}`)).toHaveLength(1);
  });

  it('a delete is a row too, and so is a whole table cleared by a replacing import', async () => {
    ctx.db.isSyncOn = true;
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await ctx.db.outbox.clear();
    await deletePerson(ctx.db, grace.id);
    expect(await outbox()).toContain(`people/${grace.id}`);
    await ctx.db.outbox.clear();
    const backup = await snapshot(ctx.db);
    await importBackup(ctx.db, { ...backup, exportedAt: '2026-12-06T00:00:00.000Z' }, 'replace');
    expect(await outbox()).toEqual(expect.arrayContaining(['people/*', 'notes/*', 'settings/*']));
  });

  it('trash, seen addresses and other device-only tables never reach it', async () => {
    ctx.db.isSyncOn = true;
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await ctx.db.outbox.clear();
    await deletePerson(ctx.db, grace.id);
    expect((await outbox()).some((key) => key.startsWith('trash/'))).toBe(false);
  });
});
