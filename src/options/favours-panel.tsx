import { useId, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/protocol';
import type { Favour } from '../shared/model';
import { favourBalance } from '../shared/favours';
import { balanceInWords, formatDate, relativeTime } from '../ui/format';
import { useRequest } from '../ui/use-request';

type Direction = Favour['direction'];
type Effort = Favour['effort'];

const DIRECTION_LABELS: Record<Direction, string> = { asked: 'I asked them', given: 'I helped them' };
const EFFORT_LABELS: Record<Effort, string> = { small: 'Small', medium: 'Medium', large: 'Large' };

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
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void log();
        }}
      >
        <span class="repeat-cell">
          <label for={`${base}-direction`}>Who helped whom</label>
          <select id={`${base}-direction`} value={direction} onChange={(e) => setDirection(e.currentTarget.value as Direction)}>
            {(Object.keys(DIRECTION_LABELS) as Direction[]).map((d) => (
              <option key={d} value={d}>
                {DIRECTION_LABELS[d]}
              </option>
            ))}
          </select>
        </span>
        <span class="repeat-cell">
          <label for={`${base}-effort`}>Effort</label>
          <select id={`${base}-effort`} value={effort} onChange={(e) => setEffort(e.currentTarget.value as Effort)}>
            {(Object.keys(EFFORT_LABELS) as Effort[]).map((k) => (
              <option key={k} value={k}>
                {EFFORT_LABELS[k]}
              </option>
            ))}
          </select>
        </span>
        <span class="repeat-cell grow">
          <label for={`${base}-what`}>What</label>
          <input
            id={`${base}-what`}
            data-testid="favour-what"
            maxLength={LIMITS.favour}
            placeholder="e.g. reviewed my design doc"
            value={what}
            onInput={(e) => setWhat(e.currentTarget.value)}
          />
        </span>
        <button type="submit" data-testid="log-favour" disabled={isBusy || !what.trim()}>
          Log favour
        </button>
      </form>
      <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
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
