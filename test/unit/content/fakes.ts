import { vi } from 'vitest';
import type { SiteAdapter } from '../../../src/content/adapters/types';
import type { MarkerState } from '../../../src/shared/views';

/** jsdom has no CSS Custom Highlight API: a highlight is a set of ranges, registered by name. */
class FakeHighlight extends Set<Range> {}

export function installHighlights(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

/** The text a user sees marked under one highlight name, sorted. */
export function painted(registry: Map<string, FakeHighlight>, name: string): string[] {
  return [...(registry.get(name) ?? [])].map((range) => range.toString()).sort();
}

/** A site whose people are `[data-email]` elements and whose prose is in `[data-text]`. */
export const fakeSite: SiteAdapter = {
  site: 'slack',
  identityAttributes: ['data-email'],
  matches: () => true,
  findPeople: (root) =>
    [...root.querySelectorAll('[data-email]')].map((element) => ({
      element,
      identity: { name: element.textContent ?? '', email: element.getAttribute('data-email') ?? '' },
      role: 'author' as const,
    })),
  textRoots: (root) => [...root.querySelectorAll('[data-text]')],
  readThread: () => null,
  findComposeBoxes: () => [],
};

/** Answers lookups from a table of states by address or name; records every batch it was asked. */
export function fakeLookup(states: Record<string, MarkerState>) {
  const batches: string[][] = [];
  const lookup = vi.fn(async (identities: { email?: string; name?: string }[]) => {
    batches.push(identities.map((identity) => identity.email ?? identity.name ?? ''));
    return identities.map((identity) => states[identity.email ?? identity.name ?? ''] ?? 'unknown');
  });
  return { lookup, batches, states };
}
