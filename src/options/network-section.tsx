import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { NetworkView } from '../shared/views';
import { errorText } from '../shared/error-text';
import { count } from '../ui/format';
import { NetworkChart } from './network-chart';
import { personHash } from './route';
import './network.css';

const RELOAD_DELAY_MS = 1000;
/** Enough thin spots to act on without a wall of sentences in a large directory. */
const THIN_SPOTS_SHOWN = 8;

/** The picture of the user's network: teams, how strong the ties are, thin spots, who to meet. */
interface Props {
  /** Changes whenever a record changed elsewhere on the page, to reload the picture. */
  refreshKey: number;
  /** Called after a person link is followed in this tab, so the page can bring their record into view. */
  onOpenPerson(): void;
}

export function NetworkSection({ refreshKey, onOpenPerson }: Props) {
  const base = useId();
  const [view, setView] = useState<NetworkView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isShowingAllSpots, setIsShowingAllSpots] = useState(false);
  // Answers can arrive out of order; only the answer to the latest request is shown.
  const latest = useRef(0);
  const isFirstLoad = useRef(true);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const load = () => {
      const request = ++latest.current;
      send('people.network', {})
        .then((next) => {
          if (request !== latest.current) return;
          setView(next);
          setError(null);
        })
        .catch((e: unknown) => {
          if (request === latest.current) setError(errorText(e));
        });
    };
    if (isFirstLoad.current) {
      // Drawn when the section comes near the screen: at the bottom of the page, it must not hold up
      // the people list the page opens with.
      const section = sectionRef.current;
      if (!section || typeof IntersectionObserver === 'undefined') {
        isFirstLoad.current = false;
        load();
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          isFirstLoad.current = false;
          load();
        },
        { rootMargin: '200px' },
      );
      observer.observe(section);
      return () => observer.disconnect();
    }
    // The picture reads every recent interaction, which takes a while in a large directory; a burst
    // of edits (notes, a logged meeting) reloads it once, after the burst.
    const timer = setTimeout(load, RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [refreshKey]);

  const spots = view ? (isShowingAllSpots ? view.thinSpots : view.thinSpots.slice(0, THIN_SPOTS_SHOWN)) : [];

  return (
    <section ref={sectionRef} class="page-section network" tabIndex={-1} id="network" aria-labelledby={`${base}-heading`} data-testid="network">
      <h2 id={`${base}-heading`}>Your network</h2>
      {!view ? (
        error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : view.teams.length === 0 ? (
        <p class="muted" data-testid="network-empty">
          Once people are in the directory, this shows the teams you know people in, how strong those ties are, and who you have never
          met in person.
        </p>
      ) : (
        <>
          <p class="muted">Tie strength comes from the last six months of interactions: meeting in person counts most, then calls, then messages.</p>

          {view.thinSpots.length > 0 && (
            <div class="network-block">
              <h3 id={`${base}-spots`}>Thin spots</h3>
              <ul class="network-thin-spots" aria-labelledby={`${base}-spots`}>
                {spots.map((sentence) => (
                  <li key={sentence} data-testid="network-thin-spot">
                    {sentence}
                  </li>
                ))}
              </ul>
              {view.thinSpots.length > THIN_SPOTS_SHOWN && (
                <button type="button" class="link" aria-expanded={isShowingAllSpots} onClick={() => setIsShowingAllSpots(!isShowingAllSpots)}>
                  {isShowingAllSpots ? 'Show fewer' : `Show all ${view.thinSpots.length.toLocaleString('en')}`}
                </button>
              )}
            </div>
          )}

          <NetworkChart teams={view.teams} />

          <div class="network-block">
            <h3 id={`${base}-never-met`}>Never met in person</h3>
            {view.neverMetCount === 0 ? (
              <p class="muted">You have met everyone in the directory in person.</p>
            ) : (
              <>
                <p class="muted">The people you are most in touch with but have never met: good candidates for a coffee.</p>
                <ol class="network-never-met" aria-labelledby={`${base}-never-met`}>
                  {view.neverMet.map((person) => (
                    <li key={person.id} data-testid="network-never-met">
                      <a
                        href={personHash(person.id)}
                        onClick={(e) => {
                          // A modified click opens another tab or window; this page stays where it is.
                          if (!(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) onOpenPerson();
                        }}
                      >
                        {person.displayName}
                      </a>
                      {person.team && <span class="muted"> · {person.team}</span>}
                    </li>
                  ))}
                </ol>
                {view.neverMetCount > view.neverMet.length && (
                  <p class="muted">And {count(view.neverMetCount - view.neverMet.length, 'other person', 'other people')} you have not met yet.</p>
                )}
              </>
            )}
          </div>
        </>
      )}
      {view && error && (
        <p class="error" aria-live="polite">
          {error}
        </p>
      )}
    </section>
  );
}
