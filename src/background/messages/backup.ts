/** Messages from the people page about backups: export, import, and a preview of a merge. */
import { exportBackup, importBackup, previewMerge } from '../../shared/db/backup';
import { literal, object } from '../../shared/validate';
import { message } from './define';
import { anyObject, empty } from './shapes';

export const backupMessages = {
  'backup.export': message(
    {
      from: 'page',
      payload: empty,
    },
    async (_, { services }) => exportBackup(services.db),
  ),

  // The file itself is checked whole by the importer, which reports every problem with its path.
  'backup.import': message(
    {
      from: 'page',
      payload: object({ data: anyObject, mode: literal('replace', 'merge') }),
      invalidates: ['people', 'settings'],
    },
    async ({ data, mode }, { services }) => importBackup(services.db, data, mode),
  ),

  /** Who a merge import of the file would fold into people already here; nothing is written. */
  'backup.previewMerge': message(
    {
      from: 'page',
      payload: object({ data: anyObject }),
    },
    async ({ data }, { services }) => previewMerge(services.db, data),
  ),
};
