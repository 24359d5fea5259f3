/**
 * One person everywhere: a colleague added on Gmail by address is offered on Slack and Teams under
 * her own id there, linked with one click, and from then on known on every tab; "Not them" stops
 * the question for that id.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { call, fixture, launch, serveDemoPages, type Hallway } from './harness';
import { cardFrame, hover, marked } from './page-marks';

const url = (name: string): string => DEMO_PAGES.find((p) => p.name === name)!.url;

describe('one person everywhere, in Chromium', () => {
  let hallway: Hallway;
  let people: Page;

  beforeAll(async () => {
    hallway = await launch();
    await serveDemoPages(hallway);
    people = await hallway.openPage('src/options/index.html');
    // Grace as a user adds her from a Gmail card: her address only, and a note.
    const grace = await call<{ id: string }>(people, 'people.create', { displayName: 'Grace Hopper', team: 'Platform', emails: ['grace@example.com'] });
    await call(people, 'notes.add', { personId: grace.id, text: 'Prefers a call to long threads.' });
  });

  afterAll(async () => {
    await hallway?.close();
  });

  for (const site of ['Slack', 'Teams']) {
    it(`offers Grace on ${site} under its own id, links her with one click, and shows her notes`, async () => {
      const page = await hallway.context.newPage();
      await page.goto(url(site));
      // Her id there is new to Hallway; only the name matches, so it is a question, not a match.
      await expect.poll(() => marked(page, 'uncertain')).toContain('Grace Hopper');
      expect(await marked(page, 'noted')).not.toContain('Grace Hopper');
      await hover(page, 'Grace Hopper');
      const card = await cardFrame(page);
      await expect.poll(() => card.getByTestId('card-question').textContent()).toMatch(/Is this Grace Hopper \(Platform\)\?/u);
      expect(await card.getByTestId('card-evidence').textContent()).toMatch(/isn't linked to anyone in Hallway yet/u);
      // Nothing private before the answer.
      expect(await card.getByTestId('card-note').count()).toBe(0);
      await card.getByTestId('card-confirm').click();
      await expect.poll(() => card.locator('body').textContent()).toContain('Prefers a call to long threads.');
      // Every marker for that id is hers now, and a fresh tab knows it too.
      await expect.poll(() => marked(page, 'noted')).toContain('Grace Hopper');
      const again = await hallway.context.newPage();
      await again.goto(url(site));
      await expect.poll(() => marked(again, 'noted')).toContain('Grace Hopper');
      expect(await marked(again, 'uncertain')).not.toContain('Grace Hopper');
      await again.close();
      await page.close();
    });
  }

  it('knows Grace on Google Chat at once, where the page shows her address beside her id', async () => {
    const chat = await hallway.context.newPage();
    await chat.goto(url('Google Chat'));
    await expect.poll(() => marked(chat, 'noted')).toContain('Grace Hopper');
    expect(await marked(chat, 'uncertain')).not.toContain('Grace Hopper');
    await chat.close();
  });

  it('the linked ids are on her record', async () => {
    const list = await call<{ people: Array<{ id: string; displayName: string }> }>(people, 'people.list', { query: 'grace' });
    expect(list.people.map((p) => p.displayName)).toEqual(['Grace Hopper']);
    const detail = await call<{ person: { siteIds: Array<{ site: string; id: string }>; emails: string[] } }>(people, 'people.get', { id: list.people[0]!.id });
    expect(detail.person.emails).toEqual(['grace@example.com']);
    expect(detail.person.siteIds.map((s) => s.site).sort()).toEqual(['slack', 'teams']);
  });

  it('remembers "Not them" for that id, on every tab', async () => {
    // Łukasz is in Hallway by address; the Łukasz on this Slack is someone else.
    await call(people, 'people.create', { displayName: 'Łukasz Żółć', emails: ['lukasz@example.com'] });
    const slack = await hallway.context.newPage();
    await slack.goto(url('Slack'));
    await expect.poll(() => marked(slack, 'uncertain')).toContain('Łukasz Żółć');
    // Markers repaint once when the directory changes under an open page; hover whichever is there.
    await expect.poll(() => hover(slack, 'Łukasz Żółć').then(() => true, () => false)).toBe(true);
    const card = await cardFrame(slack);
    await expect.poll(() => card.getByTestId('card-reject').count()).toBe(1);
    await card.getByTestId('card-reject').click();
    // The card turns to "not in Hallway yet", and the marker follows.
    await expect.poll(() => card.getByTestId('card-unknown').count()).toBe(1);
    await expect.poll(() => marked(slack, 'unknown')).toContain('Łukasz Żółć');
    const again = await hallway.context.newPage();
    await again.goto(url('Slack'));
    await expect.poll(() => marked(again, 'unknown')).toContain('Łukasz Żółć');
    expect(await marked(again, 'uncertain')).not.toContain('Łukasz Żółć');
    await again.close();
    await slack.close();
  });

  it('refuses a second record with an address someone has, and opens the one who has it', async () => {
    const page = await hallway.openPage('src/options/index.html');
    await page.getByTestId('add-person').first().click();
    await page.getByTestId('field-name').fill('G. Hopper');
    await page.getByTestId('field-emails').fill('Grace@Example.com');
    await page.getByTestId('save-person').click();
    await expect.poll(() => page.getByTestId('editor-error').textContent()).toContain('grace@example.com already belongs to Grace Hopper');
    await page.getByTestId('editor-open-owner').click();
    await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe('Grace Hopper');
    // Nothing half-made was left behind.
    const list = await call<{ people: Array<{ displayName: string }> }>(page, 'people.list', { query: 'hopper' });
    expect(list.people.map((p) => p.displayName)).toEqual(['Grace Hopper']);
    await page.close();
  });

  it("knows the user from Gmail's own chip: not marked, not listed, and kept under \"These are me\"", async () => {
    await hallway.serve('https://mail.google.com/mail/u/3/**', fixture('gmail/collapsed-thread-de.html'));
    const gmail = await hallway.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/3/#inbox/FMfcgzQbdrLwnnFhXqZcSHQHtjKVQbGg');
    // Grace is known by her address; the user (the "mich" chip, Ørjan) is nobody to mark.
    // The German page shows her by first name.
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace');
    const everyMark = async () => [...(await marked(gmail, 'unknown')), ...(await marked(gmail, 'known')), ...(await marked(gmail, 'uncertain'))];
    await expect.poll(async () => (await everyMark()).join(' ')).not.toMatch(/Ørjan|mich/u);
    const popup = await hallway.openPopup(gmail);
    await expect.poll(() => popup.getByTestId('page-people').textContent()).toContain('Grace Hopper');
    expect(await popup.getByTestId('page-people').textContent()).not.toContain('orjan@example.com');
    const settings = await hallway.openPage('src/options/index.html#settings');
    await expect.poll(() => settings.getByTestId('me-list').textContent()).toContain('orjan@example.com');
    await Promise.all([popup.close(), settings.close(), gmail.close()]);
  });

  it('shows which record is which before a merge: team, addresses and notes side by side', async () => {
    const other = await call<{ id: string }>(people, 'people.create', { displayName: 'Grace Hopper', team: 'Sales', emails: ['ghopper@home.example'] });
    await call(people, 'notes.add', { personId: other.id, text: 'Sails.' });
    const page = await hallway.openPage('src/options/index.html');
    await page.getByTestId('person-row').filter({ hasText: 'Platform' }).first().click();
    await page.getByTestId('merge').click();
    await page.getByTestId('merge-candidate').filter({ hasText: 'Sales' }).click();
    const table = page.getByTestId('merge-compare');
    await expect.poll(() => table.textContent()).toContain('Platform');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual(['NameGrace HopperGrace Hopper', 'TeamPlatformSales', 'Addressesgrace@example.comghopper@home.example', 'Notes1 note1 note']);
    await page.close();
  });
});

describe('linking from the people page, in Chromium', () => {
  let hallway: Hallway;

  beforeAll(async () => {
    hallway = await launch();
    await serveDemoPages(hallway);
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it("offers the Slack id a page showed under Grace's name, and links it with one click", async () => {
    const people = await hallway.openPage('src/options/index.html');
    const grace = await call<{ id: string }>(people, 'people.create', { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await call(people, 'notes.add', { personId: grace.id, text: 'Prefers mornings.' });
    const slack = await hallway.context.newPage();
    await slack.goto(url('Slack'));
    await expect.poll(() => marked(slack, 'uncertain')).toContain('Grace Hopper');
    await people.goto(`chrome-extension://${hallway.extensionId}/src/options/index.html#person=${grace.id}`);
    const item = people.getByTestId('seen-item').filter({ hasText: 'U0GRACE001' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('app.slack.com');
    await item.getByTestId('seen-link').click();
    await expect.poll(() => people.getByTestId('seen-item').filter({ hasText: 'U0GRACE001' }).count()).toBe(0);
    // The open Slack tab follows without a reload.
    await expect.poll(() => marked(slack, 'noted')).toContain('Grace Hopper');
    await Promise.all([slack.close(), people.close()]);
  });

  it('links the Teams id from her card on Gmail: "Also seen as"', async () => {
    const teams = await hallway.context.newPage();
    await teams.goto(url('Teams'));
    await expect.poll(() => marked(teams, 'uncertain')).toContain('Grace Hopper');
    const gmail = await hallway.context.newPage();
    await gmail.goto(url('Gmail'));
    await expect.poll(() => marked(gmail, 'noted')).toContain('Grace Hopper');
    await expect.poll(() => hover(gmail, 'Grace Hopper').then(() => true, () => false)).toBe(true);
    const card = await cardFrame(gmail);
    const seen = card.getByTestId('card-link-seen');
    await expect.poll(() => seen.count()).toBe(1);
    await seen.locator('summary').click();
    expect(await seen.textContent()).toContain('Teams');
    await seen.getByTestId('card-link-seen-button').click();
    await expect.poll(() => card.getByTestId('card-link-seen').count()).toBe(0);
    await expect.poll(() => marked(teams, 'noted')).toContain('Grace Hopper');
    await Promise.all([teams.close(), gmail.close()]);
  });

  it("learns the user's Teams id from their own messages, and never lists it as a colleague", async () => {
    // A chat open at its own address, so the conversation is read (the demo's bare /v2/ address has none).
    const chat = 'https://teams.microsoft.com/l/chat/19:grace_ada@unq.gbl.spaces/conversations';
    await hallway.serve(`${chat}**`, fixture('teams/chat-skeleton.html'));
    const teams = await hallway.context.newPage();
    await teams.goto(chat);
    const settings = await hallway.openPage('src/options/index.html');
    const ownIds = async () => (await call<{ me?: { siteIds: Array<{ site: string; id: string }> } }>(settings, 'settings.get', {})).me?.siteIds ?? [];
    // The thread is read once the page settles (1.5 s).
    await expect.poll(ownIds, { timeout: 10_000 }).toContainEqual({ site: 'teams', id: '00000000-0000-0000-0000-00000000a11a' });
    const popup = await hallway.openPopup(teams);
    await expect.poll(() => popup.getByTestId('person').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('page-people').textContent()).not.toContain('a11a');
    await Promise.all([teams.close(), settings.close(), popup.close()]);
  });

  it('says before a merge import who in the file is already here, and leaves one record', async () => {
    const page = await hallway.openPage('src/options/index.html#backup');
    const exported = await call<{ people: Array<{ id: string; displayName: string }> }>(page, 'backup.export', {});
    // The same Grace, added on another computer under her own record and id.
    const grace = exported.people.find((p) => p.displayName === 'Grace Hopper')!;
    const laptop = { ...exported, people: [{ ...grace, id: 'laptop-grace', displayName: 'G. Hopper' }], notes: [], interactions: [], favours: [], threads: [] };
    await page.getByTestId('import-file').setInputFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(laptop)) });
    await expect.poll(() => page.getByTestId('import-merge-preview').textContent()).toContain('G. Hopper → Grace Hopper');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-merged').textContent()).toContain('G. Hopper → Grace Hopper');
    const list = await call<{ people: Array<{ displayName: string }> }>(page, 'people.list', { query: 'hopper' });
    expect(list.people.map((p) => p.displayName)).toEqual(['Grace Hopper']);
    await page.close();
  });

  it('does not mark a list address such as team@ as someone to add', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(url('Gmail'));
    const all = async () => [...(await marked(gmail, 'unknown')), ...(await marked(gmail, 'known')), ...(await marked(gmail, 'noted')), ...(await marked(gmail, 'uncertain'))];
    // Everyone else on the page is marked once the lookups are answered; the list address is not.
    await expect.poll(all).toContain('Ada Lovelace');
    expect(await all()).not.toContain('team');
    await gmail.close();
  });
});
