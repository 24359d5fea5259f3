/**
 * Each house rule in eslint.config.js, broken once on purpose: the right rule reports it, and its
 * message gives the reason. The samples are linted as text under paths inside the repository that
 * do not exist, so the type-aware rules read them through a default project instead of tsconfig's.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG = join(ROOT, 'test/lint/eslint.config.js');

function linter(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: CONFIG,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: ['src/*/lint-sample.ts', 'src/*/*/lint-sample.ts', 'test/*/lint-sample.ts'],
            defaultProject: 'tsconfig.json',
            // The samples are a dozen short texts, not a project's worth of files.
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
          },
        },
      },
    },
  });
}

let eslint: ESLint;

interface Problem {
  ruleId: string | null;
  message: string;
}

/** The problems ESLint finds in `code` as if it were the file at `path` (relative to the repository). */
async function problems(code: string, path: string, using = eslint): Promise<Problem[]> {
  const [result] = await using.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

function reported(ruleId: string, reason: string): Problem {
  return expect.objectContaining({ ruleId, message: expect.stringContaining(reason) }) as Problem;
}

const CONTENT = 'src/content/lint-sample.ts';
const ORIGIN = "IndexedDB opened here belongs to the page's origin";
const MARKUP = 'Gmail enforces Trusted Types';
const LISTENER = 'torn down when the extension is reloaded under the page; pass { signal } or use ctx.listen';
const DB = 'every read and write of a table goes through src/shared/db';
const TYPES_ONLY = 'only `import type` from the service worker';

describe('lint', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    eslint = linter(ROOT);
    await problems('export {};\n', CONTENT);
  }, 60_000);

  it('passes a content module that keeps the conventions', async () => {
    const code = [
      "import type { ContentContext } from './context';",
      "import type { Messages } from '../background/messages';",
      "import { errorText } from '../shared/error-text';",
      'export type Sample = keyof Messages;',
      'export function mount(ctx: ContentContext, host: HTMLElement, name: string, signal: AbortSignal): void {',
      "  const label = document.createElement('span');",
      '  label.textContent = name;',
      '  host.append(label);',
      "  ctx.listen(host, 'click', () => label.remove());",
      "  host.addEventListener('focus', () => label.remove(), { signal });",
      "  window.addEventListener('blur', () => label.remove(), { once: true, signal: ctx.signal });",
      '  let isShown = true;',
      "  host.addEventListener('keydown', () => { isShown = !isShown; }, { ...{ passive: true }, signal });",
      '  try {',
      '    label.focus();',
      '  } catch (e) {',
      '    label.title = errorText(e);',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await problems(code, CONTENT)).toEqual([]);
  });

  it('keeps dexie, preact and the database out of the content script', async () => {
    expect(await problems("import Dexie from 'dexie';\nexport const d = Dexie;\n", CONTENT)).toEqual([
      reported('@typescript-eslint/no-restricted-imports', ORIGIN),
    ]);
    expect(await problems("import { useState } from 'preact/hooks';\nexport const u = useState;\n", CONTENT)).toEqual([
      reported('@typescript-eslint/no-restricted-imports', ORIGIN),
    ]);
    expect(await problems("import { db } from '../shared/db';\nexport const d = db;\n", CONTENT)).toEqual([
      reported('@typescript-eslint/no-restricted-imports', ORIGIN),
    ]);
    expect(await problems("import { db } from '../shared/db/database';\nexport const d = db;\n", 'src/content/adapters/lint-sample.ts')).toEqual([
      reported('@typescript-eslint/no-restricted-imports', ORIGIN),
    ]);
  });

  it('refuses markup from strings anywhere in src', async () => {
    const cases = [
      "document.body.innerHTML = '<b>x</b>';",
      "document.body.outerHTML = '<b>x</b>';",
      "document.body.insertAdjacentHTML('beforeend', '<b>x</b>');",
      "document.write('<b>x</b>');",
    ];
    for (const line of cases) {
      expect(await problems(`${line}\n`, 'src/options/lint-sample.ts'), line).toEqual([reported('no-restricted-properties', MARKUP)]);
    }
  });

  it('asks every content-script listener for a signal', async () => {
    const cases = [
      "document.addEventListener('click', () => {});",
      "document.addEventListener('click', () => {}, true);",
      "document.addEventListener('click', () => {}, { once: true });",
      "const on = { once: true };\ndocument.addEventListener('click', () => {}, on);",
      "document.addEventListener('click', () => fetch('/', { signal: AbortSignal.timeout(1) }), { passive: true });",
    ];
    for (const code of cases) {
      expect(await problems(`${code}\n`, CONTENT), code).toEqual([reported('no-restricted-syntax', LISTENER)]);
    }
    // Pages outside the content script live and die with their own document.
    expect(await problems("document.addEventListener('click', () => {});\n", 'src/popup/lint-sample.ts')).toEqual([]);
  });

  it('sends a caught value through errorText', async () => {
    const code = 'export function f(e: unknown): string {\n  return (e as Error).message;\n}\n';
    expect(await problems(code, 'src/cli/lint-sample.ts')).toEqual([
      reported('no-restricted-syntax', 'use errorText(e) from src/shared/error-text.ts: a thrown value need not be an Error'),
    ]);
  });

  it('names booleans as questions in src, and leaves tests alone', async () => {
    const code = 'export function f(done: boolean): boolean {\n  const shown = !done;\n  return shown;\n}\n';
    const reason = 'A boolean reads as a question';
    expect(await problems(code, 'src/shared/lint-sample.ts')).toEqual([
      reported('hallway/boolean-names', reason),
      reported('hallway/boolean-names', reason),
    ]);
    expect(await problems('export interface Options {\n  strict: boolean;\n}\n', 'src/shared/lint-sample.ts')).toEqual([
      reported('hallway/boolean-names', reason),
    ]);
    expect(await problems(code, 'test/unit/lint-sample.ts')).toEqual([]);
  });

  it('asks a switch on a union to handle every member', async () => {
    const code = [
      "export type Level = 'calm' | 'tense' | 'sour';",
      'export function label(level: Level): string {',
      '  switch (level) {',
      "    case 'calm':",
      "      return 'Calm';",
      "    case 'tense':",
      "      return 'Tense';",
      '  }',
      "  return '';",
      '}',
      '',
    ].join('\n');
    expect(await problems(code, 'src/shared/lint-sample.ts')).toEqual([
      reported('hallway/exhaustive-switch', 'A new member of a union'),
    ]);
  });

  it('reads and writes tables only in src/shared/db', async () => {
    const code = [
      "declare const db: { people: { get(id: string): unknown }; transaction(mode: string, fn: () => void): void };",
      "export const person = db.people.get('p1');",
      "db.transaction('rw', () => {});",
      'export class Repo {',
      '  constructor(private readonly db: { notes: unknown }) {}',
      '  notes(): unknown {',
      '    return this.db.notes;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await problems(code, 'src/background/lint-sample.ts')).toEqual([
      reported('no-restricted-syntax', DB),
      reported('no-restricted-syntax', DB),
      reported('no-restricted-syntax', DB),
    ]);
    expect(await problems(code, 'src/shared/db/lint-sample.ts')).toEqual([]);
    expect(await problems(code, 'test/unit/lint-sample.ts')).toEqual([]);
  });

  it('lets shared, UI and content code take only types from the service worker', async () => {
    const runtime = "import { createRouter } from '../background/router';\nexport const r = createRouter;\n";
    const typeOnly = "import type { Messages } from '../background/messages';\nexport type M = Messages;\n";
    for (const path of ['src/shared/lint-sample.ts', 'src/ui/lint-sample.ts', CONTENT]) {
      expect(await problems(runtime, path), path).toEqual([reported('@typescript-eslint/no-restricted-imports', TYPES_ONLY)]);
      expect(await problems(typeOnly, path), path).toEqual([]);
    }
  });

  it('reads the globs from the repository root whatever directory it runs in', async () => {
    const fromSrc = linter(join(ROOT, 'src'));
    expect(await problems("document.body.innerHTML = '';\n", 'src/content/lint-sample.ts', fromSrc)).toEqual([
      reported('no-restricted-properties', MARKUP),
    ]);
  });
});
