/**
 * The peer: mark.js, a widely used DOM highlighter, marking the same directory names and addresses on
 * the same page in Chromium without the extension. As DESIGN.md describes, one alternation RegExp of
 * all terms goes to `markRegExp`; its boundaries are Unicode-aware lookarounds rather than `\b`, so
 * names starting with Ø or Ł are found and the comparison of what each marks stays fair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../e2e/harness';
import { heapUsed, inPage } from './browser';
import { longTasks, MARK_KINDS, type MarkKind } from './page-probes';
import { STREAM_BATCH, STREAM_FRAMES } from './slack-page';

const MARK_JS = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

export interface MarkJsRun {
  /** Building the RegExp and wrapping every match in <mark>. */
  markMs: number;
  /** The forced layout right after (`document.body.offsetHeight`). */
  layoutMs: number;
  totalMs: number;
  marks: number;
  longTasks: number;
  longestMs: number;
  /** Page heap after marking, and before (the page alone, no extension). */
  heapBytes: number;
  pageHeapBytes: number;
}

interface MarkJsGlobals {
  Mark: new (context: Element | Element[]) => { markRegExp(re: RegExp, options: object): void };
  __benchRegExp?: RegExp;
}

/** Runs in the page: times marking and the layout it forces, and keeps the RegExp for streaming. */
function markAll(args: { terms: string[] }): { markMs: number; layoutMs: number; marks: number; start: number; end: number } {
  const g = globalThis as unknown as MarkJsGlobals;
  const start = performance.now();
  const escaped = args.terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  g.__benchRegExp = re;
  let marks = -1;
  new g.Mark(document.body).markRegExp(re, {
    exclude: ['[contenteditable] *', 'textarea', 'input', 'pre', 'code', 'template'],
    done: (count: number) => (marks = count),
  });
  const marked = performance.now();
  void document.body.offsetHeight;
  const end = performance.now();
  if (marks < 0) throw new Error('mark.js finished asynchronously; the timing would be wrong.');
  return { markMs: marked - start, layoutMs: end - marked, marks, start, end };
}

export async function openAndMark(context: BrowserContext, url: string, terms: string[], timeoutMs: number): Promise<{ page: Page; run: MarkJsRun }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  // Let the page's own load work (and its long tasks) finish before the peer starts.
  await inPage(page, longTasks, null);
  const pageHeapBytes = await heapUsed(page);
  await page.addScriptTag({ content: MARK_JS });
  const result = await inPage(page, markAll, { terms });
  const tasks = (await inPage(page, longTasks, null)).filter((t) => t.start + t.duration > result.start && t.start < result.end);
  const heapBytes = await heapUsed(page);
  return {
    page,
    run: {
      markMs: result.markMs,
      layoutMs: result.layoutMs,
      totalMs: result.markMs + result.layoutMs,
      marks: result.marks,
      longTasks: tasks.length,
      longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
      heapBytes,
      pageHeapBytes,
    },
  };
}

/**
 * What mark.js wrapped in view, by the same kinds as Hallway's markers: Hallway draws only what the
 * user can see, so both are compared on the viewport.
 */
export async function markJsTexts(page: Page): Promise<{ kind: MarkKind; text: string }[]> {
  return inPage(page, (kinds: [MarkKind, string][]) => {
    const kindOf = (element: Element): MarkKind => kinds.find(([, selector]) => element.closest(selector))?.[0] ?? 'other';
    return [...document.querySelectorAll('mark')]
      .filter((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      })
      .map((m) => ({ kind: kindOf(m), text: (m.textContent ?? '').trim() }));
  }, MARK_KINDS);
}

/** The same stream of 10-message batches, each marked by mark.js on arrival, layout included. */
export async function streamMarkJs(page: Page): Promise<number[]> {
  return inPage(page, (args: { batch: number; frames: number }) => {
    const g = globalThis as unknown as MarkJsGlobals;
    const template = document.getElementById('bench-stream') as HTMLTemplateElement;
    const list = document.querySelector('[data-qa="slack_kit_list"]') as Element;
    const pool = [...template.content.children];
    const re = g.__benchRegExp as RegExp;
    return (async () => {
      const costs: number[] = [];
      for (let b = 0; b < args.frames; b++) {
        await new Promise((r) => requestAnimationFrame(r));
        const added: Element[] = [];
        for (let k = 0; k < args.batch; k++) {
          const row = (pool[b * args.batch + k] as Element).cloneNode(true) as Element;
          list.append(row);
          added.push(row);
        }
        // The rows' own layout is the page's cost, not the highlighter's: settle it before the clock starts.
        void document.body.offsetHeight;
        const start = performance.now();
        new g.Mark(added).markRegExp(re, { exclude: ['[contenteditable] *'] });
        void document.body.offsetHeight;
        costs.push(performance.now() - start);
      }
      return costs;
    })();
  }, { batch: STREAM_BATCH, frames: STREAM_FRAMES });
}
