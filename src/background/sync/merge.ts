/**
 * How two versions of one record become one, field by field, the same way on every device (the sync
 * design brief, sections 4.3–4.8). Pure functions: no database, no clock of their own.
 *
 * Every field carries a hybrid logical clock of its last change. A field only one side changed since
 * the last sync takes that side; a field both changed follows its rule: the later write wins
 * (`last`), both sides' members are kept (`union`, for addresses, ids, tags), or the later text wins
 * and the other is kept as a conflict copy (`text`, for notes and long fields), so nothing the user
 * wrote is lost. Deletes are ordinary versions too (`del`): the later of the delete and the newest
 * edit decides, and the losing side is handed back to be kept for undo.
 */

/** `2026-12-06T10:00:00.000Z|0003|device`: ordered as strings, ties broken by the device. */
export type Hlc = string;

const COUNTER_DIGITS = 4;

function parse(hlc: Hlc): { at: number; counter: number } {
  const [iso = '', counter = '0'] = hlc.split('|');
  return { at: Date.parse(iso), counter: Number.parseInt(counter, 10) };
}

function format(at: number, counter: number, device: string): Hlc {
  return `${new Date(at).toISOString()}|${String(counter).padStart(COUNTER_DIGITS, '0')}|${device}`;
}

/**
 * The clock for a change made now on this device, after every clock it has seen (`last`): it never
 * goes backwards, even when the computer's clock does.
 */
export function tick(last: Hlc | null, device: string, now: number): Hlc {
  const previous = last ? parse(last) : { at: -Infinity, counter: -1 };
  if (now > previous.at) return format(now, 0, device);
  return format(previous.at, previous.counter + 1, device);
}

/** The later of two clocks (or the one there is). */
export function later(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

export type FieldRule = 'last' | 'union' | 'text';

/** One side's version of a record: its fields, each field's clock, and a delete if it was deleted. */
export interface Version {
  body: Record<string, unknown> | null;
  clk: Record<string, Hlc>;
  del?: Hlc;
}

/** The text a both-sides change of a `text` field lost: kept as a conflict copy, never dropped. */
export interface ConflictCopy {
  field: string;
  value: unknown;
  clock: Hlc;
}

export interface Merged {
  version: Version;
  copies: ConflictCopy[];
  /** A side that lost to a delete, or a delete that lost to a later edit: what was set aside. */
  setAside: Version | null;
  /** An edit made after the delete on the other side brought the record back. */
  isRestored: boolean;
}

/** Members of two lists, each once, in a fixed order, so both devices compute the same list. */
function union(a: unknown, b: unknown): unknown[] {
  const seen = new Map<string, unknown>();
  for (const item of [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])]) seen.set(JSON.stringify(item), item);
  return [...seen.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, item]) => item);
}

function newestClock(version: Version): Hlc | undefined {
  let newest: Hlc | undefined;
  for (const clock of Object.values(version.clk)) newest = later(newest, clock);
  return newest;
}

function mergeFields(local: Version, remote: Version, synced: Record<string, Hlc>, rules: Record<string, FieldRule>): { version: Version; copies: ConflictCopy[] } {
  const body: Record<string, unknown> = {};
  const clk: Record<string, Hlc> = {};
  const copies: ConflictCopy[] = [];
  const fields = [...new Set([...Object.keys(local.clk), ...Object.keys(remote.clk), ...Object.keys(local.body ?? {}), ...Object.keys(remote.body ?? {})])].sort();
  for (const field of fields) {
    const [lc, rc, sc] = [local.clk[field], remote.clk[field], synced[field]];
    const isLocalChanged = lc !== undefined && (sc === undefined || lc > sc);
    const isRemoteChanged = rc !== undefined && (sc === undefined || rc > sc);
    const [lv, rv] = [local.body?.[field], remote.body?.[field]];
    const newest = later(lc, rc);
    if (newest !== undefined) clk[field] = newest;
    const laterSide = (lc ?? '') >= (rc ?? '') ? 'local' : 'remote';
    if (!(isLocalChanged && isRemoteChanged) || JSON.stringify(lv) === JSON.stringify(rv)) {
      // Only one side changed it (or neither, or both to the same): the newer value stands.
      body[field] = laterSide === 'local' ? (lv ?? rv) : (rv ?? lv);
      continue;
    }
    const rule = rules[field] ?? 'last';
    if (rule === 'union') {
      body[field] = union(lv, rv);
    } else {
      body[field] = laterSide === 'local' ? lv : rv;
      if (rule === 'text') copies.push({ field, value: laterSide === 'local' ? rv : lv, clock: (laterSide === 'local' ? rc : lc) ?? '' });
    }
  }
  return { version: { body, clk }, copies };
}

/**
 * Merges the local and remote versions of one record. `synced` is each field's clock as of the last
 * sync between them; `rules` names each field's rule (`last` when not named).
 */
export function mergeVersions(local: Version, remote: Version, synced: Record<string, Hlc>, rules: Record<string, FieldRule>): Merged {
  const deleted = later(local.del, remote.del);
  if (deleted !== undefined) {
    const deleter = local.del === deleted ? local : remote;
    const other = deleter === local ? remote : local;
    const otherEdit = other.del === undefined ? newestClock(other) : undefined;
    if (otherEdit !== undefined && otherEdit > deleted) {
      // Edited after it was deleted elsewhere: the record comes back as edited; the delete is set aside.
      return { version: { body: other.body, clk: other.clk }, copies: [], setAside: deleter, isRestored: true };
    }
    const isOtherLive = other.del === undefined && other.body !== null;
    return { version: { body: null, clk: {}, del: deleted }, copies: [], setAside: isOtherLive ? other : null, isRestored: false };
  }
  const { version, copies } = mergeFields(local, remote, synced, rules);
  return { version, copies, setAside: null, isRestored: false };
}

/** The field rules of a person (the brief's section 4.3): sets are united, long texts keep both. */
export const PERSON_RULES: Record<string, FieldRule> = {
  emails: 'union',
  siteIds: 'union',
  tags: 'union',
  askAbout: 'union',
  teamHistory: 'union',
  personal: 'text',
  howWeMet: 'text',
};

/** A note's text keeps both sides; the rest is last writer. */
export const NOTE_RULES: Record<string, FieldRule> = { text: 'text' };
