/**
 * Tone of one message: hostility (0..1), sentiment and politeness, with the phrases behind them.
 */
import { extractFeatures, type Cue, type CueKind, type MessageFeatures } from './features';
import { cleanMessage } from './clean';
import { linearScore, sigmoid, type LinearModel } from './model';
import weights from './model-weights.json';
import { decodeModel, hashedLogit, type HashedModel, type StoredHashedModel } from './sour-model';
import sourWeights from './sour-weights.json';
import type { OperatingPoint } from './thread';

export interface ToneEvidence {
  message: number;
  author: string;
  phrase: string;
  reason: string;
}

export interface MessageTone {
  /** Hostility, 0..1. */
  score: number;
  /** VADER compound sentiment, -1..1. */
  sentiment: number;
  /** Probability the message reads as polite rather than impolite, 0..1. */
  politeness: number;
  /** Evidence with `message` 0 and an empty author; the thread analysis fills both in. */
  evidence: ToneEvidence[];
}

export const MODELS: { attack: LinearModel; politeness: LinearModel; forecast: LinearModel; sour: HashedModel; operating: OperatingPoint } = {
  ...weights,
  sour: decodeModel(sourWeights as StoredHashedModel),
};

/**
 * Features with hand-set weights. The labelled data cannot teach them: the attack corpus is lower-cased
 * with punctuation spaced out (so no capitals or "?!"), it has no workplace passive aggression, and its
 * swearing is rarely banter. The curated hostile phrases ("are you kidding me") are weighted by hand too:
 * each is rare in the corpus, so a learned weight would say more about sampling than about the phrase. Sentiment alone is left
 * out: "outage", "failed" and "critical" are the everyday words of a calm incident report.
 */
export function isHandWeighted(name: string): boolean {
  return /^(hos\.(phrase|dismissive|pa|sarcasm|caps|caps_word|burst|excl|angry_emoji|escalate|record|medium|bad_faith|rhetorical|reproach|verdict)|fr\.|s\.(neg|pos|compound)$)/.test(name);
}

export const HAND_WEIGHTS: Record<string, number> = {
  'hos.phrase': 2.6,
  'hos.dismissive': 1.5,
  'hos.pa': 2.8,
  'hos.caps': 1.6,
  'hos.caps_word': 0.5,
  'hos.burst': 0.9,
  'hos.angry_emoji': 1.2,
  'hos.sarcasm': 2.4,
  // The workplace cues are set so that one of them in an otherwise ordinary message reads about as
  // hostile as an insult would: a threat to escalate is rarely meant kindly.
  'hos.escalate': 4.0,
  'hos.record': 3.4,
  'hos.medium': 3.4,
  'hos.bad_faith': 3.0,
  'hos.rhetorical': 2.4,
  'hos.reproach': 1.2,
  'hos.verdict': 2.2,
  'fr.friendly': -1.2,
};

/**
 * Added on top of the learned weights: calling someone names or swearing at them is rare enough in the
 * corpus that the learned weight alone undersells it (each appears in a few dozen comments).
 */
const HAND_BONUS: Readonly<Record<string, number>> = {
  'hos.insult_you': 1.5,
  'hos.profanity_you': 2.5,
};

/** Cues that friendliness ("lol", "you legend", 😂) turns into banter. */
const BANTER_SOFTENS: ReadonlySet<string> = new Set(['hos.profanity', 'hos.burst', 'hos.excl', 'hos.caps_word', 'hos.caps']);

/** The cues written for workplace mail and chat (see lexicons.ts), kept out of the Wikipedia-fitted forecast. */
export const WORKPLACE_SET: ReadonlySet<string> = new Set(['hos.escalate', 'hos.record', 'hos.medium', 'hos.bad_faith', 'hos.rhetorical', 'hos.reproach', 'hos.verdict']);

/** Share of the learned hostility left in a message that laughs or smiles. */
const BANTER_DAMPING = 0.5;

/** "!!!" after negative words is anger; after good news it is cheer. */
const ANGRY_EXCLAMATION = 0.9;

/**
 * The attack model was fitted on balanced data (half the comments were attacks); in real threads
 * hostile messages are rare, so the score starts from a lower prior (log-odds shift).
 */
export const PRIOR_SHIFT = -2.5;

/**
 * The hand-weighted part of a message's hostility, log-odds. Friendliness ("lol", 😂) turns swearing,
 * capitals and bursts into banter; beside a sarcastic phrase a smiley is part of the sarcasm.
 */
function handLogit(features: MessageFeatures, skip?: ReadonlySet<string>): number {
  const { values } = features;
  const friendly = values.has('hos.sarcasm') ? 0 : Math.min(2, values.get('fr.friendly') ?? 0);
  let z = 0;
  for (const [name, value] of values) {
    if (skip?.has(name) || (friendly > 0 && BANTER_SOFTENS.has(name))) continue;
    const hand = HAND_WEIGHTS[name];
    if (hand !== undefined) z += hand * (name === 'fr.friendly' ? friendly : Math.min(value, 3));
    z += (HAND_BONUS[name] ?? 0) * Math.min(value, 3);
  }
  const cheers = friendly > 0 ? 0 : (values.get('hos.excl') ?? 0);
  if (cheers && features.sentiment.compound < -0.2) z += ANGRY_EXCLAMATION * cheers;
  return z;
}

/** Log-odds of hostility before the prior shift (what the evaluation ranks). */
export function hostilityLogit(features: MessageFeatures, model: HashedModel = MODELS.sour): number {
  const { values } = features;
  // The model's named weights were fitted without the hand-set cues, so none of theirs is in it.
  let learned = hashedLogit(model, values, features.buckets) - model.bias;
  // "WORST BUG EVER 😂": a laugh or a smiley marks the words as play, which no labelled set teaches.
  if ((values.get('fr.friendly') ?? 0) > 0 && learned > 0) learned *= BANTER_DAMPING;
  // "Great, very helpful": sarcasm speaks in praise, so the praise must not count for it.
  if (values.has('hos.sarcasm')) learned = Math.max(learned, 0);
  return handLogit(features) + model.bias + learned;
}

/**
 * The same with the Wikipedia-trained attack model for the learned part: the input the derailment
 * forecast was fitted on. The forecast was built on the original cues; the workplace cues were
 * written for mail and chat, not for Wikipedia talk pages.
 */
export function attackLogit(features: MessageFeatures, attack: LinearModel = MODELS.attack): number {
  // The attack model was fitted without the hand-set cues: its weights hold none of them. Banter
  // takes swearing out of its part too.
  const { values } = features;
  const isBanter = !values.has('hos.sarcasm') && (values.get('fr.friendly') ?? 0) > 0;
  let z = attack.bias;
  for (const [name, value] of values) {
    if (isBanter && BANTER_SOFTENS.has(name)) continue;
    const w = attack.weights[name];
    if (w !== undefined) z += w * value;
  }
  return handLogit(features, WORKPLACE_SET) + z;
}

const REASONS: Record<Exclude<CueKind, 'friendly'>, string> = {
  insult: 'insult',
  'insult-at-you': 'insult aimed at someone',
  profanity: 'profanity',
  'profanity-at-you': 'swearing at someone',
  'hostile-phrase': 'hostile phrase',
  dismissive: 'dismissive phrase',
  'passive-aggressive': 'passive-aggressive phrase',
  sarcasm: 'sarcasm',
  shouting: 'shouting (all capitals)',
  emphasis: 'capitals for emphasis',
  burst: 'punctuation burst',
  'angry-emoji': 'angry emoji',
  escalation: 'threat to escalate',
  record: 'pulling others in as witnesses',
  medium: 'saying writing is not working',
  'bad-faith': 'imputing bad faith',
  rhetorical: 'accusing question',
  reproach: 'reproach',
};

/** Learned words this strong are shown as evidence even when no list names them. */
const EVIDENCE_WORD_WEIGHT = 1.2;

export function evidenceOf(features: MessageFeatures, attack: LinearModel = MODELS.attack): Array<{ phrase: string; reason: string; start: number }> {
  const isFriendly = features.cues.some((c) => c.kind === 'friendly');
  const out: Array<{ phrase: string; reason: string; start: number }> = [];
  const covered: Array<[number, number]> = [];
  // Overlapping cues ("You clearly" inside "You clearly don't care") are one piece of evidence: the longest.
  const byLength = [...features.cues].sort((a, b) => b.phrase.length - a.phrase.length || a.start - b.start);
  for (const cue of byLength) {
    if (cue.kind === 'friendly') continue;
    if (covered.some(([a, b]) => cue.start < b && cue.start + cue.phrase.length > a)) continue;
    if (isFriendly && (cue.kind === 'profanity' || cue.kind === 'burst' || cue.kind === 'emphasis' || cue.kind === 'shouting')) continue;
    out.push({ phrase: cue.phrase, reason: REASONS[cue.kind], start: cue.start });
    covered.push([cue.start, cue.start + cue.phrase.length]);
  }
  for (const t of features.tokens) {
    const w = attack.weights[`w:${t.w}`];
    if (w === undefined || w < EVIDENCE_WORD_WEIGHT) continue;
    if (covered.some(([a, b]) => t.start >= a && t.end <= b)) continue;
    out.push({ phrase: t.w, reason: 'hostile wording', start: t.start });
    covered.push([t.start, t.end]);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function toneOf(features: MessageFeatures): MessageTone {
  const z = hostilityLogit(features) + PRIOR_SHIFT;
  return {
    score: sigmoid(z),
    sentiment: features.sentiment.compound,
    politeness: sigmoid(linearScore(MODELS.politeness, features.values)),
    evidence: evidenceOf(features).map((e) => ({ message: 0, author: '', phrase: e.phrase, reason: e.reason })),
  };
}

export function analyzeMessage(text: string): MessageTone {
  return toneOf(extractFeatures(text));
}

export type DraftLevel = 'ok' | 'hostile' | 'passive-aggressive';

export interface DraftCheck {
  level: DraftLevel;
  phrases: string[];
  suggestion: string | null;
}

const HOSTILE_DRAFT = 0.5;
/** Reproach with a polite surface: what a draft is asked to say directly instead. */
const PASSIVE_KINDS: ReadonlySet<CueKind> = new Set(['passive-aggressive', 'sarcasm', 'reproach', 'record']);
const PA_DRAFT = 0.3;

/** Quick check of a message being written: is it likely to land badly, and what to do instead. */
export function checkDraft(text: string): DraftCheck {
  // A reply's compose box holds the quoted thread below the draft: only the draft is the user's.
  const features = extractFeatures(cleanMessage(text).text);
  const tone = toneOf(features);
  const passive = features.cues.filter((c: Cue) => PASSIVE_KINDS.has(c.kind));
  const passiveReasons = new Set([...PASSIVE_KINDS].map((kind) => REASONS[kind as Exclude<CueKind, 'friendly'>]));
  if (tone.score >= HOSTILE_DRAFT && tone.evidence.some((e) => !passiveReasons.has(e.reason))) {
    return {
      level: 'hostile',
      phrases: tone.evidence.map((e) => e.phrase),
      suggestion:
        'This may read as an attack. Say what you need and why, leave out the labels, or suggest a quick call instead of replying in writing.',
    };
  }
  if (passive.length && tone.score >= PA_DRAFT) {
    return {
      level: 'passive-aggressive',
      phrases: passive.map((c) => c.phrase),
      suggestion:
        'This may read as passive-aggressive. Ask directly, for example "Could you confirm X by Friday?", or talk it through in person.',
    };
  }
  return { level: 'ok', phrases: [], suggestion: null };
}
