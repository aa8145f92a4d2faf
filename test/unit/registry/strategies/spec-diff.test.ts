import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specDiff, specEqual } from '../../../../server/registry/strategies/spec-diff.js';

describe('specEqual and specDiff compare as decoded Go values', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['identical trees', { a: [{ b: 1 }], c: 'x' }, { a: [{ b: 1 }], c: 'x' }, true],
    ['absent, null, false, 0, empty string, [] and {} are alike', { a: null, b: false, c: 0, d: '', e: [], f: {} }, {}, true],
    ['a nested zero object equals an absent one', { s: { t: { u: 0 } } }, {}, true],
    ['a changed leaf', { a: { b: 1 } }, { a: { b: 2 } }, false],
    ['a field only in the new value', {}, { a: 'x' }, false],
    ['a field only in the old value', { a: 'x' }, {}, false],
    ['arrays of other lengths', { a: [1] }, { a: [1, 2] }, false],
    ['an array against an object', { a: [1] }, { a: { 0: 1 } }, false],
    ['order of keys does not matter', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
  ];
  for (const [name, a, b, equal] of cases) {
    it(name, () => {
      assert.equal(specEqual(a, b), equal);
      assert.equal(specEqual(b, a), equal);
      assert.equal(specDiff(a, b).length === 0, equal);
    });
  }

  it('lists each differing leaf like a unified diff', () => {
    assert.deepEqual(specDiff({ a: { b: 1, c: 'x' } }, { a: { b: 2, c: 'x' }, d: true }), ['- a.b: 1', '+ a.b: 2', '+ d: true']);
  });
});
