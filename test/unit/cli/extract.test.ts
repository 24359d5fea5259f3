import { describe, expect, it } from 'vitest';
import { ExtractError, describeElement, extract } from '../../../src/cli/extract';
import { FIXTURES_DIR, fixtureFiles, fixtureHtml, parseHtml } from '../content/adapters/fixtures';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The page URL each fixture stands for. */
const URLS: Record<string, string> = {
  'gmail/thread-skeleton.html': 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxHjLkWvTqXpDcMhVbNsT',
  'gmail/collapsed-thread-de.html': 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxHjLkWvTqXpDcMhVbNsU',
  'outlook/reading-pane-skeleton.html': 'https://outlook.office.com/mail/inbox',
  'outlook/reading-pane-de.html': 'https://outlook.office.com/mail/inbox',
  'outlook/single-item-hand.html': 'https://outlook.live.com/mail/0/inbox/id/AAMkSINGLE%3D',
  'slack/iulspop-valid-post.html': 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8',
  'slack/iulspop-valid-thread.html': 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8',
  'slack/iulspop-invalid-post-1.html': 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8',
  'slack/iulspop-valid-date-divider-line.html': 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8',
  'slack/iulspop-date-post-thread-elements.html': 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8',
  'slack/thread-pane-hand.html': 'https://app.slack.com/client/T0ACME/C0PLAN0001',
  'slack/sour-thread-hand.html': 'https://app.slack.com/client/T0DEMO0001/C0BUDGET01',
  'slack/channel-grouped-hand.html': 'https://app.slack.com/client/T0ACME',
  'teams/chat-skeleton.html': 'https://teams.microsoft.com/l/chat/19:grace_ada@unq.gbl.spaces/conversations',
  'teams/grouped-messages-ja.html': 'https://teams.microsoft.com/v2/',
  'teams/channel-post-hand.html': 'https://teams.microsoft.com/l/message/19:abc123@thread.tacv2/1762340000000',
  'google-chat/space-skeleton.html': 'https://chat.google.com/u/0/app/home',
  'google-chat/gmail-chat-frame.html': 'https://mail.google.com/chat/u/0/#chat/dm/DMabc123',
  'generic/mailto-skeleton.html': 'https://intranet.example.com/people',
};

/** What each fixture must yield: site, number of people, thread key and message count, compose boxes. */
const EXPECTED: Record<string, [site: string, people: number, threadKey: string | null, messages: number, compose: number]> = {
  'gmail/thread-skeleton.html': ['gmail', 8, 'gmail:18fa0000000000a1', 2, 1],
  'gmail/collapsed-thread-de.html': ['gmail', 5, 'gmail:thread-f:1800000000000000777', 3, 1],
  'outlook/reading-pane-skeleton.html': ['outlook', 5, 'outlook:AAQkAGI2TESTCONVID0001', 2, 1],
  'outlook/reading-pane-de.html': ['outlook', 3, 'outlook:AAQkDECONV0002', 2, 1],
  'outlook/single-item-hand.html': ['outlook', 2, 'outlook:AAMkSINGLE=', 1, 0],
  'slack/iulspop-valid-post.html': ['slack', 1, 'slack:C02LL6MHBH8', 1, 0],
  'slack/iulspop-valid-thread.html': ['slack', 2, 'slack:C02LL6MHBH8:1636412095.010100', 2, 1],
  'slack/iulspop-invalid-post-1.html': ['slack', 1, null, 0, 0],
  'slack/iulspop-valid-date-divider-line.html': ['slack', 0, null, 0, 0],
  'slack/iulspop-date-post-thread-elements.html': ['slack', 0, null, 0, 0],
  'slack/thread-pane-hand.html': ['slack', 4, 'slack:C0PLAN0001:1762340000.000100', 3, 1],
  'slack/sour-thread-hand.html': ['slack', 6, 'slack:C0BUDGET01:1762340000.000100', 6, 1],
  'slack/channel-grouped-hand.html': ['slack', 3, 'slack:C0GENERAL9', 2, 1],
  'teams/chat-skeleton.html': ['teams', 1, 'teams:19:grace_ada@unq.gbl.spaces', 2, 1],
  'teams/grouped-messages-ja.html': ['teams', 2, 'teams:19:planning0001@thread.v2', 4, 1],
  'teams/channel-post-hand.html': ['teams', 1, 'teams:19:abc123@thread.tacv2', 1, 0],
  'google-chat/space-skeleton.html': ['google-chat', 2, 'google-chat:space/AAAAtestSpace', 2, 1],
  'google-chat/gmail-chat-frame.html': ['google-chat', 3, 'google-chat:dm/DMabc123', 3, 1],
  'generic/mailto-skeleton.html': ['generic', 8, null, 0, 0],
};

const ALL_FIXTURES = ['gmail', 'outlook', 'slack', 'teams', 'google-chat', 'generic'].flatMap(fixtureFiles);

describe('extract on every fixture', () => {
  it('has an expectation for every fixture', () => {
    expect(ALL_FIXTURES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ALL_FIXTURES)('%s', (file) => {
    const result = extract(fixtureHtml(file), { url: URLS[file] });
    const [site, peopleCount, key, messageCount, compose] = EXPECTED[file] ?? [];
    expect(result.site).toBe(site);
    expect(result.url).toBe(URLS[file]);
    expect(result.people).toHaveLength(peopleCount ?? -1);
    expect(result.thread?.key ?? null).toBe(key);
    expect(result.thread?.messages.length ?? 0).toBe(messageCount);
    expect(result.composeBoxes).toBe(compose);
    for (const person of result.people) expect(person.where).not.toBe('');
    // The output is plain data, ready for JSON.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('finds the site by sniffing the DOM when neither site nor URL is given', () => {
    for (const file of ALL_FIXTURES) {
      const sniffed = extract(fixtureHtml(file)).site;
      const expected = EXPECTED[file]?.[0];
      // The two Slack captures without any message row carry nothing to recognise.
      if (file.includes('date-divider') || file.includes('date-post-thread')) continue;
      expect(sniffed, file).toBe(expected);
    }
  });
});

describe('extract details', () => {
  it('prints a whole Gmail thread', () => {
    const result = extract(fixtureHtml('gmail/thread-skeleton.html'), { site: 'gmail', url: URLS['gmail/thread-skeleton.html'] });
    expect(result.people[0]).toEqual({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      siteId: null,
      role: 'sender',
      where: 'tr > td.gF.gK > span[role="gridcell"].gD',
    });
    expect(result.thread?.messages[1]).toEqual({
      id: '18fa0000000000a2',
      author: { name: 'Ada Lovelace', email: 'ada@example.com', siteId: null },
      at: null,
      text: 'Thanks Grace, I disagree with point 2 but happy to talk.\nlegal@example.com should review.',
    });
  });

  it('uses --site over the URL and marks own messages', () => {
    const result = extract(fixtureHtml('teams/grouped-messages-ja.html'), { site: 'teams' });
    expect(result.url).toBe('https://teams.microsoft.com/v2/');
    expect(result.thread?.messages.map((m) => m.isOwn ?? false)).toEqual([false, false, true, true]);
    expect(result.people.map((p) => p.siteId)).toEqual(['teams:00000000-0000-0000-0000-000000000b0b', 'teams:00000000-0000-0000-0000-00000000c0de']);
  });

  it('runs only the generic adapter for --site generic', () => {
    const result = extract(fixtureHtml('gmail/thread-skeleton.html'), { site: 'generic' });
    expect(result.site).toBe('generic');
    expect(result.thread).toBeNull();
    expect(result.people.map((p) => p.role)).toEqual(['mailto', 'text', 'text']);
  });

  it('rejects an unknown site and a bad URL', () => {
    expect(() => extract('<p></p>', { site: 'myspace' })).toThrow(ExtractError);
    expect(() => extract('<p></p>', { site: 'myspace' })).toThrow(/Unknown site "myspace"/u);
    expect(() => extract('<p></p>', { url: 'not a url' })).toThrow(/Not a URL/u);
  });

  it('describes elements by tag, id or data hook, and classes', () => {
    const doc = parseHtml('<div data-qa="list"><p class="a b c"><span id="x1">x</span></p></div>');
    const span = doc.querySelector('span');
    expect(span && describeElement(span)).toBe('div[data-qa="list"] > p.a.b > span#x1');
  });
});

describe('extract command line', () => {
  const cli = join(FIXTURES_DIR, '../../src/cli/extract.ts');
  const tsx = join(FIXTURES_DIR, '../../node_modules/.bin/tsx');

  it('prints JSON for a page', () => {
    const out = execFileSync(tsx, [cli, join(FIXTURES_DIR, 'slack/iulspop-valid-thread.html'), '--url', URLS['slack/iulspop-valid-thread.html'] ?? ''], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as { site: string; thread: { key: string } };
    expect(result.site).toBe('slack');
    expect(result.thread.key).toBe('slack:C02LL6MHBH8:1636412095.010100');
  }, 30_000);

  it('fails with a clear message and exit code 1 for a missing file or an unknown site', () => {
    const missing = spawnSync(tsx, [cli, join(FIXTURES_DIR, 'nope.html')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.html: no such file/u);
    const unknown = spawnSync(tsx, [cli, join(FIXTURES_DIR, 'generic/mailto-skeleton.html'), '--site=myspace'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown site "myspace"/u);
    const usage = spawnSync(tsx, [cli], { encoding: 'utf8' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/Usage/u);
  }, 30_000);
});
