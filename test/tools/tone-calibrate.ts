/**
 * The operating point: where a thread's score becomes "tense" and "sour". Chosen on hand-labelled
 * workplace threads scored out of fold (each by a message model that never saw it), so the thresholds
 * are what an unseen thread would get.
 */
import type { OperatingPoint } from '../../src/shared/tone/thread';

export interface Scored {
  label: 'sour' | 'tense_ok' | 'fine';
  score: number;
}

/**
 * The threshold that best separates positives from negatives (Youden's J: the share of positives
 * caught minus the share of negatives flagged), placed in the middle of the widest gap that reaches
 * the best, so one thread more or less moves it little.
 */
export function bestThreshold(positives: readonly number[], negatives: readonly number[]): number {
  const candidates = [...new Set([...positives, ...negatives])].sort((a, b) => a - b);
  let best = -Infinity;
  let range: [number, number] = [0, 1];
  for (let k = 0; k < candidates.length; k++) {
    const t = candidates[k]!;
    const j = positives.filter((p) => p >= t).length / positives.length - negatives.filter((n) => n >= t).length / negatives.length;
    const below = k > 0 ? candidates[k - 1]! : 0;
    if (j > best + 1e-9) {
      best = j;
      range = [below, t];
    } else if (Math.abs(j - best) <= 1e-9 && t - below > range[1] - range[0]) {
      range = [below, t];
    }
  }
  return Math.round(((range[0] + range[1]) / 2) * 1000) / 1000;
}

const TENSE_FLOOR = 0.2;

export function calibrate(threads: readonly Scored[]): OperatingPoint {
  const scores = (pred: (t: Scored) => boolean): number[] => threads.filter(pred).map((t) => t.score);
  const sour = bestThreshold(scores((t) => t.label === 'sour'), scores((t) => t.label !== 'sour'));
  // "Tense" is any sign of friction: sour and tense-but-constructive threads against fine ones.
  const tense = bestThreshold(scores((t) => t.label !== 'fine'), scores((t) => t.label === 'fine'));
  // A floor under "tense": below it sit the lively, friendly chats no one would call tense.
  return { sour, tense: Math.min(Math.max(tense, TENSE_FLOOR), sour - 0.1) };
}
