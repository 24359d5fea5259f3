/**
 * `npm run screenshots`: the README's pictures, taken from the built extension on the demo pages, so
 * they always show what the code does today.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { call, fixture, launch, ROOT } from '../e2e/harness';
import { markers } from '../e2e/page-marks';
import { DEMO_PAGES } from './pages';
import { sampleBackup } from './sample-people';

const OUT = join(ROOT, '.github/assets');

async function hoverName(page: Page, name: string): Promise<void> {
  const marker = (await markers(page)).find((m) => m.state === 'noted' && m.text.includes(name));
  if (!marker) throw new Error(`${name} is not marked`);
  await page.mouse.move(marker.x + 1, marker.y);
  await page.mouse.move(marker.x, marker.y);
  await page.waitForTimeout(900);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const hallway = await launch();
  try {
    for (const demo of DEMO_PAGES) await hallway.serve(demo.pattern, fixture(demo.fixture));
    await hallway.serve('https://app.slack.com/client/T0DEMO0001/C0BUDGET01**', fixture('slack/sour-thread-hand.html'));
    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });

    const gmail = await hallway.context.newPage();
    await gmail.setViewportSize({ width: 760, height: 560 });
    await gmail.goto(DEMO_PAGES[0]!.url);
    await gmail.waitForTimeout(600);
    await hoverName(gmail, 'Grace Hopper');
    await gmail.screenshot({ path: join(OUT, 'hover-card.png') });

    const popup = await hallway.openPopup(gmail);
    await popup.setViewportSize({ width: 404, height: 560 });
    await popup.waitForTimeout(600);
    await popup.screenshot({ path: join(OUT, 'popup.png') });

    const sour = await hallway.context.newPage();
    await sour.goto('https://app.slack.com/client/T0DEMO0001/C0BUDGET01');
    await sour.waitForTimeout(2500);
    const nudge = await hallway.openPopup(sour);
    await nudge.setViewportSize({ width: 404, height: 720 });
    await nudge.waitForTimeout(800);
    await nudge.evaluate(() => window.scrollTo(0, 0));
    await nudge.screenshot({ path: join(OUT, 'nudge.png') });

    await people.setViewportSize({ width: 1200, height: 760 });
    await people.goto(people.url().replace(/#.*$/u, '') + '#person=demo-grace');
    await people.waitForTimeout(700);
    await people.screenshot({ path: join(OUT, 'people.png') });
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await hallway.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
