// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentContext } from '../../../src/content/context';
import { FrameQueue, type FrameQueueOptions } from '../../../src/content/frame-queue';
import { testContext } from './test-context';

let ctx: ContentContext;

function setUp(overrides: Partial<FrameQueueOptions> = {}) {
  const processed: string[] = [];
  const options = {
    ctx,
    process: vi.fn((root: Element) => void processed.push(root.id || root.tagName.toLowerCase())),
    afterSlice: vi.fn(),
    onRemovals: vi.fn(),
    onIdle: vi.fn(),
    isOwn: (node: Node) => node instanceof Element && node.id === 'own',
    ...overrides,
  };
  return { queue: new FrameQueue(options), options, processed };
}

function element(id: string, parent: Element = document.body): HTMLElement {
  const div = document.createElement('div');
  div.id = id;
  parent.append(div);
  return div;
}

/** MutationObserver records arrive as a microtask. */
const mutations = () => Promise.resolve();

beforeEach(() => {
  vi.useFakeTimers();
  ctx = testContext();
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('FrameQueue', () => {
  it('does no work when a root is queued, then all of it in the next frame, once', async () => {
    const { queue, options, processed } = setUp();
    const a = element('a');
    const b = element('b');
    queue.add(a);
    queue.add(b);
    queue.add(a);
    expect(processed).toEqual([]);
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalledTimes(1));
    expect(processed).toEqual(['a', 'b']);
    expect(options.afterSlice).toHaveBeenCalledTimes(1);
  });

  it('scans a root once when something inside it is queued too', async () => {
    const { queue, options, processed } = setUp();
    const outer = element('outer');
    const inner = element('inner', outer);
    queue.add(inner);
    queue.add(outer);
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processed).toEqual(['outer']);
  });

  it('gives the page its main thread back once a slice has taken its time', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { queue, options, processed } = setUp({
      process: (root) => {
        processed.push(root.id);
        now += 20;
      },
    });
    for (const id of ['a', 'b', 'c']) queue.add(element(id));
    vi.advanceTimersToNextFrame();
    // The first slice ran out of time after one root: the rest wait until the page had its turn.
    expect(processed).toEqual(['a']);
    expect(options.afterSlice).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processed).toEqual(['a', 'b', 'c']);
  });

  it('queues what the page adds and scans it in the next frame', async () => {
    const { queue, options, processed } = setUp();
    queue.observe(document.body, ['data-email']);
    element('added');
    await mutations();
    expect(processed).toEqual([]);
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processed).toEqual(['added']);
  });

  it('rescans the parent of an element whose identity attribute changed, and reports removals', async () => {
    const list = element('list');
    const row = element('row', list);
    const { queue, options, processed } = setUp();
    queue.observe(document.body, ['data-email']);
    row.setAttribute('data-email', 'grace@example.com');
    row.setAttribute('class', 'not-watched');
    element('gone', list).remove();
    await mutations();
    expect(options.onRemovals).toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processed).toEqual(['list']);
  });

  it("never reacts to Hallway's own nodes", async () => {
    const { queue, options, processed } = setUp();
    queue.observe(document.body, ['data-email']);
    element('own');
    element('page');
    await mutations();
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processed).toEqual(['page']);
  });

  it('past a flood of roots, rescans the document once instead', async () => {
    const processShallow = vi.fn();
    const { queue, options, processed } = setUp({ processShallow });
    for (let i = 0; i < 2500; i++) queue.add(element(`r${i}`));
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    // One scan of the body, which is too big for one go and so is split into its children.
    expect(processShallow.mock.calls).toEqual([[document.body]]);
    expect(processed).toHaveLength(2500);
    expect(new Set(processed).size).toBe(2500);
  });

  it('below a flood, scans the queued roots themselves', async () => {
    const processShallow = vi.fn();
    const { queue, options, processed } = setUp({ processShallow });
    for (let i = 0; i < 500; i++) element(`r${i}`);
    queue.add(document.getElementById('r7')!);
    vi.advanceTimersToNextFrame();
    await vi.waitFor(() => expect(options.onIdle).toHaveBeenCalled());
    expect(processShallow).not.toHaveBeenCalled();
    expect(processed).toEqual(['r7']);
  });

  it('stops observing and drops queued work when the content context ends', async () => {
    const { queue, processed } = setUp();
    queue.observe(document.body, ['data-email']);
    queue.add(element('queued'));
    ctx.abort();
    element('later');
    await mutations();
    vi.advanceTimersByTime(1000);
    await mutations();
    expect(processed).toEqual([]);
  });
});
