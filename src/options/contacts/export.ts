/**
 * The directory as contacts for other programs: a CSV Outlook and Google Contacts can import, and a
 * vCard file for everything else. Only what describes a person goes out; notes, interactions and
 * favours stay in the JSON backup.
 */
import type { Backup } from '../../shared/db/backup';
import type { IdSite } from '../../shared/identity';
import type { Person } from '../../shared/model';
import { writeCsv } from './csv';
import { splitName } from './draft';
import { writeVCard } from './vcard';

/** Outlook's column names first, so its import maps them on its own; Hallway's columns after. */
export const CSV_HEADERS = [
  'First Name',
  'Middle Name',
  'Last Name',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Company',
  'Department',
  'Job Title',
  'Notes',
  'Categories',
  'Display Name',
  'More E-mail Addresses',
  'Ask About',
  'How We Met',
  'Slack ID',
  'Teams ID',
  'Google Chat ID',
] as const;

/**
 * A cell starting with = + - @ (or a tab or carriage return) runs as a formula when the file is
 * opened in a spreadsheet, and names can come from web pages. An apostrophe in front makes it text
 * (https://owasp.org/www-community/attacks/CSV_Injection); Hallway's import takes it off again.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

const siteIdsOf = (person: Person, site: IdSite) =>
  person.siteIds
    .filter((s) => s.site === site)
    .map((s) => s.id)
    .join('; ');

export function contactsCsv(people: readonly Person[]): string {
  const rows = people.map((person) => {
    const { given, family } = splitName(person.displayName);
    const [first = '', second = '', third = '', ...more] = person.emails;
    const row: Record<(typeof CSV_HEADERS)[number], string> = {
      'First Name': given,
      'Middle Name': '',
      'Last Name': family,
      'E-mail Address': first,
      'E-mail 2 Address': second,
      'E-mail 3 Address': third,
      Company: '',
      Department: person.team,
      'Job Title': person.role,
      Notes: person.personal,
      Categories: person.tags.join(';'),
      'Display Name': person.displayName,
      'More E-mail Addresses': more.join('; '),
      'Ask About': person.askAbout.join('; '),
      'How We Met': person.howWeMet,
      'Slack ID': siteIdsOf(person, 'slack'),
      'Teams ID': siteIdsOf(person, 'teams'),
      'Google Chat ID': siteIdsOf(person, 'google-chat'),
    };
    return CSV_HEADERS.map((header) => guardFormula(row[header]));
  });
  return writeCsv([[...CSV_HEADERS], ...rows]);
}

export function contactsVCard(people: readonly Person[]): string {
  return people.map(writeVCard).join('');
}

/** Sorted by name, as a person would read the file; the backup itself is sorted by id. */
function byName(backup: Pick<Backup, 'people'>): Person[] {
  return [...backup.people].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

/** The file's text. It opens with a byte order mark: without one, Excel reads UTF-8 names as Windows-1252. */
export function exportCsv(backup: Pick<Backup, 'people'>): string {
  return `\uFEFF${contactsCsv(byName(backup))}`;
}

export function exportVCard(backup: Pick<Backup, 'people'>): string {
  return contactsVCard(byName(backup));
}
