import { useEffect, useId, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { Person } from '../shared/model';
import type { PersonSummary } from '../shared/views';
import { errorText } from '../shared/error-text';
import { count } from '../ui/format';
import { Modal } from './modal';
import { useDebounced } from './use-debounced';

interface Props {
  keep: Person;
  keepNoteCount: number;
  onMerged(person: Person): void;
  onClose(): void;
}

/** Folds a duplicate into the open record: pick the other person, then confirm with both names shown. */
export function MergeDialog({ keep, keepNoteCount, onMerged, onClose }: Props) {
  const base = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query, 150);
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    // An empty search suggests people with the same name first, the likeliest duplicates.
    const q = debounced.trim() || keep.displayName;
    send('people.list', { query: q, sort: 'name', limit: 20 })
      .then((page) => isCurrent && setResults(page.people.filter((p) => p.id !== keep.id)))
      .catch((e: unknown) => isCurrent && setError(errorText(e)));
    return () => {
      isCurrent = false;
    };
  }, [debounced, keep.id, keep.displayName]);

  async function merge() {
    if (!chosen) return;
    setIsBusy(true);
    setError(null);
    try {
      onMerged(await send('people.merge', { keepId: keep.id, mergeId: chosen.id }));
    } catch (e) {
      setError(errorText(e));
      setIsBusy(false);
    }
  }

  return (
    <Modal label={`Merge with ${keep.displayName}`} onClose={onClose} testId="merge-dialog">
      {chosen ? (
        <div class="stack">
          <h2>Merge these two records?</h2>
          {/* Two people can share a name: what tells them apart is shown side by side before anything moves. */}
          <table class="merge-compare" data-testid="merge-compare">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Kept</th>
                <th scope="col">Folded in, then removed</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Name</th>
                <td>{keep.displayName}</td>
                <td>{chosen.displayName}</td>
              </tr>
              <tr>
                <th scope="row">Team</th>
                <td>{[keep.team, keep.role].filter(Boolean).join(' · ') || '—'}</td>
                <td>{[chosen.team, chosen.role].filter(Boolean).join(' · ') || '—'}</td>
              </tr>
              <tr>
                <th scope="row">Addresses</th>
                <td>{keep.emails.join(', ') || '—'}</td>
                <td>{chosen.emails.join(', ') || '—'}</td>
              </tr>
              <tr>
                <th scope="row">Notes</th>
                <td>{count(keepNoteCount, 'note', 'notes')}</td>
                <td>{count(chosen.noteCount, 'note', 'notes')}</td>
              </tr>
            </tbody>
          </table>
          <p>
            Everything about <strong>{chosen.displayName}</strong> (addresses, chat ids, topics, notes, interactions and
            favours) moves to <strong>{keep.displayName}</strong>, and the record “{chosen.displayName}” is removed.
          </p>
          <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
          <div class="actions">
            <button type="button" data-testid="merge-confirm" disabled={isBusy} onClick={() => void merge()}>
              Merge into {keep.displayName}
            </button>
            <button type="button" class="secondary" disabled={isBusy} onClick={() => setChosen(null)}>
              Back
            </button>
          </div>
        </div>
      ) : (
        <div class="stack">
          <h2>Merge with…</h2>
          <p class="muted">Choose the duplicate of {keep.displayName}. It is folded into this record.</p>
          <label for={`${base}-search`}>Find the other person</label>
          <input
            id={`${base}-search`}
            type="search"
            data-testid="merge-search"
            autoFocus
            autoComplete="off"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
          {results.length === 0 ? (
            <p class="muted">No one else matches.</p>
          ) : (
            <ul class="merge-results">
              {results.map((person) => (
                <li key={person.id}>
                  <button type="button" class="secondary merge-candidate" data-testid="merge-candidate" onClick={() => setChosen(person)}>
                    <span class="person-row__name">{person.displayName}</span>
                    <span class="muted">{[person.team, person.role, person.emails[0]].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button type="button" class="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
