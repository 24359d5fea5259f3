/**
 * The frame that holds the hover card. The card itself is an extension page (its own origin, so the
 * host page can neither read it nor hear the keys typed in it), framed inside a closed shadow root
 * under a randomly named element. If the page moves, hides, covers or removes the frame, it closes.
 */
import browser from 'webextension-polyfill';
import type { ContentContext } from './context';
import { CARD_FRAME_SHADOW } from '../ui/tokens';
import { randomHostTag, SHOWN_DISPLAY } from './host-element';
import type { KeyGuard } from './key-guard';

/**
 * The frame's size. It is the same for every card, whatever the card shows: the page can read the
 * frame's size, and a frame that grew with the card would tell it who has notes and when one is saved.
 */
const WIDTH = 340;
const HEIGHT = 540;
const MARGIN = 8;
/** Below this share of its size the card is too small to read: the page has shrunk it (a decoy). */
const SMALLEST_SCALE = 0.8;
/** How often an open card checks that it is still on top and untouched. */
const TAMPER_CHECK_MS = 250;

const FRAME_CSS = `
  iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
    border-radius: 10px;
    background: transparent;
    color-scheme: normal;
    box-shadow: ${CARD_FRAME_SHADOW};
  }
`;


export class CardFrame {
  /** This frame's card id: pairs the card page with this content script (see CARD_ID). */
  readonly id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  private host: HTMLElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private watcher: MutationObserver | null = null;
  private tamperTimer: ReturnType<typeof setInterval> | undefined;
  private height = HEIGHT;
  private anchor: DOMRect | null = null;
  private isExpectedChange = false;
  /** The keyboard focus is in the card (as far as this page can tell). */
  private hasCardFocus = false;
  isOpen = false;

  constructor(
    private readonly ctx: ContentContext,
    private readonly onTampered: () => void,
    private readonly guard: KeyGuard,
  ) {
    ctx.onInvalidated(() => {
      guard.release();
      this.remove();
    });
    // Chromium fires no focus events on a frame's element when the focus goes into it; the page's
    // window only blurs, with the frame as its active element.
    ctx.listen(window, 'blur', (event) => {
      if (event.target !== window) return;
      ctx.setTimeout(() => {
        this.hasCardFocus = this.isOpen && document.activeElement === this.host;
        if (this.hasCardFocus) guard.release();
      }, 0);
    });
    // Focus that comes back from the card to the page without the user clicking the page (a click
    // closes the card first) was taken by a page script: the keys that follow are kept from it.
    const onPageFocus = (event: Event) => {
      if (!ctx.policy.isTrusted(event) || !this.hasCardFocus || !this.isOpen || document.activeElement === this.host) return;
      this.hasCardFocus = false;
      guard.hold();
    };
    ctx.listen(window, 'focus', onPageFocus);
    ctx.listen(window, 'focusin', onPageFocus, { capture: true });
  }

  /** Creates the frame ahead of the first card, so opening one is only a matter of showing it. */
  prepare(): void {
    if (this.host?.isConnected) return;
    this.remove();
    const host = document.createElement(randomHostTag());
    const shadow = host.attachShadow({ mode: this.ctx.policy.shadowMode });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const iframe = document.createElement('iframe');
    iframe.src = `${browser.runtime.getURL('src/hovercard/index.html')}#${this.id}`;
    iframe.title = 'Hallway';
    iframe.setAttribute('allow', '');
    shadow.append(style, iframe);
    this.host = host;
    this.iframe = iframe;
    this.applyStyle(false);
    document.documentElement.append(host);
    // Any change the page makes to the frame closes it: it may be trying to hide or move it.
    this.watcher = new MutationObserver(() => {
      if (!this.isExpectedChange && this.isOpen) this.onTampered();
    });
    this.watcher.observe(host, { attributes: true });
  }

  isOwn(node: Node): boolean {
    return node === this.host;
  }

  show(anchor: DOMRect): void {
    this.prepare();
    this.anchor = anchor;
    this.height = Math.max(120, Math.min(HEIGHT, window.innerHeight - 2 * MARGIN));
    this.isOpen = true;
    this.applyStyle(true);
    this.ctx.clearInterval(this.tamperTimer);
    this.tamperTimer = this.ctx.setInterval(() => this.checkOnTop(), TAMPER_CHECK_MS);
  }

  hide(): void {
    this.isOpen = false;
    this.hasCardFocus = false;
    this.guard.release();
    this.anchor = null;
    this.ctx.clearInterval(this.tamperTimer);
    if (this.host?.isConnected) this.applyStyle(false);
  }

  focus(): void {
    this.iframe?.focus();
  }

  /** True while the user works inside the card (typing a note): it must not close under them. */
  hasFocus(): boolean {
    return this.host !== null && document.activeElement === this.host;
  }

  /** In use: focused, or typing in it was cut off by the page and is held (see KeyGuard). */
  isInUse(): boolean {
    return this.hasFocus() || (this.isOpen && this.guard.isHolding);
  }

  /**
   * The frame must be what the page shows at its centre, at a size one can read; otherwise the page
   * covers or shrinks it. What lets clicks through unseen (`pointer-events: none` over the card) only
   * the card itself can tell (src/hovercard/use-card-guard.ts).
   */
  private checkOnTop(): void {
    if (!this.isOpen || !this.host) return;
    if (!this.host.isConnected) {
      this.onTampered();
      return;
    }
    const rect = this.host.getBoundingClientRect();
    if (rect.width < WIDTH * SMALLEST_SCALE || rect.height < this.height * SMALLEST_SCALE) {
      this.onTampered();
      return;
    }
    const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 40));
    if (top !== this.host) this.onTampered();
  }

  private applyStyle(isVisible: boolean): void {
    const host = this.host;
    if (!host) return;
    const { left, top } = this.anchor ? this.position(this.anchor) : { left: -10_000, top: -10_000 };
    const declarations: [string, string][] = [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['display', SHOWN_DISPLAY],
      ['left', `${left}px`],
      ['top', `${top}px`],
      ['width', `${WIDTH}px`],
      ['height', `${this.height}px`],
      ['z-index', '2147483647'],
      ['visibility', isVisible ? 'visible' : 'hidden'],
      ['pointer-events', isVisible ? 'auto' : 'none'],
    ];
    this.isExpectedChange = true;
    host.removeAttribute('style');
    for (const [name, value] of declarations) host.style.setProperty(name, value, 'important');
    // MutationObserver callbacks run later as a microtask: lower the flag after them.
    queueMicrotask(() => queueMicrotask(() => (this.isExpectedChange = false)));
  }

  /**
   * Below the name when it fits, else above, else beside it; always inside the viewport, and over
   * the name itself only when the window is too small for anything else.
   */
  private position(anchor: DOMRect): { left: number; top: number } {
    const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewportHeight = window.innerHeight;
    const clampTop = (top: number) => Math.max(MARGIN, Math.min(top, viewportHeight - this.height - MARGIN));
    const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - WIDTH - MARGIN));
    const below = anchor.bottom + 6;
    if (below + this.height <= viewportHeight - MARGIN) return { left, top: below };
    const above = anchor.top - 6 - this.height;
    if (above >= MARGIN) return { left, top: above };
    const right = anchor.right + 6;
    if (right + WIDTH <= viewportWidth - MARGIN) return { left: right, top: clampTop(anchor.top - this.height / 3) };
    const leftSide = anchor.left - 6 - WIDTH;
    if (leftSide >= MARGIN) return { left: leftSide, top: clampTop(anchor.top - this.height / 3) };
    return { left, top: clampTop(below) };
  }

  private remove(): void {
    this.ctx.clearInterval(this.tamperTimer);
    this.watcher?.disconnect();
    this.host?.remove();
    this.host = null;
    this.iframe = null;
    this.isOpen = false;
  }
}
