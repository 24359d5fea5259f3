import { describe, expect, it } from 'vitest';
import { analyzeMessage, checkDraft } from '../../../../src/shared/tone/index';

describe('analyzeMessage', () => {
  it('scores hostility 0..1 with evidence', () => {
    const tone = analyzeMessage('You are an idiot. FIX IT NOW!!!');
    expect(tone.score).toBeGreaterThan(0.8);
    expect(tone.sentiment).toBeLessThan(0);
    expect(tone.evidence.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['insult aimed at someone', 'shouting (all capitals)', 'punctuation burst']),
    );
    expect(tone.evidence.every((e) => e.message === 0)).toBe(true);
  });

  it('keeps ordinary work messages low', () => {
    for (const text of [
      'Hi all, the deploy is done.',
      'Can you review my PR when you have a minute?',
      'Critical outage, deploy failed, rolling back.',
      'The API returns 500 for EU customers; investigating.',
    ]) {
      expect(analyzeMessage(text).score, text).toBeLessThan(0.15);
    }
  });

  it('does not read banter as hostility', () => {
    expect(analyzeMessage('this bug is killing me lol').score).toBeLessThan(0.15);
    expect(analyzeMessage('you legend!!!').score).toBeLessThan(0.15);
    expect(analyzeMessage('holy shit that was fast haha').score).toBeLessThan(0.15);
  });

  it('rates polite requests above blunt ones', () => {
    const polite = analyzeMessage('Hi Sam, could you please send the numbers when you get a chance? Thanks!');
    const blunt = analyzeMessage('Why haven’t you sent the numbers?');
    expect(polite.politeness).toBeGreaterThan(0.7);
    expect(blunt.politeness).toBeLessThan(0.3);
    expect(polite.politeness).toBeGreaterThan(blunt.politeness);
  });

  it('is deterministic', () => {
    const text = 'Per my last email, please advise.';
    expect(analyzeMessage(text)).toEqual(analyzeMessage(text));
  });
});

describe('checkDraft', () => {
  it('passes an ordinary draft', () => {
    expect(checkDraft('Thanks, I will have a look tomorrow.')).toEqual({ level: 'ok', phrases: [], suggestion: null });
  });

  it('flags passive aggression with the phrases', () => {
    const draft = checkDraft('Per my last email, as previously stated, the deadline is Friday.');
    expect(draft.level).toBe('passive-aggressive');
    expect(draft.phrases).toEqual(['Per my last email', 'as previously stated']);
    expect(draft.suggestion).toMatch(/directly/);
  });

  it('flags hostility', () => {
    const draft = checkDraft('This is garbage, are you kidding me?!');
    expect(draft.level).toBe('hostile');
    expect(draft.phrases).toEqual(expect.arrayContaining(['are you kidding me']));
    expect(draft.suggestion).toMatch(/call/);
  });
});

describe('checkDraft on workplace reproach', () => {
  it('asks a reminder of what was already said to be put directly', () => {
    const draft = checkDraft('As I mentioned in my previous message, I told you Friday. It’s Monday.');
    expect(draft.level).toBe('passive-aggressive');
    expect(draft.phrases).toEqual(expect.arrayContaining(['As I mentioned in my previous message', 'I told you']));
  });

  it('reads a threat to escalate as hostile', () => {
    expect(checkDraft("You clearly don't care about the process. I'll take it to your manager.").level).toBe('hostile');
  });

  it('reads only the draft, not the quoted thread under it', () => {
    const reply = 'Thanks, I will look at it today.\n\nOn Mon, 3 Nov 2026 at 09:12, Sam <sam@example.com> wrote:\n> Per my last email, this is unacceptable.';
    expect(checkDraft(reply).level).toBe('ok');
  });
});
