/**
 * Every open page follows a change made somewhere else, without a reload: the people page after a
 * person is added from a hover card, an open card after a note is added on the people page, and an
 * open popup after either.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { launch, loadSamplePeople, serveDemoPages, type Hallway } from './harness';
import { cardFrame, hover, marked } from './page-marks';

/** "Within a second", as the user sees it: the broadcast, the reload and the repaint together. */
const WITHIN_A_SECOND = { timeout: 1000, interval: 50 };

describe('changes reach every open page, in Chromium', () => {
  let hallway: Hallway;
  let people: Page;

  beforeAll(async () => {
    hallway = await launch();
    await serveDemoPages(hallway);
    people = await loadSamplePeople(hallway);
  });

  afterAll(async () => {
    await hallway?.close();
  });

  const rowNames = () => people.getByTestId('person-row').allTextContents();

  it('the open people page lists someone added from a card on Gmail, and so does the open popup', async () => {
    await expect.poll(rowNames).toEqual(expect.arrayContaining([expect.stringContaining('Grace Hopper')]));
    const countBefore = await people.getByTestId('people-count').textContent();
    expect((await rowNames()).join()).not.toContain('Lee Gal');

    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    const popup = await hallway.openPopup(gmail);
    await expect.poll(() => popup.getByTestId('person').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('person').filter({ hasText: 'Lee Gal' }).count()).toBe(0);

    await gmail.bringToFront();
    await expect.poll(() => marked(gmail, 'unknown')).toContain('legal@example.com');
    await hover(gmail, 'legal@example.com');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-unknown').count()).toBe(1);
    await card.getByTestId('card-add-name').fill('Lee Gal');
    await card.getByTestId('card-add-team').fill('Legal');
    await card.getByTestId('card-add-person').click();
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Lee Gal');

    await expect.poll(rowNames, WITHIN_A_SECOND).toEqual(expect.arrayContaining([expect.stringContaining('Lee Gal')]));
    expect(await people.getByTestId('people-count').textContent()).not.toBe(countBefore);
    await expect.poll(() => popup.getByTestId('person').filter({ hasText: 'Lee Gal' }).count(), WITHIN_A_SECOND).toBe(1);
    await popup.close();
    await gmail.close();
  });

  it('an open card shows a note added on the people page, without hovering again', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    await hover(gmail, 'Grace Hopper');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    // The pointer rests on the card, so it stays open while the note is written elsewhere.
    const box = (await (await card.frameElement()).boundingBox())!;
    await gmail.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
    await gmail.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });

    await people.getByTestId('person-row').filter({ hasText: 'Grace Hopper' }).click();
    await people.getByTestId('note-input').fill('Moving to the Lisbon office in March.');
    await people.getByTestId('add-note').click();

    await expect.poll(() => card.getByTestId('card').textContent(), WITHIN_A_SECOND).toContain('Lisbon office');
    await gmail.close();
  });
});
