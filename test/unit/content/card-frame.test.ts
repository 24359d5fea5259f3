// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentContext } from '../../../src/content/context';
import { testContext } from './test-context';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `chrome-extension://hallway/${path}` } } }));
const { CardFrame } = await import('../../../src/content/card-frame');

let ctx: ContentContext;
let onTampered: ReturnType<typeof vi.fn<() => void>>;
/** What the page shows at a point: the card's host unless a test says something covers it. */
let topElement: () => Element | null;

const anchor = { left: 40, top: 100, right: 140, bottom: 118, width: 100, height: 18, x: 40, y: 100 } as DOMRect;
const host = () => [...document.documentElement.children].find((el) => el.tagName.startsWith('X-')) as HTMLElement | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  ctx = testContext();
  onTampered = vi.fn<() => void>();
  topElement = () => host() ?? null;
  document.elementFromPoint = () => topElement();
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Lets the frame's MutationObserver and its own microtasks run. */
const microtasks = () => vi.advanceTimersByTimeAsync(0);

describe('CardFrame', () => {
  it('holds the card page in a frame under a random element, hidden until shown over the name', async () => {
    const frame = new CardFrame(ctx, onTampered);
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
    const frame = new CardFrame(ctx, onTampered);
    frame.show(anchor);
    frame.resize(300);
    await microtasks();
    expect(onTampered).not.toHaveBeenCalled();
    host()!.style.setProperty('opacity', '0');
    await microtasks();
    expect(onTampered).toHaveBeenCalledTimes(1);
  });

  it('closes when something covers it or the page removes it', async () => {
    const frame = new CardFrame(ctx, onTampered);
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

  it('checks nothing while hidden, and leaves the page when the extension goes', async () => {
    const frame = new CardFrame(ctx, onTampered);
    frame.show(anchor);
    frame.hide();
    topElement = () => null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(onTampered).not.toHaveBeenCalled();
    ctx.abort();
    expect(host()).toBeUndefined();
  });
});
