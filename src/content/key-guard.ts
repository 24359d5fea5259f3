/**
 * Keeps the keys the user meant for the hover card away from the page. A page can move the keyboard
 * focus out of the card at any moment (`input.focus()` from a timer); without this, the rest of the
 * sentence the user is typing into a note lands in the page's own input, and its key listeners hear
 * every letter.
 *
 * When the content script sees the focus taken from the card (`hold`), every key the user presses on
 * the page is stopped before anything of the page's hears it, until the user acts on the page
 * themselves: a click anywhere, Escape (which closes the card), or focus back in the card. The card
 * says meanwhile that typing is paused, and keeps what was typed.
 *
 * The guard is set up by its own small content script at `document_start` (src/content/guard.ts),
 * before any page script runs, so its capture listeners on the window come first for every key: a
 * page cannot listen earlier. The main content script, in the same isolated world, finds it through
 * `keyGuard()`; the page's world cannot see it.
 */

/** What a page sees of typing: every event a key press or an input method makes. */
const KEY_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'paste'] as const;

const GUARD_KEY = Symbol.for('hallway.keyGuard');

export class KeyGuard {
  private isHoldingKeys = false;
  private keysHeld = 0;

  constructor(
    target: Window = window,
    /** Tests, whose events are all synthetic, relax this (see ContentPolicy). */
    private readonly isTrusted: (event: Event) => boolean = (event) => event.isTrusted,
  ) {
    const options = { capture: true };
    // The guard lives as long as the document: nothing to tear down, and it holds nothing until asked.
    for (const type of KEY_EVENTS) {
      // eslint-disable-next-line no-restricted-syntax -- installed before the content context exists; lives with the document.
      target.addEventListener(type, (event) => this.stop(event), options);
    }
    // eslint-disable-next-line no-restricted-syntax -- as above.
    target.addEventListener('pointerdown', (event) => {
      if (this.isTrusted(event)) this.release();
    }, options);
  }

  /** True while keys are kept from the page. */
  get isHolding(): boolean {
    return this.isHoldingKeys;
  }

  /** How many key events were kept from the page since the last `hold`. */
  get heldCount(): number {
    return this.keysHeld;
  }

  hold(): void {
    if (!this.isHoldingKeys) this.keysHeld = 0;
    this.isHoldingKeys = true;
  }

  release(): void {
    this.isHoldingKeys = false;
  }

  private stop(event: Event): void {
    // Keys a page script makes up are the page's own business.
    if (!this.isHoldingKeys || !this.isTrusted(event)) return;
    // Escape is the way out: the guard lets go and the key goes on to close the card.
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
      this.release();
      return;
    }
    event.stopImmediatePropagation();
    // A cancelled keydown types nothing, so no input event follows it.
    if (event.cancelable) event.preventDefault();
    this.keysHeld += 1;
  }
}

type GuardHolder = Record<typeof GUARD_KEY, KeyGuard | undefined>;

/** The frame's key guard: the one set up at document_start, or one made now (later than the page's listeners). */
export function keyGuard(): KeyGuard {
  const holder = globalThis as unknown as GuardHolder;
  holder[GUARD_KEY] ??= new KeyGuard();
  return holder[GUARD_KEY];
}
