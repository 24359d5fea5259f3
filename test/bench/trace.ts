/**
 * Long tasks as the browser's own trace records them. The page's Long Tasks API does not report the
 * tasks a content script runs, so the bench reads Hallway's cost from the trace: every task over
 * 50 ms on the page's main thread, and whether Hallway's script ran in it.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TracedTask {
  ms: number;
  /** Hallway's content script ran in this task (a chrome-extension:// script). */
  isHallway: boolean;
}

interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

function longTasksOf(events: TraceEvent[]): TracedTask[] {
  const scripts = events.filter((e) => e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://'));
  return events
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)
    .map((task) => ({
      ms: (task.dur ?? 0) / 1000,
      isHallway: scripts.some((s) => s.pid === task.pid && s.tid === task.tid && s.ts >= task.ts && s.ts <= task.ts + (task.dur ?? 0)),
    }));
}

/** Starts tracing a page (before it navigates); `stop` ends the trace and returns its long tasks. */
export async function traceLongTasks(context: BrowserContext, page: Page): Promise<{ stop(): Promise<TracedTask[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return longTasksOf(events);
    },
  };
}
