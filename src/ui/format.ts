/**
 * Plain-words formatting shared by the extension pages: relative dates, counts and the favour
 * balance. Pure functions, so the popup, the hover card and the people page all say things the same way.
 */
import type { FavourBalance } from '../shared/views';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

// numeric: 'auto' gives "yesterday" and "last week" instead of "1 day ago".
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "3 days ago", "in 2 weeks"; empty for a date that does not parse. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = then - now;
  const size = Math.abs(diff);
  if (size < MINUTE) return 'just now';
  for (const [unit, ms] of UNITS) {
    // Truncate rather than round: 11.6 months ago is "11 months ago", not "12 months ago".
    if (size >= ms) return relative.format(Math.trunc(diff / ms), unit);
  }
  return 'just now';
}

/** A calendar date for titles and lists: "3 Mar 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "1 person", "10,000 people". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "once", "twice", "11 times". */
export function times(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${n} times`;
}

/**
 * When something started, to end a sentence: "today", "since yesterday", "since Tuesday" within the
 * past week, otherwise "since 3 Mar" (with the year when it was another year). Empty when unknown.
 */
export function sinceDay(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  // Rounded: a day across a daylight-saving change is 23 or 25 hours long.
  const days = Math.round((startOf(now) - startOf(date)) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'since yesterday';
  // A week back is the same weekday as today, so "since Tuesday" on a Tuesday would mean today.
  if (days < 7) return `since ${date.toLocaleDateString('en', { weekday: 'long' })}`;
  const isThisYear = date.getFullYear() === now.getFullYear();
  return `since ${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...(isThisYear ? {} : { year: 'numeric' }) })}`;
}

/** "since March", or "since March 2025" when it was another year. */
function sinceMonth(iso: string | null, now: Date): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const month = date.toLocaleDateString('en', { month: 'long', ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }) });
  return ` since ${month}`;
}

/**
 * The open favours in words: "You asked them for 3 things since March, helped them once". Empty when
 * nothing is open, so callers can leave the line out.
 */
export function balanceInWords(balance: FavourBalance, now: Date = new Date()): string {
  const parts: string[] = [];
  if (balance.asked > 0) parts.push(`asked them for ${count(balance.asked, 'thing', 'things')}`);
  if (balance.given > 0) parts.push(`helped them ${times(balance.given)}`);
  if (!parts.length) return '';
  return `You ${parts.join(', ')}${sinceMonth(balance.since, now)}`;
}

/** A gentle word before asking again of someone the ledger already leans on. */
export function oneSidedHint(balance: FavourBalance, name: string): string | null {
  if (balance.asked - balance.given < 2) return null;
  const first = name.split(/\s+/u)[0] || name;
  return `The balance leans on ${first}: maybe offer a hand before asking again.`;
}

/** `<input type=date>` speaks local calendar dates; records store ISO timestamps at UTC midnight. */
export function isoFromDateInput(value: string): string {
  return `${value}T00:00:00.000Z`;
}

export function dateInputFromIso(iso: string | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}/u.test(iso) ? iso.slice(0, 10) : '';
}

/** Today's local date as `YYYY-MM-DD`, for date inputs and file names. */
export function todayDateInput(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
