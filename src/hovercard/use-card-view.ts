import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { CardView } from '../shared/views';
import { cardId, listenForCards } from './card-port';

/** Runs a request that answers with a card, and shows that card if it still applies. */
export type UpdateCard = (task: () => Promise<CardView | null>) => Promise<void>;

/**
 * What the card shows: pushed by the service worker on every hover, asked for once at start (the
 * frame may load after the first push went out), and replaced by what the card's own actions return.
 *
 * Every push for another open starts a new generation. An answer that arrives after one is about a
 * card the user has already left, so it is dropped instead of putting the previous person back. A
 * push for the same open (the worker restarted and said again what the card shows) keeps the
 * generation, so the answer to a note or favour the user just saved still lands.
 */
export function useCardView() {
  const [view, setView] = useState<CardView | null>(null);
  const generation = useRef(0);
  const openId = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listenForCards((message) => {
      const next = message.type === 'card.show' ? message.view.openId : null;
      if (next === null || next !== openId.current) generation.current += 1;
      openId.current = next;
      setView(message.type === 'card.show' ? message.view : null);
    }, controller.signal);

    const startedIn = generation.current;
    send('card.current', { card: cardId() })
      .then((current) => {
        if (generation.current !== startedIn) return;
        openId.current = current?.openId ?? null;
        setView(current);
      })
      // No card session for this tab (or no tab at all): there is nothing to show.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  /** Runs `task` and shows the view it returns, unless the card has moved on meanwhile. */
  const update: UpdateCard = useCallback(async (task) => {
    const startedIn = generation.current;
    const next = await task();
    if (next && generation.current === startedIn) setView(next);
  }, []);

  const close = useCallback(async () => {
    await send('card.close', {});
    generation.current += 1;
    openId.current = null;
    // The worker only tells the page to hide the frame; clearing here keeps no private text
    // behind in a hidden frame.
    setView(null);
  }, []);

  return { view, update, close };
}
