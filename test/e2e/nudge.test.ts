/**
 * When a thread goes sour: the badge on the tab, the popup's nudge opening at its headline and saying
 * why once, "we talked in person", and nothing at all on a calm thread.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { sampleBackup } from '../demo/sample-people';
import { call, fixture, launch, type Hallway } from './harness';
import { markedTexts } from './page-marks';

const SOUR_URL = 'https://app.slack.com/client/T0DEMO0001/C0BUDGET01';
/** The tallest a browser lets an extension popup be. */
const POPUP = { width: 400, height: 600 };

describe('the in-person nudge, in Chromium', () => {
  let hallway: Hallway;
  let people: Page;

  async function badgeOf(page: Page): Promise<string> {
    await page.bringToFront();
    return hallway.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> }; action: { getBadgeText(d: object): Promise<string> } };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab?.id });
    });
  }

  beforeAll(async () => {
    hallway = await launch();
    await hallway.serve('https://app.slack.com/client/T0DEMO0001/C0BUDGET01**', fixture('slack/sour-thread-hand.html'));
    const slack = DEMO_PAGES.find((p) => p.name === 'Slack')!;
    await hallway.serve('https://app.slack.com/client/T0DEMO0001/C0PLAN0001**', fixture(slack.fixture));
    people = await hallway.openPage('src/options/index.html');
    await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('in a two-person argument where one side is the user, greets only the other, and does not mark the user', async () => {
    // "These are me": the user is Łukasz on this Slack.
    await call(people, 'settings.update', { patch: { me: { emails: [], siteIds: [{ site: 'slack', id: 'U0LUKASZ02' }] } } });
    const slack = await hallway.context.newPage();
    await slack.goto(SOUR_URL);
    await expect.poll(() => badgeOf(slack), { timeout: 10_000 }).toBe('!');
    const marks = async () => (await markedTexts(slack)).join(' ');
    await expect.poll(marks).toContain('Grace Hopper');
    expect(await marks()).not.toContain('Łukasz');
    const popup = await hallway.openPopup(slack);
    await expect.poll(() => popup.getByTestId('nudge').getAttribute('data-level')).toBe('sour');
    expect(await popup.getByTestId('nudge-person').allTextContents()).toEqual([expect.stringContaining('Grace Hopper')]);
    expect(await popup.getByTestId('nudge-message').inputValue()).toMatch(/^Hi Grace,/u);
    await call(people, 'settings.update', { patch: { me: { emails: [], siteIds: [] } } });
    await Promise.all([popup.close(), slack.close()]);
  });

  it('opens at the nudge\'s headline in a 600px popup, and search is one key away', async () => {
    const slack = await hallway.context.newPage();
    await slack.goto(SOUR_URL);
    await expect.poll(() => badgeOf(slack), { timeout: 10_000 }).toBe('!');
    const popup = await hallway.openPopup(slack, POPUP);
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    await expect.poll(focused).toBe('nudge-headline');
    // Let the people on the page and the reminders load too: they are what made it scroll before.
    await expect.poll(() => popup.getByTestId('person').count()).toBeGreaterThan(0);
    await popup.waitForTimeout(300);

    const headline = popup.getByTestId('nudge-headline');
    expect(await headline.textContent()).toBe('This thread has turned sour');
    const box = await headline.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(POPUP.height);

    await popup.keyboard.press('/');
    expect(await focused()).toBe('popup-search');
    await popup.close();
    await slack.close();
  });

  it('badges a sour thread and leads the popup with the nudge, why it says so and a message to send', async () => {
    const slack = await hallway.context.newPage();
    await slack.goto(SOUR_URL);
    await expect.poll(() => badgeOf(slack), { timeout: 10_000 }).toBe('!');

    const popup = await hallway.openPopup(slack);
    const nudge = popup.getByTestId('nudge');
    await expect.poll(() => nudge.getAttribute('data-level')).toBe('sour');
    // Why, once: a phrase the summary quotes is not listed again under it.
    const summary = (await popup.getByTestId('nudge-summary').textContent()) ?? '';
    const evidence = await popup.getByTestId('nudge-evidence').allTextContents();
    expect([summary, ...evidence].join('\n')).toContain('Per my last email');
    for (const item of evidence) {
      const phrase = /^“(.+)” — /u.exec(item)?.[1];
      expect(phrase).toBeDefined();
      expect(summary).not.toContain(`“${phrase}”`);
    }
    expect(await popup.getByTestId('nudge-person').allTextContents()).toEqual([
      expect.stringContaining('Grace Hopper'),
      expect.stringContaining('Łukasz Żółć'),
    ]);
    expect(await popup.getByTestId('nudge-message').inputValue()).toMatch(/in person, or on a quick call/u);

    await popup.getByTestId('nudge-talked').click();
    await expect.poll(() => popup.getByTestId('nudge-status').textContent()).toMatch(/Logged/u);
    const grace = await call<{ interactions: { kind: string; threadKey?: string }[] }>(people, 'people.get', { id: 'demo-grace' });
    expect(grace.interactions.filter((i) => i.kind === 'in-person').map((i) => i.threadKey)).toContain('slack:C0BUDGET01:1762340000.000100');
    await expect.poll(() => badgeOf(slack)).toBe('');

    // The thread stays quiet after the talk: reopening the popup shows no nudge.
    await popup.close();
    const again = await hallway.openPopup(slack);
    await expect.poll(() => again.getByTestId('person').count()).toBeGreaterThan(0);
    expect(await again.getByTestId('nudge').count()).toBe(0);
    await again.close();
    await slack.close();
  });

  it('shows nothing on a calm thread', async () => {
    const slack = await hallway.context.newPage();
    await slack.goto('https://app.slack.com/client/T0DEMO0001/C0PLAN0001');
    const popup = await hallway.openPopup(slack);
    await expect.poll(() => popup.getByTestId('person').count()).toBeGreaterThan(0);
    await popup.waitForTimeout(300);
    expect(await popup.getByTestId('nudge').count()).toBe(0);
    expect(await badgeOf(slack)).toBe('');
    await popup.close();
    await slack.close();
  });
});
