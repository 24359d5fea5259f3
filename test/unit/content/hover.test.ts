// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '../../../src/content/annotator';
import type { CardFrame } from '../../../src/content/card-frame';
import type { ContentContext } from '../../../src/content/context';
import { HoverCards } from '../../../src/content/hover';
import { FakePainter, fakeLookup, fakeSite } from './fakes';
import { testContext } from './test-context';

let ctx: ContentContext;
let ada: HTMLElement;
let elsewhere: HTMLElement;

/** Only what HoverCards asks of the frame; the real one frames an extension page. */
function fakeFrame(): CardFrame {
  return { isOwn: () => false, prepare: vi.fn(), isOpen: false, hasFocus: () => false, isInUse: () => false, focus: vi.fn() } as unknown as CardFrame;
}

async function setUp() {
  const annotator = new Annotator({ ctx, site: fakeSite, painter: new FakePainter(), lookup: fakeLookup({ 'ada@example.com': 'known' }).lookup });
  annotator.process(document.body);
  await annotator.flush();
  const opened: string[] = [];
  const open = vi.fn(async (mark: { identity: { email?: string } }, _theme: string) => void opened.push(mark.identity.email ?? ''));
  const close = vi.fn();
  const hover = new HoverCards({ ctx, annotator, frame: fakeFrame(), open, close });
  return { hover, open, close, opened };
}

function pointAt(target: Element): void {
  target.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX: 10, clientY: 10 }));
  vi.advanceTimersToNextFrame();
}

beforeEach(() => {
  vi.useFakeTimers();
  // jsdom has no media queries; the card's theme comes from here when the page sets no background.
  vi.stubGlobal('matchMedia', () => ({ matches: false }));
  document.body.innerHTML = '<p><span data-email="ada@example.com">Ada</span> <span id="elsewhere">said hi</span></p>';
  ada = document.querySelector('[data-email]')!;
  elsewhere = document.getElementById('elsewhere')!;
  ctx = testContext();
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('HoverCards', () => {
  it('opens the card for the name under the pointer after the hover intent delay', async () => {
    const { open, opened } = await setUp();
    pointAt(ada);
    vi.advanceTimersByTime(250);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(opened).toEqual(['ada@example.com']);
    expect(open.mock.calls[0]?.[1]).toBe('light');
  });

  it('opens nothing when the pointer only passes over the name', async () => {
    const { open } = await setUp();
    pointAt(ada);
    vi.advanceTimersByTime(100);
    pointAt(elsewhere);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('closes the card a moment after the pointer leaves the name', async () => {
    const { close } = await setUp();
    pointAt(ada);
    vi.advanceTimersByTime(400);
    pointAt(elsewhere);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('ignores pointer events a page script makes up', async () => {
    ctx.abort();
    ctx = testContext({ policy: { shadowMode: 'open' } });
    const { open } = await setUp();
    pointAt(ada);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('cancels a pending hover intent and frame callback when the content context ends', async () => {
    const { open } = await setUp();
    pointAt(ada);
    ada.dispatchEvent(new MouseEvent('pointermove', { bubbles: true }));
    ctx.abort();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    pointAt(ada);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('cancels the close timer when the content context ends', async () => {
    const { close } = await setUp();
    pointAt(ada);
    vi.advanceTimersByTime(400);
    pointAt(elsewhere);
    ctx.abort();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(close).not.toHaveBeenCalled();
  });
});
