/**
 * `npx tsx test/bench/profile.ts [messages] [people]`: one CPU profile of Hallway annotating the
 * generated Slack channel, to see which content-script functions the time goes to. Prints the top
 * functions by self time (names as the build left them, with their position in the chunk) and writes
 * the .cpuprofile to bench-results/ for DevTools. Run `npm run build` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';
import { inPage, openBrowsers } from './browser';
import { waitForMark } from './page-probes';
import { directoryBackup, makeUniverse } from './people';
import { slackPage, SLACK_URL } from './slack-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

const messages = Number(process.argv[2] ?? 5000);
const people = Number(process.argv[3] ?? 2000);
const universe = makeUniverse(11_000);
const b = await openBrowsers();
try {
  const options = await b.hallway.openPage('src/options/index.html');
  await inPage(options, (data) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'backup.import', payload: { data, mode: 'replace' } }), directoryBackup(universe, people));
  await options.close();
  b.served.slack = slackPage({ messages, universe, known: people });
  const page = await b.hallway.context.newPage();
  const cdp = await b.hallway.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(SLACK_URL);
  await inPage(page, waitForMark, { name: 'hallway:first-idle', after: 0, timeoutMs: 120_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/annotate.cpuprofile'), JSON.stringify(profile));
  // Self time per function, from the sample deltas (µs).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const top = [...self].sort((a, c) => c[1] - a[1]).slice(0, 25);
  for (const [key, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${key}`);
} finally {
  await b.close();
}
