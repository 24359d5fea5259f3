// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../../../src/content/adapters/types';
import type { ContentContext, ContentPolicy } from '../../../src/content/context';
import { DraftChecker, readDraft, type DraftCheckOptions } from '../../../src/content/draft-check';
import { SHOWN_DISPLAY } from '../../../src/content/host-element';
import type { DraftView } from '../../../src/shared/views';
import { RELAXED, testContext } from './test-context';

const HOSTILE: DraftView = {
  level: 'hostile',
  phrases: ['this is useless', '<b>stupid</b>'],
  suggestion: 'Say what you need and why.',
};
const PASSIVE: DraftView = { level: 'passive-aggressive', phrases: ['per my last email'], suggestion: 'Ask directly.' };
const OK: DraftView = { level: 'ok', phrases: [], suggestion: null };

/** Resolves the answers to `check` by hand, in any order. */
function controlledCheck() {
  const calls: { text: string; resolve(view: DraftView | null): void }[] = [];
  const check = vi.fn(
    (text: string) => new Promise<DraftView | null>((resolve) => calls.push({ text, resolve })),
  );
  return { check, calls };
}

function adapterFor(selector: string): SiteAdapter {
  return {
    site: 'slack',
    identityAttributes: [],
    matches: () => true,
    findPeople: () => [],
    textRoots: () => [],
    readThread: () => null,
    findComposeBoxes: (root) => [...root.querySelectorAll<HTMLElement>(selector)],
  };
}

let ctx: ContentContext;
let box: HTMLElement;

function setUp(options: Partial<DraftCheckOptions> & Pick<DraftCheckOptions, 'check'>, policy: Partial<ContentPolicy> = RELAXED): DraftChecker {
  if (policy !== RELAXED) {
    ctx.abort();
    ctx = testContext({ policy });
  }
  return new DraftChecker({
    ctx,
    site: adapterFor('.composer [contenteditable="true"]'),
    isEnabled: true,
    ...options,
  });
}

function host(checker: DraftChecker): HTMLElement | undefined {
  return [...document.documentElement.children].find((node): node is HTMLElement => checker.isOwn(node));
}

function type(text: string, target: HTMLElement = box): void {
  target.textContent = text;
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets the answer's promise and the code after its await run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
}

beforeEach(() => {
  vi.useFakeTimers();
  ctx = testContext();
  // jsdom has no matchMedia; the mark asks it for the system's theme when the page has no background.
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
  document.body.innerHTML = '<div class="composer"><div contenteditable="true" role="textbox"></div></div>';
  box = document.querySelector<HTMLElement>('[contenteditable]')!;
  box.getBoundingClientRect = () => rect(100, 400, 400, 120);
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
});

describe('DraftChecker', () => {
  it('checks once, 500 ms after typing stops, with the box text', async () => {
    const { check } = controlledCheck();
    setUp({ check });
    type('You');
    vi.advanceTimersByTime(300);
    type('You never');
    vi.advanceTimersByTime(300);
    type('You never listen');
    vi.advanceTimersByTime(499);
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith('You never listen');
  });

  it('shows a hostile mark with the phrases as text and the suggestion, at the box corner', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('This is useless. <b>stupid</b>');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();

    const mark = host(checker)!;
    expect(mark).toBeDefined();
    expect(mark.style.getPropertyValue('display')).toBe(SHOWN_DISPLAY);
    // jsdom drops `!important` from a value holding var(); a browser keeps it (the Firefox e2e reads it).
    expect(mark.style.getPropertyPriority('left')).toBe('important');
    expect(mark.style.getPropertyValue('position')).toBe('fixed');
    // Bottom-right corner of the box (right 500, bottom 520), 18 px mark moved 6 px up and left.
    expect(mark.style.getPropertyValue('left')).toBe('476px');
    expect(mark.style.getPropertyValue('top')).toBe('496px');

    const shadow = mark.shadowRoot!;
    const button = shadow.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Hallway: this draft may read as hostile');
    expect(button.className).toContain('hostile');
    const items = [...shadow.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['“this is useless”', '“<b>stupid</b>”']);
    // Page-derived strings are text, never markup.
    expect(shadow.querySelector('li b')).toBeNull();
    expect(shadow.textContent).toContain('Say what you need and why.');
  });

  it("takes the page's theme, not the system's", async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('This is useless.');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    const wrap = host(checker)!.shadowRoot!.querySelector('div')!;
    expect(wrap.getAttribute('style')).toBe('color-scheme: light;');

    document.body.style.backgroundColor = 'rgb(31, 31, 31)';
    type('This is still useless.');
    vi.advanceTimersByTime(500);
    calls[1]!.resolve(HOSTILE);
    await settle();
    expect(wrap.getAttribute('style')).toBe('color-scheme: dark;');
  });

  it('opens the popover on hover and on focus, without taking focus on click', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('per my last email');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(PASSIVE);
    await settle();

    const shadow = host(checker)!.shadowRoot!;
    const button = shadow.querySelector('button')!;
    const popover = shadow.querySelector<HTMLElement>('[role="tooltip"]')!;
    expect(button.getAttribute('aria-label')).toBe('Hallway: this draft may read as passive-aggressive');
    expect(popover.hidden).toBe(true);

    button.parentElement!.dispatchEvent(new MouseEvent('mouseenter'));
    expect(popover.hidden).toBe(false);
    button.parentElement!.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(200);
    expect(popover.hidden).toBe(true);

    button.focus();
    expect(popover.hidden).toBe(false);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(popover.hidden).toBe(true);

    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
  });

  it('hides the mark when the draft becomes fine', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('You never listen, this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)!.style.getPropertyValue('display')).toBe(SHOWN_DISPLAY);

    type('Could we talk about this?');
    vi.advanceTimersByTime(500);
    calls[1]!.resolve(OK);
    await settle();
    expect(host(checker)!.style.getPropertyValue('display')).toBe('none');
  });

  it('hides the mark at once when the box is emptied, without asking', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();

    type('   ');
    expect(host(checker)!.style.getPropertyValue('display')).toBe('none');
    vi.advanceTimersByTime(500);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('removes the mark when the box is cleared or removed without an input event', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();

    // A chat clears its box on send without an input event.
    box.textContent = '';
    vi.advanceTimersByTime(400);
    expect(host(checker)!.style.getPropertyValue('display')).toBe('none');

    type('this is useless again');
    vi.advanceTimersByTime(500);
    calls[1]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)!.style.getPropertyValue('display')).toBe(SHOWN_DISPLAY);
    box.remove();
    vi.advanceTimersByTime(400);
    expect(host(checker)!.style.getPropertyValue('display')).toBe('none');
  });

  it('ignores a slower answer to an older check', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    type('Thanks, could we talk?');
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(2);

    calls[1]!.resolve(OK);
    await settle();
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)).toBeUndefined();
  });

  it('stops and removes the mark when switched off, and starts again when switched on', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)).toBeDefined();

    checker.setEnabled(false);
    expect(host(checker)).toBeUndefined();
    type('this is still useless');
    vi.advanceTimersByTime(1000);
    expect(check).toHaveBeenCalledTimes(1);

    checker.setEnabled(true);
    type('and again useless');
    vi.advanceTimersByTime(500);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('drops an answer that arrives after it was switched off', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    checker.setEnabled(false);
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)).toBeUndefined();
  });

  it('never writes to the box', async () => {
    const { check, calls } = controlledCheck();
    setUp({ check });
    box.innerHTML = '<p>You never <b>listen</b></p><p>this is useless</p>';
    const before = box.innerHTML;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(500);
    expect(calls[0]!.text).toBe('You never listen\nthis is useless');
    calls[0]!.resolve(HOSTILE);
    await settle();
    vi.advanceTimersByTime(2000);
    expect(box.innerHTML).toBe(before);
    expect(box.parentElement!.children).toHaveLength(1);
  });

  it('ignores events the page dispatches itself', () => {
    const { check } = controlledCheck();
    // The default trust check: jsdom's events, like a page's own, are untrusted.
    setUp({ check }, { shadowMode: 'open' });
    type('this is useless');
    vi.advanceTimersByTime(1000);
    expect(check).not.toHaveBeenCalled();
  });

  it('ignores editors that are not compose boxes, and pages without an adapter', () => {
    const { check } = controlledCheck();
    const search = document.createElement('textarea');
    document.body.append(search);
    setUp({ check });
    search.value = 'this is useless';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(check).not.toHaveBeenCalled();

    ctx.abort();
    ctx = testContext();
    setUp({ check, site: null });
    type('this is useless');
    vi.advanceTimersByTime(1000);
    expect(check).not.toHaveBeenCalled();
  });

  it('stays off until enabled', () => {
    const { check } = controlledCheck();
    const checker = setUp({ check, isEnabled: undefined });
    type('this is useless');
    vi.advanceTimersByTime(1000);
    expect(check).not.toHaveBeenCalled();
    checker.setEnabled(true);
    type('this is useless');
    vi.advanceTimersByTime(500);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('finds a box again on focus (a re-rendered composer)', () => {
    const { check } = controlledCheck();
    setUp({ check });
    type('first');
    vi.advanceTimersByTime(500);
    box.parentElement!.innerHTML = '<div contenteditable="true" role="textbox"></div>';
    const fresh = document.querySelector<HTMLElement>('[contenteditable]')!;
    fresh.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    type('second', fresh);
    vi.advanceTimersByTime(500);
    expect(check).toHaveBeenLastCalledWith('second');
  });

  it('removes a mark the page tampers with, and builds a new one on the next check', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    const first = host(checker)!;

    first.style.setProperty('opacity', '0', 'important');
    await settle();
    expect(first.isConnected).toBe(false);
    expect(host(checker)).toBeUndefined();

    type('this is really useless');
    vi.advanceTimersByTime(500);
    calls[1]!.resolve(HOSTILE);
    await settle();
    const second = host(checker)!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(second.tagName).not.toBe(first.tagName);
  });

  it('rebuilds a mark the page removed', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    host(checker)!.remove();
    vi.advanceTimersByTime(400);

    type('this is really useless');
    vi.advanceTimersByTime(500);
    calls[1]!.resolve(PASSIVE);
    await settle();
    expect(host(checker)!.shadowRoot!.querySelector('button')!.className).toContain('passive-aggressive');
  });

  it('uses a closed shadow root by default', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check }, { isTrusted: () => true });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)!.shadowRoot).toBeNull();
  });

  it('keeps the mark hidden while the box is scrolled out of view', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    box.getBoundingClientRect = () => rect(100, -400, 400, 120);
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    expect(host(checker)!.style.getPropertyValue('display')).toBe('none');
  });

  it('goes away when the content context ends', async () => {
    const { check, calls } = controlledCheck();
    const checker = setUp({ check });
    type('this is useless');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve(HOSTILE);
    await settle();
    ctx.abort();
    expect(host(checker)).toBeUndefined();
    type('more');
    vi.advanceTimersByTime(1000);
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe('readDraft', () => {
  it('reads a textarea value', () => {
    const area = document.createElement('textarea');
    area.value = 'per my last email';
    expect(readDraft(area)).toBe('per my last email');
  });

  it('leaves out quoted history: Gmail, blockquotes, and everything after Outlook\'s marker', () => {
    const editor = document.createElement('div');
    editor.innerHTML = [
      '<div>Sounds good,<br>see you then</div>',
      '<blockquote>you are useless</blockquote>',
      '<div class="gmail_quote"><div class="gmail_attr">On Mon, Grace wrote:</div>idiots</div>',
      '<div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: Grace</div><div>this is stupid</div></div>',
    ].join('');
    expect(readDraft(editor)).toBe('Sounds good,\nsee you then\n');
  });

  it('stops at 5,000 characters', () => {
    const editor = document.createElement('div');
    for (let i = 0; i < 200; i++) {
      const line = document.createElement('p');
      line.textContent = 'x'.repeat(99);
      editor.append(line);
    }
    expect(readDraft(editor)).toHaveLength(5000);
  });
});
