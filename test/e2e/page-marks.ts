/**
 * What a page shows of Hallway, the way the user sees it: the text under each marker and its look,
 * and the hover card's frame.
 *
 * Markers live in a closed shadow root the page cannot open, so they are read from Hallway's own
 * isolated world over the DevTools protocol (`chrome.dom.openOrClosedShadowRoot` works only there).
 * The text under a marker is what the page shows beneath the marker's box, found by hit testing as
 * a user's eye would, not what Hallway believes it marked.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

export type MarkerState = 'unknown' | 'known' | 'noted' | 'uncertain';

export interface ShownMarker {
  state: MarkerState;
  /** The first of the `kinds` asked for whose selector the text's element (or an ancestor) matches. */
  kind?: string;
  /** The page's text under the marker. */
  text: string;
  /** A point on the marker, in the page's viewport. */
  x: number;
  y: number;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; type?: string };
}

interface FrameTree {
  frame: { id: string; url: string; urlFragment?: string };
  childFrames?: FrameTree[];
}

function findFrameId(tree: FrameTree, url: string): string | null {
  if (tree.frame.url + (tree.frame.urlFragment ?? '') === url || tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const id = findFrameId(child, url);
    if (id) return id;
  }
  return null;
}

/** Evaluates an expression in Hallway's content-script world of a page or of one of its frames. */
export async function inHallwayWorld<T>(target: Page | Frame, expression: string): Promise<T> {
  const isPage = 'mainFrame' in target;
  const page = isPage ? target : target.page();
  let cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    let frameId = isPage ? frameTree.frame.id : findFrameId(frameTree, target.url());
    if (!frameId) {
      // A frame of another site runs in its own process: it has a session of its own.
      await cdp.detach();
      cdp = await page.context().newCDPSession(target);
      frameId = ((await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree }).frameTree.frame.id;
    }
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
    // Enabling the runtime reports every context that exists, before its own reply.
    await cdp.send('Runtime.enable');
    const world = contexts.findLast(
      (context) => context.auxData?.frameId === frameId && context.auxData.type === 'isolated' && context.origin.startsWith('chrome-extension://'),
    );
    if (!world) throw new Error('Hallway has no content script in this frame');
    const reply = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
    return reply.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Runs in Hallway's world: every marker box drawn now, with the page text under it. */
const readMarkers = (kinds: [string, string][]) => `((kinds) => {
  const shown = [];
  for (const host of document.documentElement.children) {
    const layer = chrome.dom.openOrClosedShadowRoot(host)?.querySelector('.layer');
    if (!layer) continue;
    for (const box of layer.children) {
      const rect = box.getBoundingClientRect();
      // A hidden overlay (privacy mode) shows nothing.
      if (!rect.width || !rect.height) continue;
      const y = rect.top + rect.height / 2;
      const start = document.caretRangeFromPoint(rect.left + 1, y);
      const end = document.caretRangeFromPoint(rect.right - 1, y);
      let text = '';
      let kind;
      if (start && end) {
        const node = start.startContainer;
        const element = node.nodeType === 1 ? node : node.parentElement;
        kind = kinds.find(([, selector]) => element?.closest(selector))?.[0] ?? (kinds.length ? 'other' : undefined);
        const range = document.createRange();
        range.setStart(start.startContainer, start.startOffset);
        range.setEnd(end.startContainer, end.startOffset);
        text = range.toString().trim();
      }
      shown.push({ state: box.dataset.state, kind, text, x: rect.left + Math.min(rect.width / 2, 20), y });
    }
  }
  return shown;
})(${JSON.stringify(kinds)})`;

/** Every marker the page shows now; `kinds` names the part of the page each is in, by selector. */
export function markers(page: Page | Frame, kinds: [string, string][] = []): Promise<ShownMarker[]> {
  return inHallwayWorld<ShownMarker[]>(page, readMarkers(kinds));
}

/** Texts under each marker look, sorted; one entry per line a marker spans. */
export async function marked(page: Page | Frame, state: MarkerState): Promise<string[]> {
  return (await markers(page))
    .filter((marker) => marker.state === state)
    .map((marker) => marker.text)
    .sort();
}

/** Every marked text, whatever its look. */
export async function markedTexts(page: Page | Frame): Promise<string[]> {
  return (await markers(page)).map((marker) => marker.text).sort();
}

/** Rests the pointer on the first marker over this text (optionally in one look). */
export async function hover(page: Page, text: string, state?: MarkerState): Promise<void> {
  let found: ShownMarker | undefined;
  await expect
    .poll(async () => {
      found = (await markers(page)).find((marker) => marker.text === text && (!state || marker.state === state));
      return Boolean(found);
    }, { message: `a marker on "${text}"` })
    .toBe(true);
  const { x, y } = found as ShownMarker;
  await page.mouse.move(x + 1, y);
  await page.mouse.move(x, y);
}

/** What any script on the page can read of Hallway's markers: its highlight registry. */
export function pageHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()]);
}

/** The hover card's frame, once the page has one. */
export async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
  await seen(frame);
  return frame;
}

/**
 * Waits until the card's buttons act: a card counts clicks only once it has been seen, uncovered,
 * for a moment (src/hovercard/use-card-guard.ts), as a person takes to read it before clicking.
 */
export async function seen(card: Frame): Promise<void> {
  await expect.poll(() => card.locator('[data-testid="card"][data-seen="true"]').count(), { timeout: 5000 }).toBe(1);
}
