/**
 * What an import into Hallway came to, for the backup and contacts sections: both send the same
 * `backup.import` and explain a failure the same way.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ImportProgress } from '../shared/db/backup';
import { listenForImportProgress, send } from '../shared/protocol';
import type { Problem } from '../shared/validate';
import type { ImportReport } from '../shared/views';
import { errorText } from '../shared/error-text';

export type ImportOutcome =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * Sends an import. Its two ways of failing (the checks refuse the data, or the request itself fails)
 * become one outcome; either way nothing was written.
 */
export async function sendImport(data: object, mode: 'merge' | 'replace'): Promise<ImportOutcome> {
  try {
    const result = await send('backup.import', { data, mode });
    if (result.ok) return { kind: 'imported', report: result.report };
    return result.isCancelled ? { kind: 'cancelled' } : { kind: 'refused', problems: result.problems };
  } catch (e) {
    return { kind: 'failed', message: errorText(e) };
  }
}

/** How far the import running now has written; null before its first report (or when none runs). */
export function useImportProgress(isRunning: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!isRunning) return;
    const controller = new AbortController();
    listenForImportProgress(setProgress, controller.signal);
    return () => controller.abort();
  }, [isRunning]);
  return progress;
}

/** While an import runs: how far it is, and a way to stop it with nothing changed. */
export function ImportProgressBar({ progress, testId }: { progress: ImportProgress | null; testId: string }) {
  const [isCancelling, setIsCancelling] = useState(false);
  const isWriting = progress !== null && progress.total > 0;
  return (
    <div class="import-progress" data-testid={testId}>
      {/* Without a value the bar is indeterminate: the file is still being checked. */}
      <progress max={isWriting ? progress.total : undefined} value={isWriting ? progress.done : undefined} aria-label="Import progress" />
      <p class="muted" role="status">
        {isCancelling
          ? 'Cancelling…'
          : isWriting
            ? `Writing ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} records…`
            : 'Checking the file…'}
      </p>
      <button
        type="button"
        data-testid={`${testId}-cancel`}
        disabled={isCancelling}
        onClick={() => {
          setIsCancelling(true);
          void send('backup.cancelImport', {}).catch(() => setIsCancelling(false));
        }}
      >
        Cancel import
      </button>
    </div>
  );
}

/** An import the user stopped: nothing was written. */
export function ImportCancelledMessage({ testId }: { testId: string }) {
  return (
    <div class="result" data-testid={testId} data-outcome="cancelled">
      <p>Import cancelled. Nothing was changed.</p>
    </div>
  );
}

/** Why a file could not be taken in, and that nothing changed. */
export function ImportFailed({ message, testId }: { message: string; testId: string }) {
  return (
    <div class="result result--error" data-testid={testId} data-outcome="error">
      <p>{message}</p>
      <p>Nothing was changed.</p>
    </div>
  );
}

/** The problems the checks found, each at its place in the data when there is one. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ul class="problems">
      {problems.map((problem, i) => (
        <li key={i}>
          {problem.path && <code>{problem.path}</code>}
          {problem.path && ': '}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
