/**
 * Did Hallway and mark.js find the same occurrences? Both lists are grouped by where the text sits
 * (sender, recipient, mention, body, elsewhere) and compared as multisets of case-folded texts; each
 * difference is put down to the reason the two tools differ by design, or flagged as unexplained.
 */
import type { MarkKind } from './page-probes';

export interface KindComparison {
  kind: MarkKind;
  hallway: number;
  markJs: number;
  both: number;
  onlyHallway: number;
  onlyMarkJs: number;
  examplesOnlyHallway: string[];
  examplesOnlyMarkJs: string[];
  reasons: string[];
}

function bag(items: readonly { kind: MarkKind; text: string }[], kind: MarkKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item.kind === kind) counts.set(item.text.toLowerCase(), (counts.get(item.text.toLowerCase()) ?? 0) + 1);
  return counts;
}

function reasonFor(kind: MarkKind, text: string, side: 'hallway' | 'markjs'): string {
  if (side === 'hallway' && text.includes('@')) return 'addresses not in the directory: Hallway marks every address (as unknown); mark.js was given directory addresses only';
  if (side === 'hallway' && kind === 'recipient') return 'recipients shown by first name: Hallway knows them from the `email` attribute; mark.js sees only the text';
  if (side === 'hallway' && (kind === 'sender' || kind === 'mention')) return 'authors/mentions not in the directory: Hallway marks the element by its user id or address (as unknown); mark.js matches directory names only';
  if (side === 'markjs' && (kind === 'other' || kind === 'sender')) return 'names outside message bodies: mark.js scans every text node; Hallway marks people there only through their address or id elements';
  return 'UNEXPLAINED';
}

export function compareMarks(hallway: readonly { kind: MarkKind; text: string }[], markJs: readonly { kind: MarkKind; text: string }[]): KindComparison[] {
  const kinds: MarkKind[] = ['sender', 'recipient', 'mention', 'body', 'other'];
  return kinds
    .map((kind) => {
      const h = bag(hallway, kind);
      const m = bag(markJs, kind);
      let both = 0;
      let onlyHallway = 0;
      let onlyMarkJs = 0;
      const examplesOnlyHallway: string[] = [];
      const examplesOnlyMarkJs: string[] = [];
      const reasons = new Set<string>();
      for (const text of new Set([...h.keys(), ...m.keys()])) {
        const a = h.get(text) ?? 0;
        const b = m.get(text) ?? 0;
        both += Math.min(a, b);
        if (a > b) {
          onlyHallway += a - b;
          if (examplesOnlyHallway.length < 3) examplesOnlyHallway.push(text);
          reasons.add(reasonFor(kind, text, 'hallway'));
        }
        if (b > a) {
          onlyMarkJs += b - a;
          if (examplesOnlyMarkJs.length < 3) examplesOnlyMarkJs.push(text);
          reasons.add(reasonFor(kind, text, 'markjs'));
        }
      }
      const hallwayCount = [...h.values()].reduce((s, n) => s + n, 0);
      const markJsCount = [...m.values()].reduce((s, n) => s + n, 0);
      return { kind, hallway: hallwayCount, markJs: markJsCount, both, onlyHallway, onlyMarkJs, examplesOnlyHallway, examplesOnlyMarkJs, reasons: [...reasons] };
    })
    .filter((c) => c.hallway + c.markJs > 0);
}
