/**
 * Names light up: markers on each site's fixture at its real URL, the hover card with the right
 * person's notes, notes and people added from the card, and a hostile page that tries to read it all.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { SAMPLE_NOTE } from '../demo/sample-people';
import { call, fixture, launch, loadSamplePeople, serveDemoPages, type Hallway } from './harness';
import { cardFrame, hover, marked, markedTexts, markers, type MarkerState } from './page-marks';

/** Card frames the user can see: Hallway's randomly named hosts under <html>, visible. */
async function visibleCards(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.documentElement.children].filter(
        (el) => el.tagName.startsWith('X-') && getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().width === 340,
      ).length,
  );
}



describe('names light up, in Chromium', () => {
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

    // Moving the pointer from the name onto the card keeps it open.
    const box = (await (await card.frameElement()).boundingBox())!;
    await gmail.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
    await gmail.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await gmail.waitForTimeout(800);
    expect(await visibleCards(gmail)).toBe(1);

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

  it('marks a known name written in a message as unconfirmed, and shows notes only once confirmed', async () => {
    const html = fixture('gmail/thread-skeleton.html').replace(
      /(<div[^>]*class="a3s[^>]*>)/u,
      '$1<p>Looping in Łukasz Żółć for the budget question.</p>',
    );
    await hallway.serve('https://mail.google.com/mail/u/1/**', html);
    const gmail = await hallway.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQbdrLwnnFhXqZcSHQHtjKVQbGg');
    // A name in prose is a name only, so it stays unconfirmed even for someone known.
    await expect.poll(() => marked(gmail, 'uncertain')).toContain('Łukasz Żółć');
    await hover(gmail, 'Łukasz Żółć');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-uncertain').count()).toBe(1);
    expect(await card.getByTestId('card-uncertain').textContent()).toContain('Łukasz Żółć');
    // Nothing private before confirming: no topics, notes or personal text.
    expect(await card.getByTestId('card-ask-about').count()).toBe(0);
    await card.getByTestId('card-confirm').click();
    await expect.poll(() => card.getByTestId('card-ask-about').textContent()).toContain('budgets');
    await gmail.close();
  });

  it('keeps markers right while messages stream in, leave, and rows are recycled for someone else', async () => {
    const slack = await hallway.context.newPage();
    await slack.goto(DEMO_PAGES.find((p) => p.name === 'Slack')!.url);
    const count = async (state: MarkerState, name: string) => (await marked(slack, state)).filter((t) => t.includes(name)).length;
    // Two sender buttons and one @mention; the draft in the compose box is never marked.
    await expect.poll(() => count('noted', 'Grace Hopper')).toBe(3);
    await expect.poll(() => count('known', 'Łukasz Żółć')).toBe(1);

    await slack.evaluate(() => {
      const list = document.querySelector('.p-workspace__primary_view [role="list"]') as Element;
      const template = list.querySelector('[id="1762340000.000100"]') as Element;
      for (let i = 0; i < 10; i += 1) {
        const row = template.cloneNode(true) as Element;
        row.id = `17623401${String(i).padStart(2, '0')}.000100`;
        row.setAttribute('data-streamed', '');
        const sender = row.querySelector('[data-message-sender]') as Element;
        sender.setAttribute('data-message-sender', 'U0LUKASZ02');
        sender.textContent = 'Łukasz Żółć';
        list.append(row);
      }
    });
    await expect.poll(() => count('known', 'Łukasz Żółć')).toBe(11);

    await slack.evaluate(() => document.querySelectorAll('[data-streamed]').forEach((row) => row.remove()));
    await expect.poll(() => count('known', 'Łukasz Żółć')).toBe(1);

    // A virtual list reuses the first row's node for another message by Łukasz.
    await slack.evaluate(() => {
      const row = document.querySelector('[id="1762340000.000100"]') as Element;
      row.id = '1762349999.000900';
      const sender = row.querySelector('[data-message-sender]') as Element;
      sender.setAttribute('data-message-sender', 'U0LUKASZ02');
      sender.textContent = 'Łukasz Żółć';
    });
    await expect.poll(() => count('known', 'Łukasz Żółć')).toBe(2);
    await expect.poll(() => count('noted', 'Grace Hopper')).toBe(2);
    const recycled = await slack.evaluate(() => {
      const rect = document.querySelector('[id="1762349999.000900"] [data-message-sender]')!.getBoundingClientRect();
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await slack.mouse.move(recycled.x + 1, recycled.y);
    await slack.mouse.move(recycled.x, recycled.y);
    const card = await cardFrame(slack);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Łukasz Żółć');
    await slack.close();
  });

  it('opens the card from the keyboard and Escape closes it', async () => {
    const slack = await hallway.context.newPage();
    await slack.goto(DEMO_PAGES.find((p) => p.name === 'Slack')!.url);
    await expect.poll(() => marked(slack, 'noted')).toContain('Grace Hopper');
    await slack.locator('[data-message-sender="U0GRACE001"]').first().focus();
    await slack.keyboard.press('Alt+Shift+H');
    const card = await cardFrame(slack);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    await expect.poll(() => visibleCards(slack)).toBe(1);
    await card.getByTestId('card-quick-note').focus();
    await slack.keyboard.press('Escape');
    await expect.poll(() => visibleCards(slack)).toBe(0);
    // Focus returns to the name the card was opened from.
    expect(await slack.evaluate(() => document.activeElement?.getAttribute('data-message-sender'))).toBe('U0GRACE001');
    await slack.close();
  });

  it('works for Google Chat inside Gmail, as a frame and at mail.google.com/chat', async () => {
    await hallway.serve('https://mail.google.com/mail/u/2/**', '<!doctype html><title>Inbox</title><h1>Inbox</h1><iframe src="https://chat.google.com/u/0/frame" width="600" height="400"></iframe>');
    await hallway.serve('https://chat.google.com/u/0/**', fixture('google-chat/space-skeleton.html'));
    const gmail = await hallway.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/2/#inbox');
    const chat = gmail.frames().find((f) => f.url().startsWith('https://chat.google.com/')) as Frame;
    expect(chat).toBeTruthy();
    await expect.poll(() => marked(chat, 'noted')).toContain('Ada Lovelace');
    const popup = await hallway.openPopup(gmail);
    await expect.poll(() => popup.getByTestId('page-people').getByTestId('person').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Grace Hopper'), expect.stringContaining('Ada Lovelace')]),
    );
    await popup.close();

    await hallway.serve('https://mail.google.com/chat/**', fixture('google-chat/gmail-chat-frame.html'));
    const chatInGmail = await hallway.context.newPage();
    await chatInGmail.goto('https://mail.google.com/chat/u/0/#chat/dm/AAAAdmAda');
    await expect.poll(() => marked(chatInGmail, 'noted')).toContain('Ada Lovelace');
    await chatInGmail.close();
    await gmail.close();
  });

  it('privacy mode hides every marker and card at once, and brings them back when switched off', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    const popup = await hallway.openPopup(gmail);
    await popup.getByTestId('privacy-mode').check();
    await expect.poll(() => markedTexts(gmail)).toEqual([]);
    // A hover opens nothing while it is on.
    await gmail.mouse.move(12, 100);
    await gmail.mouse.move(14, 100);
    await gmail.waitForTimeout(500);
    expect(gmail.frames().some((f) => f.url().includes('/src/hovercard/') && f.isDetached() === false)).toBe(false);
    // It stays on for pages opened later.
    const later = await hallway.context.newPage();
    await later.goto(DEMO_PAGES[0]!.url);
    await later.waitForTimeout(500);
    expect(await marked(later, 'noted')).toEqual([]);
    await popup.getByTestId('privacy-mode').uncheck();
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    await expect.poll(() => marked(later, 'noted')).toContain('Grace Hopper');
    await popup.close();
    await later.close();
    await gmail.close();
  });

  it('pairs each card with its own frame when Gmail holds a Chat frame', async () => {
    await hallway.serve(
      'https://mail.google.com/mail/u/3/**',
      '<!doctype html><title>Inbox</title><h1>Inbox</h1><p>From <a href="mailto:ada@example.com">Ada Lovelace</a></p><iframe src="https://chat.google.com/u/1/frame" width="600" height="300"></iframe>',
    );
    await hallway.serve('https://chat.google.com/u/1/**', fixture('google-chat/space-skeleton.html'));
    const gmail = await hallway.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/3/#inbox');
    const chat = gmail.frames().find((f) => f.url().startsWith('https://chat.google.com/')) as Frame;
    await expect.poll(async () => (await marked(chat, 'noted')).length).toBeGreaterThan(0);
    await expect.poll(() => marked(gmail, 'noted')).toContain('Ada Lovelace');

    // First a card inside the Chat frame, for Grace.
    const inChat = (await markers(chat)).find((marker) => marker.text.includes('Grace Hopper'))!;
    const frameBox = (await (await chat.frameElement()).boundingBox())!;
    await gmail.mouse.move(frameBox.x + inChat.x + 1, frameBox.y + inChat.y);
    await gmail.mouse.move(frameBox.x + inChat.x, frameBox.y + inChat.y);
    await expect.poll(() => chat.childFrames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
    const chatCard = chat.childFrames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
    await expect.poll(() => chatCard.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    await gmail.mouse.move(5, 5);

    // Then one in Gmail itself, for Ada: it lands in Gmail's own card, not in the Chat frame's.
    await hover(gmail, 'Ada Lovelace');
    await expect.poll(() => gmail.mainFrame().childFrames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
    const gmailCard = gmail.mainFrame().childFrames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
    await expect.poll(() => gmailCard.getByTestId('card-name').textContent()).toContain('Ada Lovelace');
    await expect.poll(() => chatCard.getByTestId('card-name').count()).toBe(0);
    await gmail.close();
  });

  it("follows the site's dark theme", async () => {
    await hallway.serve('https://mail.google.com/mail/u/4/**', fixture('gmail/thread-skeleton.html').replace('<head>', '<head><style>body{background:#1f1f1f;color:#ddd}</style>'));
    const gmail = await hallway.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/4/#inbox/FMfcgzQbdrLwnnFhXqZcSHQHtjKVQbGg');
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    await hover(gmail, 'Grace Hopper');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Grace Hopper');
    const background = await card.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r = 255, g = 255, b = 255] = background.match(/\d+/gu)?.map(Number) ?? [];
    expect((r + g + b) / 3).toBeLessThan(80);
    await gmail.close();
  });
});

