import type { Ref } from 'preact';
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
      <TextField
        id={`${base}-name`}
        label="Name"
        testId="card-add-name"
        maxLength={LIMITS.name}
        value={name}
        onInput={setName}
        inputRef={nameRef}
        isRequired
      />
      <div class="field-row">
        <TextField id={`${base}-team`} label="Team" testId="card-add-team" maxLength={LIMITS.shortText} value={team} onInput={setTeam} />
        <TextField id={`${base}-role`} label="Role" testId="card-add-role" maxLength={LIMITS.shortText} value={role} onInput={setRole} />
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

interface TextFieldProps {
  id: string;
  label: string;
  testId: string;
  maxLength: number;
  value: string;
  onInput(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
  /** A field that is not required says so in its placeholder. */
  isRequired?: boolean;
}

function TextField({ id, label, testId, maxLength, value, onInput, inputRef, isRequired = false }: TextFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        data-testid={testId}
        type="text"
        required={isRequired}
        maxLength={maxLength}
        autoComplete="off"
        placeholder={isRequired ? undefined : 'Optional'}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
