/**
 * The sites Hallway works on, as plain data: what the service worker, the extension pages and the build
 * need to know about a site, without its DOM code. Each site's adapter (src/content/adapters/<site>.ts)
 * extends its entry here with selectors and functions; the manifest's host lists are written from
 * `hosts` at build time (src/build/manifest.ts).
 */

export interface SiteInfo {
  /** The site's key in stored ids and thread keys (`slack:C123`): never renamed once shipped. */
  site: string;
  /** The site's name in running text and on the hover card: "Teams". */
  label: string;
  /** The site's full name, where a picker has room for it: "Microsoft Teams". */
  fullName: string;
  /** Whether a conversation there is an email or a chat, for the interactions Hallway logs. */
  kind: 'mail' | 'chat';
  /** Match patterns (`https://<host>/*`) of the pages the content script runs on. */
  hosts: readonly string[];
  /** Whether the site gives its users ids of its own (Slack `U…`, Teams AAD object ids, Chat member ids). */
  hasUserIds: boolean;
  /** Whether other pages show the site in a frame (Chat inside Gmail): the script then runs in every frame. */
  isFramed: boolean;
}

/** In the order the UI lists them. */
export const SITE_LIST = [
  {
    site: 'gmail',
    label: 'Gmail',
    fullName: 'Gmail',
    kind: 'mail',
    hosts: ['https://mail.google.com/*'],
    hasUserIds: false,
    isFramed: false,
  },
  {
    site: 'outlook',
    label: 'Outlook',
    fullName: 'Outlook',
    kind: 'mail',
    // toggl/track-extension and asana-chrome-extension list the business and consumer hosts;
    // cloud.microsoft is Microsoft 365's newer shared domain.
    hosts: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
    hasUserIds: false,
    isFramed: false,
  },
  {
    site: 'slack',
    label: 'Slack',
    fullName: 'Slack',
    kind: 'chat',
    hosts: ['https://app.slack.com/*'],
    hasUserIds: true,
    isFramed: false,
  },
  {
    site: 'teams',
    label: 'Teams',
    fullName: 'Microsoft Teams',
    kind: 'chat',
    // gediz/teams-web-chat-exporter src/utils/teams-urls.ts
    hosts: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
    hasUserIds: true,
    isFramed: false,
  },
  {
    site: 'google-chat',
    label: 'Google Chat',
    fullName: 'Google Chat',
    kind: 'chat',
    // Chat inside Gmail (mail.google.com/chat/…) is covered by Gmail's host.
    hosts: ['https://chat.google.com/*'],
    hasUserIds: true,
    isFramed: true,
  },
] as const satisfies readonly SiteInfo[];

type SiteEntry = (typeof SITE_LIST)[number];
export type WebSite = SiteEntry['site'];
export type IdSite = Extract<SiteEntry, { hasUserIds: true }>['site'];

function hasUserIds(entry: SiteEntry): entry is Extract<SiteEntry, { hasUserIds: true }> {
  return entry.hasUserIds;
}

export const ID_SITES: readonly IdSite[] = SITE_LIST.filter(hasUserIds).map((entry) => entry.site);

export const SITE_LABELS = Object.fromEntries(SITE_LIST.map((entry) => [entry.site, entry.label])) as Record<WebSite, string>;
export const SITE_FULL_NAMES = Object.fromEntries(SITE_LIST.map((entry) => [entry.site, entry.fullName])) as Record<WebSite, string>;

export const MAIL_SITES: ReadonlySet<string> = new Set(SITE_LIST.filter((entry) => entry.kind === 'mail').map((entry) => entry.site));

/** One site's entry, with its literal types, for its adapter to extend. */
export function siteInfo<S extends WebSite>(site: S): Extract<SiteEntry, { site: S }> {
  return SITE_LIST.find((entry) => entry.site === site) as Extract<SiteEntry, { site: S }>;
}

/** The host names in match patterns (`https://<host>/*`). */
export function hostNames(hosts: readonly string[]): ReadonlySet<string> {
  return new Set(hosts.map((pattern) => new URL(pattern).hostname));
}

/** "Gmail, Outlook, Slack, Teams or Google Chat", for UI copy. */
export function siteNames(conjunction: 'and' | 'or'): string {
  const labels = SITE_LIST.map((entry) => entry.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels.at(-1)}` : labels.join('');
}
