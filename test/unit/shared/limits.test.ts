import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/limits';
import { favourCheck, noteCheck, personCheck, type Person } from '../../../src/shared/model';
import type { Check } from '../../../src/shared/validate';
import { person } from './db/helpers';

const AT = '2025-01-01T00:00:00.000Z';

/** Whether the check takes `field` at exactly `max` characters and refuses one more. */
function stopsAt<T extends object>(check: Check<T>, record: T, field: keyof T & string, max: number) {
  const withLength = (length: number) => check({ ...record, [field]: 'x'.repeat(length) }).ok;
  return { atMax: withLength(max), pastMax: withLength(max + 1) };
}

describe('limits', () => {
  const someone: Person = person({ id: 'p1', displayName: 'Ada Lovelace' });

  it("takes a page's longest name as a person's name, and what the forms let through as a person", () => {
    expect(stopsAt(personCheck, someone, 'displayName', LIMITS.name)).toEqual({ atMax: true, pastMax: false });
    expect(stopsAt(personCheck, someone, 'team', LIMITS.shortText)).toEqual({ atMax: true, pastMax: false });
    expect(stopsAt(personCheck, someone, 'role', LIMITS.shortText)).toEqual({ atMax: true, pastMax: false });
    expect(stopsAt(personCheck, someone, 'personal', LIMITS.longText)).toEqual({ atMax: true, pastMax: false });
    expect(stopsAt(personCheck, someone, 'howWeMet', LIMITS.longText)).toEqual({ atMax: true, pastMax: false });
  });

  it('takes the longest note and favour the forms let through', () => {
    const note = { id: 'n1', personId: 'p1', text: 'x', createdAt: AT, updatedAt: AT };
    expect(stopsAt(noteCheck, note, 'text', LIMITS.longText)).toEqual({ atMax: true, pastMax: false });
    const favour = { id: 'f1', personId: 'p1', direction: 'asked', effort: 'small', what: 'x', at: AT, settledAt: null } as const;
    expect(stopsAt(favourCheck, favour, 'what', LIMITS.favour)).toEqual({ atMax: true, pastMax: false });
  });
});
