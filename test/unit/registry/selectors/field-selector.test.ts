import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../server/errors.js';
import {
  convertFieldSelector,
  matchesFields,
  parseFieldSelector,
  requiredFieldValue,
  type FieldLabelConversion,
  type FieldRequirement,
} from '../../../../server/registry/selectors/field-selector.js';

function assertBadRequest(fn: () => unknown, message: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 400);
    assert.equal(err.reason, 'BadRequest');
    assert.equal(err.message, message);
    return true;
  });
}

const eq = (field: string, value: string): FieldRequirement => ({ field, operator: '=', value });

// [name, selector, requirements]
const parses: [string, string, FieldRequirement[]][] = [
  ['empty selector is Everything', '', []],
  ['single term', 'metadata.name=foo', [eq('metadata.name', 'foo')]],
  ['double equals', 'a==b', [{ field: 'a', operator: '==', value: 'b' }]],
  ['not equals', 'a!=b', [{ field: 'a', operator: '!=', value: 'b' }]],
  ['terms are sorted', 'b=1,a=2', [eq('a', '2'), eq('b', '1')]],
  ['empty terms are skipped', ',a=b,,', [eq('a', 'b')]],
  ['empty value', 'spec.nodeName=', [eq('spec.nodeName', '')]],
  ['escaped comma stays in the value', 'a=b\\,c,d=e', [eq('a', 'b,c'), eq('d', 'e')]],
  ['escaped equals', 'a=x\\=y', [eq('a', 'x=y')]],
  ['escaped backslash', 'a=x\\\\y', [eq('a', 'x\\y')]],
  ['escaped backslash before a comma splits', 'a=x\\\\,b=y', [eq('a', 'x\\'), eq('b', 'y')]],
  ['first operator splits the term', 'a=!b', [eq('a', '!b')]],
  ['a bare = transforms to Everything', '=', []],
  ['a bare = is dropped among others', '=,a=b', [eq('a', 'b')]],
  ['an empty field with a value is kept', '=x', [eq('', 'x')]],
];

for (const [name, selector, want] of parses) {
  test(`fields.ParseSelector: ${name} (${JSON.stringify(selector)})`, () => {
    assert.deepEqual(parseFieldSelector(selector), want);
  });
}

// [name, selector, apiserver message]
const parseErrors: [string, string, string][] = [
  ['no operator', 'foo', "invalid selector: 'foo'; can't understand 'foo'"],
  ['first bad term in sorted order', 'b=1,zz,a', "invalid selector: 'b=1,zz,a'; can't understand 'a'"],
  ['unescaped = in the value', 'a=b=c', 'invalid field selector: unescaped character in value: 61'],
  ['unescaped = after ==', 'a==b=c', 'invalid field selector: unescaped character in value: 61'],
  ['unknown escape', 'a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
  ['! is not an escapable character', 'a=b\\!', 'invalid field selector: invalid escape sequence: \\!'],
  ['trailing backslash', 'a=b\\', 'invalid field selector: invalid escape sequence: \\'],
];

for (const [name, selector, message] of parseErrors) {
  test(`fields.ParseSelector rejects ${name} (${JSON.stringify(selector)})`, () => {
    assertBadRequest(() => parseFieldSelector(selector), message);
  });
}

const pod: Record<string, string> = { 'metadata.name': 'web-1', 'status.phase': 'Running' };
const getPodField = (field: string): string | undefined => pod[field];

// [name, selector, want]
const matches: [string, string, boolean][] = [
  ['Everything', '', true],
  ['equal', 'status.phase=Running', true],
  ['double equal', 'status.phase==Running', true],
  ['unequal value', 'status.phase=Pending', false],
  ['not equal', 'status.phase!=Pending', true],
  ['not equal with the value', 'status.phase!=Running', false],
  ['missing field equals the empty string', 'spec.nodeName=', true],
  ['missing field differs from a value', 'spec.nodeName!=node-1', true],
  ['all terms must hold', 'metadata.name=web-1,status.phase=Pending', false],
];

for (const [name, selector, want] of matches) {
  test(`fields.Selector.Matches: ${name} (${JSON.stringify(selector)})`, () => {
    assert.equal(matchesFields(parseFieldSelector(selector), getPodField), want);
  });
}

const podConversion: FieldLabelConversion = {
  supported: new Set(['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase']),
  aliases: { 'spec.host': 'spec.nodeName' },
};

test('DefaultMetaV1FieldSelectorConversion accepts metadata.name and metadata.namespace', () => {
  const reqs = parseFieldSelector('metadata.name=a,metadata.namespace=b');
  assert.deepEqual(convertFieldSelector(reqs), reqs);
});

test('DefaultMetaV1FieldSelectorConversion rejects other fields', () => {
  assertBadRequest(
    () => convertFieldSelector(parseFieldSelector('spec.foo=bar')),
    '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"',
  );
});

test('a kind conversion accepts its fields and rewrites aliases (pods: spec.host)', () => {
  const reqs = parseFieldSelector('spec.host=node-1,status.phase!=Failed');
  assert.deepEqual(convertFieldSelector(reqs, podConversion), [
    eq('spec.nodeName', 'node-1'),
    { field: 'status.phase', operator: '!=', value: 'Failed' },
  ]);
});

test('a kind conversion rejects the first unsupported field in sorted order', () => {
  assertBadRequest(
    () => convertFieldSelector(parseFieldSelector('zzz=1,spec.bogus=2,status.phase=Running'), podConversion),
    'field label not supported: spec.bogus',
  );
});

test('a kind conversion does not accept inherited object properties as aliases', () => {
  assertBadRequest(() => convertFieldSelector([eq('toString', 'x')], podConversion), 'field label not supported: toString');
});

// [selector, field, want]
const exactMatches: [string, string, string | undefined][] = [
  ['metadata.name=a', 'metadata.name', 'a'],
  ['metadata.name==a', 'metadata.name', 'a'],
  ['metadata.name!=a,metadata.name=b', 'metadata.name', 'b'],
  ['metadata.name!=a', 'metadata.name', undefined],
  ['status.phase=Running', 'metadata.name', undefined],
];

for (const [selector, field, want] of exactMatches) {
  test(`fields.Selector.RequiresExactMatch(${field}) on ${JSON.stringify(selector)}`, () => {
    assert.equal(requiredFieldValue(parseFieldSelector(selector), field), want);
  });
}
