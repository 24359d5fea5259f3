import { describe, expect, it } from 'vitest';
import { csvField, guessDelimiter, parseCsv, writeCsv } from '../../../../src/options/contacts/csv';

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain fields and keeps the line of each record', () => {
    const { records, problems } = parseCsv('a,b,c\n1,2,3\n4,5,6\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(fieldsOf('name,team\n"Okafor, Ngozi","Payments, EMEA"\n')).toEqual([
      ['name', 'team'],
      ['Okafor, Ngozi', 'Payments, EMEA'],
    ]);
  });

  it('reads "" inside quotes as one quote', () => {
    expect(fieldsOf('"She said ""ship it"", twice",x\n')).toEqual([['She said "ship it", twice', 'x']]);
    expect(fieldsOf('"""",""\n')).toEqual([['"', '']]);
  });

  it('keeps line breaks inside quotes and counts lines correctly after them', () => {
    const text = 'name,notes\n"Rhea Castell","first line\nsecond line\r\nthird line"\nTomas Birk,short\n';
    const { records } = parseCsv(text);
    expect(records[1]).toEqual({ line: 2, fields: ['Rhea Castell', 'first line\nsecond line\nthird line'] });
    expect(records[2]).toEqual({ line: 5, fields: ['Tomas Birk', 'short'] });
  });

  it('reads CRLF, LF and lone CR line ends alike', () => {
    expect(fieldsOf('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\r\nb\r\nc').records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('drops a UTF-8 byte order mark so the first header reads right', () => {
    expect(fieldsOf('\uFEFFFirst Name,Last Name\nÅsa,Lind\n')).toEqual([
      ['First Name', 'Last Name'],
      ['Åsa', 'Lind'],
    ]);
  });

  it('needs no line break after the last record, and ignores a trailing empty line', () => {
    expect(fieldsOf('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\n1,2\n\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines but keeps the line numbers of what follows', () => {
    const { records } = parseCsv('a\n\n\nb\n');
    expect(records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reports a quote that never closes with the line it opened on, keeping the records before it', () => {
    const { records, problems } = parseCsv('name,notes\nIvo Marsh,ok\nLena Sato,"never closed\nmore\n');
    expect(records.map((r) => r.fields[0])).toEqual(['name', 'Ivo Marsh']);
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('line 3') }]);
  });

  it('keeps text after a closing quote instead of refusing the row', () => {
    expect(fieldsOf('"abc"def,x\n')).toEqual([['abcdef', 'x']]);
  });

  it('reads semicolon- and tab-separated files from the header', () => {
    expect(guessDelimiter('First Name;Last Name;E-mail\n')).toBe(';');
    expect(guessDelimiter('a\tb\tc\n')).toBe('\t');
    expect(guessDelimiter('"a;b",c\n')).toBe(',');
    expect(fieldsOf('Name;E-mail\n"Kim; Jo";kim@example.com\n')).toEqual([
      ['Name', 'E-mail'],
      ['Kim; Jo', 'kim@example.com'],
    ]);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('ends every row with CRLF and reads back to the same fields', () => {
    const rows = [
      ['Name', 'Notes'],
      ['Okafor, Ngozi', 'Likes "quiet" mornings\nand tea'],
      ['', ''],
      ['Ünal', ' x '],
    ];
    const text = writeCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Name,Notes');
    // A row of empty fields is written as "," and so is not a blank line.
    expect(fieldsOf(text)).toEqual(rows);
  });
});
