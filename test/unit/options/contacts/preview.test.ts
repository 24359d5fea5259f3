import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../../src/options/contacts/columns';
import { emptyDraft, type ContactDraft, type ContactsParse, type ParsedContacts } from '../../../../src/options/contacts/draft';
import { buildPreview, decodeContactsFile, importBackupOf, parseContacts } from '../../../../src/options/contacts/preview';
import { personCheck } from '../../../../src/shared/model';

function parsed(result: ContactsParse): ParsedContacts {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const NOW = '2026-03-01T09:00:00.000Z';

function draftsOf(...drafts: Partial<ContactDraft>[]): ParsedContacts {
  return { format: 'csv', skipped: [], warnings: [], drafts: drafts.map((d, i) => ({ ...emptyDraft(i + 2), ...d })) };
}

describe('buildPreview', () => {
  it('skips bad rows with their line numbers and keeps the good ones', () => {
    const text = [
      'First Name,Last Name,E-mail Address,Department', // 1
      'Lena,Sato,lena@example.com,Data', // 2
      ',,,Data', // 3: nothing to go on
      'Tomas,Birk,tomas@,Infra', // 4: bad address, has a name
      ',,not-an-address,', // 5: bad address, no name
      ',,solo@example.com,', // 6: address only
      '"Rhea ""R"" Castell",,rhea@example.com,"Ops, EU"', // 7
    ].join('\n');
    const preview = buildPreview(parsed(parseContactsCsv(text)), [], NOW);
    expect(preview.people.map((p) => [p.displayName, p.emails, p.team])).toEqual([
      ['Lena Sato', ['lena@example.com'], 'Data'],
      ['Tomas Birk', [], 'Infra'],
      ['solo@example.com', ['solo@example.com'], ''],
      ['Rhea "R" Castell', ['rhea@example.com'], 'Ops, EU'],
    ]);
    expect(preview.lines).toEqual([2, 4, 6, 7]);
    expect(preview.skipped).toEqual([
      { line: 3, reason: 'no name or email address' },
      { line: 5, reason: 'no name, and "not-an-address" is not an email address' },
    ]);
    expect(preview.warnings).toEqual([{ line: 4, message: '"tomas@" is not an email address; left out' }]);
    expect(preview.duplicates).toEqual([]);
  });

  it('builds valid new records, with lower-case addresses and fresh ids', () => {
    const preview = buildPreview(draftsOf({ name: '  Ivo   Marsh ', emails: ['Ivo.Marsh@Example.COM', 'ivo.marsh@example.com', 'Ivo <ivo@home.example>', 'mailto:im@example.com'] }), [], NOW);
    const [person] = preview.people;
    expect(person).toMatchObject({
      displayName: 'Ivo Marsh',
      emails: ['ivo.marsh@example.com', 'ivo@home.example', 'im@example.com'],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(personCheck(person).ok).toBe(true);
    expect(buildPreview(draftsOf({ name: 'A' }, { name: 'A' }), [], NOW).people.map((p) => p.id)).toHaveLength(2);
  });

  it('skips rows whose address someone in Hallway already has, and says who', () => {
    const existing = [{ displayName: 'Dana Whitfield', emails: ['dana@example.com'] }];
    const preview = buildPreview(draftsOf({ name: 'D. Whitfield', emails: ['DANA@example.com'] }, { name: 'New Person', emails: ['new@example.com'] }), existing, NOW);
    expect(preview.duplicates).toEqual([{ line: 2, name: 'D. Whitfield', existingName: 'Dana Whitfield' }]);
    expect(preview.people.map((p) => p.displayName)).toEqual(['New Person']);
  });

  it('adds only the first of two rows with the same address in one file', () => {
    const preview = buildPreview(draftsOf({ name: 'Kim Jo', emails: ['kim@example.com'] }, { name: 'Kim J.', emails: ['kim@example.com'] }), [], NOW);
    expect(preview.people.map((p) => p.displayName)).toEqual(['Kim Jo']);
    expect(preview.skipped).toEqual([{ line: 3, reason: 'has the same email address as line 2 (Kim Jo), which is added instead' }]);
  });

  it('warns, without skipping, when only a name matches someone already here', () => {
    const preview = buildPreview(draftsOf({ name: 'dana whitfield' }), [{ displayName: 'Dana Whitfield', emails: [] }], NOW);
    expect(preview.people).toHaveLength(1);
    expect(preview.warnings[0]?.message).toContain('already in Hallway');
  });

  it('keeps fields within the limits the import checks, with warnings', () => {
    const preview = buildPreview(
      draftsOf({
        name: 'N'.repeat(250),
        team: 'T'.repeat(300),
        tags: ['ok', 'OK', 'x'.repeat(61)],
        personal: 'p'.repeat(20_001),
        siteIds: [{ site: 'slack', id: ' U1 ' }, { site: 'slack', id: 'U1' }],
      }),
      [],
      NOW,
    );
    const [person] = preview.people;
    expect(person?.displayName).toHaveLength(200);
    expect(person?.team).toHaveLength(200);
    expect(person?.tags).toEqual(['ok']);
    expect(person?.personal).toHaveLength(20_000);
    expect(person?.siteIds).toEqual([{ site: 'slack', id: 'U1' }]);
    expect(preview.warnings.map((w) => w.message)).toEqual([
      'The name is longer than 200 characters; the rest was cut',
      'The team is longer than 200 characters; the rest was cut',
      expect.stringContaining('left out'),
      'The note is longer than 20,000 characters; the rest was cut',
    ]);
    expect(personCheck(person).ok).toBe(true);
  });

  it('carries parse problems through, in line order', () => {
    const preview = buildPreview(
      { format: 'vcard', drafts: [{ ...emptyDraft(5), name: 'Ok' }], skipped: [{ line: 9, reason: 'cut short' }, { line: 1, reason: 'no END' }], warnings: [] },
      [],
      NOW,
    );
    expect(preview.skipped.map((s) => s.line)).toEqual([1, 9]);
  });
});

describe('importBackupOf', () => {
  it('is a backup holding only the new people, without settings', () => {
    const { people } = buildPreview(draftsOf({ name: 'Lena Sato' }), [], NOW);
    const backup = importBackupOf(people, NOW);
    expect(backup).toEqual({ format: 'hallway-backup', version: 1, exportedAt: NOW, people, notes: [], interactions: [], favours: [], threads: [] });
    expect('settings' in backup).toBe(false);
  });
});

describe('reading files', () => {
  it('chooses the parser by extension, then by content', () => {
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n';
    expect(parsed(parseContacts(vcard, 'people.VCF')).format).toBe('vcard');
    expect(parsed(parseContacts(vcard, 'download')).format).toBe('vcard');
    expect(parsed(parseContacts('Name,Email\nAda,ada@example.com\n', 'contacts.csv')).format).toBe('csv');
  });

  it('decodes UTF-8 with or without a BOM, UTF-16 with a BOM, and Windows-1252', () => {
    const utf8 = new TextEncoder().encode('Name\nJosé\n');
    expect(decodeContactsFile(utf8)).toBe('Name\nJosé\n');
    expect(decodeContactsFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('Name\nJosé\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Név'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeContactsFile(utf16)).toBe('Név');
    // "José" as Outlook on Windows writes it: é is the single byte 0xE9.
    expect(decodeContactsFile(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe('José');
  });
});
