import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../../../src/shared/tone/index';
import * as threads from './workplace-threads';

const reasons = (t: threads.Thread): string[] => analyzeThread(t).evidence.map((e) => e.reason);

describe('workplace threads that sour without rude words', () => {
  it('reads withdrawn courtesies, reminders and a curt "Understood." as sour, from the reminder on', () => {
    const tone = analyzeThread(threads.coldEmail);
    expect(tone.level).toBe('sour');
    expect(tone.sourFrom).toBe(2);
    expect(tone.summary).toContain('from Priya Shah');
    expect(reasons(threads.coldEmail)).toEqual(expect.arrayContaining(['reproach', 'a curt answer to a warning']));
  });

  it('reads a threat to escalate, "Go ahead." and a witness pulled in as sour', () => {
    const tone = analyzeThread(threads.escalation);
    expect(tone.level).toBe('sour');
    expect(tone.sourFrom).toBe(2);
    expect(reasons(threads.escalation)).toEqual(
      expect.arrayContaining(['imputing bad faith', 'threat to escalate', 'a curt answer to a warning', 'pulling others in as witnesses']),
    );
  });

  it('reads keyword-free sarcasm and "stop doing this in writing" as sour', () => {
    const tone = analyzeThread(threads.sarcasticChat);
    expect(tone.level).toBe('sour');
    expect(tone.evidence).toContainEqual({ message: 2, author: 'Ana', phrase: 'Great, very helpful', reason: 'sarcasm' });
    expect(reasons(threads.sarcasticChat)).toContain('saying writing is not working');
  });

  it('a curt "Go ahead." alone, with nothing before it, is not evidence', () => {
    const tone = analyzeThread([{ author: 'Lena', text: 'Go ahead.' }]);
    expect(tone.level).toBe('calm');
  });
});

describe('workplace threads that stay calm', () => {
  it('keeps firm, reasoned disagreement below sour', () => {
    expect(analyzeThread(threads.firmButFair).level).toBe('calm');
  });

  it('keeps an incident with logs, sizes, rates and "!!!!!" calm', () => {
    const tone = analyzeThread(threads.busyIncident);
    expect(tone.level).toBe('calm');
    expect(tone.evidence).toEqual([]);
  });

  it('keeps a long, quick, friendly chat calm and not circling', () => {
    const tone = analyzeThread(threads.friendlyChat);
    expect(tone.level).toBe('calm');
    expect(tone.circling).toBeNull();
  });
});

describe('going in circles', () => {
  it('notices a long back-and-forth with no hostility, and when it started', () => {
    const tone = analyzeThread(threads.circling);
    expect(tone.level).not.toBe('sour');
    expect(tone.circling).toEqual({ turns: 11, since: threads.circling[0]!.at, authors: ['Noor', 'Jonas'] });
  });

  it('does not count threads whose authors are unknown', () => {
    const anonymous = threads.circling.map((m) => ({ ...m, author: '(unknown)' }));
    expect(analyzeThread(anonymous).circling).toBeNull();
  });
});

describe('languages and the user', () => {
  it('does not read a German thread, and says so instead of calling it calm', () => {
    const tone = analyzeThread(threads.german);
    expect(tone).toMatchObject({ language: 'de', isRead: false });
    expect(tone.summary).toMatch(/not in English/);
  });

  it('reads an English thread with a few foreign names as English', () => {
    expect(analyzeThread(threads.coldEmail)).toMatchObject({ language: 'en', isRead: true });
  });

  it('names the user as "you" when the page says who they are', () => {
    const mine = threads.coldEmail.map((m) => (m.author === 'Priya Shah' ? { ...m, isOwn: true } : m));
    expect(analyzeThread(mine).summary).toContain('from you');
  });

  it('skips quoted replies and signatures before scoring', () => {
    const quoted = [
      { author: 'Sam', text: 'Sounds good, see you at 3.' },
      { author: 'Kai', text: 'Great, thanks!\n\nOn Mon, 3 Nov 2026 at 09:12, Sam <sam@example.com> wrote:\n> You clearly did not read my email, this is unacceptable and I am escalating this.' },
    ];
    expect(analyzeThread(quoted).level).toBe('calm');
  });
});

describe('someone pulled in', () => {
  const base = [
    { author: 'Lena', text: 'The numbers in the deck are wrong again.' },
    { author: 'Marco', text: 'They are the numbers finance gave me.' },
  ];
  it('reads bringing a colleague in mid-argument as a sign, not in a calm thread', () => {
    const heated = [...base, { author: 'Lena', text: "You clearly didn't check them. Unacceptable." }, { author: 'Marco', text: 'Adding Sam to this.' }];
    expect(analyzeThread(heated).evidence).toContainEqual({ message: 3, author: 'Marco', phrase: 'Adding Sam', reason: 'pulling someone in mid-argument' });
    const calm = [{ author: 'Lena', text: 'Could you send the deck?' }, { author: 'Marco', text: 'Adding Sam, who has the latest version.' }];
    expect(analyzeThread(calm).evidence.map((e) => e.reason)).not.toContain('pulling someone in mid-argument');
  });
});

describe('short workplace threads', () => {
  for (const [name, t] of Object.entries(threads.souring)) {
    it(`reads "${name}" as at least tense, and sour unless it only hints`, () => {
      const tone = analyzeThread(t);
      expect(tone.level, tone.summary).not.toBe('calm');
      if (name !== 'demo') expect(tone.level, tone.summary).toBe('sour');
    });
  }
  for (const [name, t] of Object.entries(threads.fineShort)) {
    it(`keeps "${name}" calm`, () => {
      const tone = analyzeThread(t);
      expect(tone.level, tone.summary).toBe('calm');
    });
  }
});
