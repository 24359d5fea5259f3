/**
 * Keep in touch: people due for face time by the cadence the user set, with "we met", "we had a
 * call" (either resets the cadence) and "snooze a week".
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/protocol';
import type { Reminder } from '../shared/views';
import { errorText } from '../shared/error-text';
import { relativeTime } from '../ui/format';

const SNOOZE_DAYS = 7;

function overdue(reminder: Reminder): string {
  const last = reminder.lastFaceTimeAt ? `last saw them ${relativeTime(reminder.lastFaceTimeAt)}` : 'never met in person';
  return `Every ${reminder.cadenceDays} days · ${last}`;
}

export function Reminders({ onChanged }: { onChanged(): void | Promise<void> }) {
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    send('reminders.list', {})
      .then(setReminders)
      .catch((e: Error) => setError(e.message));
  }, []);

  async function act(request: () => Promise<Reminder[]>) {
    try {
      setReminders(await request());
      await onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (!reminders.length && !error) return null;
  return (
    <section class="reminders" aria-label="Keep in touch">
      <h2 class="section-title">Due for a catch-up</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="people">
        {reminders.slice(0, 5).map((reminder) => (
          <li key={reminder.person.id} class="person" data-testid="reminder">
            <div class="person-head">
              <span class="person-name">{reminder.person.displayName}</span>
              {reminder.person.team && <span class="person-sub">{reminder.person.team}</span>}
            </div>
            <p class="meta">{overdue(reminder)}</p>
            <div class="actions">
              <button type="button" class="secondary" data-testid="reminder-met" onClick={() => void act(() => send('reminders.done', { personId: reminder.person.id, kind: 'in-person' }))}>
                We met
              </button>
              <button type="button" class="secondary" onClick={() => void act(() => send('reminders.done', { personId: reminder.person.id, kind: 'call' }))}>
                We had a call
              </button>
              <button type="button" class="link" data-testid="reminder-snooze" onClick={() => void act(() => send('reminders.snooze', { personId: reminder.person.id, days: SNOOZE_DAYS }))}>
                Snooze a week
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
