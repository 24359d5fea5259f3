/**
 * Sample people for the demo and the end-to-end tests: the colleagues who appear on the fixture
 * pages (invented names and addresses), with notes, interactions and favours to show.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/shared/db/backup';
import { DEFAULT_SETTINGS, emptyPerson, type Person } from '../../src/shared/model';

const CREATED = '2026-09-01T09:00:00.000Z';

function person(fields: Partial<Person> & Pick<Person, 'id' | 'displayName'>): Person {
  return emptyPerson({ createdAt: CREATED, updatedAt: CREATED, ...fields });
}

export const SAMPLE_NOTE = 'Back from parental leave in October; prefers a call to long email threads.';

export function sampleBackup(): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-11-29T09:00:00.000Z',
    people: [
      person({
        id: 'demo-grace',
        displayName: 'Grace Hopper',
        emails: ['grace@example.com'],
        siteIds: [
          { site: 'slack', id: 'U0GRACE001' },
          { site: 'google-chat', id: '100000000000000000001' },
          { site: 'teams', id: '00000000-0000-0000-0000-0000000006a5' },
        ],
        team: 'Platform',
        role: 'Staff engineer',
        teamHistory: [{ team: 'Compilers', role: 'Engineer', from: '2023-01-01T00:00:00.000Z', to: '2025-06-30T00:00:00.000Z' }],
        askAbout: ['Kubernetes', 'compilers', 'on-call'],
        personal: 'Two kids; sails on weekends.',
        howWeMet: 'Onboarding buddy, 2024.',
        cadenceDays: 30,
      }),
      person({
        id: 'demo-ada',
        displayName: 'Ada Lovelace',
        emails: ['ada@example.com'],
        siteIds: [{ site: 'google-chat', id: '100000000000000000002' }],
        team: 'Analytics',
        role: 'Data scientist',
        askAbout: ['forecasting', 'SQL'],
      }),
      person({
        id: 'demo-lukasz',
        displayName: 'Łukasz Żółć',
        siteIds: [{ site: 'slack', id: 'U0LUKASZ02' }],
        team: 'Finance systems',
        role: 'Engineering manager',
        askAbout: ['budgets', 'headcount planning'],
      }),
    ],
    notes: [
      { id: 'demo-note-1', personId: 'demo-grace', text: SAMPLE_NOTE, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' },
      { id: 'demo-note-2', personId: 'demo-ada', text: 'Ask about the Q1 forecast model before the planning review.', createdAt: '2026-11-25T15:30:00.000Z', updatedAt: '2026-11-25T15:30:00.000Z' },
    ],
    interactions: [
      { id: 'demo-int-1', personId: 'demo-grace', kind: 'in-person', at: '2026-10-14T12:30:00.000Z', summary: 'Lunch at the offsite', isAuto: false },
      { id: 'demo-int-2', personId: 'demo-ada', kind: 'call', at: '2026-11-18T09:00:00.000Z', isAuto: false },
    ],
    favours: [
      { id: 'demo-fav-1', personId: 'demo-grace', direction: 'asked', effort: 'medium', what: 'Reviewed my on-call runbook', at: '2026-11-02T10:00:00.000Z', settledAt: null },
      { id: 'demo-fav-2', personId: 'demo-grace', direction: 'given', effort: 'small', what: 'Introduced her to the security team', at: '2026-11-10T10:00:00.000Z', settledAt: null },
    ],
    threads: [],
    settings: DEFAULT_SETTINGS,
  };
}
