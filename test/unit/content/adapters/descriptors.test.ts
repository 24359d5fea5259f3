import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, genericAdapter } from '../../../../src/content/adapters/index';
import { SITES } from '../../../../src/shared/identity';
import { SITE_LIST, siteInfo } from '../../../../src/shared/sites';
import { fixtureFiles, loadFixture, parseHtml } from './fixtures';

const empty = parseHtml('<!doctype html><body></body>');
const savedPages = SITE_LIST.flatMap((entry) =>
  fixtureFiles(entry.site).map((file) => ({ site: entry.site, file, doc: loadFixture(file, 'https://example.invalid/').doc })),
);

function isValidSelector(selector: string): boolean {
  try {
    empty.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

describe('site descriptors', () => {
  it('one adapter per site of the site list, in its order', () => {
    expect(ADAPTERS.map((adapter) => adapter.site)).toEqual(SITE_LIST.map((entry) => entry.site));
    expect(SITES).toEqual([...SITE_LIST.map((entry) => entry.site), 'generic']);
  });

  for (const adapter of ADAPTERS) {
    describe(adapter.site, () => {
      it('carries its site-list entry unchanged', () => {
        const { site, label, fullName, kind, hosts, hasUserIds, isFramed } = adapter;
        expect({ site, label, fullName, kind, hosts, hasUserIds, isFramed }).toEqual(siteInfo(adapter.site));
      });

      it('has names and hosts of the form https://<host>/*', () => {
        expect(adapter.label.trim()).not.toBe('');
        expect(adapter.fullName.trim()).not.toBe('');
        expect(adapter.hosts.length).toBeGreaterThan(0);
        for (const host of adapter.hosts) expect(host).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/u);
      });

      it('handles the pages its hosts name', () => {
        for (const host of adapter.hosts) expect(adapterFor(new URL(host.replace('*', '')))?.site).toBe(adapter.site);
      });

      it('names identity attributes and valid selectors', () => {
        expect(adapter.identityAttributes.length).toBeGreaterThan(0);
        for (const name of adapter.identityAttributes) expect(name).toMatch(/^[a-z][a-z-]*$/u);
        for (const selector of [...adapter.fingerprint, ...adapter.quotedSelectors, ...adapter.historySelectors]) {
          expect(isValidSelector(selector), selector).toBe(true);
        }
      });

      it("has a fingerprint that finds its own saved pages and no other site's", () => {
        const fingerprint = adapter.fingerprint.join(', ');
        for (const { site, file, doc } of savedPages) expect(doc.querySelector(fingerprint) !== null, file).toBe(site === adapter.site);
      });
    });
  }

  it('the generic adapter reads mailto links, so it watches href', () => {
    expect(genericAdapter.identityAttributes).toEqual(['href']);
  });
});
