/**
 * Hallway's lint: the recommended checks that catch real bugs, and the house conventions that review
 * kept correcting, each written as a rule whose message says why (STYLE.md, habit 11).
 *
 *   npm run lint   (eslint --config test/lint/eslint.config.js .)
 *
 * It lives under test/ with the other checks, so the top level holds only what the extension is made of.
 * Every block is anchored to the repository root (`basePath`), so the globs mean the same thing whatever
 * directory ESLint runs from. Proven rule by rule in rules.test.ts beside this file.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const TS = ['**/*.ts', '**/*.tsx'];
const SRC = ['src/**/*.ts', 'src/**/*.tsx'];
const CONTENT = ['src/content/**'];
const DB = ['src/shared/db/**'];

/** Appends the reason to every message of a rule whose messages cannot be set through its options. */
function withReason(rule, reason) {
  const messages = Object.fromEntries(Object.entries(rule.meta.messages).map(([id, text]) => [id, `${text}. ${reason}`]));
  return { ...rule, meta: { ...rule.meta, messages } };
}

const hallway = {
  meta: { name: 'hallway' },
  rules: {
    'boolean-names': withReason(
      tseslint.plugin.rules['naming-convention'],
      'A boolean reads as a question (isShown, hasNotes), so the name says what true means (STYLE.md, habit 10)',
    ),
    'exhaustive-switch': withReason(
      tseslint.plugin.rules['switch-exhaustiveness-check'],
      'A new member of a union (a message type, a site, a level) must be handled where it is switched on, not fall through unnoticed',
    ),
  },
};

// ---- Imports: a folder is a trust boundary (STYLE.md, habit 1) ----

const CONTENT_IMPORTS = {
  paths: ['dexie', 'preact'].map((name) => ({
    name,
    message:
      'IndexedDB opened here belongs to the page\'s origin, where the page\'s scripts can read it (DESIGN.md); the content script holds no private data and no UI framework.',
  })),
  patterns: [
    {
      group: ['dexie/*', 'preact/*', '**/shared/db', '**/shared/db/**'],
      message:
        'IndexedDB opened here belongs to the page\'s origin, where the page\'s scripts can read it (DESIGN.md); the content script holds no private data and no UI framework.',
    },
  ],
};

const BACKGROUND_TYPES_ONLY = {
  group: ['**/background', '**/background/**'],
  allowTypeImports: true,
  message:
    'only `import type` from the service worker: the protocol derives its types from the worker\'s message declarations, but its code (the database, the handlers) must not be bundled into pages and content scripts.',
};

// ---- Syntax: one list per region, because a later block replaces the rule's options instead of adding to them ----

const ERROR_CAST = [
  {
    selector: "MemberExpression[property.name='message'] > TSAsExpression.object[typeAnnotation.typeName.name='Error']",
    message: 'use errorText(e) from src/shared/error-text.ts: a thrown value need not be an Error.',
  },
];

const DB_TABLES_NAMES = 'people|notes|interactions|favours|threads|settings|trash|snoozes|notThem|seen|transaction|table|tables';
const DB_TABLES_MESSAGE =
  'every read and write of a table goes through src/shared/db, so a change to storage (or a sync outbox written in the same transaction) has one place to go.';
const DB_TABLES = [
  { selector: `MemberExpression[object.name='db'][property.name=/^(${DB_TABLES_NAMES})$/]`, message: DB_TABLES_MESSAGE },
  { selector: `MemberExpression[object.property.name='db'][property.name=/^(${DB_TABLES_NAMES})$/]`, message: DB_TABLES_MESSAGE },
];

const LISTENER_MESSAGE =
  'listeners in the content script are torn down when the extension is reloaded under the page; pass { signal } or use ctx.listen.';
// Written out, so the signal can be seen at the call: an options variable (`on`) could hold anything.
const ADD_LISTENER = "CallExpression[callee.property.name='addEventListener']";
const LISTENERS = [
  { selector: `${ADD_LISTENER}[arguments.length<3]`, message: LISTENER_MESSAGE },
  { selector: `${ADD_LISTENER}[arguments.length>=3]:not([arguments.2.type='ObjectExpression'])`, message: LISTENER_MESSAGE },
  {
    selector: `${ADD_LISTENER} > ObjectExpression:nth-child(3):not(:has(Property[key.name='signal']))`,
    message: LISTENER_MESSAGE,
  },
];

const MARKUP_MESSAGE = 'page strings are text, never markup; Gmail enforces Trusted Types and throws. Build nodes with createElement and textContent.';

/**
 * Boolean names that are not questions on purpose: `ok` is the discriminant of every result
 * (`{ ok: true, value } | { ok: false, problems }`, as in fetch's Response); `integer` and `allowUnknown`
 * are validator options that read as a schema (`number({ integer: true })`); `all_frames` is the
 * manifest's own key; `trackVisibility` is IntersectionObserver v2's option, which TypeScript's DOM types
 * do not have yet. Object literals are not checked at all: their keys are named by the type or the
 * API they are passed to (`{ once: true }`, `{ childList: true }`), and our own types are checked.
 */
const BOOLEAN_NAMES_DICTATED = '^(ok|integer|allowUnknown|all_frames|trackVisibility)$';

export default tseslint
  .config(
    { ignores: ['dist/**', 'dist-firefox/**', 'packages/**', 'bench-results/**', '.vite/**', 'coverage/**'] },
    { linterOptions: { reportUnusedDisableDirectives: 'error' } },
    js.configs.recommended,
    {
      files: TS,
      extends: [tseslint.configs.recommended],
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir: ROOT },
      },
      plugins: { hallway },
      rules: {
        // The compiler already reports unused locals (tsconfig noUnusedLocals); `_name` marks a value left out on purpose.
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
        ],
        'hallway/exhaustive-switch': ['error', { considerDefaultExhaustiveForUnions: true }],
      },
    },
    {
      files: SRC,
      rules: {
        'no-restricted-properties': [
          'error',
          { property: 'innerHTML', message: MARKUP_MESSAGE },
          { property: 'outerHTML', message: MARKUP_MESSAGE },
          { property: 'insertAdjacentHTML', message: MARKUP_MESSAGE },
          { object: 'document', property: 'write', message: MARKUP_MESSAGE },
          { object: 'document', property: 'writeln', message: MARKUP_MESSAGE },
        ],
        'no-restricted-syntax': ['error', ...ERROR_CAST, ...DB_TABLES],
        'hallway/boolean-names': [
          'error',
          {
            selector: ['variable', 'parameter', 'parameterProperty', 'classProperty', 'typeProperty', 'accessor'],
            types: ['boolean'],
            format: null,
            custom: { regex: '^(is|has)[A-Z]', match: true },
            filter: { regex: BOOLEAN_NAMES_DICTATED, match: false },
          },
          // A destructured or quoted name is the other side's name, not ours.
          { selector: ['variable', 'parameter'], modifiers: ['destructured'], format: null },
          { selector: 'typeProperty', modifiers: ['requiresQuotes'], format: null },
        ],
      },
    },
    {
      files: ['src/shared/**', 'src/ui/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [BACKGROUND_TYPES_ONLY] }],
      },
    },
    {
      files: CONTENT,
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { paths: CONTENT_IMPORTS.paths, patterns: [...CONTENT_IMPORTS.patterns, BACKGROUND_TYPES_ONLY] },
        ],
        'no-restricted-syntax': ['error', ...ERROR_CAST, ...DB_TABLES, ...LISTENERS],
      },
    },
    {
      files: DB,
      rules: { 'no-restricted-syntax': ['error', ...ERROR_CAST] },
    },
  )
  .map((block) => ({ ...block, basePath: ROOT }));
