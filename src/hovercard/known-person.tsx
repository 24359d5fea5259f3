import type { Note } from '../shared/model';
import type { CardView, PersonDetail } from '../shared/views';
import { Chips } from '../ui/chips';
import { balanceInWords, formatDate, oneSidedHint, relativeTime } from '../ui/format';
import { INTERACTION_KIND_LABELS } from '../ui/labels';
import { LinkSeen } from './link-seen';
import { PersonActions } from './person-actions';
import { PersonHeader } from './person-header';
import type { UpdateCard } from './use-card-view';

const SHOWN_NOTES = 3;

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDate(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

function newestFirst(a: Note, b: Note): number {
  return b.createdAt.localeCompare(a.createdAt);
}

interface Props {
  view: CardView;
  detail: PersonDetail;
  update: UpdateCard;
}

export function KnownPerson({ view, detail, update }: Props) {
  const { person, notes, interactions } = detail;
  const subtitle = [person.role, person.team].filter(Boolean).join(' · ');
  const latest = [...notes].sort(newestFirst).slice(0, SHOWN_NOTES);
  const moreNotes = notes.length - latest.length;
  const lastInteraction = interactions[0];
  const lastInPerson = interactions.find((i) => i.kind === 'in-person');
  const balance = view.balance ? balanceInWords(view.balance) : '';
  const hint = view.balance ? oneSidedHint(view.balance, person.displayName) : null;
  const hasNotes = person.askAbout.length > 0 || person.personal.trim() !== '' || latest.length > 0;

  return (
    <>
      <PersonHeader name={person.displayName} subtitle={subtitle} isKnown />

      {person.askAbout.length > 0 && (
        <section class="section" data-testid="card-ask-about">
          <h2 class="label">Ask them about</h2>
          <Chips items={person.askAbout} label="Ask them about" limit={8} />
        </section>
      )}

      {person.personal.trim() && (
        <section class="section">
          <h2 class="label">Personal</h2>
          <p class="text clamp clamp--4" data-testid="card-personal">
            {person.personal}
          </p>
        </section>
      )}

      {latest.length > 0 && (
        <section class="section">
          <h2 class="label">Latest notes</h2>
          <ul class="notes">
            {latest.map((note) => (
              <li key={note.id} class="note" data-testid="card-note">
                <span class="text clamp clamp--3">{note.text}</span>
                <span class="note-when">
                  <When iso={note.createdAt} />
                </span>
              </li>
            ))}
          </ul>
          {moreNotes > 0 && <p class="more">{moreNotes} more in the full record</p>}
        </section>
      )}

      {!hasNotes && <p class="empty">No notes yet.</p>}

      <dl class="facts">
        <div class="fact">
          <dt>Last in touch</dt>
          <dd data-testid="card-last-interaction">
            {lastInteraction ? (
              <>
                {INTERACTION_KIND_LABELS[lastInteraction.kind]} · <When iso={lastInteraction.at} />
              </>
            ) : (
              <span class="muted">Nothing logged</span>
            )}
          </dd>
        </div>
        <div class="fact">
          <dt>Met in person</dt>
          <dd data-testid="card-last-in-person">
            {lastInPerson ? <When iso={lastInPerson.at} /> : <span class="muted">Never logged</span>}
          </dd>
        </div>
        <div class="fact">
          <dt>Favours</dt>
          <dd data-testid="card-balance">{balance || <span class="muted">No open favours</span>}</dd>
        </div>
      </dl>
      {hint && (
        <p class="one-sided" data-testid="card-one-sided">
          {hint}
        </p>
      )}

      <LinkSeen view={view} personId={person.id} update={update} />

      <PersonActions view={view} personId={person.id} name={person.displayName} update={update} />
    </>
  );
}
