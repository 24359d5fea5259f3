/**
 * `npm run bench`: Hallway's cost in headless Chromium, against mark.js on the same pages in the same
 * run. Prints one table, how cost grows with messages and people, what each tool marked, and each
 * budget of DESIGN.md as PASS/MISS; writes the same figures to bench-results/latest.json.
 * It never fails on slowness: only a crash exits non-zero.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backup } from '../../src/shared/db/backup';
import { ROOT } from '../e2e/harness';
import { openBrowsers, inPage, type Browsers } from './browser';
import { bundleSizes } from './bundles';
import { compareMarks, type KindComparison } from './compare';
import { bigDirectory, DIRECTORY, DIRECTORY_GOALS, FIRST_SEEN_RECORDER, measureDirectory, type DirectoryRun } from './directory';
import { floodCases, loadFlood, type FloodRun } from './flood';
import { gmailPage, GMAIL_URL } from './gmail-page';
import { hoverCard, markedTexts, openAndAnnotate, stream, type AnnotationRun, type StreamBatch } from './measure-hallway';
import { markJsTexts, openAndMark, streamMarkJs, type MarkJsRun } from './measure-markjs';
import { directoryBackup, makeUniverse, type BenchPerson } from './people';
import { slackPage, SLACK_URL } from './slack-page';
import { fmt, fmtSpread, kb, spread, table, type Spread } from './stats';
import { toneInNode, toneInWorker, type ToneTimes } from './tone';

const RUNS = 5;
/** Past this, the largest variants drop to fewer runs so the whole bench stays near 8 minutes. */
const SOFT_LIMIT_MS = 6.5 * 60_000;
const PAGE_TIMEOUT_MS = 45_000;

interface Variant {
  label: string;
  messages: number;
  people: number;
  isHeadline: boolean;
}

const ALL_VARIANTS: Variant[] = [
  { label: '1,000 msgs / 2,000 people', messages: 1000, people: 2000, isHeadline: false },
  { label: '5,000 msgs / 2,000 people', messages: 5000, people: 2000, isHeadline: true },
  { label: '20,000 msgs / 2,000 people', messages: 20000, people: 2000, isHeadline: false },
  { label: '5,000 msgs / 100 people', messages: 5000, people: 100, isHeadline: false },
  { label: '5,000 msgs / 10,000 people', messages: 5000, people: 10000, isHeadline: false },
];

/** `npm run bench -- --headline` measures the 5,000-message page alone, for a quick look while working. */
const VARIANTS = process.argv.includes('--headline') ? ALL_VARIANTS.filter((v) => v.isHeadline) : ALL_VARIANTS;
/** `npm run bench -- --flood` measures the flood case alone and prints it (bench-results/ is left as it was). */
const IS_FLOOD_ONLY = process.argv.includes('--flood');
/** Flood pages are slow to load with or without Hallway: fewer runs. */
const FLOOD_RUNS = 3;
/** `npm run bench -- --directory` measures the directory case alone and prints it. */
const IS_DIRECTORY_ONLY = process.argv.includes('--directory');

interface DirectoryResult {
  runs: DirectoryRun[];
  /** The import of the whole directory as one backup (replace), once: it takes the longest. */
  importBackupMs: number;
  backupBytes: number;
}

interface FloodResult {
  label: string;
  hallway: FloodRun[];
  plain: FloodRun[];
}

interface VariantResult {
  variant: Variant;
  runs: number;
  note?: string;
  /** Runs that crashed or never reached first-idle, with the reason; they are left out of the figures. */
  failures: string[];
  hallway: AnnotationRun[];
  markJs: MarkJsRun[];
  comparison: KindComparison[];
  hallwayStates: Record<string, number>;
}

const began = Date.now();
const elapsed = () => Date.now() - began;
const log = (line: string) => process.stderr.write(`[${fmt(elapsed() / 1000, 0)}s] ${line}\n`);

/** Replaces the directory with a backup through the people page's own message; the time it took, ms. */
async function importBackupTimed(b: Browsers, backup: Backup, what: string): Promise<number> {
  const options = await b.hallway.openPage('src/options/index.html');
  const t = performance.now();
  const reply = await inPage(
    options,
    (data) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ type: 'backup.import', payload: { data, mode: 'replace' } }),
    backup,
  );
  const ms = performance.now() - t;
  await options.close();
  if (!reply.ok) throw new Error(`Importing ${what} failed: ${reply.error ?? 'no reason given'}`);
  return ms;
}

function importDirectory(b: Browsers, universe: readonly BenchPerson[], count: number): Promise<number> {
  return importBackupTimed(b, directoryBackup(universe, count), `${count} people`);
}

/** What mark.js is asked to find: every directory full name and address, longest first. */
function peerTerms(universe: readonly BenchPerson[], count: number): string[] {
  return universe
    .slice(0, count)
    .flatMap((p) => [p.full, p.email])
    .sort((a, b) => b.length - a.length);
}

interface Headline {
  hover: { cold: number[]; warm: number[] };
  stream: { hallway: StreamBatch[]; added: number[]; markJs: number[] };
}

async function runVariant(b: Browsers, variant: Variant, universe: readonly BenchPerson[], headline: Headline | null, url: string, isLarge: boolean): Promise<VariantResult> {
  const terms = peerTerms(universe, variant.people);
  const result: VariantResult = { variant, runs: 0, failures: [], hallway: [], markJs: [], comparison: [], hallwayStates: {} };
  let runs = RUNS;
  for (let run = 0; run < runs; run++) {
    const runStart = Date.now();
    let h: AnnotationRun;
    let hallwayTexts: Awaited<ReturnType<typeof markedTexts>> = [];
    try {
      const opened = await openAndAnnotate(b.hallway.context, url, PAGE_TIMEOUT_MS);
      h = opened.run;
      const page = opened.page;
      try {
        if (result.hallway.length === 0) hallwayTexts = await markedTexts(page);
        if (headline) {
          const cold = await hoverCard(page, []);
          headline.hover.cold.push(cold.latencyMs);
          headline.hover.warm.push((await hoverCard(page, [cold.name])).latencyMs);
          const streamed = await stream(page);
          headline.stream.hallway.push(...streamed.batches);
          headline.stream.added.push(streamed.added);
        }
      } finally {
        await page.close();
      }
    } catch (error) {
      // A run that never settles is a finding, not a reason to lose the other figures.
      const reason = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      result.failures.push(`run ${run + 1}: ${reason}`);
      log(`${variant.label}: run ${run + 1} failed: ${reason}`);
      for (const open of b.hallway.context.pages()) if (open.url().startsWith('https://')) await open.close();
      // A page that never settles will not settle on the next run either; more runs only cost minutes.
      if (reason.includes('did not finish')) {
        result.note = `stopped after run ${run + 1}: Hallway never reached first-idle within ${PAGE_TIMEOUT_MS / 1000} s`;
        break;
      }
      continue;
    }
    result.hallway.push(h);

    const { page: peer, run: m } = await openAndMark(b.plain, url, terms, PAGE_TIMEOUT_MS);
    result.markJs.push(m);
    if (result.hallway.length === 1) {
      result.comparison = compareMarks(hallwayTexts, await markJsTexts(peer));
      for (const t of hallwayTexts) result.hallwayStates[t.state] = (result.hallwayStates[t.state] ?? 0) + 1;
    }
    if (headline) headline.stream.markJs.push(...(await streamMarkJs(peer)));
    await peer.close();
    result.runs = run + 1;
    log(`${variant.label}: run ${run + 1}/${runs}: Hallway ${fmt(h.annotateMs, 0)} ms, mark.js ${fmt(m.totalMs, 0)} ms`);

    if (run === 0 && isLarge) {
      const projected = elapsed() + (Date.now() - runStart) * (RUNS - 1);
      if (projected > SOFT_LIMIT_MS) {
        runs = 3;
        result.note = `reduced to ${runs} runs to keep the bench near 8 minutes (a run takes ${fmt((Date.now() - runStart) / 1000, 1)} s)`;
      }
    }
  }
  return result;
}

function ratioSpread(hallway: AnnotationRun[], peer: MarkJsRun[]): Spread {
  return spread(hallway.map((h, i) => h.annotateMs / (peer[i]?.totalMs ?? NaN)));
}

/** Each flood page with Hallway and without, alternating, against the directory imported last. */
async function runFlood(b: Browsers, universe: readonly BenchPerson[]): Promise<FloodResult[]> {
  const results: FloodResult[] = [];
  for (const flood of floodCases(universe)) {
    b.served.gmail = flood.html;
    const result: FloodResult = { label: flood.label, hallway: [], plain: [] };
    for (let run = 0; run < FLOOD_RUNS; run++) {
      result.hallway.push(await loadFlood(b.hallway.context, GMAIL_URL, true, 120_000));
      result.plain.push(await loadFlood(b.plain, GMAIL_URL, false, 120_000));
      const h = result.hallway[run]!;
      log(`flood, ${flood.label}: run ${run + 1}/${FLOOD_RUNS}: settled in ${fmt(h.settleMs ?? NaN, 0)} ms, long tasks ${h.longTasks} with / ${result.plain[run]!.longTasks} without`);
    }
    results.push(result);
  }
  return results;
}

function floodTable(flood: FloodResult[]): string {
  const rows = flood.flatMap((f) => {
    const h = (pick: (run: FloodRun) => number) => fmtSpread(spread(f.hallway.map(pick)), 0);
    const p = (pick: (run: FloodRun) => number) => fmtSpread(spread(f.plain.map(pick)), 0);
    return [
      [f.label, 'long tasks (> 50 ms)', h((r) => r.longTasks), p((r) => r.longTasks)],
      ['', '  of which ran Hallway', h((r) => r.hallwayLongTasks), ''],
      ['', '  longest of Hallway\'s (ms)', h((r) => r.hallwayLongestMs), ''],
      ['', 'longest (ms)', h((r) => r.longestMs), p((r) => r.longestMs)],
      ['', 'long tasks in all (ms)', h((r) => r.longTotalMs), p((r) => r.longTotalMs)],
      ['', 'load → Hallway settled (ms)', h((r) => r.settleMs ?? NaN), ''],
    ];
  });
  return table(['flood page', 'figure', 'with Hallway', 'without'], rows);
}

/** Imports the big directory, then looks at the popup (over a Gmail page of its people) and the people page. */
async function runDirectory(b: Browsers, universe: readonly BenchPerson[]): Promise<DirectoryResult> {
  const backup = bigDirectory(universe);
  const backupBytes = JSON.stringify(backup).length;
  log(`directory: importing ${DIRECTORY.people} people, ${DIRECTORY.notes} notes, ${DIRECTORY.interactions} interactions (${fmt(backupBytes / 1048576, 1)} MB)`);
  const importBackupMs = await importBackupTimed(b, backup, 'the directory');
  b.served.gmail = gmailPage({ universe, known: 2000 });
  await b.hallway.context.addInitScript(FIRST_SEEN_RECORDER);
  const searchName = universe[5000]!.full;
  const runs: DirectoryRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await measureDirectory((tab) => b.hallway.openPopup(tab), () => b.hallway.openPage('src/options/index.html'), b.hallway.context, GMAIL_URL, searchName));
    log(`directory: run ${run + 1}/${RUNS}: popup lists the page in ${fmt(runs[run]!.popupPeopleListed, 0)} ms, people page rows in ${fmt(runs[run]!.peopleFirstRows, 0)} ms`);
  }
  return { runs, importBackupMs, backupBytes };
}

/** Median per key, as `bench-results/latest.json` keeps them under `directory`. */
function directoryFigures(d: DirectoryResult): Record<keyof typeof DIRECTORY_GOALS, number> {
  const median = (key: keyof DirectoryRun) => spread(d.runs.map((run) => run[key])).median;
  return {
    popupFirstPaint: median('popupFirstPaint'),
    popupPeopleListed: median('popupPeopleListed'),
    popupSearch: median('popupSearch'),
    peopleFirstPaint: median('peopleFirstPaint'),
    peopleFirstRows: median('peopleFirstRows'),
    peopleSearch: median('peopleSearch'),
    peopleSearchNotes: median('peopleSearchNotes'),
    networkView: median('networkView'),
    importBackup: d.importBackupMs,
  };
}

function directoryTable(d: DirectoryResult): string {
  const labels: Record<keyof typeof DIRECTORY_GOALS, string> = {
    popupFirstPaint: 'popup first paint',
    popupPeopleListed: 'popup: people on the page listed',
    popupSearch: 'popup search, typed → results',
    peopleFirstPaint: 'people page first paint',
    peopleFirstRows: 'people page first rows',
    peopleSearch: 'people page search, a name, after its 150 ms debounce',
    peopleSearchNotes: 'people page search, "migration incident" in notes, after the debounce',
    networkView: 'network view drawn (from page start)',
    importBackup: `import the whole directory (${fmt(d.backupBytes / 1048576, 1)} MB), once`,
  };
  const figures = directoryFigures(d);
  const rows = (Object.keys(DIRECTORY_GOALS) as (keyof typeof DIRECTORY_GOALS)[]).map((key) => {
    const measured = key === 'importBackup' ? fmt(figures.importBackup, 0) : fmtSpread(spread(d.runs.map((run) => run[key])), 0);
    const goal = DIRECTORY_GOALS[key];
    return [labels[key], measured, `≤ ${fmt(goal, 0)}`, figures[key] <= goal ? 'PASS' : 'MISS'];
  });
  return table(['directory: 10,000 people, 100,000 notes, 20,000 interactions (ms)', 'measured', 'goal', ''], rows);
}

async function directoryOnly(): Promise<void> {
  const universe = makeUniverse(11_000);
  const b = await openBrowsers();
  try {
    const directory = await runDirectory(b, universe);
    console.log(`Directory case, ${RUNS} runs, median (min–max)\n${directoryTable(directory)}`);
  } finally {
    await b.close();
  }
}

async function floodOnly(): Promise<void> {
  const universe = makeUniverse(11_000);
  const b = await openBrowsers();
  try {
    log('importing 2000 people');
    await importDirectory(b, universe, 2000);
    const flood = await runFlood(b, universe);
    console.log(`Flood case, ${FLOOD_RUNS} runs each, median (min–max); long tasks from the browser's trace, load + 3 s after settling\n${floodTable(flood)}`);
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  if (IS_FLOOD_ONLY) return floodOnly();
  if (IS_DIRECTORY_ONLY) return directoryOnly();
  log('bundle sizes');
  const bundles = bundleSizes();
  log('tone analysis in Node');
  const toneNode = toneInNode();

  const universe = makeUniverse(11_000);
  const served = { slackBytes: 0 };
  const b = await openBrowsers();
  const results: VariantResult[] = [];
  const imports: Record<number, number> = {};
  let gmail: { hallway: AnnotationRun[]; markJs: MarkJsRun[]; comparison: KindComparison[] } | null = null;
  const headline: Headline = { hover: { cold: [], warm: [] }, stream: { hallway: [], added: [], markJs: [] } };
  let toneWorker: ToneTimes | null = null;
  let flood: FloodResult[] = [];
  let directory: DirectoryResult | null = null;
  try {
    log('tone analysis in the service worker');
    toneWorker = await toneInWorker(b.hallway.worker);

    for (const people of [2000, 100, 10000]) {
      log(`importing ${people} people`);
      imports[people] = await importDirectory(b, universe, people);
      if (people === 2000) {
        b.served.gmail = gmailPage({ universe, known: people });
        const g = { hallway: [] as AnnotationRun[], markJs: [] as MarkJsRun[], comparison: [] as KindComparison[] };
        for (let run = 0; run < RUNS; run++) {
          const { page, run: h } = await openAndAnnotate(b.hallway.context, GMAIL_URL, PAGE_TIMEOUT_MS);
          const texts = run === 0 ? await markedTexts(page) : [];
          await page.close();
          const { page: peer, run: m } = await openAndMark(b.plain, GMAIL_URL, peerTerms(universe, people), PAGE_TIMEOUT_MS);
          if (run === 0) g.comparison = compareMarks(texts, await markJsTexts(peer));
          await peer.close();
          g.hallway.push(h);
          g.markJs.push(m);
        }
        gmail = g;
        log('Gmail inbox + 40-message thread done');
      }
      for (const variant of VARIANTS.filter((v) => v.people === people)) {
        b.served.slack = slackPage({ messages: variant.messages, universe, known: people });
        served.slackBytes = Math.max(served.slackBytes, b.served.slack.length);
        const isLarge = variant.messages >= 20000 || variant.people >= 10000;
        results.push(await runVariant(b, variant, universe, variant.isHeadline ? headline : null, SLACK_URL, isLarge));
      }
    }
    log('flood case');
    flood = await runFlood(b, universe);
    // Last: it replaces the directory with the big one.
    directory = await runDirectory(b, universe);
  } finally {
    await b.close();
  }
  report({ bundles, toneNode, toneWorker, results, gmail, headline, imports, flood, directory });
}

interface Report {
  bundles: ReturnType<typeof bundleSizes>;
  toneNode: ToneTimes;
  toneWorker: ToneTimes | null;
  results: VariantResult[];
  gmail: { hallway: AnnotationRun[]; markJs: MarkJsRun[]; comparison: KindComparison[] } | null;
  headline: Headline;
  imports: Record<number, number>;
  flood: FloodResult[];
  directory: DirectoryResult | null;
}

function report(r: Report): void {
  const head = r.results.find((x) => x.variant.isHeadline) as VariantResult;
  const hA = spread(head.hallway.map((h) => h.annotateMs));
  const mT = spread(head.markJs.map((m) => m.totalMs));
  const ratio = ratioSpread(head.hallway, head.markJs);
  // Hallway's own long tasks come from the browser's trace: the page's Long Tasks API does not see a content script's.
  const hLong = spread(head.hallway.map((h) => h.hallwayLongTasks));
  const hLongest = spread(head.hallway.map((h) => h.hallwayLongestMs));
  const mLong = spread(head.markJs.map((m) => m.longTasks));
  const mLongest = spread(head.markJs.map((m) => m.longestMs));
  const pageLong = spread(head.hallway.map((h) => h.longTasks));
  const work = spread(r.headline.stream.hallway.map((s) => s.workMs));
  const latency = spread(r.headline.stream.hallway.map((s) => s.latencyMs));
  const peerBatch = spread(r.headline.stream.markJs);
  const cold = spread(r.headline.hover.cold);
  const warm = spread(r.headline.hover.warm);
  const heapWith = spread(head.hallway.map((h) => h.heapBytes));
  const heapWithout = spread(head.markJs.map((m) => m.pageHeapBytes));
  const heapPeer = spread(head.markJs.map((m) => m.heapBytes - m.pageHeapBytes));
  const toneN = spread(r.toneNode.runsMs);
  const toneW = r.toneWorker ? spread(r.toneWorker.runsMs) : spread([]);
  const draftN = spread(r.toneNode.draftRunsMs);
  const draftW = r.toneWorker ? spread(r.toneWorker.draftRunsMs) : spread([]);
  const content = r.bundles.find((x) => x.name === 'content script');
  const gmail = r.gmail;

  const rows: string[][] = [
    ['annotate Slack 5,000 msgs / 2,000 people (ms)', fmtSpread(hA), `${fmtSpread(mT)}`, `${fmtSpread(ratio, 2)}×`],
    ['  of which mark.js matching / forced re-layout (ms)', '', `${fmt(spread(head.markJs.map((m) => m.markMs)).median)} / ${fmt(spread(head.markJs.map((m) => m.layoutMs)).median)}`, ''],
    ['long tasks >50 ms that ran Hallway, load → idle (trace)', fmtSpread(hLong, 0), fmtSpread(mLong, 0), 'mark.js: its one block'],
    ['  longest of them (ms)', fmtSpread(hLongest), fmtSpread(mLongest), ''],
    ['long tasks >50 ms seen by the page, whole load', fmtSpread(pageLong, 0), '', 'Long Tasks API; page parse/layout incl.'],
    ['markers drawn in view / <mark> elements on the page', fmt(head.hallway[0]?.markers ?? NaN, 0), fmt(head.markJs[0]?.marks ?? NaN, 0), ''],
    ['stream 10 msgs/frame: main-thread work per batch (ms)', fmtSpread(work, 2), fmtSpread(peerBatch, 2), `${fmt(work.median / peerBatch.median, 2)}×`],
    ['stream: append → hallway:idle per batch (ms)', fmtSpread(latency, 1), '', 'incl. next-frame wait + lookup'],
    ['hover card, intent expiry → visible, first (ms)', fmtSpread(cold), '', 'frame created on hover'],
    ['hover card, intent expiry → visible, again (ms)', fmtSpread(warm), '', 'frame already there'],
    ['tone, analyzeThread 200 msgs, Node (ms)', fmtSpread(toneN, 2), '', `cold ${fmt(r.toneNode.coldMs, 1)}`],
    ['tone, analyzeThread 200 msgs, service worker (ms)', fmtSpread(toneW, 2), '', r.toneWorker ? `cold ${fmt(r.toneWorker.coldMs, 1)}` : 'failed'],
    ['draft check, Node / service worker (ms)', `${fmtSpread(draftN, 3)} / ${fmtSpread(draftW, 3)}`, '', ''],
    ['JS heap added to the page (MB)', fmt((heapWith.median - heapWithout.median) / 1048576, 1), fmt(heapPeer.median / 1048576, 1), `page alone ${fmt(heapWithout.median / 1048576, 1)} MB`],
    ['content script, gzipped', content ? kb(content.gzipBytes) : '–', '', ''],
  ];
  if (gmail) {
    rows.push(
      ['annotate Gmail inbox + 40-msg thread (ms)', fmtSpread(spread(gmail.hallway.map((h) => h.annotateMs))), fmtSpread(spread(gmail.markJs.map((m) => m.totalMs))), `${fmtSpread(ratioSpread(gmail.hallway, gmail.markJs), 2)}×`],
      ['  long tasks that ran Hallway (trace)', fmtSpread(spread(gmail.hallway.map((h) => h.hallwayLongTasks)), 0), fmtSpread(spread(gmail.markJs.map((m) => m.longTasks)), 0), ''],
    );
  }
  const out: string[] = [];
  out.push(`Hallway benchmark — headless ${'Chromium'}, ${RUNS} runs each (fresh page per run), median (min–max)`);
  out.push(`Times are wall clock on the page. Hallway: hallway:start → hallway:first-idle (chunked, yields, includes its lookups in the service worker). mark.js: RegExp build + markRegExp + forced layout, one synchronous block.`);
  out.push('');
  out.push(table(['metric', 'Hallway', 'mark.js', 'ratio / note'], rows));

  out.push('', 'How cost grows (Slack channel; Hallway first-idle vs mark.js incl. layout, ms)');
  const scaleRow = (x: VariantResult) => [
    x.variant.label,
    String(x.runs),
    fmtSpread(spread(x.hallway.map((h) => h.annotateMs)), 0),
    fmtSpread(spread(x.markJs.map((m) => m.totalMs)), 0),
    `${fmt(ratioSpread(x.hallway, x.markJs).median, 2)}×`,
    `${fmt(spread(x.hallway.map((h) => h.hallwayLongTasks)).median, 0)} / ${fmt(spread(x.markJs.map((m) => m.longTasks)).median, 0)}`,
    fmt(spread(x.hallway.map((h) => h.hallwayLongestMs)).median, 0),
    fmt((spread(x.hallway.map((h) => h.heapBytes)).median - spread(x.markJs.map((m) => m.pageHeapBytes)).median) / 1048576, 1),
    fmt(x.hallway[0]?.markers ?? NaN, 0),
  ];
  const header = ['variant', 'runs', 'Hallway', 'mark.js', 'H/m', 'long tasks H / m', 'longest H', 'heap +MB', 'markers'];
  out.push('', 'by messages (2,000 people)');
  out.push(table(header, r.results.filter((x) => x.variant.people === 2000).map(scaleRow)));
  out.push('', 'by people (5,000 messages)');
  out.push(table(header, r.results.filter((x) => x.variant.messages === 5000).sort((a, b) => a.variant.people - b.variant.people).map(scaleRow)));
  for (const x of r.results) if (x.note) out.push(`note: ${x.variant.label}: ${x.note}`);
  for (const x of r.results) for (const failure of x.failures) out.push(`FAILED: ${x.variant.label}: ${failure}`);
  out.push(`directory import (backup.import, replace): ${Object.entries(r.imports).map(([n, ms]) => `${n} people ${fmt(ms, 0)} ms`).join(', ')}`);

  out.push('', 'What each marked (first run; texts case-folded, "@" of mentions dropped)');
  const compRows = (label: string, comparison: KindComparison[]) =>
    comparison.map((c) => [label, c.kind, String(c.hallway), String(c.markJs), String(c.both), String(c.onlyHallway), String(c.onlyMarkJs)]);
  out.push(table(['page', 'where', 'Hallway', 'mark.js', 'both', 'only H', 'only m'], [...compRows('Slack 5k/2k', head.comparison), ...compRows('Gmail', gmail?.comparison ?? [])]));
  const reasons = new Set<string>();
  for (const c of [...head.comparison, ...(gmail?.comparison ?? [])]) for (const reason of c.reasons) reasons.add(`${c.kind}: ${reason}${reason === 'UNEXPLAINED' ? ` e.g. ${[...c.examplesOnlyHallway, ...c.examplesOnlyMarkJs].join(', ')}` : ''}`);
  for (const reason of reasons) out.push(`  - ${reason}`);
  out.push(`  Hallway marker states on Slack 5k/2k: ${Object.entries(head.hallwayStates).map(([s, n]) => `${s} ${n}`).join(', ')} (names found in prose are "uncertain": a name alone is weak)`);

  out.push('', `Flood case (${FLOOD_RUNS} runs each, 10,000 people; long tasks from the browser's trace over the load and 3 s after settling, the page's own parse and layout included)`);
  out.push(floodTable(r.flood));

  if (r.directory) out.push('', directoryTable(r.directory));

  out.push('', 'Bundles (gzip -9 of every file each part loads)');
  out.push(table(['part', 'gzipped', 'raw', 'files', 'has Dexie'], r.bundles.map((x) => [x.name, kb(x.gzipBytes), kb(x.rawBytes), String(x.files.length), x.hasDexie ? 'yes' : 'no'])));

  const budgets: [string, boolean, string][] = [
    ['annotate 5k msgs/2k people well under mark.js (≤ 0.5×)', ratio.median <= 0.5, `${fmt(ratio.median, 2)}×`],
    ['no long task (>50 ms) during Hallway\'s annotation', hLong.max === 0, `${fmt(hLong.median, 0)} (max ${fmt(hLong.max, 0)}), longest ${fmt(hLongest.max, 0)} ms`],
    ['batch of 10 streamed messages in about 1 ms (≤ 2 ms)', work.median <= 2, `${fmt(work.median, 2)} ms work, ${fmt(latency.median, 1)} ms to idle`],
    ['every run reaches hallway:first-idle', r.results.every((x) => x.failures.length === 0), `${r.results.reduce((n, x) => n + x.failures.length, 0)} failed runs`],
    ['hover card within 50 ms of the intent delay', cold.median <= 50 && warm.median <= 50, `first ${fmt(cold.median, 1)} ms, again ${fmt(warm.median, 1)} ms`],
    ['tone of 200 messages under 20 ms (service worker)', toneW.median < 20, `${fmt(toneW.median, 2)} ms (Node ${fmt(toneN.median, 2)} ms)`],
    ['draft check under 2 ms', draftW.median < 2 && draftN.median < 2, `${fmt(draftW.median, 3)} ms`],
    ['content script tens of KB gzipped (< 100 KB), no database', Boolean(content && content.gzipBytes < 100 * 1024 && !content.hasDexie), content ? kb(content.gzipBytes) : '–'],
  ];
  out.push('', 'Budgets (DESIGN.md, Performance budgets)');
  out.push(table(['budget', 'result', 'measured'], budgets.map(([name, ok, measured]) => [name, ok ? 'PASS' : 'MISS', measured])));
  out.push('', `Definitions: hover latency = the card's host element turning visible (page clock; the card frame is then checked to show the hovered name) minus (first pointer event on the name + 300 ms intent delay); it includes Hallway's wait for the next frame before starting the intent timer. Stream work = main-thread time between two page animation-frame callbacks that bracket Hallway's frame callback (the async paint after a state lookup is in the "to idle" figure only). Tone in the service worker runs the same source bundled by Vite and evaluated in the worker.`);
  out.push(`Total bench time ${fmt(elapsed() / 1000, 0)} s (after the build).`);
  console.log(out.join('\n'));

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const json = {
    at: new Date().toISOString(),
    runs: RUNS,
    chromium: 'headless /usr/bin/chromium',
    headline: {
      annotateMs: hA, markJsTotalMs: mT, ratio, longTasksInWindow: hLong, longestInWindowMs: hLongest, markJsLongTasks: mLong, markJsLongestMs: mLongest,
      streamWorkMs: work, streamLatencyMs: latency, markJsStreamBatchMs: peerBatch, hoverColdMs: cold, hoverWarmMs: warm,
      heapAddedBytes: heapWith.median - heapWithout.median, pageHeapBytes: heapWithout.median, markJsHeapAddedBytes: heapPeer.median,
    },
    tone: { node: r.toneNode, serviceWorker: r.toneWorker },
    variants: r.results,
    gmail: r.gmail,
    streamBatches: r.headline.stream,
    hover: r.headline.hover,
    bundles: r.bundles,
    directoryImportMs: r.imports,
    flood: r.flood,
    directory: r.directory ? directoryFigures(r.directory) : null,
    directoryRuns: r.directory?.runs ?? [],
    budgets: budgets.map(([name, ok, measured]) => ({ name, result: ok ? 'PASS' : 'MISS', measured })),
    seconds: elapsed() / 1000,
  };
  writeFileSync(join(ROOT, 'bench-results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Figures written to bench-results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
