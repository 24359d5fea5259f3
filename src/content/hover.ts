/**
 * Opens the hover card on a marked name: after a short hover intent, or from the keyboard (focus or
 * select the name, then Alt+Shift+H). Only real user input counts: events a page script makes up
 * (`isTrusted` false) never open a card.
 */
import type { CardTheme } from '../shared/views';
import type { Annotator, Mark } from './annotator';
import type { CardFrame } from './card-frame';
import { pageTheme } from './page-theme';

/** How long the pointer rests on a name before the card opens, and leaves it before it closes. */
const INTENT_MS = 300;
const CLOSE_MS = 350;

export interface HoverOptions {
  annotator: Annotator;
  frame: CardFrame;
  open(mark: Mark, theme: CardTheme): Promise<void>;
  close(): void;
  signal: AbortSignal;
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
  private isFramePending = false;
  isEnabled = true;

  constructor(private readonly options: HoverOptions) {
    const { signal } = options;
    const listen = { capture: true, passive: true, signal };
    document.addEventListener('pointermove', (event) => this.onPointer(event), listen);
    document.addEventListener('scroll', () => this.closeUnlessInUse(), listen);
    // A click anywhere else on the page is a clear "done with the card".
    document.addEventListener('pointerdown', (event) => {
      if (event.isTrusted && !(event.target instanceof Node && options.frame.isOwn(event.target))) this.closeNow();
    }, listen);
    window.addEventListener('keydown', (event) => this.onKey(event), { capture: true, signal });
    window.addEventListener('blur', () => this.cancelIntent(), { signal });
    // Leaving this document altogether (out of a frame, or out of the window) is leaving the name.
    document.addEventListener(
      'pointerout',
      (event) => {
        if (!event.isTrusted || event.relatedTarget !== null) return;
        this.cancelIntent();
        if (this.shown) {
          clearTimeout(this.closeTimer);
          this.closeTimer = setTimeout(() => this.closeUnlessInUse(), CLOSE_MS);
        }
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
    clearTimeout(this.closeTimer);
    if (!this.shown && !this.options.frame.isOpen) return;
    const wasFocused = this.options.frame.hasFocus();
    this.shown = null;
    this.options.close();
    // Keyboard users go back to the name they opened the card from.
    if (wasFocused && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** Pointer-leave and scrolling close the card, but not while the user is typing in it. */
  private closeUnlessInUse(): void {
    if (!this.options.frame.hasFocus()) this.closeNow();
  }

  private onPointer(event: PointerEvent): void {
    if (!event.isTrusted || !this.isEnabled) return;
    this.lastPointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (this.isFramePending) return;
    this.isFramePending = true;
    requestAnimationFrame(() => {
      this.isFramePending = false;
      if (this.lastPointer) this.track(this.lastPointer.x, this.lastPointer.y, this.lastPointer.target);
    });
  }

  private track(x: number, y: number, target: EventTarget | null): void {
    const { frame } = this.options;
    if (target instanceof Node && frame.isOwn(target)) {
      clearTimeout(this.closeTimer);
      this.cancelIntent();
      return;
    }
    const mark = this.markAt(x, y, target);
    if (mark && mark === this.shown) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (mark !== this.candidate) {
      this.cancelIntent();
      if (mark) {
        this.candidate = mark;
        frame.prepare();
        this.intentTimer = setTimeout(() => void this.open(mark), INTENT_MS);
      }
    }
    if (!mark && this.shown) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => this.closeUnlessInUse(), CLOSE_MS);
    }
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
    clearTimeout(this.closeTimer);
    if (!mark.owner.isConnected || !this.options.annotator.isPainted(mark)) return;
    this.shown = mark;
    await this.options.open(mark, pageTheme());
  }

  private cancelIntent(): void {
    clearTimeout(this.intentTimer);
    this.candidate = null;
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || !this.isEnabled) return;
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
