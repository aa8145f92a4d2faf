import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NameRule } from '../../../../server/registry/strategy.js';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  validateNameByRule,
} from '../../../../server/registry/validation/names.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_TAIL =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

interface Case {
  name: string;
  fn: (value: string) => string[];
  value: string;
  want: string[];
}

const cases: Case[] = [
  { name: 'IsDNS1123Subdomain accepts dotted lowercase names', fn: isDNS1123Subdomain, value: 'a.b-c.d0', want: [] },
  { name: 'IsDNS1123Subdomain rejects uppercase', fn: isDNS1123Subdomain, value: 'Foo', want: [SUBDOMAIN_MSG] },
  { name: 'IsDNS1123Subdomain rejects the empty string', fn: isDNS1123Subdomain, value: '', want: [SUBDOMAIN_MSG] },
  { name: 'IsDNS1123Subdomain rejects a trailing dot', fn: isDNS1123Subdomain, value: 'a.', want: [SUBDOMAIN_MSG] },
  { name: 'IsDNS1123Subdomain allows exactly 253 bytes', fn: isDNS1123Subdomain, value: 'a'.repeat(253), want: [] },
  {
    name: 'IsDNS1123Subdomain reports length and format separately',
    fn: isDNS1123Subdomain,
    value: `${'a'.repeat(253)}-`,
    want: ['must be no more than 253 characters', SUBDOMAIN_MSG],
  },
  { name: 'IsDNS1123Label accepts a leading digit', fn: isDNS1123Label, value: '1abc', want: [] },
  { name: 'IsDNS1123Label tells a would-be subdomain it must not contain dots', fn: isDNS1123Label, value: 'a.b', want: ['must not contain dots'] },
  { name: 'IsDNS1123Label rejects underscores', fn: isDNS1123Label, value: 'a_b', want: [LABEL_MSG] },
  {
    name: 'IsDNS1123Label caps at 63 bytes',
    fn: isDNS1123Label,
    value: 'a'.repeat(64),
    want: ['must be no more than 63 characters'],
  },
  { name: 'IsDNS1035Label accepts a leading letter', fn: isDNS1035Label, value: 'abc-123', want: [] },
  { name: 'IsDNS1035Label rejects a leading digit', fn: isDNS1035Label, value: '1abc', want: [DNS1035_MSG] },
  { name: 'IsQualifiedName accepts a prefixed mixed-case name', fn: isQualifiedName, value: 'example.com/My_Name.1', want: [] },
  { name: 'IsQualifiedName accepts an unprefixed name', fn: isQualifiedName, value: 'app', want: [] },
  {
    name: 'IsQualifiedName rejects more than one slash as a whole',
    fn: isQualifiedName,
    value: 'a/b/c',
    want: [`a qualified name ${QUALIFIED_TAIL} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
  },
  { name: 'IsQualifiedName requires a non-empty prefix', fn: isQualifiedName, value: '/a', want: ['prefix part must be non-empty'] },
  {
    name: 'IsQualifiedName checks the prefix as a subdomain',
    fn: isQualifiedName,
    value: 'Example.com/a',
    want: [`prefix part ${SUBDOMAIN_MSG}`],
  },
  {
    name: 'IsQualifiedName requires a non-empty name part',
    fn: isQualifiedName,
    value: 'example.com/',
    want: ['name part must be non-empty', `name part ${QUALIFIED_TAIL}`],
  },
  {
    name: 'IsQualifiedName caps the name part at 63 bytes',
    fn: isQualifiedName,
    value: 'a'.repeat(64),
    want: ['name part must be no more than 63 characters'],
  },
  { name: 'IsQualifiedName rejects a leading dash', fn: isQualifiedName, value: '-a', want: [`name part ${QUALIFIED_TAIL}`] },
  { name: 'IsValidLabelValue accepts the empty string', fn: isValidLabelValue, value: '', want: [] },
  { name: 'IsValidLabelValue accepts mixed case with dots and underscores', fn: isValidLabelValue, value: 'A.b_c-1', want: [] },
  { name: 'IsValidLabelValue rejects a trailing dash', fn: isValidLabelValue, value: 'a-', want: [LABEL_VALUE_MSG] },
  {
    name: 'IsValidLabelValue counts bytes, not characters',
    fn: isValidLabelValue,
    value: 'é'.repeat(32),
    want: ['must be no more than 63 characters', LABEL_VALUE_MSG],
  },
  { name: 'IsValidPathSegmentName rejects "."', fn: isValidPathSegmentName, value: '.', want: ["may not be '.'"] },
  { name: 'IsValidPathSegmentName rejects ".."', fn: isValidPathSegmentName, value: '..', want: ["may not be '..'"] },
  {
    name: 'IsValidPathSegmentName lists every forbidden substring',
    fn: isValidPathSegmentName,
    value: 'a/b%c',
    want: ["may not contain '/'", "may not contain '%'"],
  },
  { name: 'IsValidPathSegmentName accepts anything else', fn: isValidPathSegmentName, value: 'Foo:bar...', want: [] },
];

for (const c of cases) {
  test(c.name, () => {
    assert.deepEqual(c.fn(c.value), c.want);
  });
}

interface RuleCase {
  name: string;
  value: string;
  rule: NameRule;
  prefix: boolean;
  want: string[];
}

const ruleCases: RuleCase[] = [
  { name: 'NameIsDNSSubdomain accepts a prefix ending in a dash', value: 'web-', rule: 'subdomain', prefix: true, want: [] },
  { name: 'NameIsDNSSubdomain rejects a final name ending in a dash', value: 'web-', rule: 'subdomain', prefix: false, want: [SUBDOMAIN_MSG] },
  { name: 'maskTrailingDash leaves a lone dash alone', value: '-', rule: 'subdomain', prefix: true, want: [SUBDOMAIN_MSG] },
  { name: 'maskTrailingDash drops the character before the dash too', value: 'a_-', rule: 'subdomain', prefix: true, want: [] },
  { name: 'maskTrailingDash does not touch a leading dash', value: '-foo-', rule: 'subdomain', prefix: true, want: [SUBDOMAIN_MSG] },
  {
    name: 'NameIsDNSSubdomain prefix still counts length after masking',
    value: `${'a'.repeat(253)}-`,
    rule: 'subdomain',
    prefix: true,
    want: [],
  },
  { name: 'NameIsDNSLabel prefix masks the trailing dash', value: 'ns-', rule: 'label', prefix: true, want: [] },
  { name: 'NameIsDNSLabel rejects dots', value: 'a.b', rule: 'label', prefix: false, want: ['must not contain dots'] },
  { name: 'NameIsDNS1035Label rejects a leading digit', value: '9svc', rule: 'dns1035', prefix: false, want: [DNS1035_MSG] },
  { name: 'NameIsDNS1035Label prefix masks the trailing dash', value: 'svc-', rule: 'dns1035', prefix: true, want: [] },
  { name: 'ValidatePathSegmentName allows "." as a prefix', value: '.', rule: 'path-segment', prefix: true, want: [] },
  {
    name: 'ValidatePathSegmentName prefix still forbids slashes',
    value: 'a/',
    rule: 'path-segment',
    prefix: true,
    want: ["may not contain '/'"],
  },
  { name: 'ValidatePathSegmentName rejects ".." as a name', value: '..', rule: 'path-segment', prefix: false, want: ["may not be '..'"] },
];

for (const c of ruleCases) {
  test(c.name, () => {
    assert.deepEqual(validateNameByRule(c.value, c.rule, c.prefix), c.want);
  });
}
