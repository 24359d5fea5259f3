/**
 * Microsoft Teams ("new Teams", v2). Teams tags its UI with locale-independent `data-tid` hooks and
 * derives element ids from message ids (`author-<mid>`, `content-<mid>`); class names are Fluent UI
 * (`fui-*`) or hashes. Sources are listed in test/fixtures/teams/PROVENANCE.md.
 */
import type { PageIdentity } from '../../shared/identity';
import {
  PeopleCollector,
  identity,
  isHtmlElement,
  isoFromDatetime,
  queryAll,
  queryAllIncludingEditors,
  queryFirst,
  readLabel,
  readText,
} from './dom';
import { hostNames, siteInfo } from '../../shared/sites';
import type { FoundPerson, SiteDescriptor, ThreadMessage, ThreadView } from './types';

/** A quoted reply inside a message or a compose box: public selector map `[data-tid="quoted-reply-card"]`. */
const QUOTED_REPLY = '[data-tid="quoted-reply-card"]';

export const SELECTORS = {
  /** One rendered message row: gediz scroll.ts and m0nkmaster teams-export.js `[data-tid="chat-pane-item"]`;
   * channel posts: gediz `[data-tid="channel-pane-message"]`. */
  item: ['[data-tid="chat-pane-item"]', '[data-tid="channel-pane-message"]'],
  /** The message proper with its id: gediz/m0nkmaster `[data-tid="chat-pane-message"][data-mid]`. */
  message: ['[data-tid="chat-pane-message"][data-mid]'],
  /** Author name: gediz/m0nkmaster `[data-tid="message-author-name"]`, gediz fallback `[id^="author-"]`. */
  author: ['[data-tid="message-author-name"]', '[id^="author-"]'],
  /** Avatar whose URL carries the AAD object id (`/users/<uuid>/profilepicturev2/`): gediz extractUserUuidFromAvatarUrl. */
  avatar: ['[data-tid="message-avatar"] img'],
  /** Time: gediz/m0nkmaster `time[datetime]`. */
  time: ['time[datetime]'],
  /** Body text: m0nkmaster `[id^="content-"]:not([id^="content-control"])`; `[data-message-content]` (public selector map). */
  content: ['[id^="content-"]:not([id^="content-control"])', '[data-message-content]'],
  /** Reactions, "Edited" and quoted replies are not the message's own words: m0nkmaster
   * `[data-tid="diverse-reaction-pill-button"]`, gediz `[id^="edited-"]`, and the quoted reply. */
  notProse: ['[data-tid="diverse-reaction-pill-button"]', '[id^="edited-"]', QUOTED_REPLY],
  /** The signed-in user's own messages (rendered without author or avatar): public selector map `.fui-ChatMyMessage`. */
  ownMessage: ['.fui-ChatMyMessage'],
  /** Signed-in user's avatar (AAD id in its URL): gediz findSelfAvatar `[data-tid="me-control-avatar"]`. */
  selfAvatar: ['[data-tid="me-control-avatar"] img'],
  /** @mentions in message HTML: Teams' `itemtype="http://schema.skype.com/Mention"` spans (the Teams message
   * format, seen in many public Teams clients and bridges). */
  mention: ['[itemtype="http://schema.skype.com/Mention"]'],
  /** Chat title: m0nkmaster `[data-tid="chat-header-title"]`. */
  title: ['[data-tid="chat-header-title"]'],
  /** Conversation id: m0nkmaster (`[data-tid="message-pane-node"]` closest `[data-convid]`). */
  conversation: ['[data-convid]'],
  /** Compose box: reword `[data-tid="ckeditor"][contenteditable="true"]` (some builds put contenteditable on
   * a child); a generic `[role=textbox][contenteditable]` for the others. */
  editor: [
    '[data-tid="ckeditor"][contenteditable="true"]',
    '[data-tid="ckeditor"] [contenteditable="true"]',
    '[role="textbox"][contenteditable="true"]',
  ],
} as const;

const INFO = siteInfo('teams');
const HOSTS = hostNames(INFO.hosts);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const AVATAR_USER = new RegExp(`/users/(${UUID})/profilepicture`, 'iu');
/** Teams user MRIs: `8:orgid:<AAD object id>` (Teams chat service ids, used in `data-tid`/`id` values). */
const ORG_ID = new RegExp(`8:orgid:(${UUID})`, 'iu');
/** Chat and channel thread ids: `19:<…>@thread.v2`, `19:<…>@unq.gbl.spaces` (1:1), `@thread.tacv2` (channels). */
const CONVERSATION_ID = /19:[^/?#&\s]+@(?:thread\.(?:v2|tacv2|skype)|unq\.gbl\.spaces)/u;

function aadIdFromAvatar(img: Element | null): string | null {
  const match = AVATAR_USER.exec(img?.getAttribute('src') ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function aadIdFromAttributes(element: Element | null): string | null {
  if (!element) return null;
  for (const attribute of element.attributes) {
    const match = ORG_ID.exec(attribute.value);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

function teamsIdentity(name: string | null, aadId: string | null): PageIdentity {
  return identity({ name, siteId: aadId ? { site: 'teams', id: aadId } : null });
}

function authorIdentity(authorElement: Element, item: Element | null): PageIdentity {
  const aadId =
    aadIdFromAttributes(authorElement) ?? (item ? aadIdFromAvatar(queryFirst(item, SELECTORS.avatar)) : null);
  return teamsIdentity(readLabel(authorElement), aadId);
}

function findPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  for (const element of queryAll(root, SELECTORS.author)) {
    people.add(element, authorIdentity(element, element.closest(SELECTORS.item.join(', '))), 'author');
  }
  for (const element of queryAll(root, SELECTORS.mention)) {
    people.add(element, teamsIdentity(readLabel(element), aadIdFromAttributes(element)), 'mention');
  }
  return people.people;
}

function conversationKey(doc: Document, url: URL): string | null {
  const fromDom = queryFirst(doc, SELECTORS.conversation)?.getAttribute('data-convid');
  if (fromDom) return fromDom;
  const match = CONVERSATION_ID.exec(decodeURIComponent(url.pathname + url.search + url.hash));
  return match?.[0] ?? null;
}

function readThread(doc: Document, url: URL): ThreadView | null {
  const key = conversationKey(doc, url);
  if (!key) return null;
  const selfId = aadIdFromAvatar(queryFirst(doc, SELECTORS.selfAvatar));
  const self: PageIdentity = selfId ? { siteId: { site: 'teams', id: selfId } } : {};
  const ownSelector = SELECTORS.ownMessage.join(', ');
  const messages: ThreadMessage[] = [];
  let previous: PageIdentity | undefined;
  for (const item of queryAll(doc, SELECTORS.item)) {
    // Control messages ("… added … to the chat") have no chat-pane-message and are skipped here.
    const body = queryFirst(item, SELECTORS.message);
    if (!body) continue;
    const authorElement = queryFirst(item, SELECTORS.author);
    const isOwn = !authorElement && body.closest(ownSelector) !== null;
    // Consecutive messages from one person show the author only on the first.
    const author = authorElement ? authorIdentity(authorElement, item) : isOwn ? self : previous;
    if (!author) continue;
    previous = author;
    const content = queryFirst(body, SELECTORS.content) ?? body;
    const message: ThreadMessage = {
      id: body.getAttribute('data-mid') ?? '',
      author,
      text: readText(content, SELECTORS.notProse),
      element: item,
    };
    const at = isoFromDatetime(queryFirst(item, SELECTORS.time)?.getAttribute('datetime') ?? null);
    if (at) message.at = at;
    if (isOwn) message.isOwn = true;
    messages.push(message);
  }
  if (messages.length === 0) return null;
  const titleElement = queryFirst(doc, SELECTORS.title);
  const title = titleElement ? readLabel(titleElement) : '';
  return title ? { key: `teams:${key}`, title, messages } : { key: `teams:${key}`, messages };
}

export const teamsAdapter: SiteDescriptor<'teams'> = {
  ...INFO,
  selectors: SELECTORS,
  // Author ids (`author-<mid>`, `8:orgid:` values in `id`/`data-tid`) and avatar URLs carry the AAD id.
  identityAttributes: ['id', 'data-tid', 'src'],
  fingerprint: ['[data-tid="chat-pane-item"]', '[data-tid="message-pane-list-viewport"]', '[data-tid="chat-pane-message"]'],
  quotedSelectors: [QUOTED_REPLY],
  historySelectors: [],
  matches: (url) => HOSTS.has(url.hostname),
  findPeople,
  textRoots: (root) => queryAll(root, SELECTORS.content),
  readThread,
  findComposeBoxes: (root) => outermost(queryAllIncludingEditors(root, SELECTORS.editor)).filter(isHtmlElement),
};

/** Drops elements nested in another found element (a CKEditor root and its editable child are one box). */
function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}
