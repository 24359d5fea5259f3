import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESENT_PROPERTY, SHOWN_DISPLAY } from '../../../src/content/host-element';
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

  it('each content script runs on every host of every site, framed sites in all frames', () => {
    const framed = ADAPTERS.filter((adapter) => adapter.isFramed).flatMap((adapter) => [...adapter.hosts]);
    for (const [script, runAt] of [['src/content/guard.ts', 'document_start'], ['src/content/index.ts', 'document_idle']] as const) {
      const entries = built.content_scripts.filter((entry) => entry.js.includes(script));
      expect(entries.flatMap((entry) => entry.matches).sort(), script).toEqual([...hosts].sort());
      for (const entry of entries) {
        for (const host of entry.matches) expect(entry.all_frames === true, host).toBe(framed.includes(host));
        expect(entry.js).toEqual([script]);
        expect(entry.run_at).toBe(runAt);
      }
    }
  });

  it('the key guard is in place before any page script runs', () => {
    // Its listeners must be the first on the window to hear a key (src/content/key-guard.ts).
    expect(manifestJson.content_scripts[0]).toEqual({ js: ['src/content/guard.ts'], run_at: 'document_start' });
  });

  it('the content script that draws brings the stylesheet that lets its elements show', () => {
    // Without it Hallway's elements never show; with it, they go when the browser takes it away.
    const css = readFileSync(join(import.meta.dirname, '../../../public/content.css'), 'utf8');
    expect(css).toMatch(new RegExp(`:root\\s*\\{\\s*${PRESENT_PROPERTY}:\\s*block;\\s*\\}`, 'u'));
    expect(SHOWN_DISPLAY).toBe(`var(${PRESENT_PROPERTY}, none)`);
    const drawing = built.content_scripts.filter((entry) => entry.js.includes('src/content/index.ts'));
    expect(drawing).toHaveLength(2);
    for (const entry of drawing) expect(entry.css).toEqual(['content.css']);
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
