/**
 * Tone of a whole thread: how hostile it got, whether it is getting worse, where it turned, and why.
 */
import { extractFeatures, type MessageFeatures } from './features';
import { attackLogit, evidenceOf, hostilityLogit, MODELS, PRIOR_SHIFT, WORKPLACE_SET, type ToneEvidence } from './message';
import { findCircling } from './circling';
import { linearScore, sigmoid, type LinearModel } from './model';
import { cleanMessage } from './clean';
import { threadLanguage } from './language';
import { isKnownAuthor, relationalSignals, RELATION_REASONS } from './relations';
import type { HashedModel } from './sour-model';

export type ToneLevel = 'calm' | 'tense' | 'sour';
export type Sensitivity = 'low' | 'normal' | 'high';

export interface ToneMessageInput {
  author: string;
  email?: string;
  at?: string;
  text: string;
  /** True when the page says the user wrote this message: the nudge then speaks about the others. */
  isOwn?: boolean;
}

/** A long exchange between the same people that goes round without hostility. */
export interface Circling {
  /** How many times the conversation changed hands in the run. */
  turns: number;
  /** When the run started (ISO), when the messages carry times. */
  since: string | null;
  /** The authors of the run, the user's own name included when they took part. */
  authors: string[];
}

export interface ThreadTone {
  /** 0..1: how far the thread has turned. */
  score: number;
  level: ToneLevel;
  /** Index of the message where it turned sour, when it did. */
  sourFrom: number | null;
  evidence: ToneEvidence[];
  /** One plain sentence saying why. */
  summary: string;
  /** Highest hostility per author, 0..1. */
  perAuthor: Record<string, number>;
  /** ISO 639-1 code of the thread's main language, or 'und' when there is too little text to tell. */
  language: string;
  /**
   * False when the thread is in a language the analysis does not read: then `level` is 'calm' only by
   * default and must never be shown as calm.
   */
  isRead: boolean;
  /** Set when the thread goes in circles without turning hostile: a gentler reason to talk. */
  circling: Circling | null;
  /** Hostility of each message, 0..1, in the thread's context. */
  messageScores: number[];
}

/**
 * Where a thread's score becomes "tense" and "sour": calibrated on hand-labelled workplace threads by
 * `npm run train:tone` (see test/tools/tone-calibrate.ts), so that most sour threads reach "sour"
 * while few constructive or fine ones do.
 */
export interface OperatingPoint {
  tense: number;
  sour: number;
}
/** Sensitivity scales the thresholds: "high" speaks up about a fifth sooner, "low" a quarter later. */
const SENSITIVITY_SCALE: Record<Sensitivity, number> = { low: 1.25, normal: 1, high: 0.8 };
const MAX_EVIDENCE = 8;
/** Messages below this hostility contribute no evidence. */
const EVIDENCE_FLOOR = 0.2;
/** Below this, a thread's pace and shape amplify nothing: a quick friendly chat stays calm. */
const DYNAMICS_FROM = 0.15;
/** The thread turned at the first message this close to its worst one. */
const TURN_SHARE = 0.6;

/**
 * Thread features for the learned forecast ("is this heading for a personal attack?"): the course of
 * hostility across the thread, politeness strategies and second-person address over the whole thread
 * (Zhang et al., "Conversations Gone Awry", ACL 2018, found them predictive), and the strategies of the
 * last message. Speakers and times are not used: the labelled corpus has neither.
 */
export function forecastFeatures(messages: readonly MessageFeatures[], logits: readonly number[]): Map<string, number> {
  const v = new Map<string, number>();
  const n = messages.length;
  if (!n) return v;
  const clipped = logits.map((z) => Math.max(-8, Math.min(8, z)));
  v.set('t.max', Math.max(...clipped));
  v.set('t.mean', clipped.reduce((a, b) => a + b, 0) / n);
  v.set('t.last', clipped[n - 1]!);
  v.set('t.trend', n > 1 ? clipped[n - 1]! - clipped[0]! : 0);
  v.set('t.n', Math.log(n));
  v.set('t.lengrow', Math.log1p(messages[n - 1]!.tokens.length) - Math.log1p(messages[0]!.tokens.length));
  v.set('t.minsent', Math.min(...messages.map((m) => m.sentiment.compound)));
  // Totals over the thread, log-scaled so one long thread does not swamp the rest.
  const totals = new Map<string, number>();
  for (const m of messages) {
    for (const [name, x] of m.values) if (!name.startsWith('w:') && !WORKPLACE_SET.has(name)) totals.set(name, (totals.get(name) ?? 0) + x);
  }
  for (const [name, x] of totals) v.set(`sum:${name}`, Math.sign(x) * Math.log1p(Math.abs(x)));
  // The last message is what the next reply answers: its strategies are the prompt.
  for (const [name, x] of messages[n - 1]!.values) {
    if (/^(pol|hos|dis|s)\./.test(name) && !WORKPLACE_SET.has(name)) v.set(`last:${name}`, x);
  }
  return v;
}

export function forecastLogit(messages: readonly MessageFeatures[], logits: readonly number[], model: LinearModel = MODELS.forecast): number {
  return linearScore(model, forecastFeatures(messages, logits));
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** 0..1: replies arriving much faster at the end than at the start (8× faster scores 1). */
function replyAcceleration(messages: readonly ToneMessageInput[]): number {
  const times = messages.map((m) => (m.at ? Date.parse(m.at) : Number.NaN));
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (Number.isFinite(gap) && gap >= 0) gaps.push(Math.max(gap, 10_000));
  }
  if (gaps.length < 4) return 0;
  const half = gaps.length >> 1;
  const early = median(gaps.slice(0, half));
  const late = median(gaps.slice(half));
  return clamp01(Math.log2(early / late) / 3);
}

/** 0..1: messages getting longer (last third four times the first third scores 1). */
function lengthGrowth(messages: readonly MessageFeatures[]): number {
  if (messages.length < 3) return 0;
  const third = Math.max(1, Math.floor(messages.length / 3));
  const mean = (ms: readonly MessageFeatures[]): number => ms.reduce((a, m) => a + m.tokens.length, 0) / ms.length;
  const early = mean(messages.slice(0, third)) + 5;
  const late = mean(messages.slice(-third)) + 5;
  return clamp01(Math.log2(late / early) / 2);
}

/** 0..1: the thread ends in a two-person exchange (A, B, A, B …); four turns start to count. */
function backAndForth(messages: readonly ToneMessageInput[]): number {
  let run = messages.length ? 1 : 0;
  for (let i = messages.length - 1; i > 0; i--) {
    const a = messages[i]!.author;
    const b = messages[i - 1]!.author;
    if (a === b) break;
    if (i + 1 < messages.length && messages[i + 1]!.author !== b) break;
    run++;
  }
  return clamp01((run - 3) / 5);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * Where a thread turned: the first message nearly as hostile as its worst one (and at least tense),
 * so the turn is placed where it started rather than where it peaked.
 */
export function turnIndex(hostility: readonly number[], tense: number): number {
  const peak = Math.max(...hostility);
  const at = hostility.findIndex((p) => p >= Math.max(tense, TURN_SHARE * peak));
  return at >= 0 ? at : hostility.indexOf(peak);
}

/** Languages the analysis reads; 'und' is too little text to tell, read as English. */
const READ_LANGUAGES: ReadonlySet<string> = new Set(['en', 'und']);

export interface ThreadOptions {
  sensitivity?: Sensitivity;
  /** The message model; the evaluation passes one fitted without the thread's own messages. */
  model?: HashedModel;
  /** The levels' thresholds; the evaluation passes ones calibrated without the thread. */
  operating?: OperatingPoint;
  /**
   * The thread's language when the caller can tell it better (the browser's own detector, for
   * instance); otherwise the built-in detector decides.
   */
  language?: string;
}

export function analyzeThread(messages: readonly ToneMessageInput[], options: ThreadOptions = {}): ThreadTone {
  const scale = SENSITIVITY_SCALE[options.sensitivity ?? 'normal'];
  const operating = options.operating ?? MODELS.operating;
  const tense = operating.tense * scale;
  const sour = Math.min(0.95, operating.sour * scale);
  if (!messages.length) {
    return { score: 0, level: 'calm', sourFrom: null, evidence: [], summary: 'There are no messages to read.', perAuthor: {}, language: 'und', isRead: true, circling: null, messageScores: [] };
  }

  const prepared = messages.map((m) => ({ author: m.author, ...cleanMessage(m.text) }));
  const given = options.language?.toLowerCase().split(/[-_]/u)[0];
  const language = given && given !== 'und' ? given : threadLanguage(prepared.map((p) => p.text)).code;
  const features = prepared.map((p) => extractFeatures(p.text));
  const base = features.map((f) => hostilityLogit(f, options.model));
  const politeness = features.map((f) => sigmoid(linearScore(MODELS.politeness, f.values)));
  const relations = relationalSignals(
    prepared,
    features,
    politeness,
    base.map((z) => sigmoid(z + PRIOR_SHIFT)),
  );
  const logits = [...base];
  for (const r of relations) logits[r.message]! += r.weight;
  const hostility = logits.map((z) => sigmoid(z + PRIOR_SHIFT));

  const perAuthor: Record<string, number> = {};
  messages.forEach((m, i) => {
    perAuthor[m.author] = Math.max(perAuthor[m.author] ?? 0, round(hostility[i]!));
  });

  // The worst message sets the level; a second bad one (sustained hostility) adds half its weight.
  const ranked = hostility.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const peak = ranked[0]![0];
  const second = ranked[1]?.[0] ?? 0;
  let score = 1 - (1 - peak) * (1 - 0.5 * second);

  // Getting worse: later messages more hostile than earlier ones.
  const third = Math.max(1, Math.floor(messages.length / 3));
  const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const trend = messages.length >= 3 ? clamp01((avg(hostility.slice(-third)) - avg(hostility.slice(0, third))) * 2) : 0;
  const acceleration = replyAcceleration(messages);
  const growth = lengthGrowth(features);
  const exchange = backAndForth(messages);
  // Fast, long, two-person exchanges are how arguments look, but so do lively friendly chats: these
  // only amplify hostility that is already there.
  const dynamics = 0.12 * acceleration + 0.08 * growth + 0.1 * exchange + 0.1 * trend;
  score += (1 - score) * dynamics * clamp01((score - DYNAMICS_FROM) / 0.3);

  // The learned forecast (trained on Wikipedia talk threads that later turned to personal attacks)
  // nudges, never decides: its vocabulary is not that of workplace mail.
  const risk = sigmoid(forecastLogit(features, features.map((f) => attackLogit(f))));
  score += (1 - score) * 0.1 * clamp01(2 * risk - 1) * clamp01(score / 0.2);
  score = round(clamp01(score));

  const level: ToneLevel = score >= sour ? 'sour' : score >= tense ? 'tense' : 'calm';
  const sourFrom = level === 'sour' ? turnIndex(hostility, tense) : null;

  const evidence: ToneEvidence[] = [];
  for (const [p, i] of ranked) {
    if (p < EVIDENCE_FLOOR || evidence.length >= MAX_EVIDENCE) break;
    for (const e of evidenceOf(features[i]!)) {
      if (evidence.length >= MAX_EVIDENCE) break;
      evidence.push({ message: i, author: messages[i]!.author, phrase: e.phrase, reason: e.reason });
    }
    const hasCues = evidence.some((e) => e.message === i);
    for (const r of relations) {
      if (r.message !== i || evidence.length >= MAX_EVIDENCE) continue;
      // Dropped courtesies support what the words already show; alone they are worth naming.
      if (hasCues && (r.kind === 'courtesy-dropped' || r.kind === 'politeness-dropped')) continue;
      evidence.push({ message: i, author: messages[i]!.author, phrase: r.phrase, reason: RELATION_REASONS[r.kind] });
    }
  }
  evidence.sort((a, b) => a.message - b.message);

  const isRead = READ_LANGUAGES.has(language);
  const circling = level !== 'sour' ? findCircling(messages, prepared.map((p) => p.text), features) : null;
  return {
    score,
    level,
    sourFrom,
    evidence,
    summary: isRead
      ? summarize(level, messages, evidence, sourFrom, { acceleration, growth, exchange, trend })
      : 'The conversation is not in English, so its tone was not read.',
    perAuthor,
    language,
    isRead,
    circling,
    messageScores: hostility.map(round),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function summarize(
  level: ToneLevel,
  messages: readonly ToneMessageInput[],
  evidence: readonly ToneEvidence[],
  sourFrom: number | null,
  dynamics: { acceleration: number; growth: number; exchange: number; trend: number },
): string {
  if (level === 'calm') return 'The conversation reads calm: no hostile or passive-aggressive language stands out.';
  // Quote the turning point first, then the strongest other phrases, each once.
  const lead = sourFrom ?? evidence[0]?.message ?? 0;
  const leadAuthor = messages[lead]?.author;
  const leadName = messages[lead] ? nameOf(messages[lead]) : null;
  const ordered = [...evidence.filter((e) => e.message === lead), ...evidence.filter((e) => e.message !== lead)];
  // One clause per kind of sign and author, its phrases quoted, at most three clauses and two phrases
  // each: "reproach (“I told you”, “It's Monday”) and a curt answer to a warning from Tom (“Understood.”)".
  const clausesByKey = new Map<string, { head: string; phrases: string[] }>();
  const seen = new Set<string>();
  for (const e of ordered) {
    const key = e.phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const other = e.author === leadAuthor ? null : nameOf(messages[e.message]!);
    const clauseKey = `${e.reason}|${other ?? ''}`;
    const clause = clausesByKey.get(clauseKey) ?? { head: other ? `${e.reason} from ${other}` : e.reason, phrases: [] };
    if (!clausesByKey.has(clauseKey) && clausesByKey.size >= 3) continue;
    if (clause.phrases.length < 2) clause.phrases.push(`“${e.phrase}”`);
    clausesByKey.set(clauseKey, clause);
  }
  const clauses = [...clausesByKey.values()].map(({ head, phrases }) => `${head} (${phrases.join(', ')})`);
  const quoted = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)!}` : (clauses[0] ?? '');
  // The one clearest sign of how the exchange itself is going, so the sentence stays one sentence.
  const movement: Array<[number, string]> = [
    [dynamics.trend, 'it is getting worse'],
    [dynamics.acceleration, 'replies are coming faster'],
    [dynamics.exchange, 'it has become a two-person back-and-forth'],
    [dynamics.growth, 'messages are getting longer'],
  ];
  const signs = movement.filter(([value]) => value > 0.3).slice(0, 1).map(([, text]) => text);
  const tail = signs.length ? `; ${signs.join(', ')}` : '';
  const start =
    level === 'sour' && sourFrom !== null
      ? `The conversation turned sour at the ${ordinal(sourFrom + 1)} message${leadName ? `, from ${leadName}` : ''}`
      : `The conversation is getting tense${leadName && evidence.length ? `, mostly from ${leadName}` : ''}`;
  return quoted ? `${start}: ${quoted}${tail}.` : `${start}${tail}.`;
}

/** How the summary names a message's author: "you" for the user, nothing when the page did not say. */
function nameOf(message: ToneMessageInput): string | null {
  if (message.isOwn) return 'you';
  return isKnownAuthor(message.author) ? message.author : null;
}
