import { describe, expect, it } from 'vitest';
import type { ContactsParse, ParsedContacts } from '../../../../src/options/contacts/draft';
import { escapeText, foldLine, parseVCards, unescapeText, writeVCard } from '../../../../src/options/contacts/vcard';
import { emptyPerson } from '../../../../src/shared/model';

function parsed(result: ContactsParse): ParsedContacts {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseVCards', () => {
  it('reads a vCard 3.0 as Google writes it, with groups, TYPE parameters and a folded note', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Priya Raman',
      'N:Raman;Priya;;;',
      'item1.EMAIL;TYPE=INTERNET;TYPE=HOME:priya@home.example',
      'EMAIL;TYPE=INTERNET,WORK,pref:priya.raman@northwind.example',
      'ORG:Northwind;Payments',
      'TITLE:Staff Engineer',
      'NOTE:Runs the Thursday\\, 4pm review\\nBring numbers\\; not opini',
      ' ons',
      'CATEGORIES:myContacts,Platform,Mentors',
      'END:VCARD',
    );
    const { format, drafts, skipped, warnings } = parsed(parseVCards(text));
    expect(format).toBe('vcard');
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    expect(drafts).toEqual([
      {
        line: 1,
        name: 'Priya Raman',
        // The preferred address comes first.
        emails: ['priya.raman@northwind.example', 'priya@home.example'],
        team: 'Payments',
        role: 'Staff Engineer',
        tags: ['Platform', 'Mentors'],
        askAbout: [],
        personal: 'Runs the Thursday, 4pm review\nBring numbers; not opinions',
        howWeMet: '',
        siteIds: [],
      },
    ]);
  });

  it('reads vCard 4.0 with PREF, a tab-folded line and several cards, each with its starting line', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Mireille Fontaine',
      'EMAIL;TYPE=work;PREF=2:mf@fabrikam.example',
      'EMAIL;PREF=1:mireille@fabrikam.example',
      'ORG:Fabrikam;Brand;Print',
      'TITLE:Design',
      '\t Lead',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Asante;Kwame;Kofi;Dr;',
      'EMAIL:kwame@fabrikam.example',
      'END:VCARD',
    ].join('\n');
    const { drafts } = parsed(parseVCards(text));
    expect(drafts.map((d) => [d.line, d.name, d.emails, d.team, d.role])).toEqual([
      [1, 'Mireille Fontaine', ['mireille@fabrikam.example', 'mf@fabrikam.example'], 'Brand', 'Design Lead'],
      [10, 'Kwame Kofi Asante', ['kwame@fabrikam.example'], '', ''],
    ]);
  });

  it('reads a 2.1 card with quoted-printable values and bare parameters', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B8rgensen;S=C3=B8ren;;;',
      'EMAIL;INTERNET;PREF:soren@example.com',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Met at the K=C3=B8benhavn offsite, =',
      'ask about sailing',
      'END:VCARD',
    );
    const { drafts } = parsed(parseVCards(text));
    expect(drafts[0]).toMatchObject({
      name: 'Søren Jørgensen',
      emails: ['soren@example.com'],
      personal: 'Met at the København offsite, ask about sailing',
    });
  });

  it('reports BEGIN/END mismatches with line numbers and keeps the good cards', () => {
    const text = [
      'BEGIN:VCARD', // 1: never ended
      'VERSION:3.0',
      'FN:Half Card',
      'BEGIN:VCARD', // 4
      'VERSION:3.0',
      'FN:Whole Card',
      'END:VCARD',
      'END:VCARD', // 8: nothing to end
      'BEGIN:VCARD', // 9: cut short
      'FN:Cut Short',
    ].join('\n');
    const { drafts, skipped, warnings } = parsed(parseVCards(text));
    expect(drafts.map((d) => d.name)).toEqual(['Whole Card']);
    expect(skipped).toEqual([
      { line: 1, reason: 'this card has no END:VCARD before the next BEGIN:VCARD on line 4' },
      { line: 9, reason: 'this card has no END:VCARD (the file may be cut short)' },
    ]);
    expect(warnings).toEqual([{ line: 8, message: 'END:VCARD without a BEGIN:VCARD before it; ignored' }]);
  });

  it('uses the nickname when there is no FN or N, and skips base64 photos', () => {
    const text = crlf('BEGIN:VCARD', 'VERSION:3.0', 'NICKNAME:Jojo', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ', ' AAAQABAAD', 'END:VCARD');
    expect(parsed(parseVCards(text)).drafts[0]).toMatchObject({ name: 'Jojo', emails: [] });
  });

  it('reads a BOM and a quoted parameter value with a colon in it', () => {
    const text = '\uFEFF' + crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:Ada Quinn', 'EMAIL;LABEL="Work: main":ada@example.com', 'END:VCARD');
    expect(parsed(parseVCards(text)).drafts[0]).toMatchObject({ name: 'Ada Quinn', emails: ['ada@example.com'] });
  });

  it('refuses a file with no card in it', () => {
    expect(parseVCards('First Name,Last Name\n')).toEqual({ ok: false, error: expect.stringContaining('BEGIN:VCARD') });
  });
});

describe('escaping', () => {
  it('escapes and unescapes backslash, comma, semicolon and line breaks', () => {
    const text = 'a\\b, c; d\ne';
    expect(escapeText(text)).toBe('a\\\\b\\, c\\; d\\ne');
    expect(unescapeText(escapeText(text))).toBe(text);
    expect(unescapeText('line\\Nbreak')).toBe('line\nbreak');
  });
});

describe('foldLine', () => {
  it('keeps each line within 75 octets, continuation lines starting with a space', () => {
    const folded = foldLine(`NOTE:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(3);
    expect(lines[0]).toHaveLength(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, i) => (i ? line.slice(1) : line)).join('')).toBe(`NOTE:${'x'.repeat(200)}`);
  });

  it('counts UTF-8 bytes and never splits a character', () => {
    const value = `FN:${'ø'.repeat(60)}${'😀'.repeat(10)}`;
    const lines = foldLine(value).split('\r\n');
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.map((line, i) => (i ? line.slice(1) : line)).join('')).toBe(value);
    expect(lines.join('')).not.toContain('\uFFFD');
  });

  it('leaves short lines alone', () => {
    expect(foldLine('FN:Ada')).toBe('FN:Ada');
  });
});

describe('writeVCard', () => {
  it('writes vCard 4.0 with CRLF, escapes and Hallway fields', () => {
    const person = emptyPerson({
      id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      displayName: 'Okafor, Ngozi',
      emails: ['ngozi@example.com', 'n.okafor@example.com'],
      team: 'Payments; EMEA',
      role: 'Lead',
      tags: ['mentor', 'coffee, black'],
      askAbout: ['Rust'],
      personal: 'Two kids\nLikes hiking',
      howWeMet: 'Onboarding week',
      siteIds: [{ site: 'slack', id: 'U012AB3CD' }],
    });
    const text = writeVCard(person);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/gu, '')).not.toContain('\n');
    expect(text).toContain('FN:Okafor\\, Ngozi\r\n');
    expect(text).toContain('EMAIL;PREF=1:ngozi@example.com\r\n');
    expect(text).toContain('ORG:;Payments\\; EMEA\r\n');
    expect(text).toContain('CATEGORIES:mentor,coffee\\, black\r\n');
    expect(text).toContain('NOTE:Two kids\\nLikes hiking\r\n');
    expect(text).toContain('UID:urn:uuid:6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\r\n');
    expect(text).toContain('X-HALLWAY-SLACK-ID:U012AB3CD\r\n');
  });
});
