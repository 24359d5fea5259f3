import { describe, expect, it } from 'vitest';
import { addNote, createPerson, deleteNote, matchIdentities } from '../../../src/shared/db/repository';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();

describe('matchIdentities', () => {
  it('matches an email case-insensitively: known without notes, noted with a note', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'] });
    expect(await matchIdentities(db, [{ email: 'Dana@Example.COM', name: 'Someone Else' }])).toEqual([
      { personId: dana.id, state: 'known' },
    ]);
    const note = await addNote(db, dana.id, 'likes tea');
    expect(await matchIdentities(db, [{ email: ' dana@example.com ' }])).toEqual([{ personId: dana.id, state: 'noted' }]);
    await deleteNote(db, note.id);
    expect(await matchIdentities(db, [{ email: 'dana@example.com' }])).toEqual([{ personId: dana.id, state: 'known' }]);
  });

  it('counts personal text as a note', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'], personal: 'Two kids' });
    const blank = await createPerson(db, { displayName: 'Fox', emails: ['fox@example.com'], personal: '   ' });
    expect(await matchIdentities(db, [{ email: 'dana@example.com' }, { email: 'fox@example.com' }])).toEqual([
      { personId: dana.id, state: 'noted' },
      { personId: blank.id, state: 'known' },
    ]);
  });

  it('matches a Slack site id, and a person\'s second address', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, {
      displayName: 'Dana',
      emails: ['dana@work.example', 'dana@home.example'],
      siteIds: [{ site: 'slack', id: 'U0123' }],
    });
    expect(
      await matchIdentities(db, [
        { siteId: { site: 'slack', id: 'U0123' }, name: 'dana' },
        { email: 'dana@home.example' },
        // The same id on another site is someone else.
        { siteId: { site: 'teams', id: 'U0123' } },
      ]),
    ).toEqual([
      { personId: dana.id, state: 'known' },
      { personId: dana.id, state: 'known' },
      { personId: null, state: 'unknown' },
    ]);
  });

  it('a name alone is only uncertain, even for someone with notes', async () => {
    const { db } = ctx;
    const jose = await createPerson(db, { displayName: 'José Álvarez', emails: ['jose@example.com'] });
    await addNote(db, jose.id, 'private');
    expect(await matchIdentities(db, [{ name: 'jose  alvarez' }, { name: 'JOSÉ ÁLVAREZ' }])).toEqual([
      { personId: jose.id, state: 'uncertain' },
      { personId: jose.id, state: 'uncertain' },
    ]);
  });

  it('two people with the same name: uncertain, and no person is guessed', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Alex Kim', team: 'Sales' });
    await createPerson(db, { displayName: 'Alex Kim', team: 'Legal' });
    expect(await matchIdentities(db, [{ name: 'Alex Kim' }])).toEqual([{ personId: null, state: 'uncertain' }]);
  });

  it('someone not in the directory is unknown', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'], siteIds: [{ site: 'slack', id: 'U1' }] });
    expect(
      await matchIdentities(db, [{ email: 'stranger@example.com' }, { name: 'Stranger' }, { siteId: { site: 'slack', id: 'U2' } }, {}]),
    ).toEqual([
      { personId: null, state: 'unknown' },
      { personId: null, state: 'unknown' },
      { personId: null, state: 'unknown' },
      { personId: null, state: 'unknown' },
    ]);
  });

  it('an email that matches nobody does not fall back to the name', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    await addNote(db, dana.id, 'private');
    expect(await matchIdentities(db, [{ name: 'Dana Scully', email: 'impostor@evil.example' }])).toEqual([
      { personId: null, state: 'unknown' },
    ]);
  });

  it('a site id that matches nobody does not fall back to the name either', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana Scully', siteIds: [{ site: 'slack', id: 'U1' }] });
    expect(await matchIdentities(db, [{ name: 'Dana Scully', siteId: { site: 'slack', id: 'U999' } }])).toEqual([
      { personId: null, state: 'unknown' },
    ]);
  });

  it('answers in the order asked, one answer per identity, with repeats', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'] });
    const fox = await createPerson(db, { displayName: 'Fox', emails: ['fox@example.com'] });
    await addNote(db, fox.id, 'x');
    expect(
      await matchIdentities(db, [{ email: 'fox@example.com' }, { email: 'nobody@example.com' }, { email: 'dana@example.com' }, { email: 'FOX@example.com' }]),
    ).toEqual([
      { personId: fox.id, state: 'noted' },
      { personId: null, state: 'unknown' },
      { personId: dana.id, state: 'known' },
      { personId: fox.id, state: 'noted' },
    ]);
    expect(await matchIdentities(db, [])).toEqual([]);
  });
});
