/**
 * How big things may be, in one place. The content script cuts page strings to these, the forms stop
 * typing at them, and the service worker and the record checks refuse anything larger: when each side
 * reads the same number, nothing the user can type or a page can show is cut in one place and refused
 * in the next.
 *
 * Pure data: the content script imports this module.
 */

/** Longest strings, in characters. */
export const LIMITS = {
  /*
   * Page strings. A page can show anything; one absurd value must not get a whole batch of lookups
   * refused, so content scripts cut or drop values past these. A name or an address from a page can
   * become a person's, so the records take the same lengths.
   */
  name: 200,
  email: 320,
  siteId: 200,
  /** A thread's title, and its key. */
  title: 500,
  messageId: 500,
  url: 2000,
  /** One message of a thread, as read for its tone. */
  text: 5000,

  /* What the user writes. */
  /** A team, a role. */
  shortText: 200,
  /** A note, what is personal, how the user met someone, an interaction's summary. */
  longText: 20_000,
  /** What a favour was. */
  favour: 2000,
  tag: 60,
  askAbout: 100,
  /** A search of the people page. */
  query: 500,
  /** A site name, as DNS allows. */
  host: 253,
} as const;

/**
 * How deeply a backup file may nest. Hallway's own are five levels deep; the browser's message channel
 * gives up on very deep values with a bare "Could not serialize message", so deeper files are refused
 * before they are sent.
 */
export const MAX_BACKUP_DEPTH = 32;

/**
 * Marks on one page (each frame counts its own). A long channel scrolled far back shows a few
 * thousand; a page with more is a dump or an attack, and marking past it would only cost the page its
 * memory and speed (every marked element is watched for coming into view, and on a page of 100,000
 * rows watching 20,000 of them cost the browser 60–150 ms a frame). Past it Hallway stops marking,
 * and the popup says so.
 */
export const MAX_MARKS = 5000;
/** Marks in one run of text (an email body of thousands of addresses): the rest of it is left. */
export const MAX_MARKS_PER_TEXT = 200;

/** Identities in one lookup message (`content.match`); a page with more sends several. */
export const MAX_LOOKUP = 5000;

/**
 * Characters of a draft sent for a tone check: the analysis is linear in the text, and the start of a
 * draft is what the user is writing.
 */
export const MAX_DRAFT_CHARS = 5000;

/** People in one `people.list` answer. */
export const MAX_LIST_PAGE = 1000;
