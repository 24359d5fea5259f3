import { describe, expect, it } from 'vitest';
import {
  DuplicateIdentityError,
  InvalidDataError,
  NotFoundError,
  addFavour,
  addInteraction,
  addNote,
  createPerson,
  deleteInteraction,
  deleteNote,
  deletePerson,
  favourBalance,
  getPersonDetail,
  getSettings,
  listPeople,
  setFavourSettled,
  undoDelete,
  updateNote,
  updateSettings,
  UNDO_WINDOW_MS,
  savePerson,
} from '../../../../src/shared/db';
import { DEFAULT_SETTINGS, type Favour } from '../../../../src/shared/model';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();

describe('notes', () => {
  it('adds, updates and deletes a note', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    const note = await addNote(db, dana.id, '  Has two kids  ');
    expect(note.text).toBe('Has two kids');
    expect(note.personId).toBe(dana.id);
    expect((await getPersonDetail(db, dana.id)).notes).toEqual([note]);

    const updated = await updateNote(db, note.id, 'Has three kids');
    expect(updated).toMatchObject({ id: note.id, personId: dana.id, text: 'Has three kids', createdAt: note.createdAt });
    expect(updated.updatedAt >= note.updatedAt).toBe(true);
    expect((await getPersonDetail(db, dana.id)).notes).toEqual([updated]);
    // The search words follow the text.
    expect((await db.notes.get(note.id))?.words).toEqual(['has', 'three', 'kids']);

    await deleteNote(db, note.id);
    expect((await getPersonDetail(db, dana.id)).notes).toEqual([]);
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses an empty note and a note for nobody', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    await expect(addNote(db, dana.id, '   ')).rejects.toThrow(InvalidDataError);
    await expect(addNote(db, dana.id, '   ')).rejects.toThrow('text: must not be empty');
    await expect(addNote(db, 'nobody', 'hello')).rejects.toThrow(/was not found/);
    await expect(updateNote(db, 'missing', 'hello')).rejects.toThrow(/was not found/);
    expect(await db.notes.count()).toBe(0);
  });

  it('lists notes newest first', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    await db.notes.bulkAdd([
      { id: 'n1', personId: dana.id, text: 'old', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', words: ['old'] },
      { id: 'n2', personId: dana.id, text: 'new', createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z', words: ['new'] },
      { id: 'n3', personId: dana.id, text: 'mid', createdAt: '2025-02-01T00:00:00.000Z', updatedAt: '2025-02-01T00:00:00.000Z', words: ['mid'] },
    ]);
    expect((await getPersonDetail(db, dana.id)).notes.map((n) => n.text)).toEqual(['new', 'mid', 'old']);
  });
});

describe('interactions', () => {
  it('keep lastInteractionAt and lastInPersonAt in step, including after deleting the latest', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    const stats = async () => {
      const row = await db.people.get(dana.id);
      return { last: row?.lastInteractionAt, inPerson: row?.lastInPersonAt };
    };
    const met = await addInteraction(db, { personId: dana.id, kind: 'in-person', at: '2025-01-10T12:00:00.000Z' });
    expect(await stats()).toEqual({ last: '2025-01-10T12:00:00.000Z', inPerson: '2025-01-10T12:00:00.000Z' });

    const mail = await addInteraction(db, { personId: dana.id, kind: 'email', at: '2025-02-01T12:00:00.000Z' });
    expect(await stats()).toEqual({ last: '2025-02-01T12:00:00.000Z', inPerson: '2025-01-10T12:00:00.000Z' });

    // An older one does not move the dates back.
    await addInteraction(db, { personId: dana.id, kind: 'chat', at: '2024-12-01T12:00:00.000Z' });
    expect(await stats()).toEqual({ last: '2025-02-01T12:00:00.000Z', inPerson: '2025-01-10T12:00:00.000Z' });

    const met2 = await addInteraction(db, { personId: dana.id, kind: 'in-person', at: '2025-03-01T12:00:00.000Z' });
    expect(await stats()).toEqual({ last: '2025-03-01T12:00:00.000Z', inPerson: '2025-03-01T12:00:00.000Z' });

    await deleteInteraction(db, met2.id);
    expect(await stats()).toEqual({ last: '2025-02-01T12:00:00.000Z', inPerson: '2025-01-10T12:00:00.000Z' });

    await deleteInteraction(db, mail.id);
    expect(await stats()).toEqual({ last: '2025-01-10T12:00:00.000Z', inPerson: '2025-01-10T12:00:00.000Z' });

    await deleteInteraction(db, met.id);
    expect(await stats()).toEqual({ last: '2024-12-01T12:00:00.000Z', inPerson: null });

    const detail = await getPersonDetail(db, dana.id);
    expect(detail.interactions.map((i) => i.kind)).toEqual(['chat']);
  });

  it('stores only the fields given, trimmed, with isAuto false by default', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    const i = await addInteraction(db, { personId: dana.id, kind: 'call', at: '2025-01-01T00:00:00.000Z', summary: '  Talked about the outage  ' });
    expect(i).toEqual({ id: i.id, personId: dana.id, kind: 'call', at: '2025-01-01T00:00:00.000Z', isAuto: false, summary: 'Talked about the outage' });
    expect(await db.interactions.get(i.id)).toEqual(i);
    const blank = await addInteraction(db, { personId: dana.id, kind: 'chat', summary: '   ' });
    expect(Object.keys(blank)).not.toContain('summary');
    expect(Date.parse(blank.at)).not.toBeNaN();
  });

  it('refuses an interaction for nobody and does not change other people', async () => {
    const { db } = ctx;
    await expect(addInteraction(db, { personId: 'ghost', kind: 'email' })).rejects.toThrow(/was not found/);
    expect(await db.interactions.count()).toBe(0);
  });

  it('deleting a missing interaction is a no-op', async () => {
    const { db } = ctx;
    await expect(deleteInteraction(db, 'missing')).resolves.toBeUndefined();
  });

  it('lists interactions newest first', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    for (const at of ['2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z', '2025-01-01T00:00:00.000Z']) {
      await addInteraction(db, { personId: dana.id, kind: 'email', at });
    }
    expect((await getPersonDetail(db, dana.id)).interactions.map((i) => i.at)).toEqual([
      '2025-01-03T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      '2025-01-01T00:00:00.000Z',
    ]);
  });
});

describe('favours', () => {
  it('counts open favours each way; settled ones do not count', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    const asked1 = await addFavour(db, { personId: dana.id, direction: 'asked', effort: 'small', what: 'Review my PR' });
    await addFavour(db, { personId: dana.id, direction: 'asked', effort: 'large', what: 'Cover on-call' });
    await addFavour(db, { personId: dana.id, direction: 'given', effort: 'medium', what: 'Intro to the data team' });
    const summary = async () => (await listPeople(db)).people[0]?.balance;
    expect(await summary()).toMatchObject({ asked: 2, given: 1 });

    const settled = await setFavourSettled(db, asked1.id, true);
    expect(settled.settledAt).not.toBeNull();
    expect(await summary()).toMatchObject({ asked: 1, given: 1 });

    // Settling again keeps the first settlement date.
    const again = await setFavourSettled(db, asked1.id, true);
    expect(again.settledAt).toBe(settled.settledAt);

    const reopened = await setFavourSettled(db, asked1.id, false);
    expect(reopened.settledAt).toBeNull();
    expect(await summary()).toMatchObject({ asked: 2, given: 1 });
  });

  it('favourBalance is a pure count of unsettled favours', () => {
    const f = (direction: 'asked' | 'given', settledAt: string | null): Favour => ({
      id: crypto.randomUUID(), personId: 'p', direction, effort: 'small', what: 'x', at: '2025-01-01T00:00:00.000Z', settledAt,
    });
    expect(favourBalance([])).toEqual({ asked: 0, given: 0, since: null });
    expect(favourBalance([f('asked', null), f('given', null), f('given', null), f('given', '2025-02-01T00:00:00.000Z')])).toEqual({ asked: 1, given: 2, since: '2025-01-01T00:00:00.000Z' });
  });

  it('refuses a favour with no description or for nobody', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana' });
    await expect(addFavour(db, { personId: dana.id, direction: 'asked', effort: 'small', what: '  ' })).rejects.toThrow('what: must not be empty');
    await expect(addFavour(db, { personId: 'ghost', direction: 'asked', effort: 'small', what: 'x' })).rejects.toThrow(/was not found/);
    await expect(setFavourSettled(db, 'ghost', true)).rejects.toThrow(/was not found/);
    expect(await db.favours.count()).toBe(0);
  });
});

describe('delete and undo', () => {
  it('deletePerson removes the person and everything of theirs; undoDelete restores it exactly', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'], askAbout: ['Kubernetes'] });
    const fox = await createPerson(db, { displayName: 'Fox' });
    await addNote(db, dana.id, 'note one');
    await addNote(db, dana.id, 'note two');
    await addInteraction(db, { personId: dana.id, kind: 'in-person', at: '2025-01-01T00:00:00.000Z' });
    const f = await addFavour(db, { personId: dana.id, direction: 'given', effort: 'small', what: 'Coffee' });
    await setFavourSettled(db, f.id, true);
    const foxNote = await addNote(db, fox.id, 'fox note');

    const rows = async () => ({
      people: await db.people.toArray(),
      notes: await db.notes.toArray(),
      interactions: await db.interactions.toArray(),
      favours: await db.favours.toArray(),
    });
    const before = await rows();
    const detailBefore = await getPersonDetail(db, dana.id);

    const { undoId } = await deletePerson(db, dana.id);
    await expect(getPersonDetail(db, dana.id)).rejects.toThrow(/was not found/);
    const after = await rows();
    expect(after.people.map((p) => p.id)).toEqual([fox.id]);
    expect(after.notes.map((n) => n.id)).toEqual([foxNote.id]);
    expect(after.interactions).toEqual([]);
    expect(after.favours).toEqual([]);
    expect((await listPeople(db, { query: 'kubernetes' })).total).toBe(0);

    const restored = await undoDelete(db, undoId);
    expect(restored).toEqual(detailBefore.person);
    expect(await rows()).toEqual(before);
    expect(await getPersonDetail(db, dana.id)).toEqual(detailBefore);
    expect(await db.trash.count()).toBe(0);
    // The undo is used up.
    await expect(undoDelete(db, undoId)).rejects.toThrow(/was not found/);
  });

  it('refuses to delete someone who is not there', async () => {
    const { db } = ctx;
    await expect(deletePerson(db, 'ghost')).rejects.toThrow(/was not found/);
    expect(await db.trash.count()).toBe(0);
  });

  it('drops trash older than the undo window when something new is deleted', async () => {
    const { db } = ctx;
    const old = new Date(Date.now() - UNDO_WINDOW_MS - 60_000).toISOString();
    const recent = new Date(Date.now() - UNDO_WINDOW_MS + 60 * 60_000).toISOString();
    const row = (await db.people.get((await createPerson(db, { displayName: 'X' })).id))!;
    await db.trash.bulkAdd([
      { id: 'old', deletedAt: old, person: row, notes: [], interactions: [], favours: [] },
      { id: 'recent', deletedAt: recent, person: row, notes: [], interactions: [], favours: [] },
    ]);
    const dana = await createPerson(db, { displayName: 'Dana' });
    const { undoId } = await deletePerson(db, dana.id);
    expect((await db.trash.toCollection().primaryKeys()).sort()).toEqual(['recent', undoId].sort());
  });
});

describe('listPeople', () => {
  async function seed() {
    const { db } = ctx;
    const zoe = await createPerson(db, { displayName: 'Zoë Adams', team: 'Platform' });
    const al = await createPerson(db, { displayName: 'al Brown', team: '' });
    const bea = await createPerson(db, { displayName: 'Bea Chen', team: 'design' });
    const cy = await createPerson(db, { displayName: 'Cy Diaz', team: 'Platform' });
    await addInteraction(db, { personId: bea.id, kind: 'email', at: '2025-03-01T00:00:00.000Z' });
    await addInteraction(db, { personId: zoe.id, kind: 'email', at: '2025-05-01T00:00:00.000Z' });
    await addInteraction(db, { personId: cy.id, kind: 'email', at: '2025-04-01T00:00:00.000Z' });
    return { zoe, al, bea, cy };
  }

  it('sorts by name, ignoring case and accents', async () => {
    const { db } = ctx;
    await seed();
    const page = await listPeople(db, { sort: 'name' });
    expect(page.people.map((p) => p.displayName)).toEqual(['al Brown', 'Bea Chen', 'Cy Diaz', 'Zoë Adams']);
    expect(page.total).toBe(4);
    // name is the default
    expect((await listPeople(db)).people.map((p) => p.displayName)).toEqual(['al Brown', 'Bea Chen', 'Cy Diaz', 'Zoë Adams']);
  });

  it('sorts by team (case-insensitive), people without a team last, then by name', async () => {
    const { db } = ctx;
    await seed();
    const page = await listPeople(db, { sort: 'team' });
    expect(page.people.map((p) => [p.team, p.displayName])).toEqual([
      ['design', 'Bea Chen'],
      ['Platform', 'Cy Diaz'],
      ['Platform', 'Zoë Adams'],
      ['', 'al Brown'],
    ]);
  });

  it('sorts by last interaction, most recent first, never-met last', async () => {
    const { db } = ctx;
    await seed();
    const page = await listPeople(db, { sort: 'lastInteraction' });
    expect(page.people.map((p) => [p.displayName, p.lastInteractionAt])).toEqual([
      ['Zoë Adams', '2025-05-01T00:00:00.000Z'],
      ['Cy Diaz', '2025-04-01T00:00:00.000Z'],
      ['Bea Chen', '2025-03-01T00:00:00.000Z'],
      ['al Brown', null],
    ]);
  });

  it('pages with offset and limit and reports the total', async () => {
    const { db } = ctx;
    for (let i = 0; i < 12; i++) await createPerson(db, { displayName: `Person ${String(i).padStart(2, '0')}` });
    const first = await listPeople(db, { limit: 5 });
    const second = await listPeople(db, { offset: 5, limit: 5 });
    const third = await listPeople(db, { offset: 10, limit: 5 });
    const beyond = await listPeople(db, { offset: 20, limit: 5 });
    expect(first.people.map((p) => p.displayName)).toEqual(['Person 00', 'Person 01', 'Person 02', 'Person 03', 'Person 04']);
    expect(second.people.map((p) => p.displayName)).toEqual(['Person 05', 'Person 06', 'Person 07', 'Person 08', 'Person 09']);
    expect(third.people.map((p) => p.displayName)).toEqual(['Person 10', 'Person 11']);
    expect(beyond.people).toEqual([]);
    for (const page of [first, second, third, beyond]) expect(page.total).toBe(12);
  });

  it('summaries carry the latest note, note count, balance and no private fields', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', personal: 'secret hobby', emails: ['dana@example.com'], askAbout: ['Go'] });
    await db.notes.bulkAdd([
      { id: 'a', personId: dana.id, text: 'older', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', words: [] },
      { id: 'b', personId: dana.id, text: 'newest', createdAt: '2025-02-01T00:00:00.000Z', updatedAt: '2025-02-01T00:00:00.000Z', words: [] },
    ]);
    const [summary] = (await listPeople(db)).people;
    expect(summary).toEqual({
      id: dana.id,
      displayName: 'Dana',
      team: '',
      role: '',
      emails: ['dana@example.com'],
      askAbout: ['Go'],
      latestNote: { id: 'b', text: 'newest', createdAt: '2025-02-01T00:00:00.000Z' },
      noteCount: 2,
      lastInteractionAt: null,
      lastInPersonAt: null,
      balance: { asked: 0, given: 0, since: null },
    });
    expect(JSON.stringify(summary)).not.toContain('secret hobby');
  });

  it('an empty directory lists nothing', async () => {
    const { db } = ctx;
    expect(await listPeople(db)).toEqual({ people: [], total: 0 });
  });
});

describe('settings', () => {
  it('defaults, updates, and ignores a malformed stored value one key at a time', async () => {
    const { db } = ctx;
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    const next = await updateSettings(db, { toneSensitivity: 'high', disabledSites: ['mail.google.com'] });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, toneSensitivity: 'high', disabledSites: ['mail.google.com'] });
    expect(await getSettings(db)).toEqual(next);
    await db.settings.put({ key: 'isDraftCheckOn', value: 'yes' });
    await db.settings.put({ key: 'unknownKey', value: 1 });
    expect(await getSettings(db)).toEqual(next);
    await expect(updateSettings(db, { toneSensitivity: 'loud' as never })).rejects.toThrow(/toneSensitivity: expected one of/);
    expect(await getSettings(db)).toEqual(next);
  });
});

describe('NotFoundError reaches the caller as itself', () => {
  const cases: [string, (db: typeof ctx.db) => Promise<unknown>][] = [
    ['getPersonDetail', (db) => getPersonDetail(db, 'ghost')],
    ['addNote', (db) => addNote(db, 'ghost', 'hello')],
    ['updateNote', (db) => updateNote(db, 'ghost', 'hello')],
    ['addInteraction', (db) => addInteraction(db, { personId: 'ghost', kind: 'email' })],
    ['addFavour', (db) => addFavour(db, { personId: 'ghost', direction: 'asked', effort: 'small', what: 'x' })],
    ['setFavourSettled', (db) => setFavourSettled(db, 'ghost', true)],
    ['deletePerson', (db) => deletePerson(db, 'ghost')],
    ['undoDelete', (db) => undoDelete(db, 'ghost')],
  ];
  for (const [name, call] of cases) {
    it(`${name} rejects with repo.NotFoundError and its plain message`, async () => {
      const error = await call(ctx.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toMatch(/^That (person|note|favour|deleted person) was not found; it may have been deleted\.$/);
    });
  }
});

describe('one colleague, one record', () => {
  it('refuses a new person with an address someone has, says who has it, and saves nothing', async () => {
    const { db } = ctx;
    const grace = await createPerson(db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    const attempt = createPerson(db, { displayName: 'G. Hopper', emails: ['Grace@Example.com'] });
    await expect(attempt).rejects.toBeInstanceOf(DuplicateIdentityError);
    await expect(attempt).rejects.toMatchObject({ owner: { id: grace.id, displayName: 'Grace Hopper' }, message: /grace@example.com already belongs to Grace Hopper/ });
    expect(await db.people.count()).toBe(1);
  });

  it('refuses a site id someone has, and lets a person be saved with their own', async () => {
    const { db } = ctx;
    const grace = await createPerson(db, { displayName: 'Grace Hopper', siteIds: [{ site: 'slack', id: 'U1' }] });
    await expect(createPerson(db, { displayName: 'Ada', siteIds: [{ site: 'slack', id: 'U1' }] })).rejects.toMatchObject({ owner: { id: grace.id } });
    // The same id on another site is another identity.
    await expect(createPerson(db, { displayName: 'Ada', siteIds: [{ site: 'teams', id: 'U1' }] })).resolves.toMatchObject({ displayName: 'Ada' });
    await expect(savePerson(db, { ...grace, role: 'Admiral' })).resolves.toMatchObject({ role: 'Admiral' });
  });
});
