// Throwaway: not committed.
import { launch, call } from '../e2e/harness';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson } from '../../src/shared/model';
import { seeded } from '../bench/prng';

const WORDS = 'the a of to and in for on with at by from project budget review kubernetes migration incident platform deploy release customer design api latency database cache queue retro roadmap hiring offsite coffee family kids marathon cycling piano garden travel lisbon tokyo berlin conference talk mentor promotion feedback'.split(' ');
function backup() {
  const r = seeded(11);
  const people = [], notes = [], interactions = [];
  for (let i = 0; i < 10000; i++) {
    people.push(emptyPerson({ id: `p${i}`, displayName: `Person${i} Surname${i % 977}`, emails: [`p${i}@corp.example`], team: `Team ${i % 40}`, role: 'Engineer', askAbout: [r.pick(WORDS)], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }));
  }
  for (let n = 0; n < 100000; n++) {
    const pid = n < 300 ? 0 : Math.floor(Math.pow(r.int(1000000) / 1000000, 2) * 10000);
    const text = Array.from({ length: 30 }, () => r.pick(WORDS)).join(' ');
    notes.push({ id: `n${n}`, personId: `p${pid}`, text, createdAt: '2026-06-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z' });
  }
  for (let k = 0; k < 20000; k++) {
    const day = r.int(180);
    interactions.push({ id: `i${k}`, personId: `p${r.int(10000)}`, kind: r.pick(['email', 'chat', 'call', 'in-person']), at: new Date(Date.parse('2026-12-01T00:00:00Z') - day * 864e5).toISOString(), isAuto: false });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-12-01T00:00:00.000Z', people, notes, interactions, favours: [], threads: [], settings: DEFAULT_SETTINGS };
}

const hallway = await launch();
const page = await hallway.openPage('src/options/index.html');
const data = backup();
let t = performance.now();
const res = await call(page, 'backup.import', { data, mode: 'replace' });
console.log('import', Math.round(performance.now() - t), JSON.stringify(res).slice(0, 100));
async function time(label: string, type: string, payload: object) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) { const s = performance.now(); await call(page, type, payload); runs.push(Math.round(performance.now() - s)); }
  console.log(label, runs.join(' '));
}
await time('list', 'people.list', {});
await time('list limit1', 'people.list', { limit: 1 });
await time('search person', 'people.list', { query: 'Person123' });
await time('search kubernetes', 'people.list', { query: 'kubernetes' });
await time('search migration incident', 'people.list', { query: 'migration incident' });
await time('network', 'people.network', {});
await time('get p0', 'people.get', { id: 'p0' });
await time('reminders', 'reminders.list', {});
const p2 = await hallway.context.newPage();
t = performance.now();
await p2.goto(page.url());
await p2.getByTestId('person-row').first().waitFor();
console.log('people page first rows (from goto)', Math.round(performance.now() - t));
const fcp = await p2.evaluate(() => performance.getEntriesByType('paint').map((e) => `${e.name}:${Math.round(e.startTime)}`).join(' '));
console.log('paint', fcp);
await hallway.close();
