/**
 * Relationship depth through the real UI: interactions logged for the user, the favour ledger from the
 * card to the popup, keep-in-touch reminders, and the picture of the network.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { call, launch, loadSamplePeople, serveDemoPages, type Hallway } from './harness';
import { cardFrame, hover } from './page-marks';


type Detail = { interactions: { kind: string; isAuto: boolean; threadKey?: string }[] };

describe('relationship depth, in Chromium', () => {
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

  it('logs one interaction when the user opens a thread with someone, not one per visit', async () => {
    const slack = DEMO_PAGES.find((p) => p.name === 'Slack')!;
    const autoLogged = async () =>
      (await call<Detail>(people, 'people.get', { id: 'demo-lukasz' })).interactions.filter((i) => i.isAuto);
    for (let visit = 0; visit < 2; visit += 1) {
      const page = await hallway.context.newPage();
      await page.goto(slack.url);
      await expect.poll(async () => (await autoLogged()).length, { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(2000);
      await page.close();
    }
    expect((await autoLogged()).map((i) => [i.kind, i.threadKey])).toEqual([['chat', 'slack:C0PLAN0001:1762340000.000100']]);
  });

  it('a favour logged in the card shows in the popup balance', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    await hover(gmail, 'Ada Lovelace', 'noted');
    const card = await cardFrame(gmail);
    await expect.poll(() => card.getByTestId('card-name').textContent()).toContain('Ada Lovelace');
    await card.getByTestId('card-log-asked').click();
    await card.getByTestId('card-favour-what').fill('Checked my forecast model');
    await card.getByTestId('card-favour-save').click();
    await expect.poll(() => card.getByTestId('card-balance').textContent()).toMatch(/asked them for 1 thing/u);

    const popup = await hallway.openPopup(gmail);
    const ada = popup.getByTestId('person').filter({ hasText: 'Ada Lovelace' });
    await expect.poll(() => ada.textContent()).toMatch(/You asked them for 1 thing since \w+/u);
    await popup.close();
    await gmail.close();
  });

  it('shows a due keep-in-touch reminder, and "we met" clears it', async () => {
    const gmail = await hallway.context.newPage();
    await gmail.goto(DEMO_PAGES[0]!.url);
    const popup = await hallway.openPopup(gmail);
    const grace = popup.getByTestId('reminder').filter({ hasText: 'Grace Hopper' });
    await expect.poll(() => grace.count()).toBe(1);
    expect(await grace.textContent()).toMatch(/Every 30 days/u);
    await grace.getByTestId('reminder-met').click();
    await expect.poll(() => popup.getByTestId('reminder').count()).toBe(0);
    const detail = await call<Detail>(people, 'people.get', { id: 'demo-grace' });
    expect(detail.interactions.filter((i) => i.kind === 'in-person' && !i.isAuto).length).toBe(2);
    await popup.close();
    await gmail.close();
  });

  it('draws the network by team from the sample data, with its thin spots', async () => {
    await people.reload();
    const network = people.getByTestId('network');
    await expect.poll(() => network.getByTestId('network-team').count()).toBeGreaterThanOrEqual(3);
    const teams = await network.getByTestId('network-team').allTextContents();
    for (const team of ['Platform', 'Analytics', 'Finance systems']) expect(teams.join('\n')).toContain(team);
    expect(await network.getByTestId('network-chart').count()).toBe(1);
    // Ada has never been met in person, and the one-person teams are pointed out.
    expect((await network.getByTestId('network-never-met').allTextContents()).join('\n')).toContain('Ada Lovelace');
    expect((await network.getByTestId('network-thin-spot').allTextContents()).join('\n')).toMatch(/Only one person in Analytics: Ada Lovelace/u);
  });

  it('imports people from an Outlook CSV after a preview, skipping a bad row by line number', async () => {
    const csv = [
      'First Name,Last Name,E-mail Address,Department,Job Title,Notes',
      'Radia,Perlman,radia@example.com,Networking,"Architect, routing",Invented the spanning tree',
      ',,,,,',
      'Ben,Chu,not-an-address,Design,Designer,',
    ].join('\r\n');
    await people.getByTestId('contacts-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
    await expect.poll(() => people.getByTestId('contacts-preview').textContent()).toMatch(/Radia Perlman/u);
    expect((await people.getByTestId('contacts-skipped').allTextContents()).join('\n')).toMatch(/[Ll]ine 3/u);
    // Nothing is written before the user confirms.
    expect((await call<{ total: number }>(people, 'people.list', { query: 'radia' })).total).toBe(0);
    await people.getByTestId('contacts-confirm').click();
    await expect.poll(() => people.getByTestId('contacts-result').textContent()).toMatch(/2 people|Added 2/u);
    const radia = await call<{ people: { displayName: string; emails: string[]; team: string; role: string }[] }>(people, 'people.list', { query: 'radia' });
    expect(radia.people.map((p) => [p.displayName, p.emails, p.team, p.role])).toEqual([['Radia Perlman', ['radia@example.com'], 'Networking', 'Architect, routing']]);
  });
});

