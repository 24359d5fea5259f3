/**
 * A hostile page goes after the hover card itself: it takes the keyboard while the user types a note,
 * lays a see-through decoy over the card so a click lands on a button the user cannot see, shrinks
 * the page until the card cannot be read, and measures the card's frame to learn what it shows.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { call, fixture, launch, loadSamplePeople, type Hallway } from './harness';
import { cardFrame, hover, marked, seen } from './page-marks';

/**
 * The page's script, as a page would write it: it logs every key it hears from the start, and once
 * Hallway's card takes the focus it moves the focus to its own input 400 ms later.
 */
const THIEF = `<script>
(() => {
  window.__keys = [];
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
    window.addEventListener(type, (e) => window.__keys.push(type + ':' + (e.key ?? e.data ?? '')), true);
  }
  window.__steal = false;
  // The page's window blurs when the focus goes into a frame, which is then its active element.
  window.addEventListener('blur', () => setTimeout(() => {
    if (!window.__steal || !document.activeElement?.tagName.startsWith('X-')) return;
    window.__steal = false;
    setTimeout(() => document.getElementById('thief').focus(), 400);
  }, 0));
  document.addEventListener('DOMContentLoaded', () => {
    const input = document.createElement('input');
    input.id = 'thief';
    input.setAttribute('aria-label', 'Search mail');
    input.style.cssText = 'position:fixed;bottom:4px;right:4px;width:200px';
    document.body.append(input);
  });
})();
</script>`;

const BEFORE_STEAL = 'Told me in confidence ';
const AFTER_STEAL = 'that she is interviewing at another company';

/** Hallway's element on the page that holds the open card, as the page can see it. */
function openCardBox(page: Page) {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find(
      (el) => el.tagName.startsWith('X-') && getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().width > 0,
    );
    if (!host) return null;
    const { left, top, width, height } = host.getBoundingClientRect();
    return { left, top, width, height };
  });
}

describe('a hostile page, against the card', () => {
  let hallway: Hallway;
  let people: Page;

  beforeAll(async () => {
    hallway = await launch();
    const gmail = DEMO_PAGES[0]!;
    await hallway.serve(gmail.pattern, fixture(gmail.fixture).replace('<head>', `<head>${THIEF}`));
    people = await loadSamplePeople(hallway);
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('takes the keyboard from the card mid-note and gets nothing: typing pauses, the draft stays', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    await page.evaluate(() => ((window as unknown as { __steal: boolean }).__steal = true));
    await hover(page, 'Grace Hopper', 'noted');
    const card = await cardFrame(page);
    const note = card.getByTestId('card-quick-note');
    await note.click();
    await page.keyboard.type(BEFORE_STEAL, { delay: 10 });
    // The page takes the focus 400 ms after the card got it; the user types on without looking up.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('thief');
    await page.keyboard.type(AFTER_STEAL, { delay: 10 });

    const thief = await page.evaluate(() => ({
      value: (document.getElementById('thief') as HTMLInputElement).value,
      keys: (window as unknown as { __keys: string[] }).__keys,
    }));
    expect(thief.value.length, `the page's input got "${thief.value}"`).toBeLessThanOrEqual(1);
    expect(thief.keys.filter((key) => key.startsWith('keydown:')).length, thief.keys.join(' ')).toBeLessThanOrEqual(1);

    // The card stayed open, says typing is paused, and kept what was typed before.
    await expect.poll(() => card.getByTestId('card-typing-paused').count()).toBe(1);
    expect(await openCardBox(page)).not.toBeNull();
    expect(await note.inputValue()).toBe(BEFORE_STEAL);

    // A click on the card brings the caret back; the rest of the sentence goes where it belongs.
    await card.getByTestId('card-typing-paused').click();
    await expect.poll(() => card.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-quick-note');
    await expect.poll(() => card.getByTestId('card-typing-paused').count()).toBe(0);
    await page.keyboard.type(AFTER_STEAL);
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('card').textContent()).toContain(BEFORE_STEAL + AFTER_STEAL);
    expect(await page.evaluate(() => (document.getElementById('thief') as HTMLInputElement).value.length)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('lays a see-through decoy over the card: the click under it logs nothing', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    const talks = async () => (await call<{ interactions: { kind: string }[] }>(people, 'people.get', { id: 'demo-ada' })).interactions.length;
    const before = await talks();
    await hover(page, 'Ada Lovelace', 'noted');
    const card = await cardFrame(page);
    const button = card.getByTestId('card-log-in-person');
    const box = (await button.boundingBox())!;

    // A "Continue" banner drawn over the card, letting every click through to it.
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.textContent = 'Click to continue';
      decoy.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:32px sans-serif';
      document.documentElement.append(decoy);
    });
    // The click lands a moment later, the way a person clicks what they see.
    await page.waitForTimeout(800);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => card.getByTestId('card-click-refused').count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await talks()).toBe(before);

    // Once the card is in plain sight again, the same click counts.
    await page.evaluate(() => document.getElementById('decoy')?.remove());
    await seen(card);
    const shown = (await button.boundingBox())!;
    await page.mouse.click(shown.x + shown.width / 2, shown.y + shown.height / 2);
    await expect.poll(talks).toBe(before + 1);
    await page.close();
  });

  it('refuses a click in the first moment after the card appears', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    await expect.poll(() => marked(page, 'unknown')).toContain('legal@example.com');
    const count = async () => (await call<{ total: number }>(people, 'people.list', { limit: 1 })).total;
    const before = await count();
    await hover(page, 'legal@example.com', 'unknown');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
    const card = page.frames().find((f) => f.url().includes('/src/hovercard/'))!;
    // "Add to Hallway" clicked the instant it is there, as a page that moves the card under the pointer would make happen.
    await card.getByTestId('card-add-person').click();
    await expect.poll(() => card.getByTestId('card-click-refused').count()).toBe(1);
    expect(await count()).toBe(before);
    await page.close();
  });

  it('shrinks the page under the open card: the card closes', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    await hover(page, 'Grace Hopper', 'noted');
    await cardFrame(page);
    expect(await openCardBox(page)).not.toBeNull();
    await page.evaluate(() => {
      document.documentElement.style.transformOrigin = '0 0';
      document.documentElement.style.transform = 'scale(0.05)';
    });
    await expect.poll(() => openCardBox(page)).toBeNull();
    await page.close();
  });

  it('measures the card frame: the same size for a stranger, a person with notes, and after a note is saved', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    const sizes: { width: number; height: number }[] = [];

    await hover(page, 'legal@example.com', 'unknown');
    const card = await cardFrame(page);
    await expect.poll(() => card.getByTestId('card-unknown').count()).toBe(1);
    sizes.push((await openCardBox(page))!);
    await page.mouse.move(5, 5);
    await expect.poll(() => openCardBox(page)).toBeNull();

    await hover(page, 'Grace Hopper', 'noted');
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    sizes.push((await openCardBox(page))!);
    await card.getByTestId('card-quick-note').fill('Prefers a call to a long thread');
    await card.getByTestId('card-quick-note').press('Enter');
    await expect.poll(() => card.getByTestId('card').textContent()).toContain('Prefers a call to a long thread');
    sizes.push((await openCardBox(page))!);

    const [first] = sizes;
    for (const size of sizes) expect({ width: size.width, height: size.height }).toEqual({ width: first!.width, height: first!.height });
    await page.close();
  });
});
