/**
 * Reads threads as JSON Lines and writes one tone verdict per thread:
 *   npm run tone -- <threads.jsonl> [--sensitivity low|normal|high]
 * Input lines: {"id": ..., "messages": [{"author": "..." | null, "email": "...", "at": "ISO time", "text": "...",
 * "is_own": true when the user wrote it}]}
 * Output lines: {"id": ..., "score": 0..1, "level": "calm"|"tense"|"sour"|"unread", "sour_from": index|null,
 * "evidence": [...], "summary": "...", "language": "en"|..., "circling": {"turns", "since", "authors"}|null}.
 * "unread" is a thread in a language the analysis does not read (English only for now). A malformed line is reported with its number and skipped; the
 * exit code is then non-zero.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { errorText } from '../shared/error-text';
import { analyzeThread, type Sensitivity, type ToneMessageInput } from '../shared/tone/index';

export interface ToneLineResult {
  /** The output line (JSON), when the input line was valid. */
  output?: string;
  /** What was wrong with the line, when it was not. */
  error?: string;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** Checks one parsed thread; returns its messages or the reason it is not a thread. */
function threadMessages(record: unknown): ToneMessageInput[] | string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return `expected a JSON object, got ${describe(record)}`;
  const thread = record as Record<string, unknown>;
  if (!('id' in thread)) return 'missing "id"';
  if (!Array.isArray(thread.messages)) return `"messages" must be an array, got ${describe(thread.messages)}`;
  const messages: ToneMessageInput[] = [];
  for (const [i, raw] of thread.messages.entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `messages[${i}] must be an object`;
    const m = raw as Record<string, unknown>;
    // Exports often lose the author (null): the message is still read, with no history kept for it.
    if (m.author !== undefined && m.author !== null && typeof m.author !== 'string') return `messages[${i}].author must be a string or null`;
    if (typeof m.text !== 'string') return `messages[${i}].text must be a string`;
    if (m.email !== undefined && m.email !== null && typeof m.email !== 'string') return `messages[${i}].email must be a string`;
    if (m.at !== undefined && m.at !== null && (typeof m.at !== 'string' || Number.isNaN(Date.parse(m.at)))) {
      return `messages[${i}].at must be an ISO date-time`;
    }
    const isOwn = m.is_own ?? m.isOwn;
    if (isOwn !== undefined && typeof isOwn !== 'boolean') return `messages[${i}].is_own must be true or false`;
    messages.push({
      author: typeof m.author === 'string' ? m.author : '',
      text: m.text,
      ...(typeof m.email === 'string' ? { email: m.email } : {}),
      ...(typeof m.at === 'string' ? { at: m.at } : {}),
      ...(isOwn === true ? { isOwn } : {}),
    });
  }
  return messages;
}

/** Analyses one input line. Blank lines give neither output nor error. */
export function processToneLine(line: string, sensitivity: Sensitivity = 'normal'): ToneLineResult {
  if (!line.trim()) return {};
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON (${errorText(error)})` };
  }
  const messages = threadMessages(record);
  if (typeof messages === 'string') return { error: messages };
  const tone = analyzeThread(messages, { sensitivity });
  const id = (record as { id: unknown }).id;
  return {
    output: JSON.stringify({
      id,
      score: tone.score,
      // A thread in a language the analysis does not read is never called calm.
      level: tone.isRead ? tone.level : 'unread',
      sour_from: tone.sourFrom,
      evidence: tone.evidence,
      summary: tone.summary,
      language: tone.language,
      circling: tone.circling,
    }),
  };
}

/** Analyses a whole JSON Lines text; errors carry 1-based line numbers. */
export function processToneText(text: string, sensitivity: Sensitivity = 'normal'): { outputs: string[]; errors: string[] } {
  const outputs: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const result = processToneLine(line, sensitivity);
    if (result.output !== undefined) outputs.push(result.output);
    if (result.error !== undefined) errors.push(`line ${i + 1}: ${result.error}`);
  });
  return { outputs, errors };
}

const USAGE = 'Usage: npm run tone -- <threads.jsonl> [--sensitivity low|normal|high]';

function main(argv: readonly string[]): number {
  let file: string | undefined;
  let sensitivity: Sensitivity = 'normal';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/su, 2) : [arg, undefined];
    if (flag === '--sensitivity') {
      const value = inline ?? argv[++i];
      if (value !== 'low' && value !== 'normal' && value !== 'high') {
        process.stderr.write(`tone: --sensitivity must be low, normal or high.\n${USAGE}\n`);
        return 2;
      }
      sensitivity = value;
    } else if (arg.startsWith('--') || file !== undefined) {
      process.stderr.write(`tone: unexpected argument ${arg}.\n${USAGE}\n`);
      return 2;
    } else {
      file = arg;
    }
  }
  if (file === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    process.stderr.write(`tone: cannot read ${file}: ${reason}.\n`);
    return 1;
  }
  const { outputs, errors } = processToneText(text, sensitivity);
  for (const out of outputs) process.stdout.write(`${out}\n`);
  for (const err of errors) process.stderr.write(`tone: ${file} ${err} (skipped)\n`);
  return errors.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
