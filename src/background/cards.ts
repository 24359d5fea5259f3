/**
 * Hover card sessions, one per tab: who the card was last opened for, and what it shows. The card
 * frame never says whom it shows; it asks, and gets the view for its own tab's current target.
 */
import * as repo from '../shared/db';
import type { HallwayDatabase } from '../shared/db';
import { normalizeEmail, strongKey, type PageIdentity } from '../shared/identity';
import type { CardPortMessage } from '../shared/protocol';
import { SITE_LABELS } from '../shared/sites';
import type { CardTheme, CardView } from '../shared/views';

export interface CardTarget {
  openId: number;
  identity: PageIdentity;
  theme: CardTheme;
  /** The frame of the tab whose page holds the card (Chat inside Gmail is a frame of its own). */
  hostFrame: number;
  /** Set when the user confirmed a name-only match for this card session. */
  confirmedPersonId: string | null;
}

/** A card session's key: its tab and the id of its card frame. */
export function cardKey(tabId: number, card: string): string {
  return `${tabId}:${card}`;
}

/**
 * The hover cards of every tab: who each card frame was last opened for, which frame is which card,
 * and what each shows. Views reach a frame by `push` (its port); actions from a frame are answered
 * with the view they lead to.
 */
export class CardHub {
  private readonly targets = new Map<string, CardTarget>();
  /** Which card each card frame is, by tab and frame, learnt when the frame first asks. */
  private readonly frames = new Map<string, string>();
  private nextOpenId = 1;

  constructor(
    private readonly db: HallwayDatabase,
    private readonly match: repo.Matcher,
    private readonly push: (key: string, message: CardPortMessage) => void,
  ) {}

  /** Opens the card for what the page showed and pushes its view, unless a newer open came first. */
  async open(key: string, identity: PageIdentity, theme: CardTheme, hostFrame: number): Promise<void> {
    const target: CardTarget = { openId: this.nextOpenId++, identity, theme, hostFrame, confirmedPersonId: null };
    this.targets.set(key, target);
    await this.show(key, target);
  }

  close(key: string): void {
    this.targets.delete(key);
    this.push(key, { type: 'card.hide' });
  }

  forget(key: string): void {
    this.targets.delete(key);
  }

  get(key: string): CardTarget | null {
    return this.targets.get(key) ?? null;
  }

  /** Remembers which card a frame shows, from the frame's first question. */
  register(tabId: number, frameId: number, card: string): string {
    this.frames.set(`${tabId}:${frameId}`, card);
    return cardKey(tabId, card);
  }

  /** The card a frame's message is about: its own, never one it names later. */
  ofFrame(tabId: number, frameId: number): { card: string; key: string } {
    const card = this.frames.get(`${tabId}:${frameId}`);
    if (!card) throw new repo.InvalidDataError('This card has lost its page; hover the name again.');
    return { card, key: cardKey(tabId, card) };
  }

  /** The card session of a frame, or null for a frame that is no card. */
  keyOfFrame(tabId: number, frameId: number): string | null {
    const card = this.frames.get(`${tabId}:${frameId}`);
    return card ? cardKey(tabId, card) : null;
  }

  async view(key: string): Promise<CardView | null> {
    const target = this.targets.get(key);
    return target ? buildCardView(this.db, target, this.match) : null;
  }

  /** Shows every open card again from the database, after a change made somewhere else. */
  refreshAll(except: string | null = null): void {
    for (const [key, target] of this.targets) {
      if (key !== except) void this.show(key, target).catch(() => undefined);
    }
  }

  private async show(key: string, target: CardTarget): Promise<void> {
    const view = await buildCardView(this.db, target, this.match);
    // Another open or a close may have come in while the view was built: only the latest shows.
    if (this.targets.get(key) === target) this.push(key, { type: 'card.show', view });
  }
}

export async function buildCardView(
  db: HallwayDatabase,
  target: CardTarget,
  match: repo.Matcher,
): Promise<CardView> {
  const { identity } = target;
  const [found] = await match([identity]);
  let state = found?.state ?? 'unknown';
  let personId = state === 'known' || state === 'noted' ? (found?.personId ?? null) : null;
  let candidates: CardView['candidates'] = [];

  if (state === 'uncertain') {
    const offered = found?.candidates ?? [];
    if (target.confirmedPersonId && offered.includes(target.confirmedPersonId)) {
      personId = target.confirmedPersonId;
      state = 'known';
    } else if (offered.length) {
      // The records alone: a candidate's notes are not read for a question that must not show them.
      candidates = (await repo.peopleByIds(db, offered)).map((row) => ({
        id: row.id,
        displayName: row.displayName,
        team: row.team,
        role: row.role,
        knownAs: [...row.emails, ...row.siteIds.map((s) => `${SITE_LABELS[s.site]} ${s.id}`)].slice(0, 4),
      }));
    }
  }

  const person = personId ? await repo.getPersonDetail(db, personId).catch(() => null) : null;
  if (person && state !== 'uncertain') state = person.notes.length || person.person.personal.trim() ? 'noted' : 'known';
  return {
    openId: target.openId,
    theme: target.theme,
    shown: {
      name: person?.person.displayName ?? identity.name ?? identity.email ?? '',
      email: identity.email ? normalizeEmail(identity.email) : null,
      siteLabel: identity.siteId ? `${SITE_LABELS[identity.siteId.site]} user ${identity.siteId.id}` : null,
    },
    state,
    person,
    balance: person ? repo.favourBalance(person.favours) : null,
    candidates,
    evidence: state !== 'uncertain' ? null : strongKey(identity) ? 'unlinked-id' : 'name-only',
  };
}
