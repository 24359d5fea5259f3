import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { siteKey, type PageIdentity } from '../../../../src/shared/identity';
import type { FoundPerson } from '../../../../src/content/adapters/types';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

export function fixtureHtml(path: string): string {
  return readFileSync(join(FIXTURES_DIR, path), 'utf8');
}

export function fixtureFiles(site: string): string[] {
  return readdirSync(join(FIXTURES_DIR, site))
    .filter((name) => name.endsWith('.html'))
    .map((name) => `${site}/${name}`);
}

/** Parses a fixture as the browser would at that URL. */
export function loadFixture(path: string, url: string): { doc: Document; url: URL } {
  return { doc: new JSDOM(fixtureHtml(path), { url }).window.document, url: new URL(url) };
}

export function parseHtml(html: string, url = 'https://example.invalid/'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** An identity as one readable string: `Name <email> site:id`. */
export function who(identity: PageIdentity): string {
  return [identity.name, identity.email && `<${identity.email}>`, identity.siteId && siteKey(identity.siteId)]
    .filter(Boolean)
    .join(' ');
}

export function people(found: readonly FoundPerson[]): string[] {
  return found.map((person) => `${person.role}: ${who(person.identity)}`);
}
