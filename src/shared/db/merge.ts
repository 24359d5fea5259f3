/** Deleting with undo, and merging two records into one. */
import { newId, nowIso, type Person } from '../model';
import type { HallwayDatabase, TrashRow } from './database';
import { InvalidDataError, NotFoundError } from './errors';
import { refreshNoteWords, refreshStats } from './notes';
import { cleanPerson, fromPersonRow, requirePerson, toPersonRow, uniq } from './records';

/** How long a deleted person can be brought back. */
export const UNDO_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export async function deletePerson(db: HallwayDatabase, personId: string): Promise<{ undoId: string }> {
  return db.transaction('rw', [db.people, db.notes, db.noteWords, db.interactions, db.favours, db.trash], async () => {
    const person = await requirePerson(db, personId);
    const [notes, interactions, favours] = await Promise.all([
      db.notes.where('personId').equals(personId).toArray(),
      db.interactions.where('personId').equals(personId).toArray(),
      db.favours.where('personId').equals(personId).toArray(),
    ]);
    const entry: TrashRow = { id: newId(), deletedAt: nowIso(), person, notes, interactions, favours };
    await db.trash.add(entry);
    await db.notes.bulkDelete(notes.map((n) => n.id));
    await db.interactions.bulkDelete(interactions.map((i) => i.id));
    await db.favours.bulkDelete(favours.map((f) => f.id));
    await db.noteWords.delete(personId);
    await db.people.delete(personId);
    // Old trash goes when new trash arrives: no timer needed.
    const cutoff = new Date(Date.now() - UNDO_WINDOW_MS).toISOString();
    await db.trash.where('deletedAt').below(cutoff).delete();
    return { undoId: entry.id };
  });
}

export async function undoDelete(db: HallwayDatabase, undoId: string): Promise<Person> {
  return db.transaction('rw', [db.people, db.notes, db.noteWords, db.interactions, db.favours, db.trash], async () => {
    const entry = await db.trash.get(undoId);
    if (!entry) throw new NotFoundError('That deleted person');
    // A row trashed before schema version 3 carries its note words: they belong in their own table.
    await db.people.put(toPersonRow(fromPersonRow(entry.person), entry.person));
    await db.notes.bulkPut(entry.notes);
    await refreshNoteWords(db, entry.person.id);
    await db.interactions.bulkPut(entry.interactions);
    await db.favours.bulkPut(entry.favours);
    await db.trash.delete(undoId);
    return fromPersonRow(entry.person);
  });
}

function joinText(a: string, b: string): string {
  if (!a.trim()) return b;
  if (!b.trim() || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}

/**
 * Folds `mergeId` into `keepId`: every address, site id, topic, note, interaction and favour of the
 * merged record ends up on the kept one, and the merged record is removed.
 */
/** One record of two: the kept one's id and fields, the other's filling its blanks, lists unioned. */
export function combinePeople(keep: Person, other: Person): Person {
  return cleanPerson({
    ...keep,
    emails: [...keep.emails, ...other.emails],
    siteIds: [...keep.siteIds, ...other.siteIds],
    team: keep.team || other.team,
    role: keep.role || other.role,
    teamHistory: uniq([...keep.teamHistory, ...other.teamHistory], (t) => JSON.stringify(t)),
    tags: [...keep.tags, ...other.tags],
    askAbout: [...keep.askAbout, ...other.askAbout],
    personal: joinText(keep.personal, other.personal),
    howWeMet: joinText(keep.howWeMet, other.howWeMet),
    cadenceDays: keep.cadenceDays ?? other.cadenceDays,
    createdAt: keep.createdAt < other.createdAt ? keep.createdAt : other.createdAt,
    updatedAt: nowIso(),
  });
}

export async function mergePeople(db: HallwayDatabase, keepId: string, mergeId: string): Promise<Person> {
  if (keepId === mergeId) throw new InvalidDataError('Choose two different people to merge.');
  return db.transaction('rw', [db.people, db.notes, db.noteWords, db.interactions, db.favours, db.notThem], async () => {
    const keep = fromPersonRow(await requirePerson(db, keepId));
    const other = fromPersonRow(await requirePerson(db, mergeId));
    const merged = combinePeople(keep, other);
    await db.notes.where('personId').equals(mergeId).modify({ personId: keepId });
    await db.interactions.where('personId').equals(mergeId).modify({ personId: keepId });
    await db.favours.where('personId').equals(mergeId).modify({ personId: keepId });
    // "Not them" said of either record holds for the one that is left.
    for (const row of await db.notThem.where('personId').equals(mergeId).toArray()) {
      await db.notThem.delete([row.key, row.personId]);
      await db.notThem.put({ ...row, personId: keepId });
    }
    await db.people.delete(mergeId);
    await db.noteWords.delete(mergeId);
    await db.people.put(toPersonRow(merged));
    await refreshStats(db, keepId);
    await refreshNoteWords(db, keepId);
    return merged;
  });
}
