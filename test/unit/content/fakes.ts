import { vi } from 'vitest';
import type { MarkerPainter } from '../../../src/content/marker-overlay';
import type { ShownState } from '../../../src/content/marker-styles';
import type { SiteAdapter } from '../../../src/content/adapters/types';
import type { MarkerState } from '../../../src/shared/views';

/** A painter that remembers what it was told to draw: the look of each range, and whether any is shown. */
export class FakePainter implements MarkerPainter {
  readonly states = new Map<Range, ShownState>();
  isShown = true;
  paint(range: Range, _owner: Element, state: ShownState): void {
    this.states.set(range, state);
  }
  unpaint(range: Range): void {
    this.states.delete(range);
  }
  setShown(isShown: boolean): void {
    this.isShown = isShown;
  }
  invalidate(): void {}
  isOwn(): boolean {
    return false;
  }
}

/** The text a user sees marked in one look, sorted. */
export function painted(painter: FakePainter, state: ShownState): string[] {
  if (!painter.isShown) return [];
  return [...painter.states].filter(([, s]) => s === state).map(([range]) => range.toString()).sort();
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
