/**
 * The directory probe: a page script, with every power the page has, hides copies of a real message
 * for people Hallway knows (with notes and without) and for strangers, in every way a page can hide
 * text, and reads back everything it can to tell them apart. It must learn nothing, and Hallway must
 * mark none of the hidden copies.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/pages';
import { sampleBackup } from '../demo/sample-people';
import { call, fixture, launch, type Hallway } from './harness';
import { markers, pageHighlights } from './page-marks';

/** How a page hides text from the user while keeping it in the document. */
const HIDING_STYLES = {
  'display:none': 'display:none',
  'off-screen': 'position:absolute;left:-10000px;top:0',
  'opacity:0': 'opacity:0',
  '1px transparent text': 'font-size:1px;color:transparent',
  'visibility:hidden': 'visibility:hidden',
  'screen-reader only': 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)',
};

interface Site {
  name: string;
  url: string;
  fixture: string;
  pattern: string;
  /** The message the probe copies, and the strings in it that say who wrote it. */
  template: string;
  who: { name: string; id: string };
}

const SITES: Site[] = [
  { ...DEMO_PAGES[0]!, name: 'Gmail', template: '[role="listitem"]', who: { name: 'Grace Hopper', id: 'grace@example.com' } },
  { ...DEMO_PAGES[2]!, name: 'Slack', template: '[data-qa="virtual-list-item"]:has([data-message-sender="U0GRACE001"])', who: { name: 'Grace Hopper', id: 'U0GRACE001' } },
  {
    ...DEMO_PAGES[3]!,
    name: 'Teams',
    template: '[data-tid="chat-pane-item"]:has([data-tid="message-author-name"])',
    who: { name: 'Grace Hopper', id: '00000000-0000-0000-0000-0000000006a5' },
  },
];

/** Who the probe asks about: known with notes, known without, and strangers, as each site spells them. */
function candidates(site: Site): { name: string; id: string; isKnown: boolean }[] {
  const known = {
    Gmail: [
      { name: 'Grace Hopper', id: 'grace@example.com' },
      { name: 'Ada Lovelace', id: 'ada@example.com' },
    ],
    Slack: [
      { name: 'Grace Hopper', id: 'U0GRACE001' },
      { name: 'Łukasz Nowak', id: 'U0LUKASZ02' },
    ],
    Teams: [{ name: 'Grace Hopper', id: '00000000-0000-0000-0000-0000000006a5' }],
  }[site.name]!;
  const strangers = ['Zoe Quist', 'Yuri Pell', 'Xena Marsh'].map((name, i) => ({
    name,
    id: site.name === 'Gmail' ? `${name.split(' ')[0]!.toLowerCase()}@example.com` : site.name === 'Slack' ? `U0STRANG0${i}` : `00000000-0000-0000-0000-00000000990${i}`,
  }));
  return [...known.map((c) => ({ ...c, isKnown: true })), ...strangers.map((c) => ({ ...c, isKnown: false }))];
}

/** What the page script learned: everything it can read about its hidden copies, per candidate. */
interface Learned {
  highlights: string[];
  /** Per probe: its markup before and after Hallway saw it, and what changed in it meanwhile. */
  probes: { id: string; isKnown: boolean; style: string; before: string; after: string; mutations: number }[];
}

async function injectProbes(page: Page, site: Site): Promise<void> {
  await page.evaluate(
    ({ site, candidates, styles }) => {
      const template = document.querySelector(site.template)!;
      const probes: { id: string; isKnown: boolean; style: string; element: Element; before: string; mutations: number }[] = [];
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      for (const candidate of candidates) {
        for (const [label, css] of Object.entries(styles)) {
          const copy = template.cloneNode(true) as HTMLElement;
          // The copy says the candidate wrote it, wherever the original named its author.
          const walker = document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          for (let node: Node | null = copy; node; node = walker.nextNode()) {
            if (node.nodeType === Node.TEXT_NODE) {
              node.textContent = (node.textContent ?? '').replace(new RegExp(escape(site.who.name), 'gu'), candidate.name);
              continue;
            }
            for (const attribute of [...(node as Element).attributes]) {
              const value = attribute.value.replace(new RegExp(escape(site.who.id), 'gu'), candidate.id).replace(new RegExp(escape(site.who.name), 'gu'), candidate.name);
              if (value !== attribute.value) (node as Element).setAttribute(attribute.name, value);
            }
          }
          copy.querySelectorAll('[id]').forEach((element) => element.setAttribute('id', `${element.id}-probe-${probes.length}`));
          copy.setAttribute('style', css);
          // Text styles are set on every element: buttons and inputs do not inherit them.
          if (css.includes('font-size')) copy.querySelectorAll('*').forEach((element) => element.setAttribute('style', css));
          template.parentElement!.append(copy);
          probes.push({ id: candidate.id, isKnown: candidate.isKnown, style: label, element: copy, before: copy.outerHTML, mutations: 0 });
        }
      }
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const probe = probes.find((p) => p.element.contains(record.target));
          if (probe) probe.mutations += 1;
        }
      });
      observer.observe(template.parentElement!, { subtree: true, attributes: true, characterData: true, childList: true });
      (window as unknown as { __probes: typeof probes }).__probes = probes;
    },
    { site, candidates: candidates(site), styles: HIDING_STYLES },
  );
}

function readBack(page: Page): Promise<Learned> {
  return page.evaluate(() => {
    const probes = (window as unknown as { __probes: { id: string; isKnown: boolean; style: string; element: Element; before: string; mutations: number }[] }).__probes;
    return {
      highlights: [...CSS.highlights.keys()],
      probes: probes.map(({ element, ...probe }) => ({ ...probe, after: element.outerHTML })),
    };
  });
}

/** Where the hidden copies' text is laid out inside the viewport (copies hidden with opacity or 1 px text still are). */
function hiddenTextRects(page: Page): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate(() => {
    const probes = (window as unknown as { __probes: { element: Element }[] }).__probes;
    const rects: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const { element } of probes) {
      // A copy that clips its content shows its text only inside its own box.
      const clip = getComputedStyle(element).overflow === 'visible' ? null : element.getBoundingClientRect();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(text);
        for (const raw of range.getClientRects()) {
          const r = clip
            ? { left: Math.max(raw.left, clip.left), top: Math.max(raw.top, clip.top), right: Math.min(raw.right, clip.right), bottom: Math.min(raw.bottom, clip.bottom) }
            : { left: raw.left, top: raw.top, right: raw.right, bottom: raw.bottom };
          const isInView = r.right - r.left > 0 && r.bottom - r.top > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          if (isInView) rects.push(r);
        }
      }
    }
    return rects;
  });
}

/** Waits for Hallway to have read the page (its own idle mark) and drawn what it draws. */
async function settle(page: Page): Promise<void> {
  const before = await page.evaluate(() => performance.getEntriesByName('hallway:idle').length);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('hallway:idle').length + performance.getEntriesByName('hallway:first-idle').length), { timeout: 10_000 }).toBeGreaterThan(before);
  await page.waitForTimeout(600);
}

describe('a page probing whom the user knows', () => {
  let hallway: Hallway;

  beforeAll(async () => {
    hallway = await launch();
    for (const site of SITES) await hallway.serve(site.pattern, fixture(site.fixture));
    const people = await hallway.openPage('src/options/index.html');
    await call(people, 'backup.import', { data: sampleBackup(), mode: 'replace' });
    await people.close();
  });

  afterAll(async () => {
    await hallway?.close();
  });

  for (const site of SITES) {
    it(`learns nothing on ${site.name}, and Hallway marks none of the hidden copies`, async () => {
      const page = await hallway.context.newPage();
      await page.goto(site.url);
      // The visible original is marked: the probe below has something to find.
      await expect.poll(async () => (await markers(page)).filter((m) => m.text.includes(site.who.name)).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForTimeout(600);
      const shownBefore = (await markers(page)).filter((m) => m.text.includes(site.who.name)).length;

      await injectProbes(page, site);
      await settle(page);
      const learned = await readBack(page);

      expect(learned.probes.length).toBe(candidates(site).length * Object.keys(HIDING_STYLES).length);
      // Nothing in the page's highlight registry, nothing changed on any copy.
      expect(learned.highlights).toEqual([]);
      expect(await pageHighlights(page)).toEqual([]);
      for (const probe of learned.probes) {
        expect(probe.after, `${probe.id} hidden by ${probe.style}`).toBe(probe.before);
        expect(probe.mutations, `${probe.id} hidden by ${probe.style}`).toBe(0);
      }
      expect(learned.probes.some((p) => p.isKnown) && learned.probes.some((p) => !p.isKnown)).toBe(true);
      // And the user sees no marker on anything hidden.
      const hidden = await hiddenTextRects(page);
      expect(hidden.length, 'copies laid out in view (opacity 0, 1 px text)').toBeGreaterThan(0);
      const onHidden = (await markers(page)).filter((m) => hidden.some((r) => m.x >= r.left && m.x <= r.right && m.y >= r.top && m.y <= r.bottom));
      expect(onHidden).toEqual([]);
      // The visible original is still marked.
      expect((await markers(page)).filter((m) => m.text.includes(site.who.name)).length).toBeGreaterThanOrEqual(Math.min(shownBefore, 1));
      await page.close();
    });
  }
});
