/** People: saving, reading one in full, listing pages of the directory, and search. */
import Dexie from 'dexie';
import { favourBalance } from '../favours';
import { siteKey } from '../identity';
import { emptyPerson, nowIso, personCheck, type Person } from '../model';
import { formatProblems } from '../validate';
import type { PeoplePage, PeopleSort, PersonDetail, PersonSummary } from '../views';
import { queryWords } from '../words';
import type { HallwayDatabase, PersonRow } from './database';
import { DuplicateIdentityError, InvalidDataError, NotFoundError } from './errors';
import { cleanPerson, fromNoteRow, fromPersonRow, toPersonRow } from './records';

/** Creates or replaces a person. Derived fields (search words, last interaction) are kept in step. */
export async function savePerson(db: HallwayDatabase, input: Person): Promise<Person> {
  const checked = personCheck(cleanPerson({ ...input, updatedAt: nowIso() }));
  if (!checked.ok) throw new InvalidDataError(formatProblems(checked.problems));
  const person = checked.value as Person;
  if (!person.displayName) throw new InvalidDataError('displayName: must not be empty');
  return db.transaction('rw', db.people, async () => {
    await refuseTakenIdentities(db, person);
    const existing = await db.people.get(person.id);
    const stats = existing
      ? { lastInteractionAt: existing.lastInteractionAt, lastInPersonAt: existing.lastInPersonAt }
      : undefined;
    await db.people.put(toPersonRow(person, stats));
    return person;
  });
}

/** Throws when one of the person's addresses or site ids is already someone else's. */
async function refuseTakenIdentities(db: HallwayDatabase, person: Person): Promise<void> {
  const taken = async (index: 'emails' | 'siteKeys', value: string) =>
    (await db.people.where(index).equals(value).toArray()).find((row) => row.id !== person.id);
  for (const email of person.emails) {
    const owner = await taken('emails', email);
    if (owner) throw new DuplicateIdentityError(email, { id: owner.id, displayName: owner.displayName });
  }
  for (const siteId of person.siteIds) {
    const owner = await taken('siteKeys', siteKey(siteId));
    if (owner) throw new DuplicateIdentityError(siteId.id, { id: owner.id, displayName: owner.displayName });
  }
}

export async function createPerson(
  db: HallwayDatabase,
  fields: Partial<Person> & { displayName: string },
): Promise<Person> {
  return savePerson(db, emptyPerson(fields));
}

export async function getPersonDetail(db: HallwayDatabase, personId: string): Promise<PersonDetail> {
  return db.transaction('r', [db.people, db.notes, db.interactions, db.favours], async () => {
    const row = await db.people.get(personId);
    if (!row) throw new NotFoundError('That person');
    const [notes, interactions, favours] = await Promise.all([
      db.notes.where('personId').equals(personId).toArray(),
      db.interactions.where('personId').equals(personId).toArray(),
      db.favours.where('personId').equals(personId).toArray(),
    ]);
    const newestFirst = <T>(key: (v: T) => string) => (a: T, b: T) => key(b).localeCompare(key(a));
    return {
      person: fromPersonRow(row),
      notes: notes.map(fromNoteRow).sort(newestFirst((n) => n.createdAt)),
      interactions: interactions.sort(newestFirst((i) => i.at)),
      favours: favours.sort(newestFirst((f) => f.at)),
    };
  });
}


async function summarise(db: HallwayDatabase, rows: PersonRow[]): Promise<PersonSummary[]> {
  const ids = rows.map((r) => r.id);
  const favours = await db.favours.where('personId').anyOf(ids).toArray();
  const favoursBy = new Map<string, typeof favours>();
  for (const favour of favours) {
    const list = favoursBy.get(favour.personId);
    if (list) list.push(favour);
    else favoursBy.set(favour.personId, [favour]);
  }
  // A person's notes are counted on the index and only the newest is read: someone with 300 notes
  // costs the list what someone with one does.
  const notesOf = (id: string) => db.notes.where('[personId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]);
  const noteStats = await Promise.all(ids.map(async (id) => ({ count: await notesOf(id).count(), latest: await notesOf(id).last() })));
  return rows.map((row, i) => {
    const { count, latest } = noteStats[i]!;
    return {
      id: row.id,
      displayName: row.displayName,
      team: row.team,
      role: row.role,
      emails: row.emails,
      askAbout: row.askAbout,
      latestNote: latest ? { id: latest.id, text: latest.text, createdAt: latest.createdAt } : null,
      noteCount: count,
      lastInteractionAt: row.lastInteractionAt,
      lastInPersonAt: row.lastInPersonAt,
      balance: favourBalance(favoursBy.get(row.id) ?? []),
    };
  });
}

export async function peopleByIds(db: HallwayDatabase, personIds: readonly string[]): Promise<Person[]> {
  return (await db.people.bulkGet([...personIds])).flatMap((row) => (row ? [fromPersonRow(row)] : []));
}

export async function summariesOf(db: HallwayDatabase, personIds: string[]): Promise<PersonSummary[]> {
  const rows = (await db.people.bulkGet(personIds)).filter((r): r is PersonRow => Boolean(r));
  return summarise(db, rows);
}

/** Code-unit order of folded keys: the order IndexedDB keeps its indexes in, so pages and sorts agree. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareRows(sort: PeopleSort): (a: PersonRow, b: PersonRow) => number {
  const byName = (a: PersonRow, b: PersonRow) => byKey(a.nameKey, b.nameKey) || byKey(a.id, b.id);
  switch (sort) {
    case 'name':
      return byName;
    case 'team':
      // People without a team go last, not first.
      return (a, b) => (a.teamKey ? 0 : 1) - (b.teamKey ? 0 : 1) || byKey(a.teamKey, b.teamKey) || byName(a, b);
    case 'lastInteraction':
      return (a, b) => byKey(b.lastInteractionAt ?? '', a.lastInteractionAt ?? '') || byName(a, b);
  }
}

/**
 * One page of everyone in the chosen order, read from the indexes, so a page of the directory costs
 * the same with 100 people as with 10,000. People without a team, or never in touch, come last.
 */
async function pageInOrder(db: HallwayDatabase, sort: PeopleSort, offset: number, limit: number): Promise<PersonRow[]> {
  type Rows = ReturnType<typeof db.people.toCollection>;
  const take = async (first: () => Rows, firstCount: number, rest: () => Rows) => {
    const head = offset < firstCount ? await first().offset(offset).limit(limit).toArray() : [];
    const more = limit - head.length;
    if (more <= 0) return head;
    const restOffset = Math.max(0, offset - firstCount);
    return [...head, ...(await rest().offset(restOffset).limit(more).toArray())];
  };
  switch (sort) {
    case 'name':
      return db.people.orderBy('nameKey').offset(offset).limit(limit).toArray();
    case 'team': {
      const withTeam = () => db.people.where('[teamKey+nameKey]').above(['', Dexie.maxKey]);
      const withoutTeam = () => db.people.where('[teamKey+nameKey]').between(['', Dexie.minKey], ['', Dexie.maxKey], true, true);
      return take(withTeam, await withTeam().count(), withoutTeam);
    }
    case 'lastInteraction': {
      // Rows never in touch have no key in that index (null is not a valid key), so they follow by name.
      const inTouch = () => db.people.orderBy('lastInteractionAt').reverse();
      const never = () => db.people.orderBy('nameKey').filter((row) => !row.lastInteractionAt);
      return take(inTouch, await db.people.where('lastInteractionAt').above('').count(), never);
    }
  }
}

/**
 * People whose record or notes hold every meaningful word of the query (as a word prefix), ranked
 * by where the words were found: "ask them about" topics first, then their own fields, then notes.
 */
async function matchQuery(db: HallwayDatabase, query: string): Promise<Map<string, number>> {
  const words = queryWords(query);
  let scores: Map<string, number> | null = null;
  for (const word of words) {
    const found = new Map<string, number>();
    const add = (id: string, points: number) => found.set(id, Math.max(found.get(id) ?? 0, points));
    const [askRows, personRows, noteRows] = await Promise.all([
      db.people.where('topicWords').startsWith(word).primaryKeys(),
      db.people.where('words').startsWith(word).primaryKeys(),
      db.noteWords.where('words').startsWith(word).primaryKeys(),
    ]);
    for (const id of noteRows) add(id, 1);
    for (const id of personRows) add(id, 2);
    for (const id of askRows) add(id, 3);
    const previous: Map<string, number> | null = scores;
    scores = new Map();
    for (const [id, points] of found) {
      if (previous === null) scores.set(id, points);
      else if (previous.has(id)) scores.set(id, (previous.get(id) ?? 0) + points);
    }
  }
  return scores ?? new Map();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How well the user knows someone, 0..5: how often they have been in touch, how recently, and
 * whether they have met in person (a person you have met answers a question sooner than a name).
 */
export function closeness(row: Pick<PersonRow, 'lastInteractionAt' | 'lastInPersonAt'>, interactionCount: number, now: number): number {
  const daysSince = (iso: string | null) => (iso ? (now - Date.parse(iso)) / DAY_MS : Infinity);
  let score = Math.min(interactionCount, 10) / 5;
  const sinceTouch = daysSince(row.lastInteractionAt);
  if (sinceTouch <= 30) score += 1.5;
  else if (sinceTouch <= 180) score += 0.75;
  if (row.lastInPersonAt) score += daysSince(row.lastInPersonAt) <= 90 ? 1.5 : 0.75;
  return score;
}

export async function listPeople(
  db: HallwayDatabase,
  options: { query?: string; sort?: PeopleSort; offset?: number; limit?: number } = {},
): Promise<PeoplePage> {
  const { query = '', sort = 'name', offset = 0, limit = 100 } = options;
  return db.transaction('r', [db.people, db.noteWords, db.notes, db.favours, db.interactions], async () => {
    let rows: PersonRow[];
    if (query.trim()) {
      const scores = await matchQuery(db, query);
      rows = (await db.people.bulkGet([...scores.keys()])).filter((r): r is PersonRow => Boolean(r));
      // One walk of the interactions' person index for everyone found, not one count per person.
      const counts = new Map<string, number>();
      for (const personId of (await db.interactions.where('personId').anyOf([...scores.keys()]).keys()) as string[]) {
        counts.set(personId, (counts.get(personId) ?? 0) + 1);
      }
      const now = Date.now();
      const rank = (row: PersonRow) => (scores.get(row.id) ?? 0) * 10 + closeness(row, counts.get(row.id) ?? 0, now);
      const compare = compareRows(sort);
      // Who to ask: the best topic match first, then the people the user knows best; the sort breaks ties.
      rows.sort((a, b) => rank(b) - rank(a) || compare(a, b));
    } else {
      const [page, total] = await Promise.all([pageInOrder(db, sort, offset, limit), db.people.count()]);
      return { people: await summarise(db, page), total };
    }
    return { people: await summarise(db, rows.slice(offset, offset + limit)), total: rows.length };
  });
}
