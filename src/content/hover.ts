/**
 * Opens the hover card on a marked name: after a short hover intent, or from the keyboard (focus or
 * select the name, then Alt+Shift+H). Only real user input counts: events a page script makes up
 * (`isTrusted` false) never open a card.
 */
import type { CardTheme } from '../shared/views';
import type { Annotator, Mark } from './annotator';
import type { CardFrame } from './card-frame';
import type { ContentContext } from './context';
import { pageTheme } from './page-theme';

/** How long the pointer rests on a name before the card opens, and leaves it before it closes. */
const INTENT_MS = 300;
const CLOSE_MS = 350;

export interface HoverOptions {
  ctx: ContentContext;
  annotator: Annotator;
  frame: CardFrame;
  open(mark: Mark, theme: CardTheme): Promise<void>;
  close(): void;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function isInside(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export class HoverCards {
  private shown: Mark | null = null;
  private candidate: Mark | null = null;
  private intentTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private returnFocus: HTMLElement | null = null;
  private pointerFrame: number | undefined;
  isEnabled = true;

  constructor(private readonly options: HoverOptions) {
    const { ctx } = options;
    const isTrusted = (event: Event) => ctx.policy.isTrusted(event);
    const listen = { capture: true, passive: true };
    ctx.listen(document, 'pointermove', (event) => this.onPointer(event), listen);
    ctx.listen(document, 'scroll', () => this.closeUnlessInUse(), listen);
    // A click anywhere else on the page is a clear "done with the card".
    ctx.listen(document, 'pointerdown', (event) => {
      if (isTrusted(event) && !(event.target instanceof Node && options.frame.isOwn(event.target))) this.closeNow();
    }, listen);
    ctx.listen(window, 'keydown', (event) => this.onKey(event), { capture: true });
    ctx.listen(window, 'blur', () => this.cancelIntent());
    // Leaving this document altogether (out of a frame, or out of the window) is leaving the name.
    ctx.listen(
      document,
      'pointerout',
      (event) => {
        if (!isTrusted(event) || event.relatedTarget !== null) return;
        this.cancelIntent();
        if (this.shown) this.closeSoon();
      },
      listen,
    );
  }

  /** Whether the card is still meant to show this mark (the user may have moved on meanwhile). */
  isCurrent(mark: Mark): boolean {
    return this.isEnabled && this.shown === mark;
  }

  closeNow(): void {
    this.cancelIntent();
    this.options.ctx.clearTimeout(this.closeTimer);
    if (!this.shown && !this.options.frame.isOpen) return;
    const hasFocus = this.options.frame.hasFocus();
    this.shown = null;
    this.options.close();
    // Keyboard users go back to the name they opened the card from.
    if (hasFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** Pointer-leave and scrolling close the card, but not while the user is typing in it. */
  private closeUnlessInUse(): void {
    if (!this.options.frame.isInUse()) this.closeNow();
  }

  private onPointer(event: PointerEvent): void {
    if (!this.options.ctx.policy.isTrusted(event) || !this.isEnabled) return;
    this.lastPointer = { x: event.clientX, y: event.clientY, target: event.target };
    // One look per frame, however many pointer events arrive in it.
    this.pointerFrame ??= this.options.ctx.requestAnimationFrame(() => {
      this.pointerFrame = undefined;
      if (this.lastPointer) this.track(this.lastPointer.x, this.lastPointer.y, this.lastPointer.target);
    });
  }

  private track(x: number, y: number, target: EventTarget | null): void {
    const { ctx, frame } = this.options;
    if (target instanceof Node && frame.isOwn(target)) {
      ctx.clearTimeout(this.closeTimer);
      this.cancelIntent();
      return;
    }
    const mark = this.markAt(x, y, target);
    if (mark && mark === this.shown) {
      ctx.clearTimeout(this.closeTimer);
      return;
    }
    if (mark !== this.candidate) {
      this.cancelIntent();
      if (mark) {
        this.candidate = mark;
        frame.prepare();
        this.intentTimer = ctx.setTimeout(() => void this.open(mark), INTENT_MS);
      }
    }
    if (!mark && this.shown) this.closeSoon();
  }

  private closeSoon(): void {
    const { ctx } = this.options;
    ctx.clearTimeout(this.closeTimer);
    this.closeTimer = ctx.setTimeout(() => this.closeUnlessInUse(), CLOSE_MS);
  }

  private markAt(x: number, y: number, target: EventTarget | null): Mark | null {
    const { annotator } = this.options;
    // The pointer is on an element that shows a person (its padding counts too).
    const byElement = target instanceof Element ? annotator.markForElement(target) : null;
    if (byElement) return byElement;
    const doc = document as CaretDocument;
    const caret = doc.caretPositionFromPoint?.(x, y);
    const node = caret ? caret.offsetNode : doc.caretRangeFromPoint?.(x, y)?.startContainer;
    const offset = caret ? caret.offset : (doc.caretRangeFromPoint?.(x, y)?.startOffset ?? 0);
    if (!node) return null;
    // The caret sits between characters: the name under the pointer may end just before it.
    const mark = annotator.markForText(node, offset) ?? annotator.markForText(node, Math.max(0, offset - 1));
    return mark && isInside(mark.range, x, y) ? mark : null;
  }

  private async open(mark: Mark): Promise<void> {
    this.candidate = null;
    this.options.ctx.clearTimeout(this.closeTimer);
    if (!this.options.ctx.isValid || !mark.owner.isConnected || !this.options.annotator.isPainted(mark)) return;
    this.shown = mark;
    await this.options.open(mark, pageTheme());
  }

  private cancelIntent(): void {
    this.options.ctx.clearTimeout(this.intentTimer);
    this.candidate = null;
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.options.ctx.policy.isTrusted(event) || !this.isEnabled) return;
    if (event.key === 'Escape' && (this.shown || this.options.frame.isOpen)) {
      this.closeNow();
      return;
    }
    if (event.altKey && event.shiftKey && event.code === 'KeyH') {
      const mark = this.markAtFocus();
      if (!mark) return;
      event.preventDefault();
      event.stopPropagation();
      this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      void this.open(mark).then(() => this.options.frame.focus());
    }
  }

  /** The marked name at the keyboard focus or the text selection. */
  private markAtFocus(): Mark | null {
    const { annotator } = this.options;
    const selection = document.getSelection();
    if (selection?.anchorNode) {
      const fromSelection =
        annotator.markForText(selection.anchorNode, selection.anchorOffset) ??
        annotator.markForElement(selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement);
      if (fromSelection) return fromSelection;
    }
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    return annotator.markForElement(active) ?? this.firstMarkInside(active);
  }

  private firstMarkInside(element: Element): Mark | null {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const mark = this.options.annotator.markForElement(node as Element);
      if (mark) return mark;
    }
    return null;
  }
}
