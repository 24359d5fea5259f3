/**
 * The favour ledger's arithmetic, shared by the service worker and the pages. Only open favours
 * count: a settled one no longer weighs on either side.
 */
import type { Favour } from './model';
import type { FavourBalance } from './views';

export function favourBalance(favours: readonly Pick<Favour, 'direction' | 'at' | 'settledAt'>[]): FavourBalance {
  let asked = 0;
  let given = 0;
  let since: string | null = null;
  for (const favour of favours) {
    if (favour.settledAt) continue;
    if (favour.direction === 'asked') asked += 1;
    else given += 1;
    if (!since || favour.at < since) since = favour.at;
  }
  return { asked, given, since };
}

/** Asking twice more than helping is where a colleague starts to feel used. */
export const ONE_SIDED_AFTER = 2;

export function isOneSided(balance: FavourBalance): boolean {
  return balance.asked - balance.given >= ONE_SIDED_AFTER;
}
