import { describe, expect, it, vi } from 'vitest';

const create = vi.fn();
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (path: string) => `chrome-extension://hallway/${path}` }, tabs: { create } },
}));

const { openPeoplePage, peoplePageUrl, personHash } = await import('../../../src/ui/links');
const { parseHash } = await import('../../../src/options/route');

describe('links to the people page', () => {
  it('opens at a person, with any id read back as it was', () => {
    for (const id of ['p-1', 'a b&c=d#e', 'ünï/çødé']) {
      expect(parseHash(personHash(id))).toEqual({ kind: 'person', id });
    }
    expect(peoplePageUrl('a b')).toBe('chrome-extension://hallway/src/options/index.html#person=a%20b');
  });

  it('opens at the list without an id', () => {
    expect(peoplePageUrl()).toBe('chrome-extension://hallway/src/options/index.html');
    expect(parseHash('')).toEqual({ kind: 'list' });
  });

  it('opens in a tab of its own', () => {
    openPeoplePage('p-1');
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://hallway/src/options/index.html#person=p-1' });
  });
});
