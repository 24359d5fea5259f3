import { describe, expect, it } from 'vitest';
import { addNote, createPerson, listPeople } from '../../../../src/shared/db';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();

async function names(query: string, options: { sort?: 'name' | 'team' | 'lastInteraction'; offset?: number; limit?: number } = {}) {
  return (await listPeople(ctx.db, { query, ...options })).people.map((p) => p.displayName);
}

describe('search', () => {
  it('"who knows about Kubernetes?" finds the askAbout match first, then the note mention', async () => {
    const { db } = ctx;
    // Names chosen so that sorting by name alone would put the note match first.
    const noted = await createPerson(db, { displayName: 'Aaron Note' });
    await addNote(db, noted.id, 'Helped me debug our kubernetes ingress last week.');
    await createPerson(db, { displayName: 'Zed Expert', askAbout: ['Kubernetes', 'Helm'] });
    await createPerson(db, { displayName: 'Mia Unrelated', askAbout: ['Postgres'] });
    const page = await listPeople(db, { query: 'who knows about Kubernetes?' });
    expect(page.people.map((p) => p.displayName)).toEqual(['Zed Expert', 'Aaron Note']);
    expect(page.total).toBe(2);
    // The note match shows why it matched: the latest note.
    expect(page.people[1]?.latestNote?.text).toContain('kubernetes');
  });

  it('ranks askAbout above the person\'s other fields, and those above notes', async () => {
    const { db } = ctx;
    const a = await createPerson(db, { displayName: 'A Note' });
    await addNote(db, a.id, 'terraform modules');
    await createPerson(db, { displayName: 'B Role', role: 'Terraform maintainer' });
    await createPerson(db, { displayName: 'C Ask', askAbout: ['Terraform'] });
    expect(await names('terraform')).toEqual(['C Ask', 'B Role', 'A Note']);
    // The chosen sort does not override the ranking.
    expect(await names('terraform', { sort: 'team' })).toEqual(['C Ask', 'B Role', 'A Note']);
  });

  it('the chosen sort breaks ties between equally good matches', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Zara', team: 'Alpha', askAbout: ['Go'] });
    await createPerson(db, { displayName: 'Adam', team: 'Beta', askAbout: ['Go'] });
    expect(await names('go')).toEqual(['Adam', 'Zara']);
    expect(await names('go', { sort: 'team' })).toEqual(['Zara', 'Adam']);
  });

  it('finds by email address, whole or in any case', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana', emails: ['dana.scully@fbi.example'] });
    await createPerson(db, { displayName: 'Fox', emails: ['fox@fbi.example'] });
    expect(await names('dana.scully@fbi.example')).toEqual(['Dana']);
    expect(await names('DANA.SCULLY@FBI.EXAMPLE')).toEqual(['Dana']);
    expect(await names('fox@fbi.example')).toEqual(['Fox']);
    expect(await names('nobody@fbi.example')).toEqual([]);
  });

  it('finds by team', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana', team: 'Platform Engineering' });
    await createPerson(db, { displayName: 'Fox', team: 'Design' });
    expect(await names('platform')).toEqual(['Dana']);
    expect(await names('Engineering')).toEqual(['Dana']);
    expect(await names('design')).toEqual(['Fox']);
  });

  it('matches a word prefix ("kube"), in askAbout, fields and notes', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Ask', askAbout: ['Kubernetes'] });
    const n = await createPerson(db, { displayName: 'Noted' });
    await addNote(db, n.id, 'KUBECTL wizard');
    await createPerson(db, { displayName: 'Other', askAbout: ['Cube modelling'] });
    expect(await names('kube')).toEqual(['Ask', 'Noted']);
  });

  it('is accent- and case-insensitive both ways', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'José Álvarez' });
    await createPerson(db, { displayName: 'Joseph Smith' });
    expect(await names('josé')).toEqual(['José Álvarez', 'Joseph Smith']);
    expect(await names('jose alvarez')).toEqual(['José Álvarez']);
    expect(await names('ALVAREZ')).toEqual(['José Álvarez']);
    expect(await names('Álvarez')).toEqual(['José Álvarez']);
  });

  it('finds accented words in notes without the accent', async () => {
    const { db } = ctx;
    const p = await createPerson(db, { displayName: 'Dana' });
    await addNote(db, p.id, 'Loves crème brûlée');
    expect(await names('creme brulee')).toEqual(['Dana']);
  });

  it('requires every meaningful word to match, across fields and notes', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', askAbout: ['Kubernetes'], team: 'Berlin office' });
    await createPerson(db, { displayName: 'Fox', askAbout: ['Kubernetes'], team: 'Paris office' });
    const mia = await createPerson(db, { displayName: 'Mia', team: 'Berlin office' });
    await addNote(db, mia.id, 'ran the kubernetes migration');
    expect(await names('kubernetes berlin')).toEqual(['Dana', 'Mia']);
    expect(await names('who knows about kubernetes in paris?')).toEqual(['Fox']);
    expect(await names('kubernetes london')).toEqual([]);
    void dana;
  });

  it('returns nothing when nothing matches', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana', askAbout: ['Kubernetes'] });
    expect(await listPeople(db, { query: 'who knows about COBOL?' })).toEqual({ people: [], total: 0 });
  });

  it('a blank query lists everyone', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana' });
    await createPerson(db, { displayName: 'Fox' });
    expect(await names('   ')).toEqual(['Dana', 'Fox']);
  });

  it('pages search results and reports the total number of matches', async () => {
    const { db } = ctx;
    for (let i = 0; i < 7; i++) await createPerson(db, { displayName: `Dev ${i}`, askAbout: ['Rust'] });
    await createPerson(db, { displayName: 'Not a match' });
    const page = await listPeople(db, { query: 'rust', offset: 5, limit: 5 });
    expect(page.total).toBe(7);
    expect(page.people.map((p) => p.displayName)).toEqual(['Dev 5', 'Dev 6']);
  });

  it('a person with several matching notes is listed once', async () => {
    const { db } = ctx;
    const p = await createPerson(db, { displayName: 'Dana' });
    await addNote(db, p.id, 'kafka one');
    await addNote(db, p.id, 'kafka two');
    const page = await listPeople(db, { query: 'kafka' });
    expect(page.total).toBe(1);
    expect(page.people.map((x) => x.noteCount)).toEqual([2]);
  });
});

describe('askAbout ranking beyond the first word of a topic', () => {
  it('a topic\'s second word ranks the expert above a mere mention in personal text', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Zoe Expert', askAbout: ['CI pipelines'] });
    await createPerson(db, { displayName: 'Adam Hobby', personal: 'Photographs old oil pipelines at weekends.' });
    expect(await names('who knows about pipelines?')).toEqual(['Zoe Expert', 'Adam Hobby']);
  });

  it('an accented topic ranks the expert above a role that mentions the word', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Zoe Expert', askAbout: ['Écriture'] });
    await createPerson(db, { displayName: 'Adam Role', role: 'Ecriture team lead' });
    expect(await names('ecriture')).toEqual(['Zoe Expert', 'Adam Role']);
  });
});

describe('letters without a Unicode decomposition', () => {
  it('"lukasz" finds Łukasz and "orjan" finds Ørjan', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Łukasz Nowak' });
    await createPerson(db, { displayName: 'Ørjan Berg' });
    expect(await names('lukasz')).toEqual(['Łukasz Nowak']);
    expect(await names('orjan')).toEqual(['Ørjan Berg']);
  });

  it('"łukasz" and "ØRJAN" (same letters, other case) do find them', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Łukasz Nowak' });
    await createPerson(db, { displayName: 'Ørjan Berg' });
    expect(await names('ŁUKASZ')).toEqual(['Łukasz Nowak']);
    expect(await names('ørjan')).toEqual(['Ørjan Berg']);
  });
});
