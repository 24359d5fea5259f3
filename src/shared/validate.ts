/**
 * A small validator for data that crosses a trust boundary: message payloads and import files.
 * Each check returns the value it accepted, or a list of problems with the path where each one is,
 * so an import can say "people[3].emails[0]: expected an email address" instead of "invalid file".
 */

export interface Problem {
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface Check<T> {
  (value: unknown, path?: string): Result<T>;
}

export type Checked<C> = C extends Check<infer T> ? T : never;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (path: string, message: string): Result<never> => ({
  ok: false,
  problems: [{ path: path || '(top level)', message }],
});

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

export function string(options: { max?: number; min?: number; pattern?: RegExp; what?: string } = {}): Check<string> {
  const { max = 100_000, min = 0, pattern, what } = options;
  return (value, path = '') => {
    if (typeof value !== 'string') return fail(path, `expected ${what ?? 'text'}, got ${describe(value)}`);
    if (value.length < min) return fail(path, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if (value.length > max) return fail(path, `is ${value.length} characters long; at most ${max} are allowed`);
    if (pattern && !pattern.test(value)) return fail(path, `expected ${what ?? 'a value of the right form'}, got "${value.slice(0, 60)}"`);
    return ok(value);
  };
}

export function number(options: { min?: number; max?: number; integer?: boolean } = {}): Check<number> {
  const { min = -Infinity, max = Infinity, integer = false } = options;
  return (value, path = '') => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `expected a number, got ${describe(value)}`);
    if (integer && !Number.isInteger(value)) return fail(path, 'expected a whole number');
    if (value < min || value > max) return fail(path, `must be between ${min} and ${max}`);
    return ok(value);
  };
}

export const boolean: Check<boolean> = (value, path = '') =>
  typeof value === 'boolean' ? ok(value) : fail(path, `expected true or false, got ${describe(value)}`);

export function literal<const T extends readonly (string | number | boolean)[]>(...allowed: T): Check<T[number]> {
  return (value, path = '') =>
    allowed.includes(value as T[number])
      ? ok(value as T[number])
      : fail(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)?.slice(0, 60) ?? 'nothing'}`);
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? ok(undefined) : check(value, path));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? ok(null) : check(value, path));
}

export function array<T>(item: Check<T>, options: { max?: number } = {}): Check<T[]> {
  const { max = 1_000_000 } = options;
  return (value, path = '') => {
    if (!Array.isArray(value)) return fail(path, `expected a list, got ${describe(value)}`);
    if (value.length > max) return fail(path, `has ${value.length} entries; at most ${max} are allowed`);
    const out: T[] = [];
    const problems: Problem[] = [];
    value.forEach((entry, i) => {
      const result = item(entry, `${path}[${i}]`);
      if (result.ok) out.push(result.value);
      else problems.push(...result.problems);
    });
    return problems.length ? { ok: false, problems } : ok(out);
  };
}

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
/** One flat object type rather than an intersection, so it reads (and compares) as written. */
type Flat<T> = { [K in keyof T]: T[K] };
type FromShape<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }
>;

/** An object with exactly these keys: unknown keys are refused, so typos in an import show up. */
export function object<S extends Shape>(shape: S, options: { allowUnknown?: boolean } = {}): Check<FromShape<S>> {
  return (value, path = '') => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(path, `expected an object, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const problems: Problem[] = [];
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const [key, check] of Object.entries(shape)) {
      const result = check(record[key], at(key));
      if (!result.ok) {
        if (record[key] === undefined) problems.push({ path: at(key), message: 'is missing' });
        else problems.push(...result.problems);
      } else if (result.value !== undefined) {
        out[key] = result.value;
      }
    }
    if (!options.allowUnknown) {
      for (const key of Object.keys(record)) {
        if (!Object.hasOwn(shape, key)) problems.push({ path: at(key), message: 'is not a known field' });
      }
    }
    return problems.length ? { ok: false, problems } : ok(out as FromShape<S>);
  };
}

/** The same object with every field optional: a patch to a record of that shape. */
export function partial<S extends Shape>(shape: S): Check<Partial<FromShape<S>>> {
  const loose = Object.fromEntries(Object.entries(shape).map(([key, check]) => [key, optional(check)]));
  return object(loose) as Check<Partial<FromShape<S>>>;
}

/** Tries each check in turn; used for tagged unions, where `tag` names the field that picks one. */
export function union<T extends Record<string, Check<unknown>>>(tag: string, variants: T): Check<Checked<T[keyof T]>> {
  return (value, path = '') => {
    if (typeof value !== 'object' || value === null) return fail(path, `expected an object, got ${describe(value)}`);
    const kind = (value as Record<string, unknown>)[tag];
    const check = typeof kind === 'string' && Object.hasOwn(variants, kind) ? variants[kind] : undefined;
    if (!check) {
      return fail(path ? `${path}.${tag}` : tag, `expected one of ${Object.keys(variants).map((k) => JSON.stringify(k)).join(', ')}`);
    }
    return check(value, path) as Result<Checked<T[keyof T]>>;
  };
}

/** Narrows an accepted value further, e.g. "ends after it starts". */
export function refine<T>(check: Check<T>, test: (value: T) => string | null): Check<T> {
  return (value, path = '') => {
    const result = check(value, path);
    if (!result.ok) return result;
    const message = test(result.value);
    return message ? fail(path, message) : result;
  };
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const isoDate = refine(string({ pattern: ISO_DATE, what: 'a date like 2026-03-01T09:30:00.000Z' }), (value) => {
  // Date.parse rolls 30 February over into March instead of refusing it, so compare the day back.
  const time = Date.parse(value);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value.slice(0, 10)
    ? `"${value}" is not a real date`
    : null;
});
export const id = string({ min: 1, max: 100, pattern: /^[\w-]+$/u, what: 'an id (letters, digits, - and _)' });

export function formatProblems(problems: Problem[], limit = 20): string {
  const shown = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) shown.push(`…and ${problems.length - limit} more`);
  return shown.join('\n');
}
