import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../../src', import.meta.url));
const toneDir = join(src, 'shared', 'tone');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('tone boundaries', () => {
  it('keeps the labelled data out of shipped code', () => {
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/data\/tone|HALLWAY_TONE_DATA|\.jsonl['"]/);
    }
  });

  it('stays pure: no clock, randomness or I/O in the analysis', () => {
    for (const file of files(toneDir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Date\.now|Math\.random|new Date\(\)|from 'node:|fetch\(/);
    }
  });

  it('ships a small lexicon and model: weights at most 50 KB gzipped', () => {
    const bytes = files(toneDir).reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeLessThan(330_000);
    const weights = ['model-weights.json', 'sour-weights.json'].map((name) => readFileSync(join(toneDir, name)));
    expect(weights.reduce((n, w) => n + gzipSync(w, { level: 9 }).length, 0)).toBeLessThanOrEqual(50 * 1024);
  });
});
