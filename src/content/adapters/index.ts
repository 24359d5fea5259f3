import type { Site } from '../../shared/identity';
import { genericAdapter } from './generic';
import { FINGERPRINT as GMAIL_FINGERPRINT, gmailAdapter } from './gmail';
import { FINGERPRINT as CHAT_FINGERPRINT, googleChatAdapter } from './google-chat';
import { FINGERPRINT as OUTLOOK_FINGERPRINT, outlookAdapter } from './outlook';
import { FINGERPRINT as SLACK_FINGERPRINT, slackAdapter } from './slack';
import { FINGERPRINT as TEAMS_FINGERPRINT, teamsAdapter } from './teams';
import type { SiteAdapter } from './types';

export { genericAdapter };
export type { FoundPerson, FoundRole, SiteAdapter, ThreadMessage, ThreadView } from './types';

/**
 * Site adapters, in matching order: Google Chat comes before Gmail because Chat inside Gmail
 * lives on mail.google.com/chat/. The generic adapter is not listed; callers run it on every page.
 */
export const ADAPTERS: readonly SiteAdapter[] = [googleChatAdapter, gmailAdapter, outlookAdapter, slackAdapter, teamsAdapter];

/** The site adapter for a page URL, or null on pages Hallway has no site knowledge of. */
export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

export function adapterForSite(site: Site): SiteAdapter {
  if (site === 'generic') return genericAdapter;
  const adapter = ADAPTERS.find((candidate) => candidate.site === site);
  if (!adapter) throw new Error(`No adapter for site ${site}`);
  return adapter;
}

const FINGERPRINTS: readonly (readonly [SiteAdapter, readonly string[]])[] = [
  [gmailAdapter, GMAIL_FINGERPRINT],
  [slackAdapter, SLACK_FINGERPRINT],
  [teamsAdapter, TEAMS_FINGERPRINT],
  [googleChatAdapter, CHAT_FINGERPRINT],
  [outlookAdapter, OUTLOOK_FINGERPRINT],
];

/** Recognises a site from its DOM alone (saved pages without a URL); null when nothing matches. */
export function sniffAdapter(root: ParentNode): SiteAdapter | null {
  for (const [adapter, selectors] of FINGERPRINTS) {
    if (root.querySelector(selectors.join(', '))) return adapter;
  }
  return null;
}
