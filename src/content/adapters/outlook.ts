/**
 * Outlook on the web (new OWA). Its class names are CSS-module hashes that change between builds and
 * most aria-labels are translated, so this adapter keys on element ids that OWA derives from item ids
 * (`…_FROM`, `…_SUBJECT`, `UniqueMessageBody_…`) and on `data-*` hooks.
 * Sources are listed in test/fixtures/outlook/PROVENANCE.md.
 */
import type { PageIdentity } from '../../shared/identity';
import {
  PeopleCollector,
  identity,
  isHtmlElement,
  isoFromDatetime,
  parseNameAndAddress,
  queryAll,
  queryAllIncludingEditors,
  queryFirst,
  readLabel,
  readText,
} from './dom';
import { hostNames, siteInfo } from '../../shared/sites';
import type { FoundPerson, SiteDescriptor, ThreadMessage, ThreadView } from './types';

export const SELECTORS = {
  /** Sender of a message, text `Name<email>` (same-org senders may show the name only): public scripts
   * `span[id$="_FROM"]` / `#ItemReadingPaneContainer span[id$="_FROM"]`. */
  sender: ['span[id$="_FROM"]'],
  /** Message body: public scripts `div[id^="UniqueMessageBody_"]` (with a translated aria-label we ignore). */
  body: ['[id^="UniqueMessageBody"]'],
  /** Conversation subject, id `CONV_<conversation id>_SUBJECT`: public script notes ("CONV_… for the thread"). */
  conversationSubject: ['[id^="CONV_"][id$="_SUBJECT"]'],
  /** Any item subject: public scripts `span[id$="_SUBJECT"][role="heading"]`. */
  subject: ['[id$="_SUBJECT"]'],
  /** Subject heading carrying the full subject in `title`: toggl/track-extension `div[role="heading"][title]`. */
  subjectTitle: ['[role="heading"][title]'],
  /** Selected row of the message list: public fixture `#MailList [role=option][data-convid][aria-selected]`. */
  selectedConversation: ['[role="option"][aria-selected="true"][data-convid]'],
  /** Machine-readable time where OWA renders one: asana-chrome-extension `time[datetime]`. */
  time: ['time[datetime]'],
  /** Compose body: reword `div[role="textbox"]` + contenteditable (its aria-label filter is translated text, so dropped). */
  editor: ['div[role="textbox"][contenteditable="true"]'],
  /** Outer limits of a conversation, so a lone message is not widened to the whole page:
   * `data-app-section="ConversationContainer"` (many sources), `#ItemReadingPaneContainer` (single-item view),
   * `#ReadingPaneContainerId` (toggl/track-extension). */
  conversation: ['[data-app-section="ConversationContainer"]', '#ItemReadingPaneContainer', '#ReadingPaneContainerId'],
} as const;

const INFO = siteInfo('outlook');
const HOSTS = hostNames(INFO.hosts);

function senderIdentity(element: Element): PageIdentity {
  const label = readLabel(element);
  const parsed = parseNameAndAddress(label);
  return parsed ? identity(parsed) : identity({ name: label });
}

function findPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  for (const element of queryAll(root, SELECTORS.sender)) people.add(element, senderIdentity(element), 'sender');
  return people.people;
}

/** The element holding one message: the largest ancestor of its body that holds no other body. */
function messageElement(body: Element): Element {
  let current = body;
  const boundary = SELECTORS.conversation.join(', ');
  for (let parent = body.parentElement; parent; parent = parent.parentElement) {
    if (parent.matches(boundary) || parent.querySelectorAll(SELECTORS.body.join(', ')).length > 1) break;
    current = parent;
  }
  return current;
}

/** `/mail/…/id/<ItemID>` deep links (asana-chrome-extension URL patterns). */
function itemIdFromUrl(url: URL): string | null {
  const match = /\/id\/([^/?#]+)/u.exec(url.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function conversationKey(doc: Document, url: URL): string | null {
  const subject = queryFirst(doc, SELECTORS.conversationSubject);
  const fromSubject = subject?.id.slice('CONV_'.length, -'_SUBJECT'.length);
  if (fromSubject) return fromSubject;
  const selected = queryFirst(doc, SELECTORS.selectedConversation)?.getAttribute('data-convid');
  return selected || itemIdFromUrl(url);
}

function readThread(doc: Document, url: URL): ThreadView | null {
  const bodies = queryAll(doc, SELECTORS.body);
  const key = conversationKey(doc, url);
  if (!key || bodies.length === 0) return null;
  const messages: ThreadMessage[] = [];
  let previous: PageIdentity | undefined;
  for (const [index, body] of bodies.entries()) {
    const element = messageElement(body);
    const sender = queryFirst(element, SELECTORS.sender);
    const author = sender ? senderIdentity(sender) : previous ?? {};
    previous = author;
    // `<prefix>_<item id>_FROM`; the body id is only a render counter.
    const id = sender?.id.replace(/_FROM$/u, '') || `${key}#${index}`;
    const at = isoFromDatetime(queryFirst(element, SELECTORS.time)?.getAttribute('datetime') ?? null);
    const message: ThreadMessage = { id, author, text: readText(body), element };
    if (at) message.at = at;
    messages.push(message);
  }
  const subject = queryFirst(doc, SELECTORS.subject);
  const title = subject ? readLabel(subject) : queryFirst(doc, SELECTORS.subjectTitle)?.getAttribute('title') ?? undefined;
  return title ? { key: `outlook:${key}`, title, messages } : { key: `outlook:${key}`, messages };
}

export const outlookAdapter: SiteDescriptor<'outlook'> = {
  ...INFO,
  selectors: SELECTORS,
  // Sender ids (`<prefix>_<item id>_FROM`) change when a reading-pane row is reused for another message.
  identityAttributes: ['id'],
  fingerprint: ['[id^="UniqueMessageBody"]', '#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]'],
  quotedSelectors: [],
  // Outlook on the web puts a reply's history after `<div id="appendonsend">` (then `<hr>` and
  // `#divRplyFwdMsg`) inside the same editor.
  historySelectors: ['#appendonsend', '#divRplyFwdMsg'],
  matches: (url) => HOSTS.has(url.hostname),
  findPeople,
  textRoots: (root) => queryAll(root, SELECTORS.body),
  readThread,
  findComposeBoxes: (root) => queryAllIncludingEditors(root, SELECTORS.editor).filter(isHtmlElement),
};
