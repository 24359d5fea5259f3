/**
 * Small, deterministic learning kit for the tone models: data loading, seeded folds, L2-regularised
 * logistic regression on sparse named features, and the metrics the evaluation prints.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { LinearModel } from '../../src/shared/tone/model';

export const SEED = 20240601;

export function dataDir(): string {
  return process.env.HALLWAY_TONE_DATA ?? resolve(fileURLToPath(new URL('../../../shared/data/tone', import.meta.url)));
}

export function loadJsonl<T>(name: string): T[] {
  const text = readFileSync(resolve(dataDir(), name), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * Undo the Conversations Gone Awry preprocessing ("don ' t", "word , word") so the text looks like what
 * the extension sees. Capitals and timing are gone for good (see PROVENANCE.md).
 */
export function unspace(text: string): string {
  return text
    .replace(/(\p{L}) ' (\p{L})/gu, "$1'$2")
    .replace(/ ([.,;:!?)])/g, '$1')
    .replace(/\( /g, '(')
    .replace(/' ' /g, '')
    .replace(/ ' '/g, '');
}

/** mulberry32: tiny seeded PRNG so folds are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold index per item; items sharing a group key always share a fold. */
export function folds(groups: string[], k: number, seed = SEED): number[] {
  const unique = [...new Set(groups)].sort();
  const rand = rng(seed);
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [unique[i], unique[j]] = [unique[j]!, unique[i]!];
  }
  const foldOf = new Map(unique.map((g, i) => [g, i % k]));
  return groups.map((g) => foldOf.get(g)!);
}

export interface Sample {
  x: ReadonlyMap<string, number>;
  y: 0 | 1;
}

export interface FitOptions {
  l2: number;
  epochs: number;
  /** Word features (`w:`) seen in fewer training samples than this are dropped. */
  minDf: number;
  /** Features to leave out entirely (e.g. hand-weighted ones). */
  exclude?: (name: string) => boolean;
  /** Keep only the largest weights of word features. */
  maxWords?: number;
}

/** Full-batch Adam on the mean log loss + L2: deterministic, no sampling. */
export function fitLogistic(samples: Sample[], opts: FitOptions): LinearModel {
  const df = new Map<string, number>();
  for (const s of samples) for (const name of s.x.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [name, n] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (opts.exclude?.(name)) continue;
    if (name.startsWith('w:') && n < opts.minDf) continue;
    index.set(name, index.size);
  }
  const rows = samples.map((s) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of s.x) {
      const j = index.get(name);
      if (j !== undefined && v !== 0) {
        idx.push(j);
        val.push(v);
      }
    }
    return { idx, val, y: s.y };
  });
  const d = index.size + 1; // last slot is the bias
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  const lr = 0.05;
  const n = rows.length;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    g.fill(0);
    for (const r of rows) {
      let z = w[d - 1]!;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += err * r.val[k]!;
      g[d - 1]! += err;
    }
    for (let j = 0; j < d; j++) {
      const grad = g[j]! / n + (j < d - 1 ? opts.l2 * w[j]! : 0);
      m[j] = 0.9 * m[j]! + 0.1 * grad;
      v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
      const mh = m[j]! / (1 - 0.9 ** epoch);
      const vh = v[j]! / (1 - 0.999 ** epoch);
      w[j]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  let entries = [...index.entries()].map(([name, j]) => [name, w[j]!] as const);
  if (opts.maxWords !== undefined) {
    const words = entries.filter(([name]) => name.startsWith('w:')).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const keep = new Set(words.slice(0, opts.maxWords).map(([name]) => name));
    entries = entries.filter(([name]) => !name.startsWith('w:') || keep.has(name));
  }
  const weights: Record<string, number> = {};
  for (const [name, value] of entries) {
    const rounded = Math.round(value * 1000) / 1000;
    if (rounded !== 0) weights[name] = rounded;
  }
  return { bias: Math.round(w[d - 1]! * 1000) / 1000, weights };
}

export function auc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  // Mann-Whitney U with average ranks for ties.
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (order[k]![1]) {
      rankSumPos += rank;
      pos++;
    }
    i = j + 1;
  }
  const neg = order.length - pos;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function confusion(pred: boolean[], labels: boolean[]): { tp: number; fp: number; tn: number; fn: number } {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  pred.forEach((p, i) => {
    const y = labels[i]!;
    if (p && y) c.tp++;
    else if (p) c.fp++;
    else if (y) c.fn++;
    else c.tn++;
  });
  return c;
}

export function accuracy(pred: boolean[], labels: boolean[]): number {
  const c = confusion(pred, labels);
  return (c.tp + c.tn) / pred.length;
}

export function balancedAccuracy(pred: boolean[], labels: boolean[]): number {
  const c = confusion(pred, labels);
  return (c.tp / (c.tp + c.fn) + c.tn / (c.tn + c.fp)) / 2;
}

export function f1(pred: boolean[], labels: boolean[]): number {
  const c = confusion(pred, labels);
  return (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

export function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let s = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    s += (a[i]! - ma) * (b[i]! - mb);
    sa += (a[i]! - ma) ** 2;
    sb += (b[i]! - mb) ** 2;
  }
  return s / Math.sqrt(sa * sb);
}
