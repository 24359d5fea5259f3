/**
 * Draws Hallway's markers where the page cannot read them: boxes in a closed shadow root under a
 * randomly named element, laid over the page's text. The page's own DOM, styles and highlight
 * registry carry nothing of Hallway's, so a page script cannot tell a known or noted person from a
 * stranger by reading what is marked (CSS Custom Highlights belong to the page's document: any of its
 * scripts can list their names and ranges).
 *
 * Only text the user can see is marked: names in view, rendered, not transparent, not clipped away and
 * not covered by something else. A name hidden in the page (display:none, off-screen, opacity 0, 1 px
 * transparent text, visibility:hidden) gets no box, so no probe can make Hallway mark a list of
 * candidates the user never sees.
 *
 * The boxes ignore the pointer, so they never take a click or change what the page's hit tests find.
 * What the page can still learn is in DESIGN.md and the README's Privacy section.
 */
import type { ContentContext } from './context';
import { randomHostTag, SHOWN_DISPLAY } from './host-element';
import { MARKER_STYLES, type ShownState } from './marker-styles';
import { pageTheme } from './page-theme';

export interface MarkerPainter {
  /** Shows a range in a state's look; painting the same range again changes its look. */
  paint(range: Range, owner: Element, state: ShownState): void;
  unpaint(range: Range): void;
  setShown(isShown: boolean): void;
  /** The page changed or scrolled: what covers what may have changed too; draw again soon. */
  invalidate(): void;
  /** Whether a node is the overlay's own (mutations there are not the page's). */
  isOwn(node: Node): boolean;
}

/** Whether the owner was on top at a box's centre, as of which page change, and when. */
interface Hit {
  isOnTop: boolean;
  generation: number;
  at: number;
}

interface Painted {
  range: Range;
  owner: Element;
  state: ShownState;
  boxes: HTMLElement[];
  /** The last hit test of each box, by its rectangle. */
  hits: Map<string, Hit>;
}

/** Names this near the viewport are kept ready, so scrolling draws them at once. */
const VIEW_MARGIN = '200px';
/** Layout can move without a scroll or a mutation (images, fonts, animations): a slow redraw covers it. */
const REDRAW_EVERY_MS = 500;
/** Text smaller than this, or fainter, is not text a user reads. */
const MIN_FONT_PX = 6;
const MIN_ALPHA = 0.1;
/** A box smaller than this is a clipped-away or screen-reader-only name. */
const MIN_BOX_PX = 3;
/**
 * Hit tests (is the name on top, or covered?) are the costly part of drawing: on a page of 100,000
 * rows one takes 10–60 ms. A box keeps its answer until it moves or the page changes or scrolls, or
 * for a while at most (a page can cover text without changing its DOM, by a class or an animation):
 * a second where hit tests are cheap, up to ten where they are not. One draw spends at most
 * HIT_BUDGET_MS on new ones; the rest are asked in the next frames, and the boxes written once all are
 * known (on such a page every write to the layer costs a 50 ms layout).
 */
const HIT_BUDGET_MS = 4;
const HIT_KEPT_MS = { least: 1000, most: 10_000, perHitMs: 500 };

export class MarkerOverlay implements MarkerPainter {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private readonly byRange = new Map<Range, Painted>();
  private readonly byOwner = new Map<Element, Set<Painted>>();
  private readonly inView = new Set<Element>();
  private readonly observer: IntersectionObserver;
  /** Ancestors that clip an owner (overflow other than visible), found once per owner. */
  private readonly clippers = new WeakMap<Element, Element[]>();
  private frame: number | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private isShown = true;
  /** Counts page changes and scrolls: a hit test is good for the generation it was made in. */
  private generation = 0;
  /** How long hit tests take here, on average (ms): a slow page keeps their answers longer. */
  private hitMs = 0;

  constructor(private readonly ctx: ContentContext) {
    this.observer = new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: VIEW_MARGIN });
    ctx.listen(document, 'scroll', () => this.invalidate(), { capture: true, passive: true });
    ctx.listen(window, 'resize', () => this.invalidate(), { passive: true });
    ctx.onInvalidated(() => this.remove());
  }

  paint(range: Range, owner: Element, state: ShownState): void {
    const existing = this.byRange.get(range);
    if (existing) {
      existing.state = state;
      this.scheduleDraw();
      return;
    }
    const painted: Painted = { range, owner, state, boxes: [], hits: new Map() };
    this.byRange.set(range, painted);
    let same = this.byOwner.get(owner);
    if (!same) {
      same = new Set();
      this.byOwner.set(owner, same);
      this.observer.observe(owner);
    }
    same.add(painted);
    if (this.inView.has(owner)) this.scheduleDraw();
  }

  unpaint(range: Range): void {
    const painted = this.byRange.get(range);
    if (!painted) return;
    this.byRange.delete(range);
    for (const box of painted.boxes) box.remove();
    const same = this.byOwner.get(painted.owner);
    same?.delete(painted);
    if (same && !same.size) {
      this.byOwner.delete(painted.owner);
      this.inView.delete(painted.owner);
      this.observer.unobserve(painted.owner);
    }
  }

  setShown(isShown: boolean): void {
    this.isShown = isShown;
    if (this.host) this.host.style.display = isShown ? SHOWN_DISPLAY : 'none';
    this.scheduleDraw();
  }

  invalidate(): void {
    this.generation += 1;
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.frame !== undefined || !this.isShown) return;
    this.frame = this.ctx.requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  isOwn(node: Node): boolean {
    return node === this.host;
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.inView.add(entry.target);
      else {
        this.inView.delete(entry.target);
        for (const painted of this.byOwner.get(entry.target) ?? []) this.clearBoxes(painted);
      }
    }
    this.updateTimer();
    this.scheduleDraw();
  }

  /** Redraws every painted range near the viewport. Reads layout for all of them, then writes. */
  private draw(): void {
    if (!this.isShown || !this.inView.size) return;
    const layer = this.ensureLayer();
    const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const clipRects = new Map<Element, DOMRect>();
    const plans: { painted: Painted; rects: Rect[] }[] = [];
    const keptMs = Math.min(HIT_KEPT_MS.most, Math.max(HIT_KEPT_MS.least, this.hitMs * HIT_KEPT_MS.perHitMs));
    const budget: HitBudget = { until: performance.now() + HIT_BUDGET_MS, isSpent: false, generation: this.generation, keptMs, spentMs: 0, tests: 0 };
    for (const owner of this.inView) {
      const same = this.byOwner.get(owner);
      if (!same) continue;
      const isReadable = owner.isConnected && isReadableText(owner);
      const clip = isReadable ? this.clipFor(owner, viewport, clipRects) : null;
      for (const painted of same) {
        const rects = clip ? visibleRects(painted, clip, budget) : [];
        plans.push({ painted, rects });
      }
    }
    if (budget.tests) this.hitMs = 0.8 * this.hitMs + 0.2 * (budget.spentMs / budget.tests);
    // Boxes not yet looked at are looked at in the next frames; all are written once they are.
    if (budget.isSpent) {
      this.scheduleDraw();
      return;
    }
    for (const { painted, rects } of plans) this.place(layer, painted, rects);
  }

  private place(layer: HTMLElement, painted: Painted, rects: Rect[]): void {
    while (painted.boxes.length > rects.length) painted.boxes.pop()?.remove();
    rects.forEach((rect, i) => {
      let box = painted.boxes[i];
      if (!box) {
        box = document.createElement('div');
        painted.boxes.push(box);
        layer.append(box);
      }
      // Unchanged boxes are left alone: every write to them costs a style pass.
      const place = `${painted.state} ${rect.left} ${rect.top} ${rect.right} ${rect.bottom}`;
      if (box.dataset.place === place) return;
      box.dataset.place = place;
      box.className = painted.state;
      box.dataset.state = painted.state;
      box.style.transform = `translate(${rect.left}px, ${rect.top}px)`;
      box.style.width = `${rect.right - rect.left}px`;
      box.style.height = `${rect.bottom - rect.top}px`;
    });
  }

  private clearBoxes(painted: Painted): void {
    for (const box of painted.boxes) box.remove();
    painted.boxes = [];
  }

  /** The part of the viewport an owner can show text in: inside every ancestor that clips it. */
  private clipFor(owner: Element, viewport: Rect, cache: Map<Element, DOMRect>): Rect | null {
    let clippers = this.clippers.get(owner);
    if (!clippers) {
      clippers = [];
      for (let node = owner.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clippers.push(node);
      }
      this.clippers.set(owner, clippers);
    }
    let clip: Rect = viewport;
    for (const clipper of clippers) {
      let rect = cache.get(clipper);
      if (!rect) {
        rect = clipper.getBoundingClientRect();
        cache.set(clipper, rect);
      }
      clip = intersect(clip, rect);
      if (clip.right - clip.left < MIN_BOX_PX || clip.bottom - clip.top < MIN_BOX_PX) return null;
    }
    return clip;
  }

  private ensureLayer(): HTMLElement {
    if (this.host?.isConnected && this.layer) return this.layer;
    // The page removed the overlay, or it was never made: make a new one under a new name.
    this.host?.remove();
    const host = document.createElement(randomHostTag());
    host.style.cssText =
      'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; ' +
      'pointer-events: none; z-index: 2147483646; contain: layout style size;';
    host.style.display = this.isShown ? SHOWN_DISPLAY : 'none';
    const shadow = host.attachShadow({ mode: this.ctx.policy.shadowMode });
    const style = document.createElement('style');
    style.textContent = MARKER_STYLES;
    const layer = document.createElement('div');
    layer.className = 'layer';
    // The markers take the page's scheme, so they keep their contrast on a dark Slack or Gmail.
    layer.style.colorScheme = pageTheme();
    shadow.append(style, layer);
    document.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    for (const painted of this.byRange.values()) painted.boxes = [];
    return layer;
  }

  private updateTimer(): void {
    if (this.inView.size && this.timer === undefined) this.timer = this.ctx.setInterval(() => this.scheduleDraw(), REDRAW_EVERY_MS);
    else if (!this.inView.size && this.timer !== undefined) {
      this.ctx.clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private remove(): void {
    this.observer.disconnect();
    this.host?.remove();
    this.host = null;
    this.layer = null;
    this.byRange.clear();
    this.byOwner.clear();
    this.inView.clear();
  }
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Rect, b: Rect): Rect {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

/** Whether an element's text is drawn so a user can read it: rendered, opaque enough, big enough. */
function isReadableText(element: Element): boolean {
  if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
  const style = getComputedStyle(element);
  if (Number.parseFloat(style.fontSize) < MIN_FONT_PX) return false;
  return alphaOf(style.color) >= MIN_ALPHA;
}

/** The alpha of a computed colour (`rgb(…)`, `rgba(…)` or `color(… / a)`); 1 when it has none. */
function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const slash = /\/\s*([\d.]+)(%?)\s*\)$/.exec(color);
  if (slash?.[1]) return Number(slash[1]) / (slash[2] ? 100 : 1);
  const rgba = /^rgba\((?:[^,]+,){3}\s*([\d.]+)\s*\)$/.exec(color);
  return rgba?.[1] ? Number(rgba[1]) : 1;
}

/** What one draw may still spend on hit tests, whether it ran out, and what it spent. */
interface HitBudget {
  until: number;
  isSpent: boolean;
  /** The page change the draw is for, and how long an answer holds without one. */
  generation: number;
  keptMs: number;
  spentMs: number;
  tests: number;
}

/**
 * The rectangles of a range the user can see: inside the clip, large enough, and with the owner (not
 * something the page drew over it) on top at their centre. A box not yet hit-tested, once the budget
 * is spent, is left out until a later draw has looked.
 */
function visibleRects(painted: Painted, clip: Rect, budget: HitBudget): Rect[] {
  const rects: Rect[] = [];
  const hits = new Map<string, Hit>();
  const now = performance.now();
  for (const raw of painted.range.getClientRects()) {
    const rect = intersect(raw, clip);
    if (rect.right - rect.left < MIN_BOX_PX || rect.bottom - rect.top < MIN_BOX_PX) continue;
    const key = `${Math.round(rect.left)} ${Math.round(rect.top)} ${Math.round(rect.right)} ${Math.round(rect.bottom)}`;
    let hit = painted.hits.get(key);
    if (!hit || hit.generation !== budget.generation || now - hit.at > budget.keptMs) {
      const startedAt = performance.now();
      if (startedAt > budget.until) budget.isSpent = true;
      else {
        const top = document.elementFromPoint((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2);
        hit = { isOnTop: top !== null && (painted.owner.contains(top) || top.contains(painted.owner)), generation: budget.generation, at: now };
        budget.spentMs += performance.now() - startedAt;
        budget.tests += 1;
      }
    }
    if (!hit) continue;
    hits.set(key, hit);
    if (hit.isOnTop) rects.push(rect);
  }
  painted.hits = hits;
  return rects;
}
