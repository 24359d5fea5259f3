// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '../../../src/content/annotator';
import type { ContentContext } from '../../../src/content/context';
import { FakePainter, fakeLookup, fakeSite, painted } from './fakes';
import { testContext } from './test-context';

let ctx: ContentContext;
let painter: FakePainter;

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

beforeEach(() => {
  painter = new FakePainter();
  ctx = testContext();
});

afterEach(() => {
  ctx.abort();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('Annotator', () => {
  it('marks the people it was given states for, each in the look of its state', async () => {
    const { lookup } = fakeLookup({ 'ada@example.com': 'known', 'grace@example.com': 'noted', 'bob@example.com': 'uncertain' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.process(
      page(
        '<p><span data-email="ada@example.com">Ada Lovelace</span> wrote to <span data-email="grace@example.com">Grace Hopper</span>, ' +
          '<span data-email="bob@example.com">Bob</span> and <span data-email="new@example.com">Newcomer</span></p>',
      ),
    );
    await annotator.flush();
    expect(painted(painter, 'known')).toEqual(['Ada Lovelace']);
    expect(painted(painter, 'noted')).toEqual(['Grace Hopper']);
    expect(painted(painter, 'uncertain')).toEqual(['Bob']);
    expect(painted(painter, 'unknown')).toEqual(['Newcomer']);
  });

  it('paints nothing for the user themself or for a list address', async () => {
    const { lookup } = fakeLookup({ 'me@example.com': 'self', 'team@example.com': 'none' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.process(page('<span data-email="me@example.com">me</span><span data-email="team@example.com">Team</span>'));
    await annotator.flush();
    expect(painter.states.size).toBe(0);
    const [me] = document.querySelectorAll('span');
    expect(annotator.markForElement(me!)).toBeNull();
  });

  it('asks once for a person shown many times, and only about new people later', async () => {
    const { lookup, batches } = fakeLookup({ 'ada@example.com': 'known' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    const body = page('<span data-email="ada@example.com">Ada</span><span data-email="ada@example.com">Ada L.</span>');
    annotator.process(body);
    await annotator.flush();
    const more = document.createElement('span');
    more.setAttribute('data-email', 'grace@example.com');
    more.textContent = 'Grace';
    body.append(more);
    annotator.process(body);
    await annotator.flush();
    expect(batches).toEqual([['ada@example.com'], ['grace@example.com']]);
    expect(painted(painter, 'known')).toEqual(['Ada', 'Ada L.']);
  });

  it('repaints every mark when the directory changes', async () => {
    const { lookup, states } = fakeLookup({ 'ada@example.com': 'unknown' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.process(page('<span data-email="ada@example.com">Ada</span>'));
    await annotator.flush();
    expect(painted(painter, 'unknown')).toEqual(['Ada']);
    states['ada@example.com'] = 'noted';
    await annotator.refresh();
    expect(painted(painter, 'unknown')).toEqual([]);
    expect(painted(painter, 'noted')).toEqual(['Ada']);
  });

  it('moves the mark when a recycled row shows someone else', async () => {
    const { lookup } = fakeLookup({ 'ada@example.com': 'known', 'grace@example.com': 'noted' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    const body = page('<div><span data-email="ada@example.com">Ada</span></div>');
    annotator.process(body);
    await annotator.flush();
    const row = body.querySelector('span')!;
    row.setAttribute('data-email', 'grace@example.com');
    row.textContent = 'Grace';
    annotator.process(body);
    await annotator.flush();
    expect(painted(painter, 'known')).toEqual([]);
    expect(painted(painter, 'noted')).toEqual(['Grace']);
    expect(annotator.markForElement(row)?.identity.email).toBe('grace@example.com');
  });

  it('marks known names in message text, but not unknown ones, and never inside an editor', async () => {
    const { lookup } = fakeLookup({ 'Grace Hopper': 'known' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.setNames([
      { key: 'p1', name: 'Grace Hopper' },
      { key: 'p2', name: 'Alan Turing' },
    ]);
    annotator.process(
      page('<div data-text>Ask Grace Hopper or Alan Turing.</div><div data-text><div contenteditable="true">Grace Hopper</div></div>'),
    );
    await annotator.flush();
    expect(painted(painter, 'known')).toEqual(['Grace Hopper']);
    expect(painted(painter, 'unknown')).toEqual([]);
  });

  it('says who the page shows, once each, without names guessed from prose or people who left the page', async () => {
    const { lookup } = fakeLookup({ 'Grace Hopper': 'known' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.setNames([{ key: 'p1', name: 'Grace Hopper' }]);
    const body = page(
      '<span data-email="ada@example.com">Ada Lovelace</span><span data-email="ada@example.com"></span>' +
        '<span data-email="bob@example.com">Bob</span><div data-text>Ask Grace Hopper, or write to carol@example.com.</div>',
    );
    annotator.process(body);
    await annotator.flush();
    expect(annotator.people()).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: 'Bob', email: 'bob@example.com' },
      { email: 'carol@example.com' },
    ]);
    body.querySelector('[data-email="bob@example.com"]')!.remove();
    expect(annotator.people().map((p) => p.email)).toEqual(['ada@example.com', 'carol@example.com']);
  });

  it('caches nothing from a failed lookup and asks again on refresh', async () => {
    let isFailing = true;
    const lookup = vi.fn(async (identities: unknown[]) => (isFailing ? null : identities.map(() => 'known' as const)));
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.process(page('<span data-email="ada@example.com">Ada</span>'));
    await annotator.flush();
    expect(painted(painter, 'known')).toEqual([]);
    isFailing = false;
    await annotator.refresh();
    expect(painted(painter, 'known')).toEqual(['Ada']);
  });

  it('hides every marker in privacy mode and shows them again', async () => {
    const { lookup } = fakeLookup({ 'ada@example.com': 'known' });
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup });
    annotator.process(page('<span data-email="ada@example.com">Ada</span>'));
    await annotator.flush();
    annotator.setShown(false);
    expect(painter.isShown).toBe(false);
    expect(annotator.markForElement(document.querySelector('span'))).toBeNull();
    annotator.setShown(true);
    expect(painted(painter, 'known')).toEqual(['Ada']);
  });

  it('stops marking past its cap on a flooded page, and says so', async () => {
    const { lookup } = fakeLookup({});
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup, caps: { page: 50, text: 20 } });
    const spans = Array.from({ length: 80 }, (_, i) => `<span data-email="p${i}@example.com">Person ${i}</span>`).join('');
    annotator.process(page(`<div>${spans}</div>`));
    await annotator.flush();
    expect(annotator.isCapped).toBe(true);
    expect(painter.states.size).toBe(50);
    // Those already marked stay marked; nothing more is taken on.
    expect(painted(painter, 'unknown')).toContain('Person 0');
    expect(painted(painter, 'unknown')).not.toContain('Person 51');
  });

  it('marks a run of text with thousands of addresses only up to its share, and says so', async () => {
    const { lookup } = fakeLookup({});
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup, caps: { page: 50, text: 20 } });
    const addresses = Array.from({ length: 500 }, (_, i) => `p${i}@example.com`).join(', ');
    annotator.process(page(`<div data-text>${addresses}</div>`));
    await annotator.flush();
    expect(painter.states.size).toBe(20);
    expect(annotator.isCapped).toBe(true);
  });

  it('an ordinary page is not capped', async () => {
    const { lookup } = fakeLookup({});
    const annotator = new Annotator({ ctx, site: fakeSite, painter, lookup, caps: { page: 2, text: 2 } });
    annotator.process(page('<p data-text>Ask ada@example.com or grace@example.com</p>'));
    await annotator.flush();
    expect(painter.states.size).toBe(2);
    expect(annotator.isCapped).toBe(false);
  });
});
