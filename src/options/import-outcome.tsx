/**
 * What an import into Hallway came to, for the backup and contacts sections: both send the same
 * `backup.import` and explain a failure the same way.
 */
import { send } from '../shared/protocol';
import type { Problem } from '../shared/validate';
import type { ImportReport } from '../shared/views';
import { errorText } from '../shared/error-text';

export type ImportOutcome =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'failed'; message: string };

/**
 * Sends an import. Its two ways of failing (the checks refuse the data, or the request itself fails)
 * become one outcome; either way nothing was written.
 */
export async function sendImport(data: object, mode: 'merge' | 'replace'): Promise<ImportOutcome> {
  try {
    const result = await send('backup.import', { data, mode });
    return result.ok ? { kind: 'imported', report: result.report } : { kind: 'refused', problems: result.problems };
  } catch (e) {
    return { kind: 'failed', message: errorText(e) };
  }
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
