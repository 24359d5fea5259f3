/**
 * The picture of the user's network: which teams they know people in, how strong those ties are,
 * who they have never met in person, and where the thin spots are ("nobody in Finance any more").
 *
 * The database is read once (everyone, and one index range of recent interactions); everything
 * after that is pure functions over plain values, so it is tested without a database and stays fast
 * with 10,000 people and 100,000 interactions.
 */
import * as repo from '../shared/db';
import type { HallwayDatabase, PersonRow } from '../shared/db';
import { foldText } from '../shared/identity';
import type { Interaction, InteractionKind } from '../shared/model';
import type { NetworkView } from '../shared/views';

const DAY = 24 * 60 * 60 * 1000;

/** Interactions older than this say little about a tie today, and reading them would cost the most. */
export const WINDOW_DAYS = 180;
/** An interaction counts half as much after this many days. */
export const HALF_LIFE_DAYS = 60;
/** Sets how quickly the score saturates: about one recent in-person meeting gives a middling tie. */
const SATURATION = 4;
/** Below this a tie is weak: roughly one recent email, or a call a couple of months ago. */
export const WEAK_TIE = 0.2;
export const NO_TEAM = 'No team';
/**
 * Ties sent per team, and people never met: what the people page shows of each, so a directory of
 * 10,000 is not sent whole to draw forty rows.
 */
export const TIES_SHOWN = 20;
export const NEVER_MET_SHOWN = 10;

/** Face time builds a tie more than a call, and a call more than a line of text. */
export const KIND_WEIGHT: Record<InteractionKind, number> = {
  'in-person': 3,
  call: 2,
  chat: 1,
  email: 1,
  other: 1,
};

/** What one interaction adds to a tie `ageMs` after it happened. */
export function interactionWeight(kind: InteractionKind, ageMs: number): number {
  // A date in the future (a clock skew, a typo) counts as today rather than more than today.
  const ageDays = Math.max(0, ageMs) / DAY;
  return (KIND_WEIGHT[kind] ?? 1) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

/** Squashes an unbounded score into 0..1, so a hundred emails do not dwarf everything else. */
export function tieStrength(score: number): number {
  return score > 0 ? 1 - Math.exp(-score / SATURATION) : 0;
}

/**
 * A team's strength is the chance that at least one tie into it holds: one strong contact makes a
 * team reachable, and several middling ones together come close.
 */
export function teamStrength(strengths: readonly number[]): number {
  let missed = 1;
  for (const s of strengths) missed *= 1 - s;
  return 1 - missed;
}

type Scored = Pick<Interaction, 'personId' | 'kind' | 'at'>;

/** Adds interactions (any order, any people) to per-person tie scores; older than the window adds nothing. */
export function addScores(scores: Map<string, number>, interactions: Iterable<Scored>, now: number): Map<string, number> {
  const cutoff = now - WINDOW_DAYS * DAY;
  for (const i of interactions) {
    const at = Date.parse(i.at);
    if (!(at > cutoff)) continue;
    scores.set(i.personId, (scores.get(i.personId) ?? 0) + interactionWeight(i.kind, now - at));
  }
  return scores;
}

export function scoreInteractions(interactions: Iterable<Scored>, now: number): Map<string, number> {
  return addScores(new Map(), interactions, now);
}

/** The parts of a person row the network needs. */
export type NetworkPerson = Pick<PersonRow, 'id' | 'displayName' | 'team' | 'teamHistory' | 'lastInPersonAt'>;

interface Tie {
  id: string;
  displayName: string;
  team: string;
  strength: number;
  hasMetInPerson: boolean;
}

interface TeamGroup {
  key: string;
  /** The spelling most people use, since "platform" and "Platform" are one team. */
  name: string;
  ties: Tie[];
}

// Locale-aware, so Łukasz sorts with the Ls and not after Z.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const round = (n: number) => Math.round(n * 1000) / 1000;
const strongestFirst = (a: Tie, b: Tie) => b.strength - a.strength || collator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1);

/** The spelling used most, and of equals the first in code-unit order, so the result never depends on read order. */
function commonest(spellings: ReadonlyMap<string, number>): string {
  let name = '';
  let best = 0;
  for (const [spelling, n] of spellings) {
    if (n > best || (n === best && spelling < name)) {
      best = n;
      name = spelling;
    }
  }
  return name;
}

const tally = (spellings: Map<string, number>, spelling: string) => spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);

/** Groups people by current team (compared folded, so case and accents do not split a team). */
function groupByTeam(people: readonly NetworkPerson[], scores: ReadonlyMap<string, number>): Map<string, TeamGroup> {
  const groups = new Map<string, TeamGroup & { spellings: Map<string, number> }>();
  for (const person of people) {
    const team = person.team.trim();
    const key = foldText(team);
    let group = groups.get(key);
    if (!group) {
      group = { key, name: NO_TEAM, ties: [], spellings: new Map() };
      groups.set(key, group);
    }
    tally(group.spellings, team);
    group.ties.push({
      id: person.id,
      displayName: person.displayName,
      team,
      strength: round(tieStrength(scores.get(person.id) ?? 0)),
      hasMetInPerson: Boolean(person.lastInPersonAt),
    });
  }
  for (const group of groups.values()) {
    if (group.key) group.name = commonest(group.spellings);
    group.ties.sort(strongestFirst);
  }
  return groups;
}

const list = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** How many movers a "nobody in … any more" sentence names before it says "and 3 others". */
const MOVERS_NAMED = 2;

/**
 * Plain sentences for the thin spots, most telling first: teams the user has lost every contact in,
 * then teams where every tie is weak, then teams that hang on one person.
 */
export function findThinSpots(people: readonly NetworkPerson[], groups: ReadonlyMap<string, TeamGroup>): string[] {
  // (a) Teams in someone's history where nobody is now. The movers say how the gap opened.
  const pastTeams = new Map<string, { spellings: Map<string, number>; movers: { person: NetworkPerson; to: string }[] }>();
  for (const person of people) {
    const seen = new Set<string>();
    for (const spell of person.teamHistory) {
      const name = spell.team.trim();
      const key = foldText(name);
      if (!key || groups.has(key) || seen.has(key)) continue;
      seen.add(key);
      let past = pastTeams.get(key);
      if (!past) {
        past = { spellings: new Map(), movers: [] };
        pastTeams.set(key, past);
      }
      tally(past.spellings, name);
      past.movers.push({ person, to: spell.to ?? '' });
    }
  }
  const gone = [...pastTeams.values()]
    .map(({ spellings, movers }) => ({ name: commonest(spellings), movers }))
    .sort((a, b) => b.movers.length - a.movers.length || collator.compare(a.name, b.name))
    .map(({ name, movers }) => {
      // The most recent leaver first: the user most likely still remembers that move.
      movers.sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0) || collator.compare(a.person.displayName, b.person.displayName));
      const named = movers.slice(0, MOVERS_NAMED).map(({ person }) => {
        const now = person.team.trim();
        return now ? `${person.displayName} moved to ${now}` : `${person.displayName} left`;
      });
      const others = movers.length - named.length;
      if (others > 0) named.push(`${others} ${others === 1 ? 'other' : 'others'} moved on`);
      return `Nobody in ${name} any more — ${list(named)}`;
    });

  const teams = [...groups.values()].filter((g) => g.key);
  // (b) Teams of several people, every one of them a weak tie; the biggest first, as the widest gap.
  const weak = teams
    .filter((g) => g.ties.length > 1 && g.ties.every((t) => t.strength < WEAK_TIE))
    .sort((a, b) => b.ties.length - a.ties.length || collator.compare(a.name, b.name))
    .map((g) => `Only weak ties in ${g.name}`);
  // (c) Teams that hang on one person. One sentence per team: a weak lone tie says so here.
  const single = teams
    .filter((g) => g.ties.length === 1)
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((g) => {
      const tie = g.ties[0]!;
      return `Only one person in ${g.name}: ${tie.displayName}${tie.strength < WEAK_TIE ? ', and a weak tie' : ''}`;
    });
  return [...gone, ...weak, ...single];
}

/** The whole view from people and their tie scores. Pure, so it is tested without a database. */
export function buildNetwork(people: readonly NetworkPerson[], scores: ReadonlyMap<string, number>): NetworkView {
  const groups = groupByTeam(people, scores);
  const teams = [...groups.values()]
    .map((g) => ({ group: g, strength: teamStrength(g.ties.map((t) => t.strength)) }))
    // Strongest first; "No team" is not a team, so it goes last whatever its strength.
    .sort(
      (a, b) =>
        (a.group.key ? 0 : 1) - (b.group.key ? 0 : 1) ||
        b.strength - a.strength ||
        collator.compare(a.group.name, b.group.name),
    )
    .map(({ group, strength }) => ({
      team: group.name,
      strength: round(strength),
      size: group.ties.length,
      metCount: group.ties.filter((t) => t.hasMetInPerson).length,
      people: group.ties.slice(0, TIES_SHOWN).map(({ id, displayName, strength: s, hasMetInPerson }) => ({ id, displayName, strength: s, hasMetInPerson })),
    }));

  // The people the user talks to but has never met are the best candidates for a coffee.
  const neverMet = [...groups.values()].flatMap((g) => g.ties.filter((t) => !t.hasMetInPerson)).sort(strongestFirst);

  return {
    teams,
    neverMet: neverMet.slice(0, NEVER_MET_SHOWN).map(({ id, displayName, team }) => ({ id, displayName, team })),
    neverMetCount: neverMet.length,
    thinSpots: findThinSpots(people, groups),
  };
}

/** One pass over the window of the `at` index; the table's older rows are never read. */
async function readScores(db: HallwayDatabase, now: number): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for await (const page of repo.interactionsSince(db, new Date(now - WINDOW_DAYS * DAY).toISOString())) addScores(scores, page, now);
  return scores;
}

export async function networkView(db: HallwayDatabase, now: number = Date.now()): Promise<NetworkView> {
  // Not one read transaction: it would hold back every write to these tables for as long as the read
  // takes. An edit landing in between changes at most that one person's picture, until the next load.
  const people = await repo.allPeopleRows(db);
  return buildNetwork(people, await readScores(db, now));
}
