import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineCounter, parseDocument } from 'yaml';
import {
  documentOrder,
  duplicateFieldsOf,
  findDuplicateFields,
  noteDuplicateFields,
  noteDuplicateYamlKeys,
  strictDecodingProblems,
} from '../../../server/registry/duplicate-fields.js';

describe('duplicate JSON fields', () => {
  const cases: [string, string, string[]][] = [
    ['no duplicates', '{"a":1,"b":{"a":2}}', []],
    ['top level', '{"a":1,"a":2}', ['a']],
    ['nested with spaces', '{ "spec" : { "paused" : true , "paused" : false } }', ['spec.paused']],
    ['inside an array item', '{"c":[{"n":"x"},{"n":"y","p":1,"p":2}]}', ['c[1].p']],
    ['arrays of arrays', '{"m":[[1,2],[{"k":1,"k":1}]]}', ['m[1][0].k']],
    ['a key-like string value is not a key', '{"a":"b","c":"a"}', []],
    ['quotes and colons inside strings', '{"a":"x\\":y","b":"{\\"a\\":1}","a":0}', ['a']],
    ['escaped keys compare by their value', '{"\\u0061":1,"a":2}', ['a']],
    ['three times reports twice', '{"a":1,"a":2,"a":3}', ['a', 'a']],
    ['same key in sibling objects is fine', '{"x":{"a":1},"y":{"a":1}}', []],
    ['not an object', '[1,2,3]', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(findDuplicateFields(text), expected));
  }

  const noted: [string, string, string[]][] = [
    ['no duplicate, nothing noted', '{"a":{"b":[{"c":1}]},"d":"e:f"}', []],
    ['a duplicate beside an escaped quote and colon in a value', '{"a":"x\\":y","b":{"a":1,"a":2}}', ['b.a']],
    ['a duplicate with blanks before the colon', '{ "a" :1, "a"\n: 2 }', ['a']],
  ];
  for (const [name, text, expected] of noted) {
    it(`noted: ${name}`, () => {
      const parsed = JSON.parse(text) as object;
      noteDuplicateFields(parsed, text);
      assert.deepEqual(duplicateFieldsOf(parsed).paths, expected);
    });
  }

  it('travel with the parsed body they were found in', () => {
    const text = '{"spec":{"paused":true,"paused":false}}';
    const parsed = JSON.parse(text) as object;
    noteDuplicateFields(parsed, text);
    assert.deepEqual(duplicateFieldsOf(parsed), { paths: ['spec.paused'], yamlMessages: [] });
    assert.deepEqual(duplicateFieldsOf({}), { paths: [], yamlMessages: [] });
    assert.deepEqual(duplicateFieldsOf('text'), { paths: [], yamlMessages: [] });
  });

  it('are reported with unknown fields in document order, unknown winning for a field that is both', () => {
    const body = JSON.parse(
      '{"spec":{"unknown1":1,"unknownDupe":1,"unknownDupe":2,"paused":true,"paused":false,' +
        '"template":{"spec":{"containers":[{"unknownNested":1,"imagePullPolicy":"A","imagePullPolicy":"B"}]}}}}',
    ) as unknown;
    const order = documentOrder(body);
    const problems = strictDecodingProblems(
      ['spec.unknown1', 'spec.unknownDupe', 'spec.template.spec.containers[0].unknownNested'],
      { paths: ['spec.unknownDupe', 'spec.paused', 'spec.template.spec.containers[0].imagePullPolicy'], yamlMessages: [] },
      order,
    );
    assert.deepEqual(problems, [
      'unknown field "spec.unknown1"',
      'unknown field "spec.unknownDupe"',
      'duplicate field "spec.paused"',
      'unknown field "spec.template.spec.containers[0].unknownNested"',
      'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
    ]);
  });

  it('in YAML are worded with their line, before unknown fields, as upstream converts YAML first', () => {
    const text = ['spec:', '  unknownDupe: a', '  unknownDupe: b', '  paused: true', '  paused: false', ''].join('\n');
    const lines = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines });
    const parsed = doc.toJS() as object;
    noteDuplicateYamlKeys(parsed, doc, lines);
    const duplicates = duplicateFieldsOf(parsed);
    assert.deepEqual(duplicates.yamlMessages, ['line 3: key "unknownDupe" already set in map', 'line 5: key "paused" already set in map']);
    assert.deepEqual(strictDecodingProblems(['spec.unknownDupe'], duplicates, new Map()), [
      'line 3: key "unknownDupe" already set in map',
      'line 5: key "paused" already set in map',
      'unknown field "spec.unknownDupe"',
    ]);
  });

  it('refuse a body nested deeper than upstream decodes, without overflowing the stack', () => {
    const text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    assert.throws(() => noteDuplicateFields(JSON.parse(text), text), /exceeded max depth/);
    const fine = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    assert.doesNotThrow(() => noteDuplicateFields(JSON.parse(fine), fine));
  });
});
