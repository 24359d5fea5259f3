// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testContext } from './test-context';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ContentContext', () => {
  it('runs timers, intervals, frames and listeners while it lives', () => {
    const ctx = testContext();
    const seen: string[] = [];
    ctx.setTimeout(() => seen.push('timeout'), 100);
    ctx.setInterval(() => seen.push('interval'), 100);
    ctx.requestAnimationFrame(() => seen.push('frame'));
    ctx.listen(document, 'click', () => seen.push('click'));
    document.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(100);
    expect(seen.sort()).toEqual(['click', 'frame', 'interval', 'timeout']);
    ctx.abort();
  });

  it('cancels every timer, frame and listener when it ends', () => {
    const ctx = testContext();
    const seen: string[] = [];
    ctx.setTimeout(() => seen.push('timeout'), 100);
    ctx.setInterval(() => seen.push('interval'), 100);
    ctx.requestAnimationFrame(() => seen.push('frame'));
    ctx.listen(window, 'resize', () => seen.push('resize'));
    ctx.abort();
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts nothing once ended', () => {
    const ctx = testContext();
    ctx.abort();
    const fn = vi.fn();
    expect(ctx.setTimeout(fn, 10)).toBeUndefined();
    ctx.listen(document, 'click', fn);
    document.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps no record of a timeout that fired or was cleared', () => {
    const ctx = testContext();
    const fired = vi.fn();
    const cleared = vi.fn();
    ctx.setTimeout(fired, 10);
    ctx.clearTimeout(ctx.setTimeout(cleared, 10));
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(cleared).not.toHaveBeenCalled();
    // Only the context's own invalidation check is left.
    expect(vi.getTimerCount()).toBe(1);
    ctx.abort();
  });

  it('notices on its own, on a timer, that the extension went away, and ends', () => {
    let id: string | undefined = 'hallway';
    const ctx = testContext({ runtimeId: () => id });
    const onInvalidated = vi.fn();
    ctx.onInvalidated(onInvalidated);
    const later = vi.fn();
    ctx.setTimeout(later, 60_000);
    id = undefined;
    expect(onInvalidated).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5000);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
    expect(ctx.isValid).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(later).not.toHaveBeenCalled();
  });

  it('notices it when the page becomes visible again, and when the runtime throws', () => {
    const ctx = testContext({
      runtimeId: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    const onInvalidated = vi.fn();
    ctx.onInvalidated(onInvalidated);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onInvalidated).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
  });

  it('stays valid while the extension is there, and runs late onInvalidated callbacks at once', () => {
    const ctx = testContext();
    vi.advanceTimersByTime(60_000);
    expect(ctx.isValid).toBe(true);
    ctx.abort();
    const late = vi.fn();
    ctx.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
