/**
 * The JSON backup: one file with every record and a format version. Import checks the whole file
 * (shape, then references between records) before it writes anything, then writes in a single
 * transaction, so a refused or failed import leaves the existing data exactly as it was.
 */
import {
  favourCheck,
  interactionCheck,
  noteCheck,
  personCheck,
  settingsCheck,
  threadCheck,
  type Favour,
  type Interaction,
  type Note,
  type Person,
  type Settings,
  type Thread,
} from '../model';
import { array, literal, object, optional, string, type Checked, type Problem } from '../validate';
import type { ImportReport } from '../views';
import type { HallwayDatabase } from './database';
import { combinePeople } from './merge';
import { refreshNoteWords, refreshStats } from './notes';
import { cleanPerson, fromNoteRow, fromPersonRow, toPersonRow } from './records';
import { getSettings } from './settings';
import { siteKey } from '../identity';
import { wordsOf } from '../words';

export const BACKUP_FORMAT = 'hallway-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  people: Person[];
  notes: Note[];
  interactions: Interaction[];
  favours: Favour[];
  threads: Thread[];
  settings: Settings;
}

const backupCheck = object({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  exportedAt: string({ max: 40 }),
  people: array(personCheck),
  notes: array(noteCheck),
  interactions: array(interactionCheck),
  favours: array(favourCheck),
  threads: array(threadCheck),
  settings: optional(settingsCheck),
});

const byKey = <T>(key: (v: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export async function exportBackup(db: HallwayDatabase, exportedAt = new Date().toISOString()): Promise<Backup> {
  return db.transaction('r', [db.people, db.notes, db.interactions, db.favours, db.threads, db.settings], async () => {
    const [people, notes, interactions, favours, threads, settings] = await Promise.all([
      db.people.toArray(),
      db.notes.toArray(),
      db.interactions.toArray(),
      db.favours.toArray(),
      db.threads.toArray(),
      getSettings(db),
    ]);
    // Sorted so two exports of the same data are the same file.
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt,
      people: people.map(fromPersonRow).sort(byKey((p) => p.id)),
      notes: notes.map(fromNoteRow).sort(byKey((n) => n.id)),
      interactions: interactions.sort(byKey((i) => i.id)),
      favours: favours.sort(byKey((f) => f.id)),
      threads: threads.sort(byKey((t) => t.key)),
      settings,
    };
  });
}

/** `isCancelled`: the user stopped it; like a refused file, nothing was written. */
export type ImportResult = { ok: true; report: ImportReport } | { ok: false; problems: Problem[]; isCancelled?: true };

/** How far an import has written: records of the file written so far, of all it holds. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** What an import reports to, and asks whether to go on. */
export interface ImportWatch {
  onProgress?(progress: ImportProgress): void;
  isCancelled?(): boolean;
}

/** Records written between two progress reports (and two chances to cancel). */
const IMPORT_CHUNK = 2000;

class ImportCancelled extends Error {}

/** Problems a record-by-record check cannot see: duplicate ids and notes of people not in the file. */
function checkReferences(backup: Omit<Backup, 'settings'>, existingPeople: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const duplicates = <T>(list: T[], name: string, key: (v: T) => string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first !== undefined) problems.push({ path: `${name}[${i}]`, message: `repeats the id of ${name}[${first}]` });
      else seen.set(k, i);
    });
  };
  duplicates(backup.people, 'people', (p) => p.id);
  duplicates(backup.notes, 'notes', (n) => n.id);
  duplicates(backup.interactions, 'interactions', (i) => i.id);
  duplicates(backup.favours, 'favours', (f) => f.id);
  duplicates(backup.threads, 'threads', (t) => t.key);

  const known = new Set([...existingPeople, ...backup.people.map((p) => p.id)]);
  const orphans = <T extends { personId: string }>(list: T[], name: string) =>
    list.forEach((item, i) => {
      if (!known.has(item.personId)) {
        problems.push({ path: `${name}[${i}].personId`, message: `refers to "${item.personId}", who is not in the file` });
      }
    });
  orphans(backup.notes, 'notes');
  orphans(backup.interactions, 'interactions');
  orphans(backup.favours, 'favours');
  return problems;
}

/** The file checked as a backup, or why it is not one. */
async function readBackup(
  db: HallwayDatabase,
  data: unknown,
  mode: 'replace' | 'merge',
): Promise<{ ok: true; backup: Checked<typeof backupCheck> } | { ok: false; problems: Problem[] }> {
  if (typeof data === 'object' && data !== null && 'format' in data && (data as { format: unknown }).format === BACKUP_FORMAT) {
    const version = (data as { version?: unknown }).version;
    if (typeof version === 'number' && version > BACKUP_VERSION) {
      return {
        ok: false,
        problems: [{ path: 'version', message: `this file is from a newer Hallway (format ${version}); update Hallway to import it` }],
      };
    }
  } else {
    return { ok: false, problems: [{ path: 'format', message: `this is not a Hallway backup (expected "format": "${BACKUP_FORMAT}")` }] };
  }
  const checked = backupCheck(data);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const existing = mode === 'merge' ? new Set((await db.people.toCollection().primaryKeys()) as string[]) : new Set<string>();
  const problems = checkReferences(checked.value as Backup, existing);
  return problems.length ? { ok: false, problems } : { ok: true, backup: checked.value };
}

/**
 * What a merge import of this file would fold into people already here, before anything is written:
 * the preview the backup section shows under the chosen file.
 */
export async function previewMerge(db: HallwayDatabase, data: unknown): Promise<MergePreview> {
  const read = await readBackup(db, data, 'merge');
  if (!read.ok) return read;
  const people = (read.backup.people as Person[]).map(cleanPerson);
  const found = await db.transaction('r', db.people, () => matchExisting(db, people));
  return { ok: true, people: people.length, merged: people.flatMap((p) => (found.has(p.id) ? [{ name: p.displayName, into: found.get(p.id)!.displayName }] : [])) };
}

export type MergePreview = { ok: true; people: number; merged: ImportReport['merged'] } | { ok: false; problems: Problem[] };

/**
 * Reads a backup. `replace` makes the database equal to the file; `merge` adds the file's records
 * and overwrites records with the same id, keeping everything else.
 */
export async function importBackup(
  db: HallwayDatabase,
  data: unknown,
  mode: 'replace' | 'merge' = 'merge',
  watch: ImportWatch = {},
): Promise<ImportResult> {
  const read = await readBackup(db, data, mode);
  if (!read.ok) return read;
  const { backup } = read;
  if (watch.isCancelled?.()) return { ok: false, problems: [], isCancelled: true };

  const total = backup.people.length + backup.notes.length + backup.interactions.length + backup.favours.length + backup.threads.length;
  let done = 0;
  watch.onProgress?.({ done, total });
  /**
   * Writes rows a chunk at a time, reporting after each. Still one transaction: cancelling throws,
   * which aborts it, so a cancelled import leaves everything as it was.
   */
  const putAll = async <T>(table: { bulkPut(rows: readonly T[]): Promise<unknown> }, rows: readonly T[], isCounted = true) => {
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK);
      await table.bulkPut(chunk);
      if (isCounted) {
        done += chunk.length;
        watch.onProgress?.({ done, total });
      }
      if (watch.isCancelled?.()) throw new ImportCancelled();
    }
  };

  const merged: ImportReport['merged'] = [];
  try {
    await writeImport();
  } catch (error) {
    if (error instanceof ImportCancelled) return { ok: false, problems: [], isCancelled: true };
    throw error;
  }
  return {
    ok: true,
    report: {
      people: backup.people.length,
      notes: backup.notes.length,
      interactions: backup.interactions.length,
      favours: backup.favours.length,
      threads: backup.threads.length,
      merged,
    },
  };

  // Function declarations are hoisted: the writing comes after the flow that runs it.
  async function writeImport(): Promise<void> {
    await db.transaction('rw', [db.people, db.notes, db.noteWords, db.interactions, db.favours, db.threads, db.settings, db.trash, db.snoozes], async () => {
      if (mode === 'replace') {
        // Trash and snoozes go too: an old "Undo" must not bring back a record from before the file.
        await Promise.all([
          db.people.clear(), db.notes.clear(), db.noteWords.clear(), db.interactions.clear(), db.favours.clear(), db.threads.clear(),
          db.settings.clear(), db.trash.clear(), db.snoozes.clear(),
        ]);
      }
      const fromFile = (backup.people as Person[]).map(cleanPerson);
      // Merging, someone in the file who shares an address or chat id with someone here is that person,
      // under another id (added on another computer, or before a merge): one record, not two.
      const intoExisting = mode === 'merge' ? await matchExisting(db, fromFile) : new Map<string, Person>();
      const idOf = (personId: string): string => intoExisting.get(personId)?.id ?? personId;
      const byId = new Map<string, Person>();
      for (const person of fromFile) {
        const target = intoExisting.get(person.id);
        if (!target) {
          // The file's own record of someone another row was already merged into: both count.
          const earlier = byId.get(person.id);
          byId.set(person.id, earlier ? combinePeople(person, earlier) : person);
          continue;
        }
        byId.set(target.id, combinePeople(byId.get(target.id) ?? target, person));
        merged.push({ name: person.displayName, into: target.displayName });
      }
      const people = [...byId.values()];
      const repoint = <T extends { personId: string }>(list: T[]): T[] => list.map((item) => ({ ...item, personId: idOf(item.personId) }));
      const interactions = repoint(backup.interactions as Interaction[]);
      const lastOf = new Map<string, { any: string | null; inPerson: string | null }>();
      const existingInteractions = mode === 'merge' ? await db.interactions.where('personId').anyOf(people.map((p) => p.id)).toArray() : [];
      for (const i of [...existingInteractions, ...interactions]) {
        const stats = lastOf.get(i.personId) ?? { any: null, inPerson: null };
        if (!stats.any || i.at > stats.any) stats.any = i.at;
        if (i.kind === 'in-person' && (!stats.inPerson || i.at > stats.inPerson)) stats.inPerson = i.at;
        lastOf.set(i.personId, stats);
      }
      const noteRows = repoint(backup.notes as Note[]).map((n) => ({ ...n, words: wordsOf(n.text) }));
      // Each person's note words, from the file's notes and, when merging, the notes they already have.
      const noteWordsOf = new Map<string, Set<string>>();
      const addWords = (personId: string, words: string[]) => {
        const set = noteWordsOf.get(personId) ?? new Set<string>();
        for (const word of words) set.add(word);
        noteWordsOf.set(personId, set);
      };
      if (mode === 'merge') {
        for (const note of await db.notes.where('personId').anyOf(people.map((p) => p.id)).toArray()) addWords(note.personId, note.words);
      }
      for (const note of noteRows) addWords(note.personId, note.words);
      await putAll(
        db.people,
        people.map((p) => toPersonRow(p, { lastInteractionAt: lastOf.get(p.id)?.any ?? null, lastInPersonAt: lastOf.get(p.id)?.inPerson ?? null })),
      );
      // People merged into one count once in the total: what the file holds is what the bar counts.
      done += backup.people.length - people.length;
      await putAll(db.noteWords, people.flatMap((p) => (noteWordsOf.get(p.id)?.size ? [{ personId: p.id, words: [...noteWordsOf.get(p.id)!] }] : [])), false);
      await putAll(db.notes, noteRows);
      await putAll(db.interactions, interactions);
      await putAll(db.favours, repoint(backup.favours as Favour[]));
      await putAll(db.threads, (backup.threads as Thread[]).map((t) => ({ ...t, participantIds: [...new Set(t.participantIds.map(idOf))] })));
      // Interactions and notes in the file for people already in the database update them too.
      const inFile = new Set(people.map((p) => p.id));
      for (const personId of new Set(interactions.map((i) => i.personId))) {
        if (!inFile.has(personId)) await refreshStats(db, personId);
      }
      for (const personId of new Set(noteRows.map((n) => n.personId))) {
        if (!inFile.has(personId)) await refreshNoteWords(db, personId);
      }
      if (backup.settings) {
        await db.settings.bulkPut(Object.entries(backup.settings).map(([key, value]) => ({ key, value })));
      }
    });
  }
}

/**
 * For each person in the file whose id is not here but whose address or site id is, the person here
 * they are. A person with the same id is the same record and is overwritten as before.
 */
async function matchExisting(db: HallwayDatabase, people: readonly Person[]): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  for (const person of people) {
    if (await db.people.get(person.id)) continue;
    const byEmail = person.emails.length ? await db.people.where('emails').anyOf(person.emails).first() : undefined;
    const bySite = !byEmail && person.siteIds.length ? await db.people.where('siteKeys').anyOf(person.siteIds.map(siteKey)).first() : undefined;
    const owner = byEmail ?? bySite;
    if (owner) found.set(person.id, fromPersonRow(owner));
  }
  return found;
}
