import { describe, expect, it } from 'vitest';
import { teamsAdapter } from '../../../../src/content/adapters/teams';
import { loadFixture, people, who } from './fixtures';

const CHAT_URL = 'https://teams.microsoft.com/l/chat/19:grace_ada@unq.gbl.spaces/conversations';

describe('teams adapter on chat-skeleton.html', () => {
  const { doc, url } = loadFixture('teams/chat-skeleton.html', CHAT_URL);

  it('finds the author with the AAD id from the avatar URL', () => {
    expect(people(teamsAdapter.findPeople(doc))).toEqual(['author: Grace Hopper teams:00000000-0000-0000-0000-0000000006a5']);
  });

  it('reads messages; the own message is attributed to the signed-in user, the control message is skipped', () => {
    const thread = teamsAdapter.readThread(doc, url);
    expect(thread?.key).toBe('teams:19:grace_ada@unq.gbl.spaces');
    expect(thread?.title).toBe('Grace Hopper');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text, m.isOwn])).toEqual([
      [
        '1762340000000',
        'Grace Hopper teams:00000000-0000-0000-0000-0000000006a5',
        '2025-11-05T10:53:20.000Z',
        'Can you send the numbers by Friday?',
        undefined,
      ],
      [
        '1762340100000',
        'teams:00000000-0000-0000-0000-00000000a11a',
        '2025-11-05T10:55:00.000Z',
        'Honestly this is the third time you have asked.',
        true,
      ],
    ]);
  });

  it('returns no thread when neither the DOM nor the URL names the conversation', () => {
    const bare = loadFixture('teams/chat-skeleton.html', 'https://teams.microsoft.com/v2/');
    expect(teamsAdapter.readThread(bare.doc, bare.url)).toBeNull();
  });

  it('finds the CKEditor compose box and message contents', () => {
    expect(teamsAdapter.findComposeBoxes(doc).map((box) => box.getAttribute('data-tid'))).toEqual(['ckeditor']);
    expect(teamsAdapter.textRoots(doc).map((element) => element.id)).toEqual(['content-1762340000000', 'content-1762340100000']);
  });
});

describe('teams adapter on grouped-messages-ja.html (Japanese UI)', () => {
  const { doc, url } = loadFixture('teams/grouped-messages-ja.html', 'https://teams.microsoft.com/v2/');

  it('finds the author by its author- id and a mention with its orgid MRI, not the one in the draft', () => {
    expect(people(teamsAdapter.findPeople(doc))).toEqual([
      'author: Øyvind Berg teams:00000000-0000-0000-0000-000000000b0b',
      'mention: Grace Hopper teams:00000000-0000-0000-0000-00000000c0de',
    ]);
  });

  it('gives grouped messages the author of the first, own messages the signed-in user', () => {
    const thread = teamsAdapter.readThread(doc, url);
    expect(thread?.key).toBe('teams:19:planning0001@thread.v2');
    expect(thread?.title).toBe('計画');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.at, m.text, m.isOwn ?? false])).toEqual([
      ['1762340000000', 'Øyvind Berg teams:00000000-0000-0000-0000-000000000b0b', '2025-11-05T10:53:20.000Z', '数字を金曜日までに送ってください。', false],
      // Quoted reply and reaction are not part of the message text.
      ['1762340030000', 'Øyvind Berg teams:00000000-0000-0000-0000-000000000b0b', '2025-11-05T10:53:50.000Z', 'Also ask Grace Hopper please.', false],
      ['1762340100000', 'teams:00000000-0000-0000-0000-00000000a11a', '2025-11-05T10:55:00.000Z', 'わかりました。', true],
      ['1762340160000', 'teams:00000000-0000-0000-0000-00000000a11a', undefined, '二通目。', true],
    ]);
  });

  it('takes the editable child of a CKEditor wrapper as the one compose box', () => {
    const boxes = teamsAdapter.findComposeBoxes(doc);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.parentElement?.getAttribute('data-tid')).toBe('ckeditor');
  });
});

describe('teams adapter on channel-post-hand.html', () => {
  it('reads a channel post keyed by the thread id in the URL', () => {
    const { doc, url } = loadFixture(
      'teams/channel-post-hand.html',
      'https://teams.microsoft.com/l/message/19%3Aabc123%40thread.tacv2/1762340000000',
    );
    const thread = teamsAdapter.readThread(doc, url);
    expect(thread?.key).toBe('teams:19:abc123@thread.tacv2');
    expect(thread?.messages.map((m) => [m.id, who(m.author), m.text])).toEqual([
      ['1762340000000', 'Grace Hopper teams:00000000-0000-0000-0000-0000000006a5', 'Release notes are up.'],
    ]);
  });

  it('matches Teams hosts only and finds no thread on another site’s page', () => {
    expect(teamsAdapter.matches(new URL('https://teams.microsoft.com/v2/'))).toBe(true);
    expect(teamsAdapter.matches(new URL('https://teams.cloud.microsoft/'))).toBe(true);
    expect(teamsAdapter.matches(new URL('https://teams.live.com/v2/'))).toBe(true);
    expect(teamsAdapter.matches(new URL('https://outlook.office.com/mail/'))).toBe(false);
    const { doc, url } = loadFixture('google-chat/space-skeleton.html', CHAT_URL);
    expect(teamsAdapter.readThread(doc, url)).toBeNull();
  });
});
