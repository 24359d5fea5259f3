/**
 * The outbox of sync: while sync is on, every write to a synced table leaves a row saying which record
 * changed, in the same transaction as the write itself, so a crash can never lose a change between the
 * two (the sync design brief, section 4.7). It is a Dexie middleware under the repository rather than
 * a line in each write function: a write path added later cannot forget it.
 *
 * Rows hold ids, never contents, and one row stands for a record however often it changed; the sync
 * pass reads the record itself when it pushes.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/** What sync carries; trash, seen addresses and the rest stay on the device. */
export const SYNCED_TABLES: ReadonlySet<string> = new Set(['people', 'notes', 'interactions', 'favours', 'settings', 'snoozes']);

export const OUTBOX = 'outbox';

/** A record to push: `id` is `*` when the whole table was cleared (a replacing import). */
export interface OutboxRow {
  key: string;
  table: string;
  id: string;
}

function outboxRow(table: string, id: unknown): OutboxRow {
  const text = Array.isArray(id) ? id.join('|') : String(id);
  return { key: `${table}/${text}`, table, id: text };
}

/** The records a mutation touched, by primary key. */
function touched(table: DBCoreTable, request: DBCoreMutateRequest, response: DBCoreMutateResponse): unknown[] {
  switch (request.type) {
    case 'add':
    case 'put': {
      if (request.keys) return request.keys;
      const keyPath = table.schema.primaryKey.keyPath;
      if (typeof keyPath === 'string') return request.values.map((value) => (value as Record<string, unknown>)[keyPath]);
      return response.results ?? [];
    }
    case 'delete':
      return request.keys;
    case 'deleteRange':
      return ['*'];
  }
}

/** The middleware; `isOn` says whether sync is set up on this device (no outbox is kept otherwise). */
export function outboxMiddleware(isOn: () => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'hallway-outbox',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const isWritingSynced = mode === 'readwrite' && isOn() && stores.some((store) => SYNCED_TABLES.has(store));
          return down.transaction(isWritingSynced && !stores.includes(OUTBOX) ? [...stores, OUTBOX] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED_TABLES.has(name)) return table;
          return {
            ...table,
            mutate(request) {
              // Only transactions opened while sync was on carry the outbox. The promise chain stays
              // Dexie's own (no async function here): a foreign await would commit the transaction early.
              if (!(request.trans as unknown as IDBTransaction).objectStoreNames.contains(OUTBOX)) return table.mutate(request);
              return table.mutate(request).then((response) => {
                const rows = touched(table, request, response).map((id) => outboxRow(name, id));
                if (!rows.length) return response;
                return down.table(OUTBOX).mutate({ type: 'put', trans: request.trans, values: rows }).then(() => response);
              });
            },
          };
        },
      };
    },
  };
}
