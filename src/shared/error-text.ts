/**
 * The sentence to show for a failed request, or for anything else caught: a thrown value need not be
 * an Error. The service worker already words its errors for people (ProtocolError); anything else is
 * a browser failure whose message is still better than nothing.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong. Try again.';
}
