/**
 * Conversations the tone analysis has read: scores, levels and the user's choice about the nudge,
 * never message text.
 */
import { nowIso, type Thread } from '../model';
import type { HallwayDatabase } from './database';

/** What a thread record starts from: the page's key, title and link. */
export interface ThreadSeed {
  key: string;
  title: string;
  url: string;
}

function emptyThread(seed: ThreadSeed, site: string): Thread {
  return {
    key: seed.key,
    site,
    url: seed.url.slice(0, 2000),
    title: seed.title.slice(0, 500),
    participantIds: [],
    toneHistory: [],
    nudge: { state: 'none', until: null, changedAt: null, atMessage: null },
    updatedAt: nowIso(),
  };
}

/**
 * Reads a thread's record (or a new one), lets `change` edit it, and writes it back, in one
 * transaction, so two readings of the same thread at once never lose one's history.
 */
export async function updateThread(db: HallwayDatabase, seed: ThreadSeed, site: string, change: (thread: Thread) => void): Promise<Thread> {
  return db.transaction('rw', db.threads, async () => {
    const thread = (await db.threads.get(seed.key)) ?? emptyThread(seed, site);
    change(thread);
    await db.threads.put(thread);
    return thread;
  });
}

/** Threads touched since the given time, from the `updatedAt` index. */
export async function threadsUpdatedSince(db: HallwayDatabase, since: string): Promise<Thread[]> {
  return db.threads.where('updatedAt').aboveOrEqual(since).toArray();
}
