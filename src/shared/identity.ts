/**
 * Who a name on a page is. Strong identifiers (an email address, a per-site user id) name one
 * person; a display name alone does not: two people can share one, and anyone can take someone
 * else's. See DESIGN.md, "Identity".
 */

import { ID_SITES, SITE_LIST, type IdSite, type WebSite } from './sites';

export { ID_SITES, type IdSite };

/** Every site an identity can come from: the known sites, and any other page ('generic'). */
export type Site = WebSite | 'generic';
export const SITES: readonly Site[] = [...SITE_LIST.map((entry) => entry.site), 'generic'];

export interface SiteId {
  site: IdSite;
  id: string;
}

/** What a page tells us about one person it shows. */
export interface PageIdentity {
  name?: string;
  email?: string;
  siteId?: SiteId;
  /** The page says this is the signed-in user (Gmail's "me" chip, the user's own messages). */
  isSelf?: boolean;
}

/**
 * What Gmail and others write instead of the user's own name, by language: "me" in English, "ich" /
 * "mich" in German, "moi" in French, "yo" / "mí" in Spanish, and so on.
 */
const SELF_LABELS = new Set(['me', 'ich', 'mich', 'mir', 'moi', 'yo', 'mí', 'mi', 'eu', 'io', 'ik', 'mij', 'jag', 'mig', 'ja', 'mnie', 'я', '私', '나', '我']);

export function isSelfLabel(text: string): boolean {
  return SELF_LABELS.has(text.trim().toLowerCase());
}

// Deliberately loose: the page decides what it calls an address; we only need a stable key.
const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;

export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value.trim());
}

/** Addresses compare case-insensitively in practice (RFC 5321 allows otherwise; no mail host does). */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

export function normalizeName(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// Letters Unicode does not split into a base letter and an accent, folded the way an
// accent-insensitive collator (`Intl.Collator(…, { sensitivity: 'base' })`) compares them.
const UNSPLIT_LETTERS: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd',
};
const UNSPLIT_RE = /[łøđħıæœßþð]/gu;

/** Case- and accent-insensitive form of any text: "Łukasz" and "lukasz", "José" and "jose" fold alike. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(UNSPLIT_RE, (letter) => UNSPLIT_LETTERS[letter] ?? letter);
}

/** Folded form of a name, for matching display names only. */
export function foldName(value: string): string {
  return foldText(normalizeName(value));
}

export function siteKey(siteId: SiteId): string {
  return `${siteId.site}:${siteId.id}`;
}

/** The strongest key a page identity offers, or null when it only has a display name. */
export function strongKey(identity: PageIdentity): string | null {
  if (identity.email && isEmail(identity.email)) return `email:${normalizeEmail(identity.email)}`;
  if (identity.siteId) return siteKey(identity.siteId);
  return null;
}

/** A key that is stable for the same identity on a page; weak (name-only) keys are marked as such. */
export function identityKey(identity: PageIdentity): string {
  return strongKey(identity) ?? `name:${foldName(identity.name ?? '')}`;
}

/**
 * The keys a display name is looked up by when a page shows someone Hallway may already know under
 * another address or id: the folded name in "First Last" order ("Hopper, Grace" is Grace Hopper), with
 * a bracketed or dashed tail dropped ("Grace Hopper (Platform)", "Grace Hopper - Acme"), and the same
 * without middle initials ("Grace M. Hopper"). A name of one word gives no key: "Grace" alone is too
 * many people.
 */
export function nameMatchKeys(name: string): string[] {
  let folded = foldName(name)
    .replace(/\s*[([{].*$/u, '')
    .replace(/\s+[-–—|].*$/u, '')
    .trim();
  const comma = folded.indexOf(',');
  if (comma > 0) folded = `${folded.slice(comma + 1)} ${folded.slice(0, comma)}`;
  const words = folded.replace(/[.,]/gu, ' ').split(/\s+/u).filter(Boolean);
  if (words.length < 2) return [];
  const keys = [words.join(' ')];
  const inner = words.filter((w, i) => i === 0 || i === words.length - 1 || w.length > 1);
  if (inner.length >= 2 && inner.length < words.length) keys.push(inner.join(' '));
  return keys;
}

/**
 * "g hopper" for Grace Hopper, so "G. Hopper" can be offered as her: an initial and a surname, looked up
 * only when the page gives no more than that.
 */
export function initialKey(name: string): string | null {
  const [key] = nameMatchKeys(name);
  if (!key) return null;
  const words = key.split(' ');
  return `${words[0]!.charAt(0)} ${words.at(-1)!}`;
}

/** True when the name's first word is only an initial ("G. Hopper"). */
export function isInitialName(name: string): boolean {
  const [key] = nameMatchKeys(name);
  return key !== undefined && key.split(' ')[0]!.length === 1;
}

/**
 * Addresses that are a list, a group or a machine rather than a colleague: role mailboxes ("team@",
 * "noreply@"), mailing-list plumbing ("…+unsubscribe@googlegroups.com", "-owner@", "-request@"), and
 * list hosts. They are never offered as people to add.
 */
const ROLE_LOCAL_PARTS = new Set(
  ('team all everyone staff info support help hello contact sales billing accounts admin noreply no-reply donotreply ' +
    'do-not-reply notification notifications notify alert alerts mailer-daemon postmaster news newsletter marketing ' +
    'jobs careers security abuse webmaster root bounce bounces calendar calendar-notification reply updates digest').split(' '),
);
const LIST_SUFFIX = /(?:^|[-+_.])(?:unsubscribe|subscribe|owner|request|bounces?|announce|digest|list|all|team|group|devs?|users)$/u;
const LIST_HOST = /(?:^|\.)(?:googlegroups\.com|groups\.io|lists?\.[^.]+\.[^.]+|groups\.[^.]+\.[^.]+)$/u;

export function isGroupAddress(email: string): boolean {
  const [local = '', host = ''] = normalizeEmail(email).split('@');
  if (ROLE_LOCAL_PARTS.has(local) || LIST_HOST.test(host)) return true;
  const plus = local.indexOf('+');
  const base = plus > 0 ? local.slice(plus + 1) : local;
  return LIST_SUFFIX.test(base) && (plus > 0 || /[-_.]/u.test(local));
}
