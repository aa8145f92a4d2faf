import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayHoldLoneSurrogates, wellFormed } from '../../../server/http/well-formed.js';

const cases: Array<[string, unknown, unknown]> = [
  ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
  ['a lone low surrogate', 'a\udc00b', 'a\ufffdb'],
  ['a high surrogate at the end', 'ab\udbff', 'ab\ufffd'],
  ['a pair in the wrong order', '\udc00\ud800', '\ufffd\ufffd'],
  ['a pair is kept', 'smile \ud83d\ude00', 'smile \ud83d\ude00'],
  ['plain text is kept', 'kube-system', 'kube-system'],
  ['values inside objects and arrays', { a: ['x\ud800', { b: '\udfff' }], n: 1, t: true, z: null }, { a: ['x\ufffd', { b: '\ufffd' }], n: 1, t: true, z: null }],
  ['keys', { 'k\ud800': 'v' }, { 'k\ufffd': 'v' }],
];

for (const [what, input, expected] of cases) {
  test(`well-formed as Go decodes it: ${what}`, () => {
    assert.deepEqual(wellFormed(input), expected);
  });
}

test('only text with a surrogate escape needs the walk', () => {
  assert.equal(mayHoldLoneSurrogates('{"name":"a\\ud800"}'), true);
  assert.equal(mayHoldLoneSurrogates('{"name":"a\\uDFFF"}'), true);
  assert.equal(mayHoldLoneSurrogates('{"name":"a\\u00e9 \\u4e2d"}'), false);
  assert.equal(mayHoldLoneSurrogates('name: "a\\U0000D800"'), true);
  assert.equal(mayHoldLoneSurrogates('{"name":"plain"}'), false);
});

test('a cyclic value (YAML aliases) is walked once per object, without recursion', () => {
  const cyclic: unknown[] = ['a\ud800'];
  cyclic.push(cyclic);
  assert.equal(wellFormed(cyclic), cyclic);
  assert.equal(cyclic[0], 'a\ufffd');
  let deep: unknown = 'x\udc00';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.doesNotThrow(() => wellFormed(deep));
});
