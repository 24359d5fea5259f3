/**
 * Logs, for the user, that they opened a conversation with someone: kind, date and link, never the
 * text. At most once per thread, person and day, so "last in touch" stays current without noise.
 */
import type { HallwayDatabase } from '../shared/db/database';
import * as repo from '../shared/db/repository';
import type { ThreadSnapshot } from '../shared/protocol';
import { MAIL_SITES } from '../shared/sites';

export async function logThreadVisit(
  db: HallwayDatabase,
  snapshot: ThreadSnapshot,
  site: string,
  now = new Date(),
  match: repo.Matcher = (ids) => repo.matchIdentities(db, ids),
): Promise<number> {
  const settings = await repo.getSettings(db);
  if (!settings.isAutoLogOn) return 0;
  const others = snapshot.messages.filter((m) => !m.isOwn).map((m) => m.author);
  const matches = await match(others);
  const personIds = new Set(matches.flatMap((m) => (m.personId && m.state !== 'uncertain' ? [m.personId] : [])));
  if (!personIds.size) return 0;
  const today = now.toISOString().slice(0, 10);
  // Checked and written in one transaction, so two frames reporting the same thread at once log it once.
  return db.transaction('rw', db.people, db.interactions, async () => {
    const logged = await db.interactions.where('threadKey').equals(snapshot.key).toArray();
    let count = 0;
    for (const personId of personIds) {
      if (logged.some((i) => i.personId === personId && i.at.startsWith(today))) continue;
      await repo.addInteraction(db, {
        personId,
        kind: MAIL_SITES.has(site) ? 'email' : 'chat',
        at: now.toISOString(),
        sourceUrl: snapshot.url,
        threadKey: snapshot.key,
        isAuto: true,
      });
      count += 1;
    }
    return count;
  });
}
