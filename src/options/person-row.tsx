import type { PersonSummary } from '../shared/views';
import { Chips } from '../ui/chips';
import { balanceInWords, formatDate, relativeTime } from '../ui/format';
import { personHash } from './route';

/** One person in the directory: a link, so it opens with Enter, a middle click or a new tab. */
export function PersonRow({ person, isSelected }: { person: PersonSummary; isSelected: boolean }) {
  const subtitle = [person.team, person.role].filter(Boolean).join(' · ');
  const balance = balanceInWords(person.balance);
  return (
    <a class={`person-row${isSelected ? ' is-selected' : ''}`} href={personHash(person.id)} data-testid="person-row" aria-current={isSelected ? 'page' : undefined}>
      <span class="person-row__top">
        <span class="person-row__name">{person.displayName}</span>
        {person.lastInteractionAt && (
          <time class="person-row__when muted" dateTime={person.lastInteractionAt} title={`Last in touch ${formatDate(person.lastInteractionAt)}`}>
            {relativeTime(person.lastInteractionAt)}
          </time>
        )}
      </span>
      {subtitle && <span class="person-row__sub muted">{subtitle}</span>}
      <Chips items={person.askAbout} label="Ask them about" limit={5} />
      {person.latestNote && <span class="person-row__note">{person.latestNote.text}</span>}
      {balance && <span class="person-row__balance muted">{balance}</span>}
    </a>
  );
}
