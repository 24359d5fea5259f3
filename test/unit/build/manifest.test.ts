import { describe, expect, it } from 'vitest';
import { originOf, withSites } from '../../../src/build/manifest';
import manifestJson from '../../../manifest.json' with { type: 'json' };
import { ADAPTERS } from '../../../src/content/adapters/index';
import { SITE_LIST } from '../../../src/shared/sites';

/** What the build writes (vite.config.ts derives both browsers' manifests from it). */
const built = withSites(manifestJson, SITE_LIST);
const hosts = ADAPTERS.flatMap((adapter) => [...adapter.hosts]);

describe('manifest host lists', () => {
  it('manifest.json itself names no site', () => {
    expect(JSON.stringify(manifestJson)).not.toMatch(/https?:/u);
  });

  it('the content script runs on every host of every site, framed sites in all frames', () => {
    const framed = ADAPTERS.filter((adapter) => adapter.isFramed).flatMap((adapter) => [...adapter.hosts]);
    expect(built.content_scripts.flatMap((entry) => entry.matches).sort()).toEqual([...hosts].sort());
    for (const entry of built.content_scripts) {
      for (const host of entry.matches) expect(entry.all_frames === true, host).toBe(framed.includes(host));
      expect(entry.js).toEqual(['src/content/index.ts']);
      expect(entry.run_at).toBe('document_idle');
    }
  });

  it('only the sites may frame the hover card and load it', () => {
    const policy = built.content_security_policy.extension_pages;
    const ancestors = /frame-ancestors ([^;]+)/u.exec(policy)?.[1]?.split(' ');
    expect(ancestors).toEqual(["'self'", ...hosts.map(originOf).sort()]);
    expect(policy.startsWith(manifestJson.content_security_policy.extension_pages)).toBe(true);
    expect(built.web_accessible_resources).toHaveLength(1);
    expect(built.web_accessible_resources[0]?.matches).toEqual([...hosts].sort());
  });

  it('refuses a host that is not a plain origin', () => {
    expect(originOf('https://teams.live.com/*')).toBe('https://teams.live.com');
    expect(() => originOf('https://*.slack.com/*')).toThrow();
    expect(() => originOf('https://mail.google.com/chat/*')).toThrow();
  });
});
