import { useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/protocol';
import type { CardView } from '../shared/views';
import { CardFooter, ErrorLine } from './card-footer';
import { FavourForm, type Direction } from './favour-form';
import { freshView } from './fresh-view';
import type { UpdateCard } from './use-card-view';
import { openPeoplePage } from '../ui/links';
import { useRequest } from '../ui/use-request';

interface Props {
  view: CardView;
  personId: string;
  name: string;
  update: UpdateCard;
}

export function PersonActions({ view, personId, name, update }: Props) {
  const base = useId();
  const { isBusy, error, status, run, confirm } = useRequest();
  const [note, setNote] = useState('');
  const [favourDirection, setFavourDirection] = useState<Direction | null>(null);
  const askedRef = useRef<HTMLButtonElement>(null);
  const givenRef = useRef<HTMLButtonElement>(null);
  const formId = `${base}-favour`;

  // What was just saved is saved even if the card cannot be redrawn, so a failed refresh stays quiet.
  const show = (answer: CardView | null) => update(() => freshView(view, personId, answer)).catch(() => undefined);

  function closeFavourForm() {
    // Focus goes back to the button that opened the form, not to the top of the frame.
    (favourDirection === 'given' ? givenRef : askedRef).current?.focus();
    setFavourDirection(null);
  }

  async function saveNote() {
    const text = note.trim();
    if (!text) return;
    await run(async () => {
      const answer = await send('card.addNote', { personId, text });
      setNote('');
      confirm('Saved');
      void show(answer);
    });
  }

  async function saveFavour(what: string, effort: 'small' | 'medium' | 'large'): Promise<boolean> {
    if (!favourDirection) return false;
    const direction = favourDirection;
    return run(async () => {
      const answer = await send('card.addFavour', { personId, direction, effort, what });
      closeFavourForm();
      confirm('Saved');
      void show(answer);
    });
  }

  async function logInPerson() {
    await run(async () => {
      const answer = await send('card.logInPerson', { personId });
      confirm('Logged');
      void show(answer);
    });
  }

  const toggleFavour = (direction: Direction) => setFavourDirection((open) => (open === direction ? null : direction));

  return (
    <div class="person-actions">
      <form
        class="quick-note"
        onSubmit={(e) => {
          e.preventDefault();
          void saveNote();
        }}
      >
        <label class="visually-hidden" for={`${base}-note`}>
          Quick note about {name}
        </label>
        <input
          id={`${base}-note`}
          data-testid="card-quick-note"
          type="text"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={LIMITS.longText}
          placeholder="Add a quick note…"
          value={note}
          // Read-only rather than disabled while saving: a disabled input drops focus mid-typing.
          readOnly={isBusy}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <kbd class={`enter-hint${note.trim() ? ' is-visible' : ''}`} aria-hidden="true">
          ↵
        </kbd>
      </form>

      <div class="actions">
        <button
          ref={askedRef}
          type="button"
          class={`action${favourDirection === 'asked' ? ' is-open' : ''}`}
          data-testid="card-log-asked"
          aria-expanded={favourDirection === 'asked'}
          aria-controls={favourDirection === 'asked' ? formId : undefined}
          onClick={() => toggleFavour('asked')}
        >
          They helped me
        </button>
        <button
          ref={givenRef}
          type="button"
          class={`action${favourDirection === 'given' ? ' is-open' : ''}`}
          data-testid="card-log-given"
          aria-expanded={favourDirection === 'given'}
          aria-controls={favourDirection === 'given' ? formId : undefined}
          onClick={() => toggleFavour('given')}
        >
          I helped them
        </button>
        <button type="button" class="action" data-testid="card-log-in-person" disabled={isBusy} onClick={() => void logInPerson()}>
          We talked in person
        </button>
        <button type="button" class="action" data-testid="card-open-record" onClick={() => openPeoplePage(personId)}>
          Open full record
          <span class="external" aria-hidden="true">
            ↗
          </span>
        </button>
      </div>

      {favourDirection && (
        <FavourForm id={formId} direction={favourDirection} isBusy={isBusy} onSave={saveFavour} onCancel={closeFavourForm} />
      )}

      <ErrorLine error={error} />
      <CardFooter status={status} />
    </div>
  );
}
