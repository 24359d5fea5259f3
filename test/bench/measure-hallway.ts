/**
 * Hallway in a real page: time from the content script's start to every marker painted, long tasks,
 * markers streamed in, the hover card, and the heap it adds.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { heapUsed, inPage } from './browser';
import { markers as shownMarkers } from '../e2e/page-marks';
import { longTasks, MARK_KINDS, startMark, waitForMark, type BenchGlobals, type MarkKind } from './page-probes';
import { STREAM_BATCH, STREAM_FRAMES } from './slack-page';
import { traceLongTasks } from './trace';

export interface AnnotationRun {
  /** hallway:start → hallway:first-idle, ms. */
  annotateMs: number;
  longTasks: number;
  longTasksInWindow: number;
  longestInWindowMs: number;
  /** Markers drawn in view once annotated (Hallway draws only what the user can see). */
  markers: number;
  /** From the browser's trace, load to first idle: long tasks that ran Hallway's script, and the longest. */
  hallwayLongTasks: number;
  hallwayLongestMs: number;
  heapBytes: number;
}

export async function openAndAnnotate(context: BrowserContext, url: string, timeoutMs: number): Promise<{ page: Page; run: AnnotationRun }> {
  const page = await context.newPage();
  const trace = await traceLongTasks(context, page);
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  const idle = await inPage(page, waitForMark, { name: 'hallway:first-idle', after: 0, timeoutMs });
  // Drawing follows the idle mark by a frame or two; it counts as Hallway's too.
  await page.waitForTimeout(100);
  const traced = (await trace.stop()).filter((t) => t.isHallway);
  const start = await inPage(page, startMark, null);
  if (idle === null || start === null) throw new Error(`Hallway did not finish annotating ${url} within ${timeoutMs} ms.`);
  const tasks = await inPage(page, longTasks, null);
  const inWindow = tasks.filter((t) => t.start + t.duration > start && t.start < idle);
  const markers = (await shownMarkers(page)).length;
  const heapBytes = await heapUsed(page);
  return {
    page,
    run: {
      annotateMs: idle - start,
      longTasks: tasks.length,
      longTasksInWindow: inWindow.length,
      longestInWindowMs: Math.max(0, ...inWindow.map((t) => t.duration)),
      markers,
      hallwayLongTasks: traced.length,
      hallwayLongestMs: Math.max(0, ...traced.map((t) => t.ms)),
      heapBytes,
    },
  };
}

/** Every marker drawn in view: state, kind and text (an @ of a mention dropped), for counting and comparing. */
export async function markedTexts(page: Page): Promise<{ state: string; kind: MarkKind; text: string }[]> {
  return (await shownMarkers(page, MARK_KINDS)).map((m) => ({ state: m.state, kind: (m.kind ?? 'other') as MarkKind, text: m.text.replace(/^@/u, '') }));
}

export interface StreamBatch {
  /** Append → next hallway:idle mark: includes the wait for Hallway's next frame and the state lookup. */
  latencyMs: number;
  /** Main-thread time of Hallway's frame callback, bracketed by page callbacks in the same frame. */
  workMs: number;
}

/**
 * Appends 10 messages per frame from the page's <template>, one batch after another settles. Hallway
 * schedules its work on the frame after a mutation, so a page callback queued before the append and
 * one queued after Hallway's (from a timeout) bracket exactly its synchronous work in that frame.
 */
export function streamInPage(args: { batch: number; frames: number; timeoutMs: number }): Promise<{ batches: { latencyMs: number; workMs: number }[] }> {
  const nextIdle = (after: number) =>
    new Promise<number | null>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => e.name === 'hallway:idle' && e.startTime > after);
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
  return (async () => {
    const template = document.getElementById('bench-stream') as HTMLTemplateElement;
    const list = document.querySelector('[data-qa="slack_kit_list"]') as Element;
    const pool = [...template.content.children];
    const batches: { latencyMs: number; workMs: number }[] = [];
    for (let b = 0; b < args.frames; b++) {
      await new Promise((r) => requestAnimationFrame(r));
      let bracketStart = 0;
      let bracketEnd = 0;
      requestAnimationFrame(() => (bracketStart = performance.now()));
      const appendedAt = performance.now();
      const idle = nextIdle(appendedAt);
      for (let k = 0; k < args.batch; k++) list.append((pool[b * args.batch + k] as Element).cloneNode(true));
      setTimeout(() => requestAnimationFrame(() => (bracketEnd = performance.now())), 0);
      const idleAt = await idle;
      await new Promise((r) => setTimeout(r, 0));
      if (idleAt === null) throw new Error(`Batch ${b} was never annotated.`);
      batches.push({ latencyMs: idleAt - appendedAt, workMs: bracketEnd > bracketStart ? bracketEnd - bracketStart : NaN });
    }
    return { batches };
  })();
}

/** Streams the batches; `added` is how many more markers are drawn in view afterwards. */
export async function stream(page: Page): Promise<{ batches: StreamBatch[]; added: number }> {
  const before = (await shownMarkers(page)).length;
  const { batches } = await inPage(page, streamInPage, { batch: STREAM_BATCH, frames: STREAM_FRAMES, timeoutMs: 5000 });
  await page.waitForTimeout(100);
  return { batches, added: (await shownMarkers(page)).length - before };
}

export interface HoverResult {
  /** Intent expiry (first pointer event on the name + 300 ms) → the card's host visible, on the page clock. */
  latencyMs: number;
  name: string;
}

/** A marker on a sender (the person's full name), comfortably inside the viewport. */
async function findHoverTarget(page: Page, skip: string[]): Promise<{ x: number; y: number; text: string } | null> {
  const height = page.viewportSize()?.height ?? 720;
  const senders = (await shownMarkers(page, [['sender', '[data-message-sender]']])).filter((m) => m.kind === 'sender' && m.state !== 'uncertain');
  return senders.find((m) => !skip.includes(m.text) && m.y >= 20 && m.y <= height - 260) ?? null;
}

/**
 * Records when the card's host element (a random tag under <html>) turns visible. The markers' layer
 * is another such element, always visible but of no size: only a host as big as a card counts.
 */
function watchHost(): void {
  const g = globalThis as BenchGlobals;
  g.__benchHostVisible = null;
  delete g.__benchLastPointer;
  const check = () => {
    for (const element of document.documentElement.children) {
      if (element === document.head || element === document.body) continue;
      if (g.__benchHostVisible !== null || getComputedStyle(element).visibility !== 'visible') continue;
      const { width, height } = element.getBoundingClientRect();
      if (width >= 100 && height >= 100) g.__benchHostVisible = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(check).observe(document.documentElement, { attributes: true, attributeFilter: ['style'], subtree: true, childList: true });
}

/** Resolves (epoch ms) when the card shows this person's name. */
function watchCardName(args: { name: string; timeoutMs: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const isShown = () => (document.querySelector('[data-testid="card-name"]')?.textContent ?? '').includes(args.name);
    if (isShown()) {
      resolve(performance.timeOrigin + performance.now());
      return;
    }
    const observer = new MutationObserver(() => {
      if (!isShown()) return;
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, args.timeoutMs);
  });
}

async function cardFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/src/hovercard/'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The hover card frame never appeared.');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Hovers a marked sender name and times the card. The first hover on a page also creates the frame. */
export async function hoverCard(page: Page, skip: string[]): Promise<HoverResult> {
  const target = await findHoverTarget(page, skip);
  if (!target) throw new Error('No marked sender in view to hover.');
  await inPage(page, watchHost, null);
  await page.mouse.move(target.x + 1, target.y);
  await page.mouse.move(target.x, target.y);
  const frame = await cardFrame(page, 3000);
  const cardAt = await inPage(frame, watchCardName, { name: target.text, timeoutMs: 5000 });
  const { pointer, host } = await inPage(page, () => {
    const g = globalThis as BenchGlobals;
    return { pointer: g.__benchLastPointer ?? null, host: g.__benchHostVisible ?? null };
  }, null);
  if (cardAt === null || pointer === null || host === null) throw new Error(`The card for ${target.text} never became visible.`);
  // The card frame is another process whose wall clock is mapped separately and was seen hundreds of ms
  // off the page's, so the time comes from the page clock alone: the host turning visible. The frame
  // check above only proves the card then shows the right person (Hallway shows the host after the card
  // has its data).
  void cardAt;
  // Close it the way a user would, and let the close delay pass before anything else is hovered.
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await page.waitForTimeout(450);
  return { latencyMs: host - (pointer + 300), name: target.text };
}

export { heapUsed };
