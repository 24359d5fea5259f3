/**
 * The directory case: a deterministic directory of 10,000 people, 100,000 notes and 20,000
 * interactions, imported through the people page's own message, then the popup and the people page
 * timed as a user meets them: first paint, the first rows, a search typed to its results, the
 * network view. Every figure is read on the page's own clock, from its navigation start or from the
 * moment the query is typed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson, type Interaction, type Note, type Person } from '../../src/shared/model';
import { inPage } from './browser';
import { waitForMark } from './page-probes';
import type { BenchPerson } from './people';
import { seeded } from './prng';

export const DIRECTORY = { people: 10_000, notes: 100_000, interactions: 20_000 };

/** What a user typing a search would look for: a person's name, and a phrase only in a few notes. */
export const NOTE_PHRASE = 'migration incident';
/** How many people have a note with it (see bigDirectory). */
const NOTE_PEOPLE = 100;

const TOPICS = ['kubernetes', 'forecasting', 'hiring', 'accessibility', 'billing', 'security review', 'design system', 'on-call'];
const NOTE_WORDS = ['asked', 'about', 'the', 'rollout', 'plan', 'prefers', 'calls', 'offsite', 'review', 'budget', 'launch', 'team', 'moved', 'quarter', 'roadmap', 'travel', 'kids', 'garden', 'cycling', 'deadline'];

/** The backup the bench imports; one note in a thousand mentions NOTE_PHRASE, each of another person. */
export function bigDirectory(universe: readonly BenchPerson[]): Backup {
  const random = seeded(41);
  const created = Date.parse('2025-01-01T09:00:00.000Z');
  const iso = (offsetMinutes: number) => new Date(created + offsetMinutes * 60_000).toISOString();
  const people: Person[] = [];
  const notes: Note[] = [];
  const interactions: Interaction[] = [];
  const perPersonNotes = DIRECTORY.notes / DIRECTORY.people;
  const perPersonTalks = DIRECTORY.interactions / DIRECTORY.people;
  for (const p of universe.slice(0, DIRECTORY.people)) {
    const id = `dir-${p.index}`;
    people.push(
      emptyPerson({
        id,
        displayName: p.full,
        emails: [p.email],
        siteIds: [{ site: 'slack', id: p.slackId }],
        team: `Team ${p.index % 60}`,
        role: random.pick(['Engineer', 'Designer', 'Product manager', 'Analyst', 'Recruiter']),
        askAbout: [random.pick(TOPICS)],
        createdAt: iso(p.index),
        updatedAt: iso(p.index),
      }),
    );
    for (let n = 0; n < perPersonNotes; n++) {
      const serial = p.index * perPersonNotes + n;
      const words = Array.from({ length: 12 + random.int(20) }, () => random.pick(NOTE_WORDS));
      if (serial % 1000 === 7) words.splice(3, 0, ...NOTE_PHRASE.split(' '));
      const at = iso(p.index + n * 1440);
      notes.push({ id: `dir-note-${serial}`, personId: id, text: `${words.join(' ')}.`, createdAt: at, updatedAt: at });
    }
    for (let t = 0; t < perPersonTalks; t++) {
      interactions.push({ id: `dir-talk-${p.index}-${t}`, personId: id, kind: t % 2 ? 'in-person' : 'call', at: iso(p.index * 3 + t * 10_000), isAuto: false });
    }
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: iso(0), people, notes, interactions, favours: [], threads: [], settings: DEFAULT_SETTINGS };
}

export interface DirectoryRun {
  popupFirstPaint: number;
  popupPeopleListed: number;
  popupSearch: number;
  peopleFirstPaint: number;
  peopleFirstRows: number;
  peopleSearch: number;
  peopleSearchNotes: number;
  networkView: number;
}

/** The people page waits this long after the last keystroke before it searches (src/options/directory.tsx). */
export const PEOPLE_SEARCH_DEBOUNCE_MS = 150;

/** The goals, in ms, by key. The people page's searches are counted from the end of its debounce. */
export const DIRECTORY_GOALS: Record<keyof DirectoryRun | 'importBackup', number> = {
  popupFirstPaint: 100,
  popupPeopleListed: 150,
  popupSearch: 50,
  peopleFirstPaint: 100,
  peopleFirstRows: 200,
  peopleSearch: 100,
  peopleSearchNotes: 100,
  networkView: 300,
  importBackup: 15_000,
};

/**
 * Records, from the first byte of every extension page, when each watched selector first matches
 * (ms since navigation start). Installed on the whole context; pages of the sites ignore it.
 */
export const FIRST_SEEN_RECORDER = `
  if (location.protocol === 'chrome-extension:') {
    const watched = ['[data-testid="page-people"] li', '[data-testid="person-row"]', '[data-testid="network-team"]'];
    const seen = (globalThis.__benchFirstSeen = {});
    const look = () => {
      for (const selector of watched) if (!(selector in seen) && document.querySelector(selector)) seen[selector] = performance.now();
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true });
  }
`;

/** Resolves with the page-clock time a selector first matched, waiting for it if need be. */
function firstSeen(args: { selector: string; timeoutMs: number }): Promise<number | null> {
  const seen = (globalThis as unknown as { __benchFirstSeen?: Record<string, number> }).__benchFirstSeen ?? {};
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      if (args.selector in seen) resolve(seen[args.selector] ?? null);
      else if (performance.now() - started > args.timeoutMs) resolve(null);
      else setTimeout(check, 10);
    };
    check();
  });
}

/** First contentful paint, ms since navigation start; waits for it, since it is reported after the frame. */
function firstPaint(timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (!entry) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
}

/**
 * Types a query as a user would (the input's value, then its input event) and resolves with the time
 * until the first element matching `result` holds `text`, which includes the page's own debounce.
 */
function typeAndWait(args: { input: string; value: string; result: string; text: string; timeoutMs: number }): Promise<number | null> {
  const input = document.querySelector(args.input) as HTMLInputElement | null;
  if (!input) return Promise.resolve(null);
  const holds = () => document.querySelector(args.result)?.textContent?.includes(args.text) === true;
  return new Promise((resolve) => {
    const typedAt = performance.now();
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now() - typedAt);
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, args.timeoutMs);
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(input, args.value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const TIMEOUT_MS = 20_000;

function must(value: number | null, what: string): number {
  if (value === null) throw new Error(`The directory bench never saw ${what}.`);
  return value;
}

/** One look at the popup and the people page, fresh pages each. */
export async function measureDirectory(
  openPopup: (tab: Page) => Promise<Page>,
  openPeople: () => Promise<Page>,
  context: BrowserContext,
  tabUrl: string,
  searchName: string,
): Promise<DirectoryRun> {
  const tab = await context.newPage();
  await tab.goto(tabUrl, { waitUntil: 'load' });
  // The popup lists what the page's markers hold: it is opened once they are all there.
  must(await inPage(tab, waitForMark, { name: 'hallway:first-idle', after: 0, timeoutMs: TIMEOUT_MS }), 'the page settle');
  const popup = await openPopup(tab);
  const popupFirstPaint = must(await inPage(popup, firstPaint, 5000), 'the popup paint');
  const popupPeopleListed = must(await inPage(popup, firstSeen, { selector: '[data-testid="page-people"] li', timeoutMs: TIMEOUT_MS }), 'the popup list the people on the page');
  const popupSearch = must(
    await inPage(popup, typeAndWait, { input: '[data-testid="popup-search"]', value: searchName, result: '[data-testid="search-results"]', text: searchName, timeoutMs: TIMEOUT_MS }),
    'popup search results',
  );
  await popup.close();
  await tab.close();

  const people = await openPeople();
  const peopleFirstPaint = must(await inPage(people, firstPaint, 5000), 'the people page paint');
  const peopleFirstRows = must(await inPage(people, firstSeen, { selector: '[data-testid="person-row"]', timeoutMs: TIMEOUT_MS }), 'the first rows');
  const networkView = must(await inPage(people, firstSeen, { selector: '[data-testid="network-team"]', timeoutMs: TIMEOUT_MS }), 'the network view');
  const peopleSearchTyped = must(
    await inPage(people, typeAndWait, { input: '[data-testid="search"]', value: searchName, result: '[data-testid="person-row"]', text: searchName, timeoutMs: TIMEOUT_MS }),
    'people page search results',
  );
  const peopleSearchNotesTyped = must(
    await inPage(people, typeAndWait, { input: '[data-testid="search"]', value: NOTE_PHRASE, result: '[data-testid="people-count"]', text: `${NOTE_PEOPLE} people match`, timeoutMs: TIMEOUT_MS }),
    'note search results',
  );
  await people.close();
  const peopleSearch = peopleSearchTyped - PEOPLE_SEARCH_DEBOUNCE_MS;
  const peopleSearchNotes = peopleSearchNotesTyped - PEOPLE_SEARCH_DEBOUNCE_MS;
  return { popupFirstPaint, popupPeopleListed, popupSearch, peopleFirstPaint, peopleFirstRows, peopleSearch, peopleSearchNotes, networkView };
}
