import { describe, expect, it } from 'vitest';
import {
  NEVER_MET_SHOWN,
  TIES_SHOWN,
  buildNetwork,
  interactionWeight,
  networkView,
  scoreInteractions,
  teamStrength,
  tieStrength,
  type NetworkPerson,
} from '../../../src/background/network';
import * as repo from '../../../src/shared/db';
import type { InteractionKind, Person } from '../../../src/shared/model';
import { person, useFreshDb } from '../shared/db/helpers';

const ctx = useFreshDb();

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

async function add(fields: Partial<Person> & { displayName: string }, interactions: [InteractionKind, number][] = []) {
  const person = await repo.createPerson(ctx.db, fields);
  for (const [kind, days] of interactions) await repo.addInteraction(ctx.db, { personId: person.id, kind, at: daysAgo(days) });
  return person;
}

const strengthOf = (view: Awaited<ReturnType<typeof networkView>>, id: string) =>
  view.teams.flatMap((t) => t.people).find((p) => p.id === id)?.strength;

describe('tie strength', () => {
  it('weighs in person over calls over text, and recent over old', () => {
    expect(interactionWeight('in-person', 0)).toBeGreaterThan(interactionWeight('call', 0));
    expect(interactionWeight('call', 0)).toBeGreaterThan(interactionWeight('email', 0));
    expect(interactionWeight('chat', 0)).toBe(interactionWeight('email', 0));
    // One half-life halves it.
    expect(interactionWeight('email', 60 * DAY)).toBeCloseTo(interactionWeight('email', 0) / 2);
    // A date in the future counts as today, never as more.
    expect(interactionWeight('email', -30 * DAY)).toBe(interactionWeight('email', 0));
  });

  it('squashes any score into 0..1 and aggregates a team as "at least one tie holds"', () => {
    expect(tieStrength(0)).toBe(0);
    expect(tieStrength(1000)).toBeLessThanOrEqual(1);
    expect(tieStrength(3)).toBeGreaterThan(tieStrength(1));
    expect(teamStrength([])).toBe(0);
    expect(teamStrength([0.5])).toBeCloseTo(0.5);
    expect(teamStrength([0.5, 0.5])).toBeCloseTo(0.75);
    expect(teamStrength([1, 0])).toBe(1);
  });

  it('ignores interactions older than the window', () => {
    const scores = scoreInteractions(
      [
        { personId: 'a', kind: 'in-person', at: daysAgo(200) },
        { personId: 'b', kind: 'email', at: daysAgo(10) },
      ],
      NOW,
    );
    expect(scores.has('a')).toBe(false);
    expect(scores.get('b')).toBeGreaterThan(0);
  });

  it('ranks a recent meeting above an old email, and an old email above silence', async () => {
    const met = await add({ displayName: 'Grace Hopper', team: 'Platform' }, [['in-person', 3]]);
    const emailed = await add({ displayName: 'Ada Lovelace', team: 'Platform' }, [['email', 150]]);
    const silent = await add({ displayName: 'Alan Turing', team: 'Platform' }, [['in-person', 400]]);
    const view = await networkView(ctx.db, NOW);
    const [m, e, s] = [met, emailed, silent].map((p) => strengthOf(view, p.id)!);
    expect(m).toBeGreaterThan(e!);
    expect(e).toBeGreaterThan(0);
    expect(s).toBe(0);
    expect(view.teams[0]!.people.map((p) => p.displayName)).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
    // Met in person two years ago still counts as met, even though the tie has gone quiet.
    expect(view.teams[0]!.people.find((p) => p.id === silent.id)?.hasMetInPerson).toBe(true);
  });
});

describe('teams', () => {
  it('groups by current team (trimmed, any case), strongest team first, "No team" last', async () => {
    await add({ displayName: 'Grace Hopper', team: 'Platform' }, [['in-person', 1]]);
    await add({ displayName: 'Katherine Johnson', team: ' platform ' }, [['call', 5]]);
    await add({ displayName: 'Ada Lovelace', team: 'Legal' }, [['email', 20]]);
    await add({ displayName: 'Mary Jackson', team: 'Legal' });
    await add({ displayName: 'Łukasz Żółć' }, [['in-person', 0], ['in-person', 1]]);
    const view = await networkView(ctx.db, NOW);
    expect(view.teams.map((t) => [t.team, t.people.length])).toEqual([
      ['Platform', 2],
      ['Legal', 2],
      ['No team', 1],
    ]);
    const platform = view.teams[0]!;
    const [a, b] = platform.people.map((p) => p.strength) as [number, number];
    expect(platform.strength).toBeCloseTo(1 - (1 - a) * (1 - b), 2);
    expect(platform.strength).toBeGreaterThan(Math.max(a, b));
    expect(view.teams[1]!.strength).toBeLessThan(platform.strength);
  });

  it('lists the people never met in person, the strongest ties first', async () => {
    await add({ displayName: 'Grace Hopper', team: 'Platform' }, [['in-person', 1]]);
    await add({ displayName: 'Ada Lovelace', team: 'Legal' }, [['email', 100]]);
    await add({ displayName: 'Katherine Johnson', team: 'Finance' }, [['call', 2], ['chat', 3]]);
    await add({ displayName: 'Mary Jackson' });
    const view = await networkView(ctx.db, NOW);
    expect(view.neverMet).toEqual([
      { id: expect.any(String), displayName: 'Katherine Johnson', team: 'Finance' },
      { id: expect.any(String), displayName: 'Ada Lovelace', team: 'Legal' },
      { id: expect.any(String), displayName: 'Mary Jackson', team: '' },
    ]);
    const grace = view.teams.flatMap((t) => t.people).find((p) => p.displayName === 'Grace Hopper');
    expect(grace?.hasMetInPerson).toBe(true);
  });

  it('is empty for an empty directory', async () => {
    expect(await networkView(ctx.db, NOW)).toEqual({ teams: [], neverMet: [], neverMetCount: 0, thinSpots: [] });
  });
});

describe('thin spots', () => {
  it('names a past team nobody is in any more, and who moved where', async () => {
    await add({ displayName: 'Łukasz Żółć', team: 'Platform', teamHistory: [{ team: 'Finance', to: '2025-06-01T00:00:00.000Z' }] }, [['in-person', 1]]);
    await add({ displayName: 'Grace Hopper', team: 'Platform' }, [['in-person', 1]]);
    const view = await networkView(ctx.db, NOW);
    expect(view.thinSpots).toEqual(['Nobody in Finance any more — Łukasz Żółć moved to Platform']);
  });

  it('says who left a past team for no team, and counts the rest of the movers', async () => {
    const history = [{ team: 'Finance' }];
    await add({ displayName: 'Ada Lovelace', team: 'Legal', teamHistory: [{ team: 'finance', to: '2025-09-01T00:00:00.000Z' }] });
    await add({ displayName: 'Mary Jackson', teamHistory: [{ team: 'Finance', to: '2025-08-01T00:00:00.000Z' }] });
    await add({ displayName: 'Alan Turing', team: 'Legal', teamHistory: history });
    // Someone who is still in a team in their history does not make it a past team.
    await add({ displayName: 'Grace Hopper', team: 'Legal', teamHistory: [{ team: 'Legal' }] });
    const view = await networkView(ctx.db, NOW);
    expect(view.thinSpots).toEqual([
      // The most recent leavers are named; the spelling most people used names the team.
      'Nobody in Finance any more — Ada Lovelace moved to Legal, Mary Jackson left and 1 other moved on',
      'Only weak ties in Legal',
    ]);
  });

  it('points at a team where every tie is weak', async () => {
    await add({ displayName: 'Ada Lovelace', team: 'Legal' }, [['email', 90]]);
    await add({ displayName: 'Mary Jackson', team: 'Legal' });
    await add({ displayName: 'Grace Hopper', team: 'Platform' }, [['in-person', 1]]);
    await add({ displayName: 'Katherine Johnson', team: 'Platform' });
    const view = await networkView(ctx.db, NOW);
    expect(view.thinSpots).toEqual(['Only weak ties in Legal']);
  });

  it('points at a team that hangs on one person, and says when that tie is weak too', async () => {
    await add({ displayName: 'Ben Chu', team: 'Design' }, [['in-person', 2]]);
    await add({ displayName: 'Mary Jackson', team: 'Security' });
    await add({ displayName: 'Łukasz Żółć' });
    const view = await networkView(ctx.db, NOW);
    // Nothing about "No team": it is not a team with a gap in it.
    expect(view.thinSpots).toEqual(['Only one person in Design: Ben Chu', 'Only one person in Security: Mary Jackson, and a weak tie']);
  });
});

describe('reading in pages', () => {
  it('reads every person and every recent interaction once, across page boundaries and shared timestamps', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) =>
      repo.toPersonRow(person({ id: `p${i}`, displayName: `Person ${i}`, team: `Team ${i % 40}` })),
    );
    await ctx.db.people.bulkPut(rows);
    // 3,000 share one timestamp, so a page boundary falls among them; the rest are spread out.
    const interactions = Array.from({ length: 5000 }, (_, i) => ({
      id: `i${i}`,
      personId: `p${(i * 31) % 2100}`,
      kind: (['email', 'call', 'in-person'] as const)[i % 3]!,
      at: i >= 1000 && i < 4000 ? daysAgo(50) : daysAgo(i % 190),
      isAuto: false,
    }));
    await ctx.db.interactions.bulkAdd(interactions);
    const view = await networkView(ctx.db, NOW);
    expect(view).toEqual(buildNetwork(rows, scoreInteractions(interactions, NOW)));
    expect(view.teams.reduce((n, t) => n + t.size, 0)).toBe(2100);
  });
});

describe('scale', () => {
  it('builds the view for 10,000 people and 100,000 interactions quickly', () => {
    const teams = Array.from({ length: 120 }, (_, i) => `Team ${i}`);
    const people: NetworkPerson[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `p${i}`,
      displayName: `Person ${i}`,
      team: i % 17 === 0 ? '' : teams[i % teams.length]!,
      teamHistory: i % 50 === 0 ? [{ team: `Old team ${i % 7}` }] : [],
      lastInPersonAt: i % 3 === 0 ? daysAgo(i % 400) : null,
    }));
    const kinds: InteractionKind[] = ['email', 'chat', 'call', 'in-person', 'other'];
    const interactions = Array.from({ length: 100_000 }, (_, i) => ({
      personId: `p${(i * 7919) % 10_000}`,
      kind: kinds[i % kinds.length]!,
      at: daysAgo(i % 200),
    }));
    const started = performance.now();
    const view = buildNetwork(people, scoreInteractions(interactions, NOW));
    const elapsed = performance.now() - started;
    expect(view.teams.reduce((n, t) => n + t.size, 0)).toBe(10_000);
    // What the page draws, not the whole directory: a chart row of ties per team, a few never met.
    expect(Math.max(...view.teams.map((t) => t.people.length))).toBe(TIES_SHOWN);
    expect(view.neverMet.length).toBeLessThanOrEqual(NEVER_MET_SHOWN);
    expect(view.neverMetCount).toBeGreaterThan(view.neverMet.length);
    expect(view.thinSpots.some((s) => s.startsWith('Nobody in Old team'))).toBe(true);
    // A generous bound: it takes tens of milliseconds; this only catches an accidental quadratic.
    expect(elapsed).toBeLessThan(2000);
  });
});
