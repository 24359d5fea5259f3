import { useEffect, useId, useRef } from 'preact/hooks';
import type { DraftProblems, PersonDraft } from './person-draft';
import { emailProblem } from './person-draft';
import { describedBy, Field } from './field';
import { SiteIdsField } from './site-ids-field';
import { TeamHistoryField } from './team-history-field';
import { LIMITS } from '../shared/limits';

interface Props {
  draft: PersonDraft;
  problems: DraftProblems;
  /** A new record starts with the cursor in the name field. */
  isNew: boolean;
  onChange(next: PersonDraft): void;
}

/** Every field of a person. Validation messages appear beside the field they concern. */
export function PersonForm({ draft, problems, isNew, onChange }: Props) {
  const base = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isNew) nameRef.current?.focus();
  }, []);
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => onChange({ ...draft, [key]: value });
  const ids = {
    name: `${base}-name`,
    emails: `${base}-emails`,
    team: `${base}-team`,
    role: `${base}-role`,
    tags: `${base}-tags`,
    askAbout: `${base}-ask`,
    personal: `${base}-personal`,
    howWeMet: `${base}-met`,
    cadence: `${base}-cadence`,
  };
  // Addresses are checked as they are typed, not only on save: a typo is easiest to fix right away.
  const emailError = problems.emails ?? (draft.emails.trim() ? emailProblem(draft.emails) ?? undefined : undefined);
  const emailHint = 'One address per line.';
  const askHint = 'Separate topics with commas, e.g. Kubernetes, hiring, the billing API.';
  const cadenceHint = 'How often you want to see them in person. Leave empty for no reminder.';

  return (
    <div class="person-form">
      <Field id={ids.name} label="Name" error={problems.displayName}>
        <input
          id={ids.name}
          data-testid="field-name"
          ref={nameRef}
          required
          maxLength={LIMITS.name}
          autoComplete="off"
          value={draft.displayName}
          aria-invalid={problems.displayName ? 'true' : undefined}
          aria-describedby={describedBy(ids.name, undefined, problems.displayName)}
          onInput={(e) => set('displayName', e.currentTarget.value)}
        />
      </Field>

      <div class="field-row">
        <Field id={ids.team} label="Team">
          <input id={ids.team} data-testid="field-team" maxLength={LIMITS.shortText} value={draft.team} onInput={(e) => set('team', e.currentTarget.value)} />
        </Field>
        <Field id={ids.role} label="Role">
          <input id={ids.role} data-testid="field-role" maxLength={LIMITS.shortText} value={draft.role} onInput={(e) => set('role', e.currentTarget.value)} />
        </Field>
      </div>

      <Field id={ids.emails} label="Email addresses" hint={emailHint} error={emailError}>
        <textarea
          id={ids.emails}
          data-testid="field-emails"
          rows={Math.min(6, Math.max(2, draft.emails.split('\n').length))}
          spellcheck={false}
          value={draft.emails}
          aria-invalid={emailError ? 'true' : undefined}
          aria-describedby={describedBy(ids.emails, emailHint, emailError)}
          onInput={(e) => set('emails', e.currentTarget.value)}
        />
      </Field>

      <SiteIdsField rows={draft.siteIds} error={problems.siteIds} onChange={(rows) => set('siteIds', rows)} />

      <Field id={ids.askAbout} label="Ask them about" hint={askHint}>
        <input
          id={ids.askAbout}
          data-testid="field-ask-about"
          value={draft.askAbout}
          aria-describedby={describedBy(ids.askAbout, askHint, undefined)}
          onInput={(e) => set('askAbout', e.currentTarget.value)}
        />
      </Field>

      <Field id={ids.tags} label="Tags" hint="Separate tags with commas.">
        <input
          id={ids.tags}
          data-testid="field-tags"
          value={draft.tags}
          aria-describedby={`${ids.tags}-hint`}
          onInput={(e) => set('tags', e.currentTarget.value)}
        />
      </Field>

      <Field id={ids.personal} label="Personal notes" hint="Family, hobbies, what matters to them.">
        <textarea
          id={ids.personal}
          data-testid="field-personal"
          rows={4}
          maxLength={LIMITS.longText}
          value={draft.personal}
          aria-describedby={`${ids.personal}-hint`}
          onInput={(e) => set('personal', e.currentTarget.value)}
        />
      </Field>

      <Field id={ids.howWeMet} label="How we met">
        <textarea
          id={ids.howWeMet}
          data-testid="field-how-we-met"
          rows={2}
          maxLength={LIMITS.longText}
          value={draft.howWeMet}
          onInput={(e) => set('howWeMet', e.currentTarget.value)}
        />
      </Field>

      <TeamHistoryField rows={draft.teamHistory} error={problems.teamHistory} onChange={(rows) => set('teamHistory', rows)} />

      <Field id={ids.cadence} label="Keep in touch every (days)" hint={cadenceHint} error={problems.cadenceDays}>
        <input
          id={ids.cadence}
          data-testid="field-cadence"
          class="narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          placeholder="none"
          value={draft.cadenceDays}
          aria-invalid={problems.cadenceDays ? 'true' : undefined}
          aria-describedby={describedBy(ids.cadence, cadenceHint, problems.cadenceDays)}
          onInput={(e) => set('cadenceDays', e.currentTarget.value)}
        />
      </Field>
    </div>
  );
}
