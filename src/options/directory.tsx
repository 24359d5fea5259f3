import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS, MAX_LIST_PAGE } from '../shared/limits';
import { send } from '../shared/protocol';
import type { PeopleSort, PersonSummary } from '../shared/views';
import { errorText } from '../shared/error-text';
import { count } from '../ui/format';
import { ChoiceSelect } from './choice-select';
import { EmptyState } from './empty-state';
import { PersonRow } from './person-row';
import { useDebounced } from './use-debounced';

/** Rows fetched per page: enough to scroll, few enough to render at once with 10,000 people. */
const PAGE_SIZE = 100;

const SORT_LABELS: Record<PeopleSort, string> = { lastInteraction: 'Last interaction', name: 'Name', team: 'Team' };

interface Props {
  /** Changes whenever a record changed elsewhere on the page, to reload what is shown. */
  refreshKey: number;
  selectedId: string | null;
  onAdd(): void;
  onImport(): void;
}

export function Directory({ refreshKey, selectedId, onAdd, onImport }: Props) {
  const base = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 150);
  const [sort, setSort] = useState<PeopleSort>('name');
  const [isGrouped, setIsGrouped] = useState(false);
  const effectiveSort: PeopleSort = isGrouped ? 'team' : sort;
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  // Answers can arrive out of order (a slow search, then a fast one); only the latest request counts.
  const latest = useRef(0);
  const shownCount = useRef(0);

  async function load(offset: number, limit: number) {
    const request = ++latest.current;
    setIsLoading(true);
    try {
      const page = await send('people.list', { ...(debounced ? { query: debounced } : {}), sort: effectiveSort, offset, limit });
      if (request !== latest.current) return;
      setPeople((previous) => {
        const next = offset === 0 ? page.people : [...previous, ...page.people];
        shownCount.current = next.length;
        return next;
      });
      setTotal(page.total);
      setError(null);
    } catch (e) {
      if (request === latest.current) setError(errorText(e));
    } finally {
      if (request === latest.current) setIsLoading(false);
    }
  }

  useEffect(() => {
    void load(0, PAGE_SIZE);
  }, [debounced, effectiveSort]);

  const isMounted = useRef(false);
  useEffect(() => {
    if (!isMounted.current) {
      isMounted.current = true;
      return;
    }
    // Reload as many rows as are on screen, so an edit does not collapse a long scrolled list.
    void load(0, Math.min(MAX_LIST_PAGE, Math.max(PAGE_SIZE, shownCount.current)));
  }, [refreshKey]);

  const isEmptyDirectory = total === 0 && !debounced && !error;
  const countText = total === null ? 'Loading…' : debounced ? `${count(total, 'person matches', 'people match')}` : count(total, 'person', 'people');

  return (
    <section class="directory" aria-labelledby={`${base}-heading`}>
      <div class="directory-head">
        <h2 id={`${base}-heading`}>People</h2>
        <button type="button" data-testid="add-person" onClick={onAdd}>
          Add person
        </button>
      </div>

      <div class="directory-tools">
        <label class="visually-hidden" for={`${base}-search`}>
          Search people
        </label>
        <input
          id={`${base}-search`}
          type="search"
          data-testid="search"
          class="search"
          placeholder="Search names, teams, topics, notes…"
          autoComplete="off"
          maxLength={LIMITS.query}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <span class="tool">
          <label for={`${base}-sort`}>Sort by</label>
          <ChoiceSelect id={`${base}-sort`} labels={SORT_LABELS} value={effectiveSort} onChange={setSort} isDisabled={isGrouped} testId="sort" />
        </span>
        <label class="check tool">
          <input type="checkbox" data-testid="group-by-team" checked={isGrouped} onChange={(e) => setIsGrouped(e.currentTarget.checked)} />
          Group by team
        </label>
      </div>

      <p class="count muted" data-testid="people-count" role="status">
        {countText}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {isEmptyDirectory ? (
        <EmptyState onAdd={onAdd} onImport={onImport} />
      ) : total === 0 && debounced ? (
        <p class="muted no-results">No one matches “{debounced}”. Try fewer words, or a topic they know about.</p>
      ) : (
        <div class="directory-list">
          {isGrouped ? <GroupedList people={people} selectedId={selectedId} /> : <PeopleList people={people} selectedId={selectedId} />}
          {total !== null && people.length < total && (
            <button type="button" class="secondary show-more" data-testid="show-more" disabled={isLoading} onClick={() => void load(people.length, PAGE_SIZE)}>
              Show more ({count(total - people.length, 'more person', 'more people')})
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function PeopleList({ people, selectedId }: { people: PersonSummary[]; selectedId: string | null }) {
  return (
    <ul class="people">
      {people.map((person) => (
        <li key={person.id}>
          <PersonRow person={person} isSelected={person.id === selectedId} />
        </li>
      ))}
    </ul>
  );
}

/** Consecutive runs of one team; the list arrives sorted by team, so each team is one run. */
function byTeam(people: PersonSummary[]): { team: string; people: PersonSummary[] }[] {
  const groups: { team: string; people: PersonSummary[] }[] = [];
  for (const person of people) {
    const last = groups.at(-1);
    if (last && last.team.toLowerCase() === person.team.toLowerCase()) last.people.push(person);
    else groups.push({ team: person.team, people: [person] });
  }
  return groups;
}

function GroupedList({ people, selectedId }: { people: PersonSummary[]; selectedId: string | null }) {
  return (
    <>
      {byTeam(people).map((group) => (
        <section class="team-group" key={group.team || '(none)'}>
          <h3 class="team-group__title">{group.team || 'No team'}</h3>
          <PeopleList people={group.people} selectedId={selectedId} />
        </section>
      ))}
    </>
  );
}
