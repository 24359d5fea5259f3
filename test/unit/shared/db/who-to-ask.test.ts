import { describe, expect, it } from 'vitest';
import { addInteraction, closeness, createPerson, listPeople } from '../../../../src/shared/db';
import { favourBalance, isOneSided } from '../../../../src/shared/favours';
import { balanceInWords, oneSidedHint } from '../../../../src/ui/format';
import { useFreshDb } from './helpers';

const ctx = useFreshDb();
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('who to ask', () => {
  it('ranks by topic match first, then by how well the user knows them', async () => {
    const stranger = await createPerson(ctx.db, { displayName: 'Ann Stranger', askAbout: ['Kubernetes'] });
    const friend = await createPerson(ctx.db, { displayName: 'Zed Friend', askAbout: ['Kubernetes'] });
    const acquaintance = await createPerson(ctx.db, { displayName: 'Mo Acquaintance', askAbout: ['Kubernetes'] });
    const mention = await createPerson(ctx.db, { displayName: 'Bea Mention', personal: 'Ran a Kubernetes meetup once.' });
    await addInteraction(ctx.db, { personId: friend.id, kind: 'in-person', at: ago(10) });
    await addInteraction(ctx.db, { personId: friend.id, kind: 'chat', at: ago(3) });
    await addInteraction(ctx.db, { personId: acquaintance.id, kind: 'email', at: ago(120) });
    // The closest colleague who only mentions the topic still ranks below every topic expert.
    for (const days of [1, 2, 3, 4, 5]) await addInteraction(ctx.db, { personId: mention.id, kind: 'in-person', at: ago(days) });

    const page = await listPeople(ctx.db, { query: 'who knows about kubernetes?' });
    expect(page.people.map((p) => p.displayName)).toEqual(['Zed Friend', 'Mo Acquaintance', 'Ann Stranger', 'Bea Mention']);
    expect(stranger.id).toBeTruthy();
  });

  it('closeness grows with contact, recency and meeting in person', () => {
    const now = Date.now();
    const never = closeness({ lastInteractionAt: null, lastInPersonAt: null }, 0, now);
    const oldEmail = closeness({ lastInteractionAt: ago(150), lastInPersonAt: null }, 1, now);
    const recentMeeting = closeness({ lastInteractionAt: ago(2), lastInPersonAt: ago(2) }, 1, now);
    expect(never).toBe(0);
    expect(oldEmail).toBeGreaterThan(never);
    expect(recentMeeting).toBeGreaterThan(oldEmail);
    expect(closeness({ lastInteractionAt: ago(2), lastInPersonAt: ago(2) }, 50, now)).toBeLessThanOrEqual(5);
  });
});

describe('the favour ledger', () => {
  const favour = (direction: 'asked' | 'given', at: string, settledAt: string | null = null) => ({ direction, at, settledAt });

  it('counts open favours each way, and when the oldest open one was', () => {
    const balance = favourBalance([
      favour('asked', '2026-03-04T10:00:00.000Z'),
      favour('asked', '2026-05-01T10:00:00.000Z'),
      favour('given', '2026-06-01T10:00:00.000Z'),
      favour('asked', '2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'),
    ]);
    expect(balance).toEqual({ asked: 2, given: 1, since: '2026-03-04T10:00:00.000Z' });
    expect(balanceInWords(balance, new Date('2026-11-29T10:00:00.000Z'))).toBe('You asked them for 2 things, helped them once since March');
    expect(balanceInWords(balance, new Date('2027-01-10T10:00:00.000Z'))).toBe('You asked them for 2 things, helped them once since March 2026');
    expect(balanceInWords(favourBalance([]))).toBe('');
  });

  it('warns gently only when the user has asked twice more than they helped', () => {
    const oneSided = favourBalance([favour('asked', '2026-03-04T10:00:00.000Z'), favour('asked', '2026-04-04T10:00:00.000Z')]);
    expect(isOneSided(oneSided)).toBe(true);
    expect(oneSidedHint(oneSided, 'Grace Hopper')).toBe('The balance leans on Grace: maybe offer a hand before asking again.');
    const even = favourBalance([favour('asked', '2026-03-04T10:00:00.000Z'), favour('given', '2026-04-04T10:00:00.000Z')]);
    expect(isOneSided(even)).toBe(false);
    expect(oneSidedHint(even, 'Grace Hopper')).toBeNull();
  });
});
