import { useId, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/protocol';
import type { Favour } from '../shared/model';
import { favourBalance } from '../shared/favours';
import { balanceInWords, formatDate, relativeTime } from '../ui/format';
import { EFFORT_LABELS } from '../ui/labels';
import { useRequest } from '../ui/use-request';
import { Cell, ChoiceCell, InlineForm } from './inline-form';

type Direction = Favour['direction'];
type Effort = Favour['effort'];

const DIRECTION_LABELS: Record<Direction, string> = { asked: 'I asked them', given: 'I helped them' };

interface Props {
  personId: string;
  favours: Favour[];
  onChange(favours: Favour[]): void;
}

export function FavoursPanel({ personId, favours, onChange }: Props) {
  const base = useId();
  const [direction, setDirection] = useState<Direction>('asked');
  const [effort, setEffort] = useState<Effort>('small');
  const [what, setWhat] = useState('');
  const { isBusy, error, run } = useRequest();

  const balance = balanceInWords(favourBalance(favours));

  async function log() {
    if (!what.trim()) return;
    await run(async () => {
      const added = await send('favours.add', { personId, direction, effort, what: what.trim() });
      onChange([added, ...favours]);
      setWhat('');
    });
  }

  const replace = (saved: Favour) => onChange(favours.map((f) => (f.id === saved.id ? saved : f)));

  return (
    <section class="panel" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>Favours</h3>
      <p data-testid="favour-balance">{balance ? `${balance}.` : 'No open favours either way.'}</p>
      <InlineForm onSubmit={() => void log()} error={error}>
        <ChoiceCell id={`${base}-direction`} label="Who helped whom" labels={DIRECTION_LABELS} value={direction} onChange={setDirection} />
        <ChoiceCell id={`${base}-effort`} label="Effort" labels={EFFORT_LABELS} value={effort} onChange={setEffort} />
        <Cell id={`${base}-what`} label="What" isGrowing>
          <input
            id={`${base}-what`}
            data-testid="favour-what"
            maxLength={LIMITS.favour}
            placeholder="e.g. reviewed my design doc"
            value={what}
            onInput={(e) => setWhat(e.currentTarget.value)}
          />
        </Cell>
        <button type="submit" data-testid="log-favour" disabled={isBusy || !what.trim()}>
          Log favour
        </button>
      </InlineForm>
      {favours.length > 0 && (
        <ul class="items">
          {favours.map((favour) => (
            <li class={`item item--row${favour.settledAt ? ' is-settled' : ''}`} key={favour.id} data-testid="favour">
              <span class="badge">{favour.direction === 'asked' ? 'Asked' : 'Helped'}</span>
              <span class="grow">
                {favour.what} <span class="muted">· {EFFORT_LABELS[favour.effort].toLowerCase()}</span>
              </span>
              <time class="muted" dateTime={favour.at} title={formatDate(favour.at)}>
                {relativeTime(favour.at)}
              </time>
              <label class="check">
                <input
                  type="checkbox"
                  checked={Boolean(favour.settledAt)}
                  disabled={isBusy}
                  onChange={(e) => {
                    const isSettled = e.currentTarget.checked;
                    void run(async () => replace(await send('favours.settle', { id: favour.id, isSettled })));
                  }}
                />
                Settled
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
