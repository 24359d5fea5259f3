/**
 * Functions that run inside the page (through `inPage`): they read timing marks, long tasks and
 * markers the way any script on the page could. Kept free of Node imports, since they are serialised.
 */

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchGlobals {
  __benchLongTasks?: LongTask[];
  /** Epoch ms of the first pointer move onto the hovered name. */
  __benchLastPointer?: number;
  __benchHostVisible?: number | null;
}

/** Where a marked text sits, so Hallway's ranges and mark.js's elements can be compared by kind. */
export type MarkKind = 'sender' | 'recipient' | 'mention' | 'body' | 'other';

/** Resolves with the startTime of the first mark `name` after `after` (ms on the page clock), or null. */
export function waitForMark(args: { name: string; after: number; timeoutMs: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const found = () => performance.getEntriesByName(args.name, 'mark').find((e) => e.startTime > args.after);
    const now = found();
    if (now) {
      resolve(now.startTime);
      return;
    }
    const observer = new PerformanceObserver(() => {
      const entry = found();
      if (!entry) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry.startTime);
    });
    observer.observe({ type: 'mark' });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, args.timeoutMs);
  });
}

/** Long tasks so far; waits two frames first, since entries arrive after their task ends. */
export async function longTasks(): Promise<LongTask[]> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 50));
  return [...((globalThis as BenchGlobals).__benchLongTasks ?? [])];
}

export function startMark(): number | null {
  return performance.getEntriesByName('hallway:start', 'mark')[0]?.startTime ?? null;
}

/** The parts of a page a marker can be in, by selector, first match wins (Hallway's and mark.js's alike). */
export const MARK_KINDS: [MarkKind, string][] = [
  ['mention', '[data-member-id]'],
  ['recipient', '.hb'],
  ['sender', '[data-message-sender], span[email]'],
  ['body', '[data-qa="message-text"], div.a3s'],
];
