import { randomInt, randomUUID } from 'node:crypto';

// Upstream's utilrand alphabet: no vowels (no accidental words) and no easily confused characters.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SUFFIX_LENGTH = 5;
/** Upstream keeps generated names within the 63-character label limit by cutting the prefix. */
const MAX_GENERATED_NAME_LENGTH = 63;

export function generateName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  const maxPrefix = MAX_GENERATED_NAME_LENGTH - SUFFIX_LENGTH;
  return (prefix.length > maxPrefix ? prefix.slice(0, maxPrefix) : prefix) + suffix;
}

export function newUid(): string {
  return randomUUID();
}
