import { describe, expect, it } from 'vitest';
import { detectFormat, headerKey, parseContactsCsv } from '../../../../src/options/contacts/columns';
import type { ContactsParse, ParsedContacts } from '../../../../src/options/contacts/draft';

function parsed(result: ContactsParse): ParsedContacts {
  if (!result.ok) throw new Error(result.error);
  return result;
}

// The current Google Contacts export (a subset of its columns, in its order).
const GOOGLE = [
  'First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Organization Department,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value',
  'Priya,,Raman,,Northwind,Staff Engineer,Payments,"Runs the Thursday, 4pm review",* myContacts ::: Platform ::: Mentors,* Work,priya.raman@Northwind.example ::: p.raman@northwind.example,Home,priya@home.example,Mobile,+44 20 7946 0000',
  'Jonas,Emil,Berg,,Northwind,,,,* myContacts,* Work,jonas.berg@northwind.example,,,,',
].join('\r\n');

// The older "Google CSV" export.
const GOOGLE_LEGACY = [
  'Name,Given Name,Additional Name,Family Name,Nickname,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Organization 1 - Department',
  'Mireille Fontaine,Mireille,,Fontaine,,Prefers written questions,* myContacts ::: * Coworkers ::: Design,* Work,mireille@fabrikam.example,,Fabrikam,Design Lead,Brand',
  ',Kwame,,Asante,,,* myContacts,* Work,kwame@fabrikam.example,,Fabrikam,,',
].join('\n');

// Outlook desktop export (a subset: it writes about ninety columns).
const OUTLOOK = [
  'Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 3 Address,Notes,Categories',
  'Dr,Hana,,Kobayashi,,Contoso,Research,Principal Scientist,,hana.kobayashi@contoso.example,SMTP,Hana Kobayashi (hana.kobayashi@contoso.example),hana@lab.example,,"Knows the old billing system\r\nAsk before Friday",Mentors;Research',
  ',Ola,,Nordmann,,Contoso,,,,/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ola,EX,Ola Nordmann,,,,',
].join('\r\n');

describe('headers', () => {
  it('match ignoring case, spaces and hyphens', () => {
    expect(headerKey('E-mail 1 - Value')).toBe('email1value');
    expect(headerKey('email address')).toBe(headerKey('E-mail Address'));
  });

  it('tell the formats apart', () => {
    expect(detectFormat(['firstname', 'lastname', 'email1value', 'labels'])).toBe('google');
    expect(detectFormat(['name', 'givenname', 'familyname', 'email1value'])).toBe('google-legacy');
    expect(detectFormat(['firstname', 'lastname', 'emailaddress', 'jobtitle'])).toBe('outlook');
    expect(detectFormat(['firstname', 'emailaddress', 'askabout', 'slackid'])).toBe('hallway');
    expect(detectFormat(['name', 'email'])).toBe('csv');
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current export', () => {
    const { format, drafts, skipped } = parsed(parseContactsCsv(GOOGLE));
    expect(format).toBe('google');
    expect(skipped).toEqual([]);
    expect(drafts[0]).toMatchObject({
      line: 2,
      name: 'Priya Raman',
      emails: ['priya.raman@Northwind.example', 'p.raman@northwind.example', 'priya@home.example'],
      team: 'Payments',
      role: 'Staff Engineer',
      personal: 'Runs the Thursday, 4pm review',
      tags: ['Platform', 'Mentors'],
    });
    expect(drafts[1]).toMatchObject({ line: 3, name: 'Jonas Emil Berg', emails: ['jonas.berg@northwind.example'], tags: [], team: '' });
  });

  it('reads the older export, preferring its full name column', () => {
    const { format, drafts } = parsed(parseContactsCsv(GOOGLE_LEGACY));
    expect(format).toBe('google-legacy');
    expect(drafts[0]).toMatchObject({
      name: 'Mireille Fontaine',
      emails: ['mireille@fabrikam.example'],
      role: 'Design Lead',
      team: 'Brand',
      tags: ['Coworkers', 'Design'],
      personal: 'Prefers written questions',
    });
    // No "Name", so the parts are joined.
    expect(drafts[1]).toMatchObject({ name: 'Kwame Asante', team: '' });
  });
});

describe('Outlook CSV', () => {
  it('reads the export, ignoring the courtesy title', () => {
    const { format, drafts } = parsed(parseContactsCsv(OUTLOOK));
    expect(format).toBe('outlook');
    expect(drafts[0]).toMatchObject({
      line: 2,
      name: 'Hana Kobayashi',
      emails: ['hana.kobayashi@contoso.example', 'hana@lab.example'],
      team: 'Research',
      role: 'Principal Scientist',
      personal: 'Knows the old billing system\nAsk before Friday',
      tags: ['Mentors', 'Research'],
    });
    // The row after a quoted two-line note starts on line 4.
    expect(drafts[1]).toMatchObject({ line: 4, name: 'Ola Nordmann' });
  });

  it('reads the Outlook.com export, whose columns are named the same', () => {
    const text = 'First Name,Middle Name,Last Name,E-mail Address,Company,Department,Job Title,Notes,Categories\nAmara,,Diallo,amara@adatum.example,Adatum,Ops,SRE,,On call\n';
    const { format, drafts } = parsed(parseContactsCsv(text));
    expect(format).toBe('outlook');
    expect(drafts[0]).toMatchObject({ name: 'Amara Diallo', emails: ['amara@adatum.example'], team: 'Ops', role: 'SRE', tags: ['On call'] });
  });
});

describe('missing columns', () => {
  it('leaves fields empty when their columns are absent', () => {
    const { drafts } = parsed(parseContactsCsv('E-mail Address\nsolo@example.com\n'));
    expect(drafts[0]).toMatchObject({ name: '', emails: ['solo@example.com'], team: '', role: '', tags: [], personal: '' });
  });

  it('reads rows shorter than the header as if the missing cells were empty', () => {
    const { drafts, warnings } = parsed(parseContactsCsv('First Name,Last Name,E-mail Address,Department\nLeo,Park\n'));
    expect(drafts[0]).toMatchObject({ name: 'Leo Park', emails: [], team: '' });
    expect(warnings).toEqual([]);
  });

  it('warns about extra cells beyond the header', () => {
    const { warnings } = parsed(parseContactsCsv('Name,Email\nLeo Park,leo@example.com,surprise\n'));
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('extra') }]);
  });

  it('reads a plain CSV with "Title" as the role', () => {
    const { format, drafts } = parsed(parseContactsCsv('Full Name,Email,Title,Team\nNoor Haddad,noor@example.com,PM,Growth\n'));
    expect(format).toBe('csv');
    expect(drafts[0]).toMatchObject({ name: 'Noor Haddad', role: 'PM', team: 'Growth' });
  });

  it('refuses a file with neither a name nor an email column', () => {
    const result = parseContactsCsv('Phone,City\n555,Oslo\n');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('no name or email column') });
  });

  it('refuses an empty file', () => {
    expect(parseContactsCsv('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseContactsCsv('\uFEFF')).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('reads a BOM-prefixed header as its name', () => {
    const { drafts } = parsed(parseContactsCsv('\uFEFFFirst Name,E-mail Address\nIda,ida@example.com\n'));
    expect(drafts[0]).toMatchObject({ name: 'Ida', emails: ['ida@example.com'] });
  });
});
