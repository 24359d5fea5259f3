/**
 * The built Firefox extension (dist-firefox/) in Firefox ESR, as a user sees it: markers on each
 * site's demo page, the hover card, the popup, the people page and a backup round trip.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { SAMPLE_NOTE } from '../demo/sample-people';
import { fixture } from './harness';
import {
  call,
  cardFrame,
  DIST_FIREFOX,
  geckoId,
  launchFirefox,
  loadSamplePeople,
  markerPixels,
  savedDownloads,
  screenshot,
  serveDemoPages,
  shownText,
  textBoxes,
  waitForFirstIdle,
  type FirefoxHallway,
} from './firefox-harness';

const GMAIL = DEMO_PAGES.find((page) => page.name === 'Gmail')!;
const SLACK = DEMO_PAGES.find((page) => page.name === 'Slack')!;

/** Hallway's draft indicators the page shows: 18 px elements of its own, directly under <html>. */
function draftIndicators(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.documentElement.children].filter((element) => {
        if (!element.tagName.startsWith('X-')) return false;
        const rect = element.getBoundingClientRect();
        return getComputedStyle(element).visibility === 'visible' && rect.width === 18 && rect.height === 18;
      }).length,
  );
}

/** Replaces what is in Slack's compose box with `text`, typed as a user would. */
async function typeDraft(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.click('[data-qa="message_input"] .ql-editor');
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The names and latest notes the popup lists under "on this page". */
async function popupPeople(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-testid="page-people"] [data-testid="person"]', (items) => items.map((item) => item.textContent ?? ''));
}

async function exportedData(page: Page): Promise<unknown> {
  const backup = await call<{ exportedAt: string }>(page, 'backup.export', {});
  return { ...backup, exportedAt: null };
}

describe('Hallway in Firefox ESR', () => {
  let hallway: FirefoxHallway;
  let people: Page;

  beforeAll(async () => {
    hallway = await launchFirefox();
    serveDemoPages(hallway);
    people = await loadSamplePeople(hallway);
  });

  afterAll(async () => {
    await hallway?.close();
  });

  afterEach(() => {
    // Anything Hallway's pages, the card or the content script threw while the test ran.
    expect(hallway.errors).toEqual([]);
  });

  it('draws markers on every site, opens the card on them, and the popup lists the people on each page', async () => {
    for (const demo of DEMO_PAGES) {
      const page = await hallway.openSite(demo.url);
      await waitForFirstIdle(page);
      const names = await textBoxes(page, 'Grace Hopper');
      expect(names.length, `${demo.name} shows Grace Hopper`).toBeGreaterThan(0);
      // Grace has notes: at least one place the page shows her name gets Hallway's teal line.
      let marked = names[0]!;
      await expect
        .poll(
          async () => {
            const pixels = await screenshot(page);
            const counts = names.map((box) => markerPixels(pixels, box));
            marked = names[counts.indexOf(Math.max(...counts))]!;
            return Math.max(...counts);
          },
          { message: `${demo.name}: a marker under Grace Hopper` },
        )
        .toBeGreaterThan(20);

      await page.mouse.move(marked.x + 3, marked.y + marked.height / 2);
      await page.mouse.move(marked.x + marked.width / 2, marked.y + marked.height / 2);
      const card = await cardFrame(page);
      await expect.poll(() => shownText(card), { message: `${demo.name}: the card shows Grace` }).toContain(SAMPLE_NOTE);

      const popup = await hallway.openPopup(page);
      await expect
        .poll(() => popupPeople(popup), { message: `${demo.name}: the popup lists Grace`, timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining('Grace Hopper')]));
      await popup.close();
      await page.close();
    }
  });

  it('draws nothing over text that names no one', async () => {
    const gmail = await hallway.openSite(GMAIL.url);
    await waitForFirstIdle(gmail);
    const [subject] = await textBoxes(gmail, 'Quarterly plan');
    const [grace] = await textBoxes(gmail, 'Grace Hopper');
    const pixels = await screenshot(gmail);
    expect(markerPixels(pixels, subject!)).toBe(0);
    expect(markerPixels(pixels, grace!)).toBeGreaterThan(20);
    await gmail.close();
  });

  it('opens the hover card with a known person’s note, takes a quick note, and the page sees none of it', async () => {
    const gmail = await hallway.openSite(GMAIL.url);
    await waitForFirstIdle(gmail);
    const [grace] = await textBoxes(gmail, 'Grace Hopper');
    await gmail.mouse.move(grace!.x + 5, grace!.y + grace!.height / 2);
    await gmail.mouse.move(grace!.x + grace!.width / 2, grace!.y + grace!.height / 2);
    const card = await cardFrame(gmail);
    await expect.poll(() => shownText(card)).toContain('Grace Hopper');
    expect(await shownText(card)).toContain(SAMPLE_NOTE);

    await card.locator('[data-testid="card-quick-note"]').fill('Asked about the Kubernetes upgrade; follow up Friday.');
    await card.focus('[data-testid="card-quick-note"]');
    await gmail.keyboard.press('Enter');
    await expect.poll(() => shownText(card)).toContain('follow up Friday');

    // The card is Hallway's page in a frame: the site's own document holds neither note.
    const pageHtml = await gmail.evaluate(() => document.documentElement.outerHTML);
    expect(pageHtml).not.toContain('parental leave');
    expect(pageHtml).not.toContain('follow up Friday');
    await gmail.close();
  });

  it('lists the people on the tab in the popup, with their latest notes and the strangers to add', async () => {
    const gmail = await hallway.openSite(GMAIL.url);
    await waitForFirstIdle(gmail);
    const popup = await hallway.openPopup(gmail);
    await expect
      .poll(() => popupPeople(popup), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Ada Lovelace'),
          expect.stringContaining('Grace Hopper'),
        ]),
      );
    const ada = (await popupPeople(popup)).find((text) => text.includes('Ada Lovelace'));
    expect(ada).toContain('Ask about the Q1 forecast model');
    const strangers = await popup.$$eval('[data-testid="unknown-person"]', (items) => items.map((item) => item.textContent ?? ''));
    expect(strangers).toEqual(expect.arrayContaining([expect.stringContaining('legal@example.com')]));
    await popup.close();
    await gmail.close();
  });

  it('opens the card from the keyboard: select a name, Alt+Shift+H', async () => {
    const gmail = await hallway.openSite(GMAIL.url);
    await waitForFirstIdle(gmail);
    await gmail.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('Ada Lovelace') ?? -1;
        if (at < 0) continue;
        getSelection()?.setBaseAndExtent(node, at, node, at + 'Ada Lovelace'.length);
        return;
      }
    });
    await gmail.keyboard.down('Alt');
    await gmail.keyboard.down('Shift');
    await gmail.keyboard.press('KeyH');
    await gmail.keyboard.up('Shift');
    await gmail.keyboard.up('Alt');
    const card = await cardFrame(gmail);
    await expect.poll(() => shownText(card)).toContain('Ada Lovelace');
    expect(await shownText(card)).toContain('Ask about the Q1 forecast model');
    await gmail.close();
  });

  it('hides every marker in privacy mode, switched from the popup, and shows them again', async () => {
    const gmail = await hallway.openSite(GMAIL.url);
    await waitForFirstIdle(gmail);
    const [grace] = await textBoxes(gmail, 'Grace Hopper');
    const shown = async () => markerPixels(await screenshot(gmail), grace!);
    await expect.poll(shown).toBeGreaterThan(20);

    const popup = await hallway.openPopup(gmail);
    await expect.poll(() => popupPeople(popup), { timeout: 10_000 }).not.toEqual([]);
    await popup.bringToFront();
    await popup.locator('[data-testid="privacy-mode"]').click();
    await expect.poll(shown, { message: 'no marker in privacy mode' }).toBe(0);
    await popup.bringToFront();
    await popup.locator('[data-testid="privacy-mode"]').click();
    await expect.poll(shown, { message: 'markers back' }).toBeGreaterThan(20);
    await popup.close();
    await gmail.close();
  });

  it('flags a hostile draft in Slack’s compose box, and the flag goes away once the draft reads fine', async () => {
    const slack = await hallway.openSite(SLACK.url);
    await waitForFirstIdle(slack);
    await typeDraft(slack, 'Per my last email, this is NOT acceptable!!! Are you even reading what I write?');
    await expect.poll(() => draftIndicators(slack), { timeout: 10_000 }).toBe(1);
    await typeDraft(slack, 'Thanks for the update, could we go over the numbers tomorrow?');
    await expect.poll(() => draftIndicators(slack), { timeout: 10_000 }).toBe(0);
    await slack.close();
  });

  it('opens the popup at the nudge on a Slack thread that turned sour', async () => {
    hallway.serve('https://app.slack.com/client/T0DEMO0001/C0BUDGET01**', fixture('slack/sour-thread-hand.html'));
    const slack = await hallway.openSite('https://app.slack.com/client/T0DEMO0001/C0BUDGET01');
    await waitForFirstIdle(slack);
    const popup = await hallway.openPopup(slack);
    await expect
      .poll(() => popup.$eval('[data-testid="nudge"]', (nudge) => nudge.getAttribute('data-level')).catch(() => null), { timeout: 10_000 })
      .toBe('sour');
    expect(await popup.$eval('[data-testid="nudge-message"]', (box) => (box as HTMLTextAreaElement).value)).toMatch(/^Hi Grace\b/u);
    await popup.close();
    await slack.close();
  });

  it('lists the people of a Google Chat frame inside Gmail in the popup over the Gmail tab', async () => {
    hallway.serve('https://chat.google.com/u/0/frame**', fixture('google-chat/gmail-chat-frame.html'));
    hallway.serve(
      'https://mail.google.com/mail/u/0/#chat/home',
      '<!doctype html><title>Chat - Gmail</title><iframe src="https://chat.google.com/u/0/frame?id=dm" width="700" height="500"></iframe>',
    );
    const gmail = await hallway.openSite('https://mail.google.com/mail/u/0/#chat/home');
    await waitForFirstIdle(gmail);
    const chat = gmail.frames().find((frame) => frame.url().startsWith('https://chat.google.com/'));
    expect(chat, 'the chat frame').toBeDefined();
    await waitForFirstIdle(chat!);
    const popup = await hallway.openPopup(gmail);
    await expect
      .poll(() => popupPeople(popup), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Ada Lovelace'), expect.stringContaining('Grace Hopper')]));
    await popup.close();
    await gmail.close();
  });

  it('adds a person and a note on the people page, and the popup shows them on a page that names them', async () => {
    await people.bringToFront();
    await people.locator('[data-testid="add-person"]').click();
    await people.locator('[data-testid="field-name"]').fill('Katherine Johnson');
    await people.locator('[data-testid="field-emails"]').fill('katherine@example.com');
    await people.locator('[data-testid="field-team"]').fill('Trajectories');
    await people.locator('[data-testid="save-person"]').click();
    await expect
      .poll(() => people.$$eval('[data-testid="person-row"]', (rows) => rows.map((row) => row.textContent ?? '')))
      .toEqual(expect.arrayContaining([expect.stringContaining('Katherine Johnson')]));
    await people.locator('[data-testid="note-input"]').fill('Checks every orbit by hand.');
    await people.locator('[data-testid="add-note"]').click();
    await expect.poll(() => people.$eval('[data-testid="note"]', (note) => note.textContent ?? '')).toContain('Checks every orbit by hand');

    hallway.serve(
      'https://mail.google.com/mail/u/0/#inbox/katherine',
      '<!doctype html><title>Orbits - Gmail</title><p>Mail from <a href="mailto:katherine@example.com">katherine@example.com</a></p>',
    );
    const gmail = await hallway.openSite('https://mail.google.com/mail/u/0/#inbox/katherine');
    await waitForFirstIdle(gmail);
    const popup = await hallway.openPopup(gmail);
    await expect
      .poll(() => popupPeople(popup), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/Katherine Johnson[\s\S]*Checks every orbit by hand/u)]);
    await popup.close();
    await gmail.close();
  });

  it('exports a backup as a download and imports it into a fresh Firefox profile with identical data', async () => {
    await people.bringToFront();
    const before = await exportedData(people);
    await people.locator('[data-testid="export"]').click();
    await expect.poll(() => savedDownloads(hallway).length, { message: 'the backup file is saved' }).toBe(1);
    const file = savedDownloads(hallway)[0]!;
    await expect.poll(() => readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'hallway-backup', version: 1 });

    const fresh = await launchFirefox();
    try {
      const freshPeople = await fresh.openPage('src/options/index.html');
      expect(await call<{ total: number }>(freshPeople, 'people.list', {})).toMatchObject({ total: 0 });
      const input = await freshPeople.$('input[data-testid="import-file"]');
      await input!.uploadFile(file);
      if (await freshPeople.$('[data-testid="import-run"]')) await freshPeople.locator('[data-testid="import-run"]').click();
      await expect.poll(() => freshPeople.$eval('[data-testid="import-result"]', (result) => result.textContent ?? '').catch(() => '')).toMatch(/Imported|people/iu);
      expect(await exportedData(freshPeople)).toEqual(before);
      await expect
        .poll(() => freshPeople.$$eval('[data-testid="person-row"]', (rows) => rows.map((row) => row.textContent ?? '')))
        .toEqual(expect.arrayContaining([expect.stringContaining('Grace Hopper'), expect.stringContaining('Katherine Johnson')]));
    } finally {
      await fresh.close();
    }
  });
});

describe('Hallway removed from Firefox under an open page', () => {
  it('takes its markers and card off the page at once, though no script of it is left to remove them, and installed again shows only new ones', async () => {
    const hallway = await launchFirefox();
    try {
      serveDemoPages(hallway);
      await loadSamplePeople(hallway);
      const gmail = await hallway.openSite(GMAIL.url);
      await waitForFirstIdle(gmail);
      const [grace] = await textBoxes(gmail, 'Grace Hopper');
      const marked = async () => markerPixels(await screenshot(gmail), grace!);
      await expect.poll(marked).toBeGreaterThan(20);
      const [ada] = await textBoxes(gmail, 'Ada Lovelace');
      await gmail.mouse.move(ada!.x + 3, ada!.y + ada!.height / 2);
      await gmail.mouse.move(ada!.x + ada!.width / 2, ada!.y + ada!.height / 2);
      await cardFrame(gmail);
      // What a page script can see of Hallway's elements: their own inline style and computed display.
      const hosts = () =>
        gmail.evaluate(() =>
          [...document.documentElement.children]
            .filter((element) => element.tagName.startsWith('X-'))
            .map((element) => ({ tag: element.tagName, style: element.getAttribute('style') ?? '', display: getComputedStyle(element).display })),
        );
      const shown = await hosts();
      expect(shown.length).toBeGreaterThanOrEqual(2);
      expect(shown.every((host) => host.display === 'block')).toBe(true);
      expect(shown.some((host) => host.style.includes('display: var(--hallway-present, none) !important'))).toBe(true);

      await hallway.browser.uninstallExtension(await geckoId());
      await expect.poll(marked, { message: 'no marker once Hallway is gone' }).toBe(0);
      expect((await hosts()).map((host) => host.display)).toEqual(shown.map(() => 'none'));

      // Installed again (removing it took the directory with it), Firefox runs the content script
      // again in the open page: the new copy draws its own markers, for strangers now, and what the
      // earlier copy left, Grace's noted look included, does not come back.
      await hallway.browser.installExtension(DIST_FIREFOX);
      await expect
        .poll(async () => (await hosts()).filter((host) => host.display === 'block').length, { message: 'a new overlay', timeout: 10_000 })
        .toBe(1);
      const earlier = new Set(shown.map((host) => host.tag));
      expect((await hosts()).filter((host) => earlier.has(host.tag))).toEqual([]);
      expect(await marked()).toBe(0);
      expect(hallway.errors).toEqual([]);
    } finally {
      await hallway.close();
    }
  });
});
