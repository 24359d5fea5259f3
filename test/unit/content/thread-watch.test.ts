// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter, ThreadMessage } from '../../../src/content/adapters/types';
import type { ContentContext } from '../../../src/content/context';
import { ThreadWatch } from '../../../src/content/thread-watch';
import type { ThreadSnapshot } from '../../../src/shared/protocol';
import { fakeSite } from './fakes';
import { testContext } from './test-context';

let ctx: ContentContext;
let messages: ThreadMessage[];

const site: SiteAdapter = { ...fakeSite, readThread: () => ({ key: 'slack:C1', title: 'Launch', messages }) };

function message(id: string, text: string): ThreadMessage {
  return { id, author: { name: 'Grace Hopper' }, text, element: document.body };
}

function setUp() {
  const reports: ThreadSnapshot[] = [];
  const watch = new ThreadWatch(ctx, site, (snapshot) => reports.push(snapshot));
  return { watch, reports };
}

beforeEach(() => {
  vi.useFakeTimers();
  ctx = testContext();
  messages = [message('1', 'Can we ship today?')];
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

describe('ThreadWatch', () => {
  it('reads the thread once the page has been quiet for a moment, however often it changed', () => {
    const { watch, reports } = setUp();
    for (let i = 0; i < 5; i++) {
      watch.touch();
      vi.advanceTimersByTime(1000);
    }
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      key: 'slack:C1',
      title: 'Launch',
      messages: [{ id: '1', author: { name: 'Grace Hopper' }, isOwn: false, text: 'Can we ship today?' }],
    });
  });

  it('reports again only when the thread changed', () => {
    const { watch, reports } = setUp();
    watch.touch();
    vi.advanceTimersByTime(1500);
    watch.touch();
    vi.advanceTimersByTime(1500);
    expect(reports).toHaveLength(1);
    messages = [...messages, message('2', 'Not today.')];
    watch.touch();
    vi.advanceTimersByTime(1500);
    expect(reports.map((report) => report.messages.length)).toEqual([1, 2]);
  });

  it('does nothing on a page without a site adapter', () => {
    const reports: ThreadSnapshot[] = [];
    new ThreadWatch(ctx, null, (snapshot) => reports.push(snapshot)).touch();
    vi.advanceTimersByTime(5000);
    expect(reports).toEqual([]);
  });

  it('reads nothing after the content context ends', () => {
    const { watch, reports } = setUp();
    watch.touch();
    ctx.abort();
    vi.advanceTimersByTime(5000);
    watch.touch();
    vi.advanceTimersByTime(5000);
    expect(reports).toEqual([]);
  });
});
