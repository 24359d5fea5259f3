import { describe, expect, it } from 'vitest';
import {
  array,
  boolean,
  formatProblems,
  id,
  isoDate,
  literal,
  nullable,
  number,
  object,
  optional,
  partial,
  refine,
  string,
  union,
  type Result,
} from '../../../src/shared/validate';

const problems = <T>(r: Result<T>) => (r.ok ? [] : r.problems);

describe('string', () => {
  it('accepts text within bounds and says what is wrong otherwise', () => {
    expect(string()('hi')).toEqual({ ok: true, value: 'hi' });
    expect(problems(string()(3, 'name'))).toEqual([{ path: 'name', message: 'expected text, got number' }]);
    expect(problems(string()(null, 'name'))).toEqual([{ path: 'name', message: 'expected text, got null' }]);
    expect(problems(string()([], 'name'))).toEqual([{ path: 'name', message: 'expected text, got a list' }]);
    expect(problems(string()({}))).toEqual([{ path: '(top level)', message: 'expected text, got an object' }]);
    expect(problems(string({ min: 1 })('', 'x'))).toEqual([{ path: 'x', message: 'must not be empty' }]);
    expect(problems(string({ min: 3 })('ab', 'x'))).toEqual([{ path: 'x', message: 'must be at least 3 characters' }]);
    expect(problems(string({ max: 3 })('abcd', 'x'))).toEqual([{ path: 'x', message: 'is 4 characters long; at most 3 are allowed' }]);
    expect(string({ max: 3 })('abc').ok).toBe(true);
    expect(problems(string({ pattern: /^a+$/, what: 'some as' })('ab', 'x'))).toEqual([{ path: 'x', message: 'expected some as, got "ab"' }]);
    expect(problems(string({ what: 'a name' })(1, 'x'))).toEqual([{ path: 'x', message: 'expected a name, got number' }]);
  });

  it('quotes at most 60 characters of a bad value', () => {
    const long = 'b'.repeat(200);
    const [p] = problems(string({ pattern: /^a$/ })(long, 'x'));
    expect(p?.message).toBe(`expected a value of the right form, got "${'b'.repeat(60)}"`);
  });
});

describe('number and boolean', () => {
  it('number refuses non-finite, non-integers when asked, and out-of-range values', () => {
    expect(number()(1.5)).toEqual({ ok: true, value: 1.5 });
    for (const bad of [NaN, Infinity, '1', null, undefined]) expect(number()(bad, 'n').ok).toBe(false);
    expect(problems(number()('1', 'n'))).toEqual([{ path: 'n', message: 'expected a number, got string' }]);
    expect(problems(number({ integer: true })(1.5, 'n'))).toEqual([{ path: 'n', message: 'expected a whole number' }]);
    expect(problems(number({ min: 1, max: 3 })(4, 'n'))).toEqual([{ path: 'n', message: 'must be between 1 and 3' }]);
    expect(problems(number({ min: 1, max: 3 })(0, 'n'))).toEqual([{ path: 'n', message: 'must be between 1 and 3' }]);
    expect(number({ min: 1, max: 3 })(3).ok).toBe(true);
  });

  it('boolean accepts only true and false', () => {
    expect(boolean(false)).toEqual({ ok: true, value: false });
    expect(problems(boolean('true', 'b'))).toEqual([{ path: 'b', message: 'expected true or false, got string' }]);
    expect(boolean(0).ok).toBe(false);
  });
});

describe('literal, optional, nullable', () => {
  it('literal lists the allowed values', () => {
    const mode = literal('replace', 'merge');
    expect(mode('merge')).toEqual({ ok: true, value: 'merge' });
    expect(problems(mode('overwrite', 'mode'))).toEqual([{ path: 'mode', message: 'expected one of "replace", "merge", got "overwrite"' }]);
    expect(problems(mode(undefined, 'mode'))).toEqual([{ path: 'mode', message: 'expected one of "replace", "merge", got nothing' }]);
    expect(literal(1)('1').ok).toBe(false);
  });

  it('optional lets undefined through but not null; nullable the other way round', () => {
    expect(optional(string())(undefined)).toEqual({ ok: true, value: undefined });
    expect(optional(string())(null).ok).toBe(false);
    expect(nullable(string())(null)).toEqual({ ok: true, value: null });
    expect(nullable(string())(undefined).ok).toBe(false);
    expect(problems(optional(string())(1, 'o'))).toEqual([{ path: 'o', message: 'expected text, got number' }]);
  });
});

describe('array', () => {
  it('checks each entry and reports each bad one with its index', () => {
    const list = array(number(), { max: 3 });
    expect(list([1, 2])).toEqual({ ok: true, value: [1, 2] });
    expect(problems(list([1, 'a', 2], 'xs'))).toEqual([{ path: 'xs[1]', message: 'expected a number, got string' }]);
    expect(problems(list(['a', 1, 'b'], 'xs')).map((p) => p.path)).toEqual(['xs[0]', 'xs[2]']);
    expect(problems(list([1, 2, 3, 4], 'xs'))).toEqual([{ path: 'xs', message: 'has 4 entries; at most 3 are allowed' }]);
    expect(problems(list({ length: 1 }, 'xs'))).toEqual([{ path: 'xs', message: 'expected a list, got an object' }]);
    expect(problems(array(string())([1]))).toEqual([{ path: '[0]', message: 'expected text, got number' }]);
  });
});

describe('object', () => {
  const shape = object({ name: string({ min: 1 }), age: optional(number()), tags: array(string()) });

  it('accepts exactly the shape and leaves out absent optional fields', () => {
    expect(shape({ name: 'a', tags: [] })).toEqual({ ok: true, value: { name: 'a', tags: [] } });
    const r = shape({ name: 'a', tags: ['x'], age: undefined });
    expect(r.ok && Object.keys(r.value)).toEqual(['name', 'tags']);
  });

  it('reports missing fields, unknown fields and nested paths, all at once', () => {
    expect(problems(shape({ tags: [1], extra: 1 }, 'people[2]'))).toEqual([
      { path: 'people[2].name', message: 'is missing' },
      { path: 'people[2].tags[0]', message: 'expected text, got number' },
      { path: 'people[2].extra', message: 'is not a known field' },
    ]);
    expect(problems(shape({ name: '', tags: [] }))).toEqual([{ path: 'name', message: 'must not be empty' }]);
    expect(problems(shape(null, 'p'))).toEqual([{ path: 'p', message: 'expected an object, got null' }]);
    expect(problems(shape([], 'p'))).toEqual([{ path: 'p', message: 'expected an object, got a list' }]);
  });

  it('allowUnknown lets unknown fields through without copying them', () => {
    const loose = object({ a: string() }, { allowUnknown: true });
    expect(loose({ a: 'x', b: 1 })).toEqual({ ok: true, value: { a: 'x' } });
  });

  it('does not copy fields it did not check', () => {
    const r = object({ a: string() }, { allowUnknown: true })(JSON.parse('{"a":"x","__proto__":{"polluted":true}}'));
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown fields that share a name with Object.prototype members', () => {
    const strict = object({ a: string() });
    expect(problems(strict({ a: 'x', constructor: 'y' }))).toEqual([{ path: 'constructor', message: 'is not a known field' }]);
    expect(problems(strict(JSON.parse('{"a":"x","__proto__":1}')))).toEqual([{ path: '__proto__', message: 'is not a known field' }]);
  });
});

describe('partial, union, refine', () => {
  it('partial makes every field optional but still refuses unknown ones and bad values', () => {
    const patch = partial({ a: string(), b: number() });
    expect(patch({})).toEqual({ ok: true, value: {} });
    expect(patch({ b: 2 })).toEqual({ ok: true, value: { b: 2 } });
    expect(problems(patch({ b: 'x' }, 'patch'))).toEqual([{ path: 'patch.b', message: 'expected a number, got string' }]);
    expect(problems(patch({ c: 1 }, 'patch'))).toEqual([{ path: 'patch.c', message: 'is not a known field' }]);
  });

  it('union picks the variant by its tag and names the tag when it is wrong', () => {
    const shapeCheck = union('kind', {
      circle: object({ kind: literal('circle'), r: number() }),
      square: object({ kind: literal('square'), side: number() }),
    });
    expect(shapeCheck({ kind: 'circle', r: 1 })).toEqual({ ok: true, value: { kind: 'circle', r: 1 } });
    expect(problems(shapeCheck({ kind: 'square', r: 1 }, 's')).map((p) => p.path).sort()).toEqual(['s.r', 's.side']);
    expect(problems(shapeCheck({ kind: 'hexagon' }, 's'))).toEqual([{ path: 's.kind', message: 'expected one of "circle", "square"' }]);
    expect(problems(shapeCheck({ kind: 'toString' }))).toEqual([{ path: 'kind', message: 'expected one of "circle", "square"' }]);
    expect(problems(shapeCheck('circle', 's'))).toEqual([{ path: 's', message: 'expected an object, got string' }]);
  });

  it('refine runs only on accepted values and reports at the same path', () => {
    const even = refine(number(), (n) => (n % 2 ? 'must be even' : null));
    expect(even(2)).toEqual({ ok: true, value: 2 });
    expect(problems(even(3, 'n'))).toEqual([{ path: 'n', message: 'must be even' }]);
    expect(problems(even('3', 'n'))).toEqual([{ path: 'n', message: 'expected a number, got string' }]);
  });
});

describe('isoDate and id', () => {
  it('isoDate accepts UTC timestamps with or without milliseconds', () => {
    expect(isoDate('2026-03-01T09:30:00.000Z').ok).toBe(true);
    expect(isoDate('2026-03-01T09:30:00Z').ok).toBe(true);
    expect(isoDate('2024-02-29T00:00:00Z').ok).toBe(true);
  });

  it('isoDate refuses other forms and impossible dates', () => {
    for (const bad of ['2026-03-01', '2026-03-01T09:30:00+01:00', '2026-03-01 09:30:00Z', 'yesterday', '2026-13-01T00:00:00Z', '2026-01-01T23:60:00Z']) {
      expect(isoDate(bad, 'at').ok, bad).toBe(false);
    }
    expect(problems(isoDate('2026-13-01T00:00:00Z', 'at'))).toEqual([{ path: 'at', message: '"2026-13-01T00:00:00Z" is not a real date' }]);
    expect(problems(isoDate('soon', 'at'))[0]?.message).toBe('expected a date like 2026-03-01T09:30:00.000Z, got "soon"');
  });

  it('isoDate refuses a day that does not exist in its month', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-02-31T00:00:00.000Z', '2025-02-29T00:00:00Z', '2026-04-31T00:00:00Z']) {
      expect(isoDate(bad, 'at').ok, bad).toBe(false);
    }
  });

  it('id takes letters, digits, - and _ up to 100 characters', () => {
    expect(id('3f2a-b_C9').ok).toBe(true);
    expect(id(crypto.randomUUID()).ok).toBe(true);
    for (const bad of ['', 'a b', '../x', 'a/b', 'x'.repeat(101), 7]) expect(id(bad, 'id').ok, String(bad)).toBe(false);
    expect(problems(id('', 'id'))).toEqual([{ path: 'id', message: 'must not be empty' }]);
  });
});

describe('formatProblems', () => {
  it('puts one problem per line as "path: message"', () => {
    expect(formatProblems([{ path: 'people[1].displayName', message: 'is missing' }, { path: 'x', message: 'y' }])).toBe(
      'people[1].displayName: is missing\nx: y',
    );
    expect(formatProblems([])).toBe('');
  });

  it('shows at most the limit and says how many more there are', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ path: `p[${i}]`, message: 'bad' }));
    const lines = formatProblems(many).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('p[19]: bad');
    expect(lines[20]).toBe('…and 5 more');
    expect(formatProblems(many, 2)).toBe('p[0]: bad\np[1]: bad\n…and 23 more');
    expect(formatProblems(many.slice(0, 20)).split('\n')).toHaveLength(20);
  });
});
