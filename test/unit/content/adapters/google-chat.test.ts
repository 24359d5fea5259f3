import { describe, expect, it } from 'vitest';
import { googleChatAdapter } from '../../../../src/content/adapters/google-chat';
import { loadFixture, people, who } from './fixtures';

describe('google chat adapter on space-skeleton.html', () => {
  const { doc, url } = loadFixture('google-chat/space-skeleton.html', 'https://chat.google.com/u/0/app/home');

  it('finds authors with member id and address', () => {
    expect(people(googleChatAdapter.findPeople(doc))).toEqual([
      'author: Grace Hopper <grace@example.com> google-chat:100000000000000000001',
      'author: Ada Lovelace <ada@example.com> google-chat:100000000000000000002',
    ]);
  });

  it('reads the space keyed by data-group-id, with times from data-absolute-timestamp', () => {
    const thread = googleChatAdapter.readThread(doc, url);
    expect(thread?.key).toBe('google-chat:space/AAAAtestSpace');
    expect(thread?.title).toBe('Project Falcon');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text])).toEqual([
      ['mSgId0001', 'Grace Hopper <grace@example.com> google-chat:100000000000000000001', '2025-11-05T10:53:20.000Z', 'Can we ship on Friday?'],
      ['mSgId0002', 'Ada Lovelace <ada@example.com> google-chat:100000000000000000002', '2025-11-05T10:55:00.000Z', 'No. Stop asking.'],
    ]);
  });

  it('prefers the space id in the URL, old room URLs included', () => {
    const room = loadFixture('google-chat/space-skeleton.html', 'https://chat.google.com/room/AAAAfromUrl?cls=7');
    expect(googleChatAdapter.readThread(room.doc, room.url)?.key).toBe('google-chat:space/AAAAfromUrl');
  });

  it('finds the compose box and message texts', () => {
    expect(googleChatAdapter.findComposeBoxes(doc)).toHaveLength(1);
    expect(googleChatAdapter.textRoots(doc).map((element) => element.textContent)).toEqual(['Can we ship on Friday?', 'No. Stop asking.']);
  });
});

describe('google chat adapter inside Gmail (gmail-chat-frame.html, German UI)', () => {
  const { doc, url } = loadFixture('google-chat/gmail-chat-frame.html', 'https://mail.google.com/chat/u/0/#chat/dm/DMabc123');

  it('matches Chat inside Gmail', () => {
    expect(googleChatAdapter.matches(url)).toBe(true);
    expect(googleChatAdapter.matches(new URL('https://chat.google.com/u/0/'))).toBe(true);
    expect(googleChatAdapter.matches(new URL('https://mail.google.com/mail/u/0/#inbox'))).toBe(false);
  });

  it('finds the DM list entry, the author and a mention, but not the chip in the draft', () => {
    expect(people(googleChatAdapter.findPeople(doc))).toEqual([
      'chip: Ada Lovelace <ada@example.com>',
      'author: Ada Lovelace <ada@example.com> google-chat:100000000000000000002',
      'mention: Grace Hopper google-chat:100000000000000000001',
    ]);
  });

  it('keys the DM by the URL; follow-ups keep their author; repeated previews are dropped', () => {
    const thread = googleChatAdapter.readThread(doc, url);
    expect(thread?.key).toBe('google-chat:dm/DMabc123');
    expect(thread?.title).toBeUndefined();
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text])).toEqual([
      ['dmMsg0001', 'Ada Lovelace <ada@example.com> google-chat:100000000000000000002', '2025-11-05T10:53:20.000Z', 'Hast du kurz Zeit, @Grace Hopper?'],
      ['dmMsg0002', 'Ada Lovelace <ada@example.com> google-chat:100000000000000000002', '2025-11-05T10:53:50.000Z', 'Es geht um den Plan.'],
      // A different data-user-id than the message before: a new author, known by id only.
      ['dmMsg0003', 'google-chat:100000000000000000001', '2025-11-05T10:55:00.000Z', 'Ja, gleich.'],
    ]);
  });

  it('returns no thread on a page without a space, and on another site’s page', () => {
    const home = loadFixture('teams/chat-skeleton.html', 'https://chat.google.com/u/0/app/home');
    expect(googleChatAdapter.readThread(home.doc, home.url)).toBeNull();
    const gmail = loadFixture('gmail/thread-skeleton.html', 'https://mail.google.com/chat/u/0/#chat/space/AAAA1');
    expect(googleChatAdapter.readThread(gmail.doc, gmail.url)).toBeNull();
  });
});
