import { identityKey, type PageIdentity } from '../shared/identity';
import type { SiteAdapter } from './adapters/types';

/**
 * The identities a page shows, once each, strongest first: an element that shows both a name and an
 * address yields one identity carrying both.
 */
export function collectIdentities(root: ParentNode, adapters: readonly SiteAdapter[]): PageIdentity[] {
  const byKey = new Map<string, PageIdentity>();
  for (const adapter of adapters) {
    for (const { identity } of adapter.findPeople(root)) {
      const key = identityKey(identity);
      const known = byKey.get(key);
      if (!known) byKey.set(key, { ...identity });
      else if (!known.name && identity.name) known.name = identity.name;
    }
  }
  return [...byKey.values()];
}
