/**
 * The nudge at the top of the popup: when the thread open in the tab reads tense or sour, or goes in
 * circles, who is on the other side, why, and a ready message to suggest talking in person or on a call.
 * A thread in a language the tone analysis does not read gets one quiet line instead, never "calm".
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { NudgeView } from '../shared/views';
import { Chips } from '../ui/chips';
import { errorText } from '../shared/error-text';
import { balanceInWords, relativeTime, sinceDay, times } from '../ui/format';
import { useRequest } from '../ui/use-request';
import './nudge.css';

const SHOWN_EVIDENCE = 4;
// The popup is at most 600px tall; a long cc list would push the message and its buttons out of view.
const SHOWN_PEOPLE = 3;

const LOGGED = 'Logged. This thread will stay quiet unless it turns again.';
const LOST_IN_WRITING =
  'Meaning and feeling get lost easily over chat and email; a few minutes on a call often settles what more messages would not.';
const SNOOZED = 'Okay, not now. This thread will stay quiet unless it turns again.';

type Person = NudgeView['people'][number];
type Evidence = NudgeView['evidence'][number];

interface Props {
  tabId: number;
  onChanged(): void | Promise<void>;
  /** Called once, when the card first appears, with its headline: the popup decides where focus goes. */
  onShown?(headline: HTMLElement): void;
}

export function Nudge({ tabId, onChanged, onShown }: Props) {
  const [view, setView] = useState<NudgeView | null>(null);
  const [message, setMessage] = useState('');
  // Set once the user acted: the card gives way to this line until the popup closes.
  const [outcome, setOutcome] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  // Its double-click guard keeps one talk from being logged twice.
  const { isBusy, error: actError, run } = useRequest();
  const error = loadError ?? actError;
  const statusRef = useRef<HTMLParagraphElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const headlineRef = useRef<HTMLElement | null>(null);
  const hasShown = useRef(false);
  const messageId = useId();

  useEffect(() => {
    let isCurrent = true;
    hasShown.current = false;
    setView(null);
    setOutcome(null);
    setLoadError(null);
    send('tab.nudge', { tabId })
      .then((next) => {
        if (!isCurrent) return;
        setView(next);
        setMessage(next?.suggestedMessage ?? '');
      })
      .catch((e: unknown) => isCurrent && setLoadError(errorText(e)));
    return () => {
      isCurrent = false;
    };
  }, [tabId]);

  // The button that was pressed is gone once the card closes; keep focus in the nudge, on its outcome.
  useEffect(() => {
    if (outcome) statusRef.current?.focus();
  }, [outcome]);

  async function act(request: () => Promise<NudgeView | null>, done: string) {
    await run(async () => {
      const next = await request();
      setView((old) => next ?? old);
      setOutcome(done);
      void onChanged();
    });
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(message);
      setCopyStatus('Copied');
    } catch {
      // The clipboard can refuse (no focus, a policy); selected text still copies with the keyboard.
      messageRef.current?.select();
      setCopyStatus(`Press ${/Mac/u.test(navigator.platform) ? '⌘C' : 'Ctrl+C'} to copy`);
    }
  }

  const isShown = view !== null && view.reason !== null && (!view.isQuiet || outcome !== null);

  useEffect(() => {
    if (!isShown || outcome || hasShown.current || !headlineRef.current) return;
    hasShown.current = true;
    onShown?.(headlineRef.current);
  }, [isShown, outcome, onShown]);

  const setHeadline = (element: HTMLElement | null) => {
    headlineRef.current = element;
  };
  const errorLine = error && (
    <p class="error" role="alert" data-testid="nudge-error">
      {error}
    </p>
  );
  if (!isShown) {
    const isUnread = view !== null && !view.isRead;
    if (!isUnread && !error) return null;
    return (
      <>
        {isUnread && (
          <p class="nudge-unread" data-testid="nudge-unread">
            {unreadLine(view.unreadLanguage)}
          </p>
        )}
        {error && (
          <section class="nudge" aria-label="Nudge" data-testid="nudge">
            {errorLine}
          </section>
        )}
      </>
    );
  }

  const kind = view.reason === 'circling' ? 'circling' : view.level === 'sour' ? 'sour' : 'tense';
  const talkedInPerson = (
    <button
      type="button"
      class="secondary"
      data-testid="nudge-talked"
      disabled={isBusy}
      onClick={() => void act(() => send('nudge.talked', { tabId, kind: 'in-person' }), LOGGED)}
    >
      We talked in person
    </button>
  );
  const hadCall = (
    <button
      type="button"
      class="secondary"
      data-testid="nudge-call"
      disabled={isBusy}
      onClick={() => void act(() => send('nudge.talked', { tabId, kind: 'call' }), LOGGED)}
    >
      We had a call
    </button>
  );
  const body = (
    <>
      <Who people={view.people} />
      {kind === 'circling' ? (
        <p class="nudge-why" data-testid="nudge-why">
          {LOST_IN_WRITING}
        </p>
      ) : (
        <Why summary={view.summary} isSummaryShown={kind === 'sour'} evidence={view.evidence} />
      )}
      {view.history && (
        <p class="nudge-history" data-testid="nudge-history">
          {view.history}
        </p>
      )}
      <div class="nudge-part">
        <label class="nudge-label" for={messageId}>
          {kind === 'circling' ? 'Suggest a quick call' : 'Suggest talking it through'}
        </label>
        <textarea
          ref={messageRef}
          id={messageId}
          data-testid="nudge-message"
          rows={3}
          value={message}
          onInput={(e) => {
            setMessage((e.target as HTMLTextAreaElement).value);
            setCopyStatus('');
          }}
        />
        <div class="actions nudge-actions">
          <button type="button" data-testid="nudge-copy" disabled={!message.trim()} onClick={() => void copy()}>
            Copy message
          </button>
          {/* The suggestion comes first: a call for a circling thread, meeting for a sour one. */}
          {kind === 'circling' && hadCall}
          {talkedInPerson}
          {kind !== 'circling' && hadCall}
          <button
            type="button"
            class="link nudge-snooze"
            data-testid="nudge-snooze"
            disabled={isBusy}
            onClick={() => void act(() => send('nudge.snooze', { tabId }), SNOOZED)}
          >
            Not now
          </button>
        </div>
      </div>
    </>
  );

  return (
    <section class={`nudge nudge--${kind}`} aria-label="Nudge" data-testid="nudge" data-level={view.level} data-reason={view.reason}>
      {outcome ? null : kind === 'tense' ? (
        <>
          <p class="nudge-line" ref={setHeadline} tabIndex={-1} data-testid="nudge-headline">
            <strong>This thread is getting tense.</strong>{' '}
            <span data-testid="nudge-summary">{view.summary}</span>
          </p>
          <details class="nudge-details">
            <summary>Who, why and what to do</summary>
            {body}
          </details>
        </>
      ) : (
        <>
          <h2 class="nudge-title" ref={setHeadline} tabIndex={-1} data-testid="nudge-headline">
            {kind === 'sour' ? 'This thread has turned sour' : circlingHeadline(view.circling)}
          </h2>
          {view.title && <p class="nudge-thread">{view.title}</p>}
          {body}
        </>
      )}
      {errorLine}
      {/* Always rendered, so screen readers announce "Copied" and the outcome as they appear. */}
      <p ref={statusRef} class="nudge-status" role="status" tabIndex={-1} data-testid="nudge-status">
        {outcome ?? copyStatus}
      </p>
    </section>
  );
}

function Who({ people }: { people: Person[] }) {
  if (!people.length) return null;
  const shown = people.slice(0, SHOWN_PEOPLE);
  const hidden = people.length - shown.length;
  return (
    <div class="nudge-part">
      <h3 class="nudge-label">Who</h3>
      <ul class="nudge-people">
        {shown.map((person) => (
          <NudgePerson key={person.summary?.id ?? `${person.email}|${person.name}`} person={person} />
        ))}
      </ul>
      {hidden > 0 && <p class="nudge-more">and {hidden} more on the thread</p>}
    </div>
  );
}

function NudgePerson({ person }: { person: Person }) {
  const { summary } = person;
  if (!summary) {
    return (
      <li class="nudge-person" data-testid="nudge-person">
        <span class="person-name">{person.name || person.email}</span>
        {person.name && person.email && <span class="person-sub"> {person.email}</span>}
      </li>
    );
  }
  const subtitle = [summary.role, summary.team].filter(Boolean).join(' · ');
  const lastInPerson = summary.lastInPersonAt ? relativeTime(summary.lastInPersonAt) : 'never logged';
  const balance = balanceInWords(summary.balance);
  return (
    <li class="nudge-person" data-testid="nudge-person">
      <div class="person-head">
        <span class="person-name">{summary.displayName}</span>
        {subtitle && <span class="person-sub">{subtitle}</span>}
      </div>
      <Chips items={summary.askAbout} label={`Ask ${summary.displayName} about`} limit={3} />
      <p class="meta">
        Last in person: {lastInPerson}
        {balance && ` · ${balance}`}
      </p>
      {summary.latestNote && (
        <p class="nudge-note" title={summary.latestNote.text}>
          {summary.latestNote.text}
        </p>
      )}
    </li>
  );
}

/** "This has gone back and forth 11 times since Tuesday". */
function circlingHeadline(circling: NudgeView['circling']): string {
  if (!circling) return 'This has gone back and forth for a while';
  const since = sinceDay(circling.since);
  return `This has gone back and forth ${times(circling.turns)}${since ? ` ${since}` : ''}`;
}

function unreadLine(language: string | null): string {
  return language
    ? `Hallway reads tone in English only; this conversation looks ${language}, so its tone was not judged.`
    : "Hallway reads tone in English only and could not tell this conversation's language, so its tone was not judged.";
}

/** Whether the summary sentence already quotes the phrase, as the tone analysis quotes: “phrase”. */
function isQuoted(summary: string, phrase: string): boolean {
  const text = summary.toLowerCase();
  const key = phrase.toLowerCase();
  return text.includes(`“${key}”`) || text.includes(`"${key}"`);
}

/**
 * The summary sentence, then, folded away, only the phrases it does not already quote: the popup is
 * 600px tall and the same words twice push the message and its buttons out of view.
 */
function Why({ summary, isSummaryShown, evidence }: { summary: string; isSummaryShown: boolean; evidence: Evidence[] }) {
  const seen = new Set<string>();
  const unquoted = evidence.filter((item) => {
    const key = item.phrase.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return !isQuoted(summary, item.phrase);
  });
  const hasQuotes = evidence.some((item) => isQuoted(summary, item.phrase));
  const shown = isSummaryShown && summary;
  if (!shown && !unquoted.length) return null;
  return (
    <div class="nudge-part">
      <h3 class="nudge-label">Why</h3>
      {shown && (
        <p class="nudge-summary" data-testid="nudge-summary">
          {summary}
        </p>
      )}
      {unquoted.length > 0 && (
        <details class="nudge-evidence-details" data-testid="nudge-evidence-details">
          <summary>{hasQuotes ? 'What else tipped it' : 'What tipped it'}</summary>
          <ul class="nudge-evidence">
            {unquoted.slice(0, SHOWN_EVIDENCE).map((item, i) => (
              <li key={`${i}|${item.messageIndex}`} data-testid="nudge-evidence">
                <span class="nudge-phrase">“{item.phrase}”</span> — {item.reason}
                {item.author && ` (${item.author})`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
