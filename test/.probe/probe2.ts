import { launch, call } from '../e2e/harness';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson } from '../../src/shared/model';
import { seeded } from '../bench/prng';
const WORDS = 'the a of to and in for on with at by from project budget review kubernetes migration incident platform deploy release customer design api latency database cache queue retro roadmap hiring offsite coffee family kids marathon cycling piano garden travel lisbon tokyo berlin conference talk mentor promotion feedback'.split(' ');
function backup() {
  const r = seeded(11);
  const people = [], notes = [], interactions = [];
  for (let i = 0; i < 10000; i++) people.push(emptyPerson({ id: `p${i}`, displayName: `Person${i} Surname${i % 977}`, emails: [`p${i}@corp.example`], team: `Team ${i % 40}`, role: 'Engineer', askAbout: [r.pick(WORDS)], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }));
  for (let n = 0; n < 100000; n++) { const pid = n < 300 ? 0 : Math.floor(Math.pow(r.int(1000000) / 1000000, 2) * 10000); notes.push({ id: `n${n}`, personId: `p${pid}`, text: Array.from({ length: 30 }, () => r.pick(WORDS)).join(' '), createdAt: '2026-06-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z' }); }
  for (let k = 0; k < 20000; k++) interactions.push({ id: `i${k}`, personId: `p${r.int(10000)}`, kind: r.pick(['email', 'chat', 'call', 'in-person']), at: new Date(Date.parse('2026-12-01T00:00:00Z') - r.int(180) * 864e5).toISOString(), isAuto: false });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-12-01T00:00:00.000Z', people, notes, interactions, favours: [], threads: [], settings: DEFAULT_SETTINGS };
}
const hallway = await launch();
const page = await hallway.openPage('src/options/index.html');
await call(page, 'backup.import', { data: backup(), mode: 'replace' });
const r = await page.evaluate(`(async () => {
  const db = await new Promise((res, rej) => { const q = indexedDB.open('hallway'); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const out = {};
  const t = (k, s) => (out[k] = Math.round(performance.now() - s));
  let s = performance.now(); const all = await req(db.transaction('people').objectStore('people').getAll()); t('people.getAll', s);
  out.peopleBytes = JSON.stringify(all).length;
  s = performance.now(); await req(db.transaction('people').objectStore('people').getAllKeys()); t('people.getAllKeys', s);
  s = performance.now(); await req(db.transaction('interactions').objectStore('interactions').getAll()); t('interactions.getAll', s);
  s = performance.now(); await req(db.transaction('notes').objectStore('notes').count()); t('notes.count', s);
  s = performance.now(); const ks = await req(db.transaction('notes').objectStore('notes').index('personId').getAllKeys(IDBKeyRange.only('p0'))); t('notes p0 keys', s); out.p0 = ks.length;
  s = performance.now(); await req(db.transaction('notes').objectStore('notes').index('personId').getAll(IDBKeyRange.only('p0'))); t('notes p0 getAll', s);
  s = performance.now(); const w = await req(db.transaction('people').objectStore('people').index('noteWords').getAllKeys(IDBKeyRange.bound('kubernetes', 'kubernetes\uffff'))); t('noteWords kubernetes keys', s); out.kub = w.length;
  return out;
})()`);
console.log(r);
await hallway.close();
