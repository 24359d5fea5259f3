import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ProtocolError, send } from '../shared/protocol';
import { emptyPerson, type Person } from '../shared/model';
import type { PersonDetail } from '../shared/views';
import { errorText } from '../shared/error-text';
import { FavoursPanel } from './favours-panel';
import { InteractionsPanel } from './interactions-panel';
import { MergeDialog } from './merge-dialog';
import { NotesPanel } from './notes-panel';
import { applyDraft, draftProblems, EMPTY_DRAFT, isSameDraft, toDraft, type DraftProblems, type PersonDraft } from './person-draft';
import { PersonForm } from './person-form';
import { personHash } from './route';
import { SeenPanel } from './seen-panel';

interface Props {
  /** The person to edit, or null to add someone new. */
  personId: string | null;
  /** Changes when data changed in another context, so the record shown is read again. */
  changeKey: number;
  onCreated(person: Person): void;
  /** Something the directory shows may have changed. */
  onChanged(): void;
  onDeleted(person: Person, undoId: string): void;
  onClose(): void;
}

const FIELD_NAMES: Record<keyof DraftProblems, string> = {
  displayName: 'name',
  emails: 'email addresses',
  siteIds: 'chat ids',
  teamHistory: 'team history',
  cadenceDays: 'keep in touch',
};

export function PersonEditor({ personId, changeKey, onCreated, onChanged, onDeleted, onClose }: Props) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Held here rather than read from props: after "create" the editor keeps its form and its new id.
  const [id, setId] = useState(personId);
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_DRAFT);
  const [baseline, setBaseline] = useState<PersonDraft>(EMPTY_DRAFT);
  const [isCheckShown, setIsCheckShown] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [owner, setOwner] = useState<{ id: string; displayName: string } | null>(null);
  const [status, setStatus] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [isMerging, setIsMerging] = useState(false);

  async function load(personIdToLoad: string) {
    try {
      const loaded = await send('people.get', { id: personIdToLoad });
      setDetail(loaded);
      const next = toDraft(loaded.person);
      setDraft(next);
      setBaseline(next);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }

  useEffect(() => {
    // Runs once: the app mounts a fresh editor for each person it opens. Focus follows the user's
    // choice so keyboard and screen reader users land on the record they opened.
    if (personId) {
      void load(personId);
      headingRef.current?.focus();
    }
  }, []);

  const problems = isCheckShown ? draftProblems(draft) : {};
  const isDirty = !isSameDraft(draft, baseline);

  useEffect(() => {
    if (!changeKey || !id) return;
    // A note added from a card, a merge in another window: the lists follow at once, and the form
    // too unless the user is in the middle of editing it.
    send('people.get', { id })
      .then((loaded) => {
        setDetail(loaded);
        if (isDirty) return;
        const next = toDraft(loaded.person);
        setDraft(next);
        setBaseline(next);
      })
      // Deleted elsewhere: the form stays, and saving it says so.
      .catch(() => undefined);
  }, [changeKey]);

  async function save() {
    const found = draftProblems(draft);
    const bad = Object.keys(found) as (keyof DraftProblems)[];
    if (bad.length) {
      setIsCheckShown(true);
      setStatus('');
      setSaveError(`Not saved yet: check ${bad.map((k) => FIELD_NAMES[k]).join(', ')}.`);
      return;
    }
    setIsBusy(true);
    setSaveError(null);
    setOwner(null);
    setStatus('');
    try {
      // A new person is saved whole in one request: refused, nothing is left half-made.
      const current = detail ?? { person: emptyPerson({ displayName: draft.displayName.trim() }), notes: [], interactions: [], favours: [] };
      const saved = await send('people.save', { person: applyDraft(current.person, draft) });
      if (!detail) {
        setId(saved.id);
        onCreated(saved);
      }
      setDetail({ ...current, person: saved });
      const next = toDraft(saved);
      setDraft(next);
      setBaseline(next);
      setIsCheckShown(false);
      setStatus('Saved.');
      onChanged();
    } catch (e) {
      // The draft stays as typed: the user fixes what the message names and saves again.
      setSaveError(errorText(e));
      // An address or id someone else has: the user most likely meant that person.
      if (e instanceof ProtocolError && e.owner) setOwner(e.owner);
    } finally {
      setIsBusy(false);
    }
  }

  async function remove() {
    if (!detail) return;
    setIsBusy(true);
    setSaveError(null);
    try {
      const { undoId } = await send('people.delete', { id: detail.person.id });
      onDeleted(detail.person, undoId);
    } catch (e) {
      setSaveError(errorText(e));
      setIsBusy(false);
    }
  }

  async function afterMerge(person: Person) {
    setIsMerging(false);
    await load(person.id);
    setStatus('Merged.');
    onChanged();
  }

  const update = (patch: Partial<PersonDetail>) => {
    if (!detail) return;
    setDetail({ ...detail, ...patch });
    onChanged();
  };

  const title = detail?.person.displayName ?? (!id ? 'New person' : loadError ? 'Could not open this person' : 'Loading…');

  return (
    <section class="editor" data-testid="editor" aria-labelledby={headingId}>
      <header class="editor-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" class="secondary" data-testid="close-editor" onClick={onClose}>
          Close
        </button>
      </header>

      {loadError ? (
        <div role="alert">
          <p class="error">{loadError}</p>
          <button type="button" class="secondary" onClick={onClose}>
            Back to the list
          </button>
        </div>
      ) : id && !detail ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <form
            class="editor-form"
            // Inline messages replace the browser's bubbles, which vanish and cannot be styled or tested.
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <PersonForm draft={draft} problems={problems} isNew={!id} onChange={setDraft} />
            <div class="editor-actions">
              <button type="submit" data-testid="save-person" disabled={isBusy}>
                {id ? 'Save' : 'Add person'}
              </button>
              <span class="muted" role="status">
                {isDirty ? 'Unsaved changes' : status}
              </span>
              <span class="spacer" />
              {detail && (
                <>
                  <button type="button" class="secondary" data-testid="merge" disabled={isBusy} onClick={() => setIsMerging(true)}>
                    Merge with…
                  </button>
                  <button type="button" class="danger" data-testid="delete-person" disabled={isBusy} onClick={() => void remove()}>
                    Delete
                  </button>
                </>
              )}
            </div>
            <div aria-live="assertive">
              {saveError && (
                <p class="error editor-error" data-testid="editor-error">
                  {saveError}
                </p>
              )}
              {owner && (
                <button type="button" class="secondary" data-testid="editor-open-owner" onClick={() => (location.hash = personHash(owner.id))}>
                  Open {owner.displayName}
                </button>
              )}
            </div>
          </form>

          {detail && (
            <SeenPanel
              person={detail.person}
              onLinked={(person) => {
                // Only the addresses and ids change: other edits the user has not saved stay as typed.
                const linked = toDraft(person);
                setDetail({ ...detail, person });
                setDraft((current) => ({ ...current, emails: linked.emails, siteIds: linked.siteIds }));
                setBaseline((current) => ({ ...current, emails: linked.emails, siteIds: linked.siteIds }));
                setStatus(`Linked. ${person.displayName} is known there now.`);
                onChanged();
              }}
            />
          )}

          {detail && (
            <div class="activity">
              <NotesPanel personId={detail.person.id} notes={detail.notes} onChange={(notes) => update({ notes })} />
              <InteractionsPanel
                personId={detail.person.id}
                interactions={detail.interactions}
                onChange={(interactions) => update({ interactions })}
              />
              <FavoursPanel personId={detail.person.id} favours={detail.favours} onChange={(favours) => update({ favours })} />
            </div>
          )}
        </>
      )}

      {isMerging && detail && <MergeDialog keep={detail.person} keepNoteCount={detail.notes.length} onMerged={(p) => void afterMerge(p)} onClose={() => setIsMerging(false)} />}
    </section>
  );
}
