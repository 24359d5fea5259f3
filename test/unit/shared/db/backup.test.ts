import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallwayDatabase } from '../../../../src/shared/db/database';
import { BACKUP_FORMAT, BACKUP_VERSION, exportBackup, importBackup, previewMerge, type Backup } from '../../../../src/shared/db/backup';
import {
  addFavour,
  addInteraction,
  addNote,
  createPerson,
  getPersonDetail,
  listPeople,
  matchIdentities,
  setFavourSettled,
  updateSettings,
} from '../../../../src/shared/db';
import { DEFAULT_SETTINGS } from '../../../../src/shared/model';
import { person, snapshot, useFreshDb } from './helpers';

const ctx = useFreshDb();

/** A second empty database for round trips. */
let other: HallwayDatabase;
beforeEach(() => {
  other = new HallwayDatabase('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await other.delete();
});

async function seed(db: HallwayDatabase) {
  const dana = await createPerson(db, {
    displayName: 'Dana Scully',
    emails: ['dana@example.com'],
    siteIds: [{ site: 'slack', id: 'U1' }],
    team: 'Platform',
    askAbout: ['Kubernetes'],
    teamHistory: [{ team: 'Infra', from: '2020-01-01T00:00:00.000Z' }],
    personal: 'Two kids',
    cadenceDays: 60,
  });
  const fox = await createPerson(db, { displayName: 'Fox Mulder', emails: ['fox@example.com'] });
  await addNote(db, dana.id, 'Helped with the kubernetes upgrade');
  await addNote(db, fox.id, 'Believes');
  await addInteraction(db, { personId: dana.id, kind: 'in-person', at: '2025-02-01T10:00:00.000Z', summary: 'coffee' });
  await addInteraction(db, { personId: dana.id, kind: 'email', at: '2025-03-01T10:00:00.000Z', threadKey: 'gmail:abc', sourceUrl: 'https://mail.google.com/#inbox/abc', isAuto: true });
  const f = await addFavour(db, { personId: fox.id, direction: 'asked', effort: 'medium', what: 'Review', at: '2025-01-05T00:00:00.000Z' });
  await setFavourSettled(db, f.id, true);
  await addFavour(db, { personId: dana.id, direction: 'given', effort: 'small', what: 'Intro' });
  await db.threads.put({
    key: 'gmail:abc',
    site: 'gmail',
    url: 'https://mail.google.com/#inbox/abc',
    title: 'Q3 plan',
    participantIds: [dana.id],
    toneHistory: [{ at: '2025-03-01T10:00:00.000Z', score: 0.7, level: 'sour' }],
    nudge: { state: 'shown', until: null, changedAt: '2025-03-01T10:00:00.000Z', atMessage: null },
    updatedAt: '2025-03-01T10:00:00.000Z',
  });
  await updateSettings(db, { toneSensitivity: 'high', disabledSites: ['teams.microsoft.com'] });
  return { dana, fox };
}

/** A small, valid backup file built by hand. */
function file(overrides: Partial<Record<keyof Backup, unknown>> = {}): Record<string, unknown> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2025-06-01T00:00:00.000Z',
    people: [
      {
        id: 'p1', displayName: 'Ana', emails: ['ana@example.com'], siteIds: [], team: '', role: '', teamHistory: [], tags: [],
        askAbout: ['Rust'], personal: '', howWeMet: '', cadenceDays: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
      },
      {
        id: 'p2', displayName: 'Ben', emails: [], siteIds: [], team: 'Ops', role: '', teamHistory: [], tags: [],
        askAbout: [], personal: '', howWeMet: '', cadenceDays: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    notes: [{ id: 'n1', personId: 'p1', text: 'Rust wizard', createdAt: '2025-01-02T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' }],
    interactions: [{ id: 'i1', personId: 'p2', kind: 'in-person', at: '2025-01-03T00:00:00.000Z', isAuto: false }],
    favours: [],
    threads: [],
    ...overrides,
  };
}

describe('export and import', () => {
  it('export → import (replace) into an empty database gives the same data', async () => {
    const { db } = ctx;
    await seed(db);
    const exported = await exportBackup(db);
    expect(exported.format).toBe('hallway-backup');
    expect(exported.version).toBe(1);
    expect(exported.people).toHaveLength(2);
    expect(exported.notes).toHaveLength(2);
    expect(exported.interactions).toHaveLength(2);
    expect(exported.favours).toHaveLength(2);
    expect(exported.threads).toHaveLength(1);
    // Through JSON, as a real file would be.
    const result = await importBackup(other, JSON.parse(JSON.stringify(exported)), 'replace');
    expect(result).toEqual({ ok: true, report: { people: 2, notes: 2, interactions: 2, favours: 2, threads: 1, merged: [] } });
    expect(await snapshot(other)).toEqual(await snapshot(db));
    // Derived rows come back too: same rows, same search, same stats.
    expect(await other.people.orderBy('id').toArray()).toEqual(await db.people.orderBy('id').toArray());
    expect(await other.notes.orderBy('id').toArray()).toEqual(await db.notes.orderBy('id').toArray());
    expect((await listPeople(other, { query: 'kubernetes' })).people.map((p) => p.displayName)).toEqual(['Dana Scully']);
  });

  it('export carries no derived fields and is sorted, so equal data gives an equal file', async () => {
    const { db } = ctx;
    await seed(db);
    const a = await exportBackup(db, 'x');
    const b = await exportBackup(db, 'x');
    expect(a).toEqual(b);
    expect(a.exportedAt).toBe('x');
    for (const p of a.people) for (const key of ['words', 'nameKey', 'siteKeys', 'lastInteractionAt', 'lastInPersonAt']) expect(p).not.toHaveProperty(key);
    for (const n of a.notes) expect(n).not.toHaveProperty('words');
    expect(a.people.map((p) => p.id)).toEqual([...a.people.map((p) => p.id)].sort());
    expect(a.settings).toEqual({ ...DEFAULT_SETTINGS, toneSensitivity: 'high', disabledSites: ['teams.microsoft.com'] });
  });

  it('an import sets the last-interaction dates from the interactions in the file', async () => {
    const result = await importBackup(other, file(), 'replace');
    expect(result.ok).toBe(true);
    const ben = await other.people.get('p2');
    expect([ben?.lastInteractionAt, ben?.lastInPersonAt]).toEqual(['2025-01-03T00:00:00.000Z', '2025-01-03T00:00:00.000Z']);
    expect((await matchIdentities(other, [{ email: 'ana@example.com' }]))[0]).toEqual({ personId: 'p1', state: 'noted' });
  });

  it('replace makes the database equal to the file, settings included', async () => {
    const { db } = ctx;
    await seed(db);
    const result = await importBackup(db, file(), 'replace');
    expect(result.ok).toBe(true);
    const after = await snapshot(db);
    const { exportedAt: _e, ...expected } = file({ settings: DEFAULT_SETTINGS });
    expect(after).toEqual(expected);
  });

  it('merge adds the file\'s records and keeps everything else', async () => {
    const { db } = ctx;
    await seed(db);
    const before = await snapshot(db);
    const result = await importBackup(db, file(), 'merge');
    expect(result).toEqual({ ok: true, report: { people: 2, notes: 1, interactions: 1, favours: 0, threads: 0, merged: [] } });
    const after = await snapshot(db);
    const f = file() as unknown as Backup;
    expect(after.people).toEqual([...before.people, ...f.people].sort((a, b) => a.id.localeCompare(b.id)));
    expect(after.notes).toEqual([...before.notes, ...f.notes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(after.interactions).toEqual([...before.interactions, ...f.interactions].sort((a, b) => a.id.localeCompare(b.id)));
    expect(after.favours).toEqual(before.favours);
    expect(after.threads).toEqual(before.threads);
    expect(after.settings).toEqual(before.settings);
  });

  it('merge matches someone here by address or chat id under another id: one record, their notes on it', async () => {
    const { db } = ctx;
    const { dana } = await seed(db);
    const person = (id: string, displayName: string, fields: Record<string, unknown>) => ({
      id, displayName, emails: [], siteIds: [], team: '', role: 'SRE', teamHistory: [], tags: ['mentor'], askAbout: ['Helm'],
      personal: '', howWeMet: 'Hackathon', cadenceDays: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...fields,
    });
    const result = await importBackup(
      db,
      file({
        people: [person('laptop-dana', 'D. Scully', { emails: ['DANA@example.com'] }), person('laptop-dana-slack', 'Dana', { siteIds: [{ site: 'slack', id: 'U1' }] })],
        notes: [{ id: 'n-laptop', personId: 'laptop-dana', text: 'Runs marathons', createdAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' }],
        interactions: [{ id: 'i-laptop', personId: 'laptop-dana-slack', kind: 'in-person', at: '2025-05-01T00:00:00.000Z', isAuto: false }],
      }),
      'merge',
    );
    expect(result).toMatchObject({
      ok: true,
      report: { merged: [{ name: 'D. Scully', into: 'Dana Scully' }, { name: 'Dana', into: 'Dana Scully' }] },
    });
    // The preview says the same before anything is written.
    const again = file({ people: [person('laptop-dana', 'D. Scully', { emails: ['dana@example.com'] })], notes: [], interactions: [] });
    const count = await db.people.count();
    expect(await previewMerge(db, again)).toEqual({ ok: true, people: 1, merged: [{ name: 'D. Scully', into: 'Dana Scully' }] });
    expect(await db.people.count()).toBe(count);
    expect(await db.people.count()).toBe(2);
    expect(await db.people.get('laptop-dana')).toBeUndefined();
    const detail = await getPersonDetail(db, dana.id);
    expect(detail.person).toMatchObject({ displayName: 'Dana Scully', role: 'SRE', howWeMet: 'Hackathon', emails: ['dana@example.com'] });
    expect(detail.person.tags).toEqual(['mentor']);
    expect(detail.person.askAbout).toEqual(['Kubernetes', 'Helm']);
    expect(detail.notes.map((n) => n.text)).toContain('Runs marathons');
    expect(detail.interactions.map((i) => i.id)).toContain('i-laptop');
    // The stats and search follow the merged record.
    const row = await db.people.get(dana.id);
    expect(row?.lastInPersonAt).toBe('2025-05-01T00:00:00.000Z');
    expect((await listPeople(db, { query: 'marathons' })).people.map((p) => p.id)).toEqual([dana.id]);
  });

  it('merge overwrites a record with the same id and may refer to people already in the database', async () => {
    const { db } = ctx;
    const { dana } = await seed(db);
    const result = await importBackup(
      db,
      file({
        people: [],
        notes: [{ id: 'n9', personId: dana.id, text: 'From the file', createdAt: '2025-07-01T00:00:00.000Z', updatedAt: '2025-07-01T00:00:00.000Z' }],
        interactions: [{ id: 'i9', personId: dana.id, kind: 'in-person', at: '2026-01-01T00:00:00.000Z', isAuto: false }],
      }),
      'merge',
    );
    expect(result.ok).toBe(true);
    expect((await db.notes.get('n9'))?.words).toEqual(['from', 'the', 'file']);
    const row = await db.people.get(dana.id);
    expect([row?.lastInteractionAt, row?.lastInPersonAt]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
  });

  it('merge of a person already present keeps stats from interactions already in the database', async () => {
    const { db } = ctx;
    await seed(db);
    const exported = await exportBackup(db);
    const renamed = { ...exported, people: exported.people.map((p) => ({ ...p, role: 'Renamed' })), interactions: [] };
    expect((await importBackup(db, renamed, 'merge')).ok).toBe(true);
    const rows = await db.people.toArray();
    expect(rows.every((r) => r.role === 'Renamed')).toBe(true);
    const dana = rows.find((r) => r.displayName === 'Dana Scully');
    expect([dana?.lastInteractionAt, dana?.lastInPersonAt]).toEqual(['2025-03-01T10:00:00.000Z', '2025-02-01T10:00:00.000Z']);
  });
});

describe('import refusals leave the data unchanged', () => {
  const cases: [string, unknown, 'replace' | 'merge', (problems: { path: string; message: string }[]) => void][] = [
    ['a list', [], 'replace', (p) => expect(p).toEqual([{ path: 'format', message: expect.stringContaining('not a Hallway backup') }])],
    ['a string', '{"format":"hallway-backup"}', 'replace', (p) => expect(p[0]?.message).toContain('not a Hallway backup')],
    ['null', null, 'replace', (p) => expect(p[0]?.message).toContain('not a Hallway backup')],
    ['another format', file({ format: 'other-app' }), 'replace', (p) => expect(p).toEqual([{ path: 'format', message: expect.stringContaining('expected "format": "hallway-backup"') }])],
    ['a newer version', file({ version: 2 }), 'replace', (p) => expect(p).toEqual([{ path: 'version', message: expect.stringContaining('newer Hallway') }])],
    ['a version that is not a number', file({ version: '1' }), 'replace', (p) => expect(p.map((x) => x.path)).toEqual(['version'])],
    ['a missing field', file({ people: [(file().people as object[])[0], { ...(file().people as object[])[1], displayName: undefined }] }), 'replace', (p) =>
      expect(p).toEqual([{ path: 'people[1].displayName', message: 'is missing' }])],
    ['a bad email', file({ people: [{ ...(file().people as object[])[0], emails: ['ana@example.com', 'not-an-email'] }, (file().people as object[])[1]] }), 'replace', (p) =>
      expect(p).toEqual([{ path: 'people[0].emails[1]', message: '"not-an-email" is not an email address' }])],
    ['an unknown field', file({ notes: [{ ...(file().notes as object[])[0], colour: 'red' }] }), 'replace', (p) =>
      expect(p).toEqual([{ path: 'notes[0].colour', message: 'is not a known field' }])],
    ['a bad date', file({ interactions: [{ ...(file().interactions as object[])[0], at: 'yesterday' }] }), 'replace', (p) =>
      expect(p.map((x) => x.path)).toEqual(['interactions[0].at'])],
    ['a missing list', file({ threads: undefined }), 'replace', (p) => expect(p).toEqual([{ path: 'threads', message: 'is missing' }])],
    ['duplicate person ids', file({ people: [(file().people as object[])[0], { ...(file().people as object[])[1], id: 'p1' }] }), 'replace', (p) =>
      expect(p).toContainEqual({ path: 'people[1]', message: 'repeats the id of people[0]' })],
    ['duplicate note ids', file({ notes: [(file().notes as object[])[0], (file().notes as object[])[0]] }), 'merge', (p) =>
      expect(p).toEqual([{ path: 'notes[1]', message: 'repeats the id of notes[0]' }])],
    ['a note for someone not in the file', file({ notes: [{ ...(file().notes as object[])[0], personId: 'ghost' }] }), 'replace', (p) =>
      expect(p).toEqual([{ path: 'notes[0].personId', message: 'refers to "ghost", who is not in the file' }])],
    ['a favour for someone not in the file (merge)', file({ favours: [{ id: 'f1', personId: 'ghost', direction: 'asked', effort: 'small', what: 'x', at: '2025-01-01T00:00:00.000Z', settledAt: null }] }), 'merge', (p) =>
      expect(p).toEqual([{ path: 'favours[0].personId', message: 'refers to "ghost", who is not in the file' }])],
    ['bad settings', file({ settings: { ...DEFAULT_SETTINGS, toneSensitivity: 'loud' } }), 'replace', (p) => expect(p.map((x) => x.path)).toEqual(['settings.toneSensitivity'])],
  ];
  for (const [what, data, mode, check] of cases) {
    it(`refuses ${what} (${mode})`, async () => {
      const { db } = ctx;
      await seed(db);
      const before = await snapshot(db);
      const rowsBefore = await db.people.toArray();
      const result = await importBackup(db, data, mode);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      check(result.problems);
      expect(await snapshot(db)).toEqual(before);
      expect(await db.people.toArray()).toEqual(rowsBefore);
    });
  }

  it('in replace mode a note may not refer to a person that is only in the database', async () => {
    const { db } = ctx;
    const { dana } = await seed(db);
    const before = await snapshot(db);
    const result = await importBackup(db, file({ notes: [{ ...(file().notes as object[])[0], personId: dana.id }] }), 'replace');
    expect(result).toEqual({ ok: false, problems: [{ path: 'notes[0].personId', message: `refers to "${dana.id}", who is not in the file` }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports every problem in the file, each with its path', async () => {
    const people = file().people as object[];
    const result = await importBackup(
      ctx.db,
      file({ people: [{ ...people[0], emails: ['BAD'] }, { ...people[1], cadenceDays: -1, nick: 'b' }] }),
      'replace',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(['people[0].emails[0]', 'people[1].cadenceDays', 'people[1].nick'].sort());
  });
});

describe('import of blank-after-trimming values', () => {
  it('refuses a display name of only spaces', async () => {
    const people = file().people as object[];
    const result = await importBackup(ctx.db, file({ people: [{ ...people[0], displayName: '   ' }, people[1]] }), 'replace');
    expect(result.ok).toBe(false);
    expect(await ctx.db.people.count()).toBe(0);
  });

  it('what Hallway exports, Hallway imports (round trip after a blank-name import)', async () => {
    const people = file().people as object[];
    await importBackup(ctx.db, file({ people: [{ ...people[0], displayName: '   ' }, people[1]] }), 'replace');
    const result = await importBackup(other, await exportBackup(ctx.db), 'replace');
    expect(result.ok).toBe(true);
  });
});

describe('a big import', () => {
  /** A file of `people` people with two notes each. */
  function bigFile(people: number): Backup {
    const file: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2025-01-01T00:00:00.000Z', people: [], notes: [], interactions: [], favours: [], threads: [], settings: DEFAULT_SETTINGS };
    for (let i = 0; i < people; i++) {
      file.people.push(person({ id: `p${i}`, displayName: `Person ${i}`, emails: [`p${i}@example.com`] }));
      for (const n of [0, 1]) file.notes.push({ id: `n${i}-${n}`, personId: `p${i}`, text: `note ${n} about person ${i}`, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    }
    return file;
  }

  it('reports its progress as it writes, up to every record in the file', async () => {
    const reports: { done: number; total: number }[] = [];
    const result = await importBackup(ctx.db, bigFile(3000), 'replace', { onProgress: (progress) => reports.push(progress) });
    expect(result.ok).toBe(true);
    expect(reports[0]).toEqual({ done: 0, total: 9000 });
    expect(reports.at(-1)).toEqual({ done: 9000, total: 9000 });
    expect(reports.length).toBeGreaterThan(3);
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.done).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    expect((await listPeople(ctx.db, { limit: 1 })).total).toBe(3000);
  });

  it('cancelled halfway, leaves everything as it was', async () => {
    await createPerson(ctx.db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    const before = await snapshot(ctx.db);
    let isCancelled = false;
    const result = await importBackup(ctx.db, bigFile(3000), 'replace', {
      onProgress: ({ done }) => {
        if (done >= 2000) isCancelled = true;
      },
      isCancelled: () => isCancelled,
    });
    expect(result).toEqual({ ok: false, problems: [], isCancelled: true });
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

