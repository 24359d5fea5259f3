/** Messages from Hallway's pages about settings. */
import * as repo from '../../shared/db';
import { settingsShape } from '../../shared/model';
import { object, partial } from '../../shared/validate';
import { message } from './define';
import { empty } from './shapes';

export const settingsMessages = {
  'settings.get': message(
    {
      from: 'page',
      payload: empty,
    },
    async (_, { services }) => repo.getSettings(services.db),
  ),

  'settings.update': message(
    {
      from: 'page',
      payload: object({ patch: partial(settingsShape) }),
      invalidates: ['settings'],
    },
    async ({ patch }, { services }) => {
      const settings = await repo.updateSettings(services.db, patch);
      // "These are me" is part of who is who.
      if (patch.me) services.changed(['people']);
      return settings;
    },
  ),
};
