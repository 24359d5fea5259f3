/**
 * Gmail (mail.google.com). Gmail's class names are Closure-obfuscated but have stayed put for years;
 * gmail.js and InboxSDK, which millions of installs depend on, key on the same ones. Where Gmail offers a
 * semantic hook (the `email` attribute, `data-*` ids, roles) that is used first.
 * Sources are listed in test/fixtures/gmail/PROVENANCE.md.
 */
import {
  PeopleCollector,
  firstAttribute,
  identity,
  isHtmlElement,
  queryAll,
  queryAllIncludingEditors,
  queryFirst,
  readLabel,
  readText,
} from './dom';
import { isSelfLabel, type PageIdentity } from '../../shared/identity';
import { hostNames, siteInfo } from '../../shared/sites';
import type { FoundPerson, SiteDescriptor, ThreadMessage, ThreadView } from './types';

export const SELECTORS = {
  /** Address spans: senders (`.gD`) and recipients (`.g2`) in message headers, senders in collapsed rows
   * and in the inbox list. gmail.js `api.dom.email.dom()` `span[email].gD` / `span[email].g2`; InboxSDK
   * gmail-message-view `td.gF span[email]`, `.hb span[email]`. */
  address: ['span[email]'],
  /** Recipient line wrapper: gmail.js email.dom() `to_wrapper: 'span.hb'`; InboxSDK `.hb span[email]`. */
  recipients: ['.hb'],
  /** Recipient chips in a compose window: InboxSDK compose page-parser `div[role=option][data-name]`;
   * gmail.js peoplekit `tr.bzf div[name] div[data-hovercard-id]`. */
  chip: ['div[role="option"][data-hovercard-id]', 'tr.bzf div[name] div[data-hovercard-id]'],
  /** Where the chips live (compose form), to tell chips from header addresses. gmail.js compose `div.M9`. */
  compose: ['form', '.M9', '[role="option"]'],
  /** Thread ids on the subject heading: gmail.js `h2[data-legacy-thread-id]`, InboxSDK gmail-thread-view
   * `[data-legacy-thread-id]` / `data-thread-perm-id`. */
  thread: ['[data-legacy-thread-id]', '[data-thread-perm-id]'],
  /** Subject: gmail.js thread.dom('subject') `h2.hP`; InboxSDK `.ha h2`. */
  subject: ['h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]', 'h2.hP'],
  /** One message per list item, expanded (`.h7`) or collapsed (`.kv`): InboxSDK gmail-thread-view `[role=list]`. */
  message: ['[role="list"] > [role="listitem"]'],
  /** Message ids on the expanded message: Aug-2025 pasted DOM (`div.adn[data-message-id][data-legacy-message-id]`). */
  messageIdAttributes: ['data-legacy-message-id', 'data-message-id'],
  /** Body: gmail.js email.dom() `div.a3s` (inside InboxSDK's `div.ii.gt`, which also holds attachments). */
  body: ['div.a3s'],
  /** Quoted history Gmail appends to replies (`div.gmail_quote`, part of every Gmail-sent message's HTML). */
  quoted: ['.gmail_quote'],
  /** Snippet of a collapsed message: 2019 pasted DOM `.iA.g6` (body is not in the DOM until expanded). */
  snippet: ['.iA.g6'],
  /** Time with its full date in `title` (localised text, so it is used only as part of a fallback id):
   * gmail.js `span.g3`; InboxSDK `.ads .gK .g3`. */
  time: ['span.g3[title]'],
  /** Compose body: InboxSDK gmail-compose-view `.Ap [g_editable=true]`; gmail.js `div[contenteditable=true]`. */
  editor: ['[g_editable="true"]', 'div[contenteditable="true"][role="textbox"]'],
} as const;

const INFO = siteInfo('gmail');
const HOSTS = hostNames(INFO.hosts);

function addressIdentity(element: Element): PageIdentity {
  // `name` holds the full name even where the text is shortened to a first name (recipients line).
  // Gmail writes the user's own chip as "me" / "mich" / "moi" over their address: that is who the user is.
  // The chip's bare text is enough for that: no label walk on every address of every page.
  return identity({
    name: firstAttribute(element, ['name', 'data-name']) ?? readLabel(element),
    email: element.getAttribute('email'),
    isSelf: isSelfLabel(element.textContent ?? ''),
  });
}

function findPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  for (const element of queryAll(root, SELECTORS.address)) {
    const isRecipient = element.closest(SELECTORS.recipients.join(', ')) !== null;
    const isChip = !isRecipient && element.closest(SELECTORS.compose.join(', ')) !== null;
    people.add(element, addressIdentity(element), isRecipient ? 'recipient' : isChip ? 'chip' : 'sender');
  }
  for (const element of queryAll(root, SELECTORS.chip)) {
    const email = element.getAttribute('data-hovercard-id');
    people.add(element, identity({ name: element.getAttribute('data-name') ?? readLabel(element), email }), 'chip');
  }
  return people.people;
}

/** The last path segment of a thread URL (`#inbox/FMfcgz…`, `#label/Work/FMfcgz…`). */
function threadIdFromUrl(url: URL): string | null {
  const last = url.hash.replace(/^#/u, '').split(/[/?]/u).filter(Boolean).at(-1) ?? '';
  // View names (`inbox`, `sent`) are short words; thread ids are long opaque tokens.
  return /^[A-Za-z0-9_-]{16,}$/u.test(last) ? last : null;
}

function readMessage(item: Element, previous: PageIdentity | undefined, index: number): ThreadMessage {
  const idHolder = queryFirst(item, SELECTORS.messageIdAttributes.map((name) => `[${name}]`));
  const senderElement = queryAll(item, SELECTORS.address).find(
    (element) => element.closest(SELECTORS.recipients.join(', ')) === null,
  );
  const author = senderElement ? addressIdentity(senderElement) : previous ?? {};
  const body = queryFirst(item, SELECTORS.body);
  const snippet = body ? null : queryFirst(item, SELECTORS.snippet);
  const text = body ? readText(body, SELECTORS.quoted) : snippet ? readText(snippet) : '';
  let id = idHolder ? firstAttribute(idHolder, SELECTORS.messageIdAttributes)?.replace(/^#/u, '') : null;
  if (!id) {
    // Collapsed rows carry no message id in the captures we have; author + full date is stable for them.
    const time = queryFirst(item, SELECTORS.time)?.getAttribute('title') ?? String(index);
    id = `collapsed:${author.email ?? author.name ?? ''}:${time}`;
  }
  return { id, author, text, element: item };
}

function readThread(doc: Document, url: URL): ThreadView | null {
  const threadElement = queryFirst(doc, SELECTORS.thread);
  const key = threadElement
    ? firstAttribute(threadElement, ['data-legacy-thread-id', 'data-thread-perm-id'])
    : threadIdFromUrl(url);
  if (!key) return null;
  const container = threadElement?.closest('[role="main"]') ?? doc;
  const messages: ThreadMessage[] = [];
  let previous: PageIdentity | undefined;
  for (const item of queryAll(container, SELECTORS.message)) {
    const message = readMessage(item, previous, messages.length);
    previous = message.author;
    messages.push(message);
  }
  if (!threadElement && messages.length === 0) return null;
  const subject = queryFirst(container, SELECTORS.subject);
  const title = subject ? readLabel(subject) : undefined;
  return title ? { key: `gmail:${key}`, title, messages } : { key: `gmail:${key}`, messages };
}

export const gmailAdapter: SiteDescriptor<'gmail'> = {
  ...INFO,
  selectors: SELECTORS,
  // Address spans (`email`, `name`, `data-name`) and compose chips (`data-hovercard-id`).
  identityAttributes: ['email', 'name', 'data-name', 'data-hovercard-id'],
  fingerprint: ['[data-legacy-thread-id]', '[data-thread-perm-id]', 'span[email][data-hovercard-id]', '[g_editable]'],
  quotedSelectors: SELECTORS.quoted,
  historySelectors: [],
  // Chat inside Gmail (`mail.google.com/chat/…`) is Google Chat's DOM, handled by its own adapter.
  matches: (url) => HOSTS.has(url.hostname) && !url.pathname.startsWith('/chat'),
  findPeople,
  textRoots: (root) => queryAll(root, SELECTORS.body),
  readThread,
  findComposeBoxes: (root) => queryAllIncludingEditors(root, SELECTORS.editor).filter(isHtmlElement),
};
