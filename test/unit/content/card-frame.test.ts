// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentContext } from '../../../src/content/context';
import { testContext } from './test-context';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `chrome-extension://hallway/${path}` } } }));
const { CardFrame } = await import('../../../src/content/card-frame');
const { KeyGuard } = await import('../../../src/content/key-guard');
const guard = new KeyGuard(window, () => true);

let ctx: ContentContext;
let onTampered: ReturnType<typeof vi.fn<() => void>>;
/** What the page shows at a point: the card's host unless a test says something covers it. */
let topElement: () => Element | null;
/** How much the page scales what it shows (jsdom lays nothing out, so the frame's box is its style's). */
let pageScale: number;

const anchor = { left: 40, top: 100, right: 140, bottom: 118, width: 100, height: 18, x: 40, y: 100 } as DOMRect;
const host = () => [...document.documentElement.children].find((el) => el.tagName.startsWith('X-')) as HTMLElement | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  ctx = testContext();
  onTampered = vi.fn<() => void>();
  topElement = () => host() ?? null;
  document.elementFromPoint = () => topElement();
  pageScale = 1;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const size = (name: string) => Number.parseFloat(this.style.getPropertyValue(name)) * pageScale;
    return new DOMRect(size('left'), size('top'), size('width'), size('height'));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  ctx.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Lets the frame's MutationObserver and its own microtasks run. */
const microtasks = () => vi.advanceTimersByTimeAsync(0);

describe('CardFrame', () => {
  it('holds the card page in a frame under a random element, hidden until shown over the name', async () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.prepare();
    const element = host()!;
    expect(element.parentElement).toBe(document.documentElement);
    const iframe = element.shadowRoot!.querySelector('iframe')!;
    expect(iframe.src).toBe(`chrome-extension://hallway/src/hovercard/index.html#${frame.id}`);
    expect(frame.id).toMatch(/^[0-9a-f]{32}$/u);
    expect(element.style.getPropertyValue('visibility')).toBe('hidden');
    frame.show(anchor);
    await microtasks();
    expect(element.style.getPropertyValue('visibility')).toBe('visible');
    expect(element.style.getPropertyValue('top')).toBe('124px');
    expect(element.style.getPropertyPriority('top')).toBe('important');
    expect(onTampered).not.toHaveBeenCalled();
  });

  it('closes when the page restyles the open frame, but not for its own changes', async () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show(anchor);
    frame.show(anchor);
    await microtasks();
    expect(onTampered).not.toHaveBeenCalled();
    host()!.style.setProperty('opacity', '0');
    await microtasks();
    expect(onTampered).toHaveBeenCalledTimes(1);
  });

  it('closes when something covers it or the page removes it', async () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show(anchor);
    await microtasks();
    const cover = document.body.appendChild(document.createElement('div'));
    topElement = () => cover;
    await vi.advanceTimersByTimeAsync(300);
    expect(onTampered).toHaveBeenCalled();

    onTampered.mockClear();
    topElement = () => host() ?? null;
    host()!.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onTampered).toHaveBeenCalled();
  });

  it('is as tall for every card, so the page cannot tell from its size what the card shows', () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show(anchor);
    expect([host()!.style.getPropertyValue('width'), host()!.style.getPropertyValue('height')]).toEqual(['340px', '540px']);
  });

  it('goes beside the name when the window is too short for it above or below, never over the name', () => {
    const innerHeight = window.innerHeight;
    Object.defineProperty(window, 'innerHeight', { value: 600, configurable: true });
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show({ left: 40, top: 280, right: 140, bottom: 298, width: 100, height: 18, x: 40, y: 280 } as DOMRect);
    const style = host()!.style;
    expect([style.getPropertyValue('left'), style.getPropertyValue('top')]).toEqual(['146px', '52px']);
    Object.defineProperty(window, 'innerHeight', { value: innerHeight, configurable: true });
  });

  it('closes when the page shrinks it below a readable size', async () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show(anchor);
    await vi.advanceTimersByTimeAsync(300);
    expect(onTampered).not.toHaveBeenCalled();
    pageScale = 0.05;
    await vi.advanceTimersByTimeAsync(300);
    expect(onTampered).toHaveBeenCalled();
  });

  it('checks nothing while hidden, and leaves the page when the extension goes', async () => {
    const frame = new CardFrame(ctx, onTampered, guard);
    frame.show(anchor);
    frame.hide();
    topElement = () => null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(onTampered).not.toHaveBeenCalled();
    ctx.abort();
    expect(host()).toBeUndefined();
  });
});
