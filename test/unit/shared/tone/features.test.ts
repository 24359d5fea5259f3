import { describe, expect, it } from 'vitest';
import { extractFeatures, tokenize } from '../../../../src/shared/tone/features';

const f = (text: string): Map<string, number> => extractFeatures(text).values;
const kinds = (text: string): string[] => extractFeatures(text).cues.map((c) => `${c.kind}:${c.phrase}`);

describe('tokenize', () => {
  it('keeps contractions, curly apostrophes and sentence starts', () => {
    const tokens = tokenize('I don’t know. Why? ok');
    expect(tokens.map((t) => t.w)).toEqual(['i', "don't", 'know', 'why', 'ok']);
    expect(tokens.filter((t) => t.isSentenceStart).map((t) => t.w)).toEqual(['i', 'why', 'ok']);
  });
});

describe('politeness strategies', () => {
  it('finds gratitude, apology, greeting and hedges', () => {
    const v = f('Hi Sam, sorry for the delay. I think it might work, thanks!');
    expect(v.get('pol.greeting')).toBe(1);
    expect(v.get('pol.apology')).toBe(1);
    expect(v.get('pol.gratitude')).toBe(1);
    expect(v.get('pol.hedge')).toBeGreaterThanOrEqual(2);
  });

  it('tells indirect requests from direct questions and second-person starts', () => {
    expect(f('Could you take a look?').get('pol.counterfactual')).toBe(1);
    expect(f('Would you mind reviewing it?').get('pol.counterfactual')).toBe(1);
    expect(f('Can you take a look?').get('pol.indicative')).toBe(1);
    expect(f('Why did you change it?').get('pol.direct_question')).toBe(1);
    expect(f('Why did you change it').get('pol.direct_question')).toBeUndefined();
    expect(f('You changed it.').get('pol.second_start')).toBe(1);
    expect(f('Please review.').get('pol.please_start')).toBe(1);
    expect(f('Review it, please.').get('pol.please')).toBe(1);
  });
});

describe('hostility markers', () => {
  it('finds insults and whether they are aimed at someone', () => {
    expect(kinds('That is a stupid plan')).toContain('insult:stupid');
    expect(kinds('You are an idiot')).toContain('insult-at-you:You are an idiot');
    expect(f('You are an idiot').get('hos.insult_you')).toBe(1);
    // Self-deprecation is not an attack.
    expect(kinds('I was being stupid, sorry')).toEqual([]);
  });

  it('finds profanity and swearing at someone', () => {
    expect(kinds('this shit again')).toContain('profanity:shit');
    expect(kinds('screw you')).toContain('profanity-at-you:screw you');
  });

  it('finds shouting but not acronyms', () => {
    expect(kinds('FIX IT NOW please')).toContain('shouting:FIX IT NOW');
    expect(kinds('The API and SLA for EU are fine')).toEqual([]);
    expect(kinds('Please send the JSON ASAP')).toEqual([]);
    expect(kinds('This is NEVER going to work')).toContain('emphasis:NEVER');
  });

  it('finds "?!" bursts, and keeps runs of "!" apart as possible cheer', () => {
    expect(f('Really?!').get('hos.burst')).toBe(1);
    expect(f('Where is it???').get('hos.burst')).toBe(1);
    expect(f('Done!!!').get('hos.burst')).toBeUndefined();
    expect(f('Done!!!').get('hos.excl')).toBe(1);
    expect(f('Done!').get('hos.excl')).toBeUndefined();
  });

  it('finds passive-aggressive phrases once, in their longest form', () => {
    const cues = kinds('Per my last email, as previously stated. Just circling back again. Thanks for finally replying.');
    expect(cues).toEqual([
      'passive-aggressive:Per my last email',
      'passive-aggressive:as previously stated',
      'passive-aggressive:Just circling back again',
      'passive-aggressive:Thanks for finally',
    ]);
  });

  it('finds sarcasm cues and friendliness', () => {
    expect(kinds('Oh great, another outage')).toContain('sarcasm:Oh great');
    expect(f('this bug is killing me lol').get('fr.friendly')).toBe(1);
    expect(f('nice 😂').get('fr.friendly')).toBe(1);
  });

  it('leaves bad news about systems alone', () => {
    const v = f('Critical outage: the deploy failed, rolling back.');
    expect([...v.keys()].filter((k) => k.startsWith('hos.'))).toEqual([]);
    expect(v.get('s.neg_you')).toBeUndefined();
  });
});

describe('how colleagues sour without rude words', () => {
  const cases: Array<[string, string]> = [
    ['As I mentioned in my previous message, the file is on the drive.', 'reproach:As I mentioned in my previous message'],
    ['Going forward it would help to hear about this earlier.', 'reproach:Going forward it would'],
    ["I told you Friday. It's Monday.", "reproach:It's Monday"],
    ["You clearly don't care about the process.", "bad-faith:You clearly don't care"],
    ['Why do you keep ignoring the guidelines?', 'rhetorical:Why do you keep'],
    ["Then I'll take it to your manager.", 'escalation:take it to your manager'],
    ["Adding Sam so there's a record of this.", "record:so there's a record"],
    ['Great, very helpful :)', 'sarcasm:Great, very helpful'],
    ["Let's stop doing this in writing.", 'medium:stop doing this in writing'],
    ['That is your problem, not mine.', 'hostile-phrase:That is your problem'],
    ['Really? You shipped it without review.', 'hostile-phrase:Really?'],
  ];
  for (const [text, cue] of cases) {
    it(`finds ${cue.split(':')[0]} in "${text}"`, () => {
      expect(kinds(text)).toContain(cue);
    });
  }

  it('reads a one-word verdict after a say as judgement', () => {
    expect(f('Thanks, will move to another tool then. Sad.').get('hos.verdict')).toBe(1);
    expect(f('Sad to see you go, good luck!').get('hos.verdict')).toBeUndefined();
  });
});

describe('false alarms of rates, sizes, names and logs', () => {
  it('does not read "/s" inside a rate as sarcasm', () => {
    expect(kinds('Throughput went from 179k/s to 696KB/s after the change')).toEqual([]);
    expect(kinds('Sure, ship it on a Friday /s')).toContain('sarcasm:/s');
  });

  it('does not read sizes, codes and acronyms as shouting', () => {
    expect(kinds('The image is 792M, the layer 1.2G and the cache 300K')).toEqual([]);
    expect(kinds('FERC ruled on the EGAS filing; see the ESCA/OATI notes')).toEqual([]);
    expect(kinds('ERROR WARN INFO lines are in the attached log')).toEqual([]);
    expect(kinds('THIS IS NOT WHAT I ASKED FOR').some((c) => c.startsWith('shouting:'))).toBe(true);
  });

  it('reads a capitalised insult inside a sentence as a name', () => {
    expect(kinds('Please send it to Dick Jenkins in Houston')).toEqual([]);
    expect(kinds('Dick move, honestly')).toContain('insult:Dick');
  });

  it('does not read owning a mistake as swearing', () => {
    expect(kinds('I shall screw up sooner or later')).toEqual([]);
  });
});

