/**
 * The toolbar popup: the people on the current page with their notes, a search over everyone, and
 * a quick note in two keystrokes (select a person, press N, type, Enter).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { MAX_MARKS } from '../shared/limits';
import { listenForChanges, send } from '../shared/protocol';
import { siteNames } from '../shared/sites';
import type { PersonSummary, TabPeople, TabPerson } from '../shared/views';
import { errorText } from '../shared/error-text';
import { Nudge } from './nudge';
import { PersonCard, UnknownPersonRow } from './person-card';
import { Reminders } from './reminders';
import { activeTabId, useActiveTabId } from './use-tab';

/**
 * Rows drawn in the popup's first frame; the rest follow in the next. A busy page lists hundreds of
 * people, and drawing them all before the first paint kept the popup blank for a tenth of a second.
 */
const FIRST_ROWS = 30;

type Row = { kind: 'known'; summary: PersonSummary } | { kind: 'unknown'; person: TabPerson };

/** The people on the page, asked for while the popup's first frame is still being drawn. */
let firstLook: Promise<TabPeople | null> | null = activeTabId().then((tabId) => (tabId ? send('tab.people', { tabId }) : null));
// A failure is shown by the refresh that takes this answer.
firstLook.catch(() => undefined);

function rowsOf(tab: TabPeople | null): Row[] {
  return (tab?.people ?? []).map((person) =>
    person.match ? { kind: 'known', summary: person.match } : { kind: 'unknown', person },
  );
}

export function Popup() {
  const tabId = useActiveTabId();
  const [tab, setTab] = useState<TabPeople | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState(0);
  const [notingId, setNotingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPrivate, setIsPrivate] = useState(false);
  const privacyChanges = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const privacyAtStart = privacyChanges.current;
    try {
      const look = firstLook;
      firstLook = null;
      const [page, everyone, settings] = await Promise.all([
        look ?? (tabId ? send('tab.people', { tabId }) : Promise.resolve(null)),
        send('people.list', { limit: 1 }),
        send('settings.get', {}),
      ]);
      setTab(page);
      setTotal(everyone.total);
      // A switch the user flipped while this was loading wins over what was read before it.
      if (privacyChanges.current === privacyAtStart) setIsPrivate(settings.isPrivacyModeOn);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [tabId]);

  useEffect(() => {
    if (tabId === undefined) return;
    void refresh();
    // A person added from a card, a note from the people page: the list follows while it is open.
    const controller = new AbortController();
    listenForChanges(() => void refresh(), controller.signal);
    return () => controller.abort();
  }, [tabId, refresh]);

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    // Every keystroke searches (a search of 10,000 people takes a few milliseconds in the worker);
    // an answer that arrives after the next keystroke is dropped.
    let isCurrent = true;
    send('people.list', { query, limit: 50 })
      .then((page) => {
        if (!isCurrent) return;
        setResults(page.people);
        setSelected(0);
      })
      .catch((e: Error) => {
        if (isCurrent) setError(e.message);
      });
    return () => {
      isCurrent = false;
    };
  }, [query]);

  const rows: Row[] = results ? results.map((summary) => ({ kind: 'known', summary })) : rowsOf(tab);
  const current = rows[Math.min(selected, rows.length - 1)];
  const [shownRows, setShownRows] = useState(FIRST_ROWS);
  useEffect(() => {
    if (rows.length <= shownRows) return;
    // After the first rows have painted.
    const frame = requestAnimationFrame(() => setTimeout(() => setShownRows(Infinity), 0));
    return () => cancelAnimationFrame(frame);
  }, [rows.length, shownRows]);

  const afterChange = useCallback(async () => {
    setNotingId(null);
    await refresh();
    if (query.trim()) setResults((await send('people.list', { query, limit: 50 })).people);
  }, [refresh, query]);

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const isTyping = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target !== searchRef.current);
    if (isTyping) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => Math.max(0, Math.min(rows.length - 1, i + step)));
      return;
    }
    if (target === searchRef.current) {
      if (event.key === 'Enter' && current?.kind === 'known') {
        event.preventDefault();
        setNotingId(current.summary.id);
      }
      return;
    }
    if (event.key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
    } else if ((event.key === 'n' || event.key === 'N') && current?.kind === 'known') {
      event.preventDefault();
      setNotingId(current.summary.id);
    }
  }

  // Search has focus from the start so typing works at once. A nudge arrives later, above it; focus
  // then moves to the nudge's headline, or the popup would open scrolled past it to the search box.
  // "/" goes back to search. Someone already typing keeps their focus.
  const onNudgeShown = useCallback((headline: HTMLElement) => {
    const search = searchRef.current;
    const active = document.activeElement;
    const isUntouched = active === null || active === document.body || (active === search && !search.value);
    if (!isUntouched) return;
    headline.focus({ preventScroll: true });
    document.scrollingElement?.scrollTo(0, 0);
  }, []);

  async function setPrivacy(isOn: boolean) {
    privacyChanges.current += 1;
    // The switch moves at once, so no re-render while the setting is saved can flip it back under the user.
    setIsPrivate(isOn);
    try {
      await send('settings.update', { patch: { isPrivacyModeOn: isOn } });
    } catch (e) {
      setIsPrivate(!isOn);
      setError(errorText(e));
    }
  }

  async function toggleSite(isEnabled: boolean) {
    if (!tabId || !tab?.host) return;
    try {
      await send('site.setEnabled', { tabId, host: tab.host, isEnabled });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <main class="popup" onKeyDown={onKeyDown}>
      <header class="popup-header">
        <h1>Hallway</h1>
        <div class="header-actions">
          <label class="privacy-switch" title="Hide every marker and card on web pages, e.g. while you share your screen (Alt+Shift+P)">
            <input type="checkbox" data-testid="privacy-mode" checked={isPrivate} onChange={(e) => void setPrivacy((e.target as HTMLInputElement).checked)} />
            Privacy mode
          </label>
          <button type="button" class="link" data-testid="open-people" onClick={() => void browser.runtime.openOptionsPage()}>
            All people
          </button>
        </div>
      </header>
      {isPrivate && (
        <p class="privacy-note" role="status">
          Privacy mode is on: no markers or cards on web pages until you switch it off.
        </p>
      )}

      {typeof tabId === 'number' && <Nudge tabId={tabId} onChanged={refresh} onShown={onNudgeShown} />}

      <input
        ref={searchRef}
        class="search"
        type="search"
        data-testid="popup-search"
        placeholder="Search everyone: name, team, topic, notes…"
        aria-label="Search everyone"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        autoFocus
      />

      {error && (
        <p class="error" role="alert" data-testid="popup-error">
          {error}
        </p>
      )}

      {tab?.isSupported && tab.host && !results && (
        <label class="site-switch">
          <input
            type="checkbox"
            data-testid="site-toggle"
            checked={!tab.isDisabled}
            onChange={(e) => void toggleSite((e.target as HTMLInputElement).checked)}
          />
          Hallway on {tab.host}
        </label>
      )}

      <section aria-label={results ? 'Search results' : 'People on this page'}>
        {!results && rows.length > 0 && <h2 class="section-title">On this page</h2>}
        {results && <h2 class="section-title">{results.length ? `${results.length} found` : ''}</h2>}
        <ul class="people" data-testid={results ? 'search-results' : 'page-people'}>
          {rows.slice(0, shownRows).map((row, i) =>
            row.kind === 'known' ? (
              <PersonCard
                key={row.summary.id}
                summary={row.summary}
                isSelected={i === selected}
                isNoting={notingId === row.summary.id}
                onSelect={() => setSelected(i)}
                onStartNote={() => setNotingId(row.summary.id)}
                onCancelNote={() => setNotingId(null)}
                onChanged={afterChange}
                onError={setError}
              />
            ) : (
              <UnknownPersonRow key={`${row.person.email}|${row.person.name}`} person={row.person} isSelected={i === selected} onAdded={afterChange} onError={setError} />
            ),
          )}
        </ul>
        <EmptyState tab={tab} tabId={tabId} results={results} total={total} query={query} />
        {!results && tab?.isCapped && (
          <p class="privacy-note" role="status" data-testid="popup-capped">
            This page shows more than {MAX_MARKS.toLocaleString()} names and addresses. Hallway marked the first{' '}
            {MAX_MARKS.toLocaleString()} and stopped there, so the page stays fast.
          </p>
        )}
      </section>

      {!query.trim() && <Reminders onChanged={refresh} />}

      {rows.length > 0 && (
        <footer class="hint">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>N</kbd> note · <kbd>/</kbd> search
        </footer>
      )}
    </main>
  );
}

function EmptyState(props: {
  tab: TabPeople | null;
  tabId: number | null | undefined;
  results: PersonSummary[] | null;
  total: number | null;
  query: string;
}) {
  const { tab, tabId, results, total, query } = props;
  if (tabId === undefined || total === null) return null;
  let message: string | null = null;
  if (results) {
    if (!results.length) message = `No one matches “${query.trim()}”. Search looks at names, addresses, teams, topics and notes.`;
  } else if (total === 0) {
    message =
      `Hallway keeps private notes about the people you work with, and shows them where those people appear. Hover a name in ${siteNames('or')} to add someone, or open “All people”.`;
  } else if (!tab?.isSupported) {
    message = `Hallway works in ${siteNames('and')}. Open one of them, or search everyone above.`;
  } else if (tab.isDisabled) {
    message = `Hallway is switched off on ${tab.host}. Switch it back on above.`;
  } else if (!tab.people.length) {
    message = 'No one recognised on this page yet. Open a conversation, or search everyone above.';
  }
  return message ? (
    <p class="empty" data-testid="popup-empty">
      {message}
    </p>
  ) : null;
}
