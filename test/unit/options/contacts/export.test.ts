import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../../src/options/contacts/columns';
import type { ContactsParse, ParsedContacts } from '../../../../src/options/contacts/draft';
import { CSV_HEADERS, exportCsv, exportVCard, guardFormula } from '../../../../src/options/contacts/export';
import { buildPreview, importBackupOf } from '../../../../src/options/contacts/preview';
import { parseVCards } from '../../../../src/options/contacts/vcard';
import { HallwayDatabase } from '../../../../src/shared/db/database';
import { exportBackup, importBackup } from '../../../../src/shared/db/backup';
import { createPerson, listPeople } from '../../../../src/shared/db';
import { emptyPerson, type Person } from '../../../../src/shared/model';

function parsed(result: ContactsParse): ParsedContacts {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const NOW = '2026-03-01T09:00:00.000Z';

const PEOPLE: Person[] = [
  emptyPerson({
    displayName: 'Ngozi Okafor',
    emails: ['ngozi@example.com', 'n.okafor@example.com', 'ngozi@home.example', 'no@side.example'],
    team: 'Payments, EMEA',
    role: 'Staff Engineer',
    tags: ['mentor', 'coffee'],
    askAbout: ['Rust', 'sailing'],
    personal: 'Two kids\nLikes "quiet" mornings; hikes',
    howWeMet: 'Onboarding week',
    siteIds: [
      { site: 'slack', id: 'U012AB3CD' },
      { site: 'teams', id: '8f2b3c4d-0000-4000-8000-123456789abc' },
      { site: 'google-chat', id: 'users/1234567890' },
    ],
  }),
  emptyPerson({ displayName: 'Jan van der Berg', emails: [], team: '', role: '' }),
  emptyPerson({ displayName: '=Ava Lindqvist', emails: ['ava@example.com'], personal: 'x'.repeat(300) + ' ünïcødé 😀' }),
];

/** The fields a contact file carries, in a comparable order. */
const carried = (people: Person[]) =>
  people
    .map((p) => ({
      displayName: p.displayName,
      emails: p.emails,
      team: p.team,
      role: p.role,
      tags: p.tags,
      askAbout: p.askAbout,
      personal: p.personal,
      howWeMet: p.howWeMet,
      siteIds: p.siteIds,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

describe('CSV export', () => {
  it('writes Outlook headers first, after a BOM', () => {
    const text = exportCsv({ people: PEOPLE });
    expect(text.startsWith('\uFEFFFirst Name,Middle Name,Last Name,E-mail Address,E-mail 2 Address,E-mail 3 Address,Company,Department,Job Title,Notes,Categories,')).toBe(true);
    expect(CSV_HEADERS).toContain('Ask About');
    expect(CSV_HEADERS).toContain('Slack ID');
    expect(CSV_HEADERS).toContain('Teams ID');
  });

  it('makes cells that would run as spreadsheet formulas plain text', () => {
    expect(guardFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardFormula('+1')).toBe("'+1");
    expect(guardFormula('Ava')).toBe('Ava');
    expect(exportCsv({ people: PEOPLE })).toContain(",'=Ava Lindqvist,");
  });

  it('reads back to the same people', () => {
    const result = parsed(parseContactsCsv(exportCsv({ people: PEOPLE })));
    expect(result.format).toBe('hallway');
    const preview = buildPreview(result, [], NOW);
    expect(preview.skipped).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(carried(preview.people)).toEqual(carried(PEOPLE));
  });

  it('splits names for Outlook: last word as the family name', () => {
    const rows = parsed(parseContactsCsv(exportCsv({ people: [PEOPLE[1]!] })));
    expect(rows.drafts[0]?.name).toBe('Jan van der Berg');
    expect(exportCsv({ people: [PEOPLE[1]!] }).split('\r\n')[1]?.startsWith('Jan van der,,Berg,')).toBe(true);
  });
});

describe('vCard export', () => {
  it('reads back to the same people', () => {
    const text = exportVCard({ people: PEOPLE });
    const result = parsed(parseVCards(text));
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
    const preview = buildPreview(result, [], NOW);
    expect(carried(preview.people)).toEqual(carried(PEOPLE));
  });

  it('folds long lines within 75 octets and ends lines with CRLF', () => {
    const text = exportVCard({ people: PEOPLE });
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('orders cards by name', () => {
    const names = parsed(parseVCards(exportVCard({ people: PEOPLE }))).drafts.map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('the import request', () => {
  it('is accepted by the backup import in merge mode and adds only the new people', async () => {
    const db = new HallwayDatabase('test-' + crypto.randomUUID());
    try {
      await db.open();
      const dana = await createPerson(db, { displayName: 'Dana Whitfield', emails: ['dana@example.com'], personal: 'Keep me' });
      const text = 'Name,E-mail Address,Department\nDana W.,dana@example.com,Sales\nLena Sato,lena@example.com,Data\n,,\n';
      const existing = (await listPeople(db, { limit: 1000 })).people;
      const preview = buildPreview(parsed(parseContactsCsv(text)), existing, NOW);
      expect(preview.duplicates).toEqual([{ line: 2, name: 'Dana W.', existingName: 'Dana Whitfield' }]);

      const result = await importBackup(db, JSON.parse(JSON.stringify(importBackupOf(preview.people, NOW))), 'merge');
      expect(result).toMatchObject({ ok: true, report: { people: 1, notes: 0 } });
      const after = await exportBackup(db);
      expect(after.people.map((p) => p.displayName).sort()).toEqual(['Dana Whitfield', 'Lena Sato']);
      expect(after.people.find((p) => p.id === dana.id)).toMatchObject({ personal: 'Keep me', team: '' });
    } finally {
      await db.delete();
    }
  });
});
