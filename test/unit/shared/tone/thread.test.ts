import { describe, expect, it } from 'vitest';
import { analyzeThread, type ToneMessageInput } from '../../../../src/shared/tone/index';

const thread = (...lines: Array<[string, string, string?]>): ToneMessageInput[] =>
  lines.map(([author, text, at]) => ({ author, text, ...(at ? { at } : {}) }));

const passiveAggressive = thread(
  ['Dana', 'Hi Sam, could you send the Q3 numbers by Friday? Thanks!'],
  ['Sam', 'Will do.'],
  ['Dana', 'Hi Sam, just circling back again on the Q3 numbers.'],
  ['Dana', 'Per my last email, as previously stated, I need the numbers today.'],
  ['Sam', 'Sent.'],
  ['Dana', 'Thanks for finally sending them. Going forward, please meet the deadlines.'],
);

const openlyHostile = thread(
  ['Ari', 'The build is broken again.'],
  ['Bo', 'Not my problem.'],
  ['Ari', 'Are you kidding me? You broke it, you idiot!!! FIX IT NOW.'],
  ['Bo', 'Don’t talk to me like that. This is ridiculous.'],
);

const constructiveDisagreement = thread(
  ['Kim', 'I think the migration plan might be too risky, because we have no rollback for the schema change.'],
  ['Lou', 'I disagree. We tested it on staging twice, so I’m fairly confident it holds.'],
  ['Kim', 'Fair point, but staging has a tenth of the data. Could we do a dry run on a prod snapshot first?'],
  ['Lou', 'That seems reasonable. I’m not convinced it is needed, but I’ll set it up for Thursday.'],
);

const banter = thread(
  ['Ana', 'this bug is killing me lol'],
  ['Ben', 'haha found it, a missing await'],
  ['Ana', 'you legend!!!'],
  ['Ben', 'WORST BUG EVER 😂'],
);

const incident = thread(
  ['Ops', 'Critical outage in eu-west: deploy failed, checkout is down. Rolling back now.'],
  ['Lee', 'Rollback complete, error rate back to normal.'],
  ['Ops', 'Root cause: the migration failed on the largest shard. Postmortem tomorrow at 10.'],
);

describe('analyzeThread', () => {
  it('reads polite-surface passive aggression as sour, with the phrases as evidence', () => {
    const tone = analyzeThread(passiveAggressive);
    expect(tone.level).toBe('sour');
    expect(tone.sourFrom).not.toBeNull();
    expect(tone.sourFrom!).toBeGreaterThanOrEqual(2);
    expect(tone.evidence).toContainEqual({ message: 3, author: 'Dana', phrase: 'Per my last email', reason: 'passive-aggressive phrase' });
    expect(tone.evidence).toContainEqual({ message: 5, author: 'Dana', phrase: 'Thanks for finally', reason: 'passive-aggressive phrase' });
    expect(tone.summary).toMatch(/sour.*Dana.*passive-aggressive/);
    expect(tone.perAuthor.Dana!).toBeGreaterThan(tone.perAuthor.Sam!);
  });

  it('reads insults and shouting as sour from the brush-off that started it', () => {
    const tone = analyzeThread(openlyHostile);
    expect(tone.level).toBe('sour');
    // "Not my problem." is where it turned; the insults two messages later are its peak.
    expect(tone.sourFrom).toBe(1);
    expect(tone.score).toBeGreaterThan(0.8);
    expect(tone.evidence.map((e) => e.reason)).toEqual(expect.arrayContaining(['insult aimed at someone', 'shouting (all capitals)']));
    expect(tone.summary).toContain('2nd message');
  });

  it('keeps reasoned disagreement with hedges below sour', () => {
    const tone = analyzeThread(constructiveDisagreement);
    expect(tone.level).not.toBe('sour');
    expect(tone.sourFrom).toBeNull();
  });

  it('reads friendly banter as calm', () => {
    const tone = analyzeThread(banter);
    expect(tone.level).toBe('calm');
    expect(tone.evidence).toEqual([]);
  });

  it('reads a calm incident report as calm despite the bad news', () => {
    const tone = analyzeThread(incident);
    expect(tone.level).toBe('calm');
    expect(tone.summary).toMatch(/calm/);
  });

  it('lets reply acceleration and a two-person exchange amplify existing tension', () => {
    const texts = [
      'Can we ship the export today?',
      'Not today, QA found issues.',
      'You always say that.',
      'Because it is always true.',
      'You never test anything.',
      'That is not fair.',
    ];
    const minutes = [0, 240, 360, 364, 365, 366];
    const timed = texts.map((text, i) => ({
      author: i % 2 ? 'Bo' : 'Ari',
      text,
      at: new Date(Date.UTC(2025, 0, 6, 9, minutes[i]!)).toISOString(),
    }));
    const untimed = timed.map(({ author, text }) => ({ author, text }));
    expect(analyzeThread(timed).score).toBeGreaterThan(analyzeThread(untimed).score);
    // A lively but friendly chat stays calm however fast it goes.
    const friendly = timed.map((m) => ({ ...m, text: 'sounds good, thanks!' }));
    expect(analyzeThread(friendly).level).toBe('calm');
  });

  it('honours sensitivity: the same score, thresholds a fifth lower or a quarter higher', () => {
    const mild = thread(['Ari', 'Hi, any news on the export?'], ['Bo', 'You always say that.']);
    const { score } = analyzeThread(mild);
    // An operating point that puts this score just inside "tense".
    const operating = { tense: score / 1.1, sour: score * 1.1 };
    const low = analyzeThread(mild, { sensitivity: 'low', operating });
    const normal = analyzeThread(mild, { operating });
    const high = analyzeThread(mild, { sensitivity: 'high', operating });
    expect(low.score).toBe(high.score);
    expect([low.level, normal.level, high.level]).toEqual(['calm', 'tense', 'sour']);
  });

  it('handles empty and one-message threads', () => {
    expect(analyzeThread([])).toMatchObject({ score: 0, level: 'calm', sourFrom: null, evidence: [] });
    expect(analyzeThread(thread(['Ari', 'Morning!'])).level).toBe('calm');
  });

  it('is deterministic', () => {
    expect(analyzeThread(passiveAggressive)).toEqual(analyzeThread(passiveAggressive));
  });
});
