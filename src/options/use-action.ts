import { useState } from 'preact/hooks';
import { errorText } from '../ui/error-text';

/**
 * Runs one request at a time for a small form and keeps its error, so each panel can show what went
 * wrong next to the control that caused it.
 */
export function useAction() {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<boolean> {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setIsBusy(false);
    }
  }

  return { isBusy, error, run, clearError: () => setError(null) };
}
