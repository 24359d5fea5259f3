/**
 * Records as the app sees them and rows as they are stored: the keys derived for the indexes are
 * added on the way in and dropped on the way out, here and nowhere else.
 */
import { foldName, foldText, normalizeEmail, siteKey } from '../identity';
import type { Note, Person } from '../model';
import { wordsOf } from '../words';
import type { HallwayDatabase, NoteRow, PersonRow } from './database';
import { InvalidDataError, NotFoundError } from './errors';

export function uniq<T>(values: T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const trimmed = (values: string[]) => uniq(values.map((v) => v.trim()).filter(Boolean), (v) => v.toLowerCase());

/** The canonical form of a person: trimmed, de-duplicated, lower-case addresses. */
export function cleanPerson(person: Person): Person {
  return {
    ...person,
    displayName: person.displayName.trim(),
    emails: uniq(person.emails.map(normalizeEmail).filter(Boolean)),
    siteIds: uniq(person.siteIds.map((s) => ({ site: s.site, id: s.id.trim() })), siteKey),
    team: person.team.trim(),
    role: person.role.trim(),
    tags: trimmed(person.tags),
    askAbout: trimmed(person.askAbout),
  };
}

export function toPersonRow(
  person: Person,
  stats: Pick<PersonRow, 'lastInteractionAt' | 'lastInPersonAt'> = { lastInteractionAt: null, lastInPersonAt: null },
): PersonRow {
  return {
    ...person,
    siteKeys: person.siteIds.map(siteKey),
    nameKey: foldName(person.displayName),
    teamKey: foldText(person.team.trim()),
    words: wordsOf(
      person.displayName,
      person.emails.join(' '),
      person.team,
      person.role,
      person.teamHistory.map((t) => t.team).join(' '),
      person.tags.join(' '),
      person.askAbout.join(' '),
      person.personal,
      person.howWeMet,
    ),
    topicWords: wordsOf(...person.askAbout),
    ...stats,
  };
}

export function fromPersonRow(row: PersonRow): Person {
  // `noteWords`: rows kept in the trash before schema version 3 still carry them.
  const { siteKeys: _s, nameKey: _n, teamKey: _k, words: _w, topicWords: _t, lastInteractionAt: _l, lastInPersonAt: _p, noteWords: _nw, ...person } =
    row as PersonRow & { noteWords?: string[] };
  return person;
}

export function toNoteRow(note: Note): NoteRow {
  return { ...note, words: wordsOf(note.text) };
}

export function fromNoteRow(row: NoteRow): Note {
  const { words: _w, ...note } = row;
  return note;
}

export async function requirePerson(db: HallwayDatabase, personId: string): Promise<PersonRow> {
  const row = await db.people.get(personId);
  if (!row) throw new NotFoundError('That person');
  return row;
}

export function requireText(text: string, field = 'text'): string {
  const value = text.trim();
  if (!value) throw new InvalidDataError(`${field}: must not be empty`);
  return value;
}
