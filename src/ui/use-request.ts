import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/error-text';

/**
 * One request at a time for a form (hover card, people page), with its error and a short-lived
 * confirmation. Inputs are cleared by the caller only after a request succeeds, so a refusal loses
 * nothing typed.
 */
export function useRequest() {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const isRunning = useRef(false);
  const statusTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => () => clearTimeout(statusTimer.current), []);

  function confirm(text: string) {
    clearTimeout(statusTimer.current);
    setStatus(text);
    statusTimer.current = setTimeout(() => setStatus(''), 4000);
  }

  async function run(action: () => Promise<void>): Promise<boolean> {
    // A double click or a held Enter would otherwise save the same thing twice.
    if (isRunning.current) return false;
    isRunning.current = true;
    setIsBusy(true);
    setError(null);
    setStatus('');
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      isRunning.current = false;
      setIsBusy(false);
    }
  }

  return { isBusy, error, status, run, confirm };
}
