/** Messages from the people page about backups: export, import (with its progress and cancel), and a preview of a merge. */
import { exportBackup, importBackup, previewMerge } from '../../shared/db/backup';
import { literal, object } from '../../shared/validate';
import { message } from './define';
import { anyObject, empty } from './shapes';

/** How often a running import tells open pages how far it is. */
const PROGRESS_EVERY_MS = 150;

/** The import running now, so "Cancel" can stop it. */
let running: { isCancelled: boolean } | null = null;

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
    async ({ data, mode }, { services }) => {
      const run = { isCancelled: false };
      running = run;
      let reportedAt = 0;
      try {
        return await importBackup(services.db, data, mode, {
          onProgress(progress) {
            const now = Date.now();
            if (progress.done > 0 && progress.done < progress.total && now - reportedAt < PROGRESS_EVERY_MS) return;
            reportedAt = now;
            services.deps.reportProgress(progress);
          },
          isCancelled: () => run.isCancelled,
        });
      } finally {
        if (running === run) running = null;
      }
    },
  ),

  /** Stops the running import; it then leaves everything as it was. */
  'backup.cancelImport': message(
    {
      from: 'page',
      payload: empty,
    },
    async () => {
      if (running) running.isCancelled = true;
      return null;
    },
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
