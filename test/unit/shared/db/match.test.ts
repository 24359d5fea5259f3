import { describe, expect, it } from 'vitest';
import { addNote, createPerson, deleteNote, getSettings, learnSelf, linkIdentity, linkSeen, matchIdentities, mergePeople, recordSeen, rejectCandidate, seenFor, updateSettings } from '../../../../src/shared/db';
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
      { personId: jose.id, state: 'uncertain', candidates: [jose.id] },
      { personId: jose.id, state: 'uncertain', candidates: [jose.id] },
    ]);
  });

  it('two people with the same name: both offered, neither guessed, also for an unlinked id', async () => {
    const { db } = ctx;
    const sales = await createPerson(db, { displayName: 'Alex Kim', team: 'Sales' });
    const legal = await createPerson(db, { displayName: 'Alex Kim', team: 'Legal' });
    const both = [sales.id, legal.id].sort();
    expect(await matchIdentities(db, [{ name: 'Alex Kim' }, { name: 'Alex Kim', siteId: { site: 'slack', id: 'U9' } }])).toEqual([
      { personId: null, state: 'uncertain', candidates: both },
      { personId: null, state: 'uncertain', candidates: both },
    ]);
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

  it('an address nobody has, under a known name, is only a question: never a match, never noted', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    await addNote(db, dana.id, 'private');
    expect(await matchIdentities(db, [{ name: 'Dana Scully', email: 'impostor@evil.example' }])).toEqual([
      { personId: dana.id, state: 'uncertain', candidates: [dana.id] },
    ]);
  });

  it('a site id nobody has, under a known name, is a question too, in any spelling of the name', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    const lukasz = await createPerson(db, { displayName: 'Łukasz Żółć' });
    const slack = (id: string, name: string) => ({ name, siteId: { site: 'slack' as const, id } });
    const answers = await matchIdentities(db, [
      slack('U1', 'Dana Scully'),
      slack('U2', 'Scully, Dana'),
      slack('U3', 'Dana K. Scully'),
      slack('U4', 'D. Scully'),
      slack('U5', 'Lukasz Zolc'),
      slack('U6', 'Dana'),
      slack('U7', 'Fox Mulder'),
    ]);
    expect(answers.map((a) => a.candidates ?? [])).toEqual([[dana.id], [dana.id], [dana.id], [dana.id], [lukasz.id], [], []]);
    expect(answers.slice(0, 5).every((a) => a.state === 'uncertain')).toBe(true);
    expect(answers.slice(5).map((a) => a.state)).toEqual(['unknown', 'unknown']);
  });

  it('remembers "not them" for that address or id only', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    const other = { name: 'Dana Scully', siteId: { site: 'slack' as const, id: 'U2' } };
    await rejectCandidate(db, other, dana.id);
    expect(await matchIdentities(db, [other, { name: 'Dana Scully', siteId: { site: 'slack', id: 'U3' } }])).toEqual([
      { personId: null, state: 'unknown' },
      { personId: dana.id, state: 'uncertain', candidates: [dana.id] },
    ]);
    // A name alone cannot be told apart from a person: there is nothing to remember it by.
    await expect(rejectCandidate(db, { name: 'Dana Scully' }, dana.id)).rejects.toThrow(/address or a chat id/);
  });

  it('once linked, the id is proof: known, and noted when there are notes', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    await addNote(db, dana.id, 'private');
    const slack = { name: 'Dana Scully', siteId: { site: 'slack' as const, id: 'U2' } };
    await linkIdentity(db, dana.id, slack);
    expect(await matchIdentities(db, [slack])).toEqual([{ personId: dana.id, state: 'noted' }]);
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

describe('the user', () => {
  it('is never a colleague: what "These are me" holds, and what the page says is the user, match as self', async () => {
    const { db } = ctx;
    await updateSettings(db, { me: { emails: ['me@example.com'], siteIds: [{ site: 'slack', id: 'U0ME' }] } });
    expect(
      await matchIdentities(db, [{ email: 'Me@Example.com', name: 'Orjan' }, { siteId: { site: 'slack', id: 'U0ME' } }, { name: 'me', email: 'x@example.com', isSelf: true }]),
    ).toEqual([
      { personId: null, state: 'self' },
      { personId: null, state: 'self' },
      { personId: null, state: 'self' },
    ]);
  });

  it('learns the user from the page, but never takes a colleague for them', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'] });
    expect(await learnSelf(db, [{ email: 'me@example.com', isSelf: true }, { email: 'dana@example.com', isSelf: true }, { email: 'other@example.com' }])).toBe(true);
    expect((await getSettings(db)).me).toEqual({ emails: ['me@example.com'], siteIds: [] });
    expect(await learnSelf(db, [{ email: 'me@example.com', isSelf: true }])).toBe(false);
    expect(await matchIdentities(db, [{ email: 'dana@example.com' }])).toEqual([{ personId: dana.id, state: 'known' }]);
  });
});

describe('seen on pages', () => {
  it('keeps unlinked addresses and ids with their names, offers them for the person of that name, and links one', async () => {
    const { db } = ctx;
    const grace = await createPerson(db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    const shown = [
      { name: 'Grace Hopper', siteId: { site: 'slack' as const, id: 'U0GRACE001' } },
      { name: 'Hopper, Grace', email: 'ghopper@home.example' },
      { name: 'Grace Hopper', email: 'grace@example.com' },
      { name: 'Team', email: 'team@example.com' },
      { name: 'Fox Mulder', siteId: { site: 'slack' as const, id: 'U0FOX' } },
    ];
    await recordSeen(db, 'app.slack.com', shown, await matchIdentities(db, shown));
    const offered = await seenFor(db, grace.id);
    expect(offered.map((s) => s.label).sort()).toEqual(['Slack U0GRACE001', 'ghopper@home.example']);
    const linked = await linkSeen(db, grace.id, offered.find((s) => s.label.startsWith('Slack'))!.key);
    expect(linked.siteIds).toEqual([{ site: 'slack', id: 'U0GRACE001' }]);
    expect((await seenFor(db, grace.id)).map((s) => s.label)).toEqual(['ghopper@home.example']);
    expect(await matchIdentities(db, [shown[0]!])).toEqual([{ personId: grace.id, state: 'known' }]);
  });
});

describe('"not them" across a merge', () => {
  it('holds for the record that is left', async () => {
    const { db } = ctx;
    const keep = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'] });
    const other = await createPerson(db, { displayName: 'Dana Scully', emails: ['dscully@home.example'] });
    const slack = { name: 'Dana Scully', siteId: { site: 'slack' as const, id: 'U7' } };
    await rejectCandidate(db, slack, other.id);
    await mergePeople(db, keep.id, other.id);
    expect(await matchIdentities(db, [slack])).toEqual([{ personId: null, state: 'unknown' }]);
  });
});

describe('lists and groups', () => {
  it('are no one to mark, unless the user added one as someone', async () => {
    const { db } = ctx;
    const oncall = await createPerson(db, { displayName: 'On-call rota', emails: ['oncall-team@example.com'] });
    expect(
      await matchIdentities(db, [{ name: 'team', email: 'team@example.com' }, { email: 'eng+unsubscribe@googlegroups.com' }, { email: 'oncall-team@example.com' }]),
    ).toEqual([
      { personId: null, state: 'none' },
      { personId: null, state: 'none' },
      { personId: oncall.id, state: 'known' },
    ]);
  });
});
