/**
 * Fallback that works on any page: mailto links and addresses written in text.
 * The caller runs it next to the site adapter, so it only reports what every page can show.
 */
import { isEmail, normalizeEmail, normalizeName } from '../../shared/identity';
import { PeopleCollector, identity, isInNoGoZone, isElement, parseNameAndAddress, queryAll, readLabel } from './dom';
import type { FoundPerson, SiteAdapter } from './types';

export { buildNameMatcher, findNamesInText, type NameEntry, type NameMatch, type NameMatcher } from './name-matcher';

const SELECTORS = {
  // mailto links; the scheme is case-insensitive (RFC 6068 §2, via RFC 3986 §3.1), hence the `i` flag.
  // Fixture: test/fixtures/generic/mailto-skeleton.html (`MAILTO:Ada.Lovelace@…`).
  mailto: ['a[href^="mailto:" i]'],
} as const;

/** Address headers a mailto query may carry besides the path (RFC 6068 §2: `to`, `cc`, `bcc`). */
const ADDRESS_FIELDS = new Set(['to', 'cc', 'bcc']);

/** Elements whose text is never page prose. */
const NOT_PROSE_SELECTOR = 'head, script, style, noscript, template, title';

export interface FoundEmail {
  email: string;
  index: number;
  length: number;
}

// Loose on purpose (any letters, +tags, dots), strict on the end: the last label is letters only,
// so the full stop that ends a sentence stays outside the address.
const EMAIL_IN_TEXT_RE = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}@-])/gu;

/** Email addresses written in a string, with their offsets. */
export function findEmailsInText(text: string): FoundEmail[] {
  const found: FoundEmail[] = [];
  for (const match of text.matchAll(EMAIL_IN_TEXT_RE)) {
    let value = match[0];
    let index = match.index;
    const leadingDots = /^\.+/u.exec(value)?.[0].length ?? 0;
    value = value.slice(leadingDots);
    index += leadingDots;
    if (!isEmail(value)) continue;
    found.push({ email: normalizeEmail(value), index, length: value.length });
  }
  return found;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Splits an address list on commas/semicolons outside quotes and angle brackets. */
function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let isQuoted = false;
  let angleDepth = 0;
  for (const char of value) {
    if (char === '"') isQuoted = !isQuoted;
    else if (char === '<' && !isQuoted) angleDepth++;
    else if (char === '>' && !isQuoted) angleDepth = Math.max(0, angleDepth - 1);
    if ((char === ',' || char === ';') && !isQuoted && angleDepth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export interface MailtoAddress {
  email: string;
  name?: string;
  /** Whether the address came from the path (the primary recipients) rather than `?cc=` and friends. */
  isPrimary: boolean;
}

/** Every address in a mailto URL: path, `to`, `cc` and `bcc`, percent-decoded; `"Name" <addr>` keeps the name. */
export function parseMailto(href: string): MailtoAddress[] {
  const trimmed = href.trim();
  if (!/^mailto:/iu.test(trimmed)) return [];
  const rest = trimmed.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rest.slice(queryAt + 1);
  const addresses: MailtoAddress[] = [];
  const seen = new Set<string>();
  const addList = (list: string, isPrimary: boolean): void => {
    for (const part of splitAddressList(safeDecode(list))) {
      const parsed = parseNameAndAddress(part);
      if (!parsed || seen.has(parsed.email)) continue;
      seen.add(parsed.email);
      addresses.push(parsed.name ? { email: parsed.email, name: parsed.name, isPrimary } : { email: parsed.email, isPrimary });
    }
  };
  addList(path, true);
  for (const pair of query.split('&')) {
    const equalsAt = pair.indexOf('=');
    if (equalsAt === -1) continue;
    const field = safeDecode(pair.slice(0, equalsAt)).toLowerCase();
    if (ADDRESS_FIELDS.has(field)) addList(pair.slice(equalsAt + 1), field === 'to');
  }
  return addresses;
}

function findMailtoPeople(root: ParentNode, people: PeopleCollector): void {
  for (const link of queryAll(root, SELECTORS.mailto)) {
    const addresses = parseMailto(link.getAttribute('href') ?? '');
    const primary = addresses.filter((address) => address.isPrimary);
    const label = readLabel(link);
    // The link text names the person only when the link points at exactly one primary address.
    const labelName = primary.length === 1 && label && !label.includes('@') ? label : undefined;
    for (const address of addresses) {
      const name = address.name ?? (address.isPrimary ? labelName : undefined);
      people.add(link, identity({ name, email: address.email }), 'mailto');
    }
  }
}

function nameBefore(text: string, index: number): string | undefined {
  const quoted = /"([^"<>\n]{1,80})"\s*<$/u.exec(text.slice(0, index));
  return quoted?.[1] ? normalizeName(quoted[1]) : undefined;
}

function findTextPeople(root: ParentNode, people: PeopleCollector): void {
  const doc = isElement(root) ? root.ownerDocument : (root as Node).ownerDocument ?? (root as Document);
  const SHOW_TEXT = 4;
  const walker = doc.createTreeWalker(root as Node, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!text.includes('@')) continue;
    const parent = node.parentElement;
    if (!parent || isInNoGoZone(parent) || parent.closest(NOT_PROSE_SELECTOR)) continue;
    for (const found of findEmailsInText(text)) {
      people.add(parent, identity({ email: found.email, name: nameBefore(text, found.index) }), 'text');
    }
  }
}

/** People behind mailto links under root (the annotator finds addresses in prose itself, as ranges). */
export function findLinkedPeople(root: ParentNode): FoundPerson[] {
  const people = new PeopleCollector();
  findMailtoPeople(root, people);
  return people.people;
}

export const genericAdapter: SiteAdapter = {
  site: 'generic',
  identityAttributes: ['href'],
  matches: () => true,
  findPeople(root: ParentNode): FoundPerson[] {
    const people = new PeopleCollector();
    findMailtoPeople(root, people);
    findTextPeople(root, people);
    return people.people;
  },
  textRoots(root: ParentNode): Element[] {
    if (isElement(root)) return isInNoGoZone(root) ? [] : [root];
    const body = (root as Document).body ?? null;
    return body ? [body] : [];
  },
  readThread: () => null,
  // Drafts are checked only where a site adapter knows which editor is the compose box.
  findComposeBoxes: () => [],
};
