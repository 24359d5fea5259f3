import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, adapterForSite, genericAdapter, sniffAdapter } from '../../../../src/content/adapters/index';
import { fixtureFiles, loadFixture } from './fixtures';

describe('adapterFor', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxHjLkWvTqXpDcMhVbNsT', 'gmail'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAA1', 'google-chat'],
    ['https://chat.google.com/u/0/app/chat/AAAA1', 'google-chat'],
    ['https://outlook.office.com/mail/inbox/id/AAMk', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://app.slack.com/client/T1/C1', 'slack'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.cloud.microsoft/', 'teams'],
  ])('%s → %s', (url, site) => {
    expect(adapterFor(new URL(url))?.site).toBe(site);
  });

  it('returns null for other sites; the generic adapter is not in the list', () => {
    expect(adapterFor(new URL('https://example.com/'))).toBeNull();
    expect(adapterFor(new URL('https://google.com/mail'))).toBeNull();
    expect(ADAPTERS).not.toContain(genericAdapter);
    expect(ADAPTERS.map((adapter) => adapter.site).sort()).toEqual(['gmail', 'google-chat', 'outlook', 'slack', 'teams']);
  });

  it('maps site names to adapters', () => {
    expect(adapterForSite('generic')).toBe(genericAdapter);
    expect(adapterForSite('teams').site).toBe('teams');
  });
});

describe('sniffAdapter', () => {
  it.each([
    ['gmail/thread-skeleton.html', 'gmail'],
    ['gmail/collapsed-thread-de.html', 'gmail'],
    ['outlook/reading-pane-skeleton.html', 'outlook'],
    ['outlook/reading-pane-de.html', 'outlook'],
    ['slack/iulspop-valid-post.html', 'slack'],
    ['slack/thread-pane-hand.html', 'slack'],
    ['teams/chat-skeleton.html', 'teams'],
    ['teams/grouped-messages-ja.html', 'teams'],
    ['google-chat/space-skeleton.html', 'google-chat'],
    ['google-chat/gmail-chat-frame.html', 'google-chat'],
  ])('%s looks like %s', (file, site) => {
    expect(sniffAdapter(loadFixture(file, 'https://example.invalid/').doc)?.site).toBe(site);
  });

  it('recognises nothing on a plain page', () => {
    expect(sniffAdapter(loadFixture('generic/mailto-skeleton.html', 'https://example.invalid/').doc)).toBeNull();
  });
});

/** Every selector an adapter holds must match something in that site's fixtures, or it is untested. */
describe('selector coverage', () => {
  for (const { site, selectors: table } of ADAPTERS) {
    const docs = fixtureFiles(site).map((file) => loadFixture(file, 'https://example.invalid/').doc);
    for (const [name, selectors] of Object.entries(table)) {
      for (const selector of selectors as readonly string[]) {
        // Attribute-name lists (not selectors) are checked as `[name]`.
        const query = /^[a-z-]+$/u.test(selector) && !['form', 'input', 'pre', 'code'].includes(selector) ? `[${selector}]` : selector;
        it(`${site} ${name}: ${selector}`, () => {
          expect(docs.some((doc) => doc.querySelector(query) !== null)).toBe(true);
        });
      }
    }
  }
});

describe('page strings past the protocol limits', () => {
  it('cuts names and drops addresses or ids too long to be real', async () => {
    const { identity } = await import('../../../../src/content/adapters/dom');
    const { LIMITS } = await import('../../../../src/shared/limits');
    const found = identity({ name: `Dana ${'x'.repeat(500)}`, email: `${'a'.repeat(400)}@example.com`, siteId: { site: 'slack', id: 'U'.repeat(300) } });
    expect(found.name?.length).toBe(LIMITS.name);
    expect(found.email).toBeUndefined();
    expect(found.siteId).toBeUndefined();
  });
});
