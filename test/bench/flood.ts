/**
 * The flood case: pages built to throw far more people at Hallway than any workplace page shows (a
 * page of 100,000 addresses and names, and one email body of 5,000 addresses). Each is loaded with and
 * without Hallway; the long tasks the page gets with it, beyond those it has on its own, are Hallway's.
 */
import type { BrowserContext } from 'playwright-core';
import { inPage } from './browser';
import { waitForMark } from './page-probes';
import type { BenchPerson } from './people';
import { traceLongTasks } from './trace';
import { escapeHtml } from './prose';

export interface FloodCase {
  label: string;
  html: string;
}

export interface FloodRun {
  /** Load → hallway:first-idle (null without Hallway, or when it never settled). */
  settleMs: number | null;
  /** Tasks over 50 ms on the page's main thread, from the browser's own trace. */
  longTasks: number;
  longestMs: number;
  /** Sum of the long tasks' durations. */
  longTotalMs: number;
  /** Of those, the tasks that ran Hallway's content script (the page's Long Tasks API does not see them). */
  hallwayLongTasks: number;
  hallwayLongestMs: number;
}

/** 100,000 list rows, each an address link with a name; one in ten is someone in the directory. */
function addressWall(universe: readonly BenchPerson[], count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const known = i % 10 === 0 ? universe[(i / 10) % universe.length] : undefined;
    const email = known?.email ?? `stranger${i}@example.net`;
    const name = known?.full ?? `Stranger ${i}`;
    rows.push(`<li><a href="mailto:${email}">${escapeHtml(name)}</a></li>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Everyone - Gmail</title></head><body><ul>${rows.join('')}</ul></body></html>`;
}

/** An open Gmail message whose body is 5,000 addresses in one run of text. */
function addressBody(universe: readonly BenchPerson[], count: number): string {
  const addresses = Array.from({ length: count }, (_, i) => universe[i % universe.length]?.email ?? `p${i}@example.net`).join(', ');
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>All hands - Gmail</title></head><body>` +
    `<div role="main"><h2 class="hP">All hands</h2><div role="list"><div role="listitem"><div class="adn ads" data-message-id="#msg-f:1800000000000flood">` +
    `<h3 class="iw"><span email="${universe[0]?.email ?? 'a@example.net'}" name="Sender" class="gD">Sender</span></h3>` +
    `<div class="ii gt"><div class="a3s aiL"><div dir="ltr">${addresses}</div></div></div></div></div></div></div></body></html>`
  );
}

export function floodCases(universe: readonly BenchPerson[]): FloodCase[] {
  return [
    { label: 'page of 100,000 addresses and names', html: addressWall(universe, 100_000) },
    { label: 'one email body of 5,000 addresses', html: addressBody(universe, 5000) },
  ];
}

/**
 * Loads the flood page once under the browser's trace; with Hallway, waits for it to settle, without,
 * for the page to go quiet. The trace, unlike the page's Long Tasks API, sees the content script's tasks.
 */
export async function loadFlood(context: BrowserContext, url: string, isHallway: boolean, timeoutMs: number): Promise<FloodRun> {
  const page = await context.newPage();
  try {
    const trace = await traceLongTasks(context, page);
    const loadedAt = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    let settleMs: number | null = null;
    if (isHallway) {
      const idle = await inPage(page, waitForMark, { name: 'hallway:first-idle', after: 0, timeoutMs });
      settleMs = idle === null ? null : Date.now() - loadedAt;
    }
    // What comes after settling (drawing the markers in view, the lookups' answers) counts too.
    await page.waitForTimeout(3000);
    const tasks = await trace.stop();
    const hallway = tasks.filter((t) => t.isHallway);
    return {
      settleMs,
      longTasks: tasks.length,
      longestMs: Math.max(0, ...tasks.map((t) => t.ms)),
      longTotalMs: tasks.reduce((sum, t) => sum + t.ms, 0),
      hallwayLongTasks: hallway.length,
      hallwayLongestMs: Math.max(0, ...hallway.map((t) => t.ms)),
    };
  } finally {
    await page.close();
  }
}
