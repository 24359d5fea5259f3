/**
 * A conversation going in circles: the same two or three people answering each other again and again
 * with questions, objections and restatements, and no hostility. Nobody is angry yet, but meaning and
 * emotion get lost over chat, and a five-minute call usually settles what eleven messages did not.
 */
import type { MessageFeatures } from './features';
import { isKnownAuthor } from './relations';
import type { Circling } from './thread';

/** Changes of hand before a run counts as going round. */
const MIN_TURNS = 8;
const MAX_PEOPLE = 3;
/** Share of the run's messages that push back, ask or restate. */
const MIN_CONTENTION = 0.4;

/** Does the message push back, ask, or restate what was said? */
function isContentious(features: MessageFeatures, text: string): boolean {
  const v = features.values;
  if (text.includes('?')) return true;
  if ((v.get('dis.disagree') ?? 0) > 0 || (v.get('hos.reproach') ?? 0) > 0) return true;
  const first = features.tokens[0]?.w;
  return first === 'but' || first === 'no' || first === 'still' || first === 'again' || first === 'well';
}

export function findCircling(
  messages: ReadonlyArray<{ author: string; at?: string }>,
  texts: readonly string[],
  features: readonly MessageFeatures[],
): Circling | null {
  // The latest run of messages among at most three named people, walking back from the end.
  const authors = new Set<string>();
  let start = messages.length;
  for (let i = messages.length - 1; i >= 0; i--) {
    const author = messages[i]!.author;
    if (!isKnownAuthor(author)) break;
    if (!authors.has(author) && authors.size === MAX_PEOPLE) break;
    authors.add(author);
    start = i;
  }
  if (authors.size < 2) return null;
  let turns = 0;
  for (let i = start + 1; i < messages.length; i++) if (messages[i]!.author !== messages[i - 1]!.author) turns++;
  if (turns < MIN_TURNS) return null;
  let contentious = 0;
  for (let i = start; i < messages.length; i++) if (isContentious(features[i]!, texts[i]!)) contentious++;
  if (contentious / (messages.length - start) < MIN_CONTENTION) return null;
  const since = messages[start]!.at;
  return { turns, since: since && !Number.isNaN(Date.parse(since)) ? since : null, authors: [...authors] };
}
