/**
 * Hand-written workplace threads for the tone tests: the ways colleagues sour in mail and chat, and
 * the ways they disagree, hurry and joke without souring. Written for these tests; no real people.
 */
import type { ToneMessageInput } from '../../../../src/shared/tone/index';

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

const T = (lines: Array<[string, string]>): Thread => lines.map(([author, text]) => ({ author, text }));

/** Short threads that sour in the ways colleagues do: reminders, blame, coldness, witnesses, non-apologies. */
export const souring: Record<string, Thread> = {
  deadline: T([['Mgr', 'Hi Sam,\n\nCan you confirm the vendor report will be ready Wednesday?\n\nThanks,\nJo'], ['Sam', 'Hi Jo, yes, Wednesday works.\n\nBest,\nSam'], ['Mgr', 'Sam, it is Friday and I still have nothing. This is the second time this quarter. I need you to take ownership of your deadlines.'], ['Sam', 'Noted.']]),
  demo: T([['Ana', 'Is the staging build ready for the demo at 3?'], ['Ben', 'Actually it is broken, the migration failed.'], ['Ana', 'Cool. Thanks for letting me know five minutes before the demo.'], ['Ben', 'I told you yesterday it was risky.'], ['Ana', 'No, you said it was "mostly fine". Those are different things.']]),
  blame: T([['Kai', 'The release broke checkout for EU users.'], ['Lin', 'That was the config change, not the release.'], ['Kai', 'This is on you. You said it was tested. Why did nobody check the EU config?'], ['Lin', "I'm not going to keep repeating myself. The config was not part of my change."]]),
  cold: T([['Ravi', 'I think we should keep the old pricing page until the new one is reviewed.'], ['Mo', 'The new one is reviewed. We went over this on Monday.'], ['Ravi', 'I was not in that meeting, and nobody told me the decision.'], ['Mo', 'Fine. Do whatever you want.']]),
  looped: T([['Ann', 'Bob, the API docs are out of date again. Customers are filing tickets.'], ['Bob', 'I updated them last sprint.'], ['Ann', "They still show the v1 endpoints. I've looped in Dana since this keeps happening."], ['Bob', 'Great. Very collaborative.']]),
  notTold: T([['Eli', 'Why was I not told the launch moved to next week?'], ['Fay', 'It was in the planning notes.'], ['Eli', 'Which I was not sent. This keeps happening and frankly it is exhausting.'], ['Fay', 'Sorry you feel that way.']]),
  pml: T([['Gus', 'Hi Hal, any news on the invoice?'], ['Hal', 'Per my last message, it was sent on the 3rd.'], ['Gus', 'I have checked twice and it is not there. Could you resend it?'], ['Hal', 'As I already said, it was sent. Please check your spam folder.']]),
};

/** Short threads that only look like it: reminders to a team, scheduling, clarifying, incidents, praise. */
export const fineShort: Record<string, Thread> = {
  reminder: T([['Ann', 'Hi team,\n\nFriendly reminder that timesheets are due Friday. Per our conversation last week, please make sure the project codes are right.\n\nThanks,\nAnn'], ['Bob', 'Thanks Ann, done.'], ['Cid', 'Done, thanks for the reminder!']]),
  schedule: T([['Ann', 'Hi Bob, can we move our 1:1 to Thursday? Going forward, Thursdays work better for me.'], ['Bob', 'Sure, Thursday 10am works. See you then.'], ['Ann', 'Great, thanks!']]),
  clarify: T([['Kim', 'To be clear, the launch is on the 14th, not the 12th. As mentioned in the kickoff, marketing needs two days.'], ['Lou', 'Got it, thanks for clarifying. I will update the plan.'], ['Kim', 'Thanks Lou!']]),
  disagreeOk: T([['Raj', "I don't think we should ship this week. The error rate is still above target and I'd rather wait."], ['Sue', 'Fair. I still think the risk is small, but let us wait until Monday and look at the numbers again.'], ['Raj', 'Sounds good, thanks for being flexible.']]),
  bugReport: T([['Eve', 'The export is broken again for EU customers. Stack trace attached.\n```\nERROR ExportJob failed: NullPointerException\n  at Export.run(Export.java:42)\n```'], ['Dan', 'Thanks, looking. Looks like the same null check as last time.'], ['Dan', 'Fixed in #4521, deploying now.'], ['Eve', 'Confirmed working, thank you!']]),
  curtOk: T([['Ann', 'Can you send the slides?'], ['Bob', 'Sent.'], ['Ann', 'Thanks.'], ['Bob', 'np']]),
  followup: T([['Ann', 'Hi Bob, following up on the contract review from last week. Any update?'], ['Bob', 'Hi Ann, sorry for the delay! Legal had questions, I will have it to you tomorrow.'], ['Ann', 'No worries, thanks for the update.']]),
  onCall: T([['Ops', 'Heads up: we are escalating the outage to the vendor, their support is not responding.'], ['Lee', 'Thanks. I will take it to the incident channel so everyone is aware.'], ['Ops', 'Vendor replied, fix is rolling out.']]),
  feedback: T([['Mia', 'Honestly the draft is really good. One thing: the intro is long, maybe cut it by half?'], ['Noah', 'Good point, will do. Anything else?'], ['Mia', 'No, that is it. Nice work!']]),
  cced: T([['Ann', 'Hi Bob, adding Carla who owns the budget so she can weigh in.'], ['Carla', 'Thanks Ann. Bob, the numbers look fine to me.'], ['Bob', 'Great, thanks both.']]),
};
