import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Strict } from '../../../schemas/meta.js';
import { Definitions } from '../../../server/openapi/definitions.js';
import { describesMergedFields } from '../../../server/openapi/patch-support.js';

const Inner = Strict({ a: Type.Optional(Type.String()) }, { description: 'An inner thing.' });
const Sample = Strict({
  name: Type.String({ description: 'The name.' }),
  count: Type.Optional(Type.Integer({ format: 'int32' })),
  when: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  mode: Type.Optional(Type.Union([Type.Literal('A'), Type.Literal('B')])),
  labels: Type.Optional(Type.Record(Type.String(), Type.String(), { 'x-kubernetes-map-type': 'atomic' })),
  inner: Type.Optional(Inner),
  inline: Type.Optional(Type.Object({ b: Type.Optional(Type.Boolean()) })),
  items: Type.Optional(Type.Array(Inner, { 'x-kubernetes-list-type': 'atomic' })),
  raw: Type.Optional(Type.Unknown()),
});

function convert(dialect: 'v2' | 'v3') {
  const defs = new Definitions(dialect, new Map([[Inner.properties, 'test.Inner']]));
  defs.defineObject('test.Sample', Sample);
  return defs.schemas;
}

test('object schemas convert field by field', () => {
  const sample = convert('v3').get('test.Sample')! as any;
  assert.equal(sample.type, 'object');
  assert.deepEqual(sample.required, ['name']);
  assert.deepEqual(sample.properties.name, { description: 'The name.', type: 'string' });
  assert.deepEqual(sample.properties.count, { type: 'integer', format: 'int32' });
  assert.deepEqual(sample.properties.mode, { type: 'string', enum: ['A', 'B'] });
  assert.deepEqual(sample.properties.labels, {
    'x-kubernetes-map-type': 'atomic', type: 'object', additionalProperties: { type: 'string' },
  });
  assert.deepEqual(sample.properties.inline, { type: 'object', properties: { b: { type: 'boolean' } } });
});

test('v3 wraps referencing properties in allOf; items reference directly', () => {
  const schemas = convert('v3');
  const sample = schemas.get('test.Sample')! as any;
  assert.deepEqual(sample.properties.when, { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' }] });
  assert.deepEqual(sample.properties.inner, { allOf: [{ $ref: '#/components/schemas/test.Inner' }], description: 'An inner thing.' });
  assert.deepEqual(sample.properties.items.items, { $ref: '#/components/schemas/test.Inner' });
  assert.equal(sample.properties.items['x-kubernetes-list-type'], 'atomic');
  assert.deepEqual(sample.properties.raw, { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.runtime.RawExtension' }] });
  assert.deepEqual(schemas.get('test.Inner'), { description: 'An inner thing.', type: 'object', properties: { a: { type: 'string' } } });
});

test('v2 references directly, keeping the description beside the $ref', () => {
  const sample = convert('v2').get('test.Sample')! as any;
  assert.deepEqual(sample.properties.inner, { $ref: '#/definitions/test.Inner', description: 'An inner thing.' });
  assert.deepEqual(sample.properties.when, { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time' });
});

test('extra fields reach a definition even when it was created earlier', () => {
  const defs = new Definitions('v3', new Map([[Inner.properties, 'test.Inner']]));
  defs.defineObject('test.Sample', Sample);
  defs.defineObject('test.Inner', Inner, { 'x-kubernetes-group-version-kind': [{ group: 'g', kind: 'Inner', version: 'v1' }] });
  assert.deepEqual((defs.schemas.get('test.Inner') as any)['x-kubernetes-group-version-kind'], [{ group: 'g', kind: 'Inner', version: 'v1' }]);
});

test('strategic merge patch needs every object kubectl may descend into to be closed', () => {
  assert.equal(describesMergedFields(Strict({ a: Type.Optional(Inner) })), true);
  assert.equal(describesMergedFields(Strict({ a: Type.Optional(Type.Object({})) })), false);
  assert.equal(describesMergedFields(Strict({ a: Type.Array(Type.Object({})) })), true);
  assert.equal(describesMergedFields(Strict({ a: Type.Array(Type.Object({}), { 'x-kubernetes-patch-strategy': 'merge' }) })), false);
  assert.equal(describesMergedFields(Strict({ a: Type.Record(Type.String(), Inner) })), false);
  assert.equal(describesMergedFields(Strict({ a: Type.Unknown() })), false);
});
