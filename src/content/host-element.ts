/**
 * Hallway's UI on a site lives under an element with a random name each time, so the page cannot
 * target it with a fixed selector or style rule (the same idea as Bitwarden's inline menu).
 */
export function randomHostTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  // A valid custom element name: lower-case letters after "x-", which also allows a shadow root.
  return `x-${[...bytes].map((b) => ((b % 26) + 10).toString(36)).join('')}`;
}
