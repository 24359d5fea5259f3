/**
 * The message model: logistic regression over named features (politeness strategies, sentiment,
 * disagreement, the insult and swearing lists) and hashed word and character n-grams. It was fitted
 * on several labelled sets at once (uncivil GitHub comments, toxic code-review comments, sour Reddit
 * emotions, Wikipedia personal attacks), each set with its own bias so that how often a set is hostile
 * does not leak into the shared weights. The weights ship quantised to one byte each.
 */
import { HASH_BITS } from './hashing';

export interface StoredHashedModel {
  bits: number;
  /** Weight of one quantisation step. */
  scale: number;
  bias: number;
  named: Record<string, number>;
  /** One signed byte per bucket, base64. */
  hashed: string;
}

export interface HashedModel {
  bias: number;
  named: Readonly<Record<string, number>>;
  hashed: Float32Array;
}

export function decodeModel(stored: StoredHashedModel): HashedModel {
  if (stored.bits !== HASH_BITS) throw new Error(`tone weights were trained for ${stored.bits}-bit hashing, the code uses ${HASH_BITS}`);
  const bytes = Uint8Array.from(atob(stored.hashed), (c) => c.charCodeAt(0));
  const hashed = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) hashed[i] = ((bytes[i]! << 24) >> 24) * stored.scale;
  return { bias: stored.bias, named: stored.named, hashed };
}

export function encodeModel(model: HashedModel): StoredHashedModel {
  let max = 0;
  for (const w of model.hashed) max = Math.max(max, Math.abs(w));
  const scale = max ? max / 127 : 1;
  const bytes = new Uint8Array(model.hashed.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(model.hashed[i]! / scale) & 0xff;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const named: Record<string, number> = {};
  for (const [name, w] of Object.entries(model.named)) {
    const rounded = Math.round(w * 1000) / 1000;
    if (rounded !== 0) named[name] = rounded;
  }
  return { bits: HASH_BITS, scale: Number(scale.toPrecision(6)), bias: Math.round(model.bias * 1000) / 1000, named, hashed: btoa(binary) };
}

/** Log-odds of the message reading as uncivil, from its named values and hashed buckets. */
export function hashedLogit(model: HashedModel, values: ReadonlyMap<string, number>, buckets: Uint32Array): number {
  let z = model.bias;
  for (const [name, value] of values) {
    const w = model.named[name];
    if (w !== undefined) z += w * value;
  }
  if (buckets.length) {
    const v = 1 / Math.sqrt(buckets.length);
    for (const b of buckets) z += model.hashed[b]! * v;
  }
  return z;
}
