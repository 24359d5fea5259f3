import type { Site } from '../../shared/identity';
import { SITE_LIST, type WebSite } from '../../shared/sites';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { googleChatAdapter } from './google-chat';
import { outlookAdapter } from './outlook';
import { slackAdapter } from './slack';
import { teamsAdapter } from './teams';
import type { SiteAdapter, SiteDescriptor } from './types';

export { genericAdapter };
export type { FoundPerson, FoundRole, SiteAdapter, SiteDescriptor, ThreadMessage, ThreadView } from './types';

/** Every site in src/shared/sites.ts has its adapter here; a site without one does not compile. */
const BY_SITE: { readonly [S in WebSite]: SiteDescriptor<S> } = {
  gmail: gmailAdapter,
  outlook: outlookAdapter,
  slack: slackAdapter,
  teams: teamsAdapter,
  'google-chat': googleChatAdapter,
};

/**
 * Site adapters, in the order of src/shared/sites.ts. Their `matches` do not overlap (Gmail leaves
 * mail.google.com/chat/ to Google Chat), so the order matters only for sniffing saved pages. The
 * generic adapter is not listed; callers run it on every page.
 */
export const ADAPTERS: readonly SiteDescriptor[] = SITE_LIST.map(({ site }) => BY_SITE[site]);

/** The site adapter for a page URL, or null on pages Hallway has no site knowledge of. */
export function adapterFor(url: URL): SiteDescriptor | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

export function adapterForSite(site: Site): SiteAdapter {
  return site === 'generic' ? genericAdapter : BY_SITE[site];
}

/** Recognises a site from its DOM alone (saved pages without a URL); null when nothing matches. */
export function sniffAdapter(root: ParentNode): SiteDescriptor | null {
  return ADAPTERS.find((adapter) => root.querySelector(adapter.fingerprint.join(', '))) ?? null;
}
