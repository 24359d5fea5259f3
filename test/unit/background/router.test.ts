import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type RouterDeps, type Sender } from '../../../src/background/router';
import { MESSAGES } from '../../../src/background/messages';
import { addNote, createPerson, updateSettings } from '../../../src/shared/db';
import type { PageIdentity } from '../../../src/shared/identity';
import type { Person } from '../../../src/shared/model';
import type { PersonDetail, TabPeople } from '../../../src/shared/views';
import { snapshot, useFreshDb } from '../shared/db/helpers';

const ctx = useFreshDb();

const PAGE: Sender = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };
const HOVERCARD: Sender = { id: 'ext', url: 'chrome-extension://ext/src/hovercard/index.html', tab: { id: 3 }, frameId: 5 };
const CONTENT: Sender = { id: 'ext', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };

let collected: { host: string; identities: PageIdentity[] } | null;
let deps: RouterDeps;
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  collected = null;
  deps = {
    db: ctx.db,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    collectFromTab: vi.fn(async () => collected),
    notifyTab: vi.fn(async () => undefined),
    publish: vi.fn(),
    pushToCard: vi.fn(),
    reportProgress: vi.fn(),
    noteFrame: vi.fn(),
    readThread: vi.fn(async () => null),
    setBadge: vi.fn(),
  };
  route = createRouter(deps);
  // The router logs unexpected handler errors; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

type Ok<T> = { ok: true; value: T };
async function ok<T>(type: string, payload: unknown, sender: Sender = PAGE): Promise<T> {
  const reply = await route({ type, payload }, sender);
  expect(reply).toMatchObject({ ok: true });
  return (reply as Ok<T>).value;
}
async function refused(type: string, payload: unknown, sender: Sender = PAGE): Promise<string> {
  const reply = await route({ type, payload }, sender);
  expect(reply.ok).toBe(false);
  expect(Object.keys(reply).sort()).toEqual(['error', 'ok']);
  return (reply as { error: string }).error;
}

describe('router: pages', () => {
  it('a Hallway page creates a person and adds a note', async () => {
    const dana = await ok<Person>('people.create', { displayName: 'Dana', emails: ['Dana@Example.com'], team: 'Platform' });
    expect(dana).toMatchObject({ displayName: 'Dana', emails: ['dana@example.com'], team: 'Platform' });
    const note = await ok<{ id: string; text: string }>('notes.add', { personId: dana.id, text: 'Likes tea' });
    expect(note.text).toBe('Likes tea');
    const detail = await ok<PersonDetail>('people.get', { id: dana.id });
    expect(detail.person).toEqual(dana);
    expect(detail.notes).toEqual([note]);
    // A view model, not a row: no index fields.
    expect(detail.person).not.toHaveProperty('words');
  });

  it('the hover card frame (an extension page inside a tab) counts as a page', async () => {
    const dana = await ok<Person>('people.create', { displayName: 'Dana' }, HOVERCARD);
    await ok('notes.add', { personId: dana.id, text: 'x' }, HOVERCARD);
    expect(await ctx.db.notes.count()).toBe(1);
  });

  it('a card framed from a per-session extension origin (use_dynamic_url) is still a page, a web page never is', async () => {
    const dynamic: Sender = { id: 'ext', url: 'chrome-extension://0f3c9a6e-5b1d-4c7e-9f2a-1d2e3f4a5b6c/src/hovercard/index.html', tab: { id: 3 } };
    expect((await route({ type: 'card.current', payload: { card: 'a'.repeat(32) } }, dynamic)).ok).toBe(true);
    // A page on a site cannot pass for one by its address: content scripts only send from web pages.
    const lookalike: Sender = { id: 'ext', url: 'https://evil.example/chrome-extension://ext/', tab: { id: 3 } };
    expect(await refused('people.list', {}, lookalike)).toMatch(/may not send/u);
  });

  it('a handler error (not found) comes back as a readable error, not a throw', async () => {
    const reply = await route({ type: 'people.get', payload: { id: 'ghost' } }, PAGE);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/not found|Something went wrong/) });
  });

  it('a not-found error says what was not found', async () => {
    const reply = await route({ type: 'people.get', payload: { id: 'ghost' } }, PAGE);
    expect(reply).toEqual({ ok: false, error: 'That person was not found; it may have been deleted.' });
  });

  it('adding a note to a deleted person says so', async () => {
    const reply = await route({ type: 'notes.add', payload: { personId: 'ghost', text: 'hello' } }, PAGE);
    expect(reply).toEqual({ ok: false, error: 'That person was not found; it may have been deleted.' });
  });

  it('an invalid-data error from a handler is returned with its field', async () => {
    const error = await refused('people.create', { displayName: 'Dana', emails: ['not an email'] });
    expect(error).toContain('emails[0]');
    expect(await ctx.db.people.count()).toBe(0);
    const merge = await refused('people.merge', { keepId: 'a', mergeId: 'a' });
    expect(merge).toBe('Choose two different people to merge.');
  });

  it('backup.export and backup.import work from a page; a refused import comes back as problems', async () => {
    const dana = await ok<Person>('people.create', { displayName: 'Dana' });
    const backup = await ok<{ people: Person[] }>('backup.export', {});
    expect(backup.people.map((p) => p.id)).toEqual([dana.id]);
    const result = await ok<{ ok: boolean; problems?: unknown[] }>('backup.import', { data: { format: 'nope' }, mode: 'replace' });
    expect(result.ok).toBe(false);
    expect(await ctx.db.people.count()).toBe(1);
  });

  it('site.setEnabled updates settings and tells the tab', async () => {
    const settings = await ok<{ disabledSites: string[] }>('site.setEnabled', { tabId: 7, host: 'mail.google.com', isEnabled: false });
    expect(settings.disabledSites).toEqual(['mail.google.com']);
    expect(deps.notifyTab).toHaveBeenCalledWith(7, 'page.refresh', {});
    const status = await ok('content.status', { host: 'mail.google.com' }, CONTENT);
    expect(status).toEqual({ isEnabled: false, isPrivacyModeOn: false, isDraftCheckOn: true });
    await ok('site.setEnabled', { tabId: 7, host: 'mail.google.com', isEnabled: true });
    expect(await ok('content.status', { host: 'mail.google.com' }, CONTENT)).toEqual({ isEnabled: true, isPrivacyModeOn: false, isDraftCheckOn: true });
  });
});

describe('router: content scripts', () => {
  async function seedNoted() {
    const dana = await createPerson(ctx.db, { displayName: 'Dana Scully', emails: ['dana@example.com'], personal: 'PRIVATE-PERSONAL' });
    await addNote(ctx.db, dana.id, 'PRIVATE-NOTE-TEXT');
    return dana;
  }

  for (const [type, payload] of [
    ['people.get', { id: 'x' }],
    ['notes.add', { personId: 'x', text: 'planted' }],
    ['backup.export', {}],
    ['people.list', {}],
    ['people.create', { displayName: 'Planted' }],
    ['tab.people', { tabId: 3 }],
    ['settings.update', { patch: { isPrivacyModeOn: false } }],
    ['backup.import', { data: {}, mode: 'replace' }],
  ] as const) {
    it(`refuses "${type}" from a content script and changes nothing`, async () => {
      const dana = await seedNoted();
      const before = await snapshot(ctx.db);
      const p = type === 'people.get' ? { id: dana.id } : type === 'notes.add' ? { personId: dana.id, text: 'planted' } : payload;
      const error = await refused(type, p, CONTENT);
      expect(error).toBe(`Refused: a web page may not send "${type}".`);
      expect(error).not.toContain('PRIVATE');
      expect(await snapshot(ctx.db)).toEqual(before);
    });
  }

  it('allows content.match, which returns marker states and no private text', async () => {
    const dana = await seedNoted();
    await createPerson(ctx.db, { displayName: 'Fox', emails: ['fox@example.com'] });
    const reply = await route(
      { type: 'content.match', payload: { identities: [{ email: 'dana@example.com' }, { email: 'fox@example.com' }, { name: 'Dana Scully' }, { email: 'x@y.example' }] } },
      CONTENT,
    );
    expect(reply).toEqual({ ok: true, value: ['noted', 'known', 'uncertain', 'unknown'] });
    const json = JSON.stringify(reply);
    for (const secret of ['PRIVATE', dana.id, 'Dana', 'Scully', 'dana@example.com']) expect(json).not.toContain(secret);
  });

  it('a page may not send content-script messages', async () => {
    expect(await refused('content.match', { identities: [] }, PAGE)).toBe('Refused: a Hallway page may not send "content.match".');
  });
});

describe('router: senders and payloads', () => {
  it('refuses another extension, even from its own extension page', async () => {
    for (const sender of [
      { id: 'evil', url: 'chrome-extension://evil/page.html' },
      { id: 'evil', url: 'https://mail.google.com/', tab: { id: 3 } },
      { url: 'chrome-extension://ext/src/popup/index.html' },
      // Right id but neither an extension page nor a tab.
      { id: 'ext', url: 'https://example.com/' },
      { id: 'ext' },
      { id: 'ext', url: 'https://example.com/', tab: { id: -1 } },
    ] as Sender[]) {
      expect(await refused('people.create', { displayName: 'Planted' }, sender)).toBe('Refused: the message did not come from Hallway.');
    }
    expect(await ctx.db.people.count()).toBe(0);
  });

  it('trusts the sender id the browser sets, not the address a page claims', async () => {
    // Another extension's page, even one at an address that looks like ours.
    const other = await refused('people.create', { displayName: 'Planted' }, { id: 'other', url: 'chrome-extension://ext/src/options/index.html' });
    expect(other).toBe('Refused: the message did not come from Hallway.');
    // A web page whose address merely mentions the extension is still a web page.
    const error = await refused('people.create', { displayName: 'Planted' }, { id: 'ext', url: 'https://ext.evil/chrome-extension://ext/x.html', tab: { id: 1 } });
    expect(error).toContain('web page');
    expect(await ctx.db.people.count()).toBe(0);
  });

  it('refuses unknown and malformed message types', async () => {
    expect(await refused('people.nuke', {})).toBe('Refused: "people.nuke" is not a Hallway message.');
    expect(await refused('toString', {})).toBe('Refused: "toString" is not a Hallway message.');
    expect(await refused('__proto__', {})).toBe('Refused: "__proto__" is not a Hallway message.');
    expect(await route(null, PAGE)).toEqual({ ok: false, error: 'Refused: a message needs a type.' });
    expect(await route({ payload: {} }, PAGE)).toEqual({ ok: false, error: 'Refused: a message needs a type.' });
    expect(await route({ type: 42 }, PAGE)).toEqual({ ok: false, error: 'Refused: a message needs a type.' });
  });

  const malformed: [string, string, unknown, string][] = [
    ['a missing field', 'notes.add', { text: 'hello' }, 'personId: is missing'],
    ['a wrong type', 'notes.add', { personId: 'p1', text: 42 }, 'text: expected text, got number'],
    ['an unknown extra field', 'notes.add', { personId: 'p1', text: 'hello', createdAt: '2020-01-01T00:00:00.000Z' }, 'createdAt: is not a known field'],
    ['an empty text', 'notes.add', { personId: 'p1', text: '' }, 'text: must not be empty'],
    ['a bad id', 'notes.add', { personId: '../../x', text: 'hello' }, 'personId: expected an id'],
    ['an unknown kind', 'interactions.add', { personId: 'p1', kind: 'telepathy' }, 'kind: expected one of'],
    ['a bad date', 'interactions.add', { personId: 'p1', kind: 'email', at: 'tomorrow' }, 'at: expected a date'],
    ['a payload that is not an object', 'people.create', 'Dana', '(top level): expected an object, got string'],
    ['an id the route does not take', 'people.create', { displayName: 'Dana', id: 'chosen' }, 'id: is not a known field'],
    ['a bad import mode', 'backup.import', { data: {}, mode: 'overwrite' }, 'mode: expected one of'],
    ['an import that is not an object', 'backup.import', { data: 'x', mode: 'merge' }, 'data: expected the contents of a backup file'],
    ['an unknown setting', 'settings.update', { patch: { isTelemetryOn: true } }, 'patch.isTelemetryOn: is not a known field'],
    ['a bad host', 'site.setEnabled', { tabId: 1, host: 'Mail Google', isEnabled: false }, 'host: expected a host name'],
    ['a negative tab', 'tab.people', { tabId: -1 }, 'tabId: must be between 0 and Infinity'],
    ['a huge limit', 'people.list', { limit: 5000 }, 'limit: must be between 1 and 1000'],
  ];
  for (const [what, type, payload, message] of malformed) {
    it(`refuses ${what} in "${type}" naming the field, and writes nothing`, async () => {
      const p1 = await createPerson(ctx.db, { id: 'p1', displayName: 'Dana' });
      void p1;
      const before = await snapshot(ctx.db);
      const error = await refused(type, payload);
      expect(error.startsWith(`Refused "${type}": `)).toBe(true);
      expect(error).toContain(message);
      expect(await snapshot(ctx.db)).toEqual(before);
      expect(deps.notifyTab).not.toHaveBeenCalled();
      expect(deps.publish).not.toHaveBeenCalled();
      expect(deps.collectFromTab).not.toHaveBeenCalled();
    });
  }

  it('a missing payload is read as an empty one', async () => {
    expect(await route({ type: 'settings.get' }, PAGE)).toMatchObject({ ok: true });
    expect(await refused('notes.add', undefined)).toContain('personId: is missing');
  });

  it('every message type says who may send it: content scripts send content.*, pages the rest', () => {
    for (const [type, spec] of Object.entries(MESSAGES)) {
      expect(spec.from, type).toBe(type.startsWith('content.') ? 'content' : 'page');
    }
  });
});

describe('router: tab.people', () => {
  it('lists the people on a tab: known with a summary, unknown without, name-only flagged', async () => {
    const { db } = ctx;
    const dana = await createPerson(db, { displayName: 'Dana Scully', emails: ['dana@example.com'], team: 'Platform' });
    await addNote(db, dana.id, 'first');
    const latest = await addNote(db, dana.id, 'second');
    await db.notes.update(latest.id, { createdAt: '2999-01-01T00:00:00.000Z' });
    const fox = await createPerson(db, { displayName: 'Fox Mulder', siteIds: [{ site: 'slack', id: 'U7' }] });
    const walter = await createPerson(db, { displayName: 'Walter Skinner', emails: ['ws@example.com'] });
    await addNote(db, walter.id, 'WALTER-PRIVATE');
    collected = {
      host: 'mail.google.com',
      identities: [
        { name: 'Stranger', email: 'stranger@example.com' },
        { name: 'Dana S.', email: 'DANA@example.com' },
        { name: 'Walter Skinner' },
        { name: 'Fox', siteId: { site: 'slack', id: 'U7' } },
        { name: 'Dana', email: 'dana@example.com' },
      ],
    };
    const tab = await ok<TabPeople>('tab.people', { tabId: 3 });
    expect(deps.collectFromTab).toHaveBeenCalledWith(3);
    expect(tab.host).toBe('mail.google.com');
    expect(tab.isSupported).toBe(true);
    expect(tab.isDisabled).toBe(false);
    expect(tab.people.map((p) => [p.name, p.email, p.match?.id ?? null, p.isUncertain])).toEqual([
      ['Dana Scully', 'dana@example.com', dana.id, false],
      ['Fox Mulder', null, fox.id, false],
      ['Stranger', 'stranger@example.com', null, false],
      ['Walter Skinner', null, null, true],
    ]);
    expect(tab.people[0]?.match?.latestNote).toEqual({ id: latest.id, text: 'second', createdAt: '2999-01-01T00:00:00.000Z' });
    expect(tab.people[0]?.match?.noteCount).toBe(2);
    expect(tab.people[1]?.match?.latestNote).toBeNull();
    // Uncertain (name-only) matches carry nothing private.
    expect(JSON.stringify(tab.people[3])).not.toContain('WALTER-PRIVATE');
    expect(JSON.stringify(tab)).not.toContain(walter.id);
  });

  it('a disabled site gives an empty list marked disabled', async () => {
    const { db } = ctx;
    await createPerson(db, { displayName: 'Dana', emails: ['dana@example.com'] });
    await updateSettings(db, { disabledSites: ['mail.google.com'] });
    collected = { host: 'mail.google.com', identities: [{ email: 'dana@example.com' }] };
    expect(await ok('tab.people', { tabId: 3 })).toEqual({ host: 'mail.google.com', isSupported: true, isDisabled: true, people: [] });
  });

  it('a tab where Hallway does not run is unsupported', async () => {
    collected = null;
    expect(await ok('tab.people', { tabId: 9 })).toEqual({ host: null, isSupported: false, isDisabled: false, people: [] });
  });
});
