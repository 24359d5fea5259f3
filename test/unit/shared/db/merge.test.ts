import { describe, expect, it } from 'vitest';
import {
  InvalidDataError,
  addFavour,
  addInteraction,
  addNote,
  cleanPerson,
  createPerson,
  getPersonDetail,
  listPeople,
  matchIdentities,
  mergePeople,
  toPersonRow,
} from '../../../../src/shared/db';
import { emptyPerson, type Person } from '../../../../src/shared/model';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();

describe('mergePeople', () => {
  async function storedDuplicate(fields: Partial<Person> & { displayName: string }): Promise<Person> {
    const person = cleanPerson(emptyPerson(fields));
    await ctx.db.people.put(toPersonRow(person));
    return person;
  }

  async function seed() {
    const { db } = ctx;
    const keep = await createPerson(db, {
      displayName: 'Dana Scully',
      emails: ['dana@work.example'],
      siteIds: [{ site: 'slack', id: 'U1' }],
      askAbout: ['Kubernetes', 'Helm'],
      tags: ['oncall'],
      team: '',
      personal: 'Two kids.',
      createdAt: '2025-02-01T00:00:00.000Z',
    });
    // Duplicates sharing an address and an id cannot be saved any more; they come from imports and
    // older versions, so the second is written as a stored row.
    const other = await storedDuplicate({
      displayName: 'D. Scully',
      emails: ['DANA@work.example', 'dscully@home.example'],
      siteIds: [{ site: 'slack', id: 'U1' }, { site: 'teams', id: 'aad-9' }],
      askAbout: ['helm', 'Terraform'],
      tags: ['Oncall', 'mentor'],
      team: 'Platform',
      role: 'SRE',
      personal: 'Runs marathons.',
      howWeMet: 'Hackathon',
      cadenceDays: 30,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const n1 = await addNote(db, keep.id, 'keep note');
    const n2 = await addNote(db, other.id, 'other note');
    const i1 = await addInteraction(db, { personId: keep.id, kind: 'email', at: '2025-03-01T00:00:00.000Z' });
    const i2 = await addInteraction(db, { personId: other.id, kind: 'in-person', at: '2025-04-01T00:00:00.000Z' });
    const i3 = await addInteraction(db, { personId: other.id, kind: 'chat', at: '2025-05-01T00:00:00.000Z' });
    const f1 = await addFavour(db, { personId: keep.id, direction: 'asked', effort: 'small', what: 'review' });
    const f2 = await addFavour(db, { personId: other.id, direction: 'given', effort: 'large', what: 'cover' });
    return { keep, other, notes: [n1, n2], interactions: [i1, i2, i3], favours: [f1, f2] };
  }

  it('keeps every note, interaction and favour of both and removes the merged record', async () => {
    const { db } = ctx;
    const s = await seed();
    await mergePeople(db, s.keep.id, s.other.id);
    expect(await db.people.get(s.other.id)).toBeUndefined();
    expect(await db.people.count()).toBe(1);
    const detail = await getPersonDetail(db, s.keep.id);
    expect(detail.notes.map((n) => n.id).sort()).toEqual(s.notes.map((n) => n.id).sort());
    expect(detail.interactions.map((i) => i.id).sort()).toEqual(s.interactions.map((i) => i.id).sort());
    expect(detail.favours.map((f) => f.id).sort()).toEqual(s.favours.map((f) => f.id).sort());
    // Nothing else about the moved records changed.
    expect(detail.notes.find((n) => n.id === s.notes[1]!.id)).toEqual({ ...s.notes[1], personId: s.keep.id });
    expect(detail.favours.find((f) => f.id === s.favours[1]!.id)).toEqual({ ...s.favours[1], personId: s.keep.id });
    expect(await db.notes.where('personId').equals(s.other.id).count()).toBe(0);
    expect(await db.interactions.where('personId').equals(s.other.id).count()).toBe(0);
    expect(await db.favours.where('personId').equals(s.other.id).count()).toBe(0);
  });

  it('unions addresses, site ids, topics and tags, and fills the kept person\'s blanks', async () => {
    const { db } = ctx;
    const s = await seed();
    const merged = await mergePeople(db, s.keep.id, s.other.id);
    expect(merged.id).toBe(s.keep.id);
    expect(merged.displayName).toBe('Dana Scully');
    expect(merged.emails).toEqual(['dana@work.example', 'dscully@home.example']);
    expect(merged.siteIds).toEqual([{ site: 'slack', id: 'U1' }, { site: 'teams', id: 'aad-9' }]);
    expect(merged.askAbout).toEqual(['Kubernetes', 'Helm', 'Terraform']);
    expect(merged.tags).toEqual(['oncall', 'mentor']);
    expect(merged.team).toBe('Platform');
    expect(merged.role).toBe('SRE');
    expect(merged.personal).toBe('Two kids.\n\nRuns marathons.');
    expect(merged.howWeMet).toBe('Hackathon');
    expect(merged.cadenceDays).toBe(30);
    expect(merged.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expect((await getPersonDetail(db, s.keep.id)).person).toEqual(merged);

    // The indexes follow: the merged person is found by every address and id, and by search.
    const [byOldEmail, byTeams, byName] = await matchIdentities(db, [
      { email: 'dscully@home.example' },
      { siteId: { site: 'teams', id: 'aad-9' } },
      { name: 'D. Scully' },
    ]);
    expect(byOldEmail).toEqual({ personId: s.keep.id, state: 'noted' });
    expect(byTeams).toEqual({ personId: s.keep.id, state: 'noted' });
    // The merged-away name is only a question now, about the kept person.
    expect(byName).toEqual({ personId: s.keep.id, state: 'uncertain', candidates: [s.keep.id] });
    const found = await listPeople(db, { query: 'terraform' });
    expect(found.people.map((p) => p.id)).toEqual([s.keep.id]);
    expect(found.people[0]?.noteCount).toBe(2);
    expect(found.people[0]?.balance).toMatchObject({ asked: 1, given: 1 });
  });

  it('recomputes the last-interaction dates from both people\'s interactions', async () => {
    const { db } = ctx;
    const s = await seed();
    expect((await db.people.get(s.keep.id))?.lastInteractionAt).toBe('2025-03-01T00:00:00.000Z');
    expect((await db.people.get(s.keep.id))?.lastInPersonAt).toBeNull();
    await mergePeople(db, s.keep.id, s.other.id);
    const row = await db.people.get(s.keep.id);
    expect(row?.lastInteractionAt).toBe('2025-05-01T00:00:00.000Z');
    expect(row?.lastInPersonAt).toBe('2025-04-01T00:00:00.000Z');
  });

  it('keeps the kept person\'s later dates when the merged one has older ones', async () => {
    const { db } = ctx;
    const keep = await createPerson(db, { displayName: 'A' });
    const other = await createPerson(db, { displayName: 'B' });
    await addInteraction(db, { personId: keep.id, kind: 'in-person', at: '2025-06-01T00:00:00.000Z' });
    await addInteraction(db, { personId: other.id, kind: 'in-person', at: '2025-01-01T00:00:00.000Z' });
    await mergePeople(db, keep.id, other.id);
    const row = await db.people.get(keep.id);
    expect([row?.lastInteractionAt, row?.lastInPersonAt]).toEqual(['2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z']);
  });

  it('refuses to merge a person with themself and changes nothing', async () => {
    const { db } = ctx;
    const s = await seed();
    const before = await getPersonDetail(db, s.keep.id);
    const error = await mergePeople(db, s.keep.id, s.keep.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as Error).message).toBe('Choose two different people to merge.');
    expect(await getPersonDetail(db, s.keep.id)).toEqual(before);
    expect(await db.people.count()).toBe(2);
  });

  it('refuses to merge with someone missing and changes nothing', async () => {
    const { db } = ctx;
    const s = await seed();
    const before = await db.notes.toArray();
    await expect(mergePeople(db, s.keep.id, 'ghost')).rejects.toThrow(/was not found/);
    await expect(mergePeople(db, 'ghost', s.other.id)).rejects.toThrow(/was not found/);
    expect(await db.people.count()).toBe(2);
    expect(await db.notes.toArray()).toEqual(before);
  });
});
