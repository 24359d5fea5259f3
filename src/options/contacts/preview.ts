/**
 * Decides what an import would do before anything is written: which rows become new people, which are
 * skipped and why, and which name someone already in Hallway. Every new person passes the same check
 * the backup import runs, so the one import request that follows the user's confirmation is not
 * refused for a row shown here as fine.
 */
import type { Backup } from '../../shared/db/backup';
import { foldName, isEmail, normalizeEmail, normalizeName, type SiteId } from '../../shared/identity';
import { emptyPerson, nowIso, personCheck, type Person } from '../../shared/model';
import { parseContactsCsv } from './columns';
import type { ContactFormat, ContactsParse, LineMessage, LineReason, ParsedContacts } from './draft';
import { parseVCards } from './vcard';

/** Someone already in Hallway, as `people.list` describes them. */
export interface ExistingPerson {
  displayName: string;
  emails: readonly string[];
}

export interface ImportPreview {
  format: ContactFormat;
  /** New records, ready to import. */
  people: Person[];
  /** The line each of `people` came from, in the same order. */
  lines: number[];
  skipped: LineReason[];
  warnings: LineMessage[];
  /** Rows with an address someone in Hallway already has: not imported, so nothing is overwritten. */
  duplicates: { line: number; name: string; existingName: string }[];
}

// The limits of personCheck in model.ts; longer text is cut with a warning instead of losing the row.
const NAME_MAX = 200;
const SHORT_MAX = 200;
const LONG_MAX = 20_000;
const TAG_MAX = 60;
const ASK_MAX = 100;
const LIST_MAX = 100;
const EMAILS_MAX = 50;
const SITE_IDS_MAX = 50;
const SITE_ID_MAX = 200;

/** Reads bytes as text: a byte order mark decides; else UTF-8, else Windows-1252, which Outlook on Windows writes. */
export function decodeContactsFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** CSV or vCard, by the file's extension, or by its first line when the extension says neither. */
export function parseContacts(text: string, fileName = ''): ContactsParse {
  const extension = /\.([^.]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') return parseVCards(text);
  if (extension === 'csv') return parseContactsCsv(text);
  return /^\uFEFF?\s*BEGIN:VCARD/iu.test(text) ? parseVCards(text) : parseContactsCsv(text);
}

/** Cuts to `max` UTF-16 units, the unit the validators count, without splitting a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const cutValue = value.slice(0, max);
  return /[\uD800-\uDBFF]$/u.test(cutValue) ? cutValue.slice(0, -1) : cutValue;
}

/** "Dana <dana@example.com>" and "mailto:dana@example.com" are addresses too. */
function addressIn(raw: string): string {
  const text = raw.trim();
  const bracketed = /<([^<>]+)>\s*$/u.exec(text)?.[1] ?? text;
  return bracketed.replace(/^mailto:/iu, '').trim();
}

const quote = (value: string) => `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function buildPreview(parsed: ParsedContacts, existing: readonly ExistingPerson[], now: string = nowIso()): ImportPreview {
  const skipped: LineReason[] = [...parsed.skipped];
  const warnings: LineMessage[] = [...parsed.warnings];
  const duplicates: ImportPreview['duplicates'] = [];
  const people: Person[] = [];
  const lines: number[] = [];

  const existingByEmail = new Map<string, string>();
  for (const person of existing) {
    for (const email of person.emails) existingByEmail.set(normalizeEmail(email), person.displayName);
  }
  const existingNames = new Set(existing.map((person) => foldName(person.displayName)));
  const fileByEmail = new Map<string, { line: number; name: string }>();

  for (const draft of parsed.drafts) {
    const { line } = draft;
    const warn = (message: string) => warnings.push({ line, message });
    const cutWithWarning = (value: string, max: number, what: string) => {
      if (value.length > max) warn(`${what} is longer than ${max.toLocaleString('en')} characters; the rest was cut`);
      return cut(value, max);
    };

    const valid: string[] = [];
    const invalid: string[] = [];
    for (const raw of draft.emails) {
      const address = addressIn(raw);
      if (isEmail(address)) valid.push(normalizeEmail(address));
      else if (address) invalid.push(address);
    }
    const name = normalizeName(draft.name);
    let emails = uniqueBy(valid, (e) => e);
    if (!name && !emails.length) {
      skipped.push({
        line,
        reason: invalid.length
          ? `no name, and ${invalid.map(quote).join(', ')} ${invalid.length === 1 ? 'is not an email address' : 'are not email addresses'}`
          : 'no name or email address',
      });
      continue;
    }
    for (const address of invalid) warn(`${quote(address)} is not an email address; left out`);
    if (emails.length > EMAILS_MAX) {
      warn(`has ${emails.length} email addresses; the first ${EMAILS_MAX} were kept`);
      emails = emails.slice(0, EMAILS_MAX);
    }

    const displayName = cutWithWarning(name || emails[0]!, NAME_MAX, 'The name');
    const known = emails.find((email) => existingByEmail.has(email));
    if (known !== undefined) {
      duplicates.push({ line, name: displayName, existingName: existingByEmail.get(known)! });
      continue;
    }
    const earlier = emails.map((email) => fileByEmail.get(email)).find(Boolean);
    if (earlier) {
      skipped.push({ line, reason: `has the same email address as line ${earlier.line} (${earlier.name}), which is added instead` });
      continue;
    }
    if (existingNames.has(foldName(displayName))) {
      warn(`someone called ${displayName} is already in Hallway; this row is added as a separate person, since no email address links them`);
    }

    const person = emptyPerson({
      displayName,
      emails,
      team: cutWithWarning(draft.team.trim(), SHORT_MAX, 'The team'),
      role: cutWithWarning(draft.role.trim(), SHORT_MAX, 'The role'),
      tags: cleanList(draft.tags, TAG_MAX, 'tag', warn),
      askAbout: cleanList(draft.askAbout, ASK_MAX, '"ask about" topic', warn),
      personal: cutWithWarning(draft.personal.trim(), LONG_MAX, 'The note'),
      howWeMet: cutWithWarning(draft.howWeMet.trim(), LONG_MAX, '"How we met"'),
      siteIds: cleanSiteIds(draft.siteIds, warn),
      createdAt: now,
      updatedAt: now,
    });
    // A safety net: the steps above keep every field within bounds, so this should never refuse.
    const checked = personCheck(person);
    if (!checked.ok) {
      skipped.push({ line, reason: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
      continue;
    }
    for (const email of emails) fileByEmail.set(email, { line, name: displayName });
    people.push(person);
    lines.push(line);
  }

  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return { format: parsed.format, people, lines, skipped: skipped.sort(byLine), warnings: warnings.sort(byLine), duplicates };
}

/** Trimmed, without repeats (ignoring case), each within `max`; too-long items are dropped, not cut. */
function cleanList(items: string[], max: number, what: string, warn: (message: string) => void): string[] {
  const kept: string[] = [];
  for (const item of uniqueBy(items.map((i) => i.trim()).filter(Boolean), (i) => i.toLowerCase())) {
    if (item.length > max) warn(`the ${what} ${quote(item)} is longer than ${max} characters; left out`);
    else kept.push(item);
  }
  if (kept.length > LIST_MAX) warn(`has ${kept.length} ${what}s; the first ${LIST_MAX} were kept`);
  return kept.slice(0, LIST_MAX);
}

function cleanSiteIds(siteIds: SiteId[], warn: (message: string) => void): SiteId[] {
  const kept = uniqueBy(
    siteIds.map((s) => ({ site: s.site, id: s.id.trim() })).filter((s) => s.id),
    (s) => `${s.site}:${s.id}`,
  ).filter((s) => {
    if (s.id.length <= SITE_ID_MAX) return true;
    warn(`the ${s.site} id ${quote(s.id)} is too long; left out`);
    return false;
  });
  return kept.slice(0, SITE_IDS_MAX);
}

/**
 * The one request that writes the import: a backup with only the new people, sent in "merge" mode, so
 * the service worker validates it whole and writes it in one transaction. Settings are left out so
 * the user's stay as they are.
 */
export function importBackupOf(people: Person[], exportedAt: string = nowIso()): Omit<Backup, 'settings'> {
  return { format: 'hallway-backup', version: 1, exportedAt, people, notes: [], interactions: [], favours: [], threads: [] };
}
