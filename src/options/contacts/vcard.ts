/**
 * vCard files (.vcf) as phones, Google, Apple and Outlook write them: 4.0 (RFC 6350), 3.0 (RFC 2426)
 * and, as far as Hallway needs, 2.1 with its quoted-printable values. Reading keeps the line where each
 * card begins; writing produces vCard 4.0 with CRLF line ends, lines folded at 75 octets.
 */
import type { IdSite } from '../../shared/identity';
import type { Person } from '../../shared/model';
import { cleanLabels, emptyDraft, splitName, type ContactDraft, type ContactsParse, type LineMessage, type LineReason } from './draft';

interface Property {
  /** Line where the property starts, before unfolding. */
  line: number;
  /** Upper-case name without its group ("item1.EMAIL" → "EMAIL"). */
  name: string;
  /** Upper-case parameter names; values without quotes. A 2.1 bare parameter ("WORK") is a TYPE. */
  params: Map<string, string[]>;
  value: string;
}

const SITE_PROPERTIES: Record<string, IdSite> = {
  'X-HALLWAY-SLACK-ID': 'slack',
  'X-HALLWAY-TEAMS-ID': 'teams',
  'X-HALLWAY-GOOGLE-CHAT-ID': 'google-chat',
};

/** Index of the first `char` outside double quotes, or -1. */
function indexOutsideQuotes(text: string, char: string): number {
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') isQuoted = !isQuoted;
    else if (c === char && !isQuoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, char: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let i = indexOutsideQuotes(rest, char); i >= 0; i = indexOutsideQuotes(rest, char)) {
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

const isQuotedPrintableHead = (head: string) => /(?:^|;)(?:ENCODING=)?QUOTED-PRINTABLE(?:;|$)/iu.test(head);

/** Joins folded lines (RFC 6350 §3.2) and 2.1's quoted-printable soft line breaks (a trailing "="). */
function unfold(text: string): { text: string; line: number }[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const logical: { text: string; line: number }[] = [];
  source.split(/\r\n|\r|\n/u).forEach((physical, i) => {
    const last = logical.at(-1);
    if (last) {
      const colon = indexOutsideQuotes(last.text, ':');
      const isSoftBreak = colon >= 0 && last.text.endsWith('=') && isQuotedPrintableHead(last.text.slice(0, colon));
      if (isSoftBreak) {
        last.text = last.text.slice(0, -1) + physical;
        return;
      }
      if (physical.startsWith(' ') || physical.startsWith('\t')) {
        last.text += physical.slice(1);
        return;
      }
    }
    if (physical.trim()) logical.push({ text: physical, line: i + 1 });
  });
  return logical;
}

function parseProperty(text: string, line: number): Property | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return null;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).trim().toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : raw.slice(0, eq)).trim().toUpperCase();
    const rawValue = eq < 0 ? raw : raw.slice(eq + 1);
    const values = splitOutsideQuotes(rawValue, ',').map((v) => v.trim().replace(/^"(.*)"$/u, '$1'));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { line, name, params, value: text.slice(colon + 1) };
}

function hasParam(property: Property, key: string, value: string): boolean {
  return (property.params.get(key) ?? []).some((v) => v.toLowerCase() === value.toLowerCase());
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/iu.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      // Outside =XX the text is ASCII; anything else is kept as its UTF-8 bytes.
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    // An unknown CHARSET label: UTF-8 is what nearly every phone meant.
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
}

/** Splits on `separator` where it is not escaped with a backslash; the parts stay escaped. */
function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      current += char + value[i + 1];
      i += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** `\n`, `\,`, `\;` and `\\` (RFC 6350 §3.4); any other backslash is kept as written. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/gu, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function escapeText(value: string): string {
  return value.replace(/[\\,;]/gu, (char) => `\\${char}`).replace(/\r\n|\r|\n/gu, '\\n');
}

function rawValue(property: Property): string {
  // 2.1 writes the encoding as a bare parameter ("NOTE;QUOTED-PRINTABLE:"), read here as a TYPE.
  const isQuotedPrintable = hasParam(property, 'ENCODING', 'quoted-printable') || hasParam(property, 'TYPE', 'quoted-printable');
  if (!isQuotedPrintable) return property.value;
  return decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0] ?? 'utf-8');
}

const textOf = (property: Property) => unescapeText(rawValue(property)).trim();
const componentsOf = (property: Property) => splitEscaped(rawValue(property), ';').map((part) => unescapeText(part).trim());
const listOf = (property: Property) =>
  splitEscaped(rawValue(property), ',')
    .map((part) => unescapeText(part).trim())
    .filter(Boolean);

/** Lower numbers first (RFC 6350 PREF is 1–100, 1 most preferred); 3.0 says TYPE=pref; the rest last. */
function preference(property: Property): number {
  const pref = Number(property.params.get('PREF')?.[0]);
  if (Number.isInteger(pref) && pref >= 1) return pref;
  if (hasParam(property, 'TYPE', 'pref') || property.params.has('PREF')) return 1;
  return 101;
}

function draftFromCard(line: number, properties: Property[], warnings: LineMessage[]): ContactDraft {
  const draft = emptyDraft(line);
  const emails: { value: string; pref: number; order: number }[] = [];
  let nameFromN = '';
  let nickname = '';
  const notes: string[] = [];
  for (const property of properties) {
    // Base64 carries photos and keys, never anything Hallway keeps.
    if (hasParam(property, 'ENCODING', 'b') || hasParam(property, 'ENCODING', 'base64')) continue;
    switch (property.name) {
      case 'VERSION': {
        const version = property.value.trim();
        if (!['2.1', '3.0', '4.0'].includes(version)) {
          warnings.push({ line: property.line, message: `vCard version "${version.slice(0, 20)}" is not one Hallway knows; read as 4.0` });
        }
        break;
      }
      case 'FN':
        draft.name ||= textOf(property);
        break;
      case 'N': {
        // family; given; additional; prefixes; suffixes — each may list several, comma-separated.
        const [family = '', given = '', additional = ''] = componentsOf(property).map((part) => part.replaceAll(',', ' ').trim());
        nameFromN ||= [given, additional, family].filter(Boolean).join(' ');
        break;
      }
      case 'NICKNAME':
        nickname ||= listOf(property)[0] ?? '';
        break;
      case 'EMAIL': {
        const value = textOf(property);
        if (value) emails.push({ value, pref: preference(property), order: emails.length });
        break;
      }
      case 'ORG':
        // company; unit; sub-unit — Hallway's team is the unit the person works in.
        draft.team ||= componentsOf(property)[1] ?? '';
        break;
      case 'TITLE':
        draft.role ||= textOf(property);
        break;
      case 'ROLE':
        // ROLE is the part someone plays ("Project lead"); TITLE, their job, wins when both are there.
        if (!properties.some((p) => p.name === 'TITLE')) draft.role ||= textOf(property);
        break;
      case 'NOTE': {
        const note = textOf(property);
        if (note) notes.push(note);
        break;
      }
      case 'CATEGORIES':
        draft.tags.push(...listOf(property));
        break;
      case 'X-HALLWAY-ASK-ABOUT':
        draft.askAbout.push(...listOf(property));
        break;
      case 'X-HALLWAY-HOW-WE-MET':
        draft.howWeMet ||= textOf(property);
        break;
      default: {
        const site = SITE_PROPERTIES[property.name];
        const id = site ? textOf(property) : '';
        if (site && id) draft.siteIds.push({ site, id });
      }
    }
  }
  draft.name = (draft.name || nameFromN || nickname).replace(/\s+/gu, ' ').trim();
  draft.emails = emails.sort((a, b) => a.pref - b.pref || a.order - b.order).map((e) => e.value);
  draft.personal = notes.join('\n\n');
  draft.tags = cleanLabels(draft.tags);
  return draft;
}

export function parseVCards(text: string): ContactsParse {
  const skipped: LineReason[] = [];
  const warnings: LineMessage[] = [];
  const drafts: ContactDraft[] = [];
  let card: { line: number; properties: Property[] } | null = null;
  let hasCards = false;
  let hasWarnedOutside = false;

  for (const { text: logical, line } of unfold(text)) {
    const property = parseProperty(logical, line);
    if (!property) {
      if (card) warnings.push({ line, message: 'is not a vCard property (no ":"); ignored' });
      continue;
    }
    const isCardMark = property.value.trim().toUpperCase() === 'VCARD';
    if (property.name === 'BEGIN' && isCardMark) {
      hasCards = true;
      if (card) {
        skipped.push({ line: card.line, reason: `this card has no END:VCARD before the next BEGIN:VCARD on line ${line}` });
      }
      card = { line, properties: [] };
      hasWarnedOutside = false;
    } else if (property.name === 'END' && isCardMark) {
      if (card) drafts.push(draftFromCard(card.line, card.properties, warnings));
      else warnings.push({ line, message: 'END:VCARD without a BEGIN:VCARD before it; ignored' });
      card = null;
    } else if (card) {
      card.properties.push(property);
    } else if (!hasWarnedOutside) {
      warnings.push({ line, message: 'text outside any BEGIN:VCARD … END:VCARD; ignored' });
      hasWarnedOutside = true;
    }
  }
  if (card) skipped.push({ line: card.line, reason: 'this card has no END:VCARD (the file may be cut short)' });
  if (!hasCards) return { ok: false, error: 'Hallway found no contact in this file: a vCard file has BEGIN:VCARD lines.' };
  return { ok: true, format: 'vcard', drafts, skipped, warnings };
}

/**
 * Folds a content line so no line is longer than 75 octets (RFC 6350 §3.2), counting UTF-8 bytes and
 * never cutting a character in two. A continuation line starts with one space, which counts.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  const encoder = new TextEncoder();
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > 75) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += bytes;
  }
  lines.push(current);
  return lines.join('\r\n');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** One vCard 4.0 for a person, lines ending in CRLF. Hallway-only fields use X- properties. */
export function writeVCard(person: Person): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Hallway//Hallway//EN'];
  // A stable UID lets a contacts app update the card on a second import instead of adding a copy.
  if (UUID.test(person.id)) lines.push(`UID:urn:uuid:${person.id.toLowerCase()}`);
  const { given, family } = splitName(person.displayName);
  lines.push(`FN:${escapeText(person.displayName)}`, `N:${escapeText(family)};${escapeText(given)};;;`);
  person.emails.forEach((email, i) => lines.push(i === 0 ? `EMAIL;PREF=1:${email}` : `EMAIL:${email}`));
  if (person.team) lines.push(`ORG:;${escapeText(person.team)}`);
  if (person.role) lines.push(`TITLE:${escapeText(person.role)}`);
  if (person.tags.length) lines.push(`CATEGORIES:${person.tags.map(escapeText).join(',')}`);
  if (person.personal) lines.push(`NOTE:${escapeText(person.personal)}`);
  if (person.askAbout.length) lines.push(`X-HALLWAY-ASK-ABOUT:${person.askAbout.map(escapeText).join(',')}`);
  if (person.howWeMet) lines.push(`X-HALLWAY-HOW-WE-MET:${escapeText(person.howWeMet)}`);
  for (const { site, id } of person.siteIds) {
    const name = Object.entries(SITE_PROPERTIES).find(([, s]) => s === site)?.[0];
    if (name) lines.push(`${name}:${escapeText(id)}`);
  }
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
