export interface ChoiceSelectProps<T extends string> {
  id: string;
  /** The choices, in the order shown, with their words. */
  labels: Record<T, string>;
  value: T;
  onChange(value: T): void;
  isDisabled?: boolean;
  testId?: string;
}

/** A select of fixed choices, typed by them. */
export function ChoiceSelect<T extends string>({ id, labels, value, onChange, isDisabled = false, testId }: ChoiceSelectProps<T>) {
  return (
    <select id={id} data-testid={testId} value={value} disabled={isDisabled} onChange={(e) => onChange(e.currentTarget.value as T)}>
      {(Object.keys(labels) as T[]).map((choice) => (
        <option key={choice} value={choice}>
          {labels[choice]}
        </option>
      ))}
    </select>
  );
}
