import { useState } from 'preact/hooks';
import { ProtocolError, send } from '../shared/protocol';
import type { CardCandidate, CardView } from '../shared/views';
import { AddPersonForm } from './add-person-form';
import { ErrorLine } from './card-footer';
import { PersonHeader, shownIdentity } from './person-header';
import type { UpdateCard } from './use-card-view';
import { useRequest } from '../ui/use-request';

/**
 * Someone who may be a person already in Hallway: an address or chat id nobody has yet under a name
 * someone has, or a name alone. Anyone can take a colleague's display name, so the card asks and shows
 * none of their notes until the user says it is them. With an address or id, "Not them" is remembered
 * and the question is not asked again.
 */
export function UncertainPerson({ view, update }: { view: CardView; update: UpdateCard }) {
  const { shown, candidates, evidence } = view;
  const { isBusy, error, run } = useRequest();
  const [isAdding, setIsAdding] = useState(false);
  const isRejectable = evidence === 'unlinked-id';

  async function answer(type: 'card.confirm' | 'card.reject', personId: string) {
    await run(() =>
      update(async () => {
        const next = await send(type, { personId });
        if (!next) throw new ProtocolError('This card no longer shows that person; hover the name again.');
        return next;
      }),
    );
  }

  const someoneElse = (
    <button type="button" class="secondary compact" data-testid="card-someone-else" onClick={() => setIsAdding(true)}>
      Someone else
    </button>
  );

  const where = shown.siteLabel ?? shown.email;
  const why =
    isRejectable && where
      ? `${where} isn't linked to anyone in Hallway yet; only the name matches. Their notes stay hidden until you say.`
      : "Only the name matches, so their notes stay hidden until you confirm it's them.";

  return (
    <div class="stranger" data-testid="card-uncertain">
      <PersonHeader name={shown.name || shown.email || 'Someone'} identity={shownIdentity(shown)} isKnown={false} />
      {isAdding ? (
        <>
          <p class="lede">Add them as someone new</p>
          <AddPersonForm initialName={shown.name} update={update} isFocused onCancel={() => setIsAdding(false)} />
        </>
      ) : (
        <>
          <p class="question" data-testid="card-question">
            {candidates.length > 1 ? 'Is this one of these people?' : <>Is this <CandidateName candidate={candidates[0]} />?</>}
          </p>
          <p class="explain" data-testid="card-evidence">
            {why}
          </p>
          <ErrorLine error={error} />
          <ul class="candidates">
            {candidates.map((candidate) => (
              <li key={candidate.id} class="candidate" data-testid="card-candidate">
                {candidates.length > 1 && (
                  <p class="candidate-name">
                    <CandidateName candidate={candidate} />
                    {candidate.knownAs.length > 0 && <span class="muted"> · {candidate.knownAs.join(', ')}</span>}
                  </p>
                )}
                <div class="form-buttons form-buttons--start">
                  <button
                    type="button"
                    class="compact"
                    data-testid="card-confirm"
                    disabled={isBusy}
                    onClick={() => void answer('card.confirm', candidate.id)}
                  >
                    {candidates.length > 1 ? (
                      <>
                        Yes, this one<span class="visually-hidden"> ({candidate.displayName}, {candidate.team || 'no team'})</span>
                      </>
                    ) : (
                      "Yes, that's them"
                    )}
                  </button>
                  {isRejectable && (
                    <button
                      type="button"
                      class="secondary compact"
                      data-testid="card-reject"
                      disabled={isBusy}
                      onClick={() => void answer('card.reject', candidate.id)}
                    >
                      {candidates.length > 1 ? (
                        <>
                          Not this one<span class="visually-hidden"> ({candidate.displayName}, {candidate.team || 'no team'})</span>
                        </>
                      ) : (
                        'Not them'
                      )}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div class="form-buttons form-buttons--start">{someoneElse}</div>
        </>
      )}
    </div>
  );
}

function CandidateName({ candidate }: { candidate: CardCandidate | undefined }) {
  if (!candidate) return <>someone in Hallway</>;
  return (
    <>
      <strong>{candidate.displayName}</strong>
      {candidate.team && <span class="muted"> ({candidate.team})</span>}
    </>
  );
}
