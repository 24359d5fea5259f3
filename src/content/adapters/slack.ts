/**
 * Slack web client (app.slack.com). Slack marks its UI with `data-qa` test hooks and carries user ids
 * and message timestamps in `data-*` attributes, which outlive its class names.
 * Sources are listed in test/fixtures/slack/PROVENANCE.md.
 */
import type { PageIdentity } from '../../shared/identity';
import {
  PeopleCollector,
  identity,
  isHtmlElement,
  isoFromSeconds,
  queryAll,
  queryAllIncludingEditors,
  queryFirst,
  readLabel,
  readText,
} from './dom';
import { siteInfo } from '../../shared/sites';
import type { FoundPerson, SiteDescriptor, ThreadMessage, ThreadView } from './types';

export const SELECTORS = {
  /** Rows of the virtual message list (channel and thread pane): iulspop valid-post/valid-thread
   * `div.c-virtual_list__item[data-qa=virtual-list-item]`. */
  item: ['[data-qa="virtual-list-item"]'],
  /** Sender link/button with the user id: iulspop valid-post `a[data-qa=message_sender_name][data-message-sender=U…]`;
   * a Jan-2024 DOM dump shows a `button` with the same attributes. */
  sender: ['[data-message-sender]'],
  /** Message timestamp, seconds since the epoch with a sequence fraction: iulspop `a.c-timestamp[data-ts]`. */
  timestamp: ['[data-ts]'],
  /** Rich-text body of a user message: iulspop `div[data-qa=message-text]`. */
  text: ['[data-qa="message-text"]'],
  /** User mentions inside a message: public Slack scraping notes ("mentions carry data-member-id="U…"");
   * `data-user-id` is the attribute some Slack surfaces use for the same id. */
  mention: ['[data-qa="message-text"] [data-member-id]', '[data-qa="message-text"] [data-user-id]'],
  /** Not message prose: iulspop reaction bar `[data-qa=reaction_bar]` and Slack's own copy-ignore marker. */
  notProse: ['[data-qa="reaction_bar"]', '[data-stringify-ignore="true"]'],
  /** Composer: iulspop valid-thread `[data-qa=message_input]` (Quill `.ql-editor`, contenteditable). The
   * sibling `.ql-clipboard` is contenteditable too but is Quill's paste buffer, so it is not selected. */
  editor: ['[data-qa="message_input"] .ql-editor', '[data-qa="message_input"] [role="textbox"][contenteditable="true"]'],
  /** Composer carrying the channel id: iulspop valid-thread `data-channel-id` on `[data-qa=message_input]`. */
  composerChannel: ['[data-qa="message_input"][data-channel-id]'],
} as const;

/** Thread-pane row id: `<channel>-<thread ts>-thread-list-threads-flexpane_<message ts>` (iulspop valid-thread). */
const THREAD_ITEM_ID = /^([CDG][A-Z0-9]+)-(\d+\.\d+)-thread-list-.*_(\d+\.\d+)$/u;
/** Channel row id: the message ts itself (iulspop valid-post `id="1636407146.006200"`). */
const CHANNEL_ITEM_ID = /^\d+\.\d+$/u;
/** Day divider row id: `<epoch ms>.<channel>` (iulspop valid-date-divider-line). */
const DIVIDER_ITEM_ID = /^\d+\.([CDG][A-Z0-9]+)$/u;
/** `/client/<team>/<channel>` (Slack web client URLs). */
const CLIENT_PATH = /^\/client\/[^/]+\/([CDG][A-Z0-9]+)/u;
const USER_ID = /^[UW][A-Z0-9]+$/u;

function slackIdentity(name: string | null, id: string | null): PageIdentity {
  return identity({ name, siteId: id && USER_ID.test(id) ? { site: 'slack', id } : null });
}

function senderIdentity(element: Element): PageIdentity {
  return slackIdentity(readLabel(element), element.getAttribute('data-message-sender'));
}

function findPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  for (const element of queryAll(root, SELECTORS.sender)) people.add(element, senderIdentity(element), 'author');
  for (const element of queryAll(root, SELECTORS.mention)) {
    const id = element.getAttribute('data-member-id') ?? element.getAttribute('data-user-id');
    people.add(element, slackIdentity(readLabel(element), id), 'mention');
  }
  return people.people;
}

function readItems(items: readonly { element: Element; ts: string }[]): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  let previous: PageIdentity | undefined;
  for (const { element, ts } of items) {
    const sender = queryFirst(element, SELECTORS.sender);
    // Follow-up messages from the same person render without a sender.
    const author = sender ? senderIdentity(sender) : previous;
    previous = author;
    const body = queryFirst(element, SELECTORS.text);
    // Rows without a rich-text body are channel events ("set the channel description"), not messages.
    if (!body || !author) continue;
    const message: ThreadMessage = { id: ts, author, text: readText(body, SELECTORS.notProse), element };
    const at = isoFromSeconds(queryFirst(element, SELECTORS.timestamp)?.getAttribute('data-ts') ?? ts);
    if (at) message.at = at;
    messages.push(message);
  }
  return messages;
}

function channelId(doc: Document, url: URL): string | null {
  const fromUrl = CLIENT_PATH.exec(url.pathname)?.[1];
  if (fromUrl) return fromUrl;
  for (const item of queryAll(doc, SELECTORS.item)) {
    const fromDivider = DIVIDER_ITEM_ID.exec(item.id)?.[1];
    if (fromDivider) return fromDivider;
  }
  const composer = queryAll(doc, SELECTORS.composerChannel).find((element) => !element.hasAttribute('data-thread-ts'));
  return composer?.getAttribute('data-channel-id') ?? null;
}

/** The open thread pane when there is one (the conversation the user is in), else the channel. */
function readThread(doc: Document, url: URL): ThreadView | null {
  const items = queryAll(doc, SELECTORS.item);
  const threadItems: { element: Element; ts: string }[] = [];
  let threadKey: string | null = null;
  for (const element of items) {
    const match = THREAD_ITEM_ID.exec(element.id);
    if (!match) continue;
    threadKey ??= `${match[1]}:${match[2]}`;
    if (threadKey === `${match[1]}:${match[2]}`) threadItems.push({ element, ts: match[3] ?? '' });
  }
  if (threadKey) {
    const messages = readItems(threadItems);
    return messages.length > 0 ? { key: `slack:${threadKey}`, messages } : null;
  }
  const channel = channelId(doc, url);
  const channelItems = items.filter((element) => CHANNEL_ITEM_ID.test(element.id)).map((element) => ({ element, ts: element.id }));
  const messages = readItems(channelItems);
  return channel && messages.length > 0 ? { key: `slack:${channel}`, messages } : null;
}

export const slackAdapter: SiteDescriptor<'slack'> = {
  ...siteInfo('slack'),
  selectors: SELECTORS,
  // Senders and mentions carry user ids; recycled virtual-list rows change `id` and `data-item-key`.
  identityAttributes: ['data-message-sender', 'data-member-id', 'data-user-id', 'id', 'data-item-key'],
  fingerprint: ['[data-qa="message_container"]', '[data-qa="virtual-list-item"]', '[data-message-sender]'],
  quotedSelectors: [],
  historySelectors: [],
  matches: (url) => url.hostname === 'app.slack.com' || url.hostname.endsWith('.slack.com'),
  findPeople,
  textRoots: (root) => queryAll(root, SELECTORS.text),
  readThread,
  findComposeBoxes: (root) => queryAllIncludingEditors(root, SELECTORS.editor).filter(isHtmlElement),
};
