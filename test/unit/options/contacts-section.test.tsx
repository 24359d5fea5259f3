// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backup } from '../../../src/shared/db/backup';
import type { PersonSummary } from '../../../src/shared/views';

const send = vi.fn();
const downloadText = vi.fn();
vi.mock('../../../src/shared/protocol', () => ({ send: (...args: unknown[]) => send(...args) }));
vi.mock('../../../src/options/download', () => ({ downloadText: (...args: unknown[]) => downloadText(...args) }));

const { ContactsSection } = await import('../../../src/options/contacts-section');

const CSV = [
  'First Name,Last Name,E-mail Address,Department', // 1
  'Lena,Sato,lena@example.com,Data', // 2
  ',,,', // 3: no name or email
  'Dana,W.,dana@example.com,Sales', // 4: already in Hallway
  'Tomas,Birk,tomas@example.com,Infra', // 5
].join('\n');

const DANA: PersonSummary = {
  id: 'dana',
  displayName: 'Dana Whitfield',
  team: '',
  role: '',
  emails: ['dana@example.com'],
  askAbout: [],
  latestNote: null,
  noteCount: 0,
  lastInteractionAt: null,
  lastInPersonAt: null,
  balance: { asked: 0, given: 0, since: null },
};

let root: HTMLElement;
const onImported = vi.fn();
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);

async function chooseFile(text: string, name: string) {
  const input = byTestId('contacts-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [new NodeFile([text], name)] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await vi.waitFor(() => expect(byTestId('contacts-preview') ?? byTestId('contacts-result')).not.toBeNull());
}

async function click(id: string) {
  await act(async () => {
    byTestId(id)!.click();
  });
}

beforeEach(() => {
  send.mockReset();
  downloadText.mockReset();
  onImported.mockReset();
  send.mockImplementation(async (type: string) => {
    if (type === 'people.list') return { people: [DANA], total: 1 };
    if (type === 'backup.import') return { ok: true, report: { people: 2, notes: 0, interactions: 0, favours: 0, threads: 0 } };
    if (type === 'backup.export') return { people: [] } as unknown as Backup;
    throw new Error(`unexpected ${type}`);
  });
  root = document.createElement('div');
  document.body.append(root);
  render(<ContactsSection onImported={onImported} />, root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ContactsSection', () => {
  it('previews without writing, then adds the new people in one merge import', async () => {
    await chooseFile(CSV, 'contacts.csv');
    const preview = byTestId('contacts-preview')!;
    expect(preview.textContent).toContain('2 people will be added');
    expect(preview.textContent).toContain('Lena Sato');
    expect(preview.textContent).toContain('tomas@example.com');
    expect(allByTestId('contacts-skipped').map((li) => li.textContent)).toEqual(['Line 3: no name or email address']);
    expect(allByTestId('contacts-duplicate').map((li) => li.textContent)).toEqual(['Line 4: Dana W. (in Hallway as Dana Whitfield)']);
    expect(calls('backup.import')).toEqual([]);
    expect(byTestId('contacts-confirm')!.textContent).toBe('Add 2 people');

    await click('contacts-confirm');
    const imports = calls('backup.import');
    expect(imports).toHaveLength(1);
    const [, payload] = imports[0]! as [string, { data: Backup; mode: string }];
    expect(payload.mode).toBe('merge');
    expect(payload.data.people.map((p) => p.displayName)).toEqual(['Lena Sato', 'Tomas Birk']);
    expect(payload.data).toMatchObject({ format: 'hallway-backup', version: 1, notes: [], interactions: [], favours: [], threads: [] });
    expect('settings' in payload.data).toBe(false);
    expect(byTestId('contacts-result')!.textContent).toBe('Added 2 people.');
    expect(byTestId('contacts-preview')).toBeNull();
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('cancel clears the preview and writes nothing', async () => {
    await chooseFile(CSV, 'contacts.csv');
    await click('contacts-cancel');
    expect(byTestId('contacts-preview')).toBeNull();
    expect(calls('backup.import')).toEqual([]);
  });

  it('says what is wrong with a file it cannot read', async () => {
    await chooseFile('Phone,City\n555,Oslo\n', 'numbers.csv');
    expect(byTestId('contacts-result')!.textContent).toContain('no name or email column');
    expect(byTestId('contacts-preview')).toBeNull();
  });

  it('shows when the import is refused, and keeps the preview', async () => {
    send.mockImplementation(async (type: string) => {
      if (type === 'people.list') return { people: [], total: 0 };
      return { ok: false, problems: [{ path: 'people[0].displayName', message: 'must not be empty' }] };
    });
    await chooseFile('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Quinn\r\nEND:VCARD\r\n', 'ada.vcf');
    await click('contacts-confirm');
    expect(byTestId('contacts-result')!.textContent).toContain('Nothing was changed.');
    expect(byTestId('contacts-preview')).not.toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('exports CSV and vCard with dated file names', async () => {
    await click('export-csv');
    await click('export-vcard');
    expect(downloadText.mock.calls.map(([, name, type]) => [String(name).replace(/\d{4}-\d{2}-\d{2}/u, 'DATE'), type])).toEqual([
      ['hallway-contacts-DATE.csv', 'text/csv'],
      ['hallway-contacts-DATE.vcf', 'text/vcard'],
    ]);
  });
});
