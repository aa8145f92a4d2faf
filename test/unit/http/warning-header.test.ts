import assert from 'node:assert/strict';
import { validateHeaderValue } from 'node:http';
import { describe, it } from 'node:test';
import { warningHeaderValues } from '../../../server/http/warning-header.js';

const utf8 = (value: string) => Buffer.from(value, 'latin1').toString('utf8');

describe('Warning header values', () => {
  const cases: [string, string, string][] = [
    ['plain text', 'unknown field "spec.x"', '299 - "unknown field \\"spec.x\\""'],
    ['a backslash', 'a\\b', '299 - "a\\\\b"'],
    ['characters above U+00FF travel as UTF-8', 'unknown field "\u{81E9A}é"', '299 - "unknown field \\"\u{81E9A}é\\""'],
    ['control characters and DEL become spaces', 'a\u0000b\u007fc\nd', '299 - "a b c d"'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const [value] = warningHeaderValues([text]);
      assert.doesNotThrow(() => validateHeaderValue('Warning', value));
      assert.equal(utf8(value), expected);
    });
  }

  it('cut each warning to 256 characters and drop those past 4 KiB once together they are too long', () => {
    const values = warningHeaderValues(Array.from({ length: 40 }, (_, i) => `${i}:${'x'.repeat(1000)}`));
    assert.ok(values.length > 1 && values.length < 40);
    assert.ok(values.every((v) => v.length <= '299 - ""'.length + 256));
    assert.ok(values.reduce((total, v) => total + v.length, 0) <= 4096);
    assert.deepEqual(warningHeaderValues(['short', 'ones']).map(utf8), ['299 - "short"', '299 - "ones"']);
  });
});
