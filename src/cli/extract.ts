/**
 * Shows what the site adapters see on a saved page:
 *   npm run extract -- <page.html> [--site gmail|outlook|slack|teams|google-chat] [--url <page url>]
 * The site comes from --site, else from --url, else from the page's DOM.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { SITES, siteKey, type PageIdentity, type Site } from '../shared/identity';
import { adapterFor, adapterForSite, genericAdapter, sniffAdapter } from '../content/adapters/index';
import type { FoundRole, SiteAdapter } from '../content/adapters/types';

export interface ExtractedIdentity {
  name: string | null;
  email: string | null;
  siteId: string | null;
}

export interface ExtractedPerson extends ExtractedIdentity {
  role: FoundRole;
  where: string;
}

export interface ExtractResult {
  site: Site;
  url: string;
  people: ExtractedPerson[];
  thread: {
    key: string;
    title: string | null;
    messages: { id: string; author: ExtractedIdentity; at: string | null; text: string; isOwn?: true }[];
  } | null;
  composeBoxes: number;
}

export interface ExtractOptions {
  site?: string;
  url?: string;
}

/** Where each site's pages live, for reading a saved page that came without its URL. */
const DEFAULT_URLS: Record<Site, string> = {
  gmail: 'https://mail.google.com/mail/u/0/',
  outlook: 'https://outlook.office.com/mail/',
  slack: 'https://app.slack.com/client/',
  teams: 'https://teams.microsoft.com/v2/',
  'google-chat': 'https://chat.google.com/',
  generic: 'https://example.invalid/',
};

export class ExtractError extends Error {}

function isSite(value: string): value is Site {
  return (SITES as readonly string[]).includes(value);
}

function plainIdentity(identity: PageIdentity): ExtractedIdentity {
  return {
    name: identity.name ?? null,
    email: identity.email ?? null,
    siteId: identity.siteId ? siteKey(identity.siteId) : null,
  };
}

/** A short CSS-like path to an element: its last three levels, by tag, id or a data hook, and two classes. */
export function describeElement(element: Element): string {
  const levels: string[] = [];
  for (let current: Element | null = element; current && levels.length < 3; current = current.parentElement) {
    let level = current.tagName.toLowerCase();
    const hook = ['data-qa', 'data-tid', 'data-testid', 'role']
      .map((name) => [name, current?.getAttribute(name)] as const)
      .find(([, value]) => value);
    if (current.id && current.id.length <= 40) level += `#${current.id}`;
    else if (hook) level += `[${hook[0]}="${hook[1]}"]`;
    const classes = [...current.classList].slice(0, 2);
    if (classes.length > 0) level += `.${classes.join('.')}`;
    levels.unshift(level);
  }
  return levels.join(' > ');
}

function chooseAdapter(html: string, options: ExtractOptions): SiteAdapter | null {
  if (options.site !== undefined) {
    if (!isSite(options.site)) throw new ExtractError(`Unknown site "${options.site}". Use one of: ${SITES.join(', ')}.`);
    return options.site === 'generic' ? null : adapterForSite(options.site);
  }
  if (options.url !== undefined) {
    const byUrl = adapterFor(new URL(options.url));
    if (byUrl) return byUrl;
  }
  // A throwaway parse: the site decides the URL the real parse gets.
  return sniffAdapter(new JSDOM(html).window.document);
}

/** Runs the page's site adapter (if any) and the generic adapter over the HTML. */
export function extract(html: string, options: ExtractOptions = {}): ExtractResult {
  if (options.url !== undefined && !URL.canParse(options.url)) throw new ExtractError(`Not a URL: "${options.url}".`);
  const adapter = chooseAdapter(html, options);
  const site: Site = adapter?.site ?? 'generic';
  const url = options.url ?? DEFAULT_URLS[site];
  const doc = new JSDOM(html, { url }).window.document;
  const pageUrl = new URL(url);
  const found = [...(adapter?.findPeople(doc) ?? []), ...genericAdapter.findPeople(doc)];
  const thread = adapter?.readThread(doc, pageUrl) ?? null;
  return {
    site,
    url,
    people: found.map(({ element, identity, role }) => ({ ...plainIdentity(identity), role, where: describeElement(element) })),
    thread: thread && {
      key: thread.key,
      title: thread.title ?? null,
      messages: thread.messages.map((message) => ({
        id: message.id,
        author: plainIdentity(message.author),
        at: message.at ?? null,
        text: message.text,
        ...(message.isOwn ? { isOwn: true as const } : {}),
      })),
    },
    composeBoxes: adapter?.findComposeBoxes(doc).length ?? 0,
  };
}

function parseArgs(argv: readonly string[]): { file: string; options: ExtractOptions } {
  let file: string | undefined;
  const options: ExtractOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/su, 2) : [arg, undefined];
    if (flag === '--site' || flag === '--url') {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ExtractError(`${flag} needs a value.`);
      if (flag === '--site') options.site = value;
      else options.url = value;
    } else if (arg.startsWith('--')) {
      throw new ExtractError(`Unknown option ${arg}.`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new ExtractError(`Only one page at a time (got "${file}" and "${arg}").`);
    }
  }
  if (file === undefined) {
    throw new ExtractError('Usage: npm run extract -- <page.html> [--site gmail|outlook|slack|teams|google-chat] [--url <page url>]');
  }
  return { file, options };
}

function main(argv: readonly string[]): number {
  try {
    const { file, options } = parseArgs(argv);
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      throw new ExtractError(`Cannot read ${file}: ${reason}.`);
    }
    process.stdout.write(`${JSON.stringify(extract(html, options), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ExtractError)) throw error;
    process.stderr.write(`extract: ${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
