/**
 * Google Chat, standalone (chat.google.com) and inside Gmail (mail.google.com/chat/…). Class names are
 * obfuscated and `jsname` values are short ids that last longer but are no contract either; the `data-*`
 * hooks below are the ones extensions key on. Sources are listed in test/fixtures/google-chat/PROVENANCE.md.
 */
import { isEmail, type PageIdentity } from '../../shared/identity';
import {
  PeopleCollector,
  identity,
  isHtmlElement,
  isoFromMillis,
  queryAll,
  queryAllIncludingEditors,
  queryFirst,
  readLabel,
  readText,
} from './dom';
import { siteInfo } from '../../shared/sites';
import type { FoundPerson, FoundRole, SiteDescriptor, ThreadMessage, ThreadView } from './types';

export const SELECTORS = {
  /** One message: ishikawayus chat.js `[jsname="Ne3sFf"][data-id]`; public 2026 code
   * `[data-id][data-message-multiplat-item-id]`. */
  message: ['[data-id][jsname="Ne3sFf"]', '[data-id][data-message-multiplat-item-id]'],
  /** People with a member id (authors, mentions): public clojure scraper `span[data-member-id]`; keisuke-kimura
   * SENDER_SELECTORS `[data-member-id]`. Values look like `user/human/<id>` (format not confirmed). */
  member: ['[data-member-id]'],
  /** People shown by address only (DM list, hovercards): public clojure scraper `span[data-hovercard-id][data-name]`. */
  hovercard: ['[data-hovercard-id][data-name]'],
  /** Message text: ishikawayus `[jsname="bgckF"]`; keisuke-kimura `[data-message-text]`. */
  text: ['[jsname="bgckF"]', '[data-message-text]'],
  /** Time in Unix ms: ishikawayus `[jsname="E53oB"][data-absolute-timestamp]`; public notes `[data-absolute-timestamp]`. */
  time: ['[data-absolute-timestamp]'],
  /** Space or DM id: ishikawayus findAttribute(document.body, 'data-group-id'). */
  group: ['[data-group-id]'],
  /** Space name: the first heading of the main pane (unconfirmed; no source names a hook for it). */
  title: ['[role="main"] h1'],
  /** Compose box: contenteditable textbox (keisuke-kimura; its aria-label is translated, so not used). */
  editor: ['div[contenteditable="true"][role="textbox"]'],
} as const;

/** `/room/<id>`, `/space/<id>`, `/dm/<id>` in the path or the hash (keisuke-kimura URL pattern). */
const CONVERSATION_IN_URL = /\/(room|space|dm)\/([A-Za-z0-9_-]+)/u;

/** Chat API user resource ids are numeric; the DOM writes them bare (`data-user-id`) or as `user/human/<id>`. */
function memberId(value: string | null): string | null {
  if (!value) return null;
  const human = /^user\/human\/(.+)$/u.exec(value);
  return human?.[1] ?? value;
}

function chatIdentity(name: string | null, email: string | null, id: string | null): PageIdentity {
  return identity({
    name,
    email: email && isEmail(email) ? email : null,
    siteId: id ? { site: 'google-chat', id } : null,
  });
}

function memberIdentity(element: Element): PageIdentity {
  return chatIdentity(
    element.getAttribute('data-name') ?? readLabel(element),
    element.getAttribute('data-hovercard-id'),
    memberId(element.getAttribute('data-member-id') ?? element.getAttribute('data-user-id')),
  );
}

function roleOf(element: Element): FoundRole {
  if (element.closest(SELECTORS.text.join(', '))) return 'mention';
  return element.closest(SELECTORS.message.join(', ')) ? 'author' : 'chip';
}

function findPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  for (const element of queryAll(root, [...SELECTORS.member, ...SELECTORS.hovercard])) {
    people.add(element, memberIdentity(element), roleOf(element));
  }
  return people.people;
}

function conversationKey(doc: Document, url: URL): string | null {
  const match = CONVERSATION_IN_URL.exec(url.pathname + url.hash);
  // Old `room` URLs name what the API now calls a space.
  if (match?.[1] && match[2]) return `${match[1] === 'room' ? 'space' : match[1]}/${match[2]}`;
  return queryFirst(doc, SELECTORS.group)?.getAttribute('data-group-id') ?? null;
}

function readThread(doc: Document, url: URL): ThreadView | null {
  const key = conversationKey(doc, url);
  if (!key) return null;
  const textSelector = SELECTORS.text.join(', ');
  const messages: ThreadMessage[] = [];
  const seen = new Set<string>();
  let previous: PageIdentity | undefined;
  for (const element of queryAll(doc, SELECTORS.message)) {
    const id = element.getAttribute('data-id') ?? '';
    const authorElement = queryAll(element, SELECTORS.member).find((member) => !member.closest(textSelector));
    const userId = memberId(element.getAttribute('data-user-id'));
    let author: PageIdentity | undefined;
    if (authorElement) author = memberIdentity(authorElement);
    // Follow-up messages drop the author heading but keep `data-user-id` on the message (ishikawayus).
    else if (previous && (!userId || previous.siteId?.id === userId)) author = previous;
    else if (userId) author = chatIdentity(null, null, userId);
    // Thread previews repeat messages shown elsewhere on the page (public 2026 notes).
    if (!author || seen.has(id)) continue;
    seen.add(id);
    previous = author;
    const body = queryFirst(element, SELECTORS.text);
    const message: ThreadMessage = { id, author, text: body ? readText(body) : '', element };
    const at = isoFromMillis(queryFirst(element, SELECTORS.time)?.getAttribute('data-absolute-timestamp') ?? null);
    if (at) message.at = at;
    messages.push(message);
  }
  if (messages.length === 0) return null;
  const titleElement = queryFirst(doc, SELECTORS.title);
  const title = titleElement ? readLabel(titleElement) : '';
  return title ? { key: `google-chat:${key}`, title, messages } : { key: `google-chat:${key}`, messages };
}

export const googleChatAdapter: SiteDescriptor<'google-chat'> = {
  ...siteInfo('google-chat'),
  selectors: SELECTORS,
  // Member ids, hover-card addresses and names, and the message id of a recycled row.
  identityAttributes: ['data-member-id', 'data-user-id', 'data-hovercard-id', 'data-name', 'data-id'],
  fingerprint: ['[data-topic-id]', '[data-group-id]', '[jsname="Ne3sFf"]', '[data-absolute-timestamp]'],
  quotedSelectors: [],
  historySelectors: [],
  // ishikawayus manifest: content scripts on chat.google.com (all frames) and on mail.google.com/chat/*.
  matches: (url) => url.hostname === 'chat.google.com' || (url.hostname === 'mail.google.com' && url.pathname.startsWith('/chat')),
  findPeople,
  textRoots: (root) => queryAll(root, SELECTORS.text),
  readThread,
  findComposeBoxes: (root) => queryAllIncludingEditors(root, SELECTORS.editor).filter(isHtmlElement),
};
