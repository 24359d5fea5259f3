/**
 * The two browsers of a benchmark run: Chromium with the built extension (through the end-to-end
 * harness) and the same Chromium without it, for the peer highlighter and the heap baseline. Both
 * refuse all network and serve the generated pages at the real site URLs.
 */
import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, launch, type Hallway } from '../e2e/harness';

/** What the page currently gets for each site; swapped between variants without new routes. */
export interface Served {
  slack: string;
  gmail: string;
}

type Target = Page | Frame | Worker;

/**
 * Runs a typed function in the page, a frame or a worker. tsx compiles with esbuild's keepNames, which
 * wraps inner functions in a `__name` helper that only exists in Node, so it is stubbed beside the call.
 */
export async function inPage<A, R>(target: Target, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const source = `(globalThis.__name ??= (f) => f, (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}))`;
  return (await (target as Page).evaluate(source)) as R;
}

/** Records every long task from before the first byte of the page is parsed. */
const LONG_TASK_RECORDER = `
  globalThis.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // The first real pointer movement since the hover probe reset it: Hallway's intent timer starts there.
  addEventListener('pointermove', (event) => {
    if (event.isTrusted && globalThis.__benchLastPointer == null) globalThis.__benchLastPointer = performance.timeOrigin + performance.now();
  }, { capture: true, passive: true });
`;

async function routeSites(context: BrowserContext, served: Served): Promise<void> {
  const html = { contentType: 'text/html; charset=utf-8', status: 200 };
  await context.route('https://app.slack.com/**', (route) => route.fulfill({ ...html, body: served.slack }));
  await context.route('https://mail.google.com/**', (route) => route.fulfill({ ...html, body: served.gmail }));
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Browsers {
  hallway: Hallway;
  /** Chromium without the extension. */
  plain: BrowserContext;
  served: Served;
  close(): Promise<void>;
}

export async function openBrowsers(): Promise<Browsers> {
  const served: Served = { slack: '', gmail: '' };
  const hallway = await launch();
  await hallway.context.addInitScript(LONG_TASK_RECORDER);
  await routeSites(hallway.context, served);

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const plain = await browser.newContext();
  await plain.route(/^https?:\/\//u, (route) => route.abort('blockedbyclient'));
  await plain.addInitScript(LONG_TASK_RECORDER);
  await routeSites(plain, served);

  return {
    hallway,
    plain,
    served,
    async close() {
      await hallway.close();
      await browser.close();
    },
  };
}

/** JS heap in use by the page's renderer isolate (page and content scripts), after a full GC. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
