/**
 * Measures the tone analysis against the labelled data in ../shared/data/tone (override with
 * HALLWAY_TONE_DATA) and prints a table, then the same table as Markdown.
 *
 * Learned parts are scored by 10-fold cross-validation with folds fixed by a seed and grouped by
 * conversation: every model (and its vocabulary) is refitted on the training folds only, never on the
 * fold it is scored on. Sentiment has no learned part and is scored on everything.
 */
import { attackLogit } from '../../src/shared/tone/message';
import { linearScore } from '../../src/shared/tone/model';
import { sentiment } from '../../src/shared/tone/vader';
import { type AttackItem, type ThreadItem, attackItems, FOLDS, fitAttack, fitForecast, fitPoliteness, politenessItems, threadItems, threadVector } from './tone-datasets';
import { outOfFold, turnOf } from './tone-folds';
import { accuracy, auc, balancedAccuracy, dataDir, f1, folds, loadJsonl, pearson, SEED } from './tone-learn';

interface Row {
  benchmark: string;
  metric: string;
  ours: number;
  published: string;
  floor: number | null;
  /** False for a ceiling (at most), true or absent for a floor (at least). */
  isAtLeast?: boolean;
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
      if (fold[i] === k) scores[i] = attackLogit(it.features, model);
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

// 5. Workplace data: the shipped message model and thread analysis, every score out of fold.
const workplaceNotes: string[] = [];
{
  const oof = outOfFold((line) => process.stderr.write(`${line}\n`));
  const share = (xs: boolean[]): number => xs.filter(Boolean).length / Math.max(1, xs.length);

  const dev = 'workplace_threads_dev (10-fold CV)';
  const byLabel = (label: string) => oof.dev.filter((d) => d.thread.label === label);
  const sour = byLabel('sour');
  rows.push({ benchmark: dev, metric: 'sour threads at "sour"', ours: share(sour.map((d) => d.tone.level === 'sour')), published: '—', floor: 0.85, isAtLeast: true });
  rows.push({ benchmark: dev, metric: 'sour threads at least "tense"', ours: share(sour.map((d) => d.tone.level !== 'calm')), published: '—', floor: null });
  rows.push({ benchmark: dev, metric: 'tense_ok threads at "sour"', ours: share(byLabel('tense_ok').map((d) => d.tone.level === 'sour')), published: '—', floor: 0.1, isAtLeast: false });
  rows.push({ benchmark: dev, metric: 'fine threads at "sour"', ours: share(byLabel('fine').map((d) => d.tone.level === 'sour')), published: '—', floor: 0.1, isAtLeast: false });
  rows.push({ benchmark: dev, metric: 'fine threads at least "tense"', ours: share(byLabel('fine').map((d) => d.tone.level !== 'calm')), published: '—', floor: null });
  const caught = sour.filter((d) => d.tone.level === 'sour');
  rows.push({
    benchmark: dev,
    metric: 'sour_from within 1 of the label (caught)',
    ours: share(caught.map((d) => Math.abs(d.tone.sourFrom! - d.thread.sourFrom!) <= 1)),
    published: '—',
    floor: 0.7,
    isAtLeast: true,
  });
  rows.push({ benchmark: dev, metric: 'ROC AUC, sour vs the rest', ours: auc(oof.dev.map((d) => d.tone.score), oof.dev.map((d) => Number(d.thread.label === 'sour'))), published: '—', floor: null });
  // Every sour dev thread is from GitHub and every email thread is calm: within GitHub alone the
  // score must still rank sour above tense-but-constructive, or it has learned the source.
  const github = oof.dev.filter((d) => d.thread.channel === 'chat' && d.thread.label !== 'fine');
  rows.push({ benchmark: dev, metric: 'ROC AUC, GitHub only, sour vs tense_ok', ours: auc(github.map((d) => d.tone.score), github.map((d) => Number(d.thread.label === 'sour'))), published: '—', floor: null });
  const op = oof.shipped;
  workplaceNotes.push(`Shipped operating point (calibrated on out-of-fold dev scores): tense ≥ ${op.tense}, sour ≥ ${op.sour}; per fold sour ${Math.min(...oof.operating.map((o) => o.sour))}–${Math.max(...oof.operating.map((o) => o.sour))}.`);

  const heated = 'github_heated_threads (10-fold CV)';
  const withIncivility = oof.heated.filter((h) => h.thread.hasIncivility);
  rows.push({ benchmark: heated, metric: 'ROC AUC, thread has incivility', ours: auc(oof.heated.map((h) => h.tone.score), oof.heated.map((h) => Number(h.thread.hasIncivility))), published: '—', floor: 0.9 });
  rows.push({
    benchmark: heated,
    metric: 'first uncivil message found within ±1',
    ours: share(withIncivility.map((h) => Math.abs(turnOf(h.tone, oof.operating[h.fold]!) - h.thread.firstUncivil!) <= 1)),
    published: '—',
    floor: 0.6,
  });

  const comments = 'github_heated_comments (10-fold CV)';
  const idx = (pred: (it: (typeof oof.items)[number]) => boolean): number[] => oof.items.flatMap((it, i) => (pred(it) ? [i] : []));
  const aucOf = (is: number[]): number => auc(is.map((i) => oof.messageScores[i]!), is.map((i) => oof.items[i]!.y));
  const heatedItems = idx((it) => it.task === 'heated');
  rows.push({ benchmark: comments, metric: 'ROC AUC, uncivil vs civil', ours: aucOf(heatedItems), published: '—', floor: 0.85 });
  const kinds = [...new Set(heatedItems.map((i) => oof.items[i]!.kind).filter((k): k is string => Boolean(k)))].sort();
  for (const kind of kinds) {
    const n = heatedItems.filter((i) => oof.items[i]!.kind === kind).length;
    rows.push({ benchmark: comments, metric: `ROC AUC, ${kind.replace(/_/g, ' ')} (${n}) vs civil`, ours: aucOf(idx((it) => it.task === 'heated' && (it.kind === kind || !it.y))), published: '—', floor: null });
  }
  rows.push({ benchmark: 'github_toxic_comments_strudel (10-fold CV)', metric: 'ROC AUC, toxic vs not', ours: aucOf(idx((it) => it.task === 'strudel')), published: '—', floor: null });
  rows.push({ benchmark: 'Attack detection, shipped message model (CGA-WIKI next comment, 10-fold CV)', metric: 'ROC AUC', ours: aucOf(idx((it) => it.task === 'cga')), published: '—', floor: null });
  rows.push({ benchmark: 'goemotions official test split (shipped recipe, fitted without it)', metric: 'ROC AUC, sour emotions vs the rest', ours: aucOf(idx((it) => it.split === 'test')), published: '—', floor: 0.8 });
}

const fmt = (x: number): string => x.toFixed(3);
const meets = (r: Row): boolean => r.floor === null || (r.isAtLeast === false ? r.ours <= r.floor : r.ours >= r.floor);
const verdict = (r: Row): string => (r.floor === null ? '' : meets(r) ? 'meets' : r.isAtLeast === false ? 'ABOVE' : 'BELOW');
const header = ['benchmark', 'metric', 'ours', 'published', 'goal', ''];
const cells = rows.map((r) => [r.benchmark, r.metric, fmt(r.ours), r.published, r.floor === null ? '—' : `${r.isAtLeast === false ? '≤' : '≥'} ${fmt(r.floor)}`, verdict(r)]);

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
  const mark = row[5] === 'BELOW' ? ' (below goal)' : row[5] === 'ABOVE' ? ' (above goal)' : '';
  console.log(`| ${row[0]} | ${row[1]} | ${row[2]}${mark} | ${row[3]} | ${row[4]} |`);
}

console.log(`\n${forecastSpread}`);
for (const note of workplaceNotes) console.log(note);

if (rows.some((r) => !meets(r))) process.exitCode = 1;
