/**
 * The one-row forms of a person's panels (log a favour, log an interaction): labelled cells side by
 * side, a submit button, and the request's error announced below.
 */
import type { ComponentChildren } from 'preact';
import { ChoiceSelect, type ChoiceSelectProps } from './choice-select';

interface FormProps {
  onSubmit(): void;
  error: string | null;
  children: ComponentChildren;
}

export function InlineForm({ onSubmit, error, children }: FormProps) {
  return (
    <>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
      <div aria-live="assertive">{error && <p class="error">{error}</p>}</div>
    </>
  );
}

/** A label over its control; the cell that takes the row's spare width grows. */
export function Cell({ id, label, isGrowing = false, children }: { id: string; label: string; isGrowing?: boolean; children: ComponentChildren }) {
  return (
    <span class={isGrowing ? 'repeat-cell grow' : 'repeat-cell'}>
      <label for={id}>{label}</label>
      {children}
    </span>
  );
}

/** A cell with a select of fixed choices. */
export function ChoiceCell<T extends string>({ label, ...select }: { label: string } & ChoiceSelectProps<T>) {
  return (
    <Cell id={select.id} label={label}>
      <ChoiceSelect {...select} />
    </Cell>
  );
}
