// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { PRESENT_PROPERTY, randomHostTag, removeEarlierHosts, SHOWN_DISPLAY } from '../../../src/content/host-element';

describe('host elements', () => {
  afterEach(() => {
    for (const element of [...document.documentElement.children]) if (element !== document.head && element !== document.body) element.remove();
  });

  it('are shown only through the property the content stylesheet sets', () => {
    expect(SHOWN_DISPLAY).toBe(`var(${PRESENT_PROPERTY}, none)`);
    expect(randomHostTag()).toMatch(/^x-[a-z]{6}$/u);
  });

  it('an earlier copy of Hallway left on the page is removed; the page’s own elements stay', () => {
    const earlier = document.createElement(randomHostTag());
    earlier.style.setProperty('display', SHOWN_DISPLAY, 'important');
    const pages = document.createElement('x-widget');
    pages.style.display = 'block';
    document.documentElement.append(earlier, pages);

    removeEarlierHosts(document);
    expect(earlier.isConnected).toBe(false);
    expect(pages.isConnected).toBe(true);
    expect(document.body.isConnected).toBe(true);
  });
});
