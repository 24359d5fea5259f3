/**
 * The manifest's site-specific parts, written from the site list (src/shared/sites.ts) so that adding a
 * site never means editing manifest.json: where the content script runs, which pages may frame the hover
 * card (CSP `frame-ancestors`), and which pages may load it (`web_accessible_resources`).
 */
import type { SiteInfo } from '../shared/sites';

interface SourceManifest {
  content_scripts: { js: string[] }[];
  content_security_policy: { extension_pages: string };
  web_accessible_resources: { resources: string[] }[];
}

export type ManifestWithSites<M extends SourceManifest> = Omit<M, 'content_scripts' | 'web_accessible_resources'> & {
  content_scripts: (M['content_scripts'][number] & { matches: string[]; all_frames?: true })[];
  web_accessible_resources: (M['web_accessible_resources'][number] & { matches: string[] })[];
};

/** `https://mail.google.com` from `https://mail.google.com/*`: CSP source expressions take no path. */
export function originOf(pattern: string): string {
  const match = /^(https:\/\/[^/*]+)\/\*$/u.exec(pattern);
  if (!match?.[1]) throw new Error(`Site host ${pattern} is not of the form https://<host>/*`);
  return match[1];
}

/**
 * The manifest with the site host lists filled in. manifest.json names its content scripts without
 * `matches`; each is written once for the sites shown only at the top, and once, in every frame, for
 * the sites other pages frame (Google Chat inside Gmail).
 */
export function withSites<M extends SourceManifest>(manifest: M, sites: readonly SiteInfo[]): ManifestWithSites<M> {
  if (!manifest.content_scripts.length) throw new Error('manifest.json must name a content script');
  const hosts = (isFramed: boolean) => sites.filter((site) => site.isFramed === isFramed).flatMap((site) => [...site.hosts]);
  const contentScripts = manifest.content_scripts.flatMap((script) =>
    [
      { ...script, matches: hosts(false) },
      { ...script, matches: hosts(true), all_frames: true as const },
    ].filter((entry) => entry.matches.length > 0),
  );
  const allHosts = sites.flatMap((site) => [...site.hosts]).sort();
  const policy = manifest.content_security_policy.extension_pages;
  return {
    ...manifest,
    content_scripts: contentScripts,
    content_security_policy: {
      ...manifest.content_security_policy,
      extension_pages: `${policy}; frame-ancestors 'self' ${allHosts.map(originOf).join(' ')}`,
    },
    web_accessible_resources: manifest.web_accessible_resources.map((entry) => ({ ...entry, matches: allHosts })),
  };
}
