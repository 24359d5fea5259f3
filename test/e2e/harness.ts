/**
 * Drives the BUILT extension (dist/) in Debian's Chromium. Site pages are served from fixtures at
 * their real URLs through request routing, so content scripts run as they would on the live site
 * and nothing reaches the network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { DEMO_PAGES } from '../demo/pages';
import { sampleBackup } from '../demo/sample-people';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Hallway {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (e.g. `src/options/index.html`). */
  openPage(path: string): Promise<Page>;
  /**
   * Opens the popup as a page, looking at the given tab; `size` is the window it opens in (a real
   * popup is at most 800 × 600).
   */
  openPopup(forTab: Page, size?: { width: number; height: number }): Promise<Page>;
  /** Serves `html` for every request under `urlPattern`. */
  serve(urlPattern: string, html: string): Promise<void>;
  close(): Promise<void>;
}

export function fixture(path: string): string {
  return readFileSync(join(ROOT, 'test/fixtures', path), 'utf8');
}

/** Chromium flags that load the built extension and keep the browser off the network. */
export function extensionArgs(): string[] {
  return [
    // Without this Playwright's defaults silently disable every extension.
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** Sends a protocol message from an extension page, as the popup and people page do. */
export async function call<T = unknown>(page: Page, type: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

export async function launch(): Promise<Hallway> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const profile = mkdtempSync(join(tmpdir(), 'hallway-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionArgs(), '--no-sandbox', '--disable-gpu'],
  });
  // Anything not served from a fixture is refused, so a test can never touch the network. Routes
  // added later take precedence (Playwright runs matching routes in reverse order of registration).
  await context.route(/^https?:\/\//u, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;

  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error('Could not find the tab of the page.');
    return id;
  }

  return {
    context,
    extensionId,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(base + path);
      return page;
    },
    async openPopup(forTab, size) {
      const tabId = await tabIdOf(forTab);
      const page = await context.newPage();
      // Before loading: what the popup scrolls to on open depends on the height it opens at.
      if (size) await page.setViewportSize(size);
      // A popup opened as a page is itself the active tab: it is told the one it looks at instead,
      // the way the browser would answer a real popup, before any of its own code runs.
      await page.addInitScript((id) => {
        const tabs = (globalThis as unknown as { chrome: { tabs: { query: (info: object, done?: (tabs: object[]) => void) => unknown } } }).chrome.tabs;
        const query = tabs.query.bind(tabs);
        tabs.query = (info, done) => {
          const isActiveTab = (info as { active?: boolean }).active === true;
          if (!isActiveTab) return query(info, done);
          const found = [{ id }];
          if (done) return void done(found);
          return Promise.resolve(found);
        };
      }, tabId);
      await page.goto(`${base}src/popup/index.html`);
      return page;
    },
    async serve(urlPattern, html) {
      await context.route(urlPattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves every demo page (fixtures at the real site addresses, test/demo/pages.ts). */
export async function serveDemoPages(hallway: Hallway): Promise<void> {
  for (const page of DEMO_PAGES) await hallway.serve(page.pattern, fixture(page.fixture));
}

/** Replaces the directory with the sample people; returns the people page it used. */
export async function loadSamplePeople(hallway: Hallway): Promise<Page> {
  const people = await hallway.openPage('src/options/index.html');
  await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
  return people;
}
