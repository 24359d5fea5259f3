/**
 * Gzipped size of what each part of the built extension loads: entry files from dist/manifest.json
 * and the extension pages, followed through their static imports (and the content script loader's
 * dynamic import) to every chunk they pull in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../e2e/harness';

export interface BundleSize {
  name: string;
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  rawBytes: number;
  /** Whether a database or UI framework ended up in it (DESIGN.md: the content script has neither). */
  hasDexie: boolean;
}

// Static `import … from "./x.js"`, bare `import "./x.js"`, and `chrome.runtime.getURL("assets/x.js")`.
const FROM_RE = /(?:from|import)\s*["']([^"']+\.js)["']/gu;
const GET_URL_RE = /getURL\(\s*["']([^"']+\.js)["']\s*\)/gu;
const HTML_RE = /(?:src|href)="([^"]+\.(?:js|css))"/gu;

function follow(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(join(DIST, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(FROM_RE)) queue.push(normalize(join(dirname(file), m[1] as string)));
    for (const m of code.matchAll(GET_URL_RE)) queue.push(normalize(m[1] as string));
  }
  return [...seen].sort();
}

function htmlEntries(page: string): string[] {
  const html = readFileSync(join(DIST, page), 'utf8');
  return [...html.matchAll(HTML_RE)].map((m) => {
    const ref = m[1] as string;
    return ref.startsWith('/') ? ref.slice(1) : relative(DIST, join(DIST, dirname(page), ref));
  });
}

function measure(name: string, files: string[]): BundleSize {
  const sized = files.map((file) => {
    const data = readFileSync(join(DIST, file));
    return { file, gzipBytes: gzipSync(data, { level: 9 }).length, rawBytes: data.length, text: data.toString('utf8') };
  });
  return {
    name,
    files: sized.map(({ file, gzipBytes }) => ({ file, gzipBytes })),
    gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0),
    rawBytes: sized.reduce((sum, f) => sum + f.rawBytes, 0),
    hasDexie: sized.some((f) => f.text.includes('DexieError') || f.text.includes('Dexie.')),
  };
}

export function bundleSizes(): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[]; matches?: string[] }[];
    background?: { service_worker?: string };
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const sizes: BundleSize[] = [];
  for (const script of manifest.content_scripts ?? []) {
    // The key guard runs first, at document_start, before the page's scripts (src/content/guard.ts).
    const part = script.js?.some((file) => file.includes('guard')) ? 'key guard' : 'content script';
    const label = script.matches?.some((m) => m.includes('chat.google.com')) && script.matches.length === 1 ? `${part} (Google Chat frames)` : part;
    sizes.push(measure(label, follow([...(script.js ?? []), ...(script.css ?? [])])));
  }
  if (manifest.background?.service_worker) sizes.push(measure('service worker', follow([manifest.background.service_worker])));
  sizes.push(measure('hover card', follow(['src/hovercard/index.html', ...htmlEntries('src/hovercard/index.html')])));
  if (manifest.action?.default_popup) sizes.push(measure('popup', follow([manifest.action.default_popup, ...htmlEntries(manifest.action.default_popup)])));
  if (manifest.options_ui?.page) sizes.push(measure('options', follow([manifest.options_ui.page, ...htmlEntries(manifest.options_ui.page)])));
  return sizes;
}
