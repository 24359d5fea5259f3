/**
 * Signals that live between messages rather than in them: each author against their own earlier
 * messages (a greeting and sign-off that disappear, politeness that drops, replies that collapse to
 * "Fine."), the same question asked again, and a curt answer to a threat. Colleagues rarely sour with
 * rude words; they sour by withdrawing the courtesies they used to offer.
 */
import type { MessageFeatures } from './features';
import { CURT_REPLIES } from './lexicons';

export interface PreparedMessage {
  author: string;
  /** The author's own prose (quotes, code, logs and signature removed). */
  text: string;
  hasGreeting: boolean;
  hasSignOff: boolean;
}

export type RelationKind = 'curt' | 'courtesy-dropped' | 'politeness-dropped' | 'asked-again' | 'dismissal' | 'pulled-in' | 'dry-praise';

export interface RelationalSignal {
  message: number;
  kind: RelationKind;
  /** What to quote as evidence. */
  phrase: string;
  /** Added to the message's hostility log-odds. */
  weight: number;
}

export const RELATION_REASONS: Readonly<Record<RelationKind, string>> = {
  curt: 'a curt reply after longer ones',
  'courtesy-dropped': 'greeting and sign-off dropped',
  'politeness-dropped': 'politeness dropped',
  'asked-again': 'asking the same thing again',
  dismissal: 'a curt answer to a warning',
  'pulled-in': 'pulling someone in mid-argument',
  'dry-praise': 'praise that reads as sarcasm',
};

/** Hand-set: the labelled threads have no authors (GitHub) or no souring (email), so nothing could teach these. */
const WEIGHTS = {
  curt: 1.9,
  curtAfterHeat: 1.2,
  courtesy: 0.9,
  courtesyHalf: 0.4,
  politeness: 0.8,
  askedAgain: 1.3,
  pulledIn: 3.0,
  dryPraise: 2.6,
};

/** Cues that make a message friction, whatever its score. */
const HEAT_CUES = new Set(['reproach', 'bad-faith', 'dismissive', 'hostile-phrase', 'escalation', 'rhetorical', 'passive-aggressive']);
const PRAISE = new Set(['great', 'perfect', 'cool', 'wonderful', 'lovely', 'fantastic', 'brilliant', 'nice', 'super', 'amazing', 'helpful', 'collaborative', 'thanks', 'thank', 'you', 'very', 'so', 'really', 'just', 'how', 'that', 'is', "that's", 'what', 'a', 'surprise', 'useful', 'good', 'to', 'know']);

/** The whole message is a few words of praise, each sentence closed by a full stop: "Great. Very helpful." */
function dryPraise(text: string, features: MessageFeatures): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 48 || /[!?:;()]|\p{Extended_Pictographic}/u.test(trimmed) || !/\.\s*$/u.test(trimmed)) return null;
  const words = features.tokens.map((t) => t.w);
  if (!words.length || words.length > 6 || !words.every((w) => PRAISE.has(w))) return null;
  return features.sentiment.compound > 0.2 ? trimmed : null;
}

/** "Adding Sam", "cc @dana", "looping in Priya", "+Marco": someone brought into the thread by name. */
const PULLS_IN = /(?:^|[\s(])(?:[Aa]dd(?:ing|ed)?|[Cc][Cc](?:'?(?:ing|d|ed))?|[Cc]opy(?:ing|ied)(?: in)?|[Ll]oop(?:ing|ed) in|[Bb]r(?:inging|ought) in|\+)\s*(\p{Lu}[\p{L}'’-]+|@[\w.-]+)/u;
/** An argument is under way once a message this hostile has been written. */
const HEATED = 0.3;

const CURT = new Set(CURT_REPLIES);
/** Placeholders sites and exports use when the author is not known: no history can be kept for them. */
const ANONYMOUS = /^(|\(unknown\)|unknown|someone|anonymous|null)$/iu;

export function isKnownAuthor(author: string): boolean {
  return !ANONYMOUS.test(author.trim());
}

/** "Fine.", "ok", "Go ahead." as the whole message, or null. */
function curtReply(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 24 || /[!:;)(]|\p{Extended_Pictographic}/u.test(trimmed)) return null;
  const bare = trimmed.toLowerCase().replace(/[’]/g, "'").replace(/[.…,\s]+$/u, '').replace(/\s+/g, ' ');
  return CURT.has(bare) ? trimmed : null;
}

const STOP = new Set(
  'the a an and or but to of in on for with at by from this that these those is are was were be been it its we you i they he she our your my their me us them can could would should will do does did have has had not no so if then than just also any some please thanks thank'.split(' '),
);

function contentWords(features: MessageFeatures): Set<string> {
  return new Set(features.tokens.filter((t) => t.w.length >= 4 && !STOP.has(t.w)).map((t) => t.w));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

function hasQuestion(text: string): boolean {
  return text.includes('?');
}

const WARNING_CUES = new Set(['escalation', 'bad-faith', 'insult-at-you', 'profanity-at-you', 'hostile-phrase', 'dismissive']);

/**
 * @param politeness per message, 0..1 (probability it reads polite)
 * @param baseHostility per message, 0..1, before these signals
 */
export function relationalSignals(
  messages: readonly PreparedMessage[],
  features: readonly MessageFeatures[],
  politeness: readonly number[],
  baseHostility: readonly number[],
): RelationalSignal[] {
  const out: RelationalSignal[] = [];
  const history = new Map<string, number[]>();
  /** The message this one answers: the one before, when someone else wrote it; -1 otherwise. */
  const replyTo = (i: number): number => (i > 0 && messages[i - 1]!.author !== messages[i]!.author ? i - 1 : -1);
  /** It answers friction: reproach, a witness pulled in, or some heat. */
  const answersFriction = (i: number): boolean => {
    const p = replyTo(i);
    return p >= 0 && (baseHostility[p]! >= 0.15 || features[p]!.cues.some((c) => HEAT_CUES.has(c.kind)) || PULLS_IN.test(messages[p]!.text));
  };
  let priorHeat = 0;
  messages.forEach((m, i) => {
    const f = features[i]!;
    const p = replyTo(i);
    // It answers a warning: an escalation, an insult, clear heat.
    const isAnswerToHeat = p >= 0 && (baseHostility[p]! >= 0.35 || features[p]!.cues.some((c) => WARNING_CUES.has(c.kind)));
    // Bringing someone in helps when a thread is calm; mid-argument it looks for a witness or a judge.
    const isHeated = priorHeat >= HEATED || f.cues.some((c) => HEAT_CUES.has(c.kind));
    priorHeat = Math.max(priorHeat, baseHostility[i]!);
    const pulled = isHeated ? PULLS_IN.exec(m.text) : null;
    if (pulled) out.push({ message: i, kind: 'pulled-in', phrase: pulled[0].trim(), weight: WEIGHTS.pulledIn });
    const curt = curtReply(m.text);
    if (curt && isAnswerToHeat) out.push({ message: i, kind: 'dismissal', phrase: curt, weight: WEIGHTS.curt + WEIGHTS.curtAfterHeat });
    // "Great. Very collaborative." in answer to a reproach: praise that short, with full stops, is a jab.
    const praise = !curt && answersFriction(i) ? dryPraise(m.text, f) : null;
    if (praise) out.push({ message: i, kind: 'dry-praise', phrase: praise, weight: WEIGHTS.dryPraise });

    if (!isKnownAuthor(m.author)) return;
    const own = history.get(m.author) ?? [];
    history.set(m.author, [...own, i]);
    if (!own.length) return;

    const words = f.tokens.length;
    const earlierWords = own.reduce((n, j) => n + features[j]!.tokens.length, 0) / own.length;
    if (curt && !isAnswerToHeat && earlierWords >= 15) out.push({ message: i, kind: 'curt', phrase: curt, weight: WEIGHTS.curt });

    // Courtesies matter in a message long enough to have carried them.
    if (words >= 4 && !curt) {
      const hasGreeted = own.some((j) => messages[j]!.hasGreeting);
      const hasSigned = own.some((j) => messages[j]!.hasSignOff);
      const hasLostGreeting = hasGreeted && !m.hasGreeting;
      const hasLostSignOff = hasSigned && !m.hasSignOff;
      if (hasLostGreeting && hasLostSignOff) {
        out.push({ message: i, kind: 'courtesy-dropped', phrase: firstWords(m.text), weight: WEIGHTS.courtesy });
      } else if ((hasLostGreeting && !hasSigned) || (hasLostSignOff && !hasGreeted)) {
        out.push({ message: i, kind: 'courtesy-dropped', phrase: firstWords(m.text), weight: WEIGHTS.courtesyHalf });
      }
      const wasPolite = Math.max(...own.map((j) => politeness[j]!));
      if (wasPolite >= 0.65 && politeness[i]! <= 0.25) {
        out.push({ message: i, kind: 'politeness-dropped', phrase: firstWords(m.text), weight: WEIGHTS.politeness });
      }
    }

    if (hasQuestion(m.text)) {
      const mine = contentWords(f);
      const again = own.find((j) => hasQuestion(messages[j]!.text) && overlap(mine, contentWords(features[j]!)) >= 0.5);
      if (again !== undefined && mine.size >= 2) out.push({ message: i, kind: 'asked-again', phrase: firstWords(m.text), weight: WEIGHTS.askedAgain });
    }
  });
  return out;
}

/** The opening words of a message, to show where a signal is. */
function firstWords(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const words = line.split(/\s+/u).slice(0, 8).join(' ');
  return words.length < line.length ? `${words}…` : words;
}
