import { useEffect, useState } from 'preact/hooks';

/** The value as it was `delayMs` after it last changed: searching per keystroke would flood the worker. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
