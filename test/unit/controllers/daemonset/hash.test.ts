import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHash, fnv32a, safeEncodeString, stableDump } from '../../../../controllers/daemonset/hash.js';

test('fnv32a: the FNV-1a test vectors', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(fnv32a(enc('')), 0x811c9dc5);
  assert.equal(fnv32a(enc('a')), 0xe40c292c);
  assert.equal(fnv32a(enc('foobar')), 0xbf9cf968);
});

test('safeEncodeString: each decimal digit maps into the no-vowel alphabet (rand.SafeEncodeString)', () => {
  assert.equal(safeEncodeString('0123456789'), '456789bcdf', 'why real hashes look like 5d59d67564');
  assert.match(safeEncodeString(String(0xffffffff)), /^[bcdfghjklmnpqrstvwxz2456789]+$/);
});

test('computeHash (ComputeHash): stable across key order, changed by any template change and by collisionCount', () => {
  const a = { metadata: { labels: { x: '1', y: '2' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
  const b = { spec: { containers: [{ image: 'i', name: 'c' }] }, metadata: { labels: { y: '2', x: '1' } } };
  assert.equal(computeHash(a), computeHash(b));
  assert.match(computeHash(a), /^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
  assert.notEqual(computeHash(a), computeHash({ ...a, spec: { containers: [{ name: 'c', image: 'j' }] } }));
  assert.notEqual(computeHash(a), computeHash(a, 0), 'a collisionCount of 0 still salts the hash');
  assert.notEqual(computeHash(a, 0), computeHash(a, 1));
});

test('stableDump: sorted keys at every level, undefined fields dropped', () => {
  assert.equal(stableDump({ b: [{ d: 1, c: 2 }], a: undefined, e: null }), '{"b":[{"c":2,"d":1}],"e":null}');
});
