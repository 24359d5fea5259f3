/**
 * Drives the BUILT Firefox extension (dist-firefox/) in Firefox ESR over WebDriver BiDi, the way
 * harness.ts drives dist/ in Chromium: site pages are served from fixtures at their real URLs by
 * request interception (content scripts match by host), and nothing reaches the network.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { sampleBackup } from '../demo/sample-people';
import { decodePng, type Pixels } from './png';
import { fixture, ROOT } from './harness';

export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed, so extension pages are at a known address (Firefox picks a random one per profile). */
export const EXTENSION_UUID = '5c0f3e1a-8d2b-4a6e-9f71-0b3c4d5e6f70';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

/** Where every connection Firefox might still try goes: a closed port on this machine. */
const NOWHERE = { host: '127.0.0.1', port: 9 };

/**
 * Prefs that keep Firefox off the network, on top of the ones puppeteer and Firefox's remote agent
 * already set for automation (updates, safe browsing lists, telemetry, the new tab feed). Any request
 * that escapes the interception below, from the browser itself or a page, meets a proxy at
 * 127.0.0.1 that refuses it.
 */
function firefoxPrefs(geckoId: string, downloads: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': NOWHERE.host,
    'network.proxy.http_port': NOWHERE.port,
    'network.proxy.ssl': NOWHERE.host,
    'network.proxy.ssl_port': NOWHERE.port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.trr.mode': 5,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'app.update.enabled': false,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'services.settings.server': `http://${NOWHERE.host}:${NOWHERE.port}/`,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'geo.enabled': false,
    'media.gmp-manager.url': '',
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'privacy.resistFingerprinting.remoteOverrides.enabled': false,
    // The popup is loaded in a background tab (see openPopup): its timers are not slowed down there,
    // so Preact's effects, which wait for a frame or 100 ms, run in about that time.
    'dom.min_background_timeout_value': 4,
    'dom.min_background_timeout_value_without_budget_throttling': 4,
    'dom.timeout.enable_budget_timer_throttling': false,
    // A backup export is an ordinary download: saved into a folder the test reads, without asking.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.panel.shown': true,
  };
}

/** `HALLWAY_FIREFOX_LOG=1` prints Firefox's output, the extension's console included. */
const isVerbose = process.env.HALLWAY_FIREFOX_LOG === '1';
/**
 * WebDriver BiDi reports no log entries from extension pages (nor the background page), so the
 * browser console is written to Firefox's stdout, where the harness reads the extension's errors.
 */
const CONSOLE_PREFS = { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true };

interface Route {
  pattern: RegExp;
  html: string;
}

/** `https://mail.google.com/**` as test/demo/pages.ts writes it, as a RegExp. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/gu, '\\$&').replace(/\*\*?/gu, '.*');
  return new RegExp(`^${escaped}$`, 'u');
}

export interface FirefoxHallway {
  browser: Browser;
  /** The folder Firefox saves downloads into. */
  downloads: string;
  /** Uncaught errors of Hallway's pages and scripts, and errors any site page logged. */
  errors: string[];
  /** Opens an extension page (e.g. `src/options/index.html`). */
  openPage(path: string): Promise<Page>;
  /**
   * Opens the popup as a page looking at `forTab`: loaded in a background tab, so the tab it asks
   * for (the active one in its window) is `forTab`, as it would be for the real popup.
   */
  openPopup(forTab: Page): Promise<Page>;
  /** Opens a site page at its real URL, served from the routes; everything else is refused. */
  openSite(url: string): Promise<Page>;
  /** Serves `html` for every request under `urlPattern` (a glob with `**`); later routes win. */
  serve(urlPattern: string, html: string): void;
  close(): Promise<void>;
}

/** Loads an extension page and waits until it has loaded: Firefox never reports that navigation done. */
async function loadExtensionPage(page: Page, url: string): Promise<void> {
  // Firefox 153 starts a WebDriver navigation to moz-extension:// (allowed only with
  // --remote-allow-system-access) but never sends its load event, so the navigation is not awaited.
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    // While the document is being swapped, evaluating in it can fail: that only means "not yet".
    const isLoaded = await page
      .evaluate((expected) => location.href.startsWith(expected) && document.readyState === 'complete', url)
      .catch(() => false);
    if (isLoaded) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not load.`);
}

/** The extension's id in Firefox, from the built manifest's browser_specific_settings. */
export async function geckoId(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

export async function launchFirefox(): Promise<FirefoxHallway> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is missing: run `npm run build` first.');
  const id = await geckoId();
  const downloads = mkdtempSync(join(tmpdir(), 'hallway-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it Firefox 153 refuses WebDriver navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(id, downloads), ...CONSOLE_PREFS },
    dumpio: isVerbose,
  });
  const routes: Route[] = [];
  const errors: string[] = [];
  // An error thrown (or a promise rejected) in any of Hallway's pages, its background page, the card
  // or the content script, as the browser console words it.
  const extensionError = `JavaScript error: ${EXTENSION_BASE}`;
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith(extensionError)) errors.push(line.slice('JavaScript error: '.length));
    });
  }
  try {
    const installed = await browser.installExtension(DIST_FIREFOX);
    if (installed !== id) throw new Error(`Installed ${installed}, expected ${id}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }

  function answer(request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (!/^(?:https?|wss?):/u.test(url)) {
      void request.continue();
      return;
    }
    const route = routes.findLast((r) => r.pattern.test(url));
    // Only the document and its frames get fixture HTML; anything else the page asks for is refused.
    if (route && request.isNavigationRequest()) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.html });
    } else {
      void request.abort('blockedbyclient');
    }
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.location().url ?? page.url()}: ${message.text()}`);
    });
    return page;
  }

  return {
    browser,
    downloads,
    errors,
    async openPage(path) {
      const page = await newPage();
      await loadExtensionPage(page, EXTENSION_BASE + path);
      return page;
    },
    async openPopup(forTab) {
      const page = await newPage();
      await forTab.bringToFront();
      await loadExtensionPage(page, `${EXTENSION_BASE}src/popup/index.html`);
      return page;
    },
    async openSite(url) {
      const page = await newPage();
      await page.setRequestInterception(true);
      page.on('request', answer);
      await page.goto(url);
      return page;
    },
    serve(urlPattern, html) {
      routes.push({ pattern: globToRegExp(urlPattern), html });
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Serves every demo page (fixtures at the real site addresses, test/demo/pages.ts). */
export function serveDemoPages(hallway: FirefoxHallway): void {
  for (const page of DEMO_PAGES) hallway.serve(page.pattern, fixture(page.fixture));
}

/** Sends a protocol message from an extension page, as the popup and people page do. */
export async function call<T = unknown>(page: Page | Frame, type: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    (t, p) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  )) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

/** Replaces the directory with the sample people; returns the people page it used. */
export async function loadSamplePeople(hallway: FirefoxHallway): Promise<Page> {
  const people = await hallway.openPage('src/options/index.html');
  await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
  return people;
}

/** Waits until Hallway's content script has looked at everything on the page once. */
export async function waitForFirstIdle(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('hallway:first-idle').length > 0, { timeout: 15_000 });
}

/** The visible text of a page or frame, as the user reads it. */
export function shownText(page: Page | Frame): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the page shows `text`, each line box of each occurrence in a text node, in viewport
 * coordinates; read from the page's own DOM, which is all a page script could do.
 */
export function textBoxes(page: Page, text: string): Promise<Box[]> {
  return page.evaluate((wanted) => {
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const content = node.textContent ?? '';
      for (let at = content.indexOf(wanted); at >= 0; at = content.indexOf(wanted, at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        for (const rect of range.getClientRects()) {
          if (rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight) boxes.push({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
        }
      }
    }
    return boxes;
  }, text);
}

/** The viewport as the user sees it now. */
export async function screenshot(page: Page): Promise<Pixels> {
  await page.bringToFront();
  return decodePng(await page.screenshot({ type: 'png' }));
}

/**
 * How many pixels in and just below `box` are drawn in Hallway's marker colour (the teal of a known
 * person's underline, src/ui/tokens.ts): the page itself uses no such colour on the fixtures.
 */
export function markerPixels(pixels: Pixels, box: Box): number {
  let count = 0;
  const bottom = Math.min(pixels.height - 1, box.y + box.height + 4);
  for (let y = Math.max(0, box.y); y <= bottom; y++) {
    for (let x = Math.max(0, box.x); x < Math.min(pixels.width, box.x + box.width); x++) {
      const [r, g, b] = pixels.at(x, y);
      if (g - r > 40 && b - r > 40 && g > 70) count++;
    }
  }
  return count;
}

/** The hover card's frame, once the page has one showing a person. */
export async function cardFrame(page: Page): Promise<Frame> {
  let card: Frame | undefined;
  await expect
    .poll(
      async () => {
        for (const frame of page.frames()) {
          // Puppeteer keeps a framed moz-extension page's first URL (about:blank); the frame knows its own.
          const href = await frame.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(`${EXTENSION_BASE}src/hovercard/`)) card = frame;
        }
        return Boolean(card);
      },
      { message: 'the hover card frame', timeout: 10_000 },
    )
    .toBe(true);
  return card as Frame;
}

/** The backup files Firefox has finished saving. */
export function savedDownloads(hallway: FirefoxHallway): string[] {
  return readdirSync(hallway.downloads)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(hallway.downloads, name));
}
