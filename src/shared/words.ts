import { foldName } from './identity';

/**
 * Words for the search index: folded (case and accents), split on anything that is not a letter,
 * digit or mark, so "Kubernetes", "kubernetes," and "KUBERNETES" all index as one word. Emails are
 * also kept whole so "dana@example.com" is found by its address.
 */
export function wordsOf(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = foldName(text);
    for (const word of folded.split(/[^\p{L}\p{N}@._+-]+/u)) {
      const trimmed = word.replace(/^[._+-]+|[._+-]+$/gu, '');
      if (!trimmed) continue;
      words.add(trimmed);
      // "k8s-operator" and "dana@example.com" are also found by their parts.
      if (/[@._+-]/u.test(trimmed)) {
        for (const part of trimmed.split(/[@._+-]+/u)) if (part.length > 1) words.add(part);
      }
    }
  }
  return [...words];
}

// Question framing that carries no meaning for a directory search ("who knows about Kubernetes?").
const FILLER = new Set([
  'who', 'whom', 'knows', 'know', 'knowing', 'about', 'is', 'are', 'the', 'a', 'an', 'of', 'on',
  'in', 'for', 'with', 'to', 'what', 'anyone', 'someone', 'somebody', 'expert', 'experts', 'can',
  'help', 'me', 'ask', 'and', 'or', 'does',
]);

/** The words of a search query that should narrow the results. */
export function queryWords(query: string): string[] {
  const words = wordsOf(query).filter((w) => !/[@._+-]/u.test(w) || w.includes('@'));
  const meaningful = words.filter((w) => !FILLER.has(w));
  return meaningful.length ? meaningful : words;
}
