/**
 * A Slack-like channel: the rows, hooks and attributes the Slack adapter reads
 * (see test/fixtures/slack/iulspop-valid-post.html and channel-grouped-hand.html), N messages by 300
 * authors, and a <template> of further messages that the streaming test appends to the list.
 */
import type { BenchPerson } from './people';
import { escapeHtml, messageSegments, type Cast, type Segment } from './prose';
import { seeded, type Random } from './prng';

export const SLACK_URL = 'https://app.slack.com/client/T0BENCH/C0BENCH';
export const SLACK_PATTERN = 'https://app.slack.com/**';
/** Messages kept ready for streaming: 10 per frame for 50 frames. */
export const STREAM_BATCH = 10;
export const STREAM_FRAMES = 50;

function renderSegments(segments: readonly Segment[]): string {
  return segments
    .map((s) =>
      'text' in s
        ? escapeHtml(s.text)
        : `<span class="c-member_slug" data-member-id="${s.mention.slackId}" data-stringify-type="mention">@${escapeHtml(s.mention.full)}</span>`,
    )
    .join('');
}

function renderMessage(ts: string, author: BenchPerson | null, segments: readonly Segment[]): string {
  const clock = `${String(9 + (Number(ts.slice(-4)) % 9)).padStart(2, '0')}:${String(Number(ts.slice(-2)) % 60).padStart(2, '0')}`;
  // Follow-ups from the same person render without a sender, as Slack does.
  const sender = author
    ? `<span class="c-message__sender" data-qa="message_sender"><a data-message-sender="${author.slackId}" data-qa="message_sender_name" class="c-message__sender_link" href="#">${escapeHtml(author.full)}</a></span> `
    : '';
  return (
    `<div class="c-virtual_list__item" role="listitem" id="${ts}" data-qa="virtual-list-item">` +
    `<div class="c-message_kit__message" data-qa="message_container"><div data-qa="message_content">${sender}` +
    `<a class="c-timestamp" data-ts="${ts}" href="#">${clock}</a>` +
    `<div class="c-message__message_blocks" data-qa="message-text"><div class="p-rich_text_section">${renderSegments(segments)}</div></div>` +
    `</div></div></div>\n`
  );
}

function messages(random: Random, count: number, firstTs: number, authors: readonly BenchPerson[], cast: Cast): string[] {
  const rows: string[] = [];
  let previous: BenchPerson | null = null;
  for (let i = 0; i < count; i++) {
    const isFollowUp = previous !== null && random.chance(0.25);
    const author: BenchPerson = isFollowUp && previous ? previous : random.pick(authors);
    rows.push(renderMessage(`${firstTs + i * 37}.${String(i % 1000000).padStart(6, '0')}`, isFollowUp ? null : author, messageSegments(random, cast)));
    previous = author;
  }
  return rows;
}

const STYLE = `
  body { font: 15px/1.46 system-ui, sans-serif; margin: 0; }
  [data-qa=slack_kit_list] { max-width: 900px; padding: 8px 20px; }
  .c-virtual_list__item { padding: 4px 0; border-bottom: 1px solid #eee; }
  .c-message__sender_link { font-weight: 700; color: #1d1c1d; text-decoration: none; }
  .c-timestamp { color: #616061; font-size: 12px; margin-left: 6px; }
  .c-member_slug { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
`;

export function slackPage(options: { messages: number; universe: readonly BenchPerson[]; known: number; seed?: number }): string {
  const random = seeded(options.seed ?? 11);
  const { universe, known } = options;
  const authors = universe.slice(0, 300);
  const cast: Cast = { known: universe.slice(0, known), unknown: universe.slice(known, known + 1000) };
  const rows = messages(random, options.messages, 1762340000, authors, cast);
  const stream = messages(random, STREAM_BATCH * STREAM_FRAMES, 1762990000, authors, cast);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>#bench - Slack</title><style>${STYLE}</style></head><body>\n` +
    `<div data-qa="slack_kit_list" role="list" aria-label="Messages in #bench">\n${rows.join('')}</div>\n` +
    `<template id="bench-stream">${stream.join('')}</template>\n` +
    `<div data-qa="message_input" data-channel-id="C0BENCH"><div contenteditable="true" role="textbox" aria-label="Message #bench"><p></p></div></div>\n` +
    `</body></html>`
  );
}
