/**
 * Tone analysis cost: `analyzeThread` on a 200-message thread and `checkDraft` on a draft, in Node and
 * inside the extension's service worker. For the worker, the same source is bundled by Vite (as an
 * IIFE, nothing written to disk) and evaluated in the worker's isolate, since the shipped bundle does
 * not expose the function.
 */
import type { Worker } from 'playwright-core';
import { build } from 'vite';
import { join } from 'node:path';
import { analyzeThread, checkDraft, type ToneMessageInput } from '../../src/shared/tone';
import { ROOT } from '../e2e/harness';
import { inPage } from './browser';
import { seeded } from './prng';

const CALM = [
  'Thanks for the update, that makes sense.',
  'Could you share the doc when you get a chance?',
  'Sounds good, I will take a look this afternoon.',
  'Happy to help with the review if needed.',
  'Great work on the release, really appreciate it!',
];
const TENSE = [
  'Per my last email, this was already decided.',
  'As previously stated, we cannot ship this.',
  'Why is this STILL broken?!',
  'This is the third time I am asking. Seriously.',
  'Honestly this is a waste of everyone\'s time!!!',
];

/** A thread that starts friendly and sours in its last third, as the nudge is built to notice. */
export function toneThread(count = 200): ToneMessageInput[] {
  const random = seeded(31);
  const authors = ['Ana Berg', 'Tomas Lind', 'Priya Nair', 'Kofi Mensah'];
  return Array.from({ length: count }, (_, i) => ({
    author: authors[i % authors.length] as string,
    at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
    text: `${random.pick(i > count * 0.66 && random.chance(0.6) ? TENSE : CALM)} ${random.pick(CALM)}`,
  }));
}

export const DRAFT = 'Per my last email, I already explained why this will not work. Could you please read it again before replying?';

export interface ToneTimes {
  /** First call (cold code) and the five warm runs. */
  coldMs: number;
  runsMs: number[];
  draftRunsMs: number[];
}

/** Runs wherever it is evaluated: Node, or the worker once the bundle defined `__benchTone`. */
function timeTone(args: { thread: ToneMessageInput[]; draft: string; fromGlobal: boolean }): ToneTimes {
  const api = (args.fromGlobal ? (globalThis as unknown as { __benchTone: typeof import('../../src/shared/tone') }).__benchTone : null) as
    | { analyzeThread: typeof analyzeThread; checkDraft: typeof checkDraft }
    | null;
  const analyze = api ? api.analyzeThread : analyzeThread;
  const draft = api ? api.checkDraft : checkDraft;
  let t = performance.now();
  analyze(args.thread);
  const coldMs = performance.now() - t;
  for (let i = 0; i < 3; i++) analyze(args.thread);
  const runsMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    analyze(args.thread);
    runsMs.push(performance.now() - t);
  }
  for (let i = 0; i < 3; i++) draft(args.draft);
  const draftRunsMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    draft(args.draft);
    draftRunsMs.push(performance.now() - t);
  }
  return { coldMs, runsMs, draftRunsMs };
}

export function toneInNode(): ToneTimes {
  return timeTone({ thread: toneThread(), draft: DRAFT, fromGlobal: false });
}

async function toneBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'src/shared/tone/index.ts'), formats: ['iife'], name: '__benchTone' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Vite produced no bundle for the tone analysis.');
}

export async function toneInWorker(worker: Worker): Promise<ToneTimes> {
  const code = await toneBundle();
  // The worker's CSP forbids eval, but DevTools evaluation is not eval: the bundle runs as given, with
  // its top-level `var` turned into an explicit global so it survives any wrapping.
  const defined = await worker.evaluate(`${code.replace(/^\s*var __benchTone\s*=/mu, 'globalThis.__benchTone =')}\n;typeof globalThis.__benchTone`);
  if (defined !== 'object') throw new Error('The tone bundle did not load in the service worker.');
  return inPage(worker, timeTone, { thread: toneThread(), draft: DRAFT, fromGlobal: true });
}
