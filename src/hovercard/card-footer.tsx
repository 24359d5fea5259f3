/** A refused request, in the service worker's words, next to what the user was doing. */
export function ErrorLine({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p class="error-line" role="alert" data-testid="card-error">
      {error}
    </p>
  );
}

/**
 * The confirmation line. It is always there, so the card does not change height when "Saved"
 * comes and goes, and so screen readers, which only announce changes to a live region that already
 * exists, hear it.
 */
export function CardFooter({ status }: { status: string }) {
  return (
    <footer class="footer">
      <p class="status" role="status" data-testid="card-status">
        {status && (
          <>
            <svg class="status-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            {status}
          </>
        )}
      </p>
      <p class="hint" aria-hidden="true">
        <kbd>Esc</kbd> to close
      </p>
    </footer>
  );
}
