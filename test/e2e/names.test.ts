/**
 * Names light up: markers on each site's fixture at its real URL, the hover card with the right
 * person's notes, notes and people added from the card, and a hostile page that tries to read it all.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { SAMPLE_NOTE, sampleBackup } from '../demo/sample-people';
import { fixture, launch, type Hallway } from './harness';

type MarkerState = 'unknown' | 'known' | 'noted' | 'uncertain';

/** Texts under each marker style, as any script on the page could read them. */
async function marked(page: Page, state: MarkerState): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => (range as Range).toString().trim()).sort() : [];
  }, `hallway-${state}`);
}

/** Rests the pointer on the first marked range with this text. */
async function hover(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    for (const name of ['hallway-noted', 'hallway-known', 'hallway-unknown', 'hallway-uncertain']) {
      for (const range of CSS.highlights.get(name) ?? []) {
        if ((range as Range).toString().trim() !== wanted) continue;
        const rect = (range as Range).getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`No marker on "${text}"`);
  await page.mouse.move(point.x + 1, point.y);
  await page.mouse.move(point.x, point.y);
}

async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
}

async function call<T>(page: Page, type: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

describe('names light up, in Chromium', () => {
  let hallway: Hallway;
  let people: Page;

  beforeAll(async () => {
    hallway = await launch();
    for (const page of DEMO_PAGES) await hallway.serve(page.pattern, fixture(page.fixture));
    people = await hallway.openPage('src/options/index.html');
    await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('marks the expected people on every site, with notes shown differently', async () => {
    const expected: Record<string, Partial<Record<MarkerState, string[]>>> = {
      Gmail: { noted: ['Grace Hopper', 'Ada Lovelace'] },
      Outlook: { noted: ['Grace Hopper', 'Ada Lovelace'] },
      Slack: { noted: ['Grace Hopper'], known: ['Łukasz Żółć'] },
      Teams: { noted: ['Grace Hopper'] },
      'Google Chat': { noted: ['Grace Hopper', 'Ada Lovelace'] },
    };
    for (const demo of DEMO_PAGES) {
      const page = await hallway.context.newPage();
      await page.goto(demo.url);
      for (const [state, names] of Object.entries(expected[demo.name] ?? {})) {
        await expect
          .poll(() => marked(page, state as MarkerState), { message: `${demo.name} ${state}` })
          .toEqual(expect.arrayContaining(names.map((n) => expect.stringContaining(n))));
      }
      // Unknown addresses are marked quietly, never as known.
      if (demo.name === 'Gmail') expect(await marked(page, 'unknown')).toEqual(expect.arrayContaining(['legal@example.com']));
      await page.close();
    }
  });

  it('opens the hover card with the right person, takes a note there, and the popup shows it', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    await hover(gmail, 'Grace Hopper');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    expect(await card.getByTestId('card').textContent()).toContain(SAMPLE_NOTE.slice(0, 30));
    expect(await card.getByTestId('card-last-in-person').textContent()).not.toMatch(/never/iu);

    await card.getByTestId('card-quick-note').fill('Asked about the Kubernetes upgrade; follow up Friday.');
    await card.getByTestId('card-quick-note').press('Enter');
    await expect.poll(() => card.getByTestId('card').textContent()).toContain('follow up Friday');

    const popup = await hallway.openPopup(gmail);
    const grace = popup.getByTestId('person').filter({ hasText: 'Grace Hopper' });
    await expect.poll(() => grace.getByTestId('latest-note').textContent()).toContain('follow up Friday');
    await popup.close();
    await gmail.close();
  });

  it('adds an unknown person from the card, and their marker turns known', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    await expect.poll(() => marked(gmail, 'unknown')).toContain('legal@example.com');
    await hover(gmail, 'legal@example.com');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-unknown').count()).toBe(1);
    await card.getByTestId('card-add-name').fill('Lee Gal');
    await card.getByTestId('card-add-team').fill('Legal');
    await card.getByTestId('card-add-person').click();
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Lee Gal');
    await expect.poll(() => marked(gmail, 'known')).toContain('legal@example.com');
    const list = await call<{ people: { displayName: string; emails: string[]; team: string }[] }>(people, 'people.list', { query: 'legal' });
    expect(list.people.map((p) => [p.displayName, p.emails, p.team])).toEqual([['Lee Gal', ['legal@example.com'], 'Legal']]);
    await gmail.close();
  });
});
