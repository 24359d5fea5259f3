/** Messages about keep-in-touch reminders: who is due, putting one off, and marking one done. */
import { id, literal, number, object } from '../../shared/validate';
import { completeReminder, dueReminders, snoozeReminder } from '../reminders';
import { message } from './define';
import { empty } from './shapes';

export const reminderMessages = {
  /** People due for face time by their keep-in-touch cadence. */
  'reminders.list': message(
    {
      from: 'page',
      payload: empty,
    },
    async (_, { services }) => dueReminders(services.db),
  ),

  'reminders.snooze': message(
    {
      from: 'page',
      payload: object({ personId: id, days: number({ min: 1, max: 365, integer: true }) }),
    },
    async ({ personId, days }, { services }) => {
      await snoozeReminder(services.db, personId, days);
      return dueReminders(services.db);
    },
  ),

  'reminders.done': message(
    {
      from: 'page',
      payload: object({ personId: id, kind: literal('in-person', 'call') }),
      invalidates: ['records'],
    },
    async ({ personId, kind }, { services }) => {
      await completeReminder(services.db, personId, kind);
      return dueReminders(services.db);
    },
  ),
};
