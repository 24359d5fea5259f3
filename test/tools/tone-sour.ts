/**
 * The message model's data and recipe: several labelled sets of uncivil, toxic and sour messages,
 * fitted together with one bias per set (multi-task logistic regression over shared weights).
 * Shared by train-tone (fits on everything but held-out test splits) and eval-tone (fits on training
 * folds only).
 */
import { extractFeatures, type MessageFeatures } from '../../src/shared/tone/features';
import { hashedBuckets, HASH_BITS } from '../../src/shared/tone/hashing';
import { isHandWeighted } from '../../src/shared/tone/message';
import { cleanMessage } from '../../src/shared/tone/clean';
import type { HashedModel } from '../../src/shared/tone/sour-model';
import { loadJsonl, unspace } from './tone-learn';

export type SourTask = 'heated' | 'strudel' | 'goemotions' | 'cga';

export interface SourItem {
  /** Conversation the message belongs to: folds never split one. */
  group: string;
  task: SourTask;
  features: MessageFeatures;
  buckets: Uint32Array;
  y: 0 | 1;
  /** Incivility type (heated comments), for the per-type figures. */
  kind?: string | null;
  /** Official split (GoEmotions). */
  split?: string;
  text: string;
}

function item(group: string, task: SourTask, text: string, y: boolean, extra: Partial<SourItem> = {}): SourItem {
  const features = extractFeatures(cleanMessage(text).text);
  return { group, task, features, buckets: hashedBuckets(features.tokens), y: y ? 1 : 0, text, ...extra };
}

export const SOUR_EMOTIONS: ReadonlySet<string> = new Set(['anger', 'annoyance', 'disapproval', 'disappointment', 'disgust']);

let cache: SourItem[] | null = null;

export function sourItems(): SourItem[] {
  if (cache) return cache;
  const out: SourItem[] = [];
  for (const r of loadJsonl<{ thread: string; text: string; uncivil: boolean; tbdf: string | null }>('github_heated_comments.jsonl')) {
    out.push(item(r.thread, 'heated', r.text, r.uncivil, { kind: r.tbdf }));
  }
  for (const r of loadJsonl<{ id: string; text: string; toxic: boolean }>('github_toxic_comments_strudel.jsonl')) {
    // strudel:<project>/<owner>/<number>/<comment>: one issue is one conversation.
    out.push(item(r.id.split('/').slice(0, -1).join('/'), 'strudel', r.text, r.toxic));
  }
  for (const r of loadJsonl<{ id: string; split: string; text: string; labels: string[] }>('goemotions.jsonl')) {
    out.push(item(r.id, 'goemotions', r.text, r.labels.some((l) => SOUR_EMOTIONS.has(l)), { split: r.split }));
  }
  for (const r of loadJsonl<{ id: string; text: string; is_attack: boolean }>('cga_wiki_val_next_comment.jsonl')) {
    out.push(item(`cga:${r.id.replace(/-next$/, '')}`, 'cga', unspace(r.text), r.is_attack));
  }
  cache = out;
  return out;
}

const TASKS: readonly SourTask[] = ['heated', 'strudel', 'goemotions', 'cga'];

/**
 * Fixed before the reported folds were scored. The task weights were chosen on GoEmotions' dev split
 * (models fitted without dev and test): the workplace-like sets and GoEmotions count most, the small
 * toxic set and Wikipedia least (dev AUC 0.787 with equal weights, 0.800 with these; heated comments
 * unchanged at 0.758 in 5-fold CV).
 */
export const FIT = { l2Hashed: 2e-5, l2Named: 1e-3, epochs: 120, lr: 0.05, taskWeight: { heated: 1.5, strudel: 0.5, goemotions: 1.5, cga: 0.5 } as Record<SourTask, number> };

/**
 * Multi-task logistic regression by full-batch Adam: shared named and hashed weights, one bias per
 * task, each task weighted equally whatever its size, and each class weighted equally within a task
 * (the sets range from 6% to 50% positive).
 */
export function fitSour(items: readonly SourItem[], biasTask: SourTask = 'heated'): HashedModel {
  const names = new Map<string, number>();
  for (const it of items) {
    for (const name of it.features.values.keys()) {
      if (name.startsWith('w:') || isHandWeighted(name) || names.has(name)) continue;
      names.set(name, names.size);
    }
  }
  const sortedNames = [...names.keys()].sort();
  sortedNames.forEach((n, i) => names.set(n, i));
  const H = 1 << HASH_BITS;
  const nNamed = sortedNames.length;
  const d = H + nNamed + TASKS.length;
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);

  const counts = new Map<string, number>();
  for (const it of items) counts.set(`${it.task}:${it.y}`, (counts.get(`${it.task}:${it.y}`) ?? 0) + 1);
  const activeTasks = TASKS.filter((t) => (counts.get(`${t}:0`) ?? 0) + (counts.get(`${t}:1`) ?? 0) > 0);
  const rows = items.map((it) => {
    const named: Array<[number, number]> = [];
    for (const [name, x] of it.features.values) {
      const j = names.get(name);
      if (j !== undefined && x !== 0 && !name.startsWith('w:') && !isHandWeighted(name)) named.push([H + j, x]);
    }
    const weight = FIT.taskWeight[it.task] / (2 * activeTasks.length * (counts.get(`${it.task}:${it.y}`) ?? 1));
    return { buckets: it.buckets, hv: it.buckets.length ? 1 / Math.sqrt(it.buckets.length) : 0, named, task: H + nNamed + TASKS.indexOf(it.task), y: it.y, weight };
  });

  for (let epoch = 1; epoch <= FIT.epochs; epoch++) {
    g.fill(0);
    for (const r of rows) {
      let z = w[r.task]!;
      for (const b of r.buckets) z += w[b]! * r.hv;
      for (const [j, x] of r.named) z += w[j]! * x;
      const err = (1 / (1 + Math.exp(-z)) - r.y) * r.weight;
      const eh = err * r.hv;
      for (const b of r.buckets) g[b]! += eh;
      for (const [j, x] of r.named) g[j]! += err * x;
      g[r.task]! += err;
    }
    for (let j = 0; j < d; j++) {
      const l2 = j < H ? FIT.l2Hashed : j < H + nNamed ? FIT.l2Named : 0;
      const grad = g[j]! + l2 * w[j]!;
      if (grad === 0 && m[j] === 0) continue;
      m[j] = 0.9 * m[j]! + 0.1 * grad;
      v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
      const mh = m[j]! / (1 - 0.9 ** epoch);
      const vh = v[j]! / (1 - 0.999 ** epoch);
      w[j]! -= (FIT.lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const named: Record<string, number> = {};
  sortedNames.forEach((n, i) => {
    named[n] = w[H + i]!;
  });
  return { bias: w[H + nNamed + TASKS.indexOf(biasTask)]!, named, hashed: Float32Array.from(w.subarray(0, H)) };
}
