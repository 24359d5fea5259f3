import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { FAVOUR_EFFORTS, type Favour } from '../shared/model';
import { EFFORT_LABELS } from '../ui/labels';

export type Direction = Favour['direction'];
type Effort = Favour['effort'];

const WORDING: Record<Direction, { label: string; example: string }> = {
  asked: { label: 'What did they help with?', example: 'e.g. reviewed my design doc' },
  given: { label: 'What did you help with?', example: 'e.g. covered their on-call shift' },
};

interface Props {
  id: string;
  direction: Direction;
  isBusy: boolean;
  /** Resolves true when saved; the form keeps what was typed otherwise. */
  onSave(what: string, effort: Effort): Promise<boolean>;
  onCancel(): void;
}

export function FavourForm({ id, direction, isBusy, onSave, onCancel }: Props) {
  const base = useId();
  const [what, setWhat] = useState('');
  const [effort, setEffort] = useState<Effort>('small');
  const whatRef = useRef<HTMLInputElement>(null);
  // Opened by a click or a key inside the card, so taking focus here cannot steal it from the page.
  useLayoutEffect(() => whatRef.current?.focus(), []);
  const wording = WORDING[direction];

  return (
    <form
      id={id}
      class="favour-form"
      aria-label={direction === 'asked' ? 'Log a favour they did' : 'Log a favour you did'}
      onSubmit={(e) => {
        e.preventDefault();
        if (what.trim()) void onSave(what.trim(), effort);
      }}
    >
      <label for={`${base}-what`}>{wording.label}</label>
      <input
        ref={whatRef}
        id={`${base}-what`}
        data-testid="card-favour-what"
        type="text"
        required
        maxLength={LIMITS.favour}
        autoComplete="off"
        placeholder={wording.example}
        value={what}
        onInput={(e) => setWhat(e.currentTarget.value)}
      />
      <div class="favour-row">
        <label for={`${base}-effort`} class="inline-label">
          Effort
        </label>
        <select id={`${base}-effort`} value={effort} onChange={(e) => setEffort(e.currentTarget.value as Effort)}>
          {FAVOUR_EFFORTS.map((value) => (
            <option key={value} value={value}>
              {EFFORT_LABELS[value]}
            </option>
          ))}
        </select>
        <span class="spacer" />
        <button type="button" class="secondary compact" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="compact" data-testid="card-favour-save" disabled={isBusy || !what.trim()}>
          Save
        </button>
      </div>
    </form>
  );
}
