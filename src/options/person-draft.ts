/**
 * The editor works on a draft of plain strings (what the inputs hold) and turns it back into a Person
 * only on save, so a half-typed date or address never reaches the record and is never thrown away.
 */
import { ID_SITES, isEmail, normalizeEmail, type IdSite } from '../shared/identity';
import type { Person } from '../shared/model';
import { SITE_FULL_NAMES } from '../shared/sites';
import { dateInputFromIso, isoFromDateInput } from '../ui/format';

export interface SiteIdDraft {
  site: IdSite;
  id: string;
}

export interface TeamSpellDraft {
  team: string;
  role: string;
  from: string;
  to: string;
}

export interface PersonDraft {
  displayName: string;
  /** One address per line. */
  emails: string;
  siteIds: SiteIdDraft[];
  team: string;
  role: string;
  teamHistory: TeamSpellDraft[];
  /** Comma separated. */
  tags: string;
  /** Comma separated. */
  askAbout: string;
  personal: string;
  howWeMet: string;
  /** Days, or empty for no cadence. */
  cadenceDays: string;
}

export type DraftProblems = Partial<Record<'displayName' | 'emails' | 'siteIds' | 'teamHistory' | 'cadenceDays', string>>;

export const SITE_LABELS: Record<IdSite, string> = SITE_FULL_NAMES;
export const SITE_OPTIONS = ID_SITES;

export const EMPTY_DRAFT: PersonDraft = {
  displayName: '',
  emails: '',
  siteIds: [],
  team: '',
  role: '',
  teamHistory: [],
  tags: '',
  askAbout: '',
  personal: '',
  howWeMet: '',
  cadenceDays: '',
};

export function toDraft(person: Person): PersonDraft {
  return {
    displayName: person.displayName,
    emails: person.emails.join('\n'),
    siteIds: person.siteIds.map((s) => ({ site: s.site, id: s.id })),
    team: person.team,
    role: person.role,
    teamHistory: person.teamHistory.map((t) => ({
      team: t.team,
      role: t.role ?? '',
      from: dateInputFromIso(t.from),
      to: dateInputFromIso(t.to),
    })),
    tags: person.tags.join(', '),
    askAbout: person.askAbout.join(', '),
    personal: person.personal,
    howWeMet: person.howWeMet,
    cadenceDays: person.cadenceDays === null ? '' : String(person.cadenceDays),
  };
}

const lines = (text: string) => text.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
export const commaList = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

export function emailProblem(text: string): string | null {
  const bad = lines(text).filter((line) => !isEmail(line));
  if (!bad.length) return null;
  const shown = bad.slice(0, 3).map((b) => `"${b.slice(0, 60)}"`).join(', ');
  return bad.length === 1 ? `${shown} is not an email address.` : `${shown}${bad.length > 3 ? ' and others' : ''} are not email addresses.`;
}

export function draftProblems(draft: PersonDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.displayName.trim()) problems.displayName = 'Give them a name.';
  const emails = emailProblem(draft.emails);
  if (emails) problems.emails = emails;
  if (draft.siteIds.some((s) => !s.id.trim())) problems.siteIds = 'Fill in each site id, or remove the empty row.';
  if (draft.teamHistory.some((t) => !t.team.trim())) problems.teamHistory = 'Name the team in each row, or remove the row.';
  else if (draft.teamHistory.some((t) => t.from && t.to && t.from > t.to)) problems.teamHistory = 'A "from" date is after its "to" date.';
  const cadence = draft.cadenceDays.trim();
  if (cadence && !/^\d+$/u.test(cadence)) problems.cadenceDays = 'Use a whole number of days, or leave it empty.';
  else if (cadence && (Number(cadence) < 1 || Number(cadence) > 3650)) problems.cadenceDays = 'Use between 1 and 3650 days.';
  return problems;
}

/** The draft's fields laid over the stored person; fields the editor does not show are kept. */
export function applyDraft(person: Person, draft: PersonDraft): Person {
  const cadence = draft.cadenceDays.trim();
  return {
    ...person,
    displayName: draft.displayName.trim(),
    emails: lines(draft.emails).map(normalizeEmail),
    siteIds: draft.siteIds.map((s) => ({ site: s.site, id: s.id.trim() })).filter((s) => s.id),
    team: draft.team.trim(),
    role: draft.role.trim(),
    teamHistory: draft.teamHistory.map((t) => ({
      team: t.team.trim(),
      ...(t.role.trim() ? { role: t.role.trim() } : {}),
      ...(t.from ? { from: isoFromDateInput(t.from) } : {}),
      ...(t.to ? { to: isoFromDateInput(t.to) } : {}),
    })),
    tags: commaList(draft.tags),
    askAbout: commaList(draft.askAbout),
    personal: draft.personal,
    howWeMet: draft.howWeMet,
    cadenceDays: cadence ? Number(cadence) : null,
  };
}

export function isSameDraft(a: PersonDraft, b: PersonDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
