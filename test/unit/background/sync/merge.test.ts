import { describe, expect, it } from 'vitest';
import { later, mergeVersions, NOTE_RULES, PERSON_RULES, tick, type Version } from '../../../../src/background/sync/merge';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (minutes: number, device = 'laptop') => tick(null, device, T0 + minutes * 60_000);

/** A version whose every field was written at one clock. */
function version(body: Record<string, unknown>, clock: string): Version {
  return { body, clk: Object.fromEntries(Object.keys(body).map((field) => [field, clock])) };
}

describe('hybrid logical clocks', () => {
  it('order as strings by time, then counter, then device', () => {
    const a = tick(null, 'laptop', T0);
    const b = tick(a, 'laptop', T0);
    const c = tick(b, 'laptop', T0 + 1);
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(tick(null, 'desktop', T0) < tick(null, 'laptop', T0)).toBe(true);
    expect(later(a, c)).toBe(c);
  });

  it('never go backwards when the computer clock does', () => {
    const first = tick(null, 'laptop', T0 + 60_000);
    const next = tick(first, 'laptop', T0);
    expect(next > first).toBe(true);
  });
});

describe('merging two versions of a record', () => {
  const base = { displayName: 'Grace Hopper', team: 'Platform', emails: ['grace@example.com'], personal: 'Two kids' };
  const synced = version(base, at(0)).clk;

  it('takes each side’s change of a different field', () => {
    const local = version({ ...base, team: 'Compilers' }, at(0));
    local.clk.team = at(5, 'laptop');
    const remote = version({ ...base, displayName: 'Grace B. Hopper' }, at(0));
    remote.clk.displayName = at(3, 'desktop');
    const { version: merged, copies } = mergeVersions(local, remote, synced, PERSON_RULES);
    expect(merged.body).toEqual({ ...base, team: 'Compilers', displayName: 'Grace B. Hopper' });
    expect(copies).toEqual([]);
  });

  it('for one field changed on both sides, the later write wins, the same on both devices', () => {
    const local = version({ ...base, team: 'Compilers' }, at(0));
    local.clk.team = at(5, 'laptop');
    const remote = version({ ...base, team: 'Languages' }, at(0));
    remote.clk.team = at(7, 'desktop');
    expect(mergeVersions(local, remote, synced, PERSON_RULES).version.body?.team).toBe('Languages');
    expect(mergeVersions(remote, local, synced, PERSON_RULES).version).toEqual(mergeVersions(local, remote, synced, PERSON_RULES).version);
  });

  it('keeps every address added on either side', () => {
    const local = version({ ...base, emails: ['grace@example.com', 'grace@navy.example'] }, at(0));
    local.clk.emails = at(5);
    const remote = version({ ...base, emails: ['ghopper@example.org', 'grace@example.com'] }, at(0));
    remote.clk.emails = at(6, 'desktop');
    expect(mergeVersions(local, remote, synced, PERSON_RULES).version.body?.emails).toEqual(['ghopper@example.org', 'grace@example.com', 'grace@navy.example']);
  });

  it('two edits of the same note keep both: the later stands, the other becomes a conflict copy', () => {
    const note = { personId: 'p1', text: 'Met at the offsite.' };
    const noteSynced = version(note, at(0)).clk;
    const local = version({ ...note, text: 'Met at the offsite; she runs the compiler guild.' }, at(0));
    local.clk.text = at(4);
    const remote = version({ ...note, text: 'Met at the offsite. Prefers calls.' }, at(0));
    remote.clk.text = at(9, 'desktop');
    const { version: merged, copies } = mergeVersions(local, remote, noteSynced, NOTE_RULES);
    expect(merged.body?.text).toBe('Met at the offsite. Prefers calls.');
    expect(copies).toEqual([{ field: 'text', value: 'Met at the offsite; she runs the compiler guild.', clock: at(4) }]);
  });

  it('a delete and an earlier edit: deleted, with the edited version set aside for undo', () => {
    const edited = version({ ...base, team: 'Compilers' }, at(0));
    edited.clk.team = at(5);
    const deleted: Version = { body: null, clk: {}, del: at(8, 'desktop') };
    const merged = mergeVersions(edited, deleted, synced, PERSON_RULES);
    expect(merged.version).toEqual({ body: null, clk: {}, del: at(8, 'desktop') });
    expect(merged.setAside?.body?.team).toBe('Compilers');
    expect(merged.isRestored).toBe(false);
  });

  it('an edit made after the delete on another device brings the record back', () => {
    const edited = version({ ...base, team: 'Compilers' }, at(0));
    edited.clk.team = at(12);
    const deleted: Version = { body: null, clk: {}, del: at(8, 'desktop') };
    const merged = mergeVersions(deleted, edited, synced, PERSON_RULES);
    expect(merged.isRestored).toBe(true);
    expect(merged.version.body?.team).toBe('Compilers');
    expect(merged.setAside?.del).toBe(at(8, 'desktop'));
  });

  it('a field neither side changed stays as it was', () => {
    const local = version(base, at(0));
    const remote = version(base, at(0));
    expect(mergeVersions(local, remote, synced, PERSON_RULES).version.body).toEqual(base);
  });
});
