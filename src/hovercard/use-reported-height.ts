import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { MAX_CARD_HEIGHT } from '../shared/limits';
import { send } from '../shared/protocol';

/**
 * Tells the content script how tall the card is, so it can size the frame to fit: the frame cannot
 * measure a cross-origin document itself. Returns a ref for the card's root element.
 */
export function useReportedHeight(): (element: HTMLElement | null) => void {
  const lastHeight = useRef(0);
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        const box = entry.borderBoxSize[0];
        const measured = box ? box.blockSize : entry.target.getBoundingClientRect().height;
        const height = Math.min(Math.ceil(measured), MAX_CARD_HEIGHT);
        if (height === lastHeight.current) return;
        lastHeight.current = height;
        void send('card.resize', { height }).catch(() => undefined);
      }),
    [],
  );

  useEffect(() => () => observer.disconnect(), [observer]);

  return useCallback(
    (element: HTMLElement | null) => {
      observer.disconnect();
      // A card shown again after being hidden reports its height even when unchanged: the frame
      // may have been shrunk or recreated in between.
      lastHeight.current = 0;
      if (element) observer.observe(element);
    },
    [observer],
  );
}
