import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { PersonSummary, TabPerson } from '../shared/views';
import { Chips } from '../ui/chips';
import { errorText } from '../shared/error-text';
import { balanceInWords, oneSidedHint, relativeTime } from '../ui/format';
import { openPeoplePage } from '../ui/links';

interface CardProps {
  summary: PersonSummary;
  isSelected: boolean;
  isNoting: boolean;
  onSelect(): void;
  onStartNote(): void;
  onCancelNote(): void;
  onChanged(): Promise<void>;
  onError(message: string): void;
}

export function PersonCard({ summary, isSelected, isNoting, onSelect, onStartNote, onCancelNote, onChanged, onError }: CardProps) {
  const [isEditing, setIsEditing] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const subtitle = [summary.role, summary.team].filter(Boolean).join(' · ');
  const balance = balanceInWords(summary.balance);
  const hint = oneSidedHint(summary.balance, summary.displayName);

  const hasMounted = useRef(false);

  useEffect(() => {
    // The first card starts out selected: following it on open would scroll the popup past what sits
    // above the list, the nudge's headline first of all. Only a selection that moves is followed.
    const isMount = !hasMounted.current;
    hasMounted.current = true;
    if (!isMount && isSelected && !isNoting) itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [isSelected, isNoting]);

  async function saveNote(text: string) {
    try {
      if (isEditing && summary.latestNote) await send('notes.update', { id: summary.latestNote.id, text });
      else await send('notes.add', { personId: summary.id, text });
      setIsEditing(false);
      await onChanged();
    } catch (e) {
      onError(errorText(e));
    }
  }

  return (
    <li ref={itemRef} class={`person${isSelected ? ' is-selected' : ''}`} data-testid="person" onClick={onSelect}>
      <div class="person-head">
        <button type="button" class="person-name link" onClick={() => openPeoplePage(summary.id)} title="Open in People">
          {summary.displayName}
        </button>
        {subtitle && <span class="person-sub">{subtitle}</span>}
      </div>
      <Chips items={summary.askAbout} label="Ask them about" limit={5} />
      {summary.latestNote && !isEditing && (
        <p class="note" data-testid="latest-note">
          {summary.latestNote.text}
          <span class="note-when"> · {relativeTime(summary.latestNote.createdAt)}</span>
        </p>
      )}
      <p class="meta">
        {summary.lastInteractionAt ? `Last in touch ${relativeTime(summary.lastInteractionAt)}` : 'No interactions logged'}
        {balance && ` · ${balance}`}
      </p>
      {hint && (
        <p class="meta one-sided" data-testid="one-sided">
          {hint}
        </p>
      )}
      {isNoting || isEditing ? (
        <QuickNote
          initial={isEditing ? (summary.latestNote?.text ?? '') : ''}
          label={isEditing ? `Edit note about ${summary.displayName}` : `New note about ${summary.displayName}`}
          onSave={saveNote}
          onCancel={() => {
            setIsEditing(false);
            onCancelNote();
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" data-testid="add-note" onClick={onStartNote}>
            Add note
          </button>
          {summary.latestNote && (
            <button type="button" class="secondary" data-testid="edit-note" onClick={() => setIsEditing(true)}>
              Edit latest
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function QuickNote({ initial, label, onSave, onCancel }: { initial: string; label: string; onSave(text: string): Promise<void>; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const [isSaving, setIsSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  // A layout effect focuses before the next key event is handled; with a plain effect (after paint)
  // the first letters a fast typist enters after Enter would land in the search box.
  useLayoutEffect(() => ref.current?.focus(), []);

  async function submit() {
    if (!text.trim() || isSaving) return;
    setIsSaving(true);
    await onSave(text);
    setIsSaving(false);
  }

  return (
    <form
      class="quick-note"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={ref}
        data-testid="note-input"
        aria-label={label}
        rows={2}
        value={text}
        placeholder="What did you talk about? Enter saves, Shift+Enter for a new line."
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <div class="actions">
        <button type="submit" data-testid="save-note" disabled={!text.trim() || isSaving}>
          Save
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function UnknownPersonRow({ person, isSelected, onAdded, onError }: { person: TabPerson; isSelected: boolean; onAdded(): Promise<void>; onError(message: string): void }) {
  const [isAdding, setIsAdding] = useState(false);
  async function add() {
    setIsAdding(true);
    try {
      await send('people.create', { displayName: person.name || person.email || 'Unnamed', emails: person.email ? [person.email] : [] });
      await onAdded();
    } catch (e) {
      onError(errorText(e));
    } finally {
      setIsAdding(false);
    }
  }
  return (
    <li class={`person is-unknown${isSelected ? ' is-selected' : ''}`} data-testid="unknown-person">
      <div class="person-head">
        <span class="person-name">{person.name || person.email}</span>
        {person.email && person.name && person.name !== person.email && <span class="person-sub">{person.email}</span>}
      </div>
      {person.isUncertain ? (
        // Adding them here would make a second record of someone who may already be in Hallway.
        <p class="meta" data-testid="uncertain-hint">
          Same name as someone in Hallway. Hover their name on the page to say whether it is them.
        </p>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" data-testid="add-person" disabled={isAdding} onClick={() => void add()}>
            Add to Hallway
          </button>
        </div>
      )}
    </li>
  );
}
