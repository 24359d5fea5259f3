/**
 * Every read and write of the private database. Functions take the database so the service worker
 * and the tests share one implementation; each write that touches several tables runs in one
 * transaction, so a failure leaves nothing half-done.
 */
import Dexie from 'dexie';
import {
  DEFAULT_SETTINGS,
  emptyPerson,
  newId,
  nowIso,
  personCheck,
  settingsCheck,
  type Favour,
  type Interaction,
  type InteractionKind,
  type Note,
  type Person,
  type Settings,
} from '../model';
import { foldName, foldText, initialKey, isGroupAddress, isInitialName, nameMatchKeys, normalizeEmail, siteKey, strongKey, type PageIdentity } from '../identity';
import { formatProblems } from '../validate';
import { queryWords, wordsOf } from '../words';
import type {
  MarkerState,
  PeoplePage,
  PeopleSort,
  PersonDetail,
  PersonSummary,
  Sighting,
} from '../views';
import type { HallwayDatabase, NoteRow, PersonRow, SeenRow, TrashRow } from './database';
import { favourBalance } from '../favours';

export { favourBalance };

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found; it may have been deleted.`);
    // Not "NotFoundError": Dexie takes rejections named like IndexedDB's own errors for its own
    // and wraps them, which would turn this readable message into a generic failure.
    this.name = 'HallwayNotFoundError';
  }
}

export class InvalidDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HallwayInvalidDataError';
  }
}

/**
 * An address or chat id that already belongs to someone else: one colleague is one record, so the
 * save is refused and the UI offers to open the person who has it.
 */
export class DuplicateIdentityError extends InvalidDataError {
  constructor(
    readonly identity: string,
    readonly owner: { id: string; displayName: string },
  ) {
    super(`${identity} already belongs to ${owner.displayName}. Open ${owner.displayName} to add to their record instead.`);
    this.name = 'HallwayDuplicateIdentityError';
  }
}

function uniq<T>(values: T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const trimmed = (values: string[]) => uniq(values.map((v) => v.trim()).filter(Boolean), (v) => v.toLowerCase());

/** The canonical form of a person: trimmed, de-duplicated, lower-case addresses. */
export function cleanPerson(person: Person): Person {
  return {
    ...person,
    displayName: person.displayName.trim(),
    emails: uniq(person.emails.map(normalizeEmail).filter(Boolean)),
    siteIds: uniq(person.siteIds.map((s) => ({ site: s.site, id: s.id.trim() })), siteKey),
    team: person.team.trim(),
    role: person.role.trim(),
    tags: trimmed(person.tags),
    askAbout: trimmed(person.askAbout),
  };
}

export function toPersonRow(
  person: Person,
  stats: Pick<PersonRow, 'lastInteractionAt' | 'lastInPersonAt'> = { lastInteractionAt: null, lastInPersonAt: null },
  noteWords: string[] = [],
): PersonRow {
  return {
    ...person,
    siteKeys: person.siteIds.map(siteKey),
    nameKey: foldName(person.displayName),
    teamKey: foldText(person.team.trim()),
    words: wordsOf(
      person.displayName,
      person.emails.join(' '),
      person.team,
      person.role,
      person.teamHistory.map((t) => t.team).join(' '),
      person.tags.join(' '),
      person.askAbout.join(' '),
      person.personal,
      person.howWeMet,
    ),
    topicWords: wordsOf(...person.askAbout),
    noteWords,
    ...stats,
  };
}

export function fromPersonRow(row: PersonRow): Person {
  const { siteKeys: _s, nameKey: _n, teamKey: _k, words: _w, topicWords: _t, noteWords: _nw, lastInteractionAt: _l, lastInPersonAt: _p, ...person } =
    row;
  return person;
}

function toNoteRow(note: Note): NoteRow {
  return { ...note, words: wordsOf(note.text) };
}

export function fromNoteRow(row: NoteRow): Note {
  const { words: _w, ...note } = row;
  return note;
}

// ---------------------------------------------------------------------------------------------
// People

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
    await db.people.put(toPersonRow(person, stats, existing?.noteWords ?? []));
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
  const [notes, favours] = await Promise.all([
    db.notes.where('personId').anyOf(ids).toArray(),
    db.favours.where('personId').anyOf(ids).toArray(),
  ]);
  const group = <T extends { personId: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) {
      const list = by.get(row.personId);
      if (list) list.push(row);
      else by.set(row.personId, [row]);
    }
    return by;
  };
  const notesBy = group(notes);
  const favoursBy = group(favours);
  return rows.map((row) => {
    const own = notesBy.get(row.id) ?? [];
    const latest = own.reduce<NoteRow | null>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), null);
    return {
      id: row.id,
      displayName: row.displayName,
      team: row.team,
      role: row.role,
      emails: row.emails,
      askAbout: row.askAbout,
      latestNote: latest ? { id: latest.id, text: latest.text, createdAt: latest.createdAt } : null,
      noteCount: own.length,
      lastInteractionAt: row.lastInteractionAt,
      lastInPersonAt: row.lastInPersonAt,
      balance: favourBalance(favoursBy.get(row.id) ?? []),
    };
  });
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
      db.people.where('noteWords').startsWith(word).primaryKeys(),
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
  return db.transaction('r', [db.people, db.notes, db.favours, db.interactions], async () => {
    let rows: PersonRow[];
    if (query.trim()) {
      const scores = await matchQuery(db, query);
      rows = (await db.people.bulkGet([...scores.keys()])).filter((r): r is PersonRow => Boolean(r));
      const counts = new Map(
        await Promise.all(rows.map(async (r) => [r.id, await db.interactions.where('personId').equals(r.id).count()] as const)),
      );
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

// ---------------------------------------------------------------------------------------------
// Notes, interactions, favours

async function requirePerson(db: HallwayDatabase, personId: string): Promise<PersonRow> {
  const row = await db.people.get(personId);
  if (!row) throw new NotFoundError('That person');
  return row;
}

function requireText(text: string, field = 'text'): string {
  const value = text.trim();
  if (!value) throw new InvalidDataError(`${field}: must not be empty`);
  return value;
}

/** Recomputes the note words a person row carries for search, from all their notes. */
export async function refreshNoteWords(db: HallwayDatabase, personId: string): Promise<void> {
  const notes = await db.notes.where('personId').equals(personId).toArray();
  await db.people.update(personId, { noteWords: [...new Set(notes.flatMap((n) => n.words))] });
}

export async function addNote(db: HallwayDatabase, personId: string, text: string): Promise<Note> {
  const body = requireText(text);
  return db.transaction('rw', db.people, db.notes, async () => {
    await requirePerson(db, personId);
    const now = nowIso();
    const note: Note = { id: newId(), personId, text: body, createdAt: now, updatedAt: now };
    await db.notes.add(toNoteRow(note));
    await refreshNoteWords(db, personId);
    return note;
  });
}

export async function updateNote(db: HallwayDatabase, noteId: string, text: string): Promise<Note> {
  const body = requireText(text);
  return db.transaction('rw', db.people, db.notes, async () => {
    const row = await db.notes.get(noteId);
    if (!row) throw new NotFoundError('That note');
    const note: Note = { ...fromNoteRow(row), text: body, updatedAt: nowIso() };
    await db.notes.put(toNoteRow(note));
    await refreshNoteWords(db, note.personId);
    return note;
  });
}

export async function deleteNote(db: HallwayDatabase, noteId: string): Promise<void> {
  await db.transaction('rw', db.people, db.notes, async () => {
    const row = await db.notes.get(noteId);
    if (!row) return;
    await db.notes.delete(noteId);
    await refreshNoteWords(db, row.personId);
  });
}

/** Recomputes the last-interaction fields a person row carries for sorting and cards. */
export async function refreshStats(db: HallwayDatabase, personId: string): Promise<void> {
  const interactions = await db.interactions.where('personId').equals(personId).toArray();
  let last: string | null = null;
  let lastInPerson: string | null = null;
  for (const i of interactions) {
    if (!last || i.at > last) last = i.at;
    if (i.kind === 'in-person' && (!lastInPerson || i.at > lastInPerson)) lastInPerson = i.at;
  }
  await db.people.update(personId, { lastInteractionAt: last, lastInPersonAt: lastInPerson });
}

export async function addInteraction(
  db: HallwayDatabase,
  input: { personId: string; kind: InteractionKind; at?: string; sourceUrl?: string; threadKey?: string; summary?: string; isAuto?: boolean },
): Promise<Interaction> {
  return db.transaction('rw', db.people, db.interactions, async () => {
    await requirePerson(db, input.personId);
    const interaction: Interaction = {
      id: newId(),
      personId: input.personId,
      kind: input.kind,
      at: input.at ?? nowIso(),
      isAuto: input.isAuto ?? false,
      ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      ...(input.threadKey ? { threadKey: input.threadKey } : {}),
      ...(input.summary?.trim() ? { summary: input.summary.trim() } : {}),
    };
    await db.interactions.add(interaction);
    await refreshStats(db, input.personId);
    return interaction;
  });
}

export async function deleteInteraction(db: HallwayDatabase, interactionId: string): Promise<void> {
  await db.transaction('rw', db.people, db.interactions, async () => {
    const row = await db.interactions.get(interactionId);
    if (!row) return;
    await db.interactions.delete(interactionId);
    await refreshStats(db, row.personId);
  });
}

export async function addFavour(
  db: HallwayDatabase,
  input: Pick<Favour, 'personId' | 'direction' | 'effort' | 'what'> & { at?: string },
): Promise<Favour> {
  const what = requireText(input.what, 'what');
  return db.transaction('rw', db.people, db.favours, async () => {
    await requirePerson(db, input.personId);
    const favour: Favour = {
      id: newId(),
      personId: input.personId,
      direction: input.direction,
      effort: input.effort,
      what,
      at: input.at ?? nowIso(),
      settledAt: null,
    };
    await db.favours.add(favour);
    return favour;
  });
}

export async function setFavourSettled(db: HallwayDatabase, favourId: string, isSettled: boolean): Promise<Favour> {
  return db.transaction('rw', db.favours, async () => {
    const favour = await db.favours.get(favourId);
    if (!favour) throw new NotFoundError('That favour');
    const next = { ...favour, settledAt: isSettled ? (favour.settledAt ?? nowIso()) : null };
    await db.favours.put(next);
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Delete with undo, and merge

/** How long a deleted person can be brought back. */
export const UNDO_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export async function deletePerson(db: HallwayDatabase, personId: string): Promise<{ undoId: string }> {
  return db.transaction('rw', [db.people, db.notes, db.interactions, db.favours, db.trash], async () => {
    const person = await requirePerson(db, personId);
    const [notes, interactions, favours] = await Promise.all([
      db.notes.where('personId').equals(personId).toArray(),
      db.interactions.where('personId').equals(personId).toArray(),
      db.favours.where('personId').equals(personId).toArray(),
    ]);
    const entry: TrashRow = { id: newId(), deletedAt: nowIso(), person, notes, interactions, favours };
    await db.trash.add(entry);
    await db.notes.bulkDelete(notes.map((n) => n.id));
    await db.interactions.bulkDelete(interactions.map((i) => i.id));
    await db.favours.bulkDelete(favours.map((f) => f.id));
    await db.people.delete(personId);
    // Old trash goes when new trash arrives: no timer needed.
    const cutoff = new Date(Date.now() - UNDO_WINDOW_MS).toISOString();
    await db.trash.where('deletedAt').below(cutoff).delete();
    return { undoId: entry.id };
  });
}

export async function undoDelete(db: HallwayDatabase, undoId: string): Promise<Person> {
  return db.transaction('rw', [db.people, db.notes, db.interactions, db.favours, db.trash], async () => {
    const entry = await db.trash.get(undoId);
    if (!entry) throw new NotFoundError('That deleted person');
    await db.people.put(entry.person);
    await db.notes.bulkPut(entry.notes);
    await db.interactions.bulkPut(entry.interactions);
    await db.favours.bulkPut(entry.favours);
    await db.trash.delete(undoId);
    return fromPersonRow(entry.person);
  });
}

function joinText(a: string, b: string): string {
  if (!a.trim()) return b;
  if (!b.trim() || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}

/**
 * Folds `mergeId` into `keepId`: every address, site id, topic, note, interaction and favour of the
 * merged record ends up on the kept one, and the merged record is removed.
 */
/** One record of two: the kept one's id and fields, the other's filling its blanks, lists unioned. */
export function combinePeople(keep: Person, other: Person): Person {
  return cleanPerson({
    ...keep,
    emails: [...keep.emails, ...other.emails],
    siteIds: [...keep.siteIds, ...other.siteIds],
    team: keep.team || other.team,
    role: keep.role || other.role,
    teamHistory: uniq([...keep.teamHistory, ...other.teamHistory], (t) => JSON.stringify(t)),
    tags: [...keep.tags, ...other.tags],
    askAbout: [...keep.askAbout, ...other.askAbout],
    personal: joinText(keep.personal, other.personal),
    howWeMet: joinText(keep.howWeMet, other.howWeMet),
    cadenceDays: keep.cadenceDays ?? other.cadenceDays,
    createdAt: keep.createdAt < other.createdAt ? keep.createdAt : other.createdAt,
    updatedAt: nowIso(),
  });
}

export async function mergePeople(db: HallwayDatabase, keepId: string, mergeId: string): Promise<Person> {
  if (keepId === mergeId) throw new InvalidDataError('Choose two different people to merge.');
  return db.transaction('rw', [db.people, db.notes, db.interactions, db.favours, db.notThem], async () => {
    const keep = fromPersonRow(await requirePerson(db, keepId));
    const other = fromPersonRow(await requirePerson(db, mergeId));
    const merged = combinePeople(keep, other);
    await db.notes.where('personId').equals(mergeId).modify({ personId: keepId });
    await db.interactions.where('personId').equals(mergeId).modify({ personId: keepId });
    await db.favours.where('personId').equals(mergeId).modify({ personId: keepId });
    // "Not them" said of either record holds for the one that is left.
    for (const row of await db.notThem.where('personId').equals(mergeId).toArray()) {
      await db.notThem.delete([row.key, row.personId]);
      await db.notThem.put({ ...row, personId: keepId });
    }
    await db.people.delete(mergeId);
    await db.people.put(toPersonRow(merged));
    await refreshStats(db, keepId);
    await refreshNoteWords(db, keepId);
    return merged;
  });
}

// ---------------------------------------------------------------------------------------------
// Identities seen on pages

export interface IdentityMatch {
  personId: string | null;
  state: MarkerState;
  /** For an uncertain match: everyone it might be (one, or several people sharing the name). */
  candidates?: string[];
}

/** Who is who, in memory: what marker lookups read instead of the database. */
export interface IdentityIndex {
  byEmail: Map<string, string>;
  bySiteKey: Map<string, string>;
  byNameKey: Map<string, string[]>;
  /** People with notes or personal text. */
  noted: Set<string>;
  /** Full names (two words or more) for finding people in message text. */
  names: { key: string; name: string }[];
  /** People by the keys of their name (nameMatchKeys), and by initial and surname. */
  byMatchKey: Map<string, string[]>;
  byInitialKey: Map<string, string[]>;
  /** `strongKey|personId` pairs the user said are not the same person. */
  notThem: Set<string>;
  /** Strong keys of the user's own addresses and ids ("These are me" in settings). */
  self: Set<string>;
}

/**
 * Reads every person's addresses, site ids and names once, and who has notes (from the notes'
 * personId index: no note text is read). A page with thousands of names is then matched in memory.
 */
export async function buildIdentityIndex(db: HallwayDatabase): Promise<IdentityIndex> {
  return db.transaction('r', [db.people, db.notes, db.notThem, db.settings], async () => {
    const index: IdentityIndex = {
      byEmail: new Map(),
      bySiteKey: new Map(),
      byNameKey: new Map(),
      noted: new Set(),
      names: [],
      byMatchKey: new Map(),
      byInitialKey: new Map(),
      notThem: new Set(),
      self: selfKeys(await getSettings(db)),
    };
    const names = new Map<string, string>();
    const push = (map: Map<string, string[]>, key: string, id: string) => {
      const ids = map.get(key);
      if (!ids) map.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    };
    await db.people.each((row) => {
      if (isFullName(row.displayName)) names.set(row.nameKey, row.displayName);
      for (const email of row.emails) index.byEmail.set(email, row.id);
      for (const key of row.siteKeys) index.bySiteKey.set(key, row.id);
      push(index.byNameKey, row.nameKey, row.id);
      for (const key of nameMatchKeys(row.displayName)) push(index.byMatchKey, key, row.id);
      const initial = initialKey(row.displayName);
      if (initial) push(index.byInitialKey, initial, row.id);
      if (row.personal.trim()) index.noted.add(row.id);
    });
    await db.notThem.each((row) => index.notThem.add(`${row.key}|${row.personId}`));
    for (const personId of (await db.notes.orderBy('personId').uniqueKeys()) as string[]) index.noted.add(personId);
    index.names = [...names].map(([key, name]) => ({ key, name }));
    return index;
  });
}

/**
 * Matches what a page shows to the directory. An address or site id is proof; a display name alone
 * is only a guess, reported as uncertain so no private note is shown on its strength.
 */
export function matchWithIndex(index: IdentityIndex, identities: readonly PageIdentity[]): IdentityMatch[] {
  return identities.map((identity) => {
    // The user is never a colleague on their own pages: not marked, not listed, not greeted.
    const key = strongKey(identity);
    if (identity.isSelf || (key && index.self.has(key))) return { personId: null, state: 'self' };
    const strong =
      (identity.email && index.byEmail.get(normalizeEmail(identity.email))) ||
      (identity.siteId && index.bySiteKey.get(siteKey(identity.siteId)));
    if (strong) return { personId: strong, state: index.noted.has(strong) ? 'noted' : 'known' };
    // team@, noreply@, a mailing list: no one to know, unless the user added it as someone.
    if (identity.email && isGroupAddress(identity.email)) return { personId: null, state: 'none' };
    // An address or id Hallway does not know, or a name alone: whoever has that name may be them.
    // It stays a question until the user answers it, so no note is shown on its strength.
    const candidates = identity.name ? nameCandidates(index, identity) : [];
    // One candidate is still only a guess; several are all offered, never picked between.
    if (candidates.length === 1) return { personId: candidates[0]!, state: 'uncertain', candidates };
    if (candidates.length > 1) return { personId: null, state: 'uncertain', candidates };
    return { personId: null, state: 'unknown' };
  });
}

/** People whose name matches the identity's, less those the user said it is not. */
function nameCandidates(index: IdentityIndex, identity: PageIdentity): string[] {
  const name = identity.name!;
  const found = new Set<string>(index.byNameKey.get(foldName(name)) ?? []);
  for (const key of nameMatchKeys(name)) for (const id of index.byMatchKey.get(key) ?? []) found.add(id);
  // "G. Hopper" could be Grace; "Grace Hopper" is not looked up as "G. Hopper".
  if (isInitialName(name)) for (const id of index.byInitialKey.get(initialKey(name)!) ?? []) found.add(id);
  const key = strongKey(identity);
  return [...found].filter((id) => !key || !index.notThem.has(`${key}|${id}`)).sort();
}

function selfKeys(settings: Settings): Set<string> {
  const me = settings.me ?? { emails: [], siteIds: [] };
  return new Set([...me.emails.map((e) => `email:${normalizeEmail(e)}`), ...me.siteIds.map(siteKey)]);
}

/**
 * Remembers the addresses and ids the page says are the user's ("me" chips, the user's own messages),
 * so every page knows them. Never one that belongs to a colleague in the directory: a page cannot make
 * Hallway forget someone by calling them "me". Returns whether anything was added.
 */
export async function learnSelf(db: HallwayDatabase, identities: readonly PageIdentity[]): Promise<boolean> {
  const own = identities.filter((identity) => identity.isSelf && strongKey(identity));
  if (!own.length) return false;
  return db.transaction('rw', [db.people, db.settings], async () => {
    const settings = await getSettings(db);
    const known = selfKeys(settings);
    const me = { emails: [...(settings.me?.emails ?? [])], siteIds: [...(settings.me?.siteIds ?? [])] };
    let isChanged = false;
    for (const identity of own) {
      const key = strongKey(identity)!;
      if (known.has(key)) continue;
      const email = identity.email ? normalizeEmail(identity.email) : null;
      const owner = email
        ? await db.people.where('emails').equals(email).first()
        : await db.people.where('siteKeys').equals(siteKey(identity.siteId!)).first();
      if (owner) continue;
      if (email && me.emails.length < 50) me.emails.push(email);
      else if (!email && identity.siteId && me.siteIds.length < 50) me.siteIds.push(identity.siteId);
      else continue;
      known.add(key);
      isChanged = true;
    }
    if (isChanged) await updateSettings(db, { me });
    return isChanged;
  });
}

/** How long a sighting is kept, and how many. */
const SEEN_DAYS = 30;
const SEEN_MAX = 5000;

/**
 * Keeps the addresses and ids a page showed that no one in the directory has, with the name shown,
 * so they can be offered when the user links identities to a person (`seenFor`).
 */
export async function recordSeen(db: HallwayDatabase, host: string, identities: readonly PageIdentity[], matches: readonly IdentityMatch[]): Promise<void> {
  const now = nowIso();
  const rows: SeenRow[] = [];
  identities.forEach((identity, i) => {
    const state = matches[i]?.state;
    const key = strongKey(identity);
    if (!key || !identity.name || (state !== 'unknown' && state !== 'uncertain')) return;
    if (identity.email && isGroupAddress(identity.email)) return;
    const nameKeys = nameMatchKeys(identity.name);
    if (!nameKeys.length) return;
    rows.push({
      key,
      name: identity.name,
      nameKeys,
      email: identity.email ? normalizeEmail(identity.email) : null,
      siteId: identity.siteId ?? null,
      host,
      at: now,
    });
  });
  if (!rows.length) return;
  await db.transaction('rw', db.seen, async () => {
    await db.seen.bulkPut(rows);
    const cutoff = new Date(Date.now() - SEEN_DAYS * 24 * 60 * 60 * 1000).toISOString();
    await db.seen.where('at').below(cutoff).delete();
    const extra = (await db.seen.count()) - SEEN_MAX;
    if (extra > 0) await db.seen.orderBy('at').limit(extra).delete();
  });
}

/** Addresses and ids seen on pages under this person's name that no one has yet, newest first. */
export async function seenFor(db: HallwayDatabase, personId: string): Promise<Sighting[]> {
  return db.transaction('r', [db.people, db.seen, db.notThem], async () => {
    const person = fromPersonRow(await requirePerson(db, personId));
    const keys = nameMatchKeys(person.displayName);
    if (!keys.length) return [];
    const rows = await db.seen.where('nameKeys').anyOf(keys).toArray();
    const out: Sighting[] = [];
    for (const row of rows) {
      const isOwned = row.email
        ? Boolean(await db.people.where('emails').equals(row.email).first())
        : Boolean(await db.people.where('siteKeys').equals(row.key).first());
      if (isOwned || (await db.notThem.get([row.key, personId]))) continue;
      if (out.some((s) => s.key === row.key)) continue;
      out.push({ key: row.key, name: row.name, label: row.email ?? `${SITE_LABEL[row.siteId!.site]} ${row.siteId!.id}`, host: row.host, at: row.at });
    }
    return out.sort((a, b) => b.at.localeCompare(a.at));
  });
}

/** Links an address or id seen on a page to a person. */
export async function linkSeen(db: HallwayDatabase, personId: string, key: string): Promise<Person> {
  const row = await db.seen.get(key);
  if (!row) throw new NotFoundError('That address or id');
  const person = await linkIdentity(db, personId, { ...(row.email ? { email: row.email } : {}), ...(row.siteId ? { siteId: row.siteId } : {}) });
  await db.seen.delete(key);
  return person;
}

const SITE_LABEL = { slack: 'Slack', teams: 'Teams', 'google-chat': 'Google Chat' } as const;

/** "Not them": this address or id is not this person; the card stops asking, on every tab. */
export async function rejectCandidate(db: HallwayDatabase, identity: PageIdentity, personId: string): Promise<void> {
  const key = strongKey(identity);
  if (!key) throw new InvalidDataError('Only an address or a chat id can be told apart from a person.');
  await db.notThem.put({ key, personId, at: nowIso() });
}

/** Matches identities to people; the service worker passes one that reads its cached index. */
export type Matcher = (identities: PageIdentity[]) => Promise<IdentityMatch[]>;

export async function matchIdentities(db: HallwayDatabase, identities: PageIdentity[]): Promise<IdentityMatch[]> {
  return matchWithIndex(await buildIdentityIndex(db), identities);
}

/** Two words or more, so "Ada" alone never lights up every "ada" in a page's text. */
function isFullName(name: string): boolean {
  return /\S\s+\S/u.test(name);
}


/** Adds what the page showed (an address, a site id) to a person, once the user said it is them. */
export async function linkIdentity(db: HallwayDatabase, personId: string, identity: PageIdentity): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = fromPersonRow(await requirePerson(db, personId));
    if (!identity.email && !identity.siteId) return person;
    return savePerson(db, {
      ...person,
      emails: identity.email ? [...person.emails, identity.email] : person.emails,
      siteIds: identity.siteId ? [...person.siteIds, identity.siteId] : person.siteIds,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function getSettings(db: HallwayDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // Unknown or malformed stored values fall back to defaults one by one, never all at once.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (!(key in stored)) continue;
    const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] };
    if (settingsCheck(candidate).ok) merged[key] = stored[key];
  }
  return merged as Settings;
}

export async function updateSettings(db: HallwayDatabase, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...patch };
    const checked = settingsCheck(next);
    if (!checked.ok) throw new InvalidDataError(formatProblems(checked.problems));
    await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
    return checked.value as Settings;
  });
}
