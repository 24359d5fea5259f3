/**
 * Who is who on pages: the in-memory identity index marker lookups read, the user's own identities,
 * sightings of unknown addresses and ids, and links and refusals the user made from a card.
 */
import { foldName, initialKey, isGroupAddress, isInitialName, nameMatchKeys, normalizeEmail, siteKey, strongKey, type PageIdentity } from '../identity';
import { nowIso, type Person, type Settings } from '../model';
import { SITE_LABELS } from '../sites';
import type { MarkerState, Sighting } from '../views';
import type { HallwayDatabase, SeenRow } from './database';
import { InvalidDataError, NotFoundError } from './errors';
import { savePerson } from './people';
import { fromPersonRow, requirePerson } from './records';
import { getSettings, updateSettings } from './settings';

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

/** The people these matches are sure of, once each: an uncertain match names no one yet. */
export function confirmedPersonIds(matches: readonly IdentityMatch[]): string[] {
  return [...new Set(matches.flatMap((m) => (m.personId && m.state !== 'uncertain' ? [m.personId] : [])))];
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
      out.push({ key: row.key, name: row.name, label: row.email ?? `${SITE_LABELS[row.siteId!.site]} ${row.siteId!.id}`, host: row.host, at: row.at });
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
