import { ContentContext, type ContentPolicy } from '../../../src/content/context';

/** Tests dispatch only synthetic events and read Hallway's shadow roots. */
export const RELAXED: Partial<ContentPolicy> = { isTrusted: () => true, shadowMode: 'open' };

export function testContext(options: { policy?: Partial<ContentPolicy>; runtimeId?: () => string | undefined } = {}): ContentContext {
  return new ContentContext({ runtimeId: options.runtimeId ?? (() => 'hallway-test'), policy: options.policy ?? RELAXED });
}
