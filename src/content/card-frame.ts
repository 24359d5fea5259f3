/**
 * The frame that holds the hover card. The card itself is an extension page (its own origin, so the
 * host page can neither read it nor hear the keys typed in it), framed inside a closed shadow root
 * under a randomly named element. If the page moves, hides, covers or removes the frame, it closes.
 */
import browser from 'webextension-polyfill';
import type { ContentContext } from './context';
import { CARD_FRAME_SHADOW } from '../ui/tokens';
import { randomHostTag } from './host-element';

const WIDTH = 340;
const MARGIN = 8;
const INITIAL_HEIGHT = 180;
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
  private height = INITIAL_HEIGHT;
  private anchor: DOMRect | null = null;
  private isExpectedChange = false;
  isOpen = false;

  constructor(
    private readonly ctx: ContentContext,
    private readonly onTampered: () => void,
  ) {
    ctx.onInvalidated(() => this.remove());
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
    this.isOpen = true;
    this.applyStyle(true);
    this.ctx.clearInterval(this.tamperTimer);
    this.tamperTimer = this.ctx.setInterval(() => this.checkOnTop(), TAMPER_CHECK_MS);
  }

  hide(): void {
    this.isOpen = false;
    this.anchor = null;
    this.ctx.clearInterval(this.tamperTimer);
    if (this.host?.isConnected) this.applyStyle(false);
  }

  resize(height: number): void {
    this.height = Math.max(60, Math.min(height, window.innerHeight - 2 * MARGIN));
    if (this.isOpen) this.applyStyle(true);
  }

  focus(): void {
    this.iframe?.focus();
  }

  /** True while the user works inside the card (typing a note): it must not close under them. */
  hasFocus(): boolean {
    return this.host !== null && document.activeElement === this.host;
  }

  /** The frame must be what the page shows at its centre; otherwise something covers it. */
  private checkOnTop(): void {
    if (!this.isOpen || !this.host) return;
    if (!this.host.isConnected) {
      this.onTampered();
      return;
    }
    const rect = this.host.getBoundingClientRect();
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
      ['display', 'block'],
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

  /** Below the name when it fits, else above; always inside the viewport. */
  private position(anchor: DOMRect): { left: number; top: number } {
    const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewportHeight = window.innerHeight;
    const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - WIDTH - MARGIN));
    const below = anchor.bottom + 6;
    const above = anchor.top - 6 - this.height;
    const top = below + this.height <= viewportHeight - MARGIN || above < MARGIN ? below : above;
    return { left, top: Math.max(MARGIN, Math.min(top, viewportHeight - this.height - MARGIN)) };
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
