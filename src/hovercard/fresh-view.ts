import { send } from '../shared/protocol';
import { cardId } from './card-port';
import { favourBalance } from '../shared/favours';
import type { CardView } from '../shared/views';

/**
 * The card as it should look after the user changed this person's record: the view the worker
 * answered an action with, else the card's current view. The worker forgets card sessions when it
 * is stopped while the card stays open, so then the record is read directly.
 */
export async function freshView(current: CardView, personId: string, answer?: CardView | null): Promise<CardView> {
  const view = answer ?? (await send('card.current', { card: cardId() }));
  if (view?.person?.person.id === personId) return view;
  const detail = await send('people.get', { id: personId });
  return { ...current, person: detail, balance: favourBalance(detail.favours) };
}
