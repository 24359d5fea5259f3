/**
 * What a page shows of Hallway, read the way any script on the page could: the text under each
 * marker style, the marker under the pointer, and the hover card's frame.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

export type MarkerState = 'unknown' | 'known' | 'noted' | 'uncertain';

/** Texts under each marker style, as any script on the page could read them. */
export async function marked(page: Page, state: MarkerState): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((range) => (range as Range).toString().trim()).sort() : [];
  }, `hallway-${state}`);
}

/** Rests the pointer on the first marked range with this text. */
export async function hover(page: Page, text: string): Promise<void> {
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

/** The hover card's frame, once the page has one. */
export async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
}
