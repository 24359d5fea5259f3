/**
 * Measures the tone analysis against the labelled data in ../shared/data/tone (override with
 * HALLWAY_TONE_DATA) and prints a table, then the same table as Markdown.
 *
 * Learned parts are scored by 10-fold cross-validation with folds fixed by a seed and grouped by
 * conversation: every model (and its vocabulary) is refitted on the training folds only, never on the
 * fold it is scored on. Sentiment has no learned part and is scored on everything.
 */
import { hostilityLogit } from '../../src/shared/tone/message';
import { linearScore } from '../../src/shared/tone/model';
import { sentiment } from '../../src/shared/tone/vader';
import { type AttackItem, type ThreadItem, attackItems, FOLDS, fitAttack, fitForecast, fitPoliteness, politenessItems, threadItems, threadVector } from './tone-datasets';
import { accuracy, auc, balancedAccuracy, dataDir, f1, folds, loadJsonl, pearson, SEED } from './tone-learn';

interface Row {
  benchmark: string;
  metric: string;
  ours: number;
  published: string;
  floor: number | null;
}

const rows: Row[] = [];
const started = performance.now();

// 1. Attack detection: the comment that derailed a thread vs the next comment of a civil one.
{
  const items = attackItems();
  const fold = folds(items.map((it) => it.conversation), FOLDS);
  const scores = new Array<number>(items.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = fitAttack(items.filter((_, i) => fold[i] !== k));
    items.forEach((it, i) => {
      if (fold[i] === k) scores[i] = hostilityLogit(it.features, model);
    });
  }
  const labels = items.map((it) => it.isAttack);
  rows.push({ benchmark: 'Attack detection (CGA-WIKI next comment, 10-fold CV)', metric: 'ROC AUC', ours: auc(scores, labels.map(Number)), published: '—', floor: 0.93 });
  rows.push({ benchmark: 'Attack detection (CGA-WIKI next comment, 10-fold CV)', metric: 'accuracy', ours: accuracy(scores.map((s) => s > 0), labels), published: '—', floor: null });
}

// 2. Derailment forecasting from the thread before the derailing comment.
function forecastScores(threads: ThreadItem[], attacks: AttackItem[], seed: number): number[] {
  const fold = folds(threads.map((t) => t.conversation), FOLDS, seed);
  const foldOf = new Map(threads.map((t, i) => [t.conversation, fold[i]!]));
  const scores = new Array<number>(threads.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    // The attack model feeds the forecast, so it too sees only training-fold conversations.
    const attack = fitAttack(attacks.filter((a) => foldOf.get(a.conversation) !== k));
    const model = fitForecast(threads.filter((_, i) => fold[i] !== k), attack);
    threads.forEach((t, i) => {
      if (fold[i] === k) scores[i] = linearScore(model, threadVector(t, attack));
    });
  }
  return scores;
}
let forecastSpread = '';
{
  const threads = threadItems();
  const attacks = attackItems();
  const scores = forecastScores(threads, attacks, SEED);
  const labels = threads.map((t) => t.willDerail);
  const predicted = scores.map((s) => s > 0);
  const benchmark = 'Derailment forecasting (CGA-WIKI, 10-fold CV)';
  rows.push({ benchmark, metric: 'balanced accuracy', ours: balancedAccuracy(predicted, labels), published: 'humans 0.72; Zhang 2018 0.616; ConvoKit 0.627; CRAFT 0.665', floor: 0.62 });
  rows.push({ benchmark, metric: 'F1', ours: f1(predicted, labels), published: 'CRAFT 0.698', floor: null });
  rows.push({ benchmark, metric: 'ROC AUC', ours: auc(scores, labels.map(Number)), published: '—', floor: null });
  // 840 threads make one partition noisy: show how much the figure moves with other fold seeds.
  //
  // Model selection note: the forecasting recipe was compared with about 40 alternatives on these same
  // 840 threads and partitions, so the best of them would look optimistic. None beat it on the mean over
  // all six partitions, and it is kept. Tried: standardised features; l2 from 0.03 to 1; richer
  // per-comment aggregates (mean, max, first, first two comments as in Zhang et al. 2018, slopes,
  // question-after-question, second-person density over turns, growing length); binned and squared
  // hostility; the politeness model's per-comment scores (min, mean, first, last, trend); sentence-level
  // and strongest-word hostility; attack models with other regularisation; bag-of-words logistic
  // regression over the whole thread, the last comment, or per comment (thread label on every comment);
  // and averages of 2-3 of these models' probabilities. All landed between 0.58 and 0.617 mean balanced
  // accuracy (ROC AUC 0.61-0.65): with 840 threads the partition-to-partition spread (about ±0.007) is as
  // large as most differences. Closing the gap to CRAFT (0.665) likely needs speaker turns and reply
  // structure, which this copy of the corpus lacks (see PROVENANCE.md).
  const others = [1, 2, 3, 4, 5].map((seed) => balancedAccuracy(forecastScores(threads, attacks, seed).map((s) => s > 0), labels));
  const mean = others.reduce((a, b) => a + b, 0) / others.length;
  const all = [balancedAccuracy(predicted, labels), ...others];
  const meanAll = all.reduce((a, b) => a + b, 0) / all.length;
  forecastSpread =
    `Forecasting balanced accuracy with 5 other fold partitions: mean ${mean.toFixed(3)}, range ${Math.min(...others).toFixed(3)}–${Math.max(...others).toFixed(3)}; ` +
    `mean over all 6 partitions ${meanAll.toFixed(3)}.`;
}

// 3. Politeness, top vs bottom quartile. One model for both corpora; folds cut across both.
{
  const items = politenessItems();
  const fold = folds(items.map((it) => it.id), FOLDS);
  const scores = new Array<number>(items.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = fitPoliteness(items.filter((_, i) => fold[i] !== k));
    items.forEach((it, i) => {
      if (fold[i] === k) scores[i] = linearScore(model, it.features.values);
    });
  }
  for (const [corpus, label, published, floor] of [
    ['wikipedia', 'Wikipedia', 'strategies 0.838; humans 0.867', 0.8],
    ['stackexchange', 'Stack Exchange', 'strategies 0.782; humans 0.809', null],
  ] as const) {
    const idx = items.map((it, i) => (it.corpus === corpus ? i : -1)).filter((i) => i >= 0);
    rows.push({
      benchmark: `Politeness top vs bottom quartile, ${label} (10-fold CV)`,
      metric: 'accuracy',
      ours: accuracy(idx.map((i) => scores[i]! > 0), idx.map((i) => items[i]!.isPolite)),
      published,
      floor,
    });
  }
}

// 4. Sentiment against mean human ratings, per source.
{
  const bySource = new Map<string, { ours: number[]; human: number[] }>();
  for (const r of loadJsonl<{ source: string; text: string; score: number }>('vader_groundtruth.jsonl')) {
    const entry = bySource.get(r.source) ?? { ours: [], human: [] };
    entry.ours.push(sentiment(r.text).compound);
    entry.human.push(r.score);
    bySource.set(r.source, entry);
  }
  for (const [source, { ours, human }] of [...bySource.entries()].sort()) {
    const isTweets = source === 'tweets';
    rows.push({
      benchmark: `Sentiment vs human ratings, ${source.replace(/_/g, ' ')}`,
      metric: 'Pearson r',
      ours: pearson(ours, human),
      published: isTweets ? 'VADER 0.881' : '—',
      floor: isTweets ? 0.87 : null,
    });
  }
}

const fmt = (x: number): string => x.toFixed(3);
const verdict = (r: Row): string => (r.floor === null ? '' : r.ours >= r.floor ? 'meets' : 'BELOW');
const header = ['benchmark', 'metric', 'ours', 'published', 'floor', ''];
const cells = rows.map((r) => [r.benchmark, r.metric, fmt(r.ours), r.published, r.floor === null ? '—' : fmt(r.floor), verdict(r)]);

const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
const line = (row: string[]): string => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
console.log(`Tone evaluation on ${dataDir()} (${Math.round((performance.now() - started) / 1000)} s)\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells) console.log(line(row));

console.log('\nMarkdown:\n');
console.log(`| ${header.slice(0, 5).join(' | ')} |`);
console.log(`|${header.slice(0, 5).map(() => '---').join('|')}|`);
for (const row of cells) {
  const mark = row[5] === 'BELOW' ? ' (below floor)' : '';
  console.log(`| ${row[0]} | ${row[1]} | ${row[2]}${mark} | ${row[3]} | ${row[4]} |`);
}

console.log(`\n${forecastSpread}`);

if (rows.some((r) => r.floor !== null && r.ours < r.floor)) process.exitCode = 1;
