import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; testId: string; run(): void };
}

/** Long enough to notice a mistake and reach the Undo button. */
const TOAST_MS = 10_000;

/**
 * One message at a time, announced politely. The timer pauses while the pointer or focus is on the
 * toast, so someone reaching for Undo by keyboard or with a slow hand does not lose it on the way.
 */
export function ToastRegion({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && <Toast key={toast.id} toast={toast} onDismiss={onDismiss} />}
    </div>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss(): void }) {
  const [isHeld, setIsHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  useEffect(() => {
    if (isHeld) return;
    const timer = setTimeout(() => dismiss.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [isHeld]);

  return (
    <div
      class="toast"
      data-testid="toast"
      onMouseEnter={() => setIsHeld(true)}
      onMouseLeave={() => setIsHeld(false)}
      onFocusIn={() => setIsHeld(true)}
      onFocusOut={() => setIsHeld(false)}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          class="link toast-action"
          data-testid={toast.action.testId}
          onClick={() => {
            toast.action?.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" class="link toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
