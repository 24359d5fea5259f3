/**
 * The nudge at the top of the popup: when the thread open in the tab reads tense or sour, who is on
 * the other side, what tipped it, and a ready message to suggest talking in person or on a call.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { NudgeView } from '../shared/views';
import { Chips } from '../ui/chips';
import { errorText } from '../ui/error-text';
import { balanceInWords, relativeTime } from '../ui/format';
import './nudge.css';

const SHOWN_EVIDENCE = 4;
// The popup is at most 600px tall; a long cc list would push the message and its buttons out of view.
const SHOWN_PEOPLE = 3;

const LOGGED = 'Logged. This thread will stay quiet unless it turns again.';
const SNOOZED = 'Okay, not now. This thread will stay quiet unless it turns again.';

type Person = NudgeView['people'][number];
type Evidence = NudgeView['evidence'][number];

interface Props {
  tabId: number;
  onChanged(): void | Promise<void>;
}

export function Nudge({ tabId, onChanged }: Props) {
  const [view, setView] = useState<NudgeView | null>(null);
  const [message, setMessage] = useState('');
  // Set once the user acted: the card gives way to this line until the popup closes.
  const [outcome, setOutcome] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isRunning = useRef(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const messageId = useId();

  useEffect(() => {
    let isCurrent = true;
    setView(null);
    setOutcome(null);
    setError(null);
    send('tab.nudge', { tabId })
      .then((next) => {
        if (!isCurrent) return;
        setView(next);
        setMessage(next?.suggestedMessage ?? '');
      })
      .catch((e: unknown) => isCurrent && setError(errorText(e)));
    return () => {
      isCurrent = false;
    };
  }, [tabId]);

  // The button that was pressed is gone once the card closes; keep focus in the nudge, on its outcome.
  useEffect(() => {
    if (outcome) statusRef.current?.focus();
  }, [outcome]);

  async function act(request: () => Promise<NudgeView | null>, done: string) {
    // A double click would otherwise log the same talk twice.
    if (isRunning.current) return;
    isRunning.current = true;
    setIsBusy(true);
    setError(null);
    try {
      const next = await request();
      setView((old) => next ?? old);
      setOutcome(done);
      void onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      isRunning.current = false;
      setIsBusy(false);
    }
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

  const isShown = view !== null && view.level !== 'calm' && (!view.isQuiet || outcome !== null);
  if (!isShown && !error) return null;

  const errorLine = error && (
    <p class="error" role="alert" data-testid="nudge-error">
      {error}
    </p>
  );
  if (!isShown) {
    return (
      <section class="nudge" aria-label="Nudge" data-testid="nudge">
        {errorLine}
      </section>
    );
  }

  const isSour = view.level === 'sour';
  const body = (
    <>
      <Who people={view.people} />
      <Why summary={isSour ? view.summary : null} evidence={view.evidence} />
      {view.history && (
        <p class="nudge-history" data-testid="nudge-history">
          {view.history}
        </p>
      )}
      <div class="nudge-part">
        <label class="nudge-label" for={messageId}>
          Suggest talking it through
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
          <button
            type="button"
            class="secondary"
            data-testid="nudge-talked"
            disabled={isBusy}
            onClick={() => void act(() => send('nudge.talked', { tabId, kind: 'in-person' }), LOGGED)}
          >
            We talked in person
          </button>
          <button
            type="button"
            class="secondary"
            data-testid="nudge-call"
            disabled={isBusy}
            onClick={() => void act(() => send('nudge.talked', { tabId, kind: 'call' }), LOGGED)}
          >
            We had a call
          </button>
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
    <section class={`nudge nudge--${view.level}`} aria-label="Nudge" data-testid="nudge" data-level={view.level}>
      {outcome ? null : isSour ? (
        <>
          <h2 class="nudge-title">This thread has turned sour</h2>
          {view.title && <p class="nudge-thread">{view.title}</p>}
          {body}
        </>
      ) : (
        <>
          <p class="nudge-line">
            <strong>This thread is getting tense.</strong>{' '}
            <span data-testid="nudge-summary">{view.summary}</span>
          </p>
          <details class="nudge-details">
            <summary>Who, why and what to do</summary>
            {body}
          </details>
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

function Why({ summary, evidence }: { summary: string | null; evidence: Evidence[] }) {
  if (!summary && !evidence.length) return null;
  return (
    <div class="nudge-part">
      <h3 class="nudge-label">Why</h3>
      {summary && (
        <p class="nudge-summary" data-testid="nudge-summary">
          {summary}
        </p>
      )}
      {evidence.length > 0 && (
        <ul class="nudge-evidence">
          {evidence.slice(0, SHOWN_EVIDENCE).map((item, i) => (
            <li key={`${i}|${item.messageIndex}`} data-testid="nudge-evidence">
              <span class="nudge-phrase">“{item.phrase}”</span> — {item.reason}
              {item.author && ` (${item.author})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
