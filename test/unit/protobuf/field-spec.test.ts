import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFieldSpec } from '../../../server/protobuf/field-spec.js';

const cases: Array<[string, ReturnType<typeof parseFieldSpec>]> = [
  ['3 string', { id: 3, type: 'string', repeated: false, map: false, pointer: false, inline: false }],
  ['5 int64?', { id: 5, type: 'int64', repeated: false, map: false, pointer: true, inline: false }],
  ['1 Volume[]', { id: 1, type: 'Volume', repeated: true, map: false, pointer: false, inline: false }],
  ['13 meta.OwnerReference[]', { id: 13, type: 'meta.OwnerReference', repeated: true, map: false, pointer: false, inline: false }],
  ['11 map<string,string>', { id: 11, type: 'string', repeated: false, map: true, pointer: false, inline: false }],
  ['32 map<string,resource.Quantity>', { id: 32, type: 'resource.Quantity', repeated: false, map: true, pointer: false, inline: false }],
  ['2 VolumeSource^', { id: 2, type: 'VolumeSource', repeated: false, map: false, pointer: false, inline: true }],
  ['9 meta.Time?', { id: 9, type: 'meta.Time', repeated: false, map: false, pointer: true, inline: false }],
];

for (const [spec, want] of cases) {
  test(`parseFieldSpec("${spec}")`, () => assert.deepEqual(parseFieldSpec(spec, 'X.y'), want));
}

for (const bad of ['string', '1', 'x string', '1  string', '1 map<string,string>[]', '1 string!', '1 map<int32,string>']) {
  test(`parseFieldSpec refuses "${bad}" and says where it is`, () => {
    assert.throws(() => parseFieldSpec(bad, 'example.Widget.name'), /example\.Widget\.name/);
  });
}
