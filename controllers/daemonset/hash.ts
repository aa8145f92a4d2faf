import type { PodTemplateSpec } from '../../schemas/core/pod.js';

/** apimachinery's rand alphabet: no vowels and no look-alike digits, so hashes never spell words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

export function fnv32a(bytes: Uint8Array, seed = FNV32_OFFSET): number {
  let hash = seed;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV32_PRIME) >>> 0;
  return hash;
}

/** rand.SafeEncodeString: each character of `s` becomes the alphabet letter its code point selects. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/**
 * A deterministic dump of a value (keys sorted at every level), standing in for upstream's spew dump: the bytes
 * differ from Go's, but equal templates always give equal dumps and any change gives a different one.
 */
export function stableDump(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableDump).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableDump(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * controller.ComputeHash: FNV-32a over the template, then — when the DaemonSet has a collisionCount, even 0 — eight
 * more bytes holding it little-endian, so bumping the count after a name collision yields a new name.
 */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let hash = fnv32a(new TextEncoder().encode(stableDump(template ?? {})));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(bytes, hash);
  }
  return safeEncodeString(String(hash));
}
