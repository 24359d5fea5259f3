/**
 * The user's own draft: a small indicator beside the compose box when the draft reads hostile or
 * passive-aggressive, gone when it reads fine, and none at all when the check is switched off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { call, launch, serveDemoPages, type Hallway } from './harness';

/** Hallway's visible 18 px indicators: randomly named elements directly under <html>. */
async function indicators(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.documentElement.children].filter((el) => {
      if (!el.tagName.startsWith('X-')) return false;
      const rect = el.getBoundingClientRect();
      return getComputedStyle(el).visibility === 'visible' && rect.width === 18 && rect.height === 18;
    }).length,
  );
}


describe('the draft check, in Chromium', () => {
  let hallway: Hallway;
  const slack = DEMO_PAGES.find((p) => p.name === 'Slack')!;

  beforeAll(async () => {
    hallway = await launch();
    await serveDemoPages(hallway);
  });

  afterAll(async () => {
    await hallway?.close();
  });

  async function typeDraft(page: Page, text: string): Promise<void> {
    const box = page.locator('[data-qa="message_input"] .ql-editor');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
  }

  it('flags a hostile draft, and the flag goes away once the draft reads fine', async () => {
    const page = await hallway.context.newPage();
    await page.goto(slack.url);
    await typeDraft(page, 'Per my last email, this is NOT acceptable!!! Are you even reading what I write?');
    await expect.poll(() => indicators(page)).toBe(1);
    const before = await page.locator('[data-qa="message_input"] .ql-editor').textContent();
    expect(before).toContain('Per my last email');

    await typeDraft(page, 'Thanks for the update, could we go over the numbers tomorrow?');
    await expect.poll(() => indicators(page)).toBe(0);
    await page.close();
  });

  it('stays silent on a calm draft, and when switched off', async () => {
    const page = await hallway.context.newPage();
    await page.goto(slack.url);
    await typeDraft(page, 'Happy to help, I will send the notes after lunch.');
    await page.waitForTimeout(1200);
    expect(await indicators(page)).toBe(0);

    const settings = await hallway.openPage('src/options/index.html');
    await call(settings, 'settings.update', { patch: { isDraftCheckOn: false } });
    await settings.close();
    await page.waitForTimeout(400);
    await typeDraft(page, 'Per my last email, this is NOT acceptable!!! Are you even reading what I write?');
    await page.waitForTimeout(1200);
    expect(await indicators(page)).toBe(0);
    await page.close();
    const again = await hallway.openPage('src/options/index.html');
    await call(again, 'settings.update', { patch: { isDraftCheckOn: true } });
    await again.close();
  });

  it('watches the compose box on every site', async () => {
    for (const demo of DEMO_PAGES) {
      const page = await hallway.context.newPage();
      await page.goto(demo.url);
      const box = page.locator('[contenteditable="true"]:visible, [g_editable="true"]:visible').first();
      await box.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('As previously stated, this is NOT acceptable!!! Are you even reading this?');
      await expect.poll(() => indicators(page), { message: demo.name }).toBe(1);
      await page.close();
    }
  });
});

