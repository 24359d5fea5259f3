/**
 * Logs, for the user, that they opened a conversation with someone: kind, date and link, never the
 * text. At most once per thread, person and day, so "last in touch" stays current without noise.
 */
import * as repo from '../shared/db';
import type { HallwayDatabase } from '../shared/db';
import type { ThreadSnapshot } from '../shared/protocol';
import { MAIL_SITES } from '../shared/sites';

export async function logThreadVisit(
  db: HallwayDatabase,
  snapshot: ThreadSnapshot,
  site: string,
  match: repo.Matcher,
  now = new Date(),
): Promise<number> {
  const settings = await repo.getSettings(db);
  if (!settings.isAutoLogOn) return 0;
  const others = snapshot.messages.filter((m) => !m.isOwn).map((m) => m.author);
  const matches = await match(others);
  const personIds = repo.confirmedPersonIds(matches);
  if (!personIds.length) return 0;
  return repo.logThreadVisitOnce(db, {
    threadKey: snapshot.key,
    personIds,
    kind: MAIL_SITES.has(site) ? 'email' : 'chat',
    at: now.toISOString(),
    sourceUrl: snapshot.url,
  });
}
