/** Notes, interactions and favours, each kept in step with the search words and dates on its person. */
import { newId, nowIso, type Favour, type Interaction, type InteractionKind, type Note } from '../model';
import type { HallwayDatabase } from './database';
import { NotFoundError } from './errors';
import { fromNoteRow, requirePerson, requireText, toNoteRow } from './records';

/** Recomputes the note words a person row carries for search, from all their notes. */
export async function refreshNoteWords(db: HallwayDatabase, personId: string): Promise<void> {
  const notes = await db.notes.where('personId').equals(personId).toArray();
  const words = [...new Set(notes.flatMap((n) => n.words))];
  if (words.length) await db.noteWords.put({ personId, words });
  else await db.noteWords.delete(personId);
}

export async function addNote(db: HallwayDatabase, personId: string, text: string): Promise<Note> {
  const body = requireText(text);
  return db.transaction('rw', db.people, db.notes, db.noteWords, async () => {
    await requirePerson(db, personId);
    const now = nowIso();
    const note: Note = { id: newId(), personId, text: body, createdAt: now, updatedAt: now };
    await db.notes.add(toNoteRow(note));
    await refreshNoteWords(db, personId);
    return note;
  });
}

export async function updateNote(db: HallwayDatabase, noteId: string, text: string): Promise<Note> {
  const body = requireText(text);
  return db.transaction('rw', db.people, db.notes, db.noteWords, async () => {
    const row = await db.notes.get(noteId);
    if (!row) throw new NotFoundError('That note');
    const note: Note = { ...fromNoteRow(row), text: body, updatedAt: nowIso() };
    await db.notes.put(toNoteRow(note));
    await refreshNoteWords(db, note.personId);
    return note;
  });
}

export async function deleteNote(db: HallwayDatabase, noteId: string): Promise<void> {
  await db.transaction('rw', db.people, db.notes, db.noteWords, async () => {
    const row = await db.notes.get(noteId);
    if (!row) return;
    await db.notes.delete(noteId);
    await refreshNoteWords(db, row.personId);
  });
}

/** Recomputes the last-interaction fields a person row carries for sorting and cards. */
export async function refreshStats(db: HallwayDatabase, personId: string): Promise<void> {
  const interactions = await db.interactions.where('personId').equals(personId).toArray();
  let last: string | null = null;
  let lastInPerson: string | null = null;
  for (const i of interactions) {
    if (!last || i.at > last) last = i.at;
    if (i.kind === 'in-person' && (!lastInPerson || i.at > lastInPerson)) lastInPerson = i.at;
  }
  await db.people.update(personId, { lastInteractionAt: last, lastInPersonAt: lastInPerson });
}

export async function addInteraction(
  db: HallwayDatabase,
  input: { personId: string; kind: InteractionKind; at?: string; sourceUrl?: string; threadKey?: string; summary?: string; isAuto?: boolean },
): Promise<Interaction> {
  return db.transaction('rw', db.people, db.interactions, async () => {
    await requirePerson(db, input.personId);
    const interaction: Interaction = {
      id: newId(),
      personId: input.personId,
      kind: input.kind,
      at: input.at ?? nowIso(),
      isAuto: input.isAuto ?? false,
      ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      ...(input.threadKey ? { threadKey: input.threadKey } : {}),
      ...(input.summary?.trim() ? { summary: input.summary.trim() } : {}),
    };
    await db.interactions.add(interaction);
    await refreshStats(db, input.personId);
    return interaction;
  });
}

export async function deleteInteraction(db: HallwayDatabase, interactionId: string): Promise<void> {
  await db.transaction('rw', db.people, db.interactions, async () => {
    const row = await db.interactions.get(interactionId);
    if (!row) return;
    await db.interactions.delete(interactionId);
    await refreshStats(db, row.personId);
  });
}

export async function addFavour(
  db: HallwayDatabase,
  input: Pick<Favour, 'personId' | 'direction' | 'effort' | 'what'> & { at?: string },
): Promise<Favour> {
  const what = requireText(input.what, 'what');
  return db.transaction('rw', db.people, db.favours, async () => {
    await requirePerson(db, input.personId);
    const favour: Favour = {
      id: newId(),
      personId: input.personId,
      direction: input.direction,
      effort: input.effort,
      what,
      at: input.at ?? nowIso(),
      settledAt: null,
    };
    await db.favours.add(favour);
    return favour;
  });
}

export async function setFavourSettled(db: HallwayDatabase, favourId: string, isSettled: boolean): Promise<Favour> {
  return db.transaction('rw', db.favours, async () => {
    const favour = await db.favours.get(favourId);
    if (!favour) throw new NotFoundError('That favour');
    const next = { ...favour, settledAt: isSettled ? (favour.settledAt ?? nowIso()) : null };
    await db.favours.put(next);
    return next;
  });
}

/**
 * Logs that the user was in a thread with each of these people, at most once per thread, person and
 * day. Checked and written in one transaction, so two frames reporting the same thread at once log
 * it once. Returns how many were logged.
 */
export async function logThreadVisitOnce(
  db: HallwayDatabase,
  input: { threadKey: string; personIds: Iterable<string>; kind: InteractionKind; at: string; sourceUrl: string },
): Promise<number> {
  const day = input.at.slice(0, 10);
  return db.transaction('rw', db.people, db.interactions, async () => {
    const logged = await db.interactions.where('threadKey').equals(input.threadKey).toArray();
    let count = 0;
    for (const personId of input.personIds) {
      if (logged.some((i) => i.personId === personId && i.at.startsWith(day))) continue;
      await addInteraction(db, { personId, kind: input.kind, at: input.at, sourceUrl: input.sourceUrl, threadKey: input.threadKey, isAuto: true });
      count += 1;
    }
    return count;
  });
}
