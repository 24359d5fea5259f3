import { useId, useState } from 'preact/hooks';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/protocol';
import type { Interaction, InteractionKind } from '../shared/model';
import { formatDate, isoFromDateInput, relativeTime, todayDateInput } from '../ui/format';
import { INTERACTION_KIND_LABELS } from '../ui/labels';
import { useRequest } from '../ui/use-request';
import { Cell, ChoiceCell, InlineForm } from './inline-form';

interface Props {
  personId: string;
  interactions: Interaction[];
  onChange(interactions: Interaction[]): void;
}

export function InteractionsPanel({ personId, interactions, onChange }: Props) {
  const base = useId();
  const today = todayDateInput();
  const [kind, setKind] = useState<InteractionKind>('in-person');
  const [date, setDate] = useState(today);
  const [summary, setSummary] = useState('');
  const { isBusy, error, run } = useRequest();

  async function log() {
    await run(async () => {
      // Logged for today: let the service worker stamp the current time, so "just now" reads right.
      const at = date && date !== today ? isoFromDateInput(date) : undefined;
      const added = await send('interactions.add', {
        personId,
        kind,
        ...(at ? { at } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      });
      onChange([added, ...interactions].sort((a, b) => b.at.localeCompare(a.at)));
      setSummary('');
    });
  }

  return (
    <section class="panel" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>Interactions</h3>
      <InlineForm onSubmit={() => void log()} error={error}>
        <ChoiceCell
          id={`${base}-kind`}
          label="How"
          labels={INTERACTION_KIND_LABELS}
          value={kind}
          onChange={setKind}
          testId="interaction-kind"
        />
        <Cell id={`${base}-date`} label="When">
          <input id={`${base}-date`} type="date" max={today} required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Cell>
        <Cell id={`${base}-summary`} label="Summary (optional)" isGrowing>
          <input
            id={`${base}-summary`}
            data-testid="interaction-summary"
            maxLength={LIMITS.longText}
            value={summary}
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        </Cell>
        <button type="submit" data-testid="log-interaction" disabled={isBusy || !date}>
          Log
        </button>
      </InlineForm>
      {interactions.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ul class="items">
          {interactions.map((interaction) => (
            <li class="item item--row" key={interaction.id} data-testid="interaction">
              <span class="badge">{INTERACTION_KIND_LABELS[interaction.kind]}</span>
              <time dateTime={interaction.at} title={formatDate(interaction.at)}>
                {relativeTime(interaction.at)}
              </time>
              <span class="grow">
                {interaction.summary}
                {interaction.isAuto && <span class="muted"> (logged by Hallway)</span>}
              </span>
              <button
                type="button"
                class="link danger-link"
                disabled={isBusy}
                onClick={() =>
                  void run(async () => {
                    await send('interactions.delete', { id: interaction.id });
                    onChange(interactions.filter((i) => i.id !== interaction.id));
                  })
                }
              >
                Delete<span class="visually-hidden"> {INTERACTION_KIND_LABELS[interaction.kind]} {formatDate(interaction.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
