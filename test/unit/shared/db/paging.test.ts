import { describe, expect, it } from 'vitest';
import { addInteraction, createPerson, listPeople } from '../../../../src/shared/db';
import type { PeopleSort } from '../../../../src/shared/views';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();

async function seed() {
  const people: [string, string, string | null][] = [
    ['Zoë Adams', 'platform', '2026-11-01T10:00:00.000Z'],
    ['ada Byron', '', null],
    ['Łukasz Żółć', 'Finance', '2026-11-20T10:00:00.000Z'],
    ['Grace Hopper', 'Platform', null],
    ['Ørjan Berg', '', '2026-10-05T10:00:00.000Z'],
    ['Ben Chu', 'Design', null],
    ['Carla Diaz', 'design', '2026-11-25T10:00:00.000Z'],
  ];
  for (const [displayName, team, at] of people) {
    const person = await createPerson(ctx.db, { displayName, team });
    if (at) await addInteraction(ctx.db, { personId: person.id, kind: 'call', at });
  }
}

async function allPages(sort: PeopleSort, size: number): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await listPeople(ctx.db, { sort, offset, limit: size });
    expect(page.total).toBe(7);
    names.push(...page.people.map((p) => p.displayName));
    if (page.people.length < size) return names;
  }
}

describe('paging through everyone in order', () => {
  it('by name, ignoring case and accents', async () => {
    await seed();
    const expected = ['ada Byron', 'Ben Chu', 'Carla Diaz', 'Grace Hopper', 'Łukasz Żółć', 'Ørjan Berg', 'Zoë Adams'];
    for (const size of [1, 2, 3, 100]) expect(await allPages('name', size)).toEqual(expected);
  });

  it('by team, people without a team last, the same team whatever its case', async () => {
    await seed();
    const expected = ['Ben Chu', 'Carla Diaz', 'Łukasz Żółć', 'Grace Hopper', 'Zoë Adams', 'ada Byron', 'Ørjan Berg'];
    for (const size of [1, 2, 3, 100]) expect(await allPages('team', size)).toEqual(expected);
  });

  it('by last interaction, people never in touch last by name, across page boundaries', async () => {
    await seed();
    const expected = ['Carla Diaz', 'Łukasz Żółć', 'Zoë Adams', 'Ørjan Berg', 'ada Byron', 'Ben Chu', 'Grace Hopper'];
    for (const size of [1, 2, 3, 4, 100]) expect(await allPages('lastInteraction', size)).toEqual(expected);
  });
});
