import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { HallwayDatabase, type PersonRow } from '../../../../src/shared/db/database';
import {
  InvalidDataError,
  addNote,
  createPerson,
  fromPersonRow,
  listPeople,
  savePerson,
  toPersonRow,
} from '../../../../src/shared/db';
import type { Person } from '../../../../src/shared/model';
import { person, useFreshDb } from './helpers';

const ctx = useFreshDb();

describe('schema version 4', () => {
  it('opens at version 4 with exactly the expected tables', async () => {
    const { db } = ctx;
    expect(db.verno).toBe(4);
    const tables = ['favours', 'interactions', 'notes', 'noteWords', 'notThem', 'outbox', 'people', 'seen', 'settings', 'snoozes', 'threads', 'trash'].sort();
    expect(db.tables.map((t) => t.name).sort()).toEqual(tables);
    // The real IndexedDB store list, not only Dexie's idea of it.
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(tables);
  });

  it('declares the expected primary keys and indexes', () => {
    const { db } = ctx;
    const shape = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        {
          key: t.schema.primKey.keyPath,
          indexes: t.schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`).sort(),
        },
      ]),
    );
    expect(shape).toEqual({
      people: {
        key: 'id',
        indexes: ['*emails', '*siteKeys', '*topicWords', '*words', '[teamKey+nameKey]', 'lastInteractionAt', 'nameKey', 'team', 'updatedAt'].sort(),
      },
      notes: { key: 'id', indexes: ['[personId+createdAt]', 'createdAt', 'personId'].sort() },
      noteWords: { key: 'personId', indexes: ['*words'] },
      interactions: { key: 'id', indexes: ['[personId+at]', 'at', 'personId', 'threadKey'].sort() },
      favours: { key: 'id', indexes: ['at', 'personId'].sort() },
      threads: { key: 'key', indexes: ['updatedAt'] },
      settings: { key: 'key', indexes: [] },
      trash: { key: 'id', indexes: ['deletedAt'] },
      snoozes: { key: 'personId', indexes: [] },
      notThem: { key: ['key', 'personId'], indexes: ['key', 'personId'] },
      seen: { key: 'key', indexes: ['*nameKeys', 'at'] },
      outbox: { key: 'key', indexes: ['table'] },
    });
  });

  it('creates the indexes in the real IndexedDB stores', () => {
    const { db } = ctx;
    const idb = db.backendDB();
    const tx = idb.transaction(['people', 'notes'], 'readonly');
    const people = tx.objectStore('people');
    expect([...people.indexNames].sort()).toEqual(
      ['[teamKey+nameKey]', 'emails', 'lastInteractionAt', 'nameKey', 'siteKeys', 'team', 'topicWords', 'updatedAt', 'words'].sort(),
    );
    expect(people.index('emails').multiEntry).toBe(true);
    expect(people.index('nameKey').multiEntry).toBe(false);
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['[personId+createdAt]', 'createdAt', 'personId'].sort());
  });
});

describe('saving a person', () => {
  it('reads a saved person back identically, with derived fields on the row only', async () => {
    const { db } = ctx;
    const input = person({
      displayName: 'Dana Scully',
      emails: ['dana@example.com'],
      siteIds: [{ site: 'slack', id: 'U123' }],
      team: 'Platform',
      role: 'SRE',
      teamHistory: [{ team: 'Infra', role: 'Engineer', from: '2020-01-01T00:00:00.000Z', to: '2022-01-01T00:00:00.000Z' }],
      tags: ['oncall'],
      askAbout: ['Kubernetes'],
      personal: 'Two kids; runs marathons.',
      howWeMet: 'Onboarding week',
      cadenceDays: 30,
    });
    const saved = await savePerson(db, input);
    expect(saved).toEqual({ ...input, updatedAt: saved.updatedAt });
    expect(Date.parse(saved.updatedAt)).not.toBeNaN();

    const row = (await db.people.get(input.id)) as PersonRow;
    expect(row.siteKeys).toEqual(['slack:U123']);
    expect(row.nameKey).toBe('dana scully');
    expect(row.words).toEqual(expect.arrayContaining(['dana', 'scully', 'dana@example.com', 'platform', 'kubernetes', 'marathons', 'infra']));
    expect(row.lastInteractionAt).toBeNull();
    expect(row.lastInPersonAt).toBeNull();

    const back = fromPersonRow(row);
    expect(back).toEqual(saved);
    for (const derived of ['siteKeys', 'nameKey', 'words', 'lastInteractionAt', 'lastInPersonAt']) {
      expect(Object.keys(back)).not.toContain(derived);
    }
  });

  it('lower-cases and de-duplicates email addresses', async () => {
    const { db } = ctx;
    const saved = await createPerson(db, {
      displayName: 'Dana',
      emails: ['Dana@Example.COM', 'dana@example.com', ' DANA@example.com ', 'd.s@example.org'],
    });
    expect(saved.emails).toEqual(['dana@example.com', 'd.s@example.org']);
    expect((await db.people.get(saved.id))?.emails).toEqual(['dana@example.com', 'd.s@example.org']);
    expect(await db.people.where('emails').equals('dana@example.com').primaryKeys()).toEqual([saved.id]);
  });

  it('trims the name and de-duplicates topics and site ids', async () => {
    const { db } = ctx;
    const saved = await createPerson(db, {
      displayName: '  Dana  ',
      askAbout: ['Kubernetes', 'kubernetes ', ' Helm'],
      siteIds: [{ site: 'slack', id: 'U1' }, { site: 'slack', id: ' U1 ' }, { site: 'teams', id: 'U1' }],
    });
    expect(saved.displayName).toBe('Dana');
    expect(saved.askAbout).toEqual(['Kubernetes', 'Helm']);
    expect(saved.siteIds).toEqual([{ site: 'slack', id: 'U1' }, { site: 'teams', id: 'U1' }]);
  });

  it('keeps last-interaction fields when a person is saved again', async () => {
    const { db } = ctx;
    const saved = await createPerson(db, { displayName: 'Dana' });
    await db.people.update(saved.id, { lastInteractionAt: '2025-05-01T00:00:00.000Z', lastInPersonAt: '2025-04-01T00:00:00.000Z' });
    await savePerson(db, { ...saved, team: 'Platform' });
    const row = await db.people.get(saved.id);
    expect(row?.team).toBe('Platform');
    expect(row?.lastInteractionAt).toBe('2025-05-01T00:00:00.000Z');
    expect(row?.lastInPersonAt).toBe('2025-04-01T00:00:00.000Z');
  });

  const refusals: [string, Partial<Person> | Record<string, unknown>, RegExp][] = [
    ['an empty name', { displayName: '' }, /^displayName: must not be empty$/m],
    ['a blank name', { displayName: '   ' }, /^displayName: must not be empty$/m],
    ['a bad email', { emails: ['dana.example.com'] }, /^emails\[0\]: .*is not an email address/m],
    ['a bad second email', { emails: ['dana@example.com', 'not an email'] }, /^emails\[1\]: /m],
    ['an unknown field', { nickname: 'D' }, /^nickname: is not a known field$/m],
    ['a bad cadence', { cadenceDays: 0 }, /^cadenceDays: must be between 1 and 3650$/m],
    ['an unknown site', { siteIds: [{ site: 'myspace', id: 'x' }] }, /^siteIds\[0\]\.site: expected one of/m],
    ['a bad id', { id: 'has spaces' }, /^id: expected an id/m],
  ];
  for (const [what, fields, message] of refusals) {
    it(`refuses ${what} with InvalidDataError naming the field, and writes nothing`, async () => {
      const { db } = ctx;
      const bad = { ...person({ displayName: 'Dana' }), ...fields } as Person;
      const error = await savePerson(db, bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDataError);
      expect((error as Error).message).toMatch(message);
      expect(await db.people.count()).toBe(0);
    });
  }

  it('a person with notes still reads back without note data mixed in', async () => {
    const { db } = ctx;
    const saved = await createPerson(db, { displayName: 'Dana' });
    await addNote(db, saved.id, 'likes tea');
    expect(fromPersonRow((await db.people.get(saved.id)) as PersonRow)).toEqual(saved);
  });
});

describe('schema upgrade safety', () => {
  it('a version 1 database opens at version 4 with every record and an empty "not them" table', async () => {
    const name = 'test-' + crypto.randomUUID();
    class VersionOne extends Dexie {
      constructor() {
        super(name);
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
      }
    }
    const old = new VersionOne();
    await old.table('settings').put({ key: 'toneSensitivity', value: 'high' });
    old.close();
    const db = new HallwayDatabase(name);
    try {
      const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'] });
      expect(db.verno).toBe(4);
      expect(await db.settings.toArray()).toEqual([{ key: 'toneSensitivity', value: 'high' }]);
      expect(await db.notThem.count()).toBe(0);
      await db.notThem.put({ key: 'slack:U1', personId: dana.id, at: '2026-12-01T00:00:00.000Z' });
      expect(await db.notThem.where('key').equals('slack:U1').count()).toBe(1);
    } finally {
      await db.delete();
    }
  });

  it('a version 2 database opens at version 4 with note words moved off the people, still found by search', async () => {
    const name = 'test-' + crypto.randomUUID();
    class VersionTwo extends Dexie {
      constructor() {
        super(name);
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
        this.version(2).stores({ notThem: '[key+personId], key, personId', seen: 'key, *nameKeys, at' });
      }
    }
    const old = new VersionTwo();
    const dana = person({ id: 'p-dana', displayName: 'Dana Scully' });
    await old.table('people').put({ ...toPersonRow(dana), noteWords: ['kubernetes', 'tea'] });
    await old.table('people').put(toPersonRow(person({ id: 'p-fox', displayName: 'Fox Mulder' })));
    await old.table('notes').put({ id: 'n1', personId: dana.id, text: 'Kubernetes and tea', createdAt: dana.createdAt, updatedAt: dana.createdAt, words: ['kubernetes', 'tea'] });
    old.close();
    const db = new HallwayDatabase(name);
    try {
      await db.open();
      expect(db.verno).toBe(4);
      expect(await db.people.get(dana.id)).not.toHaveProperty('noteWords');
      expect(fromPersonRow((await db.people.get(dana.id))!)).toEqual(dana);
      expect(await db.noteWords.toArray()).toEqual([{ personId: dana.id, words: ['kubernetes', 'tea'] }]);
      expect((await listPeople(db, { query: 'kubern' })).people.map((p) => p.displayName)).toEqual(['Dana Scully']);
      expect((await listPeople(db, {})).people.map((p) => [p.displayName, p.noteCount])).toEqual([['Dana Scully', 1], ['Fox Mulder', 0]]);
    } finally {
      await db.delete();
    }
  });

  it('a future version that adds an index keeps every record', async () => {
    const name = 'test-' + crypto.randomUUID();
    const v1 = new HallwayDatabase(name);
    const a = await createPerson(v1, { displayName: 'Dana', role: 'SRE', emails: ['dana@example.com'] });
    const b = await createPerson(v1, { displayName: 'Fox', role: 'PM' });
    const note = await addNote(v1, a.id, 'Knows Kubernetes');
    await v1.favours.add({ id: 'f1', personId: b.id, direction: 'asked', effort: 'small', what: 'review', at: '2025-01-01T00:00:00.000Z', settledAt: null });
    await v1.settings.put({ key: 'toneSensitivity', value: 'high' });
    const before = {
      people: await v1.people.toArray(),
      notes: await v1.notes.toArray(),
      favours: await v1.favours.toArray(),
      settings: await v1.settings.toArray(),
    };
    v1.close();

    class FutureDatabase extends Dexie {
      constructor() {
        super(name);
        this.version(1).stores({
          people: 'id, nameKey, *emails, *siteKeys, team, updatedAt, lastInteractionAt, *words, *topicWords',
          notes: 'id, personId, createdAt, *words',
          interactions: 'id, personId, at, [personId+at], threadKey',
          favours: 'id, personId, at',
          threads: 'key, updatedAt',
          settings: 'key',
          trash: 'id, deletedAt',
        });
        this.version(2).stores({
          people: 'id, nameKey, *emails, *siteKeys, team, updatedAt, lastInteractionAt, *words, *topicWords, role',
          notes: 'id, personId, createdAt, updatedAt, *words',
        });
      }
    }
    const v2 = new FutureDatabase();
    try {
      await v2.open();
      expect(v2.verno).toBe(2);
      expect(await v2.table('people').toArray()).toEqual(before.people);
      expect(await v2.table('notes').toArray()).toEqual(before.notes);
      expect(await v2.table('favours').toArray()).toEqual(before.favours);
      expect(await v2.table('settings').toArray()).toEqual(before.settings);
      // The new indexes are filled from the records that were already there.
      expect(await v2.table('people').where('role').equals('SRE').primaryKeys()).toEqual([a.id]);
      expect(await v2.table('notes').where('updatedAt').equals(note.updatedAt).primaryKeys()).toEqual([note.id]);
      // Old indexes still work.
      expect(await v2.table('people').where('emails').equals('dana@example.com').primaryKeys()).toEqual([a.id]);
    } finally {
      await v2.delete();
    }
  });
});
