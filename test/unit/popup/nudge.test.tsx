// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sinceDay } from '../../../src/ui/format';
import type { NudgeView } from '../../../src/shared/views';

const send = vi.fn();
vi.mock('../../../src/shared/protocol', () => ({ send: (...args: unknown[]) => send(...args) }));

const { Nudge } = await import('../../../src/popup/nudge');

const SOUR: NudgeView = {
  threadKey: 'slack:C1:1',
  title: 'Q3 budget',
  level: 'sour',
  score: 0.8,
  reason: 'hostility',
  circling: null,
  isRead: true,
  unreadLanguage: null,
  summary: 'The conversation turned sour at the 6th message: “ridiculous” (insult) and “Per my last email” (passive-aggressive phrase, Grace Hopper).',
  evidence: [
    { author: 'Grace Hopper', phrase: 'Per my last email', reason: 'passive-aggressive phrase', messageIndex: 4 },
    { author: 'Grace Hopper', phrase: '!!!', reason: 'punctuation burst', messageIndex: 4 },
    { author: 'Łukasz Żółć', phrase: 'ridiculous', reason: 'insult', messageIndex: 5 },
  ],
  people: [{ name: 'Grace Hopper', email: null, summary: null }],
  history: null,
  isQuiet: false,
  suggestedMessage: 'Hi Grace, this thread is getting long.',
};

let root: HTMLElement;
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allText = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)].map((e) => e.textContent);

async function show(view: NudgeView, onShown = vi.fn()) {
  send.mockImplementation(async (type: string) => {
    if (type === 'tab.nudge') return view;
    throw new Error(`unexpected ${type}`);
  });
  await act(async () => {
    render(<Nudge tabId={1} onChanged={() => undefined} onShown={onShown} />, root);
  });
  await vi.waitFor(() => expect(byTestId('nudge') ?? byTestId('nudge-unread')).not.toBeNull());
  // Preact runs effects after paint; this lets them run.
  await act(async () => undefined);
  return onShown;
}

beforeEach(() => {
  send.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the nudge in the popup', () => {
  it('says why once: the summary, then only the phrases it does not already quote, folded away', async () => {
    const onShown = await show(SOUR);
    expect(byTestId('nudge-summary')!.textContent).toBe(SOUR.summary);
    expect(allText('nudge-evidence')).toEqual(['“!!!” — punctuation burst (Grace Hopper)']);
    const details = byTestId('nudge-evidence-details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('What else tipped it');
    await vi.waitFor(() => expect(onShown).toHaveBeenCalledWith(byTestId('nudge-headline')));
    expect(byTestId('nudge-headline')!.textContent).toBe('This thread has turned sour');
  });

  it('a circling thread: how often and since when, why a call helps, and a call first', async () => {
    const since = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    await show({
      ...SOUR,
      level: 'calm',
      reason: 'circling',
      circling: { turns: 11, since },
      summary: 'The conversation reads calm.',
      evidence: [],
      suggestedMessage: 'Hi Grace, a quick call?',
    });
    expect(byTestId('nudge')!.dataset.reason).toBe('circling');
    expect(byTestId('nudge-headline')!.textContent).toBe(`This has gone back and forth 11 times ${sinceDay(since)}`);
    expect(byTestId('nudge-headline')!.textContent).toMatch(/since [A-Z][a-z]+day$/u);
    expect(byTestId('nudge-why')!.textContent).toMatch(/lost easily over chat/u);
    expect(root.textContent).not.toMatch(/calm/u);
    const buttons = [...root.querySelectorAll('.nudge-actions button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Copy message', 'We had a call', 'We talked in person', 'Not now']);
  });

  it('leaves out "since" when the thread carries no times', async () => {
    await show({ ...SOUR, level: 'calm', reason: 'circling', circling: { turns: 9, since: null }, evidence: [] });
    expect(byTestId('nudge-headline')!.textContent).toBe('This has gone back and forth 9 times');
  });

  it('an unread thread: one quiet line, no card and never "calm"', async () => {
    const onShown = await show({ ...SOUR, level: 'calm', reason: null, isRead: false, unreadLanguage: 'German', summary: 'The conversation reads calm.' });
    expect(byTestId('nudge')).toBeNull();
    expect(byTestId('nudge-unread')!.textContent).toBe(
      'Hallway reads tone in English only; this conversation looks German, so its tone was not judged.',
    );
    expect(root.textContent).not.toMatch(/calm/u);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onShown).not.toHaveBeenCalled();
  });
});

describe('since when, in words', () => {
  const now = new Date(2026, 10, 27, 15, 0); // a Friday afternoon, local time
  it.each([
    [new Date(2026, 10, 27, 9, 0), 'today'],
    [new Date(2026, 10, 26, 23, 0), 'since yesterday'],
    [new Date(2026, 10, 24, 9, 0), 'since Tuesday'],
  ])('%s is "%s"', (date, words) => {
    expect(sinceDay(date.toISOString(), now)).toBe(words);
  });

  it('a week or more back is a date, with the year only when it was another year', () => {
    expect(sinceDay(new Date(2026, 10, 20, 9, 0).toISOString(), now)).toMatch(/^since .*20/u);
    expect(sinceDay(new Date(2026, 10, 20, 9, 0).toISOString(), now)).not.toMatch(/2026/u);
    expect(sinceDay(new Date(2025, 11, 30).toISOString(), now)).toMatch(/2025/u);
    expect(sinceDay(null, now)).toBe('');
  });
});
