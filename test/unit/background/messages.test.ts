import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src/background/messages';
import { backupMessages } from '../../../src/background/messages/backup';
import { cardMessages } from '../../../src/background/messages/cards';
import { contentMessages } from '../../../src/background/messages/content';
import { noteMessages } from '../../../src/background/messages/notes';
import { peopleMessages } from '../../../src/background/messages/people';
import { reminderMessages } from '../../../src/background/messages/reminders';
import { settingsMessages } from '../../../src/background/messages/settings';
import { tabMessages } from '../../../src/background/messages/tabs';
import { createRouter, type RouterDeps, type Sender } from '../../../src/background/router';
import { createPerson } from '../../../src/shared/db';
import type { CardPortMessage, ThreadSnapshot } from '../../../src/shared/protocol';
import type { CardView } from '../../../src/shared/views';
import { useFreshDb } from '../shared/db/helpers';

const ctx = useFreshDb();

const PAGE: Sender = { id: 'ext', url: 'chrome-extension://ext/src/options/index.html' };
const CONTENT: Sender = { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };
const CARD_A = 'a'.repeat(32);
const CARD_B = 'b'.repeat(32);
const cardFrame = (tab: number, frameId: number): Sender => ({ id: 'ext', url: 'chrome-extension://ext/src/hovercard/index.html', tab: { id: tab }, frameId });

let deps: RouterDeps;
let route: ReturnType<typeof createRouter>;
let pushes: { key: string; message: CardPortMessage }[];

beforeEach(() => {
  pushes = [];
  deps = {
    db: ctx.db,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    collectFromTab: vi.fn(async () => null),
    notifyTab: vi.fn(async () => undefined),
    publish: vi.fn(),
    pushToCard: vi.fn((key: string, message: CardPortMessage) => void pushes.push({ key, message })),
    reportProgress: vi.fn(),
    noteFrame: vi.fn(),
    readThread: vi.fn(async () => null),
    setBadge: vi.fn(),
    detectLanguage: vi.fn(async () => null),
  };
  route = createRouter(deps);
});

async function ok<T>(type: string, payload: unknown, sender: Sender = PAGE): Promise<T> {
  const reply = await route({ type, payload }, sender);
  expect(reply).toMatchObject({ ok: true });
  return (reply as { ok: true; value: T }).value;
}

/** Opens a card on tab 3 for an address, as hovering a name does, and lets its frame register. */
async function openCard(card: string, frameId: number, email: string): Promise<void> {
  await ok('content.openCard', { identity: { email }, theme: 'light', card }, { ...CONTENT, tab: { id: 3 } });
  await ok('card.current', { card }, cardFrame(3, frameId));
}

/** Lets the pushes started by a change (they build views asynchronously) arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('messages: one table', () => {
  it('holds every domain’s messages, none shadowing another', () => {
    const domains = [contentMessages, cardMessages, tabMessages, peopleMessages, noteMessages, backupMessages, settingsMessages, reminderMessages];
    const names = domains.flatMap((domain) => Object.keys(domain));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(MESSAGES).sort()).toEqual(names.sort());
  });
});

describe('messages: changes reach every open page', () => {
  it('says who changed after a person is added, what a favour changed, and nothing after a read', async () => {
    const grace = await ok<{ id: string }>('people.create', { displayName: 'Grace Hopper' });
    expect(deps.publish).toHaveBeenLastCalledWith(['people']);
    await ok('favours.add', { personId: grace.id, direction: 'given', effort: 'small', what: 'Reviewed the RFC' });
    expect(deps.publish).toHaveBeenLastCalledWith(['records']);
    await ok('settings.update', { patch: { isAutoLogOn: false } });
    expect(deps.publish).toHaveBeenLastCalledWith(['settings']);
    vi.mocked(deps.publish).mockClear();
    await ok('people.list', {});
    await ok('people.get', { id: grace.id });
    expect(deps.publish).not.toHaveBeenCalled();
  });

  it('a refused message tells no one', async () => {
    await route({ type: 'notes.add', payload: { personId: 'nobody', text: 'x' } }, PAGE);
    expect(deps.publish).not.toHaveBeenCalled();
  });

  it('open cards show a note added on the people page, without a new hover', async () => {
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await openCard(CARD_A, 7, 'grace@example.com');
    pushes = [];
    await ok('notes.add', { personId: grace.id, text: 'Ask about COBOL' });
    await settle();
    const shown = pushes.filter((p) => p.key === `3:${CARD_A}` && p.message.type === 'card.show');
    expect(shown).toHaveLength(1);
    const view = (shown[0]!.message as { view: CardView }).view;
    expect(view.state).toBe('noted');
    expect(view.person?.notes.map((n) => n.text)).toEqual(['Ask about COBOL']);
  });
});

describe('messages: card actions answer with the card', () => {
  it('a note from the card comes back in the card’s answer; the other open card is pushed, this one is not', async () => {
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await openCard(CARD_A, 7, 'grace@example.com');
    await openCard(CARD_B, 8, 'grace@example.com');
    pushes = [];
    const view = await ok<CardView>('card.addNote', { personId: grace.id, text: 'Prefers mornings' }, cardFrame(3, 7));
    expect(view.state).toBe('noted');
    expect(view.person?.notes.map((n) => n.text)).toEqual(['Prefers mornings']);
    await settle();
    expect(pushes.map((p) => p.key)).toEqual([`3:${CARD_B}`]);
    expect(deps.publish).toHaveBeenLastCalledWith(['people']);
  });

  it('a favour and a talk logged from the card come back in its answer', async () => {
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await openCard(CARD_A, 7, 'grace@example.com');
    const afterFavour = await ok<CardView>('card.addFavour', { personId: grace.id, direction: 'asked', effort: 'medium', what: 'Covered my on-call' }, cardFrame(3, 7));
    expect(afterFavour.person?.favours.map((f) => f.what)).toEqual(['Covered my on-call']);
    expect(afterFavour.balance).not.toBeNull();
    const afterTalk = await ok<CardView>('card.logInPerson', { personId: grace.id }, cardFrame(3, 7));
    expect(afterTalk.person?.interactions.map((i) => i.kind)).toEqual(['in-person']);
  });

  it('a card cannot write about someone it does not show', async () => {
    await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    const other = await createPerson(ctx.db, { displayName: 'Alan Turing', emails: ['alan@example.com'] });
    await openCard(CARD_A, 7, 'grace@example.com');
    const reply = await route({ type: 'card.addNote', payload: { personId: other.id, text: 'planted' } }, cardFrame(3, 7));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/no longer shows that person/u) });
    expect(await ctx.db.notes.count()).toBe(0);
  });
});

describe('messages: the nudge is read once per change of the thread', () => {
  const snapshot: ThreadSnapshot = {
    key: 'slack:C1:1',
    title: 'Budget',
    url: 'https://app.slack.com/client/T1/C1',
    messages: [
      { id: 'm1', author: { name: 'Grace Hopper', siteId: { site: 'slack', id: 'U1' } }, isOwn: false, text: 'Could you send the numbers?' },
      { id: 'm2', author: { name: 'Alan Turing', siteId: { site: 'slack', id: 'U2' } }, isOwn: true, text: 'Friday.' },
    ],
  };

  it('the popup gets the reading the page pushed, and a changed thread is read again', async () => {
    vi.mocked(deps.readThread).mockResolvedValue(snapshot);
    await ok('content.thread', { thread: snapshot }, CONTENT);
    expect(deps.detectLanguage).toHaveBeenCalledTimes(1);
    const view = await ok<{ threadKey: string }>('tab.nudge', { tabId: 3 });
    expect(view.threadKey).toBe('slack:C1:1');
    expect(deps.detectLanguage).toHaveBeenCalledTimes(1);
    const longer = { ...snapshot, messages: [...snapshot.messages, { id: 'm3', author: snapshot.messages[0]!.author, isOwn: false, text: 'Thanks!' }] };
    vi.mocked(deps.readThread).mockResolvedValue(longer);
    await ok('tab.nudge', { tabId: 3 });
    expect(deps.detectLanguage).toHaveBeenCalledTimes(2);
  });
});


describe('messages: frames', () => {
  it('a content script’s message makes its frame one the worker can ask directly; a page’s does not', async () => {
    await ok('content.status', { host: 'mail.google.com' }, { ...CONTENT, frameId: 4 });
    expect(deps.noteFrame).toHaveBeenCalledWith(3, 4);
    vi.mocked(deps.noteFrame).mockClear();
    await ok('settings.get', {});
    expect(deps.noteFrame).not.toHaveBeenCalled();
  });

  it('a card’s close goes to the frame that holds it, not to every frame of the tab', async () => {
    await createPerson(ctx.db, { displayName: 'Grace Hopper', emails: ['grace@example.com'] });
    await ok('content.openCard', { identity: { email: 'grace@example.com' }, theme: 'light', card: CARD_A }, { ...CONTENT, frameId: 9 });
    await ok('card.current', { card: CARD_A }, cardFrame(3, 12));
    await ok('card.close', {}, cardFrame(3, 12));
    expect(deps.notifyTab).toHaveBeenLastCalledWith(3, 'page.cardClose', { card: CARD_A }, 9);
  });
});

describe('messages: the network view', () => {
  it('is drawn once, and again after a change', async () => {
    const grace = await createPerson(ctx.db, { displayName: 'Grace Hopper', team: 'Platform' });
    const first = await ok<{ teams: { team: string; people: unknown[] }[] }>('people.network', {});
    expect(first.teams.map((t) => t.team)).toEqual(['Platform']);
    // Written behind the worker's back: the kept picture does not see it.
    await createPerson(ctx.db, { displayName: 'Alan Turing', team: 'Research' });
    expect((await ok<typeof first>('people.network', {})).teams.map((t) => t.team)).toEqual(['Platform']);
    await ok('interactions.add', { personId: grace.id, kind: 'in-person' });
    expect((await ok<typeof first>('people.network', {})).teams.map((t) => t.team).sort()).toEqual(['Platform', 'Research']);
  });
});
