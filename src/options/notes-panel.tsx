import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/protocol';
import type { Note } from '../shared/model';
import { formatDate, relativeTime } from '../ui/format';
import { useRequest } from '../ui/use-request';

interface Props {
  personId: string;
  notes: Note[];
  onChange(notes: Note[]): void;
}

/**
 * Notes shown at first, newest first, and how many more each "Show older" adds: someone with 300
 * notes opens at once instead of as a page 16,000 px long.
 */
const NOTES_PAGE = 20;

/** Ctrl+Enter on Windows and Linux, Cmd+Enter on macOS. */
const isSubmitKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

export function NotesPanel({ personId, notes, onChange }: Props) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [shown, setShown] = useState(NOTES_PAGE);
  const { isBusy, error, run } = useRequest();
  // Another person opened in the same panel starts at their newest notes again.
  useEffect(() => setShown(NOTES_PAGE), [personId]);
  const older = notes.length - shown;

  async function add() {
    if (!text.trim() || isBusy) return;
    await run(async () => {
      const note = await send('notes.add', { personId, text });
      onChange([note, ...notes]);
      setText('');
    });
  }

  return (
    <section class="panel" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>Notes</h3>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label for={inputId}>New note</label>
        <textarea
          id={inputId}
          data-testid="note-input"
          rows={3}
          maxLength={LIMITS.longText}
          placeholder="What did you talk about?"
          value={text}
          aria-describedby={`${inputId}-hint`}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (isSubmitKey(e)) {
              e.preventDefault();
              void add();
            }
          }}
        />
        <div class="actions">
          <button type="submit" data-testid="add-note" disabled={!text.trim() || isBusy}>
            Add note
          </button>
          <span class="muted" id={`${inputId}-hint`}>
            or press Ctrl+Enter (⌘+Enter on a Mac)
          </span>
        </div>
        <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
      </form>
      {notes.length === 0 ? (
        <p class="muted">No notes yet.</p>
      ) : (
        <ul class="items">
          {notes.slice(0, shown).map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onSaved={(saved) => onChange(notes.map((n) => (n.id === saved.id ? saved : n)))}
              onDeleted={() => onChange(notes.filter((n) => n.id !== note.id))}
            />
          ))}
        </ul>
      )}
      {older > 0 && (
        <button type="button" class="link" data-testid="notes-show-older" onClick={() => setShown((n) => n + NOTES_PAGE)}>
          Show {Math.min(older, NOTES_PAGE)} older {older === 1 ? 'note' : 'notes'} ({older.toLocaleString('en')} more in all)
        </button>
      )}
    </section>
  );
}

function NoteItem({ note, onSaved, onDeleted }: { note: Note; onSaved(note: Note): void; onDeleted(): void }) {
  const editId = useId();
  const [editText, setEditText] = useState<string | null>(null);
  const { isBusy, error, run } = useRequest();
  const editRef = useRef<HTMLTextAreaElement>(null);
  const isEditing = editText !== null;
  // Focus moves into the editor so keyboard users land where they asked to be.
  useEffect(() => {
    if (isEditing) editRef.current?.focus();
  }, [isEditing]);

  async function save() {
    if (editText === null || !editText.trim() || isBusy) return;
    const isSaved = await run(async () => onSaved(await send('notes.update', { id: note.id, text: editText })));
    if (isSaved) setEditText(null);
  }

  return (
    <li class="item" data-testid="note">
      {editText === null ? (
        <>
          <p class="note-text">{note.text}</p>
          <div class="item-meta">
            <time class="muted" dateTime={note.createdAt} title={formatDate(note.createdAt)}>
              {relativeTime(note.createdAt)}
              {note.updatedAt !== note.createdAt && ' (edited)'}
            </time>
            <button type="button" class="link" data-testid="edit-note" onClick={() => setEditText(note.text)}>
              Edit
            </button>
            <button
              type="button"
              class="link danger-link"
              data-testid="delete-note"
              disabled={isBusy}
              onClick={() =>
                void run(async () => {
                  await send('notes.delete', { id: note.id });
                  onDeleted();
                })
              }
            >
              Delete
            </button>
          </div>
        </>
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label class="visually-hidden" for={editId}>
            Edit note
          </label>
          <textarea
            id={editId}
            data-testid="note-edit-input"
            rows={3}
            maxLength={LIMITS.longText}
            ref={editRef}
            value={editText}
            onInput={(e) => setEditText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (isSubmitKey(e)) {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setEditText(null);
              }
            }}
          />
          <div class="actions">
            <button type="submit" data-testid="save-note" disabled={!editText.trim() || isBusy}>
              Save note
            </button>
            <button type="button" class="secondary" onClick={() => setEditText(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
    </li>
  );
}
