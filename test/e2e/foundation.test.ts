/**
 * The foundation, through the real UI of the built extension: the people page, the popup over a
 * Gmail page served at its real URL, backup export and import.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, fixture, launch, type Hallway } from './harness';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrLwnnFhXqZcSHQHtjKVQbGg';


async function openGmail(hallway: Hallway): Promise<Page> {
  await hallway.serve('https://mail.google.com/**', fixture('gmail/thread-skeleton.html'));
  const page = await hallway.context.newPage();
  await page.goto(GMAIL_URL);
  return page;
}

async function exportedData(page: Page): Promise<unknown> {
  const backup = await call<{ exportedAt: string }>(page, 'backup.export', {});
  return { ...backup, exportedAt: null };
}

describe('Hallway foundation, in Chromium', () => {
  let hallway: Hallway;
  const workerErrors: string[] = [];

  beforeEach(async () => {
    hallway = await launch();
    workerErrors.length = 0;
    hallway.worker.on('console', (message) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });
  });

  afterEach(async () => {
    await hallway.close();
  });

  it('shows a person and note made in the people page in the popup over a Gmail thread', async () => {
    const people = await hallway.openPage('src/options/index.html');
    await people.getByTestId('add-person').first().click();
    await people.getByTestId('field-name').fill('Ada Lovelace');
    await people.getByTestId('field-emails').fill('Ada@Example.com');
    await people.getByTestId('field-team').fill('Analytics');
    await people.getByTestId('field-ask-about').fill('Kubernetes, difference engines');
    await people.getByTestId('save-person').click();
    await expect.poll(() => people.getByTestId('person-row').filter({ hasText: 'Ada Lovelace' }).count()).toBe(1);
    await people.getByTestId('note-input').fill('Back from leave in March; loves talking about Babbage.');
    await people.getByTestId('add-note').click();
    await expect.poll(() => people.getByTestId('note').first().textContent()).toContain('Back from leave in March');

    const gmail = await openGmail(hallway);
    const popup = await hallway.openPopup(gmail);
    const ada = popup.getByTestId('page-people').getByTestId('person').filter({ hasText: 'Ada Lovelace' });
    await expect.poll(() => ada.count()).toBe(1);
    expect(await ada.getByTestId('latest-note').textContent()).toContain('Back from leave in March');
    // Grace is on the page but not in Hallway yet: offered to add, with no notes.
    const grace = popup.getByTestId('unknown-person').filter({ hasText: 'grace@example.com' });
    await expect.poll(() => grace.count()).toBeGreaterThan(0);

    // Search across everyone by topic.
    await popup.getByTestId('popup-search').fill('who knows about kubernetes?');
    await expect.poll(() => popup.getByTestId('search-results').getByTestId('person').allTextContents()).toEqual([
      expect.stringContaining('Ada Lovelace'),
    ]);
    expect(workerErrors).toEqual([]);
  });

  it('adds a note from the popup in two keystrokes and adds an unknown person from the page', async () => {
    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'people.create', { displayName: 'Ada Lovelace', emails: ['ada@example.com'] });
    const gmail = await openGmail(hallway);
    const popup = await hallway.openPopup(gmail);
    await expect.poll(() => popup.getByTestId('person').count()).toBeGreaterThan(0);

    // The search box has focus when the popup opens; Enter starts a note on the selected person.
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Owes me a review of the Q3 plan');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('latest-note').first().textContent()).toContain('Owes me a review of the Q3 plan');

    const grace = popup.getByTestId('unknown-person').filter({ hasText: 'grace@example.com' }).first();
    await grace.getByTestId('add-person').click();
    await expect.poll(() => popup.getByTestId('person').filter({ hasText: 'grace@example.com' }).count()).toBe(0);
    const list = await call<{ people: { displayName: string; emails: string[] }[] }>(people, 'people.list', {});
    expect(list.people.map((p) => p.emails).flat().sort()).toEqual(['ada@example.com', 'grace@example.com']);
  });

  it('tells the user what to do on a page Hallway does not run on, and can be switched off per site', async () => {
    await hallway.serve('https://example.org/**', '<!doctype html><title>Elsewhere</title><p>Hello <a href="mailto:ada@example.com">Ada</a></p>');
    const other = await hallway.context.newPage();
    await other.goto('https://example.org/');
    const popup = await hallway.openPopup(other);
    await expect.poll(() => popup.getByTestId('popup-empty').textContent()).toContain('Hallway keeps private notes');

    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'people.create', { displayName: 'Ada Lovelace', emails: ['ada@example.com'] });
    await popup.reload();
    await expect.poll(() => popup.getByTestId('popup-empty').textContent()).toContain('works in Gmail, Outlook, Slack, Teams and Google Chat');

    const gmail = await openGmail(hallway);
    const overGmail = await hallway.openPopup(gmail);
    await expect.poll(() => overGmail.getByTestId('person').count()).toBe(1);
    await overGmail.getByTestId('site-toggle').uncheck();
    await expect.poll(() => overGmail.getByTestId('popup-empty').textContent()).toContain('switched off on mail.google.com');
    expect(await overGmail.getByTestId('person').count()).toBe(0);
  });

  it('exports a backup and imports it into an empty profile with identical data', async () => {
    const people = await hallway.openPage('src/options/index.html');
    const ada = await call<{ id: string }>(people, 'people.create', { displayName: 'Ada Lovelace', emails: ['ada@example.com'], team: 'Analytics' });
    await call(people, 'notes.add', { personId: ada.id, text: 'Prefers calls before 10.' });
    await call(people, 'interactions.add', { personId: ada.id, kind: 'in-person', at: '2026-11-02T10:00:00.000Z', summary: 'Coffee' });
    await call(people, 'favours.add', { personId: ada.id, direction: 'asked', effort: 'medium', what: 'Reviewed my design doc' });
    await people.reload();

    const download = people.waitForEvent('download');
    await people.getByTestId('export').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    const before = await exportedData(people);
    expect(JSON.parse(text)).toMatchObject({ format: 'hallway-backup', version: 1 });

    const fresh = await launch();
    try {
      const freshPage = await fresh.openPage('src/options/index.html');
      await freshPage.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      if (await freshPage.getByTestId('import-run').count()) await freshPage.getByTestId('import-run').click();
      await expect.poll(() => freshPage.getByTestId('import-result').textContent()).toMatch(/1 person|Imported/iu);
      expect(await exportedData(freshPage)).toEqual(before);
      await expect.poll(() => freshPage.getByTestId('person-row').filter({ hasText: 'Ada Lovelace' }).count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a broken backup with a readable reason and loses nothing', async () => {
    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'people.create', { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await people.reload();
    const before = await exportedData(people);

    const broken = {
      format: 'hallway-backup',
      version: 1,
      exportedAt: '2026-11-29T10:00:00.000Z',
      people: [
        {
          id: 'p1', displayName: 'Ada Lovelace', emails: ['not an address'], siteIds: [], team: '', role: '', teamHistory: [],
          tags: [], askAbout: [], personal: '', howWeMet: '', cadenceDays: null,
          createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      notes: [],
      interactions: [],
      favours: [],
      threads: [],
    };
    await people.getByTestId('import-mode-replace').check();
    await people.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    if (await people.getByTestId('import-run').count()) await people.getByTestId('import-run').click();
    await expect.poll(() => people.getByTestId('import-result').textContent()).toContain('people[0].emails[0]');
    expect(await people.getByTestId('import-result').textContent()).toMatch(/nothing was changed/iu);
    expect(await exportedData(people)).toEqual(before);

    await people.getByTestId('import-file').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "hallway-backup", ') });
    if (await people.getByTestId('import-run').count()) await people.getByTestId('import-run').click();
    await expect.poll(() => people.getByTestId('import-result').textContent()).toMatch(/not valid JSON/iu);
    expect(await exportedData(people)).toEqual(before);

    // Nested far deeper than any backup, as a file built to break the message channel is.
    for (const depth of [5000, 100_000]) {
      const deep = `{"format":"hallway-backup","version":1,"people":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      await people.getByTestId('import-file').setInputFiles({ name: `deep-${depth}.json`, mimeType: 'application/json', buffer: Buffer.from(deep) });
      if (await people.getByTestId('import-run').count()) await people.getByTestId('import-run').click();
      await expect.poll(() => people.getByTestId('import-result').textContent()).toMatch(/not a Hallway backup: it nests more than \d+ levels deep/iu);
      expect(await people.getByTestId('import-result').textContent()).not.toMatch(/serialize/iu);
    }
    expect(await exportedData(people)).toEqual(before);
    expect(await people.getByTestId('person-row').filter({ hasText: 'Grace Hopper' }).count()).toBe(1);
  });

  it('opens someone with 45 notes at their newest 20, and shows older ones on request', async () => {
    const people = await hallway.openPage('src/options/index.html');
    const ada = await call<{ id: string }>(people, 'people.create', { displayName: 'Ada Many-Notes', emails: ['ada.notes@example.com'] });
    for (let i = 1; i <= 45; i += 1) await call(people, 'notes.add', { personId: ada.id, text: `Note number ${i}` });
    await people.reload();
    await people.getByTestId('person-row').filter({ hasText: 'Ada Many-Notes' }).click();
    const notes = people.getByTestId('note');
    await expect.poll(() => notes.count()).toBe(20);
    expect(await notes.first().textContent()).toContain('Note number 45');
    await people.getByTestId('notes-show-older').click();
    await expect.poll(() => notes.count()).toBe(40);
    expect(await people.getByTestId('notes-show-older').textContent()).toContain('Show 5 older notes');
    await people.getByTestId('notes-show-older').click();
    await expect.poll(() => notes.count()).toBe(45);
    expect(await notes.last().textContent()).toContain('Note number 1');
    expect(await people.getByTestId('notes-show-older').count()).toBe(0);
    await people.close();
  });

  it('deletes a person with undo', async () => {
    const people = await hallway.openPage('src/options/index.html');
    const grace = await call<{ id: string }>(people, 'people.create', { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await call(people, 'notes.add', { personId: grace.id, text: 'Nanoseconds are 30 cm long.' });
    await people.reload();
    await people.getByTestId('person-row').filter({ hasText: 'Grace Hopper' }).click();
    people.on('dialog', (dialog) => void dialog.accept());
    await people.getByTestId('delete-person').click();
    await expect.poll(() => people.getByTestId('person-row').filter({ hasText: 'Grace Hopper' }).count()).toBe(0);
    await people.getByTestId('undo').click();
    await expect.poll(() => people.getByTestId('person-row').filter({ hasText: 'Grace Hopper' }).count()).toBe(1);
    const detail = await call<{ notes: { text: string }[] }>(people, 'people.get', { id: grace.id });
    expect(detail.notes.map((n) => n.text)).toEqual(['Nanoseconds are 30 cm long.']);
  });
});
