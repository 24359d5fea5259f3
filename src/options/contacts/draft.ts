/**
 * What a contact file says about one person, before Hallway checks it: every format (Google or
 * Outlook CSV, vCard) is read into these drafts, and one place (preview.ts) decides which become people.
 */
import type { SiteId } from '../../shared/identity';

export interface ContactDraft {
  /** 1-based line of the file where the row or card starts, for messages about it. */
  line: number;
  /** The full name as the file gives it, or its parts joined; may be empty. */
  name: string;
  /** Addresses as written in the file, not yet checked. */
  emails: string[];
  team: string;
  role: string;
  tags: string[];
  askAbout: string[];
  personal: string;
  howWeMet: string;
  siteIds: SiteId[];
}

export interface LineReason {
  line: number;
  reason: string;
}

export interface LineMessage {
  line: number;
  message: string;
}

/** Which kind of file it was, to tell the user what Hallway understood. */
export type ContactFormat = 'google' | 'google-legacy' | 'outlook' | 'hallway' | 'csv' | 'vcard';

export const FORMAT_NAMES: Record<ContactFormat, string> = {
  google: 'Google Contacts CSV',
  'google-legacy': 'Google Contacts CSV (older format)',
  outlook: 'Outlook CSV',
  hallway: 'Hallway CSV',
  csv: 'CSV',
  vcard: 'vCard',
};

export interface ParsedContacts {
  format: ContactFormat;
  drafts: ContactDraft[];
  /** Rows or cards that could not be read at all. */
  skipped: LineReason[];
  /** Things read with a caveat; the row is still used. */
  warnings: LineMessage[];
}

/** A file Hallway cannot read as contacts at all, with the reason in words. */
export type ContactsParse = ({ ok: true } & ParsedContacts) | { ok: false; error: string };

export function emptyDraft(line: number): ContactDraft {
  return { line, name: '', emails: [], team: '', role: '', tags: [], askAbout: [], personal: '', howWeMet: '', siteIds: [] };
}

/**
 * Google's system groups say nothing about a colleague: "* myContacts" and "* starred" in its CSV,
 * "myContacts" and "starred" in its vCards. Older system groups ("* Coworkers") are real groups and
 * keep their name without the star.
 */
export function cleanLabels(labels: string[]): string[] {
  return labels
    .filter((label) => !/^\*?\s*(?:mycontacts|starred)$/iu.test(label.trim()))
    .map((label) => label.trim().replace(/^\*\s*/u, ''))
    .filter(Boolean);
}

/**
 * Hallway keeps one display name; formats that want parts get the last word as the family name and
 * the rest as given names. Wrong for some names ("van der Berg"), which is why Hallway's own files
 * also carry the whole name and read it back first.
 */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return { given: words[0] ?? '', family: '' };
  return { given: words.slice(0, -1).join(' '), family: words.at(-1) ?? '' };
}
