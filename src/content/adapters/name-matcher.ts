/**
 * Finds known people's full names in prose.
 *
 * Why not one alternation RegExp with `\b`: `\b` only knows ASCII word characters, so it misses
 * names such as Ørjan or Łukasz, and an alternation of 2,000 names is slow to build and to run
 * (see DESIGN.md, "Performance budgets"). Instead the text is split into word tokens (maximal runs of
 * letters, numbers and combining marks, so a name never matches inside a longer word), each token is
 * folded (NFD, marks stripped, lower-cased, ł and ø as l and o), and names are looked up by their first folded token in a
 * Map, then checked token by token. Offsets come from the original string, untouched.
 */

import { foldText } from '../../shared/identity';

export interface NameEntry {
  /** The caller's key for the person (a record id). */
  key: string;
  name: string;
}

export interface NameMatch {
  key: string;
  /** Offset in the original string (UTF-16 code units). */
  index: number;
  length: number;
}

interface Candidate {
  /** Folded tokens after the first one. */
  rest: string[];
  /** Normalised separators between consecutive tokens (`seps[0]` sits between token 0 and 1). */
  seps: string[];
  keys: string[];
}

export interface NameMatcher {
  /** First folded token → candidates, longest first. */
  readonly byFirstToken: ReadonlyMap<string, readonly Candidate[]>;
}

const TOKEN_RE = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_RE = /^\p{ASCII}*$/u;
// Typographic apostrophes (’ ʼ ‘ ′) and hyphens (‐ ‑ ‒ –) are written interchangeably with ' and -.
const APOSTROPHES_RE = /[\u2019\u02bc\u2018\u2032`´]/gu;
const HYPHENS_RE = /[\u2010\u2011\u2012\u2013]/gu;
const SPACES_RE = /[\s\u00a0\u202f]+/gu;

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Case- and accent-insensitive form of one token. */
export function foldToken(token: string): string {
  if (ASCII_RE.test(token)) return token.toLowerCase();
  let folded = foldCache.get(token);
  if (folded === undefined) {
    // The identity module's folding, so "Lukasz" finds Łukasz and "Orjan Odegard" finds Ørjan Ødegård:
    // ł, ø and the like have no combining mark to strip.
    folded = foldText(token);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(token, folded);
  }
  return folded;
}

function normalizeSeparator(separator: string): string {
  return separator.replace(SPACES_RE, ' ').replace(APOSTROPHES_RE, "'").replace(HYPHENS_RE, '-');
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, folded: foldToken(match[0]) });
  }
  return tokens;
}

export function buildNameMatcher(names: readonly NameEntry[]): NameMatcher {
  const byFirstToken = new Map<string, Candidate[]>();
  const byFullForm = new Map<string, Candidate>();
  for (const { key, name } of names) {
    const tokens = tokenize(name);
    const first = tokens[0];
    if (!first) continue;
    const rest = tokens.slice(1).map((token) => token.folded);
    const seps = tokens.slice(1).map((token, i) => normalizeSeparator(name.slice(tokens[i]?.end ?? 0, token.start)));
    const fullForm = [first.folded, ...rest.flatMap((token, i) => [seps[i], token])].join('\u0000');
    const existing = byFullForm.get(fullForm);
    if (existing) {
      if (!existing.keys.includes(key)) existing.keys.push(key);
      continue;
    }
    const candidate: Candidate = { rest, seps, keys: [key] };
    byFullForm.set(fullForm, candidate);
    const list = byFirstToken.get(first.folded);
    if (list) list.push(candidate);
    else byFirstToken.set(first.folded, [candidate]);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return { byFirstToken };
}

/**
 * Known names in text, left to right. Where names overlap, the longest one starting first wins;
 * two people sharing one name both get a match over the same range (a display name is weak).
 */
export function findNamesInText(text: string, matcher: NameMatcher): NameMatch[] {
  const matches: NameMatch[] = [];
  if (matcher.byFirstToken.size === 0) return matches;
  const tokens = tokenize(text);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const candidates = matcher.byFirstToken.get(token.folded);
    let consumed = 1;
    if (candidates) {
      for (const candidate of candidates) {
        if (matchesAt(text, tokens, i, candidate)) {
          const last = tokens[i + candidate.rest.length] as Token;
          for (const key of candidate.keys) matches.push({ key, index: token.start, length: last.end - token.start });
          consumed = candidate.rest.length + 1;
          break;
        }
      }
    }
    i += consumed;
  }
  return matches;
}

function matchesAt(text: string, tokens: readonly Token[], at: number, candidate: Candidate): boolean {
  for (let k = 0; k < candidate.rest.length; k++) {
    const previous = tokens[at + k];
    const next = tokens[at + k + 1];
    if (!previous || !next || next.folded !== candidate.rest[k]) return false;
    if (normalizeSeparator(text.slice(previous.end, next.start)) !== candidate.seps[k]) return false;
  }
  return true;
}
