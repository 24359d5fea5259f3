/**
 * Type tests for the message layer, checked by `npm run typecheck`: a message's request and response
 * types come from its one declaration, and a declaration missing a part does not compile.
 */
import { expectTypeOf } from 'vitest';
import { message } from '../../../src/background/messages/define';
import type { Note } from '../../../src/shared/model';
import { send, type ProtocolMap, type Request, type Response } from '../../../src/shared/protocol';
import { object, string } from '../../../src/shared/validate';
import type { CardView, MarkerState } from '../../../src/shared/views';

// The request is what the validator accepts, the response what the handler returns.
expectTypeOf<Request<'notes.add'>>().toEqualTypeOf<{ personId: string; text: string }>();
expectTypeOf<Response<'notes.add'>>().toEqualTypeOf<Note>();
expectTypeOf<Response<'content.match'>>().toEqualTypeOf<MarkerState[]>();
expectTypeOf<Response<'card.addNote'>>().toEqualTypeOf<CardView | null>();
expectTypeOf<ProtocolMap['content.match']['from']>().toEqualTypeOf<'content'>();
expectTypeOf<ProtocolMap['people.get']['from']>().toEqualTypeOf<'page'>();

// @ts-expect-error a message needs a handler
message({ from: 'page', payload: object({}) });

// @ts-expect-error a message needs a payload validator
message({ from: 'page' }, async () => null);

// @ts-expect-error only content scripts and Hallway's pages send messages
message({ from: 'web', payload: object({}) }, async () => null);

message({ from: 'page', payload: object({ text: string() }) }, async ({ text }) => {
  // @ts-expect-error the handler sees the payload's checked type
  text.toFixed();
  return null;
});

export async function senders(): Promise<void> {
  // @ts-expect-error a sender must give the whole payload
  await send('notes.add', { personId: 'p' });
  // @ts-expect-error and only names a declared message
  await send('notes.shout', {});
}
