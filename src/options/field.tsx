import type { ComponentChildren } from 'preact';

/**
 * A labelled control with its hint and error. The control itself is passed in already wired to
 * `id` (and to `aria-describedby` via `describedBy`), so labels and messages stay tied to it.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="field-hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ids a control should name in `aria-describedby`. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
