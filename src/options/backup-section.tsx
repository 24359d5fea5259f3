import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { ImportReport } from '../shared/views';
import { errorText } from '../shared/error-text';
import { MAX_BACKUP_DEPTH } from '../shared/limits';
import { isNestedDeeperThan } from './nesting';
import { count, todayDateInput } from '../ui/format';
import { downloadText } from './download';
import { ImportCancelledMessage, ImportFailed, ImportProgressBar, ProblemList, sendImport, useImportProgress, type ImportOutcome } from './import-outcome';

/** Enough problems to see what is wrong with a file without scrolling through thousands. */
const PROBLEMS_SHOWN = 50;

type Mode = 'merge' | 'replace';
/** Why a file nested deeper than any backup is refused, whether the parser or the check finds it. */
const TOO_DEEP = `it nests more than ${MAX_BACKUP_DEPTH} levels deep`;

/** An import keeps the mode it ran in: the words for what it did depend on it. */
type Outcome = Exclude<ImportOutcome, { kind: 'imported' }> | { kind: 'imported'; report: ImportReport; mode: Mode };

interface Props {
  /** The id of the file input, so other parts of the page can open the file picker. */
  fileInputId: string;
  onImported(): void;
}

export function BackupSection({ fileInputId, onImported }: Props) {
  const base = useId();
  const [exportError, setExportError] = useState<string | null>(null);
  const [exportStatus, setExportStatus] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [isBusy, setIsBusy] = useState(false);
  const progress = useImportProgress(isBusy);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [mergePreview, setMergePreview] = useState<ImportReport['merged'] | null>(null);
  // Only the latest file chosen may show its preview.
  const latestFile = useRef<File | null>(null);

  // Before a merge, say who in the file is already here under another record (same address or chat id).
  useEffect(() => {
    latestFile.current = file;
    setMergePreview(null);
    if (!file || mode !== 'merge') return;
    void (async () => {
      try {
        const data: unknown = JSON.parse(await file.text());
        if (typeof data !== 'object' || data === null || Array.isArray(data) || isNestedDeeperThan(data, MAX_BACKUP_DEPTH)) return;
        const preview = await send('backup.previewMerge', { data });
        if (latestFile.current === file && preview.ok) setMergePreview(preview.merged);
      } catch {
        // A file that cannot be read is explained when the user imports it.
      }
    })();
  }, [file, mode]);

  async function exportBackup() {
    setExportError(null);
    setExportStatus('');
    try {
      const backup = await send('backup.export', {});
      downloadText(JSON.stringify(backup, null, 2), `hallway-backup-${todayDateInput()}.json`);
      setExportStatus(`Exported ${count(backup.people.length, 'person', 'people')} and ${count(backup.notes.length, 'note', 'notes')}.`);
    } catch (e) {
      setExportError(errorText(e));
    }
  }

  async function runImport() {
    if (!file) return;
    setIsBusy(true);
    setOutcome(null);
    try {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (e) {
        // V8's parser runs out of stack on a file nested thousands of levels deep.
        const message = e instanceof RangeError ? `This file is not a Hallway backup: ${TOO_DEEP}.` : `This file is not valid JSON: ${errorText(e)}`;
        setOutcome({ kind: 'failed', message });
        return;
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        setOutcome({ kind: 'refused', problems: [{ path: '(file)', message: 'this is not a Hallway backup (expected an object)' }] });
        return;
      }
      if (isNestedDeeperThan(data, MAX_BACKUP_DEPTH)) {
        setOutcome({ kind: 'refused', problems: [{ path: '(file)', message: `this is not a Hallway backup: ${TOO_DEEP}` }] });
        return;
      }
      const outcome = await sendImport(data, mode);
      if (outcome.kind !== 'imported') {
        setOutcome(outcome);
        return;
      }
      setOutcome({ ...outcome, mode });
      setMergePreview(null);
      onImported();
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section class="page-section" tabIndex={-1} id="backup" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`}>Backup</h2>
      <p class="muted">Your notes live only in this browser. A backup file is the way to keep them safe or move them to another computer.</p>

      <div class="backup-grid">
        <div class="field-group">
          <h3>Export</h3>
          <p>Everything Hallway knows, in one JSON file. Keep it somewhere private: it holds your notes in plain text.</p>
          <button type="button" data-testid="export" onClick={() => void exportBackup()}>
            Export backup
          </button>
          <div aria-live="polite">
            {exportError && <p class="error">{exportError}</p>}
            {exportStatus && <p class="muted">{exportStatus}</p>}
          </div>
        </div>

        <form
          class="field-group stack"
          onSubmit={(e) => {
            e.preventDefault();
            void runImport();
          }}
        >
          <h3>Import</h3>
          <label for={fileInputId}>Backup file</label>
          <input
            id={fileInputId}
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
          <fieldset class="plain">
            <legend>How to import</legend>
            <label class="check">
              <input
                type="radio"
                name={`${base}-mode`}
                data-testid="import-mode-merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              Merge: add the file’s records and update ones that are already here
            </label>
            <label class="check">
              <input
                type="radio"
                name={`${base}-mode`}
                data-testid="import-mode-replace"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />
              Replace: make Hallway exactly equal to the file
            </label>
          </fieldset>
          {/* Replacing deletes what is not in the file. Choosing "Replace" shows what it will do and
              turns the button into the confirmation, so the destructive step is always two deliberate acts. */}
          {mode === 'replace' && (
            <p class="confirm" id={`${base}-warning`} data-testid="import-replace-warning">
              <strong>Replace deletes</strong> every person, note, interaction and favour that is not in the file. Export a backup
              first if you may want them back.
            </p>
          )}
          {mergePreview && mergePreview.length > 0 && (
            <div class="confirm" data-testid="import-merge-preview">
              <p>
                {count(mergePreview.length, 'person', 'people')} in this file {mergePreview.length === 1 ? 'is' : 'are'} already here under
                another record (same address or chat id) and will be merged into it:
              </p>
              <MergedList merged={mergePreview} />
            </div>
          )}
          <div class="actions">
            <button
              type="submit"
              class={mode === 'replace' ? 'danger' : undefined}
              data-testid="import-run"
              disabled={!file || isBusy}
              aria-describedby={mode === 'replace' ? `${base}-warning` : undefined}
            >
              {isBusy ? 'Importing…' : mode === 'replace' ? 'Replace everything with this file' : 'Import'}
            </button>
          </div>
          {isBusy && <ImportProgressBar progress={progress} testId="import-progress" />}
          <div aria-live="polite">{outcome && <OutcomeMessage outcome={outcome} />}</div>
        </form>
      </div>
    </section>
  );
}

/** Enough to check by eye; the rest are counted. */
const MERGED_SHOWN = 10;

/** "G. Hopper → Grace Hopper": who in a file is folded into whom. */
function MergedList({ merged }: { merged: ImportReport['merged'] }) {
  return (
    <>
      <ul>
        {merged.slice(0, MERGED_SHOWN).map((m, i) => (
          <li key={i}>{m.name === m.into ? m.name : `${m.name} → ${m.into}`}</li>
        ))}
      </ul>
      {merged.length > MERGED_SHOWN && <p class="muted">and {merged.length - MERGED_SHOWN} more</p>}
    </>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'imported') {
    const { report, mode } = outcome;
    const parts = [
      count(report.people, 'person', 'people'),
      count(report.notes, 'note', 'notes'),
      count(report.interactions, 'interaction', 'interactions'),
      count(report.favours, 'favour', 'favours'),
      count(report.threads, 'thread', 'threads'),
    ];
    return (
      <div class="result result--ok" data-testid="import-result" data-outcome="ok">
        <p>
          {mode === 'replace' ? 'Replaced everything with the file: ' : 'Imported '}
          {parts.join(', ')}.
        </p>
        {report.merged.length > 0 && (
          <div data-testid="import-merged">
            <p>Already here under another record, so merged into it (same address or chat id):</p>
            <MergedList merged={report.merged} />
          </div>
        )}
      </div>
    );
  }
  if (outcome.kind === 'failed') return <ImportFailed message={outcome.message} testId="import-result" />;
  if (outcome.kind === 'cancelled') return <ImportCancelledMessage testId="import-result" />;
  const shown = outcome.problems.slice(0, PROBLEMS_SHOWN);
  const hidden = outcome.problems.length - shown.length;
  return (
    <div class="result result--error" data-testid="import-result" data-outcome="error">
      <p>
        <strong>Nothing was changed.</strong> The file has {count(outcome.problems.length, 'problem', 'problems')}:
      </p>
      <ProblemList problems={shown} />
      {hidden > 0 && <p>…and {count(hidden, 'more problem', 'more problems')}.</p>}
    </div>
  );
}
