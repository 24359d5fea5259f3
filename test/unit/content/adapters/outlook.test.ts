import { describe, expect, it } from 'vitest';
import { outlookAdapter } from '../../../../src/content/adapters/outlook';
import { loadFixture, people, who } from './fixtures';

const URL_MAIL = 'https://outlook.office.com/mail/inbox';

describe('outlook adapter on reading-pane-skeleton.html', () => {
  const { doc, url } = loadFixture('outlook/reading-pane-skeleton.html', URL_MAIL);

  it('finds senders from their Name<email> line', () => {
    expect(people(outlookAdapter.findPeople(doc))).toEqual([
      'sender: Grace Hopper <grace@example.com>',
      'sender: Ada Lovelace <ada@example.com>',
    ]);
    expect(outlookAdapter.findPeople(doc).map((person) => person.element.id)).toEqual([
      'ITEM_AAMkTESTITEM0001_FROM',
      'ITEM_AAMkTESTITEM0002_FROM',
    ]);
  });

  it('reads the conversation keyed by its CONV_ subject id', () => {
    const thread = outlookAdapter.readThread(doc, url);
    expect(thread?.key).toBe('outlook:AAQkAGI2TESTCONVID0001');
    expect(thread?.title).toBe('Quarterly plan');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text, m.at])).toEqual([
      ['ITEM_AAMkTESTITEM0001', 'Grace Hopper <grace@example.com>', 'Here is the plan. Please be blunt.', undefined],
      ['ITEM_AAMkTESTITEM0002', 'Ada Lovelace <ada@example.com>', 'I disagree with point 2. legal@example.com should review.', undefined],
    ]);
    // Each message element holds its own sender and body, not its neighbour's.
    for (const message of thread?.messages ?? []) {
      expect(message.element.querySelectorAll('[id^="UniqueMessageBody"]')).toHaveLength(1);
    }
  });

  it('finds the reply editor and the message bodies', () => {
    expect(outlookAdapter.findComposeBoxes(doc)).toHaveLength(1);
    expect(outlookAdapter.textRoots(doc).map((element) => element.id)).toEqual(['UniqueMessageBody_1', 'UniqueMessageBody_2']);
  });
});

describe('outlook adapter on reading-pane-de.html (German UI)', () => {
  const { doc, url } = loadFixture('outlook/reading-pane-de.html', URL_MAIL);

  it('keeps a name-only sender as a name and parses the other', () => {
    expect(people(outlookAdapter.findPeople(doc))).toEqual([
      'sender: Grace Hopper',
      'sender: Jürgen Groß <juergen.gross@example.de>',
    ]);
  });

  it('takes the key from the selected list row, the title from the heading title and the time from time[datetime]', () => {
    const thread = outlookAdapter.readThread(doc, url);
    expect(thread?.key).toBe('outlook:AAQkDECONV0002');
    expect(thread?.title).toBe('Budget 2026');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text, m.at])).toEqual([
      ['ITEM_AAMkDEITEM0001', 'Grace Hopper', 'Hier sind die Zahlen.\nGrüße', '2025-11-03T08:12:00.000Z'],
      ['ITEM_AAMkDEITEM0002', 'Jürgen Groß <juergen.gross@example.de>', 'Passt so.', undefined],
    ]);
  });

  it('finds the reply editor whatever its label says', () => {
    expect(outlookAdapter.findComposeBoxes(doc).map((box) => box.getAttribute('role'))).toEqual(['textbox']);
  });
});

describe('outlook adapter on single-item-hand.html (deep link)', () => {
  const ITEM_URL = 'https://outlook.live.com/mail/0/inbox/id/AAMkSINGLE%3D';

  it('keys the thread by the item id in the URL and stays inside the item container', () => {
    const { doc, url } = loadFixture('outlook/single-item-hand.html', ITEM_URL);
    const thread = outlookAdapter.readThread(doc, url);
    expect(thread?.key).toBe('outlook:AAMkSINGLE=');
    expect(thread?.title).toBeUndefined();
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text])).toEqual([
      ['ITEM_AAMkSINGLE', 'Ada Lovelace <ada@example.com>', 'Only message.'],
    ]);
    expect(thread?.messages[0]?.element.parentElement?.id).toBe('ItemReadingPaneContainer');
  });

  it('returns no thread without a conversation or item id, and none on another site’s page', () => {
    const { doc, url } = loadFixture('outlook/single-item-hand.html', URL_MAIL);
    expect(outlookAdapter.readThread(doc, url)).toBeNull();
    const gmail = loadFixture('gmail/thread-skeleton.html', URL_MAIL);
    expect(outlookAdapter.readThread(gmail.doc, gmail.url)).toBeNull();
  });

  it('matches Outlook hosts only', () => {
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']) {
      expect(outlookAdapter.matches(new URL(`https://${host}/mail/`))).toBe(true);
    }
    expect(outlookAdapter.matches(new URL('https://mail.google.com/mail/u/0/'))).toBe(false);
  });
});
