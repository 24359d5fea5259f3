/** Messages from Hallway's pages about people: the directory, one person's record, linking and merging. */
import * as repo from '../../shared/db';
import { LIMITS, MAX_LIST_PAGE } from '../../shared/limits';
import { personCheck } from '../../shared/model';
import { array, id, literal, number, object, optional, string } from '../../shared/validate';
import { message } from './define';
import { empty, shortText } from './shapes';

export const peopleMessages = {
  /** A page of the directory, in an order or ranked for a search. */
  'people.list': message(
    {
      from: 'page',
      payload: object({
        query: optional(string({ max: LIMITS.query })),
        sort: optional(literal('name', 'lastInteraction', 'team')),
        offset: optional(number({ min: 0, integer: true })),
        limit: optional(number({ min: 1, max: MAX_LIST_PAGE, integer: true })),
      }),
    },
    async (options, { services }) => repo.listPeople(services.db, options),
  ),

  /** One person with their notes, interactions and favours. */
  'people.get': message(
    {
      from: 'page',
      payload: object({ id }),
    },
    async ({ id }, { services }) => repo.getPersonDetail(services.db, id),
  ),

  /** Addresses and chat ids seen on pages under this person's name that no one has yet. */
  'people.seen': message(
    {
      from: 'page',
      payload: object({ id }),
    },
    async ({ id }, { services }) => repo.seenFor(services.db, id),
  ),

  /** Links one of those to the person. */
  'people.link': message(
    {
      from: 'page',
      payload: object({ id, key: string({ min: 1, max: LIMITS.email + 20 }) }),
      invalidates: ['people'],
    },
    async ({ id, key }, { services }) => repo.linkSeen(services.db, id, key),
  ),

  'people.create': message(
    {
      from: 'page',
      payload: object({
        displayName: string({ min: 1, max: LIMITS.name }),
        emails: optional(array(string({ max: LIMITS.email }), { max: 50 })),
        team: optional(shortText),
        role: optional(shortText),
      }),
      invalidates: ['people'],
    },
    async (fields, { services }) => repo.createPerson(services.db, fields),
  ),

  'people.save': message(
    {
      from: 'page',
      payload: object({ person: personCheck }),
      invalidates: ['people'],
    },
    async ({ person }, { services }) => repo.savePerson(services.db, person),
  ),

  'people.delete': message(
    {
      from: 'page',
      payload: object({ id }),
      invalidates: ['people'],
    },
    async ({ id }, { services }) => repo.deletePerson(services.db, id),
  ),

  'people.undoDelete': message(
    {
      from: 'page',
      payload: object({ undoId: id }),
      invalidates: ['people'],
    },
    async ({ undoId }, { services }) => repo.undoDelete(services.db, undoId),
  ),

  'people.merge': message(
    {
      from: 'page',
      payload: object({ keepId: id, mergeId: id }),
      invalidates: ['people'],
    },
    async ({ keepId, mergeId }, { services }) => repo.mergePeople(services.db, keepId, mergeId),
  ),

  /** Teams the user knows people in, and how strong those ties are. */
  'people.network': message(
    {
      from: 'page',
      payload: empty,
    },
    async (_, { services }) => services.network(),
  ),
};
