/**
 * Turns one message into named features (for the linear models) and cues (phrases a person can be
 * shown as evidence). Shared by the shipped analysis and by the training and evaluation tools, so both
 * see exactly the same inputs.
 */
import * as L from './lexicons';
import { hashedBuckets } from './hashing';
import { lexiconValence, sentiment, type SentimentResult } from './vader';

export interface Token {
  /** Lower-cased word with straight apostrophes. */
  w: string;
  start: number;
  end: number;
  /** Index of the sentence the token belongs to; sentence starts are where strategies such as direct questions live. */
  sentence: number;
  isSentenceStart: boolean;
}

export type CueKind =
  | 'insult'
  | 'insult-at-you'
  | 'profanity'
  | 'profanity-at-you'
  | 'hostile-phrase'
  | 'dismissive'
  | 'passive-aggressive'
  | 'sarcasm'
  | 'shouting'
  | 'emphasis'
  | 'burst'
  | 'angry-emoji'
  | 'escalation'
  | 'record'
  | 'medium'
  | 'bad-faith'
  | 'rhetorical'
  | 'reproach'
  | 'friendly';

export interface Cue {
  kind: CueKind;
  /** The words as written in the message. */
  phrase: string;
  start: number;
}

export interface MessageFeatures {
  /** Sparse feature vector: name → value. Word features are `w:<word>`. */
  values: Map<string, number>;
  cues: Cue[];
  sentiment: SentimentResult;
  tokens: Token[];
  /** Hashed word and character n-grams (see hashing.ts). */
  buckets: Uint32Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  let isStart = true;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    // A sentence ends at . ! ? or a line break between the previous word and this one.
    if (/[.!?\n]/.test(text.slice(last, start))) {
      if (tokens.length) sentence++;
      isStart = true;
    }
    tokens.push({
      w: m[0].toLowerCase().replace(/’/g, "'"),
      start,
      end: start + m[0].length,
      sentence,
      isSentenceStart: isStart,
    });
    isStart = false;
    last = start + m[0].length;
  }
  return tokens;
}

interface PhraseSet {
  byFirst: Map<string, string[][]>;
}

function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = tokenize(p).map((t) => t.w);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(words);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst };
}

/** Longest phrase of the set starting at token i, as its length in tokens, or 0. */
function matchAt(set: PhraseSet, tokens: Token[], i: number): number {
  const candidates = set.byFirst.get(tokens[i]!.w);
  if (!candidates) return 0;
  outer: for (const words of candidates) {
    if (i + words.length > tokens.length) continue;
    for (let k = 1; k < words.length; k++) if (tokens[i + k]!.w !== words[k]) continue outer;
    return words.length;
  }
  return 0;
}

const SETS = {
  insult: phraseSet(L.INSULTS),
  profanity: phraseSet(L.PROFANITY),
  hostile: phraseSet(L.HOSTILE_PHRASES),
  dismissive: phraseSet(L.DISMISSIVE_PHRASES),
  pa: phraseSet(L.PASSIVE_AGGRESSIVE),
  sarcasm: phraseSet(L.SARCASM),
  friendly: phraseSet(L.FRIENDLY.filter((p) => /^[\p{L} ']+$/u.test(p))),
  gratitude: phraseSet(L.GRATITUDE),
  apology: phraseSet(L.APOLOGY),
  greeting: phraseSet(L.GREETINGS),
  hedge: phraseSet(L.HEDGES),
  deference: phraseSet(L.DEFERENCE),
  factuality: phraseSet(L.FACTUALITY),
  counterfactual: phraseSet(L.COUNTERFACTUAL),
  indicative: phraseSet(L.INDICATIVE),
  reason: phraseSet(L.REASONS),
  disagreement: phraseSet(L.DISAGREEMENT),
  escalation: phraseSet(L.ESCALATION),
  record: phraseSet(L.RECORD),
  medium: phraseSet(L.MEDIUM),
  badFaith: phraseSet(L.BAD_FAITH),
  rhetorical: phraseSet(L.RHETORICAL),
  reproach: phraseSet(L.REPROACH),
};
/** Every word some phrase starts with: most words start none, and skip every list at once. */
const PHRASE_STARTS: ReadonlySet<string> = new Set(Object.values(SETS).flatMap((set) => [...set.byFirst.keys()]));
/** Workplace souring lists: feature name and cue kind of each. */
const WORKPLACE: ReadonlyArray<readonly [keyof typeof SETS, string, CueKind]> = [
  ['escalation', 'hos.escalate', 'escalation'],
  ['record', 'hos.record', 'record'],
  ['medium', 'hos.medium', 'medium'],
  ['badFaith', 'hos.bad_faith', 'bad-faith'],
  ['rhetorical', 'hos.rhetorical', 'rhetorical'],
  ['reproach', 'hos.reproach', 'reproach'],
];
const NEGATION = new Set(L.NEGATION_WORDS);
const FRIENDLY_SYMBOLS = L.FRIENDLY.filter((p) => !/^[\p{L} ']+$/u.test(p));
const FIRST = new Set(L.FIRST_PERSON);
const PLURAL = new Set(L.FIRST_PLURAL);
const SECOND = new Set(L.SECOND_PERSON);
const QUESTION_START = new Set(L.DIRECT_QUESTION_START);
const DIRECT_START = new Set(L.DIRECT_START);
/** Capitalised tokens this short are usually acronyms (API, SLA, QA), not shouting. */
const MIN_SHOUT_LENGTH = 4;
/** Longer capitalised words that are working vocabulary rather than raised voices. */
const COMMON = new Set(L.COMMON_WORDS);
/** A loud token that is a word a voice can be raised with, rather than an acronym or a product's name. */
function isWordlike(w: string): boolean {
  return COMMON.has(w) || lexiconValence(w) !== undefined;
}
const VERDICTS = new Set(L.VERDICTS);
const LATE_THANKS =
  /\bthanks? (?:you )?for (?:letting me know|telling me|the heads[- ]up|warning me|the notice)\b[^.!?\n]{0,40}?\b(?:before|after|minutes?|hours?|last minute|late|now|finally)\b/giu;
const WORK_ACRONYMS = new Set(
  'ASAP FYI EOD EOW TODO FIXME NOTE NOTES JSON YAML HTTP HTTPS HTML AWS GCP CSV PDF UTC OKR OKRS KPI KPIS WIP TBD PTAL LGTM README CHANGELOG SQL REST GRPC CORS OAUTH SAML SSO IMHO IIRC AFAIK ERROR ERRORS WARN WARNING INFO DEBUG TRACE FATAL NULL TRUE FALSE NONE GET POST PUT DELETE PATCH'.split(' '),
);

function add(values: Map<string, number>, name: string, by = 1): void {
  values.set(name, (values.get(name) ?? 0) + by);
}

/** Index of the nearest word of `set` within `span` tokens before token i (same sentence), or -1. */
function nearestBefore(tokens: Token[], i: number, span: number, set: ReadonlySet<string>): number {
  const sentence = tokens[i]!.sentence;
  for (let k = i - 1; k >= 0 && k >= i - span; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return -1;
    if (set.has(t.w)) return k;
  }
  return -1;
}

export function extractFeatures(text: string): MessageFeatures {
  const tokens = tokenize(text);
  const values = new Map<string, number>();
  const cues: Cue[] = [];
  const slice = (i: number, n: number): string => text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
  const cue = (kind: CueKind, i: number, n: number): void => {
    cues.push({ kind, phrase: slice(i, n), start: tokens[i]!.start });
  };

  // A phrase inside a longer match of the same list ("circling back again" in "just circling back
  // again") is the same evidence: each list remembers where its last match ended.
  const seenUntil = new Map<string, number>();
  let isPhraseStart = false;
  let at = 0;
  const phraseAt = (set: PhraseSet): number => (isPhraseStart ? matchAt(set, tokens, at) : 0);
  const find = (name: keyof typeof SETS, i: number): number => {
    if (!isPhraseStart || i < (seenUntil.get(name) ?? 0)) return 0;
    const n = matchAt(SETS[name], tokens, i);
    if (n) seenUntil.set(name, i + n);
    return n;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    values.set(`w:${t.w}`, 1);
    isPhraseStart = PHRASE_STARTS.has(t.w);
    at = i;

    // Hostility.
    let n = find('insult', i);
    // "Dick" or "Loser" capitalised inside a sentence is a name, not a word said about someone.
    if (n && !t.isSentenceStart && /^\p{Lu}\p{Ll}/u.test(text.slice(t.start, t.end))) n = 0;
    if (n) {
      // "you idiot", "your stupid idea", "you're being childish": aimed at a person.
      const you = nearestBefore(tokens, i, 4, SECOND);
      const self = nearestBefore(tokens, i, 4, FIRST);
      if (self > you) {
        // "I was being stupid", "my bad, idiotic of me": self-deprecation, not an attack.
      } else if (you >= 0) {
        add(values, 'hos.insult_you');
        cue('insult-at-you', you, i + n - you);
      } else {
        add(values, 'hos.insult');
        cue('insult', i, n);
      }
    }
    n = find('profanity', i);
    // "I shall screw up sooner or later" owns a mistake; "screw you" is aimed.
    if (n && t.w === 'screw' && tokens[i + 1]?.w === 'up') n = 0;
    if (n) {
      const next = tokens[i + 1]?.w;
      if (next !== undefined && SECOND.has(next) && next !== 'u') {
        add(values, 'hos.profanity_you');
        cue('profanity-at-you', i, 2);
      } else {
        add(values, 'hos.profanity');
        cue('profanity', i, n);
      }
    }
    n = find('hostile', i);
    if (n) {
      add(values, 'hos.phrase');
      cue('hostile-phrase', i, n);
    }
    n = find('dismissive', i);
    if (n) {
      add(values, 'hos.dismissive');
      cue('dismissive', i, n);
    }
    n = find('pa', i);
    if (n) {
      add(values, 'hos.pa');
      cue('passive-aggressive', i, n);
    }
    n = find('sarcasm', i);
    if (n) {
      add(values, 'hos.sarcasm');
      cue('sarcasm', i, n);
    }
    for (const [set, name, kind] of WORKPLACE) {
      n = find(set, i);
      if (n) {
        add(values, name);
        cue(kind, i, n);
      }
    }
    n = find('friendly', i);
    if (n) {
      add(values, 'fr.friendly');
      cue('friendly', i, n);
    }

    // Politeness strategies.
    if (phraseAt(SETS.gratitude)) add(values, 'pol.gratitude');
    if (phraseAt(SETS.apology)) add(values, 'pol.apology');
    if (phraseAt(SETS.hedge)) add(values, 'pol.hedge');
    if (phraseAt(SETS.factuality)) add(values, 'pol.factuality');
    if (phraseAt(SETS.counterfactual)) add(values, 'pol.counterfactual');
    if (phraseAt(SETS.indicative)) add(values, 'pol.indicative');
    if (phraseAt(SETS.reason)) add(values, 'pol.reason');
    if (phraseAt(SETS.disagreement)) add(values, 'dis.disagree');
    if (NEGATION.has(t.w)) add(values, 'dis.negation');
    if (t.w === 'please') add(values, i === 0 ? 'pol.please_start' : 'pol.please');
    if (t.w === 'by' && tokens[i + 1]?.w === 'the' && tokens[i + 2]?.w === 'way') add(values, 'pol.btw');
    if (FIRST.has(t.w)) add(values, t.isSentenceStart ? 'pol.first_start' : 'pol.first');
    if (PLURAL.has(t.w)) add(values, 'pol.first_plural');
    if (SECOND.has(t.w)) {
      if (t.isSentenceStart) {
        add(values, 'pol.second_start');
      } else add(values, 'pol.second');
    }
    if (t.isSentenceStart) {
      if (phraseAt(SETS.greeting) && t.sentence === 0) add(values, 'pol.greeting');
      if (phraseAt(SETS.deference)) add(values, 'pol.deference');
      if (QUESTION_START.has(t.w) && sentenceEndsWithQuestion(text, tokens, i)) add(values, 'pol.direct_question');
      if (DIRECT_START.has(t.w)) add(values, 'pol.direct_start');
      if (sentenceEndsWithQuestion(text, tokens, i) && sentenceHasYou(tokens, i)) add(values, 'dis.you_question');
    }
  }

  // Friendly symbols and emoji: cheap substring checks.
  const lower = text.toLowerCase();
  for (const s of FRIENDLY_SYMBOLS) {
    const at = lower.indexOf(s);
    if (at >= 0 && (s !== 'xd' || /\bxd\b/.test(lower))) {
      add(values, 'fr.friendly');
      cues.push({ kind: 'friendly', phrase: text.slice(at, at + s.length), start: at });
    }
  }
  const happy = L.FRIENDLY_EMOJI.exec(text);
  if (happy) {
    add(values, 'fr.friendly');
    cues.push({ kind: 'friendly', phrase: happy[0], start: happy.index });
  }
  const angry = L.ANGRY_EMOJI.exec(text);
  if (angry) {
    add(values, 'hos.angry_emoji');
    cues.push({ kind: 'angry-emoji', phrase: angry[0], start: angry.index });
  }

  // A one-word sentence passing judgement ("Sad.", "Unacceptable.") after the author's say.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.isSentenceStart || !VERDICTS.has(t.w) || (tokens[i + 1] && tokens[i + 1]!.sentence === t.sentence)) continue;
    if (tokens.length < 3) continue;
    const after = text.slice(t.end, t.end + 2);
    if (!/^[.!]/.test(after) && t.end !== text.trimEnd().length) continue;
    add(values, 'hos.verdict');
    cues.push({ kind: 'hostile-phrase', phrase: text.slice(t.start, t.end + (after[0] === '.' || after[0] === '!' ? 1 : 0)), start: t.start });
  }
  // "Really?" and "Seriously?" as a question of their own are incredulity.
  for (const m of text.matchAll(/(?<![\p{L}])(really|seriously)\s*\?/giu)) {
    add(values, 'hos.phrase');
    cues.push({ kind: 'hostile-phrase', phrase: m[0], start: m.index });
  }
  // "I told you Friday. It's Monday.": the day named as a reproach.
  for (const m of text.matchAll(/(?<![\p{L}])it['’]?s (?:now |already )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|been (?:a|two|three|four|five|several) (?:days|weeks|months))\s*[.!]/giu)) {
    add(values, 'hos.reproach');
    cues.push({ kind: 'reproach', phrase: m[0].replace(/[.!]$/, ''), start: m.index });
  }

  // "Thanks for letting me know five minutes before the demo": gratitude that names the lateness.
  for (const m of text.matchAll(LATE_THANKS)) {
    add(values, 'hos.sarcasm');
    cues.push({ kind: 'sarcasm', phrase: m[0], start: m.index });
  }
  // "Cool. The build is broken again.": one word of praise, then bad news, is not praise.
  const opener = /^\s*(cool|great|perfect|wonderful|lovely|fantastic|awesome|brilliant|nice|super)\s*[.!]\s+\S/iu.exec(text);
  if (opener && sentiment(text.slice(opener[0].length - 1)).compound < -0.1) {
    add(values, 'hos.sarcasm');
    cues.push({ kind: 'sarcasm', phrase: opener[1]!, start: opener.index + opener[0].indexOf(opener[1]!) });
  }

  // "/s" closes a sarcastic line; inside "179k/s" or "KB/s" it is a rate.
  const sarcasmMark = /(?:^|\s)\/s(?=\s*$)/mu.exec(text);
  if (sarcasmMark) {
    add(values, 'hos.sarcasm');
    cues.push({ kind: 'sarcasm', phrase: '/s', start: sarcasmMark.index + sarcasmMark[0].indexOf('/') });
  }

  shouting(text, tokens, values, cues);
  bursts(text, values, cues);

  const senti = sentiment(text);
  values.set('s.compound', senti.compound);
  values.set('s.neg', senti.neg);
  values.set('s.pos', senti.pos);
  const second = (values.get('pol.second') ?? 0) + (values.get('pol.second_start') ?? 0);
  // Negative words next to "you" read as blame; the same words about a system read as a report.
  if (second > 0) values.set('s.neg_you', senti.neg);
  values.set('len.log', Math.log1p(tokens.length));
  values.set('q.count', Math.min(3, count(text, '?')));
  return { values, cues, sentiment: senti, tokens, buckets: hashedBuckets(tokens) };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function sentenceEndsWithQuestion(text: string, tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  let j = i;
  while (j + 1 < tokens.length && tokens[j + 1]!.sentence === sentence) j++;
  const after = text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? text.length);
  return after.includes('?');
}

function sentenceHasYou(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  for (let j = i; j < tokens.length && tokens[j]!.sentence === sentence; j++) if (SECOND.has(tokens[j]!.w)) return true;
  return false;
}

function shouting(text: string, tokens: Token[], values: Map<string, number>, cues: Cue[]): void {
  let letters = 0;
  let upper = 0;
  const runs: Array<[number, number]> = [];
  let runStart = -1;
  const isLoud = (raw: string): boolean =>
    // "792M", "4XX" and "H264" are sizes and codes, not raised voices.
    raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase() && !/\d/.test(raw) && !WORK_ACRONYMS.has(raw);
  for (let i = 0; i < tokens.length; i++) {
    const raw = text.slice(tokens[i]!.start, tokens[i]!.end);
    for (const ch of raw) {
      if (ch.toLowerCase() !== ch.toUpperCase()) {
        letters++;
        if (ch === ch.toUpperCase()) upper++;
      }
    }
    if (isLoud(raw)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      runs.push([runStart, i - 1]);
      runStart = -1;
    }
  }
  if (runStart >= 0) runs.push([runStart, tokens.length - 1]);
  const length = (i: number): number => tokens[i]!.end - tokens[i]!.start;
  const phraseOf = ([a, b]: [number, number]): string => text.slice(tokens[a]!.start, tokens[b]!.end);
  // Short capitalised words are mostly acronyms (API, SLA, EU): shouting needs three loud words in a
  // row, two long ones, or a message that is mostly capitals.
  const wordlike = (a: number, b: number): number => {
    let n = 0;
    for (let i = a; i <= b; i++) if (isWordlike(tokens[i]!.w)) n++;
    return n;
  };
  const shout = runs.find(([a, b]) => (b - a >= 2 && wordlike(a, b) >= 2) || (b - a === 1 && wordlike(a, b) === 2 && length(a) + length(b) >= 2 * MIN_SHOUT_LENGTH - 1));
  const isMostlyCaps = letters >= 12 && upper / letters > 0.6 && runs.some(([a, b]) => wordlike(a, b) >= 2);
  if (shout || isMostlyCaps) {
    const run = shout ?? runs.reduce((x, y) => (y[1] - y[0] > x[1] - x[0] ? y : x));
    values.set('hos.caps', 1);
    cues.push({ kind: 'shouting', phrase: phraseOf(run), start: tokens[run[0]]!.start });
    return;
  }
  const emphasis = runs.filter(([a, b]) => a === b && length(a) >= 3 && isWordlike(tokens[a]!.w));
  if (!emphasis.length) return;
  values.set('hos.caps_word', emphasis.length);
  for (const run of emphasis.slice(0, 2)) cues.push({ kind: 'emphasis', phrase: phraseOf(run), start: tokens[run[0]]!.start });
}

function bursts(text: string, values: Map<string, number>, cues: Cue[]): void {
  // Three or more "!"/"?" in a row, or any mix of the two ("?!", "!?"). A run of "!" alone is kept
  // apart: "Shipped!!!!!" is cheer, and message.ts counts it only when the words are negative.
  const re = /[!?]{3,}|\?+!+[!?]*|!+\?+[!?]*/g;
  let n = 0;
  let cheers = 0;
  for (const m of text.matchAll(re)) {
    if (/^!+$/.test(m[0])) cheers++;
    else n++;
    if (n + cheers <= 2) cues.push({ kind: 'burst', phrase: m[0], start: m.index });
  }
  if (n) values.set('hos.burst', Math.min(n, 3));
  if (cheers) values.set('hos.excl', Math.min(cheers, 3));
}
