/**
 * Message text that talks about colleagues the way chat and mail do: by full name, by first name
 * only, by address, and by @mention. Returned as segments so each site renders mentions its own way.
 */
import type { BenchPerson } from './people';
import type { Random } from './prng';

export type Segment = { text: string } | { mention: BenchPerson };

const OPENERS = ['Quick update:', 'Heads up,', 'FYI', 'Thanks all.', 'Morning!', 'Following up on yesterday,', 'Re the launch:', 'One more thing:'];
const FILLER = [
  'the migration is mostly done but the staging cluster still needs a restart',
  'can someone review the rollout plan before Thursday',
  'the dashboard numbers look off after the last deploy',
  'we should move the retro to next week',
  'the customer call went well and they want a follow-up',
  'please keep an eye on the error budget tonight',
  'I left comments on the design doc',
  'the flaky test is back on main',
  'budget approval came through this morning',
  'let us sync after standup',
];
const LINKS = ['said', 'asked whether', 'thinks', 'mentioned that', 'confirmed', 'will check if'];

/** Who can be talked about: mostly directory people, sometimes someone the directory lacks. */
export interface Cast {
  known: readonly BenchPerson[];
  unknown: readonly BenchPerson[];
}

function someone(random: Random, cast: Cast): BenchPerson {
  return random.chance(0.9) || cast.unknown.length === 0 ? random.pick(cast.known) : random.pick(cast.unknown);
}

export function messageSegments(random: Random, cast: Cast): Segment[] {
  const segments: Segment[] = [{ text: `${random.pick(OPENERS)} ${random.pick(FILLER)}. ` }];
  const sentences = 1 + random.int(3);
  for (let s = 0; s < sentences; s++) {
    const person = someone(random, cast);
    const roll = random.next();
    if (roll < 0.35) segments.push({ text: `${person.full} ${random.pick(LINKS)} ${random.pick(FILLER)}. ` });
    else if (roll < 0.6) segments.push({ text: `${person.first} ${random.pick(LINKS)} ${random.pick(FILLER)}. ` });
    else if (roll < 0.75) segments.push({ text: `Write to ${person.email} if ${random.pick(FILLER)}. ` });
    else {
      segments.push({ text: 'cc ' }, { mention: person }, { text: ` ${random.pick(FILLER)}. ` });
    }
  }
  return segments;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
