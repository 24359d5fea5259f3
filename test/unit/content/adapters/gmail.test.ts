import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../../src/content/adapters/gmail';
import { loadFixture, people, who } from './fixtures';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxHjLkWvTqXpDcMhVbNsT';

describe('gmail adapter on thread-skeleton.html', () => {
  const { doc, url } = loadFixture('gmail/thread-skeleton.html', THREAD_URL);

  it('finds senders, recipients and compose chips with their addresses', () => {
    expect(people(gmailAdapter.findPeople(doc))).toEqual([
      'sender: Grace Hopper <grace@example.com>',
      'sender: Ada Lovelace <ada@example.com>',
      // The recipients line shows "Grace"; the `name` attribute carries the full name.
      'recipient: Grace Hopper <grace@example.com>',
      'recipient: team <team@example.com>',
      'chip: Grace Hopper <grace@example.com>',
    ]);
  });

  it('marks the smallest element showing each name', () => {
    const found = gmailAdapter.findPeople(doc);
    expect(found.map((person) => person.element.className)).toEqual(['gD', 'gD', 'g2', 'g2', 'afV']);
  });

  it('reads the thread: collapsed message snippet, expanded body without the quoted history', () => {
    const thread = gmailAdapter.readThread(doc, url);
    expect(thread?.key).toBe('gmail:18fa0000000000a1');
    expect(thread?.title).toBe('Quarterly plan');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text, m.at])).toEqual([
      [
        'collapsed:grace@example.com:3 Nov 2025, 09:12',
        'Grace Hopper <grace@example.com>',
        'Snippet of the collapsed message only - body not in DOM until expanded',
        undefined,
      ],
      [
        '18fa0000000000a2',
        'Ada Lovelace <ada@example.com>',
        'Thanks Grace, I disagree with point 2 but happy to talk.\nlegal@example.com should review.',
        undefined,
      ],
    ]);
  });

  it('finds the reply editor and the message body as a text root', () => {
    const boxes = gmailAdapter.findComposeBoxes(doc);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.getAttribute('g_editable')).toBe('true');
    expect(gmailAdapter.textRoots(doc).map((element) => element.id)).toEqual([':1wn']);
  });

  it('finds people under a subtree root, including the root itself', () => {
    const header = doc.querySelector('h3.iw');
    expect(header && people(gmailAdapter.findPeople(header))).toEqual(['sender: Ada Lovelace <ada@example.com>']);
    const span = doc.querySelector('span.g2');
    expect(span && people(gmailAdapter.findPeople(span))).toEqual(['recipient: Grace Hopper <grace@example.com>']);
  });
});

describe('gmail adapter on collapsed-thread-de.html (German UI)', () => {
  const { doc, url } = loadFixture('gmail/collapsed-thread-de.html', THREAD_URL);

  it('finds people with lower-cased addresses and skips the one pasted into the draft', () => {
    expect(people(gmailAdapter.findPeople(doc))).toEqual([
      'sender: Ørjan Ås <orjan@example.com>',
      'sender: Grace Hopper <grace@example.com>',
      'sender: Ada Lovelace <ada@example.com>',
      'recipient: Ørjan Ås <orjan@example.com>',
    ]);
  });

  it('knows the "mich" chip is the user, by its address, and no one else', () => {
    const selves = gmailAdapter.findPeople(doc).filter((p) => p.identity.isSelf).map((p) => p.identity);
    expect(selves).toEqual([{ isSelf: true, name: 'Ørjan Ås', email: 'orjan@example.com' }]);
  });

  it('reads two collapsed messages and one expanded, keyed by the permanent thread id', () => {
    const thread = gmailAdapter.readThread(doc, url);
    expect(thread?.key).toBe('gmail:thread-f:1800000000000000777');
    expect(thread?.title).toBe('Budget 2026');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text])).toEqual([
      ['collapsed:orjan@example.com:3. Nov. 2025, 09:12', 'Ørjan Ås <orjan@example.com>', 'Hier ist der erste Entwurf …'],
      ['collapsed:grace@example.com:4. Nov. 2025, 10:00', 'Grace Hopper <grace@example.com>', 'Danke, ich schaue es mir an.'],
      ['18fa000000000779', 'Ada Lovelace <ada@example.com>', 'Die Zahlen stimmen nicht.\nBitte bis Freitag korrigieren.'],
    ]);
  });

  it('finds the pop-out compose body by g_editable alone', () => {
    expect(gmailAdapter.findComposeBoxes(doc).map((box) => box.className)).toEqual(['Am Al editable']);
  });

  it('finds nothing when asked about the editor itself', () => {
    const editor = doc.querySelector('[g_editable]');
    expect(editor && gmailAdapter.findPeople(editor)).toEqual([]);
    expect(editor && gmailAdapter.textRoots(editor)).toEqual([]);
  });
});

describe('gmail adapter URLs and empty pages', () => {
  it('matches Gmail but not Chat inside Gmail', () => {
    expect(gmailAdapter.matches(new URL('https://mail.google.com/mail/u/0/#inbox'))).toBe(true);
    expect(gmailAdapter.matches(new URL('https://mail.google.com/chat/u/0/#chat/home'))).toBe(false);
    expect(gmailAdapter.matches(new URL('https://outlook.office.com/mail/'))).toBe(false);
  });

  it('keys a thread by the URL hash when the DOM has no thread id yet', () => {
    const { doc, url } = loadFixture('gmail/thread-skeleton.html', THREAD_URL);
    doc.querySelector('h2.hP')?.removeAttribute('data-legacy-thread-id');
    doc.querySelector('h2.hP')?.removeAttribute('data-thread-perm-id');
    expect(gmailAdapter.readThread(doc, url)?.key).toBe('gmail:FMfcgzQbgRnJxHjLkWvTqXpDcMhVbNsT');
  });

  it('returns no thread for the inbox or for another site’s page', () => {
    const inbox = loadFixture('generic/mailto-skeleton.html', 'https://mail.google.com/mail/u/0/#inbox');
    expect(gmailAdapter.readThread(inbox.doc, inbox.url)).toBeNull();
    const slack = loadFixture('slack/iulspop-valid-thread.html', 'https://app.slack.com/client/T0YKP5Z9T/C02LL6MHBH8');
    expect(gmailAdapter.readThread(slack.doc, slack.url)).toBeNull();
    expect(gmailAdapter.findPeople(slack.doc)).toEqual([]);
  });
});
