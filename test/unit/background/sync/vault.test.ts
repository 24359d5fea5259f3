import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createVault,
  documentId,
  open,
  PBKDF2_ITERATIONS,
  seal,
  TamperedEnvelopeError,
  unlockVault,
  WrongPassphraseError,
} from '../../../../src/background/sync/vault';

const PASSPHRASE = 'correct horse battery staple';
const NOTE = { t: 'note', id: 'n1', body: { personId: 'p1', text: 'Grace is interviewing at another company; keep it quiet.' } };

describe('the sync vault', () => {
  it('derives its key with PBKDF2-SHA-256 at 600,000 iterations, and the keyring holds nothing readable', async () => {
    const { keyring } = await createVault(PASSPHRASE);
    expect(keyring.kdf).toMatchObject({ alg: 'PBKDF2-SHA256', it: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(keyring)).not.toContain(PASSPHRASE);
  });

  it('seals a record that opens on another device with the passphrase, and nowhere in it is the text', async () => {
    const { keyring, keys } = await createVault(PASSPHRASE);
    const docId = await documentId(keys, 'notes', 'n1');
    const envelope = await seal(keys, docId, NOTE);
    expect(JSON.stringify(envelope)).not.toMatch(/Grace|interviewing|p1|note/u);
    const elsewhere = await unlockVault(keyring, PASSPHRASE);
    expect(await open(elsewhere, docId, envelope)).toEqual(NOTE);
    // The device's keys cannot be read out, not even by Hallway's own code.
    expect(elsewhere.data.extractable).toBe(false);
    expect(elsewhere.id.extractable).toBe(false);
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const { keyring } = await createVault(PASSPHRASE);
    await expect(unlockVault(keyring, 'correct horse battery stapler')).rejects.toThrow(WrongPassphraseError);
    await expect(unlockVault(keyring, '')).rejects.toThrow(/does not open this sync vault/u);
  });

  it('catches a server that swaps ciphertexts between documents or alters one', async () => {
    const { keys } = await createVault(PASSPHRASE);
    const [a, b] = [await documentId(keys, 'notes', 'n1'), await documentId(keys, 'notes', 'n2')];
    const envelope = await seal(keys, a, NOTE);
    await expect(open(keys, b, envelope)).rejects.toThrow(TamperedEnvelopeError);
    const bytes = atob(envelope.ct);
    const flipped = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    await expect(open(keys, a, { ...envelope, ct: flipped })).rejects.toThrow(TamperedEnvelopeError);
  });

  it('does not open a record sealed in another vault', async () => {
    const mine = await createVault(PASSPHRASE);
    const theirs = await createVault(PASSPHRASE);
    const docId = await documentId(mine.keys, 'notes', 'n1');
    await expect(open(theirs.keys, docId, await seal(mine.keys, docId, NOTE))).rejects.toThrow(TamperedEnvelopeError);
  });

  it('gives a record the same document id on every device, which tells neither its kind nor its id', async () => {
    const { keyring, keys } = await createVault(PASSPHRASE);
    const other = await unlockVault(keyring, PASSPHRASE);
    const id = await documentId(keys, 'people', 'p1');
    expect(await documentId(other, 'people', 'p1')).toBe(id);
    expect(await documentId(keys, 'notes', 'p1')).not.toBe(id);
    expect(id).toMatch(/^r[A-Za-z0-9_-]{26}$/u);
    expect(id).not.toContain('p1');
  });

  it('pads sealed records to 256-byte steps, so a short note and a longer one look the same size', async () => {
    const { keys } = await createVault(PASSPHRASE);
    const short = await seal(keys, 'rA', { text: 'ok' });
    const longer = await seal(keys, 'rA', { text: 'Prefers a call to a long thread; ask about the migration.' });
    expect(atob(short.ct).length).toBe(atob(longer.ct).length);
    expect((atob(short.ct).length - 16) % 256).toBe(0);
  });

  it('changes the passphrase by re-wrapping the keys: old records still open, the old passphrase no longer does', async () => {
    const { keyring, keys } = await createVault(PASSPHRASE);
    const docId = await documentId(keys, 'notes', 'n1');
    const envelope = await seal(keys, docId, NOTE);
    const changed = await changePassphrase(keyring, PASSPHRASE, 'a new and longer passphrase');
    expect(changed.kdf.salt).not.toBe(keyring.kdf.salt);
    const reopened = await unlockVault(changed, 'a new and longer passphrase');
    expect(await open(reopened, docId, envelope)).toEqual(NOTE);
    expect(await documentId(reopened, 'notes', 'n1')).toBe(docId);
    await expect(unlockVault(changed, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    await expect(changePassphrase(keyring, 'not it', 'x')).rejects.toThrow(WrongPassphraseError);
  });
});
