/**
 * What the service worker hands to other contexts. View models, not database rows: each carries only
 * what its screen shows, and content scripts get the marker view alone, which holds no private text.
 */
import type { Favour, Interaction, Note, Person, Settings } from './model';

export interface FavourBalance {
  /** Open favours the user asked of them. */
  asked: number;
  /** Open favours the user did for them. */
  given: number;
  /** When the oldest open favour was logged, for "since March". */
  since: string | null;
}

export interface PersonSummary {
  id: string;
  displayName: string;
  team: string;
  role: string;
  emails: string[];
  askAbout: string[];
  latestNote: { id: string; text: string; createdAt: string } | null;
  noteCount: number;
  lastInteractionAt: string | null;
  lastInPersonAt: string | null;
  balance: FavourBalance;
}

export interface PersonDetail {
  person: Person;
  notes: Note[];
  interactions: Interaction[];
  favours: Favour[];
}

export type PeopleSort = 'name' | 'lastInteraction' | 'team';

export interface PeoplePage {
  people: PersonSummary[];
  total: number;
}

/**
 * A marker's state, the only thing a content script learns about a person:
 * unknown (not in the directory), known (no notes), noted (has notes),
 * uncertain (the display name matches someone, but no address or id confirms it).
 */
/** Never marked: `self`, the signed-in user; `none`, a list or group address that is no one to know. */
export type MarkerState = 'unknown' | 'known' | 'noted' | 'uncertain' | 'self' | 'none';

/** One person recognised on a tab, for the popup. */
export interface TabPerson {
  /** Identity as the page showed it. */
  name: string;
  email: string | null;
  /** The directory entry it matched, or null for someone not yet in Hallway. */
  match: PersonSummary | null;
  isUncertain: boolean;
}

export interface TabPeople {
  /** Host of the tab, when Hallway runs there. */
  host: string | null;
  isSupported: boolean;
  isDisabled: boolean;
  people: TabPerson[];
  /** The page showed more names than Hallway marks (MAX_MARKS): it stopped marking there. */
  isCapped?: boolean;
}

export type CardTheme = 'light' | 'dark';

/**
 * What the hover card shows. For an unconfirmed match (a name only, or an address or id nobody has
 * yet) it carries the candidates' names and teams but no notes, until the user confirms one.
 */
export interface CardView {
  /** Changes every time the card is opened for someone, so the card can reset its state. */
  openId: number;
  theme: CardTheme;
  /** The identity as the page shows it. */
  shown: { name: string; email: string | null; siteLabel: string | null };
  state: MarkerState;
  /** The directory record, for known and noted people. */
  person: PersonDetail | null;
  balance: FavourBalance | null;
  /** For an unconfirmed match: who it might be, one person or several sharing the name. */
  candidates: CardCandidate[];
  /**
   * Why the card asks: the page shows an address or chat id Hallway has not linked to anyone, under a
   * name someone in Hallway has ('unlinked-id'), or only a name ('name-only').
   */
  evidence: 'unlinked-id' | 'name-only' | null;
}

export interface CardCandidate {
  id: string;
  displayName: string;
  team: string;
  role: string;
  /** Addresses and chat ids the person already has, so two people of one name can be told apart. */
  knownAs: string[];
}

/** Someone due for face time by the cadence the user set. */
export interface Reminder {
  person: PersonSummary;
  cadenceDays: number;
  /** The latest in-person meeting or call, or null when none was ever logged. */
  lastFaceTimeAt: string | null;
  /** Days past the cadence (0 when due today). */
  overdueDays: number;
}

/** The user's network by team, for the chart on the people page. */
export interface NetworkView {
  teams: {
    team: string;
    /** 0..1: how strong the user's ties into this team are overall. */
    strength: number;
    /** Everyone in the team, and how many of them the user has met in person. */
    size: number;
    metCount: number;
    /** The strongest ties, strongest first: as many as a chart row or a table cell shows. */
    people: { id: string; displayName: string; strength: number; hasMetInPerson: boolean }[];
  }[];
  /** The strongest ties the user has never logged meeting in person, a few; and how many there are. */
  neverMet: { id: string; displayName: string; team: string }[];
  neverMetCount: number;
  /** Plain sentences pointing at thin spots: "Nobody in Finance any more", "Only weak ties in Legal". */
  thinSpots: string[];
}

/** A thread's reading, as the popup's nudge shows it. */
export interface NudgeView {
  threadKey: string;
  title: string;
  /** As the tone analysis read it; when `isRead` is false this is 'calm' only by default. */
  level: 'calm' | 'tense' | 'sour';
  score: number;
  /**
   * Why the popup suggests talking: the thread turned hostile, or it goes in circles without turning.
   * Null when there is nothing to suggest, and always when the thread was not read.
   */
  reason: 'hostility' | 'circling' | null;
  /** The long back-and-forth: how many times it changed hands, and since when (ISO) when the page says. */
  circling: { turns: number; since: string | null } | null;
  /** False when the thread is in a language the tone analysis does not read: its tone was not judged. */
  isRead: boolean;
  /** That language's name in English ("German"), when the thread was not read and the language is known. */
  unreadLanguage: string | null;
  /** One plain sentence saying why. */
  summary: string;
  /** The messages and phrases that tipped it, in the order they were written. */
  evidence: { author: string; phrase: string; reason: string; messageIndex: number }[];
  /**
   * The people on the other side, never the user, as the directory knows them (or as the page shows
   * them); for a circling thread, those in the back-and-forth.
   */
  people: { name: string; email: string | null; summary: PersonSummary | null }[];
  /** "The second tense thread with Grace this month", when there is such a history. */
  history: string | null;
  /** True when the user said "not now" or that they talked, and it has not turned again since. */
  isQuiet: boolean;
  /** A ready message the user can edit and copy; it greets only the people on the other side. */
  suggestedMessage: string;
}

/** What a content script learns about the user's own draft. */
export interface DraftView {
  level: 'ok' | 'hostile' | 'passive-aggressive';
  phrases: string[];
  suggestion: string | null;
}

export interface ImportReport {
  people: number;
  notes: number;
  interactions: number;
  favours: number;
  threads: number;
  /** People in the file who share an address or chat id with someone already here, and were merged into them. */
  merged: { name: string; into: string }[];
}

export type { Settings };

/** An address or chat id a page showed under a person's name, that no one in Hallway has yet. */
export interface Sighting {
  key: string;
  name: string;
  /** "Slack U0GRACE001" or the address. */
  label: string;
  host: string;
  at: string;
}
