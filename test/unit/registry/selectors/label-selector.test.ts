import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from '../../../../schemas/meta.js';
import { ApiError } from '../../../../server/errors.js';
import { goQuote } from '../../../../server/registry/selectors/go-text.js';
import {
  formatLabelSelector,
  labelRequirementsString,
  labelSelectorFromObject,
  matchesLabels,
  parseLabelSelector,
  type LabelRequirement,
} from '../../../../server/registry/selectors/label-selector.js';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NOT_INT = "for 'Gt', 'Lt' operators, the value must be an integer";
const OPS = 'in, notin, =, ==, !=, gt, lt';

function assertBadRequest(fn: () => unknown, message: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 400);
    assert.equal(err.reason, 'BadRequest');
    assert.equal(err.message, message);
    return true;
  });
}

// [selector, String() of the parsed selector]
const roundTrips: [string, string][] = [
  ['', ''],
  [' \t\r\n', ''],
  ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
  ['x!=a,y=b', 'x!=a,y=b'],
  ['x=', 'x='],
  ['x= ', 'x='],
  ['x=,z= ', 'x=,z='],
  ['!x', '!x'],
  ['x>1,z<5', 'x>1,z<5'],
  ['x==a', 'x==a'],
  ['x=a,a=x', 'a=x,x=a'],
  ['\rx', 'x'],
  ['foo  in\t (abc)', 'foo in (abc)'],
  ['x notin\n (abc)', 'x notin (abc)'],
  ['x in(c,a,b,a)', 'x in (a,b,c)'],
  ['x in (abc,)', 'x in (,abc)'],
  ['x in ()', 'x in ()'],
  ['x in (,)', 'x in ()'],
  ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
  ['x in (a,,b)', 'x in (,a,b)'],
  ['x in (a,,a,,a,,a,,)', 'x in (,a)'],
  ['x notin (, a)', 'x notin (,a)'],
  ['notin=in', 'notin=in'],
  ['in in (notin)', 'in in (notin)'],
  ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
  ['a=b \0 this is ignored', 'a=b'],
  ['a\0=b', 'a=b'],
];

for (const [selector, want] of roundTrips) {
  test(`labels.Parse(${JSON.stringify(selector)}).String() == ${JSON.stringify(want)}`, () => {
    assert.equal(labelRequirementsString(parseLabelSelector(selector)), want);
  });
}

test('labels.Parse keeps In values as a sorted set and infers Exists', () => {
  const want: LabelRequirement[] = [
    { key: 'a', operator: 'Exists', values: [] },
    { key: 'b', operator: 'DoesNotExist', values: [] },
    { key: 'c', operator: 'NotIn', values: ['', 'x', 'y'] },
    { key: 'd', operator: 'GreaterThan', values: ['7'] },
  ];
  assert.deepEqual(parseLabelSelector('d>7,c notin (y,,x,y),!b,a'), want);
});

// [selector, apiserver message]
const parseErrors: [string, string][] = [
  [',a', "found ',', expected: !, identifier, or 'end of string'"],
  ['a,', "found '', expected: identifier after ','"],
  ['a,,b', "found ',', expected: identifier after ','"],
  ['x==a==b', "found '==', expected: ',' or 'end of string'"],
  ['!x=a', "found '=', expected: ',' or 'end of string'"],
  ['x=a b', "found 'b', expected: ',' or 'end of string'"],
  ['a b', `unable to parse requirement: found 'b', expected: ${OPS}`],
  ['a (x)', `unable to parse requirement: found '(', expected: ${OPS}`],
  ['!', "unable to parse requirement: found '', expected: identifier"],
  ['!!a', "unable to parse requirement: found '!', expected: identifier"],
  ['a notin', "unable to parse requirement: found '' expected: '('"],
  ['a in (', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
  ['a in ((', "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
  ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')'"],
  ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
  ['a in (x,(', "unable to parse requirement: found '(', expected: ',', or identifier"],
  ['a in (x,', "unable to parse requirement: found '', expected: ',', or identifier"],
  ['a=(', "unable to parse requirement: found '(', expected: identifier"],
  ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": ${NOT_INT}`],
  ['x>', `unable to parse requirement: values[0]: Invalid value: "": ${NOT_INT}`],
  ['x>9223372036854775808', `unable to parse requirement: values[0]: Invalid value: "9223372036854775808": ${NOT_INT}`],
  ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${LABEL_VALUE}`],
  [
    'x<-a',
    `unable to parse requirement: [values[0]: Invalid value: "-a": ${NOT_INT}, values[0][x]: Invalid value: "-a": ${LABEL_VALUE}]`,
  ],
  [
    'a in (z_, y_)',
    `unable to parse requirement: [values[0][a]: Invalid value: "y_": ${LABEL_VALUE}, values[1][a]: Invalid value: "z_": ${LABEL_VALUE}]`,
  ],
  ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART}`],
  ['a\x01=b', `unable to parse requirement: <nil>: Invalid value: "a\\x01": ${NAME_PART}`],
  [
    'a/b/c ?=? def',
    `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${NAME_PART.slice('name part '.length)}` +
      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  ],
];

for (const [selector, message] of parseErrors) {
  test(`labels.Parse(${JSON.stringify(selector)}) fails with the apiserver's BadRequest text`, () => {
    assertBadRequest(() => parseLabelSelector(selector), message);
  });
}

// [name, selector, labels, want]
const matches: [string, string, Record<string, string> | undefined, boolean][] = [
  ['empty selector matches everything', '', { x: 'y' }, true],
  ['empty selector matches an object without labels', '', undefined, true],
  ['equality', 'x=y', { x: 'y' }, true],
  ['equality needs the key', 'x=z', {}, false],
  ['equality needs the value', 'x=y', { x: 'z' }, false],
  ['all requirements must hold', 'x=y,z=w', { x: 'w', z: 'w' }, false],
  ['!= with other values', 'x!=y,z!=w', { x: 'z', z: 'a' }, true],
  ['!= with the value', 'x!=y,z!=w', { x: 'z', z: 'w' }, false],
  ['!= matches objects without the key', 'x!=y', undefined, true],
  ['notin matches objects without the key', 'x notin (a)', {}, true],
  ['notin with a listed value', 'x notin (a,b)', { x: 'b' }, false],
  ['in () only matches the empty value', 'x in ()', { y: 'baz' }, false],
  ['in () matches an empty value', 'x in ()', { x: '' }, true],
  ['in/notin keywords as key and value', 'notin=in', { notin: 'in' }, true],
  ['exists', 'x', { x: 'z' }, true],
  ['exists needs the key', 'x', { y: 'z' }, false],
  ['exists ignores inherited object properties', 'constructor', {}, false],
  ['does not exist', '!x', { y: 'z' }, true],
  ['does not exist with the key', '!x', { x: 'z' }, false],
  ['gt', 'x>1', { x: '2' }, true],
  ['gt is strict', 'x>1', { x: '1' }, false],
  ['gt needs the key', 'x>1', {}, false],
  ['gt ignores non-integer labels', 'z>1', { z: 'v2' }, false],
  ['gt ignores labels beyond int64', 'x>1', { x: '99999999999999999999' }, false],
  ['gt keeps int64 precision', 'x>9007199254740992', { x: '9007199254740993' }, true],
  ['lt', 'x<1', { x: '0' }, true],
  ['lt with a larger value', 'x<1', { x: '2' }, false],
  ['lt accepts leading zeros like ParseInt', 'x<10', { x: '0009' }, true],
];

for (const [name, selector, labels, want] of matches) {
  test(`Requirement.Matches: ${name} (${JSON.stringify(selector)})`, () => {
    assert.equal(matchesLabels(parseLabelSelector(selector), labels), want);
  });
}

test('LabelSelectorAsSelector: a nil selector matches nothing', () => {
  assert.equal(labelSelectorFromObject(undefined), 'nothing');
  assert.equal(labelSelectorFromObject(null), 'nothing');
  assert.equal(matchesLabels('nothing', {}), false);
  assert.equal(matchesLabels(labelSelectorFromObject(null), { a: 'b' }), false);
});

test('LabelSelectorAsSelector: an empty selector matches everything', () => {
  assert.deepEqual(labelSelectorFromObject({}), []);
  assert.deepEqual(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] }), []);
  assert.equal(matchesLabels(labelSelectorFromObject({}), undefined), true);
});

test('LabelSelectorAsSelector: requirements sorted by key, expression values kept as written', () => {
  const sel: LabelSelector = {
    matchLabels: { b: '2', a: '1' },
    matchExpressions: [
      { key: 'c', operator: 'In', values: ['y', 'x'] },
      { key: 'a', operator: 'Exists' },
    ],
  };
  assert.deepEqual(labelSelectorFromObject(sel), [
    { key: 'a', operator: 'Equals', values: ['1'] },
    { key: 'a', operator: 'Exists', values: [] },
    { key: 'b', operator: 'Equals', values: ['2'] },
    { key: 'c', operator: 'In', values: ['y', 'x'] },
  ]);
  assert.equal(matchesLabels(labelSelectorFromObject(sel), { a: '1', b: '2', c: 'x' }), true);
  assert.equal(matchesLabels(labelSelectorFromObject(sel), { a: '1', b: '2', c: 'z' }), false);
});

// [name, selector, error]
const objectErrors: [string, LabelSelector, string][] = [
  [
    'unknown operator',
    { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] },
    '"Equals" is not a valid label selector operator',
  ],
  [
    'In without values',
    { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
    "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
  ],
  [
    'Exists with values',
    { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] },
    'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
  ],
  ['bad matchLabels key', { matchLabels: { 'a b': 'c' } }, `key: Invalid value: "a b": ${NAME_PART}`],
  ['bad matchLabels value', { matchLabels: { app: '-x' } }, `values[0][app]: Invalid value: "-x": ${LABEL_VALUE}`],
];

for (const [name, sel, message] of objectErrors) {
  test(`LabelSelectorAsSelector rejects ${name}`, () => {
    assertBadRequest(() => labelSelectorFromObject(sel), message);
  });
}

// [selector, FormatLabelSelector output]
const formats: [LabelSelector | undefined, string][] = [
  [undefined, '<none>'],
  [{}, '<none>'],
  [{ matchLabels: { app: 'web' } }, 'app=web'],
  [
    { matchLabels: { tier: 'x' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] },
    'app in (api,web),tier=x',
  ],
  [
    {
      matchExpressions: [
        { key: 'c', operator: 'DoesNotExist' },
        { key: 'b', operator: 'Exists' },
        { key: 'a', operator: 'NotIn', values: ['x'] },
      ],
    },
    'a notin (x),b,!c',
  ],
  [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '<error>'],
];

for (const [sel, want] of formats) {
  test(`FormatLabelSelector(${JSON.stringify(sel)}) == ${JSON.stringify(want)}`, () => {
    assert.equal(formatLabelSelector(sel), want);
  });
}

test('Selector.String of Nothing and Everything is empty', () => {
  assert.equal(labelRequirementsString('nothing'), '');
  assert.equal(labelRequirementsString([]), '');
});

// [input, Go %q]
const quotes: [string, string][] = [
  ['plain', '"plain"'],
  ['say "hi"\\', '"say \\"hi\\"\\\\"'],
  ['\x00\x07\b\f\n\r\t\v\x1b\x7f', '"\\x00\\a\\b\\f\\n\\r\\t\\v\\x1b\\x7f"'],
  ['héllo ☃ 😀', '"héllo ☃ 😀"'],
  ['\u00a0\u2028\u{e0001}', '"\\u00a0\\u2028\\U000e0001"'],
];

for (const [input, want] of quotes) {
  test(`strconv.Quote(${JSON.stringify(input)})`, () => {
    assert.equal(goQuote(input), want);
  });
}
