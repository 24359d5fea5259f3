import type { CardView } from '../shared/views';
import { AddPersonForm } from './add-person-form';
import { PersonHeader, shownIdentity } from './person-header';
import type { UpdateCard } from './use-card-view';

export function UnknownPerson({ view, update }: { view: CardView; update: UpdateCard }) {
  const { shown } = view;
  return (
    <div class="stranger" data-testid="card-unknown">
      <PersonHeader name={shown.name || shown.email || 'Someone'} identity={shownIdentity(shown)} isKnown={false} />
      <p class="lede">Not in Hallway yet</p>
      <AddPersonForm initialName={shown.name} update={update} />
    </div>
  );
}
