/**
 * Hover card sessions, one per tab: who the card was last opened for, and what it shows. The card
 * frame never says whom it shows; it asks, and gets the view for its own tab's current target.
 */
import type { HallwayDatabase } from '../shared/db/database';
import * as repo from '../shared/db/repository';
import { normalizeEmail, strongKey, type PageIdentity } from '../shared/identity';
import { SITE_LABELS } from '../shared/sites';
import type { CardTheme, CardView } from '../shared/views';

export interface CardTarget {
  openId: number;
  identity: PageIdentity;
  theme: CardTheme;
  /** Set when the user confirmed a name-only match for this card session. */
  confirmedPersonId: string | null;
}

/** A card session's key: its tab and the id of its card frame. */
export function cardKey(tabId: number, card: string): string {
  return `${tabId}:${card}`;
}

/** Card sessions by cardKey: who each card frame was last opened for. */
export class CardSessions {
  private readonly targets = new Map<string, CardTarget>();
  private nextOpenId = 1;

  open(key: string, identity: PageIdentity, theme: CardTheme): CardTarget {
    const target = { openId: this.nextOpenId++, identity, theme, confirmedPersonId: null };
    this.targets.set(key, target);
    return target;
  }

  get(key: string): CardTarget | null {
    return this.targets.get(key) ?? null;
  }

  forget(key: string): void {
    this.targets.delete(key);
  }
}

export async function buildCardView(
  db: HallwayDatabase,
  target: CardTarget,
  match: repo.Matcher = (ids) => repo.matchIdentities(db, ids),
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
      const rows = await db.people.bulkGet(offered);
      candidates = rows.flatMap((row) =>
        row
          ? [
              {
                id: row.id,
                displayName: row.displayName,
                team: row.team,
                role: row.role,
                knownAs: [...row.emails, ...row.siteIds.map((s) => `${SITE_LABELS[s.site]} ${s.id}`)].slice(0, 4),
              },
            ]
          : [],
      );
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
