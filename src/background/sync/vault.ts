/**
 * The encryption of sync: what the user's server receives is sealed on the device, so it never sees a
 * name, an address, a note or even which document is a person (the design brief's sections 4.4 and
 * 5.1). Everything here is WebCrypto; nothing leaves the device unsealed.
 *
 * - A random data key (AES-256-GCM) seals each record, and a random id key (HMAC-SHA-256) turns record
 *   ids into document ids. Both are wrapped (AES-KW) by a key derived from the passphrase
 *   (PBKDF2-SHA-256, 600,000 iterations, random salt), and the wrapped keys travel in a keyring
 *   document the server may read. Changing the passphrase re-wraps the two keys; no record is sealed
 *   again.
 * - A sealed record is bound to its document id and key id (AES-GCM additional data), so a server that
 *   swaps ciphertexts between documents is caught. It is compressed and padded to 256-byte steps, so
 *   its size says little.
 * - Unwrapped keys are not extractable: the page's scripts never could reach them, and now neither can
 *   Hallway's own code read their bytes.
 */

export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** Sealed records are padded to a multiple of this, so their sizes fall in a few buckets. */
const PAD_TO = 256;
const FORMAT = 'hallway/v1';

/** The keyring document: what the server keeps of the keys. Nothing in it opens anything without the passphrase. */
export interface Keyring {
  v: 1;
  kdf: { alg: 'PBKDF2-SHA256'; it: number; salt: string };
  keys: { kid: string; data: string; id: string; created: string }[];
  minClientFormat: 1;
}

/** The unwrapped keys of one keyring entry, as the device keeps them. */
export interface VaultKeys {
  kid: string;
  data: CryptoKey;
  id: CryptoKey;
}

/** A sealed record, as a document body on the server. */
export interface Envelope {
  v: 1;
  kid: string;
  iv: string;
  ct: string;
}

/** The passphrase does not open this keyring. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not open this sync vault. Check it, or, if it is lost, start a new vault.');
  }
}

/** A sealed record that does not open: altered, moved to another document, or sealed with another key. */
export class TamperedEnvelopeError extends Error {
  constructor(docId: string) {
    super(`The server's copy of document ${docId} does not open with this vault's key; it was left as it was.`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes on an ArrayBuffer of their own, as WebCrypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>;

function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

function randomBytes(count: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(count));
}

async function wrappingKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-KW', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

async function unwrap(entry: Keyring['keys'][number], kek: CryptoKey, isExtractable: boolean): Promise<VaultKeys> {
  try {
    const data = await crypto.subtle.unwrapKey('raw', fromBase64(entry.data), kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, isExtractable, ['encrypt', 'decrypt']);
    const id = await crypto.subtle.unwrapKey('raw', fromBase64(entry.id), kek, 'AES-KW', { name: 'HMAC', hash: 'SHA-256', length: 256 }, isExtractable, ['sign']);
    return { kid: entry.kid, data, id };
  } catch {
    // AES-KW checks its own integrity: a wrong key fails here, and there is nothing else to guess against.
    throw new WrongPassphraseError();
  }
}

async function wrapEntry(keys: VaultKeys, kek: CryptoKey, created: string): Promise<Keyring['keys'][number]> {
  const data = new Uint8Array(await crypto.subtle.wrapKey('raw', keys.data, kek, 'AES-KW'));
  const id = new Uint8Array(await crypto.subtle.wrapKey('raw', keys.id, kek, 'AES-KW'));
  return { kid: keys.kid, data: toBase64(data), id: toBase64(id), created };
}

/** A new vault: random keys, wrapped under the passphrase. Returns the keyring to store and the keys to use. */
export async function createVault(passphrase: string, now = new Date()): Promise<{ keyring: Keyring; keys: VaultKeys }> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await wrappingKey(passphrase, salt, PBKDF2_ITERATIONS);
  const fresh: VaultKeys = {
    kid: 'k1',
    data: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']),
    id: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']),
  };
  const entry = await wrapEntry(fresh, kek, now.toISOString());
  const keyring: Keyring = { v: 1, kdf: { alg: 'PBKDF2-SHA256', it: PBKDF2_ITERATIONS, salt: toBase64(salt) }, keys: [entry], minClientFormat: 1 };
  // The keys in use are the unwrapped, non-extractable copies, as on every other device.
  return { keyring, keys: await unwrap(entry, kek, false) };
}

/** Opens a keyring with the passphrase; WrongPassphraseError when it does not. */
export async function unlockVault(keyring: Keyring, passphrase: string): Promise<VaultKeys> {
  const entry = keyring.keys.at(-1);
  if (!entry || keyring.kdf.alg !== 'PBKDF2-SHA256') throw new Error('This sync vault was made by a newer Hallway; update Hallway to open it.');
  const kek = await wrappingKey(passphrase, fromBase64(keyring.kdf.salt), keyring.kdf.it);
  return unwrap(entry, kek, false);
}

/** The same keys under a new passphrase (and a new salt): one document changes, no record is sealed again. */
export async function changePassphrase(keyring: Keyring, oldPassphrase: string, newPassphrase: string, now = new Date()): Promise<Keyring> {
  const oldKek = await wrappingKey(oldPassphrase, fromBase64(keyring.kdf.salt), keyring.kdf.it);
  const salt = randomBytes(SALT_BYTES);
  const newKek = await wrappingKey(newPassphrase, salt, PBKDF2_ITERATIONS);
  const keys: Keyring['keys'] = [];
  for (const entry of keyring.keys) keys.push(await wrapEntry(await unwrap(entry, oldKek, true), newKek, now.toISOString()));
  return { ...keyring, kdf: { alg: 'PBKDF2-SHA256', it: PBKDF2_ITERATIONS, salt: toBase64(salt) }, keys };
}

/**
 * The server's id for a record: the same on every device, and telling nothing of the record or its
 * kind (a person and a note look alike).
 */
export async function documentId(keys: VaultKeys, table: string, recordId: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.id, encoder.encode(`${table}/${recordId}`)));
  return `r${base64Url(mac).slice(0, 26)}`;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Bytes> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

const additionalData = (docId: string, kid: string) => encoder.encode(`${FORMAT}|${docId}|${kid}`);

/** Seals a record for one document: compressed, padded, encrypted and bound to the document and key ids. */
export async function seal(keys: VaultKeys, docId: string, record: unknown): Promise<Envelope> {
  const packed = await transform(encoder.encode(JSON.stringify(record)), new CompressionStream('deflate-raw'));
  // Four bytes of length, the data, then zeros up to the next step.
  const padded = new Uint8Array(Math.ceil((packed.length + 4) / PAD_TO) * PAD_TO);
  new DataView(padded.buffer).setUint32(0, packed.length);
  padded.set(packed, 4);
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(docId, keys.kid) }, keys.data, padded);
  return { v: 1, kid: keys.kid, iv: toBase64(iv), ct: toBase64(new Uint8Array(sealed)) };
}

/** Opens a sealed record; TamperedEnvelopeError when it was altered, moved or sealed under another key. */
export async function open(keys: VaultKeys, docId: string, envelope: Envelope): Promise<unknown> {
  let padded: Bytes;
  try {
    if (envelope.v !== 1 || envelope.kid !== keys.kid) throw new Error('another key');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: additionalData(docId, envelope.kid) },
      keys.data,
      fromBase64(envelope.ct),
    );
    padded = new Uint8Array(plain);
  } catch {
    throw new TamperedEnvelopeError(docId);
  }
  const length = new DataView(padded.buffer).getUint32(0);
  if (length > padded.length - 4) throw new TamperedEnvelopeError(docId);
  const packed = padded.subarray(4, 4 + length);
  return JSON.parse(decoder.decode(await transform(packed, new DecompressionStream('deflate-raw'))));
}
