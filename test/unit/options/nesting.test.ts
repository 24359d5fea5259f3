import { describe, expect, it } from 'vitest';
import { isNestedDeeperThan } from '../../../src/options/nesting';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('isNestedDeeperThan', () => {
  it('counts objects and arrays, not values', () => {
    expect(isNestedDeeperThan('text', 0)).toBe(false);
    expect(isNestedDeeperThan({ people: [{ emails: ['a@example.com'] }] }, 4)).toBe(false);
    expect(isNestedDeeperThan({ people: [{ emails: ['a@example.com'] }] }, 3)).toBe(true);
  });

  it('finds the one deep branch among shallow ones', () => {
    expect(isNestedDeeperThan({ a: 1, b: [1, 2], c: { d: nested(40) } }, 32)).toBe(true);
    expect(isNestedDeeperThan({ a: 1, b: [1, 2], c: { d: nested(30) } }, 32)).toBe(false);
  });

  it('checks a value far deeper than the call stack allows without overflowing', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(isNestedDeeperThan(deep, 32)).toBe(true);
  });
});
