import { useId } from 'preact/hooks';
import type { TeamSpellDraft } from './person-draft';
import { LIMITS } from '../shared/limits';

/** Teams the person was on before: "ask them about" often lives in an old team. */
export function TeamHistoryField({ rows, error, onChange }: { rows: TeamSpellDraft[]; error?: string | undefined; onChange(rows: TeamSpellDraft[]): void }) {
  const base = useId();
  const update = (index: number, patch: Partial<TeamSpellDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="field-group" aria-describedby={error ? `${base}-error` : undefined}>
      <legend>Team history</legend>
      {rows.length === 0 && <p class="muted">No earlier teams.</p>}
      {rows.map((row, index) => {
        const id = (part: string) => `${base}-${part}-${index}`;
        return (
          <div class="repeat-row repeat-row--team" key={index}>
            <span class="repeat-cell">
              <label for={id('team')}>Team</label>
              <input
                id={id('team')}
                maxLength={LIMITS.shortText}
                value={row.team}
                aria-invalid={error && !row.team.trim() ? 'true' : undefined}
                onInput={(e) => update(index, { team: e.currentTarget.value })}
              />
            </span>
            <span class="repeat-cell">
              <label for={id('role')}>Role</label>
              <input id={id('role')} maxLength={LIMITS.shortText} value={row.role} onInput={(e) => update(index, { role: e.currentTarget.value })} />
            </span>
            <span class="repeat-cell">
              <label for={id('from')}>From</label>
              <input id={id('from')} type="date" value={row.from} onInput={(e) => update(index, { from: e.currentTarget.value })} />
            </span>
            <span class="repeat-cell">
              <label for={id('to')}>To</label>
              <input id={id('to')} type="date" value={row.to} onInput={(e) => update(index, { to: e.currentTarget.value })} />
            </span>
            <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              Remove<span class="visually-hidden"> team {row.team || index + 1}</span>
            </button>
          </div>
        );
      })}
      {error && (
        <p class="field-error error" id={`${base}-error`}>
          {error}
        </p>
      )}
      <button type="button" class="secondary" onClick={() => onChange([...rows, { team: '', role: '', from: '', to: '' }])}>
        Add earlier team
      </button>
    </fieldset>
  );
}
