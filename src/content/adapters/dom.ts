/**
 * Small DOM readers shared by the site adapters. Read-only: nothing here writes to the page.
 */
import { isEmail, normalizeEmail, normalizeName, type PageIdentity } from '../../shared/identity';
import { LIMITS } from '../../shared/limits';
import type { FoundPerson, FoundRole } from './types';

/**
 * Places the user types into or code shown verbatim. Nothing inside is ever reported: markers in an
 * editor would end up in the user's draft, and addresses in code are not people.
 * `contenteditable=""` and `plaintext-only` are editable too, so match every value except "false".
 */
export const NO_GO_SELECTOR = [
  '[contenteditable]:not([contenteditable="false" i])',
  'input',
  'textarea',
  'select',
  'code',
  'pre',
].join(', ');

/** Inline `code` stays part of a sentence; code blocks and editors are not prose. */
const TEXT_SKIP_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), input, textarea, select, pre';

export function isInNoGoZone(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element === null || element.closest(NO_GO_SELECTOR) !== null;
}

/** All elements under root (root included) matching any of the selectors, in document order, outside editors and code. */
export function queryAll(root: ParentNode, selectors: readonly string[]): Element[] {
  if (selectors.length === 0) return [];
  const selector = selectors.join(', ');
  const found: Element[] = [];
  if (isElement(root) && root.matches(selector)) found.push(root);
  for (const element of root.querySelectorAll(selector)) found.push(element);
  return found.filter((element) => !isInNoGoZone(element));
}

/** Like queryAll, but editors and code are allowed (for finding the compose boxes themselves). */
export function queryAllIncludingEditors(root: ParentNode, selectors: readonly string[]): Element[] {
  if (selectors.length === 0) return [];
  const selector = selectors.join(', ');
  const found = new Set<Element>();
  if (isElement(root) && root.matches(selector)) found.add(root);
  for (const element of root.querySelectorAll(selector)) found.add(element);
  return [...found];
}

export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    if (isElement(root) && root.matches(selector)) return root;
    const element = root.querySelector(selector);
    if (element) return element;
  }
  return null;
}

/** First attribute value found on the element, in the order given. */
export function firstAttribute(element: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return null;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

export function isHtmlElement(element: Element): element is HTMLElement {
  // `instanceof HTMLElement` fails across realms (jsdom windows, frames); check the namespace instead.
  return element.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

const NEVER_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IMG', 'BUTTON']);

/**
 * The visible prose of an element as plain text: block elements and `<br>` become line breaks,
 * runs of spaces collapse, and subtrees matching `skip` (quotes, reactions ...) and editors are left out.
 * Walks the tree instead of reading innerText, which needs layout (and jsdom has none).
 */
export function readText(element: Element, skip: readonly string[] = []): string {
  const skipSelector = [TEXT_SKIP_SELECTOR, ...skip].join(', ');
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (!isElement(node)) return;
    // The element asked for is always read (a sender can be a <button>); only its descendants are filtered.
    if (node !== element && (NEVER_TEXT_TAGS.has(node.tagName) || node.matches(skipSelector))) return;
    if (node.tagName === 'BR') {
      parts.push('\n');
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.tagName);
    if (isBlock) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (isBlock) parts.push('\n');
  };
  walk(element);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Text of a short label (a name), whitespace collapsed; hidden helper spans are skipped. */
export function readLabel(element: Element): string {
  return readText(element, ['[aria-hidden="true"]']).replace(/\n/gu, ' ').trim();
}

/** `Name <addr@example.com>` or `Name<addr@example.com>` or a bare address; null when no address. */
export function parseNameAndAddress(value: string): { name?: string; email: string } | null {
  const text = value.replace(/[\s\u00a0]+/gu, ' ').trim();
  const angled = /^(.*?)\s*<([^<>\s]+)>$/u.exec(text);
  if (angled) {
    const email = angled[2] ?? '';
    if (!isEmail(email)) return null;
    const name = (angled[1] ?? '').replace(/^["']|["']$/gu, '').trim();
    return name && !isEmail(name) ? { name: normalizeName(name), email: normalizeEmail(email) } : { email: normalizeEmail(email) };
  }
  return isEmail(text) ? { email: normalizeEmail(text) } : null;
}

/** Builds an identity with only the fields that have values, names normalised. */
export function identity(parts: { name?: string | null; email?: string | null; siteId?: PageIdentity['siteId'] | null; isSelf?: boolean }): PageIdentity {
  const result: PageIdentity = {};
  if (parts.isSelf) result.isSelf = true;
  const name = parts.name ? normalizeName(parts.name.replace(/^@/u, '')).slice(0, LIMITS.name) : '';
  if (name) result.name = name;
  // An address or id too long to be real is dropped, not cut: a cut one would name someone else.
  if (parts.email && parts.email.length <= LIMITS.email && isEmail(parts.email)) result.email = normalizeEmail(parts.email);
  if (parts.siteId && parts.siteId.id.length <= LIMITS.siteId) result.siteId = parts.siteId;
  return result;
}

export function hasIdentity(value: PageIdentity): boolean {
  return Boolean(value.email || value.siteId || value.name);
}

/** Collects found people, one per element and identity, in the order they were added. */
export class PeopleCollector {
  readonly people: FoundPerson[] = [];
  private readonly seen = new Map<Element, Set<string>>();

  add(element: Element, found: PageIdentity, role: FoundRole): void {
    if (!hasIdentity(found) || isInNoGoZone(element)) return;
    const key = `${found.email ?? ''}|${found.siteId ? `${found.siteId.site}:${found.siteId.id}` : ''}|${found.email || found.siteId ? '' : found.name ?? ''}`;
    let keys = this.seen.get(element);
    if (!keys) {
      keys = new Set();
      this.seen.set(element, keys);
    }
    if (keys.has(key)) return;
    keys.add(key);
    this.people.push({ element, identity: found, role });
  }
}

/** Seconds since the epoch (Slack `ts`, which may carry a sequence fraction) as ISO 8601. */
export function isoFromSeconds(value: string | null): string | undefined {
  if (!value || !/^\d{9,11}(\.\d+)?$/u.test(value)) return undefined;
  return new Date(Math.floor(Number(value)) * 1000).toISOString();
}

/** Milliseconds since the epoch as ISO 8601. */
export function isoFromMillis(value: string | null): string | undefined {
  if (!value || !/^\d{12,14}$/u.test(value)) return undefined;
  return new Date(Number(value)).toISOString();
}

/** A `datetime` attribute as ISO 8601, when it parses. */
export function isoFromDatetime(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
