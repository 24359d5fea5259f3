/**
 * Reads the contact CSVs people actually have: Google Contacts (the current export and the older
 * "Google CSV" one), Outlook (desktop and Outlook.com, which share column names) and Hallway's own
 * export. The header line decides which; columns are matched by name, ignoring case, spaces and
 * hyphens ("E-mail Address" = "Email address"), and any column may be missing.
 */
import type { IdSite } from '../../shared/identity';
import { parseCsv } from './csv';
import { cleanLabels, emptyDraft, type ContactDraft, type ContactFormat, type ContactsParse, type LineMessage, type LineReason } from './draft';

/** "E-mail 1 - Value" → "email1value". */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Each field lists the headers that carry it, in order of preference: the first non-empty one wins.
const FULL_NAME = ['displayname', 'name', 'fullname'];
const FIRST = ['firstname', 'givenname'];
const MIDDLE = ['middlename', 'additionalname'];
const LAST = ['lastname', 'familyname', 'surname'];
const NICKNAME = ['nickname'];
// Department before Google's organisation department: Hallway's "team" is the user's working group.
const TEAM = ['department', 'organizationdepartment', 'organization1department', 'team'];
const ROLE = ['jobtitle', 'organizationtitle', 'organization1title', 'role'];
const TAGS = ['labels', 'categories', 'groupmembership', 'tags'];
const NOTES = ['notes', 'note'];
const ASK_ABOUT = ['askabout'];
const HOW_WE_MET = ['howwemet'];
const SITE_COLUMNS: [string, IdSite][] = [
  ['slackid', 'slack'],
  ['teamsid', 'teams'],
  ['googlechatid', 'google-chat'],
];

/**
 * Address columns: Outlook's "E-mail Address", "E-mail 2 Address"; Google's "E-mail 1 - Value";
 * plain "Email". Not "E-mail Type" or "E-mail 1 - Label", which describe an address.
 */
const EMAIL_COLUMN = /^(?:(?:primary|work|home|other|more)?e?mail\d*(?:address(?:es)?|value)?|email\d+address)$/u;

const HALLWAY_MARKS = ['askabout', 'howwemet', 'slackid', 'teamsid', 'googlechatid'];
const GOOGLE_LEGACY_MARKS = ['givenname', 'familyname', 'groupmembership', 'organization1name', 'organization1title'];
const GOOGLE_MARKS = ['email1value', 'labels', 'organizationname', 'organizationtitle', 'organizationdepartment'];
const OUTLOOK_MARKS = ['emailaddress', 'email2address', 'jobtitle', 'categories', 'company'];

export function detectFormat(keys: readonly string[]): ContactFormat {
  const has = (marks: string[]) => marks.some((mark) => keys.includes(mark));
  if (has(HALLWAY_MARKS)) return 'hallway';
  if (has(GOOGLE_LEGACY_MARKS)) return 'google-legacy';
  if (has(GOOGLE_MARKS)) return 'google';
  if (has(OUTLOOK_MARKS)) return 'outlook';
  return 'csv';
}

/** Google joins several labels, or several addresses of one kind, with " ::: "; Outlook uses ";". */
const LIST_SEPARATOR = /\s*(?::::|;)\s*/u;
// Addresses cannot hold commas, so a cell like "a@example.com, b@example.com" splits safely.
const EMAIL_SEPARATOR = /\s*(?::::|[;,])\s*/u;

export function splitList(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Hallway's export puts an apostrophe before a cell that a spreadsheet would run as a formula (see
 * export.ts); reading its own file back takes it off again.
 */
export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r]/u.test(value) ? value.slice(1) : value;
}

export function parseContactsCsv(text: string): ContactsParse {
  const { records, problems } = parseCsv(text);
  const skipped: LineReason[] = problems.map(({ line, message }) => ({ line, reason: message }));
  const warnings: LineMessage[] = [];
  const [header, ...rows] = records;
  if (!header) return { ok: false, error: 'The file is empty.' };

  const keys = header.fields.map(headerKey);
  const format = detectFormat(keys);
  const indexOf = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!indexOf.has(key)) indexOf.set(key, i);
  });
  // Outlook's "Title" is the courtesy title (Mr, Dr); only a plain CSV means a job by it.
  const roleKeys = format === 'csv' ? [...ROLE, 'title'] : ROLE;
  const emailColumns = keys.flatMap((key, i) => (EMAIL_COLUMN.test(key) ? [i] : []));
  const nameColumns = [...FULL_NAME, ...FIRST, ...MIDDLE, ...LAST, ...NICKNAME].filter((key) => indexOf.has(key));
  if (!emailColumns.length && !nameColumns.length) {
    return {
      ok: false,
      error:
        'Hallway found no name or email column in this file. The first line should name the columns, as Google Contacts and Outlook exports do ("First Name", "E-mail Address", …).',
    };
  }

  const drafts: ContactDraft[] = [];
  for (const { line, fields } of rows) {
    const cells = format === 'hallway' ? fields.map(unguardFormula) : fields;
    const cell = (key: string): string => {
      const i = indexOf.get(key);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const first = (candidates: string[]): string => {
      for (const key of candidates) {
        const value = cell(key);
        if (value) return value;
      }
      return '';
    };
    if (fields.length > keys.length && fields.slice(keys.length).some((extra) => extra.trim())) {
      warnings.push({ line, message: `has ${fields.length} fields but the header names ${keys.length}; the extra ones were ignored` });
    }

    const draft = emptyDraft(line);
    const parts = [first(FIRST), first(MIDDLE), first(LAST)].filter(Boolean);
    draft.name = first(FULL_NAME) || parts.join(' ') || first(NICKNAME);
    draft.emails = emailColumns.flatMap((i) => (cells[i] ?? '').split(EMAIL_SEPARATOR)).filter(Boolean);
    draft.team = first(TEAM);
    draft.role = first(roleKeys);
    draft.tags = cleanLabels(TAGS.flatMap((key) => splitList(cell(key))));
    draft.personal = first(NOTES);
    draft.askAbout = splitList(first(ASK_ABOUT));
    draft.howWeMet = first(HOW_WE_MET);
    draft.siteIds = SITE_COLUMNS.flatMap(([key, site]) => splitList(cell(key)).map((id) => ({ site, id })));
    drafts.push(draft);
  }
  return { ok: true, format, drafts, skipped, warnings };
}
