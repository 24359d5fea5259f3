/**
 * Hashed word and character n-grams: the open vocabulary of the message model. A fixed number of
 * buckets keeps the shipped weights small whatever words the training data held, and a word the model
 * never saw still lands in a bucket its spelling shares with words it did ("idiots", "idiotic").
 */
import type { Token } from './features';

/** Buckets of the hashed feature space; a power of two so a mask picks the bucket. */
export const HASH_BITS = 15;
const MASK = (1 << HASH_BITS) - 1;

/** Character n-grams are taken inside words, with the word's edges marked, so "stupid" and "stupidity" share theirs. */
const CHAR_N = 4;
/** Longer words are mostly identifiers, hashes or URLs pasted as text: their letters say nothing about tone. */
const MAX_WORD = 24;

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD_SEED = 0x811c9dc5;
const PAIR_SEED = 0x9e3779b9;
const CHAR_SEED = 0x85ebca6b;

/**
 * The distinct buckets a message's tokens fall in: each word, each pair of neighbouring words in a
 * sentence, and each character 4-gram of a word. Sorted, so the same text always gives the same array.
 */
export function hashedBuckets(tokens: readonly Token[]): Uint32Array {
  const seen = new Set<number>();
  let previous: Token | undefined;
  for (const t of tokens) {
    const w = t.w.length > MAX_WORD ? t.w.slice(0, MAX_WORD) : t.w;
    seen.add(fnv(w, WORD_SEED) & MASK);
    if (previous && previous.sentence === t.sentence) seen.add(fnv(`${previous.w} ${w}`, PAIR_SEED) & MASK);
    else seen.add(fnv(`^ ${w}`, PAIR_SEED) & MASK);
    if (w.length >= CHAR_N - 1 && !/\d/.test(w)) {
      const edged = `<${w}>`;
      for (let i = 0; i + CHAR_N <= edged.length; i++) seen.add(fnv(edged.slice(i, i + CHAR_N), CHAR_SEED) & MASK);
    }
    previous = t;
  }
  return Uint32Array.from(seen).sort();
}
