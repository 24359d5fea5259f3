/**
 * A page that throws far more people at Hallway than any workplace page shows: Hallway marks up to its
 * cap, stops there, and the popup says so. How the page's responsiveness holds up under a flood is
 * measured by `npm run bench` (its flood case), not asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MARKS } from '../../src/shared/limits';
import { loadSamplePeople, launch, type Hallway } from './harness';
import { markers } from './page-marks';

const FLOOD_URL = 'https://mail.google.com/mail/u/5/#inbox';

function floodPage(addresses: number): string {
  const rows = Array.from({ length: addresses }, (_, i) => `<li><a href="mailto:person${i}@example.com">Person ${i}</a></li>`).join('');
  return `<!doctype html><title>Inbox</title><h1>Everyone</h1><ul>${rows}</ul>`;
}

describe('a flooded page', () => {
  let hallway: Hallway;

  beforeAll(async () => {
    hallway = await launch();
    await loadSamplePeople(hallway);
    await hallway.serve('https://mail.google.com/mail/u/5/**', floodPage(MAX_MARKS * 2));
    await hallway.serve('https://mail.google.com/mail/u/6/**', floodPage(40));
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('marks up to the cap, and the popup says it stopped there', async () => {
    const page = await hallway.context.newPage();
    await page.goto(FLOOD_URL);
    // The names in view are marked as usual.
    await expect.poll(async () => (await markers(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const popup = await hallway.openPopup(page);
    await expect.poll(() => popup.getByTestId('popup-capped').count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.getByTestId('popup-capped').textContent()).toContain(MAX_MARKS.toLocaleString('en'));
    await popup.close();
    await page.close();
  });

  it('says nothing of a cap on an ordinary page', async () => {
    const page = await hallway.context.newPage();
    await page.goto('https://mail.google.com/mail/u/6/#inbox');
    await expect.poll(async () => (await markers(page)).length).toBeGreaterThan(5);
    const popup = await hallway.openPopup(page);
    await expect.poll(() => popup.getByTestId('page-people').locator('li').count()).toBeGreaterThan(5);
    expect(await popup.getByTestId('popup-capped').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
