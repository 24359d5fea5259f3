import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { Person } from '../shared/model';
import type { Sighting } from '../shared/views';
import { errorText } from '../shared/error-text';
import { relativeTime } from '../ui/format';

/**
 * "Seen on pages": addresses and chat ids that pages showed under this person's name and that no one
 * in Hallway has yet. Linking one takes a click, so nobody has to find a Slack member id by hand.
 */
export function SeenPanel({ person, onLinked }: { person: Person; onLinked(person: Person): void }) {
  const [sightings, setSightings] = useState<Sighting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    send('people.seen', { id: person.id })
      .then((found) => isCurrent && setSightings(found))
      .catch((e: unknown) => isCurrent && setError(errorText(e)));
    return () => {
      isCurrent = false;
    };
    // Addresses and ids change what is still unlinked.
  }, [person.id, person.emails.join(), person.siteIds.map((s) => `${s.site}:${s.id}`).join()]);

  async function link(sighting: Sighting) {
    setBusyKey(sighting.key);
    setError(null);
    try {
      onLinked(await send('people.link', { id: person.id, key: sighting.key }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyKey(null);
    }
  }

  if (!sightings?.length && !error) return null;
  return (
    <section class="field-group seen" data-testid="seen-panel" aria-label="Seen on pages">
      <h3>Seen on pages under this name</h3>
      <p class="muted">Not linked to anyone yet. Link the ones that are {person.displayName}, and Hallway knows them there too.</p>
      <ul class="items">
        {(sightings ?? []).map((sighting) => (
          <li class="item item--row" key={sighting.key} data-testid="seen-item">
            <span class="grow">
              <strong>{sighting.label}</strong>
              <span class="muted">
                {' '}
                as “{sighting.name}” on {sighting.host}, {relativeTime(sighting.at)}
              </span>
            </span>
            <button type="button" class="secondary" data-testid="seen-link" disabled={busyKey !== null} onClick={() => void link(sighting)}>
              Link<span class="visually-hidden"> {sighting.label}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && <p class="error">{error}</p>}
    </section>
  );
}
