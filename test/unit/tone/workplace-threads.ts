/**
 * Hand-written workplace threads for the tone tests: the ways colleagues sour in mail and chat, and
 * the ways they disagree, hurry and joke without souring. Written for these tests; no real people.
 */
import type { ToneMessageInput } from '../../../src/shared/tone/index';

export type Thread = ToneMessageInput[];

const at = (day: number, hour: number, minute = 0): string => new Date(Date.UTC(2026, 10, day, hour, minute)).toISOString();

/** Courtesies withdrawn, a reminder of what was said, then a curt reply: sour without a rude word. */
export const coldEmail: Thread = [
  { author: 'Priya Shah', at: at(2, 9), text: 'Hi Tom,\n\nCould you send me the vendor comparison by Friday? I need it for the budget review on Monday.\n\nThanks a lot,\nPriya' },
  { author: 'Tom Becker', at: at(2, 11), text: 'Hi Priya,\n\nSure, I will have it to you by Friday afternoon.\n\nBest,\nTom' },
  { author: 'Priya Shah', at: at(9, 8), text: "Tom,\n\nI told you Friday. It's Monday. As I mentioned in my previous message, the review is today and I have nothing to show.\n\nPriya" },
  { author: 'Tom Becker', at: at(9, 8, 30), text: 'Understood.' },
  { author: 'Priya Shah', at: at(9, 9), text: 'Going forward it would help to hear about delays before the deadline, not after it.' },
];

/** A threat to take it higher, answered with "Go ahead.", and a manager pulled in as a witness. */
export const escalation: Thread = [
  { author: 'Lena', text: 'The release notes still list the old pricing. Can you fix them before the launch?' },
  { author: 'Marco', text: 'They are correct as far as I know, the pricing page is the source of truth.' },
  { author: 'Lena', text: "Why do you keep ignoring the guidelines? You clearly don't care about the process." },
  { author: 'Marco', text: "If you think that, then I'll take it to your manager." },
  { author: 'Lena', text: 'Go ahead.' },
  { author: 'Marco', text: "Adding Sam so there's a record of this." },
];

/** People saying it themselves, with sarcasm that has no rude word in it. */
export const sarcasticChat: Thread = [
  { author: 'Ana', text: 'hey, the staging deploy is failing again, did something change in the pipeline?' },
  { author: 'Ben', text: 'Nope. Works on my machine.' },
  { author: 'Ana', text: 'Great, very helpful :)' },
  { author: 'Ben', text: 'Not sure what else you want me to say. Read the logs.' },
  { author: 'Ana', text: "Let's stop doing this in writing. Can you call me in five?" },
];

/** Firm, even blunt, disagreement that stays on the problem. */
export const firmButFair: Thread = [
  { author: 'Kim', text: 'I think the migration plan is too risky, because we have no rollback for the schema change.' },
  { author: 'Lou', text: "I disagree. We tested it on staging twice, so I'm fairly confident it holds." },
  { author: 'Kim', text: 'Fair point, but staging has a tenth of the data. Could we do a dry run on a prod snapshot first?' },
  { author: 'Lou', text: "That seems reasonable. I'm not convinced it is needed, but I'll set it up for Thursday." },
  { author: 'Kim', text: 'Thanks, I appreciate it. If the dry run is clean I am happy to go ahead.' },
];

/** Urgent, with logs full of capitals, sizes and rates, and cheerful exclamation marks. */
export const busyIncident: Thread = [
  { author: 'Ops bot', text: 'ERROR 2026-11-03T10:02:11Z payments-api OOMKilled (limit 792M)\nERROR 2026-11-03T10:02:12Z payments-api restart' },
  { author: 'Dana', text: 'Looking. Memory is at 792M of 800M, throughput dropped from 179k/s to 12k/s.' },
  { author: 'Eli', text: 'Raised the limit to 2G and rolled it out, throughput is back at 170k/s.' },
  { author: 'Dana', text: 'Confirmed, all green!!!!! Nice work, thanks Eli.' },
];

/** Eleven messages between the same two people, round and round, nobody rude. */
export const circling: Thread = Array.from({ length: 12 }, (_, i) => {
  const texts = [
    'Should the export include archived projects?',
    'I would say no, archived ones clutter it.',
    'But finance needs them for the yearly report, no?',
    'They can filter them in the sheet, I think.',
    'Would it not be simpler to add a checkbox?',
    'Maybe, but then we need to test both paths.',
    'Still, a checkbox seems less work than explaining the filter?',
    'I am not sure, the filter is one line of docs.',
    'Then what about a separate archived export?',
    'That doubles the maintenance though?',
    'Well, so which one do we pick?',
    'I still think no archived projects, but I can live with the checkbox.',
  ];
  return { author: i % 2 ? 'Noor' : 'Jonas', at: at(3 + Math.floor(i / 4), 9 + (i % 4)), text: texts[i]! };
});

/** A long friendly chat between two people: quick turns, no contention. */
export const friendlyChat: Thread = Array.from({ length: 12 }, (_, i) => ({
  author: i % 2 ? 'Noor' : 'Jonas',
  at: at(4, 9, i * 3),
  text: ['morning! coffee at 10?', 'yes please', 'great, the usual place', 'see you there', 'the new slides look great btw', 'thanks! took me ages', 'worth it', 'lunch after?', 'sure', 'nice', 'I will book a table', 'perfect, thanks'][i]!,
}));

/** A German thread: not read, never called calm. */
export const german: Thread = [
  { author: 'Jürgen', text: 'Hallo Anna, kannst du mir bitte die Zahlen für das dritte Quartal bis Freitag schicken? Danke!' },
  { author: 'Anna', text: 'Das habe ich dir doch schon zweimal gesagt. Ich bin nicht deine Sekretärin, mach es doch selbst.' },
  { author: 'Jürgen', text: 'Wie bitte? So redet man nicht mit Kollegen. Ich werde das mit deinem Vorgesetzten besprechen.' },
];
