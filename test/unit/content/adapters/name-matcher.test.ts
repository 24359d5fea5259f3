import { describe, expect, it } from 'vitest';
import { buildNameMatcher, findNamesInText } from '../../../../src/content/adapters/generic';

function found(text: string, names: { key: string; name: string }[]): [string, string][] {
  return findNamesInText(text, buildNameMatcher(names)).map((match) => [match.key, text.slice(match.index, match.index + match.length)]);
}

describe('findNamesInText', () => {
  it('matches names with letters outside ASCII, where \\b fails', () => {
    const names = [
      { key: 'o', name: 'Ørjan Ås' },
      { key: 'l', name: 'Łukasz Żółć' },
      { key: 'j', name: 'José Núñez' },
    ];
    expect(found('Ask Ørjan Ås, Łukasz Żółć and José Núñez.', names)).toEqual([
      ['o', 'Ørjan Ås'],
      ['l', 'Łukasz Żółć'],
      ['j', 'José Núñez'],
    ]);
  });

  it('is case- and accent-insensitive and reports offsets in the original string', () => {
    const text = 'cc JOSE NUNEZ and jose\u0301 nu\u0301n\u0303ez (decomposed)';
    const matches = findNamesInText(text, buildNameMatcher([{ key: 'j', name: 'José Núñez' }]));
    expect(matches.map((m) => text.slice(m.index, m.index + m.length))).toEqual(['JOSE NUNEZ', 'jose\u0301 nu\u0301n\u0303ez']);
    expect(matches[0]).toEqual({ key: 'j', index: 3, length: 10 });
  });

  it('folds letters without a decomposition as an accent-insensitive collator does (Ø is O, Ł is L)', () => {
    // People write their colleagues' names without the letters their keyboard lacks.
    expect(found('ØRJAN ås', [{ key: 'o', name: 'Ørjan Ås' }])).toEqual([['o', 'ØRJAN ås']]);
    expect(found('Orjan As and Orjan Odegard', [{ key: 'o', name: 'Ørjan Ås' }, { key: 'd', name: 'Ørjan Ødegård' }])).toEqual([
      ['o', 'Orjan As'],
      ['d', 'Orjan Odegard'],
    ]);
    expect(found('ask Lukasz Nowak', [{ key: 'l', name: 'Łukasz Nowak' }])).toEqual([['l', 'Lukasz Nowak']]);
  });

  it('matches apostrophes and hyphens, typographic or not, but not a different separator', () => {
    const names = [
      { key: 'ob', name: "Siobhán O'Brien" },
      { key: 'jl', name: 'Jean-Luc Picard' },
    ];
    expect(found('Siobhan O’Brien’s team and jean‐luc  picard', names)).toEqual([
      ['ob', 'Siobhan O’Brien'],
      ['jl', 'jean‐luc  picard'],
    ]);
    expect(found('Siobhan O Brien and Jean Luc Picard', names)).toEqual([]);
  });

  it('matches across line breaks and non-breaking spaces', () => {
    expect(found('Grace\nHopper and Grace\u00a0Hopper', [{ key: 'g', name: 'Grace Hopper' }])).toEqual([
      ['g', 'Grace\nHopper'],
      ['g', 'Grace\u00a0Hopper'],
    ]);
  });

  it('finds names at the start and at the end of the string', () => {
    const names = [{ key: 'a', name: 'Ada Lovelace' }];
    expect(found('Ada Lovelace', names)).toEqual([['a', 'Ada Lovelace']]);
    expect(findNamesInText('Ada Lovelace wrote to Ada Lovelace', buildNameMatcher(names))).toEqual([
      { key: 'a', index: 0, length: 12 },
      { key: 'a', index: 22, length: 12 },
    ]);
  });

  it('never matches inside a longer word', () => {
    const names = [
      { key: 'ann', name: 'Ann' },
      { key: 'ana', name: 'Ana' },
      { key: 'bo', name: 'Bo' },
    ];
    expect(found('Annabel, Joanna, Anne, Bob, Bó, annotations, Anaïs, Ann2, Anná', names)).toEqual([['bo', 'Bó']]);
    expect(found('(Ann) "Bo" Ana.', names)).toEqual([
      ['ann', 'Ann'],
      ['bo', 'Bo'],
      ['ana', 'Ana'],
    ]);
  });

  it('prefers the longest name starting at a position and does not re-match inside it', () => {
    const names = [
      { key: 'mary', name: 'Mary' },
      { key: 'mary-jane', name: 'Mary Jane' },
      { key: 'mary-jane-watson', name: 'Mary Jane Watson' },
      { key: 'jane', name: 'Jane' },
    ];
    expect(found('Mary Jane Watson, Mary Jane, Mary, Jane', names)).toEqual([
      ['mary-jane-watson', 'Mary Jane Watson'],
      ['mary-jane', 'Mary Jane'],
      ['mary', 'Mary'],
      ['jane', 'Jane'],
    ]);
  });

  it('falls back to a shorter name when the longer one does not complete', () => {
    const names = [
      { key: 'mj', name: 'Mary Jane Watson' },
      { key: 'm', name: 'Mary' },
    ];
    expect(found('Mary Jane Smith', names)).toEqual([['m', 'Mary']]);
  });

  it('reports every person sharing one name', () => {
    const names = [
      { key: 'p1', name: 'Chris Lee' },
      { key: 'p2', name: 'chris lee' },
      { key: 'p1', name: 'Chris  Lee' },
    ];
    expect(findNamesInText('Ask Chris Lee', buildNameMatcher(names))).toEqual([
      { key: 'p1', index: 4, length: 9 },
      { key: 'p2', index: 4, length: 9 },
    ]);
  });

  it('handles non-Latin scripts and ignores empty names', () => {
    const names = [
      { key: 'ja', name: '山田 太郎' },
      { key: 'ru', name: 'Пётр Иванов' },
      { key: 'empty', name: ' - ' },
    ];
    // Japanese runs words together: a name followed directly by more letters is not matched (boundary rule).
    expect(found('山田 太郎さんとПЁТР ИВАНОВ', names)).toEqual([]);
    expect(found('ПЁТР ИВАНОВ', names)).toEqual([['ru', 'ПЁТР ИВАНОВ']]);
    expect(found('会議: 山田 太郎, Петр Иванов', names)).toEqual([
      ['ja', '山田 太郎'],
      ['ru', 'Петр Иванов'],
    ]);
  });

  it('finds nothing with no names, and nothing in an empty text', () => {
    expect(found('Ada Lovelace', [])).toEqual([]);
    expect(found('', [{ key: 'a', name: 'Ada' }])).toEqual([]);
  });

  it('stays fast with 2,000 names over a long text', () => {
    const names = Array.from({ length: 2000 }, (_, i) => ({ key: `k${i}`, name: `Given${i} Family${i % 37}` }));
    const matcher = buildNameMatcher(names);
    const text = Array.from({ length: 5000 }, (_, i) => `Message ${i}: thanks Given${i % 2500} Family${i % 37}, see you.`).join('\n');
    const started = performance.now();
    const matches = findNamesInText(text, matcher);
    const elapsed = performance.now() - started;
    // Given0..Given1999 exist, each with Family<index % 37>: only messages 0..1999 name someone known
    // (for i >= 2500 the family number disagrees, since 2500 % 37 !== 0).
    expect(matches).toHaveLength(2000);
    expect(matches[1999]).toMatchObject({ key: 'k1999' });
    expect(elapsed).toBeLessThan(500);
  });
});
