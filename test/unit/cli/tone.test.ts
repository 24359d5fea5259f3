import { describe, expect, it } from 'vitest';
import { processToneLine, processToneText } from '../../../src/cli/tone';

const good = JSON.stringify({
  id: 't1',
  messages: [
    { author: 'Ari', email: 'ari@example.com', at: '2025-01-06T09:00:00Z', text: 'Can you look at the build?' },
    { author: 'Bo', text: 'Per my last email, as previously stated, it is not my build.' },
  ],
});

describe('tone CLI lines', () => {
  it('turns a thread into one output line', () => {
    const { output, error } = processToneLine(good);
    expect(error).toBeUndefined();
    const parsed = JSON.parse(output!) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['id', 'score', 'level', 'sour_from', 'evidence', 'summary', 'language', 'circling']);
    expect(parsed.id).toBe('t1');
    expect(parsed.score).toBeGreaterThanOrEqual(0);
    expect(parsed.score).toBeLessThanOrEqual(1);
    expect(['calm', 'tense', 'sour']).toContain(parsed.level);
    expect(parsed.evidence).toContainEqual({ message: 1, author: 'Bo', phrase: 'Per my last email', reason: 'passive-aggressive phrase' });
  });

  it('explains malformed lines', () => {
    expect(processToneLine('{not json').error).toMatch(/not valid JSON/);
    expect(processToneLine('[1, 2]').error).toMatch(/JSON object/);
    expect(processToneLine('{"messages": []}').error).toMatch(/"id"/);
    expect(processToneLine('{"id": 1, "messages": "hi"}').error).toMatch(/"messages" must be an array/);
    expect(processToneLine('{"id": 1, "messages": [{"author": 7, "text": "hi"}]}').error).toMatch(/messages\[0\]\.author/);
    expect(processToneLine('{"id": 1, "messages": [{"author": "A", "text": "hi", "is_own": "yes"}]}').error).toMatch(/is_own/);
    expect(processToneLine('{"id": 1, "messages": [{"author": "A", "text": 3}]}').error).toMatch(/messages\[0\]\.text/);
    expect(processToneLine('{"id": 1, "messages": [{"author": "A", "text": "x", "at": "yesterday"}]}').error).toMatch(/\.at/);
    expect(processToneLine('   ')).toEqual({});
  });

  it('skips bad lines, keeps going and numbers the errors', () => {
    const text = [good, 'oops', '', JSON.stringify({ id: 2, messages: [] }), '{"id": 3}'].join('\n');
    const { outputs, errors } = processToneText(text);
    expect(outputs).toHaveLength(2);
    expect(errors).toEqual([expect.stringMatching(/^line 2: not valid JSON/), expect.stringMatching(/^line 5: "messages"/)]);
  });

  it('reads messages whose author was lost', () => {
    const line = JSON.stringify({ id: 'gh', messages: [{ author: null, text: 'This is broken.' }, { text: 'You clearly did not read the issue. Unacceptable.' }] });
    const parsed = JSON.parse(processToneLine(line).output!) as { level: string; evidence: Array<{ author: string }> };
    expect(parsed.level).not.toBe('calm');
    expect(parsed.evidence.every((e) => e.author === '')).toBe(true);
  });

  it('never calls a thread in another language calm', () => {
    const line = JSON.stringify({
      id: 'de',
      messages: [
        { author: 'Jürgen', text: 'Hallo Anna, kannst du mir bitte die Zahlen für das dritte Quartal bis Freitag schicken?' },
        { author: 'Anna', text: 'Das habe ich dir doch schon zweimal gesagt. Ich bin nicht deine Sekretärin, mach es doch selbst.' },
      ],
    });
    const parsed = JSON.parse(processToneLine(line).output!) as { level: string; language: string };
    expect(parsed).toMatchObject({ level: 'unread', language: 'de' });
  });
});
