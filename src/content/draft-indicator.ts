/**
 * The small round mark shown at a compose box when the user's own draft may read badly, with a popover
 * naming the phrases and a gentler way to say it. Like the card frame, it lives in a closed shadow root
 * under a randomly named element with `!important` inline styles; if the page touches that element, the
 * indicator removes itself and is built afresh the next time it is needed.
 *
 * The phrases come from the user's own draft, which the page already holds: showing them here tells the
 * page nothing new. They are still page-derived strings, so they go in as text, never as markup.
 */
import type { DraftView } from '../shared/views';
import type { ContentContext } from './context';
import { DRAFT_INDICATOR as COLOUR, lightDark } from '../ui/tokens';
import { randomHostTag, SHOWN_DISPLAY } from './host-element';
import { pageTheme } from './page-theme';

export type ShownLevel = Exclude<DraftView['level'], 'ok'>;

const SIZE = 18;
/** Up and left of the box's corner, so the mark sits on the box and not on a send button next to it. */
const INSET = 6;
const MARGIN = 4;
/** Time to cross the gap between the mark and its popover before the popover closes. */
const CLOSE_DELAY_MS = 200;
const MAX_PHRASES = 5;
const MAX_PHRASE_CHARS = 80;

const LABELS: Record<ShownLevel, { title: string; aria: string }> = {
  hostile: { title: 'This draft may read as hostile', aria: 'Hallway: this draft may read as hostile' },
  'passive-aggressive': {
    title: 'This draft may read as passive-aggressive',
    aria: 'Hallway: this draft may read as passive-aggressive',
  },
};

const CSS = `
  .dot {
    all: unset;
    box-sizing: border-box;
    display: block;
    width: ${SIZE}px;
    height: ${SIZE}px;
    border-radius: 50%;
    font: 700 12px/${SIZE}px system-ui, sans-serif;
    text-align: center;
    cursor: help;
    color: ${lightDark(COLOUR.onHostile)};
    background: ${lightDark(COLOUR.hostile)};
    box-shadow: 0 0 0 2px ${lightDark(COLOUR.ring)}, 0 1px 3px ${lightDark(COLOUR.dotShadow)};
  }
  .dot.passive-aggressive {
    background: ${lightDark(COLOUR.passiveAggressive)};
    color: ${lightDark(COLOUR.onPassiveAggressive)};
  }
  .dot:focus-visible { outline: 2px solid ${lightDark(COLOUR.focus)}; outline-offset: 3px; }
  .pop {
    position: absolute;
    box-sizing: border-box;
    width: max-content;
    max-width: 280px;
    padding: 10px 12px;
    border-radius: 8px;
    background: ${lightDark(COLOUR.surface)};
    color: ${lightDark(COLOUR.text)};
    box-shadow: 0 0 0 1px ${lightDark(COLOUR.edge)}, 0 8px 24px ${lightDark(COLOUR.shadow)},
      0 1px 3px ${lightDark(COLOUR.shadowNear)};
    font: 13px/1.4 system-ui, sans-serif;
    text-align: left;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .pop[hidden] { display: none; }
  .pop.above { bottom: ${SIZE + 6}px; }
  .pop.below { top: ${SIZE + 6}px; }
  .pop.end { right: 0; }
  .pop.start { left: 0; }
  .brand { margin: 0 0 2px; font-size: 11px; color: ${lightDark(COLOUR.muted)}; }
  .title { margin: 0 0 6px; font-weight: 600; }
  ul { margin: 0 0 6px; padding: 0 0 0 16px; }
  li { margin: 0; }
  .suggestion { margin: 0; }
`;


function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Parts {
  host: HTMLElement;
  wrap: HTMLElement;
  dot: HTMLButtonElement;
  pop: HTMLElement;
  title: HTMLElement;
  list: HTMLUListElement;
  suggestion: HTMLElement;
  watcher: MutationObserver;
  /** Ends the listeners inside the shadow root when this host is dropped. */
  listeners: AbortController;
}

export interface DraftIndicatorOptions {
  ctx: ContentContext;
}

export class DraftIndicator {
  private parts: Parts | null = null;
  private box: HTMLElement | null = null;
  /** The style attribute as last written; anything else on the host is the page's doing. */
  private expectedStyle: string | null = null;
  private lastPlacement = '';
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private isPopoverPinned = false;

  constructor(private readonly options: DraftIndicatorOptions) {
    options.ctx.onInvalidated(() => this.remove());
  }

  /** True while the mark stands for a box (it may be scrolled out of sight). */
  get isShown(): boolean {
    return this.box !== null && this.parts !== null;
  }

  /** The box the mark stands for. */
  get target(): HTMLElement | null {
    return this.isShown ? this.box : null;
  }

  isOwn(node: Node): boolean {
    return this.parts !== null && node === this.parts.host;
  }

  show(box: HTMLElement, level: ShownLevel, view: DraftView): void {
    if (this.options.ctx.signal.aborted) return;
    if (!this.isIntact()) this.remove();
    const parts = this.parts ?? this.build();
    this.box = box;
    // The CSS's light-dark() colours follow this; the page may have changed theme since the last mark.
    parts.wrap.style.colorScheme = pageTheme();
    parts.dot.className = `dot ${level}`;
    parts.dot.setAttribute('aria-label', LABELS[level].aria);
    parts.title.textContent = LABELS[level].title;
    const items = view.phrases.slice(0, MAX_PHRASES).map((phrase) => {
      const item = document.createElement('li');
      item.textContent = `“${clip(phrase, MAX_PHRASE_CHARS)}”`;
      return item;
    });
    parts.list.replaceChildren(...items);
    parts.list.hidden = items.length === 0;
    parts.suggestion.textContent = view.suggestion ?? '';
    parts.suggestion.hidden = !view.suggestion;
    this.reposition();
  }

  hide(): void {
    this.box = null;
    this.closePopover();
    if (this.parts) this.place(null);
  }

  /** Follows the box; false when the mark is gone (the page removed or changed it). */
  reposition(): boolean {
    if (!this.parts || !this.box) return false;
    if (!this.isIntact()) {
      this.remove();
      return false;
    }
    this.place(this.box.getBoundingClientRect());
    return true;
  }

  /** Drops the host entirely (switched off, torn down or tampered with); the next show builds a new one. */
  remove(): void {
    this.options.ctx.clearTimeout(this.closeTimer);
    const parts = this.parts;
    this.parts = null;
    this.box = null;
    this.expectedStyle = null;
    this.lastPlacement = '';
    this.isPopoverPinned = false;
    if (!parts) return;
    parts.listeners.abort();
    parts.watcher.disconnect();
    parts.host.remove();
  }

  private isIntact(): boolean {
    const host = this.parts?.host;
    return host !== undefined && host.parentNode === document.documentElement;
  }

  private build(): Parts {
    const host = document.createElement(randomHostTag());
    const shadow = host.attachShadow({ mode: this.options.ctx.policy.shadowMode });
    const style = document.createElement('style');
    style.textContent = CSS;

    const dot = document.createElement('button');
    dot.type = 'button';
    dot.textContent = '!';
    const pop = document.createElement('div');
    pop.id = 'pop';
    pop.setAttribute('role', 'tooltip');
    pop.hidden = true;
    dot.setAttribute('aria-describedby', 'pop');
    const brand = document.createElement('p');
    brand.className = 'brand';
    brand.textContent = 'Hallway';
    const title = document.createElement('p');
    title.className = 'title';
    const list = document.createElement('ul');
    const suggestion = document.createElement('p');
    suggestion.className = 'suggestion';
    pop.append(brand, title, list, suggestion);
    const wrap = document.createElement('div');
    wrap.append(dot, pop);
    shadow.append(style, wrap);

    const listeners = new AbortController();
    const { signal } = listeners;
    // The caret must stay in the compose box: a click on the mark must not move focus to it.
    dot.addEventListener('mousedown', (event) => event.preventDefault(), { signal });
    dot.addEventListener('click', () => {
      this.isPopoverPinned = !this.isPopoverPinned;
      if (this.isPopoverPinned) this.openPopover();
      else this.closePopover();
    }, { signal });
    wrap.addEventListener('mouseenter', () => this.openPopover(), { signal });
    wrap.addEventListener('mouseleave', () => this.closeSoon(), { signal });
    dot.addEventListener('focus', () => this.openPopover(), { signal });
    dot.addEventListener('blur', () => this.closeSoon(), { signal });
    dot.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closePopover();
    }, { signal });

    // Any attribute change the page makes (a new style, `hidden`, `inert` ...) may hide or move the mark
    // to mislead: drop it. Our own writes leave the style attribute as recorded in `expectedStyle`.
    const watcher = new MutationObserver((records) => {
      const isTampered = records.some(
        (record) => record.attributeName !== 'style' || host.getAttribute('style') !== this.expectedStyle,
      );
      if (isTampered) this.remove();
    });
    watcher.observe(host, { attributes: true });

    this.parts = { host, wrap, dot, pop, title, list, suggestion, watcher, listeners };
    this.place(null);
    document.documentElement.append(host);
    return this.parts;
  }

  /** Inside the box's bottom-right corner, clipped to the viewport; hidden when the box is out of sight. */
  private place(rect: DOMRect | null): void {
    const parts = this.parts;
    if (!parts) return;
    const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewportHeight = window.innerHeight;
    let left = 0;
    let top = 0;
    let isVisible = false;
    if (rect) {
      const visibleLeft = Math.max(rect.left, MARGIN);
      const visibleTop = Math.max(rect.top, MARGIN);
      const visibleRight = Math.min(rect.right, viewportWidth - MARGIN);
      const visibleBottom = Math.min(rect.bottom, viewportHeight - MARGIN);
      // Any part of the box in view is enough: a one-line compose box is often shorter than the dot.
      isVisible = visibleRight > visibleLeft && visibleBottom > visibleTop;
      left = Math.round(Math.max(visibleLeft, visibleRight - SIZE - INSET));
      const visibleHeight = visibleBottom - visibleTop;
      // In a short box the dot sits centred on its right end rather than above it.
      top = Math.round(visibleHeight >= SIZE + INSET ? visibleBottom - SIZE - INSET : visibleTop + (visibleHeight - SIZE) / 2);
      top = Math.max(MARGIN, Math.min(top, viewportHeight - SIZE - MARGIN));
    }
    const placement = `${isVisible}:${left}:${top}`;
    // Scroll and the watch call this often: write (and so trigger style recalculation) only on a change.
    if (placement === this.lastPlacement) return;
    this.lastPlacement = placement;
    if (!isVisible) this.closePopover();
    // The popover opens towards the middle of the viewport, where there is room for it.
    parts.pop.className = `pop ${top > viewportHeight / 2 ? 'above' : 'below'} ${left > viewportWidth / 2 ? 'end' : 'start'}`;
    const declarations: [string, string][] = [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['display', isVisible ? SHOWN_DISPLAY : 'none'],
      ['left', `${left}px`],
      ['top', `${top}px`],
      ['width', `${SIZE}px`],
      ['height', `${SIZE}px`],
      ['margin', '0'],
      ['padding', '0'],
      ['overflow', 'visible'],
      ['z-index', '2147483647'],
      ['visibility', isVisible ? 'visible' : 'hidden'],
      ['pointer-events', isVisible ? 'auto' : 'none'],
    ];
    const host = parts.host;
    host.removeAttribute('style');
    for (const [name, value] of declarations) host.style.setProperty(name, value, 'important');
    this.expectedStyle = host.getAttribute('style');
  }

  private openPopover(): void {
    this.options.ctx.clearTimeout(this.closeTimer);
    if (this.parts && this.box) this.parts.pop.hidden = false;
  }

  private closeSoon(): void {
    this.options.ctx.clearTimeout(this.closeTimer);
    if (this.isPopoverPinned) return;
    this.closeTimer = this.options.ctx.setTimeout(() => this.closePopover(), CLOSE_DELAY_MS);
  }

  private closePopover(): void {
    this.options.ctx.clearTimeout(this.closeTimer);
    this.isPopoverPinned = false;
    if (this.parts) this.parts.pop.hidden = true;
  }
}
