/**
 * Hallway's records, declared once as validators; the types follow from them. The same checks guard
 * the backup import and every message that carries a record, so the two cannot drift apart.
 */
import { ID_SITES, isEmail } from './identity';
import { LIMITS } from './limits';
import {
  array,
  boolean,
  id,
  isoDate,
  literal,
  nullable,
  number,
  object,
  optional,
  refine,
  string,
  type Checked,
} from './validate';

const shortText = string({ max: LIMITS.shortText });
const longText = string({ max: LIMITS.longText });
// Any case is accepted; records store addresses lower-case (see cleanPerson).
const email = refine(string({ max: LIMITS.email, what: 'an email address' }), (value) =>
  isEmail(value) ? null : `"${value.slice(0, 60)}" is not an email address`,
);
const nonBlank = (max: number, what: string) => string({ min: 1, max, pattern: /\S/u, what });

export const siteIdCheck = object({
  site: literal(...ID_SITES),
  id: nonBlank(LIMITS.siteId, 'a site user id'),
});

export const teamSpellCheck = object({
  team: string({ min: 1, max: LIMITS.shortText }),
  role: optional(shortText),
  from: optional(isoDate),
  to: optional(isoDate),
});

export const personCheck = object({
  id,
  displayName: nonBlank(LIMITS.name, 'a name'),
  emails: array(email, { max: 50 }),
  siteIds: array(siteIdCheck, { max: 50 }),
  team: shortText,
  role: shortText,
  teamHistory: array(teamSpellCheck, { max: 100 }),
  tags: array(string({ min: 1, max: LIMITS.tag }), { max: 100 }),
  askAbout: array(string({ min: 1, max: LIMITS.askAbout }), { max: 100 }),
  personal: longText,
  howWeMet: longText,
  /** Days of face time the user wants to keep to, or null for none. */
  cadenceDays: nullable(number({ min: 1, max: 3650, integer: true })),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Person = Checked<typeof personCheck>;

export const noteCheck = object({
  id,
  personId: id,
  text: string({ min: 1, max: LIMITS.longText }),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Note = Checked<typeof noteCheck>;

export const INTERACTION_KINDS = ['email', 'chat', 'call', 'in-person', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const interactionCheck = object({
  id,
  personId: id,
  kind: literal(...INTERACTION_KINDS),
  at: isoDate,
  /** Where it happened (a thread's URL); never message text. */
  sourceUrl: optional(string({ max: LIMITS.url })),
  threadKey: optional(string({ max: LIMITS.title })),
  summary: optional(longText),
  /** True when Hallway logged it on its own (opening a thread), false when the user did. */
  isAuto: boolean,
});
export type Interaction = Checked<typeof interactionCheck>;

export const FAVOUR_DIRECTIONS = ['asked', 'given'] as const;
export const FAVOUR_EFFORTS = ['small', 'medium', 'large'] as const;

export const favourCheck = object({
  id,
  personId: id,
  /** "asked": the user asked them for something; "given": the user did something for them. */
  direction: literal(...FAVOUR_DIRECTIONS),
  effort: literal(...FAVOUR_EFFORTS),
  what: string({ min: 1, max: LIMITS.favour }),
  at: isoDate,
  settledAt: nullable(isoDate),
});
export type Favour = Checked<typeof favourCheck>;

export const TONE_LEVELS = ['calm', 'tense', 'sour'] as const;

export const threadCheck = object({
  key: string({ min: 1, max: LIMITS.title }),
  site: string({ min: 1, max: 40 }),
  url: string({ max: LIMITS.url }),
  title: string({ max: LIMITS.title }),
  participantIds: array(id, { max: 500 }),
  toneHistory: array(
    object({ at: isoDate, score: number({ min: 0, max: 1 }), level: literal(...TONE_LEVELS) }),
    { max: 1000 },
  ),
  nudge: object({
    state: literal('none', 'shown', 'snoozed', 'talked'),
    until: nullable(isoDate),
    changedAt: nullable(isoDate),
    /** How many messages the thread had when the user snoozed it or said they talked. */
    atMessage: nullable(number({ min: 0, integer: true })),
  }),
  updatedAt: isoDate,
});
export type Thread = Checked<typeof threadCheck>;

export const settingsShape = {
  /** Hosts where the user switched Hallway off. */
  disabledSites: array(string({ min: 1, max: LIMITS.host }), { max: 1000 }),
  toneSensitivity: literal('low', 'normal', 'high'),
  isDraftCheckOn: boolean,
  isAutoLogOn: boolean,
  isPrivacyModeOn: boolean,
  isRemindersOn: boolean,
  /** "These are me": the user's own addresses and chat ids, never shown as a colleague. */
  me: optional(object({ emails: array(email, { max: 50 }), siteIds: array(siteIdCheck, { max: 50 }) })),
};
export const settingsCheck = object(settingsShape);
export type Settings = Checked<typeof settingsCheck>;

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  toneSensitivity: 'normal',
  isDraftCheckOn: true,
  isAutoLogOn: true,
  isPrivacyModeOn: false,
  isRemindersOn: false,
  me: { emails: [], siteIds: [] },
};

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function emptyPerson(fields: Partial<Person> & { displayName: string }): Person {
  const now = nowIso();
  return {
    id: newId(),
    emails: [],
    siteIds: [],
    team: '',
    role: '',
    teamHistory: [],
    tags: [],
    askAbout: [],
    personal: '',
    howWeMet: '',
    cadenceDays: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
