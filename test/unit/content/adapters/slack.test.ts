import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/content/adapters/slack';
import { loadFixture, people, who } from './fixtures';

const CHANNEL_URL = 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8';

describe('slack adapter on the iulspop captures', () => {
  it('reads a channel post: sender id, time from data-ts, text without reactions', () => {
    const { doc, url } = loadFixture('slack/iulspop-valid-post.html', CHANNEL_URL);
    expect(people(slackAdapter.findPeople(doc))).toEqual(['author: John Doe slack:U01GEAKM2C8']);
    const thread = slackAdapter.readThread(doc, url);
    expect(thread?.key).toBe('slack:C02LL6MHBH8');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text])).toEqual([
      [
        '1636407146.006200',
        'John Doe slack:U01GEAKM2C8',
        '2021-11-08T21:32:26.000Z',
        "Hi all! I'm excited to meet everyone and enjoying a break before we find out more about prep.",
      ],
    ]);
  });

  it('needs a channel id for a channel view: none in the URL, none in the DOM, no thread', () => {
    const { doc, url } = loadFixture('slack/iulspop-valid-post.html', 'https://app.slack.com/client/');
    expect(slackAdapter.readThread(doc, url)).toBeNull();
  });

  it('reads the thread pane keyed by channel and thread ts', () => {
    const { doc, url } = loadFixture('slack/iulspop-valid-thread.html', CHANNEL_URL);
    expect(people(slackAdapter.findPeople(doc))).toEqual([
      'author: John Doe slack:U0187QRU2LB',
      'author: Mary Jane slack:U01GEAKM2C8',
    ]);
    const thread = slackAdapter.readThread(doc, url);
    expect(thread?.key).toBe('slack:C02LL6MHBH8:1636412095.010100');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at])).toEqual([
      ['1636412095.010100', 'John Doe slack:U0187QRU2LB', '2021-11-08T22:54:55.000Z'],
      ['1636412264.010500', 'Mary Jane slack:U01GEAKM2C8', '2021-11-08T22:57:44.000Z'],
    ]);
    expect(thread?.messages[1]?.text).toBe("Still waiting. I think we'll get more info this week.");
    expect(slackAdapter.findComposeBoxes(doc).map((box) => box.className)).toEqual(['ql-editor ql-blank']);
  });

  it('treats the invalid post (a channel event without rich text) as a person but not a message', () => {
    const { doc, url } = loadFixture('slack/iulspop-invalid-post-1.html', CHANNEL_URL);
    expect(people(slackAdapter.findPeople(doc))).toEqual(['author: Mary Jane slack:U01UN68MH2N']);
    expect(slackAdapter.readThread(doc, url)).toBeNull();
    expect(slackAdapter.textRoots(doc)).toEqual([]);
  });

  it('finds nothing in a day divider or in the truncated mixed capture', () => {
    for (const file of ['slack/iulspop-valid-date-divider-line.html', 'slack/iulspop-date-post-thread-elements.html']) {
      const { doc, url } = loadFixture(file, CHANNEL_URL);
      expect(slackAdapter.findPeople(doc)).toEqual([]);
      expect(slackAdapter.readThread(doc, url)).toBeNull();
    }
  });
});

describe('slack adapter on thread-pane-hand.html', () => {
  const { doc, url } = loadFixture('slack/thread-pane-hand.html', 'https://app.slack.com/client/T0ACME/C0PLAN0001');

  it('finds senders (button and link forms) and mentions, but nothing in code blocks or the composer', () => {
    expect(people(slackAdapter.findPeople(doc))).toEqual([
      'author: Grace Hopper slack:U0GRACE001',
      'author: Grace Hopper slack:U0GRACE001',
      'author: Łukasz Żółć slack:U0LUKASZ02',
      'mention: Grace Hopper slack:U0GRACE001',
    ]);
  });

  it('prefers the open thread pane; a follow-up without sender keeps the previous author', () => {
    const thread = slackAdapter.readThread(doc, url);
    expect(thread?.key).toBe('slack:C0PLAN0001:1762340000.000100');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text])).toEqual([
      ['1762340000.000100', 'Grace Hopper slack:U0GRACE001', '2025-11-05T10:53:20.000Z', 'Channel message that starts the thread.'],
      ['1762340060.000200', 'Łukasz Żółć slack:U0LUKASZ02', '2025-11-05T10:54:20.000Z', 'Thanks @Grace Hopper, but this is the third time.'],
      ['1762340090.000300', 'Łukasz Żółć slack:U0LUKASZ02', '2025-11-05T10:54:50.000Z', 'Follow-up without a sender row.'],
    ]);
  });

  it('finds the Quill editor but not its clipboard buffer', () => {
    expect(slackAdapter.findComposeBoxes(doc).map((box) => box.className)).toEqual(['ql-editor']);
  });
});

describe('slack adapter on channel-grouped-hand.html (Japanese UI)', () => {
  const { doc, url } = loadFixture('slack/channel-grouped-hand.html', 'https://app.slack.com/client/T0ACME');

  it('finds senders and a data-user-id mention', () => {
    expect(people(slackAdapter.findPeople(doc))).toEqual([
      'author: José Núñez slack:U0JOSE0001',
      'author: Ørjan Ås slack:U0ORJAN003',
      'mention: Ørjan Ås slack:U0ORJAN003',
    ]);
  });

  it('takes the channel from the day divider and skips the channel event', () => {
    const thread = slackAdapter.readThread(doc, url);
    expect(thread?.key).toBe('slack:C0GENERAL9');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text])).toEqual([
      ['1762340000.000100', 'José Núñez slack:U0JOSE0001', 'おはよう @Ørjan Ås'],
      ['1762340030.000200', 'José Núñez slack:U0JOSE0001', 'Second line from José.'],
    ]);
  });

  it('falls back to the composer’s channel id', () => {
    doc.querySelector('[id$=".C0GENERAL9"]')?.remove();
    expect(slackAdapter.readThread(doc, url)?.key).toBe('slack:C0GENERAL9');
  });

  it('finds the newer composer textbox', () => {
    expect(slackAdapter.findComposeBoxes(doc).map((box) => box.getAttribute('role'))).toEqual(['textbox']);
  });

  it('matches Slack hosts only', () => {
    expect(slackAdapter.matches(new URL('https://app.slack.com/client/T1/C1'))).toBe(true);
    expect(slackAdapter.matches(new URL('https://acme.slack.com/archives/C1'))).toBe(true);
    expect(slackAdapter.matches(new URL('https://slack.com.example.org/'))).toBe(false);
  });
});
