/** Messages from Hallway's pages about what the user keeps on a person: notes, interactions, favours. */
import * as repo from '../../shared/db';
import { FAVOUR_DIRECTIONS, FAVOUR_EFFORTS, INTERACTION_KINDS } from '../../shared/model';
import { boolean, id, isoDate, literal, object, optional } from '../../shared/validate';
import { message } from './define';
import { favourWhat, longText, noteText } from './shapes';

export const noteMessages = {
  'notes.add': message(
    {
      from: 'page',
      payload: object({ personId: id, text: noteText }),
      // A first note turns a known person's marker into a noted one.
      invalidates: ['people'],
    },
    async ({ personId, text }, { services }) => repo.addNote(services.db, personId, text),
  ),

  'notes.update': message(
    {
      from: 'page',
      payload: object({ id, text: noteText }),
      invalidates: ['records'],
    },
    async ({ id, text }, { services }) => repo.updateNote(services.db, id, text),
  ),

  'notes.delete': message(
    {
      from: 'page',
      payload: object({ id }),
      // The last note gone, the marker is a known one again.
      invalidates: ['people'],
    },
    async ({ id }, { services }) => {
      await repo.deleteNote(services.db, id);
      return null;
    },
  ),

  'interactions.add': message(
    {
      from: 'page',
      payload: object({
        personId: id,
        kind: literal(...INTERACTION_KINDS),
        at: optional(isoDate),
        summary: optional(longText),
      }),
      invalidates: ['records'],
    },
    async (input, { services }) => repo.addInteraction(services.db, input),
  ),

  'interactions.delete': message(
    {
      from: 'page',
      payload: object({ id }),
      invalidates: ['records'],
    },
    async ({ id }, { services }) => {
      await repo.deleteInteraction(services.db, id);
      return null;
    },
  ),

  'favours.add': message(
    {
      from: 'page',
      payload: object({
        personId: id,
        direction: literal(...FAVOUR_DIRECTIONS),
        effort: literal(...FAVOUR_EFFORTS),
        what: favourWhat,
        at: optional(isoDate),
      }),
      invalidates: ['records'],
    },
    async (input, { services }) => repo.addFavour(services.db, input),
  ),

  'favours.settle': message(
    {
      from: 'page',
      payload: object({ id, isSettled: boolean }),
      invalidates: ['records'],
    },
    async ({ id, isSettled }, { services }) => repo.setFavourSettled(services.db, id, isSettled),
  ),
};
