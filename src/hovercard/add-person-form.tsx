import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { ProtocolError, send } from '../shared/protocol';
import { ErrorLine } from './card-footer';
import type { UpdateCard } from './use-card-view';
import { useRequest } from '../ui/use-request';

interface Props {
  initialName: string;
  update: UpdateCard;
  /** Only when the user asked for the form; a card that opens on hover must not take focus from the page. */
  isFocused?: boolean;
  onCancel?: () => void;
}

export function AddPersonForm({ initialName, update, isFocused = false, onCancel }: Props) {
  const base = useId();
  const { isBusy, error, run } = useRequest();
  const [name, setName] = useState(initialName);
  const [team, setTeam] = useState('');
  const [role, setRole] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (isFocused) nameRef.current?.select();
  }, [isFocused]);

  async function add() {
    const displayName = name.trim();
    if (!displayName) return;
    await run(() =>
      update(async () => {
        const added = await send('card.addPerson', {
          displayName,
          team: team.trim() || undefined,
          role: role.trim() || undefined,
        });
        if (!added) throw new ProtocolError('Hover the name again to add this person.');
        return added;
      }),
    );
  }

  return (
    <form
      class="add-form"
      aria-label="Add to Hallway"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <div class="field">
        <label for={`${base}-name`}>Name</label>
        <input
          ref={nameRef}
          id={`${base}-name`}
          data-testid="card-add-name"
          type="text"
          required
          maxLength={LIMITS.name}
          autoComplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${base}-team`}>Team</label>
          <input
            id={`${base}-team`}
            data-testid="card-add-team"
            type="text"
            maxLength={LIMITS.shortText}
            autoComplete="off"
            placeholder="Optional"
            value={team}
            onInput={(e) => setTeam(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${base}-role`}>Role</label>
          <input
            id={`${base}-role`}
            data-testid="card-add-role"
            type="text"
            maxLength={LIMITS.shortText}
            autoComplete="off"
            placeholder="Optional"
            value={role}
            onInput={(e) => setRole(e.currentTarget.value)}
          />
        </div>
      </div>
      <ErrorLine error={error} />
      <div class="form-buttons">
        {onCancel && (
          <button type="button" class="secondary compact" onClick={onCancel}>
            Back
          </button>
        )}
        <button type="submit" class="compact" data-testid="card-add-person" disabled={isBusy || !name.trim()}>
          Add to Hallway
        </button>
      </div>
    </form>
  );
}
