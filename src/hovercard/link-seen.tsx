import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { CardView, Sighting } from '../shared/views';
import { ErrorLine } from './card-footer';
import { freshView } from './fresh-view';
import type { UpdateCard } from './use-card-view';
import { useRequest } from '../ui/use-request';

/**
 * "Also seen as": addresses and chat ids pages showed under this person's name that no one has yet,
 * linked from the card in one click. Shown only when there is something to link.
 */
export function LinkSeen({ view, personId, update }: { view: CardView; personId: string; update: UpdateCard }) {
  const [sightings, setSightings] = useState<Sighting[]>([]);
  const { isBusy, error, run } = useRequest();

  useEffect(() => {
    let isCurrent = true;
    send('people.seen', { id: personId })
      .then((found) => isCurrent && setSightings(found.slice(0, 3)))
      .catch(() => isCurrent && setSightings([]));
    return () => {
      isCurrent = false;
    };
  }, [personId]);

  if (!sightings.length) return null;
  return (
    <details class="section link-seen" data-testid="card-link-seen">
      <summary>Also seen as ({sightings.length})</summary>
      <ul class="candidates">
        {sightings.map((sighting) => (
          <li key={sighting.key} class="candidate">
            <span class="candidate-name">
              {sighting.label} <span class="muted">on {sighting.host}</span>
            </span>{' '}
            <button
              type="button"
              class="secondary compact"
              data-testid="card-link-seen-button"
              disabled={isBusy}
              onClick={() =>
                void run(() =>
                  update(async () => {
                    await send('people.link', { id: personId, key: sighting.key });
                    setSightings((all) => all.filter((s) => s.key !== sighting.key));
                    return freshView(view, personId);
                  }),
                )
              }
            >
              Link
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </details>
  );
}
