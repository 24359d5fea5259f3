import { describe, expect, it } from 'vitest';
import { extractFeatures, tokenize } from '../../../src/shared/tone/features';

const f = (text: string): Map<string, number> => extractFeatures(text).values;
const kinds = (text: string): string[] => extractFeatures(text).cues.map((c) => `${c.kind}:${c.phrase}`);

describe('tokenize', () => {
  it('keeps contractions, curly apostrophes and sentence starts', () => {
    const tokens = tokenize('I don’t know. Why? ok');
    expect(tokens.map((t) => t.w)).toEqual(['i', "don't", 'know', 'why', 'ok']);
    expect(tokens.filter((t) => t.isSentenceStart).map((t) => t.w)).toEqual(['i', 'why', 'ok']);
  });
});

describe('politeness strategies', () => {
  it('finds gratitude, apology, greeting and hedges', () => {
    const v = f('Hi Sam, sorry for the delay. I think it might work, thanks!');
    expect(v.get('pol.greeting')).toBe(1);
    expect(v.get('pol.apology')).toBe(1);
    expect(v.get('pol.gratitude')).toBe(1);
    expect(v.get('pol.hedge')).toBeGreaterThanOrEqual(2);
  });

  it('tells indirect requests from direct questions and second-person starts', () => {
    expect(f('Could you take a look?').get('pol.counterfactual')).toBe(1);
    expect(f('Would you mind reviewing it?').get('pol.counterfactual')).toBe(1);
    expect(f('Can you take a look?').get('pol.indicative')).toBe(1);
    expect(f('Why did you change it?').get('pol.direct_question')).toBe(1);
    expect(f('Why did you change it').get('pol.direct_question')).toBeUndefined();
    expect(f('You changed it.').get('pol.second_start')).toBe(1);
    expect(f('Please review.').get('pol.please_start')).toBe(1);
    expect(f('Review it, please.').get('pol.please')).toBe(1);
  });
});

describe('hostility markers', () => {
  it('finds insults and whether they are aimed at someone', () => {
    expect(kinds('That is a stupid plan')).toContain('insult:stupid');
    expect(kinds('You are an idiot')).toContain('insult-at-you:You are an idiot');
    expect(f('You are an idiot').get('hos.insult_you')).toBe(1);
    // Self-deprecation is not an attack.
    expect(kinds('I was being stupid, sorry')).toEqual([]);
  });

  it('finds profanity and swearing at someone', () => {
    expect(kinds('this shit again')).toContain('profanity:shit');
    expect(kinds('screw you')).toContain('profanity-at-you:screw you');
  });

  it('finds shouting but not acronyms', () => {
    expect(kinds('FIX IT NOW please')).toContain('shouting:FIX IT NOW');
    expect(kinds('The API and SLA for EU are fine')).toEqual([]);
    expect(kinds('Please send the JSON ASAP')).toEqual([]);
    expect(kinds('This is NEVER going to work')).toContain('emphasis:NEVER');
  });

  it('finds "!!!" and "?!" bursts', () => {
    expect(f('Really?!').get('hos.burst')).toBe(1);
    expect(f('Done!!!').get('hos.burst')).toBe(1);
    expect(f('Done!').get('hos.burst')).toBeUndefined();
  });

  it('finds passive-aggressive phrases once, in their longest form', () => {
    const cues = kinds('Per my last email, as previously stated. Just circling back again. Thanks for finally replying.');
    expect(cues).toEqual([
      'passive-aggressive:Per my last email',
      'passive-aggressive:as previously stated',
      'passive-aggressive:Just circling back again',
      'passive-aggressive:Thanks for finally',
    ]);
  });

  it('finds sarcasm cues and friendliness', () => {
    expect(kinds('Oh great, another outage')).toContain('sarcasm:Oh great');
    expect(f('this bug is killing me lol').get('fr.friendly')).toBe(1);
    expect(f('nice 😂').get('fr.friendly')).toBe(1);
  });

  it('leaves bad news about systems alone', () => {
    const v = f('Critical outage: the deploy failed, rolling back.');
    expect([...v.keys()].filter((k) => k.startsWith('hos.'))).toEqual([]);
    expect(v.get('s.neg_you')).toBeUndefined();
  });
});
