/**
 * The colleagues of the benchmark: a deterministic universe of invented people, the first P of whom
 * are in the directory (the rest appear on pages but are unknown to Hallway). Names are built from
 * syllables, a share of them starting with non-ASCII letters (Ø, Ł, É …) because that is where
 * word-boundary matching breaks.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson, type Note, type Person } from '../../src/shared/model';
import { seeded } from './prng';

export interface BenchPerson {
  index: number;
  first: string;
  last: string;
  full: string;
  email: string;
  slackId: string;
}

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
// Letters that `\b` in a non-Unicode RegExp treats as non-word characters.
const UNICODE_STARTS = ['Ø', 'Ł', 'É', 'Å', 'Ž', 'Ś', 'Ç', 'Ö'];
const UNICODE_INNER = ['ø', 'ł', 'é', 'ñ', 'ü', 'å', 'ž', 'ç'];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The address form of a name: accents and special letters folded to ASCII. */
function asciiOf(word: string): string {
  const special: Record<string, string> = { ø: 'o', ł: 'l', Ø: 'o', Ł: 'l' };
  return word
    .replace(/[øłØŁ]/gu, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function makeUniverse(size: number, seed = 7): BenchPerson[] {
  const random = seeded(seed);
  const word = (syllables: number): string => {
    let out = '';
    for (let i = 0; i < syllables; i++) out += random.pick(ONSETS) + random.pick(VOWELS);
    if (random.chance(0.25)) out = out.slice(0, -1) + random.pick(UNICODE_INNER);
    return out;
  };
  const people: BenchPerson[] = [];
  const seen = new Set<string>();
  while (people.length < size) {
    let first = capitalize(word(2));
    if (random.chance(0.08)) first = random.pick(UNICODE_STARTS) + word(2);
    let last = capitalize(word(2 + random.int(2)));
    if (random.chance(0.08)) last = random.pick(UNICODE_STARTS) + word(2);
    const full = `${first} ${last}`;
    if (seen.has(full.toLowerCase())) continue;
    seen.add(full.toLowerCase());
    const index = people.length;
    people.push({
      index,
      first,
      last,
      full,
      email: `${asciiOf(first)}.${asciiOf(last)}${index}@corp.example`,
      slackId: `U${index.toString(36).toUpperCase().padStart(8, '0')}`,
    });
  }
  return people;
}

const CREATED = '2026-09-01T09:00:00.000Z';

/** The directory of the first `count` people, in the backup format the options page imports. */
export function directoryBackup(universe: readonly BenchPerson[], count: number): Backup {
  const people: Person[] = [];
  const notes: Note[] = [];
  for (const p of universe.slice(0, count)) {
    people.push(
      emptyPerson({
        id: `bench-${p.index}`,
        displayName: p.full,
        emails: [p.email],
        siteIds: [{ site: 'slack', id: p.slackId }],
        team: `Team ${p.index % 40}`,
        createdAt: CREATED,
        updatedAt: CREATED,
      }),
    );
    // Every tenth person has a note, so both "known" and "noted" markers are looked up and painted.
    if (p.index % 10 === 0) {
      notes.push({ id: `bench-note-${p.index}`, personId: `bench-${p.index}`, text: 'Met at the offsite.', createdAt: CREATED, updatedAt: CREATED });
    }
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: CREATED,
    people,
    notes,
    interactions: [],
    favours: [],
    threads: [],
    settings: DEFAULT_SETTINGS,
  };
}
