import { useId, useState } from 'preact/hooks';
import { isEmail, normalizeEmail, type IdSite, type SiteId } from '../shared/identity';
import { LIMITS } from '../shared/limits';
import type { Settings } from '../shared/model';
import { SITE_LABELS, SITE_OPTIONS } from './person-draft';

type Me = NonNullable<Settings['me']>;
type Kind = 'email' | IdSite;

/**
 * "These are me": the user's own addresses and chat ids. Hallway learns them where a page says so
 * (Gmail's "me" chip, the user's own messages); here the user sees them, adds what pages do not show,
 * and removes one that is wrong. They are never marked, listed or greeted as a colleague.
 */
export function MeField({ me, onChange }: { me: Me; onChange(me: Me): void }) {
  const base = useId();
  const [kind, setKind] = useState<Kind>('email');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isEmpty = !me.emails.length && !me.siteIds.length;

  function add() {
    const text = value.trim();
    if (!text) return;
    if (kind === 'email') {
      if (!isEmail(text)) return setProblem(`"${text.slice(0, 60)}" is not an email address.`);
      onChange({ ...me, emails: [...new Set([...me.emails, normalizeEmail(text)])] });
    } else {
      const siteId: SiteId = { site: kind, id: text };
      if (!me.siteIds.some((s) => s.site === kind && s.id === text)) onChange({ ...me, siteIds: [...me.siteIds, siteId] });
    }
    setProblem(null);
    setValue('');
  }

  return (
    <fieldset class="field-group" data-testid="me">
      <legend>These are me</legend>
      <p class="muted">
        Your own addresses and chat ids. Hallway never marks or lists them as a colleague, and the nudge speaks only about the
        others in a thread. It learns them where a page says so, like Gmail's “me”.
      </p>
      {isEmpty ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="items" data-testid="me-list">
          {me.emails.map((email) => (
            <li class="item item--row" key={email}>
              <span class="grow">{email}</span>
              <button type="button" class="secondary" onClick={() => onChange({ ...me, emails: me.emails.filter((e) => e !== email) })}>
                Remove<span class="visually-hidden"> {email}</span>
              </button>
            </li>
          ))}
          {me.siteIds.map((siteId) => (
            <li class="item item--row" key={`${siteId.site}:${siteId.id}`}>
              <span class="grow">
                {SITE_LABELS[siteId.site]} {siteId.id}
              </span>
              <button
                type="button"
                class="secondary"
                onClick={() => onChange({ ...me, siteIds: me.siteIds.filter((s) => s.site !== siteId.site || s.id !== siteId.id) })}
              >
                Remove<span class="visually-hidden"> {SITE_LABELS[siteId.site]} {siteId.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="repeat-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label class="visually-hidden" for={`${base}-kind`}>
          Kind
        </label>
        <select id={`${base}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          <option value="email">Address</option>
          {SITE_OPTIONS.map((site) => (
            <option key={site} value={site}>
              {SITE_LABELS[site]} id
            </option>
          ))}
        </select>
        <label class="visually-hidden" for={`${base}-value`}>
          {kind === 'email' ? 'Your address' : `Your ${SITE_LABELS[kind]} id`}
        </label>
        <input
          id={`${base}-value`}
          data-testid="me-input"
          spellcheck={false}
          maxLength={kind === 'email' ? LIMITS.email : LIMITS.siteId}
          placeholder={kind === 'email' ? 'you@example.com' : 'e.g. U024BE7LH'}
          value={value}
          aria-invalid={problem ? 'true' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="secondary" data-testid="me-add">
          Add
        </button>
      </form>
      {problem && <p class="field-error error">{problem}</p>}
    </fieldset>
  );
}
