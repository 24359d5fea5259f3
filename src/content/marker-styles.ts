/**
 * The look of each marker, inside the overlay's closed shadow root (marker-overlay.ts). The page never
 * receives these rules, so nothing it can read says which look a name has.
 */
import { lightDark, MARKER } from '../ui/tokens';

/** The states a marker can show; the user's own name and list addresses show none. */
export type ShownState = 'unknown' | 'known' | 'noted' | 'uncertain';

export const MARKER_STYLES = `
  :host { all: initial; }
  .layer > div { position: absolute; left: 0; top: 0; box-sizing: border-box; pointer-events: none; }
  .unknown { border-bottom: 1.5px dotted ${lightDark(MARKER.unknown)}; }
  .known { border-bottom: 1.5px dotted ${lightDark(MARKER.known)}; }
  .noted { border-bottom: 1.5px solid ${lightDark(MARKER.known)}; background: ${lightDark(MARKER.notedFill)}; border-radius: 2px; }
  .uncertain { border-bottom: 1.5px dashed ${lightDark(MARKER.uncertain)}; }
`;
