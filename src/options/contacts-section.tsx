import { useId, useRef, useState } from 'preact/hooks';
import { exportCsv, exportVCard } from './contacts/export';
import { FORMAT_NAMES } from './contacts/draft';
import {
  buildPreview,
  decodeContactsFile,
  importBackupOf,
  parseContacts,
  type ExistingPerson,
  type ImportPreview,
} from './contacts/preview';
import { MAX_LIST_PAGE } from '../shared/limits';
import { send } from '../shared/protocol';
import { errorText } from '../shared/error-text';
import { count, todayDateInput } from '../ui/format';
import { downloadText } from './download';
import { ImportCancelledMessage, ImportFailed, ProblemList, sendImport, type ImportOutcome } from './import-outcome';

/** Rows shown in the preview table: enough to see that the columns were read right. */
const ROWS_SHOWN = 20;
/** Skipped rows, duplicates and warnings listed before "…and N more". */
const ITEMS_SHOWN = 100;
/** Contact exports are kilobytes; a file this large is something else, and reading it would stall the page. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Stage =
  | { kind: 'reading' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'preview'; fileName: string; preview: ImportPreview };

interface Props {
  onImported(): void;
}

/** Everyone's addresses, page by page, so the preview can tell a new person from someone already here. */
async function existingPeople(): Promise<ExistingPerson[]> {
  const people: ExistingPerson[] = [];
  for (let offset = 0; ; offset += MAX_LIST_PAGE) {
    const page = await send('people.list', { offset, limit: MAX_LIST_PAGE });
    people.push(...page.people);
    if (!page.people.length || people.length >= page.total) return people;
  }
}

export function ContactsSection({ onImported }: Props) {
  const base = useId();
  const [exportError, setExportError] = useState<string | null>(null);
  const [exportStatus, setExportStatus] = useState('');
  const [stage, setStage] = useState<Stage | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // A new key empties the file input, so choosing the same file again after Cancel reads it again.
  const [inputKey, setInputKey] = useState(0);
  // Only the latest file chosen may show its preview, even if an earlier one finishes reading later.
  const latestRead = useRef(0);

  async function exportAs(kind: 'csv' | 'vcard') {
    setExportError(null);
    setExportStatus('');
    try {
      const backup = await send('backup.export', {});
      const date = todayDateInput();
      if (kind === 'csv') downloadText(exportCsv(backup), `hallway-contacts-${date}.csv`, 'text/csv');
      else downloadText(exportVCard(backup), `hallway-contacts-${date}.vcf`, 'text/vcard');
      setExportStatus(`Exported ${count(backup.people.length, 'person', 'people')} as ${kind === 'csv' ? 'CSV' : 'vCard'}.`);
    } catch (e) {
      setExportError(errorText(e));
    }
  }

  async function readFile(file: File | null) {
    const readId = ++latestRead.current;
    setOutcome(null);
    if (!file) {
      setStage(null);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'unreadable', message: `This file is ${count(Math.ceil(file.size / 1024 / 1024), 'megabyte', 'megabytes')}; contact files Hallway reads are at most 20 MB.` });
      return;
    }
    setStage({ kind: 'reading' });
    try {
      const text = decodeContactsFile(new Uint8Array(await file.arrayBuffer()));
      const parsed = parseContacts(text, file.name);
      if (!parsed.ok) {
        if (readId === latestRead.current) setStage({ kind: 'unreadable', message: parsed.error });
        return;
      }
      const preview = buildPreview(parsed, await existingPeople());
      if (readId === latestRead.current) setStage({ kind: 'preview', fileName: file.name, preview });
    } catch (e) {
      if (readId === latestRead.current) setStage({ kind: 'unreadable', message: errorText(e) });
    }
  }

  function cancel() {
    latestRead.current += 1;
    setStage(null);
    setInputKey((k) => k + 1);
  }

  async function confirm(preview: ImportPreview) {
    setIsBusy(true);
    setOutcome(null);
    // One request for every new person: the service worker checks the whole batch and writes it in
    // one transaction, so an import is added entirely or not at all.
    const outcome = await sendImport(importBackupOf(preview.people), 'merge');
    setIsBusy(false);
    setOutcome(outcome);
    if (outcome.kind !== 'imported') return;
    cancel();
    onImported();
  }

  return (
    <section class="page-section" tabIndex={-1} id="contacts" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`}>Contacts</h2>
      <p class="muted">
        Bring people in from Google Contacts, Outlook or any vCard file, or take your directory to them. These files carry names,
        addresses, team, role, tags and personal details; notes, interactions and favours stay in the backup file.
      </p>

      <div class="backup-grid">
        <div class="field-group">
          <h3>Export contacts</h3>
          <p>A CSV that Outlook and Google Contacts can import, or a vCard file for phones and other address books.</p>
          <div class="actions">
            <button type="button" data-testid="export-csv" onClick={() => void exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" data-testid="export-vcard" onClick={() => void exportAs('vcard')}>
              Export vCard
            </button>
          </div>
          <div aria-live="polite">
            {exportError && <p class="error">{exportError}</p>}
            {exportStatus && <p class="muted">{exportStatus}</p>}
          </div>
        </div>

        <div class="field-group stack">
          <h3>Import contacts</h3>
          <label for={`${base}-file`}>Google Contacts or Outlook CSV, or a vCard file</label>
          <input
            key={inputKey}
            id={`${base}-file`}
            type="file"
            accept=".csv,.vcf,.vcard,text/csv,text/vcard"
            data-testid="contacts-file"
            onChange={(e) => void readFile(e.currentTarget.files?.[0] ?? null)}
          />
          <p class="field-hint">Nothing is added until you confirm the preview.</p>
          <div aria-live="polite">
            {stage?.kind === 'reading' && <p class="muted">Reading the file…</p>}
            {stage?.kind === 'unreadable' && <ImportFailed message={stage.message} testId="contacts-result" />}
            {outcome && <OutcomeMessage outcome={outcome} />}
          </div>
        </div>
      </div>

      {stage?.kind === 'preview' && (
        <Preview
          fileName={stage.fileName}
          preview={stage.preview}
          isBusy={isBusy}
          onConfirm={() => void confirm(stage.preview)}
          onCancel={() => {
            cancel();
            setOutcome(null);
          }}
        />
      )}
    </section>
  );
}

interface PreviewProps {
  fileName: string;
  preview: ImportPreview;
  isBusy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

function Preview({ fileName, preview, isBusy, onConfirm, onCancel }: PreviewProps) {
  const { people, skipped, duplicates, warnings } = preview;
  const shown = people.slice(0, ROWS_SHOWN);
  const adds = count(people.length, 'person', 'people');
  return (
    <div class="field-group stack" data-testid="contacts-preview" aria-label="Import preview" role="region">
      <h3>Preview</h3>
      <p>
        Read {fileName} as {FORMAT_NAMES[preview.format]}: {adds} will be added
        {skipped.length > 0 && `, ${count(skipped.length, 'row', 'rows')} skipped`}
        {duplicates.length > 0 && `, ${count(duplicates.length, 'person', 'people')} already in Hallway`}.
      </p>

      {shown.length > 0 && (
        <table>
          <caption class="muted">{people.length > shown.length ? `The first ${shown.length} of ${adds}` : adds}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Team</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((person, i) => (
              <tr key={person.id}>
                <td>{preview.lines[i]}</td>
                <td>{person.displayName}</td>
                <td>{person.emails.join(', ')}</td>
                <td>{person.team}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {skipped.length > 0 && (
        <div>
          <h4>Skipped</h4>
          <ul class="problems">
            {skipped.slice(0, ITEMS_SHOWN).map((row, i) => (
              <li key={i} data-testid="contacts-skipped">
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          <More total={skipped.length} />
        </div>
      )}

      {duplicates.length > 0 && (
        <div>
          <h4>Already in Hallway</h4>
          <p class="muted">These rows have an email address someone in Hallway already has. They are skipped, so nobody is overwritten.</p>
          <ul class="problems">
            {duplicates.slice(0, ITEMS_SHOWN).map((row, i) => (
              <li key={i} data-testid="contacts-duplicate">
                Line {row.line}: {row.name}
                {row.name === row.existingName ? '' : ` (in Hallway as ${row.existingName})`}
              </li>
            ))}
          </ul>
          <More total={duplicates.length} />
        </div>
      )}

      {warnings.length > 0 && (
        <details>
          <summary>{count(warnings.length, 'warning', 'warnings')}</summary>
          <ul class="problems">
            {warnings.slice(0, ITEMS_SHOWN).map((row, i) => (
              <li key={i} data-testid="contacts-warning">
                Line {row.line}: {row.message}
              </li>
            ))}
          </ul>
          <More total={warnings.length} />
        </details>
      )}

      <div class="actions">
        <button type="button" data-testid="contacts-confirm" disabled={isBusy || people.length === 0} onClick={onConfirm}>
          {isBusy ? 'Adding…' : `Add ${adds}`}
        </button>
        <button type="button" data-testid="contacts-cancel" disabled={isBusy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function More({ total }: { total: number }) {
  const hidden = total - ITEMS_SHOWN;
  return hidden > 0 ? <p class="muted">…and {count(hidden, 'more', 'more')}.</p> : null;
}

function OutcomeMessage({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.kind === 'imported') {
    return (
      <p class="result result--ok" data-testid="contacts-result" data-outcome="ok">
        Added {count(outcome.report.people, 'person', 'people')}.
      </p>
    );
  }
  if (outcome.kind === 'failed') return <ImportFailed message={outcome.message} testId="contacts-result" />;
  if (outcome.kind === 'cancelled') return <ImportCancelledMessage testId="contacts-result" />;
  return (
    <div class="result result--error" data-testid="contacts-result" data-outcome="error">
      <p>
        <strong>Nothing was changed.</strong> Hallway refused the import:
      </p>
      <ProblemList problems={outcome.problems.slice(0, ITEMS_SHOWN)} />
    </div>
  );
}
