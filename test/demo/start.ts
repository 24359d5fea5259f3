/**
 * `npm start`: Chromium with the built extension, in a throwaway profile, on demo pages at the real
 * site addresses (served locally, nothing leaves the machine), with sample people loaded. The
 * user's own browser profile is never touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { call, CHROMIUM, extensionArgs, fixture } from '../e2e/harness';
import { DEMO_PAGES } from './pages';
import { sampleBackup } from './sample-people';

async function main() {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'npm start opens a browser window, and this machine has no display.\n' +
        'Run it under a virtual display (xvfb-run npm start), or load dist/ by hand (see README).',
    );
    process.exitCode = 1;
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'hallway-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: extensionArgs(),
  });
  await context.route(/^https?:\/\//u, (route) => route.abort('blockedbyclient'));
  for (const page of DEMO_PAGES) {
    const html = fixture(page.fixture);
    await context.route(page.pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;

  const people = context.pages()[0] ?? (await context.newPage());
  await people.goto(`${base}src/options/index.html`);
  await call(people, 'backup.import', { data: sampleBackup(), mode: 'merge' });
  await people.reload();

  for (const page of DEMO_PAGES) await (await context.newPage()).goto(page.url);
  console.log(`Hallway is running with sample people on: ${DEMO_PAGES.map((p) => p.name).join(', ')}.`);
  console.log('Close the browser window to finish; the demo profile is then deleted.');
  await new Promise<void>((done) => context.on('close', () => done()));
  rmSync(profile, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
