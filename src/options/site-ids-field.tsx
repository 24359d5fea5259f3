import { useId } from 'preact/hooks';
import type { IdSite } from '../shared/identity';
import { SITE_LABELS, SITE_OPTIONS, type SiteIdDraft } from './person-draft';
import { LIMITS } from '../shared/limits';

/** The person's user ids on chat sites: these, like addresses, identify them for sure. */
export function SiteIdsField({ rows, error, onChange }: { rows: SiteIdDraft[]; error?: string | undefined; onChange(rows: SiteIdDraft[]): void }) {
  const base = useId();
  const update = (index: number, patch: Partial<SiteIdDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="field-group" aria-describedby={error ? `${base}-error` : undefined}>
      <legend>Chat ids</legend>
      {rows.length === 0 && <p class="muted">None. Slack, Teams and Google Chat ids tie their messages to this person.</p>}
      {rows.map((row, index) => (
        <div class="repeat-row" key={index}>
          <label class="visually-hidden" for={`${base}-site-${index}`}>
            Site for id {index + 1}
          </label>
          <select id={`${base}-site-${index}`} value={row.site} onChange={(e) => update(index, { site: e.currentTarget.value as IdSite })}>
            {SITE_OPTIONS.map((site) => (
              <option key={site} value={site}>
                {SITE_LABELS[site]}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for={`${base}-id-${index}`}>
            Id {index + 1}
          </label>
          <input
            id={`${base}-id-${index}`}
            placeholder="e.g. U024BE7LH"
            spellcheck={false}
            maxLength={LIMITS.siteId}
            value={row.id}
            aria-invalid={error && !row.id.trim() ? 'true' : undefined}
            onInput={(e) => update(index, { id: e.currentTarget.value })}
          />
          <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove<span class="visually-hidden"> id {index + 1}</span>
          </button>
        </div>
      ))}
      {error && (
        <p class="field-error error" id={`${base}-error`}>
          {error}
        </p>
      )}
      <button type="button" class="secondary" onClick={() => onChange([...rows, { site: 'slack', id: '' }])}>
        Add chat id
      </button>
    </fieldset>
  );
}
