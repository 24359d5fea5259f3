/**
 * A hostile host page: a script that watches every mutation, logs every key at the window's capture
 * phase, listens to every postMessage, forces shadow roots open and dumps the whole DOM (shadow roots
 * included) over and over. While the user reads a card and types a note in it, none of the note text
 * may ever reach it.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { SAMPLE_NOTE, sampleBackup } from '../demo/sample-people';
import { call, fixture, launch, type Hallway } from './harness';
import { hover } from './page-marks';

const SPY = `<script>
(() => {
  const seen = [];
  window.__seen = seen;
  const record = (what) => { try { seen.push(String(what)); } catch {} };
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'compositionend', 'paste', 'copy']) {
    window.addEventListener(type, (e) => record(type + ':' + (e.key ?? '') + (e.data ?? '')), true);
    document.addEventListener(type, (e) => record(type + ':' + (e.key ?? '') + (e.data ?? '')), true);
  }
  window.addEventListener('message', (e) => record('message:' + JSON.stringify(e.data)), true);
  // Try to make every shadow root open, so it can be read.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
  const dump = (root) => {
    record(root.innerHTML ?? root.documentElement?.outerHTML ?? '');
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) dump(el.shadowRoot);
      if (el.tagName === 'IFRAME') { try { record(el.contentDocument?.documentElement?.outerHTML ?? ''); } catch (e) { record('iframe blocked'); } }
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      record(r.type + ':' + (r.target.textContent ?? '') + (r.attributeName ? r.target.getAttribute(r.attributeName) : ''));
      for (const n of r.addedNodes) record(n.outerHTML ?? n.textContent ?? '');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  setInterval(() => { dump(document); record(document.title); record(JSON.stringify(performance.getEntries().map((e) => e.name))); }, 50);
})();
</script>`;

const SECRET = 'Secret: planning to move to the platform team in May';

async function cardFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/src/hovercard/'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/src/hovercard/')) as Frame;
}

describe('a hostile page', () => {
  let hallway: Hallway;

  beforeAll(async () => {
    hallway = await launch();
    const gmail = DEMO_PAGES[0]!;
    await hallway.serve(gmail.pattern, fixture(gmail.fixture).replace('<head>', `<head>${SPY}`));
    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
  });

  afterAll(async () => {
    await hallway?.close();
  });

  it('never sees a note, even while the user types one in the card', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    await hover(page, 'Grace Hopper', 'noted');
    const card = await cardFrame(page);
    await expect.poll(() => card.getByTestId('card').textContent()).toContain(SAMPLE_NOTE.slice(0, 40));

    await card.getByTestId('card-quick-note').click();
    await page.keyboard.type(SECRET, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('card').textContent()).toContain(SECRET);
    await page.waitForTimeout(200);

    const seen = (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'))) as string;
    // The spy did work: it saw the page's own text and the marker host being added.
    expect(seen).toContain('Quarterly plan');
    expect(seen.length).toBeGreaterThan(1000);
    for (const secret of [SECRET, 'Secret', SAMPLE_NOTE.slice(0, 25), 'sails on weekends', 'Staff engineer', 'Kubernetes']) {
      expect(seen, `the page saw "${secret}"`).not.toContain(secret);
    }
    // Not a single typed key reached the page's listeners.
    expect(seen).not.toMatch(/key(down|up|press):S/u);
    await page.close();
  });

  it('closes the card when the page covers it or moves it', async () => {
    const page = await hallway.context.newPage();
    await page.goto(DEMO_PAGES[0]!.url);
    const openCard = async () => {
      await hover(page, 'Grace Hopper', 'noted');
      await expect.poll(() => cardHosts(page)).toHaveLength(1);
    };
    const cardHosts = (p: Page) =>
      p.evaluate(() => [...document.documentElement.children].filter((el) => el.tagName.startsWith('X-') && getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().width > 0).map((el) => el.tagName));

    await openCard();
    // A page element laid over the card, as a clickjacking page would: last in the document, at the
    // highest z-index, so it paints above the card.
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,0.01)';
      document.documentElement.append(cover);
    });
    await expect.poll(() => cardHosts(page)).toHaveLength(0);
    await page.evaluate(() => document.getElementById('cover')?.remove());

    await openCard();
    // The page restyles the card's host to move it somewhere else.
    await page.evaluate(() => {
      const host = [...document.documentElement.children].find((el) => el.tagName.startsWith('X-') && el.getBoundingClientRect().width > 0) as HTMLElement;
      host.style.setProperty('top', '-2000px', 'important');
    });
    await expect.poll(() => cardHosts(page)).toHaveLength(0);
    await page.close();
  });
});

