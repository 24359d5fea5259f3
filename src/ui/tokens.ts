/**
 * The colours Hallway draws into host pages: the draft indicator and the hover card's frame. Extension
 * pages take theirs from theme.css; the content script cannot load that file, and could not safely use
 * its variables anyway: custom properties inherit into a shadow root and `all: initial` leaves them
 * alone, so a page's own `--bg` would reach inside. These go into the shadow CSS as literal values.
 *
 * Pure data: the content script imports this module, and must never pull in preact or dexie.
 */

/** One colour for each scheme. */
export interface SchemeColour {
  readonly light: string;
  readonly dark: string;
}

/** The CSS value that picks one of the pair by the color-scheme of the element it is used on. */
export function lightDark(colour: SchemeColour): string {
  return `light-dark(${colour.light}, ${colour.dark})`;
}

/**
 * The draft indicator sits on the site's compose box, so it takes the look of a small system mark
 * rather than Hallway's teal: red for hostile, amber for passive-aggressive. The dark values are the
 * lighter tones of the same hues, which keep their contrast on a dark page.
 */
export const DRAFT_INDICATOR = {
  hostile: { light: '#c5221f', dark: '#f28b82' },
  onHostile: { light: '#ffffff', dark: '#202124' },
  passiveAggressive: { light: '#f9ab00', dark: '#fdd663' },
  onPassiveAggressive: { light: '#3c2a00', dark: '#3c2a00' },
  /** The ring that lifts the mark off the box's text. */
  ring: { light: '#ffffff', dark: '#202124' },
  focus: { light: '#1a73e8', dark: '#8ab4f8' },
  surface: { light: '#ffffff', dark: '#303134' },
  text: { light: '#202124', dark: '#e8eaed' },
  muted: { light: '#5f6368', dark: '#9aa0a6' },
  /** A shadow is lost on a dark page, so there a faint light edge outlines the popover. */
  edge: { light: 'transparent', dark: 'rgb(255 255 255 / 0.12)' },
  shadow: { light: 'rgb(0 0 0 / 0.18)', dark: 'rgb(0 0 0 / 0.5)' },
  shadowNear: { light: 'rgb(0 0 0 / 0.12)', dark: 'rgb(0 0 0 / 0.3)' },
  dotShadow: { light: 'rgb(0 0 0 / 0.35)', dark: 'rgb(0 0 0 / 0.5)' },
} as const satisfies Record<string, SchemeColour>;

/** The hover card frame's shadow: one value, as a dark shadow reads on light and dark pages alike. */
export const CARD_FRAME_SHADOW = '0 10px 30px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12)';

/**
 * Hallway's markers under names: the theme's accent (--accent in theme.css, light and dark) for
 * someone known or with notes, a quiet grey for someone not in Hallway, amber for a name that only
 * might be someone known. The dark values keep 3:1 against a dark page.
 */
export const MARKER = {
  known: { light: '#0f766e', dark: '#2dd4bf' },
  unknown: { light: 'rgb(100 110 120 / 0.7)', dark: 'rgb(170 180 190 / 0.7)' },
  uncertain: { light: '#b45309', dark: '#fbbf24' },
  notedFill: { light: 'rgb(15 118 110 / 0.1)', dark: 'rgb(45 212 191 / 0.14)' },
} as const satisfies Record<string, SchemeColour>;
