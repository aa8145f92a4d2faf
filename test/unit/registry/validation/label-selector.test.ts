import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from '../../../../schemas/meta.js';
import type { FieldError } from '../../../../server/registry/field-errors.js';
import {
  validateLabelSelector,
  validateLabels,
  type LabelSelectorValidationOptions,
} from '../../../../server/registry/validation/label-selector.js';

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_TAIL =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function rendered(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${e.body}`);
}

interface Case {
  name: string;
  selector: LabelSelector | undefined;
  opts?: LabelSelectorValidationOptions;
  want: string[];
}

const P = 'spec.selector';

const cases: Case[] = [
  { name: 'a nil selector is valid', selector: undefined, want: [] },
  { name: 'an empty selector is valid', selector: {}, want: [] },
  {
    name: 'matchLabels are validated like labels',
    selector: { matchLabels: { app: 'web', 'bad key': 'v' } },
    want: [`spec.selector.matchLabels: Invalid value: "bad key": name part ${QUALIFIED_TAIL}`],
  },
  {
    name: 'In and NotIn require values',
    selector: { matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'NotIn', values: [] }] },
    want: [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ],
  },
  {
    name: 'Exists and DoesNotExist forbid values',
    selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }, { key: 'b', operator: 'DoesNotExist' }] },
    want: ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
  },
  {
    name: 'an unknown operator is an invalid value',
    selector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] },
    want: ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'],
  },
  {
    name: 'operators are case sensitive',
    selector: { matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] },
    want: ['spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator'],
  },
  {
    name: 'requirement keys must be qualified names',
    selector: { matchExpressions: [{ key: '', operator: 'Exists' }] },
    want: ['spec.selector.matchExpressions[0].key: Invalid value: "": name part must be non-empty', `spec.selector.matchExpressions[0].key: Invalid value: "": name part ${QUALIFIED_TAIL}`],
  },
  {
    name: 'requirement values must be label values, reported by index',
    selector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['ok', 'not ok'] }] },
    want: [`spec.selector.matchExpressions[0].values[1]: Invalid value: "not ok": ${LABEL_VALUE_MSG}`],
  },
  {
    name: 'AllowInvalidLabelValueInSelector skips value checks',
    selector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['not ok'] }] },
    opts: { allowInvalidLabelValueInSelector: true },
    want: [],
  },
  {
    name: 'AllowInvalidLabelValueInSelector still checks matchLabels',
    selector: { matchLabels: { a: 'not ok' } },
    opts: { allowInvalidLabelValueInSelector: true },
    want: [`spec.selector.matchLabels: Invalid value: "not ok": ${LABEL_VALUE_MSG}`],
  },
];

for (const c of cases) {
  test(`ValidateLabelSelector: ${c.name}`, () => {
    assert.deepEqual(rendered(validateLabelSelector(c.selector, P, c.opts)), c.want);
  });
}

test('ValidateLabels: an undefined map is valid', () => {
  assert.deepEqual(validateLabels(undefined, 'metadata.labels'), []);
});

test('ValidateLabels: errors carry upstream cause types', () => {
  const errs = validateLabels({ 'a/b/c': 'x y' }, 'metadata.labels');
  assert.deepEqual(
    errs.map((e) => [e.type, e.field]),
    [
      ['FieldValueInvalid', 'metadata.labels'],
      ['FieldValueInvalid', 'metadata.labels'],
    ],
  );
});
