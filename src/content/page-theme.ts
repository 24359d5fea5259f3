/**
 * Whether the host page is light or dark, for what Hallway draws over it: the hover card and the draft
 * indicator take the app's theme, not the system's (a dark Slack on a light desktop is dark).
 */
import type { CardTheme } from '../shared/views';

function luminance(color: string): number | null {
  const parts = color.match(/[\d.]+/gu)?.map(Number);
  if (!parts || parts.length < 3 || parts[3] === 0) return null;
  const [r = 0, g = 0, b = 0] = parts;
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The page's own theme, from its background colour. */
export function pageTheme(): CardTheme {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const value = luminance(getComputedStyle(element).backgroundColor);
    if (value !== null) return value < 0.5 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
