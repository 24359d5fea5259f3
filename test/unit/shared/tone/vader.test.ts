import { describe, expect, it } from 'vitest';
import { lexiconValence, sentiment, vaderTokens } from '../../../../src/shared/tone/vader';

const compound = (text: string): number => sentiment(text).compound;

describe('VADER sentiment', () => {
  it('carries the lexicon', () => {
    expect(lexiconValence('good')).toBe(1.9);
    expect(lexiconValence('HORRIBLE')).toBeLessThan(-2);
    expect(lexiconValence('deploy')).toBeUndefined();
  });

  it('negates in any case: "NOT acceptable" is negative', () => {
    expect(compound('this is acceptable')).toBeGreaterThan(0);
    expect(compound('this is not acceptable')).toBeLessThan(0);
    expect(compound('this is NOT acceptable')).toBeLessThan(0);
    expect(compound("This ISN'T acceptable")).toBeLessThan(0);
  });

  it('negates each word once, so a repeated negated phrase stays negative', () => {
    expect(compound("don't care")).toBeLessThan(0);
    expect(compound("DON'T CARE DON'T CARE #royalwedding")).toBeLessThan(compound("don't care"));
  });

  it('reads "D:" as dismay and ":D" as a grin', () => {
    expect(compound('my phone died D:')).toBeLessThan(0);
    expect(compound('got the job :D')).toBeGreaterThan(0);
  });

  it('reads "not bad" as mildly positive', () => {
    const notBad = compound('not bad');
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(compound('good'));
    expect(compound('bad')).toBeLessThan(0);
  });

  it('treats capitals as emphasis when only some words are capitalised', () => {
    expect(compound('This is GREAT')).toBeGreaterThan(compound('This is great'));
    expect(compound('This is TERRIBLE')).toBeLessThan(compound('This is terrible'));
    // All-capitals text has no contrast to read emphasis from.
    expect(compound('THIS IS GREAT')).toBeCloseTo(compound('this is great'), 5);
  });

  it('applies boosters, dampeners, "but", punctuation and idioms', () => {
    expect(compound('the fix is very good')).toBeGreaterThan(compound('the fix is good'));
    expect(compound('the fix is slightly good')).toBeLessThan(compound('the fix is good'));
    expect(compound('the fix is good!!!')).toBeGreaterThan(compound('the fix is good'));
    // What follows "but" dominates.
    expect(compound('the docs are great but the api is terrible')).toBeLessThan(0);
    expect(compound('yeah right')).toBeLessThan(0);
    expect(compound('at least it works')).toBeCloseTo(compound('it works'), 5);
  });

  it('keeps emoticons and drops one-letter words', () => {
    expect(vaderTokens('ok :) a test, fine.')).toEqual(['ok', ':)', 'test', 'fine']);
    expect(compound('ok :)')).toBeGreaterThan(0);
  });

  it('is neutral without sentiment words', () => {
    expect(sentiment('The meeting moved to room 4.')).toMatchObject({ compound: 0, neu: 1 });
    expect(sentiment('')).toMatchObject({ compound: 0 });
  });
});
