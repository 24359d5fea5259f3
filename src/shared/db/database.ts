/**
 * The private database. Opened only in extension-origin contexts (the service worker, and tests):
 * IndexedDB opened from a content script would belong to the host page's origin, where the page's
 * own scripts could read it (DESIGN.md, "Data lives in the extension's origin").
 */
import Dexie, { type EntityTable } from 'dexie';
import { outboxMiddleware, type OutboxRow } from './outbox';
import type { Favour, Interaction, Note, Person, Thread } from '../model';

/** A person as stored: the record plus keys derived from it for the indexes. */
export interface PersonRow extends Person {
  /** `slack:U123`, `teams:<aad id>`: one multi-entry index over every site id. */
  siteKeys: string[];
  /** Folded display name, for name lookups that ignore case and accents, and for sorting. */
  nameKey: string;
  /** Folded team name, for sorting by team in the index. */
  teamKey: string;
  /** Search words from the person's own fields. */
  words: string[];
  /** Search words of the "ask them about" topics alone, which rank first. */
  topicWords: string[];
  /** Latest interaction of any kind / in person, kept in step by the repository. */
  lastInteractionAt: string | null;
  lastInPersonAt: string | null;
}

export interface NoteRow extends Note {
  words: string[];
}

/**
 * Search words of all of one person's notes, so a search finds people by note text from one index,
 * without reading any note (100,000 notes would otherwise be read for a one-letter query). Kept in a
 * table of its own, not on the person: every read of the directory would carry them otherwise.
 */
export interface NoteWordsRow {
  personId: string;
  words: string[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A keep-in-touch reminder the user put off. */
export interface SnoozeRow {
  personId: string;
  until: string;
}

/** Deleted records kept for a short while so "Undo" can put them back exactly. */
export interface TrashRow {
  id: string;
  deletedAt: string;
  person: PersonRow;
  notes: NoteRow[];
  interactions: Interaction[];
  favours: Favour[];
}

/**
 * "Not them": the user said this address or site id is not this person, so the card stops asking.
 * Keyed by the identity's strong key (`slack:U123`, `email:a@b.c`).
 */
export interface NotThemRow {
  key: string;
  personId: string;
  at: string;
}

/**
 * Someone a page showed by an address or chat id that no one in the directory has: kept a while so
 * the user can link it to a person from the people page without knowing raw ids.
 */
export interface SeenRow {
  /** Strong key: `slack:U123`, `email:a@b.c`. */
  key: string;
  name: string;
  /** nameMatchKeys of the name, for finding sightings of a person by theirs. */
  nameKeys: string[];
  email: string | null;
  siteId: { site: 'slack' | 'teams' | 'google-chat'; id: string } | null;
  host: string;
  at: string;
}

export const DB_NAME = 'hallway';

export class HallwayDatabase extends Dexie {
  people!: EntityTable<PersonRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  favours!: EntityTable<Favour, 'id'>;
  threads!: EntityTable<Thread, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;
  trash!: EntityTable<TrashRow, 'id'>;
  snoozes!: EntityTable<SnoozeRow, 'personId'>;
  notThem!: Dexie.Table<NotThemRow, [string, string]>;
  seen!: EntityTable<SeenRow, 'key'>;
  noteWords!: EntityTable<NoteWordsRow, 'personId'>;
  outbox!: EntityTable<OutboxRow, 'key'>;
  /** Sync is set up on this device: every write to a synced table then leaves an outbox row (outbox.ts). */
  isSyncOn = false;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. A new version adds a `this.version(2).stores({...}).upgrade(...)` below this one and
    // never edits it: Dexie replays versions in order, so every existing record is carried forward.
    this.version(1).stores({
      people: 'id, nameKey, *emails, *siteKeys, team, [teamKey+nameKey], updatedAt, lastInteractionAt, *words, *topicWords, *noteWords',
      notes: 'id, personId, createdAt, *words',
      interactions: 'id, personId, at, [personId+at], threadKey',
      favours: 'id, personId, at',
      threads: 'key, updatedAt',
      settings: 'key',
      trash: 'id, deletedAt',
      snoozes: 'personId',
    });
    // Version 2: answers to "is this them?" that were no, and addresses and ids seen on pages.
    this.version(2).stores({ notThem: '[key+personId], key, personId', seen: 'key, *nameKeys, at' });
    // Version 3, for a big directory. Note words move off the person rows, which every list, search
    // and marker lookup reads, into a table of their own. Notes lose the index on their words (no
    // query used it, and it cost 20 entries a note on every write) and gain one by person and date,
    // so a person's note count and latest note come from the index alone.
    this.version(3)
      .stores({
        people: 'id, nameKey, *emails, *siteKeys, team, [teamKey+nameKey], updatedAt, lastInteractionAt, *words, *topicWords',
        notes: 'id, personId, createdAt, [personId+createdAt]',
        noteWords: 'personId, *words',
      })
      .upgrade(async (tx) => {
        const moved: NoteWordsRow[] = [];
        await tx
          .table('people')
          .toCollection()
          .modify((row: PersonRow & { noteWords?: string[] }) => {
            if (row.noteWords?.length) moved.push({ personId: row.id, words: row.noteWords });
            delete row.noteWords;
          });
        await tx.table('noteWords').bulkPut(moved);
      });
    // Version 4, for sync: which records changed since they were last pushed (ids only).
    this.version(4).stores({ outbox: 'key, table' });
    this.use(outboxMiddleware(() => this.isSyncOn));
  }
}
