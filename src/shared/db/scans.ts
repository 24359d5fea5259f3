/**
 * Whole-table reads in pages. Reading 100,000 rows at once costs seconds of deserialising in one
 * task, during which the service worker answers nothing else (hover cards included); pages this
 * size keep each task short and let other messages in between.
 */
import type { Interaction } from '../model';
import type { HallwayDatabase, PersonRow } from './database';

const CHUNK = 2000;

/** Everyone, read by primary key in pages. */
export async function allPeopleRows(db: HallwayDatabase): Promise<PersonRow[]> {
  const people: PersonRow[] = [];
  for (let page = await db.people.limit(CHUNK).toArray(); ; ) {
    people.push(...page);
    const last = page[page.length - 1];
    if (page.length < CHUNK || !last) return people;
    page = await db.people.where(':id').above(last.id).limit(CHUNK).toArray();
  }
}

/** Interactions after `since`, page by page over the `at` index; older rows are never read. */
export async function* interactionsSince(db: HallwayDatabase, since: string): AsyncGenerator<Interaction[]> {
  let lower = since;
  for (;;) {
    const page = await db.interactions.where('at').above(lower).limit(CHUNK).toArray();
    const last = page[page.length - 1]?.at;
    if (page.length < CHUNK || last === undefined) {
      yield page;
      return;
    }
    // Several interactions can share the page's last timestamp (an import, a bulk log), and a page
    // boundary may fall among them: take everything before it, then that timestamp whole.
    yield page.filter((i) => i.at < last);
    yield await db.interactions.where('at').equals(last).toArray();
    lower = last;
  }
}
