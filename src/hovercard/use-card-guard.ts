import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The card lives inside a page that may want the user's keys or clicks. Two guards, both here:
 *
 * - **Typing.** A page can pull the keyboard focus out of the card while the user types a note. The
 *   content script then keeps the keys from the page (src/content/key-guard.ts); the card says typing
 *   is paused, keeps what was typed, and puts the caret back where it was once the user clicks it.
 * - **Clicks.** A page can draw something over the card that lets clicks through (`pointer-events:
 *   none`) and trick the user into pressing a button they cannot see, or shrink the page until the card
 *   cannot be read. A click counts only once the card has been fully visible, unscaled and uncovered,
 *   for a moment: Chromium's IntersectionObserver v2 reports exactly that (`isVisible` is false when
 *   anything paints over the frame, or it is faded, filtered or transformed;
 *   https://web.dev/articles/intersectionobserver-v2). Browsers without it get only the moment's wait.
 */

/** How long the card must have been seen, unchanged, before a click acts. */
export const SEEN_FOR_MS = 500;
/** The shortest delay IntersectionObserver v2 accepts. */
const VISIBILITY_DELAY_MS = 100;
/** Elements whose click does something. */
const ACTS_ON_CLICK = 'button, a[href], input[type="checkbox"], input[type="radio"], input[type="submit"], label, select, summary';

type VisibilityObserverInit = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };

function hasVisibilityTracking(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

function isTextField(element: Element | null): element is HTMLElement {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(element.type));
}

export interface CardGuard {
  /** The page took the keyboard while the user typed in the card. */
  isTypingPaused: boolean;
  /** A click just refused because the card was not clearly seen. */
  isClickRefused: boolean;
  /** Clicks act now: the card has been seen long enough. */
  isSeen: boolean;
}

/** `shownKey` changes whenever the card shows something new (a new hover): seeing starts again. */
export function useCardGuard(shownKey: unknown): CardGuard {
  const [isTypingPaused, setTypingPaused] = useState(false);
  const [isClickRefused, setClickRefused] = useState(false);
  /** The card last seen long enough for clicks to act (see `isSeen`). */
  const [seenKey, setSeenKey] = useState<{ key: unknown } | null>(null);
  const typingIn = useRef<HTMLElement | null>(null);
  /** What the card shows now: updated as it renders, so a click a moment after a change is judged by it. */
  const latestKey = useRef(shownKey);
  latestKey.current = shownKey;
  /** What the card has been seen showing, and since when, as it is now; null while it is not seen. */
  const seen = useRef<{ key: unknown; since: number } | null>(null);
  const restartSeeing = useRef<() => void>(() => undefined);

  // Typing: a text field losing focus to outside the card is a pause (a click brings it back).
  useEffect(() => {
    const onBlur = (event: FocusEvent) => {
      if (event.relatedTarget !== null || !isTextField(event.target as Element | null)) return;
      typingIn.current = event.target as HTMLElement;
      setTypingPaused(true);
    };
    let refocusTimer: ReturnType<typeof setTimeout> | undefined;
    const onFocus = () => {
      setTypingPaused(false);
      // A click on the card, but not on a control of its own, puts the caret back where the typing
      // stopped; the click lands first, so look once it has.
      clearTimeout(refocusTimer);
      refocusTimer = setTimeout(() => {
        if (document.activeElement === document.body && typingIn.current?.isConnected) typingIn.current.focus({ preventScroll: true });
      }, 0);
    };
    window.addEventListener('focusout', onBlur, true);
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(refocusTimer);
      window.removeEventListener('focusout', onBlur, true);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  // Clicks: seen for a moment, or refused.
  useEffect(() => {
    let isVisible = !hasVisibilityTracking();
    let seenTimer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(seenTimer);
      const key = latestKey.current;
      seen.current = isVisible ? { key, since: performance.now() } : null;
      setSeenKey(null);
      if (isVisible) seenTimer = setTimeout(() => setSeenKey({ key }), SEEN_FOR_MS);
    };
    restartSeeing.current = restart;
    restart();
    let observer: IntersectionObserver | null = null;
    let frameArea: HTMLElement | null = null;
    if (hasVisibilityTracking()) {
      const init: VisibilityObserverInit = { trackVisibility: true, delay: VISIBILITY_DELAY_MS, threshold: [0, 1] };
      observer = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (!entry) return;
        const isNowVisible = entry.isVisible === true && entry.intersectionRatio >= 1;
        if (isNowVisible !== isVisible) {
          isVisible = isNowVisible;
          restart();
        }
      }, init);
      // The whole frame is watched, not the card's content, which may be taller and scroll. It lies
      // above everything in the card (its own notices would otherwise count as covering it).
      frameArea = document.createElement('div');
      frameArea.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none';
      frameArea.setAttribute('aria-hidden', 'true');
      document.body.append(frameArea);
      observer.observe(frameArea);
    }
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest(ACTS_ON_CLICK) : null;
      if (!target) return;
      const current = seen.current;
      if (current && current.key === latestKey.current && performance.now() - current.since >= SEEN_FOR_MS) {
        setClickRefused(false);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      setClickRefused(true);
    };
    // Capture, so the refusal comes before any button's own handler.
    window.addEventListener('click', onClick, true);
    window.addEventListener('resize', restart);
    return () => {
      clearTimeout(seenTimer);
      observer?.disconnect();
      frameArea?.remove();
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('resize', restart);
    };
  }, []);

  // Something new on the card (another person, the card shown again): it must be seen anew.
  useEffect(() => {
    restartSeeing.current();
    setClickRefused(false);
  }, [shownKey]);

  return { isTypingPaused, isClickRefused, isSeen: seenKey !== null && seenKey.key === shownKey };
}
