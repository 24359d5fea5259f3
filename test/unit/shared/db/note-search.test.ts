import { describe, expect, it } from 'vitest';
import { importBackup, exportBackup } from '../../../../src/shared/db/backup';
import { HallwayDatabase } from '../../../../src/shared/db/database';
import { addNote, createPerson, deleteNote, listPeople, mergePeople, updateNote } from '../../../../src/shared/db';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();
const found = async (db: HallwayDatabase, query: string) => (await listPeople(db, { query })).people.map((p) => p.displayName);

describe('finding people by their notes, without reading the notes', () => {
  it('follows notes as they are added, edited and deleted', async () => {
    const dana = await createPerson(ctx.db, { displayName: 'Dana Scully' });
    const note = await addNote(ctx.db, dana.id, 'Knows the Terraform modules inside out');
    expect(await found(ctx.db, 'terra')).toEqual(['Dana Scully']);
    await updateNote(ctx.db, note.id, 'Knows the Helm charts');
    expect(await found(ctx.db, 'terraform')).toEqual([]);
    expect(await found(ctx.db, 'helm')).toEqual(['Dana Scully']);
    await deleteNote(ctx.db, note.id);
    expect(await found(ctx.db, 'helm')).toEqual([]);
  });

  it('keeps them findable through a merge and a backup round trip', async () => {
    const a = await createPerson(ctx.db, { displayName: 'Fox Mulder' });
    const b = await createPerson(ctx.db, { displayName: 'F. Mulder' });
    await addNote(ctx.db, b.id, 'Asked about the X-files budget');
    await mergePeople(ctx.db, a.id, b.id);
    expect(await found(ctx.db, 'budget')).toEqual(['Fox Mulder']);

    const backup = JSON.parse(JSON.stringify(await exportBackup(ctx.db)));
    const fresh = new HallwayDatabase(`test-${crypto.randomUUID()}`);
    try {
      expect(await importBackup(fresh, backup, 'replace')).toMatchObject({ ok: true });
      expect(await found(fresh, 'budget')).toEqual(['Fox Mulder']);
    } finally {
      await fresh.delete();
    }
  });
});
