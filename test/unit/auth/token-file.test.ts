import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTokenFile, readTokenFile, TokenFileError } from '../../../server/auth/token-file.js';
import { scratchDir } from '../../helpers/scratch.js';

test('rows: token, user, uid and an optional quoted group list', () => {
  const { tokens, warnings } = parseTokenFile('t1,alice,1\nt2,bob,2,"dev,ops"\r\n\nt3,carol,3,system:masters\n', 'f.csv');
  assert.deepEqual(Object.fromEntries(tokens), {
    t1: { name: 'alice', uid: '1', groups: [] },
    t2: { name: 'bob', uid: '2', groups: ['dev', 'ops'] },
    t3: { name: 'carol', uid: '3', groups: ['system:masters'] },
  });
  assert.deepEqual(warnings, []);
});

test('quoted fields keep commas, doubled quotes and line breaks; extra columns are ignored', () => {
  const { tokens } = parseTokenFile('"to,ken","al ""x""",1,"g1","ignored"\n"multi\nline",u,2\n', 'f.csv');
  assert.deepEqual(tokens.get('to,ken'), { name: 'al "x"', uid: '1', groups: ['g1'] });
  assert.deepEqual(tokens.get('multi\nline'), { name: 'u', uid: '2', groups: [] });
});

test('an empty token is skipped and a repeated token takes its last row, each with upstream warning', () => {
  const { tokens, warnings } = parseTokenFile(',nobody,0\nt,first,1\nt,second,2\n', 'f.csv');
  assert.deepEqual([...tokens.keys()], ['t']);
  assert.equal(tokens.get('t')!.name, 'second');
  assert.deepEqual(warnings, [
    "empty token has been found in token file 'f.csv', record number '1'",
    "duplicate token has been found in token file 'f.csv', record number '3'",
  ]);
});

const bad: Array<[string, string, RegExp]> = [
  ['too few columns', 't1,alice,1\nt2,bob\n', /^token file 'f.csv' must have at least 3 columns \(token, user name, user uid\), found 2$/],
  ['a single column', 'justatoken\n', /found 1$/],
  ['a bare quote', 't"1,alice,1\n', /parse error on line 1, column 2: bare " in non-quoted-field/],
  ['an unterminated quote', '"t1,alice,1\n', /extraneous or missing " in quoted-field/],
  ['text after a closing quote', '"t1"x,alice,1\n', /parse error on line 1, column 5: extraneous or missing " in quoted-field/],
];
for (const [name, text, message] of bad) {
  test(`a bad file is refused whole: ${name}`, () => {
    assert.throws(() => parseTokenFile(text, 'f.csv'), (err: unknown) => err instanceof TokenFileError && message.test(err.message));
  });
}

test('readTokenFile reads from disk and names a missing file', () => {
  const dir = scratchDir('mimikube-tokens-');
  writeFileSync(join(dir, 'tokens.csv'), 'abc,admin,0,system:masters\n');
  assert.equal(readTokenFile(join(dir, 'tokens.csv')).tokens.get('abc')?.name, 'admin');
  assert.throws(() => readTokenFile(join(dir, 'missing.csv')), /cannot read token file '.*missing.csv': ENOENT/);
});
