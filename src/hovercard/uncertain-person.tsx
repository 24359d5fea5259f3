import { useState } from 'preact/hooks';
import { ProtocolError, send } from '../shared/protocol';
import type { CardView } from '../shared/views';
import { AddPersonForm } from './add-person-form';
import { ErrorLine } from './card-footer';
import { openPeoplePage } from './pages';
import { PersonHeader, shownIdentity } from './person-header';
import type { UpdateCard } from './use-card-view';
import { useRequest } from '../ui/use-request';

/**
 * A name that matches someone in Hallway with nothing stronger to back it. Anyone can take a
 * colleague's display name, so the card shows who it might be but none of their notes until the
 * user says it is them.
 */
export function UncertainPerson({ view, update }: { view: CardView; update: UpdateCard }) {
  const { shown, candidate } = view;
  const { isBusy, error, run } = useRequest();
  const [isAdding, setIsAdding] = useState(false);

  async function confirmCandidate(personId: string) {
    await run(() =>
      update(async () => {
        const confirmed = await send('card.confirm', { personId });
        if (!confirmed) throw new ProtocolError('This card no longer shows that person; hover the name again.');
        return confirmed;
      }),
    );
  }

  const someoneElse = (
    <button type="button" class="secondary compact" data-testid="card-someone-else" onClick={() => setIsAdding(true)}>
      Someone else
    </button>
  );

  return (
    <div class="stranger" data-testid="card-uncertain">
      <PersonHeader name={shown.name || shown.email || 'Someone'} identity={shownIdentity(shown)} isKnown={false} />
      {isAdding ? (
        <>
          <p class="lede">Add them as someone new</p>
          <AddPersonForm initialName={shown.name} update={update} isFocused onCancel={() => setIsAdding(false)} />
        </>
      ) : candidate ? (
        <>
          <p class="question">
            Might be <strong>{candidate.displayName}</strong>
            {candidate.team && <span class="muted"> ({candidate.team})</span>}
          </p>
          <p class="explain">Only the name matches, so their notes stay hidden until you confirm it's them.</p>
          <ErrorLine error={error} />
          <div class="form-buttons form-buttons--start">
            <button
              type="button"
              class="compact"
              data-testid="card-confirm"
              disabled={isBusy}
              onClick={() => void confirmCandidate(candidate.id)}
            >
              Yes, that's them
            </button>
            {someoneElse}
          </div>
        </>
      ) : (
        <>
          <p class="question">Several people in Hallway have this name.</p>
          <p class="explain">Only the name matches, so Hallway cannot tell which of them this is and shows no notes.</p>
          <div class="form-buttons form-buttons--start">
            <button type="button" class="compact" onClick={() => openPeoplePage()}>
              Open People
            </button>
            {someoneElse}
          </div>
        </>
      )}
    </div>
  );
}
