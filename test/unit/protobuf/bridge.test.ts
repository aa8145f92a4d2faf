import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProtoRegistry } from '../../../server/protobuf/registry.js';
import { sampleCodec } from './sample-tables.js';

const codec = sampleCodec();
const widget = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'example.test/v1',
  kind: 'Widget',
  metadata: { name: 'w' },
  spec,
  ...extra,
});
const roundTrip = (obj: Record<string, unknown>) => codec.decode(codec.encode(obj)).object;

/** [what, spec sent, spec read back] */
const specCases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  ['non-pointer zero scalars are left out, as Go clients send them for every unset field', { name: '', size: 0, enabled: false, ratio: 0 }, {}],
  ['pointer zeros are kept', { replicas: 0, paused: false, note: '' }, { replicas: 0, paused: false, note: '' }],
  ['scalars of every type', { name: 'a', size: 2 ** 40, enabled: true, ratio: 0.25, replicas: -3 }, { name: 'a', size: 2 ** 40, enabled: true, ratio: 0.25, replicas: -3 }],
  ['repeated scalars and messages', { tags: ['a', 'b'], ports: [80, 443], items: [{ key: 'k', count: 2 }, { key: '' }] }, { tags: ['a', 'b'], ports: [80, 443], items: [{ key: 'k', count: 2 }, {}] }],
  ['empty lists and maps are absent, as on the wire', { tags: [], labels: {} }, {}],
  ['maps keep empty values', { labels: { a: '1', b: '' }, counts: { x: 0, y: 7 } }, { labels: { a: '1', b: '' }, counts: { x: 0, y: 7 } }],
  ['bytes are base64 in JSON', { blob: 'aGVsbG8=', data: { k: 'dg==', empty: '' } }, { blob: 'aGVsbG8=', data: { k: 'dg==', empty: '' } }],
  ['quantities are strings', { limits: { cpu: '500m', memory: '1Gi', pods: 3 } }, { limits: { cpu: '500m', memory: '1Gi', pods: '3' } }],
  ['IntOrString numbers and strings', { target: 8080, maxSurge: '25%' }, { target: 8080, maxSurge: '25%' }],
  ['a non-pointer IntOrString of 0 is unset; a pointer one is kept', { target: 0, maxSurge: 0 }, { maxSurge: 0 }],
  ['Time carries whole seconds, as upstream', { startedAt: '2024-05-06T07:08:09.123Z' }, { startedAt: '2024-05-06T07:08:09Z' }],
  ['MicroTime carries microseconds', { seenAt: '2024-05-06T07:08:09.123456Z' }, { seenAt: '2024-05-06T07:08:09.123456Z' }],
  ['MicroTime is written with six digits', { seenAt: '2024-05-06T07:08:09Z' }, { seenAt: '2024-05-06T07:08:09.000000Z' }],
  ['Duration in Go spelling; a zero one is unset', { timeout: '90m' }, { timeout: '1h30m0s' }],
  ['RawExtension holds any JSON', { raw: { a: [1, { b: 'c' }], n: null } }, { raw: { a: [1, { b: 'c' }], n: null } }],
  ['an embedded struct is inlined in JSON', { refName: 'own', refKind: 'Pod' }, { refName: 'own', refKind: 'Pod' }],
  ['fields the table does not know are dropped', { name: 'a', bogus: 1 }, { name: 'a' }],
  ['JSON values of the wrong type are converted where Go would read them, else dropped', { name: 5, replicas: '3', enabled: 'yes', tags: 'x', labels: [1] }, { name: '5', replicas: 3 }],
];

describe('protobuf ⇄ JSON conversion', () => {
  for (const [what, spec, want] of specCases) {
    test(what, () => assert.deepEqual(roundTrip(widget(spec)), widget(want)));
  }

  test('object metadata with every kind of field', () => {
    const metadata = {
      name: 'w',
      namespace: 'ns',
      uid: 'u-1',
      resourceVersion: '42',
      generation: 3,
      creationTimestamp: '2024-05-06T07:08:09Z',
      deletionTimestamp: '2024-05-06T08:00:00Z',
      deletionGracePeriodSeconds: 0,
      labels: { app: 'w' },
      annotations: { note: '' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-0', controller: true, blockOwnerDeletion: false }],
      finalizers: ['kubernetes'],
      managedFields: [{
        manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2024-05-06T07:08:09Z', fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
      }],
    };
    assert.deepEqual(roundTrip({ ...widget({}), metadata }), { ...widget({}), metadata });
  });

  test('a status that is a pointer is kept even when empty; a list carries its items and list metadata', () => {
    assert.deepEqual(roundTrip(widget({}, { status: {} })), widget({}, { status: {} }));
    const list = {
      apiVersion: 'example.test/v1',
      kind: 'WidgetList',
      metadata: { resourceVersion: '9', continue: 'abc', remainingItemCount: 0 },
      items: [{ metadata: { name: 'a' }, spec: { name: 'a' } }, { metadata: { name: 'b' }, spec: {} }],
    };
    assert.deepEqual(roundTrip(list), list);
  });

  test('meta/v1 kinds: a Status and DeleteOptions in any served group-version', () => {
    const status = {
      apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message: 'pods "x" not found', reason: 'NotFound',
      details: { name: 'x', kind: 'pods', causes: [{ field: 'spec', reason: 'FieldValueInvalid', message: 'bad' }] }, code: 404,
    };
    const sampleStatus = { ...status, apiVersion: 'example.test/v1' };
    assert.deepEqual(roundTrip(sampleStatus), sampleStatus);
    const options = { apiVersion: 'example.test/v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Foreground', preconditions: { uid: 'u' }, dryRun: ['All'] };
    assert.deepEqual(roundTrip(options), options);
  });
});

describe('protobuf message registry', () => {
  const registry = codec.registry;

  test('kinds are looked up by apiVersion and kind; lists are synthesised', () => {
    assert.equal(registry.messageFor('example.test/v1', 'Widget')?.fullName, 'example.test.v1.Widget');
    const list = registry.messageFor('example.test/v1', 'WidgetList');
    assert.deepEqual(list?.fields.map((f) => [f.id, f.name, f.message?.fullName]), [
      [1, 'metadata', 'k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta'],
      [2, 'items', 'example.test.v1.Widget'],
    ]);
    assert.equal(list?.fields[1].repeated, true);
  });

  test('only kinds are served: not nested messages, not unserved versions', () => {
    assert.equal(registry.messageFor('example.test/v1', 'WidgetSpec'), undefined);
    assert.equal(registry.messageFor('example.test/v2', 'Widget'), undefined);
    assert.equal(registry.messageFor('example.test/v2', 'Status'), undefined);
    assert.equal(registry.messageFor('example.test/v1', 'ObjectMeta'), undefined);
    assert.ok(registry.messageFor('meta.k8s.io/v1', 'PartialObjectMetadata'));
  });

  test('the protobufjs root holds every message, fully resolved', () => {
    const type = registry.root.lookupType('example.test.v1.WidgetSpec');
    assert.equal(type.fieldsById[11].resolvedType?.fullName, '.k8s.io.apimachinery.pkg.api.resource.Quantity');
  });

  test('a table naming a message nobody defines, or a package alias nobody has, fails to build', () => {
    const broken = (fields: Record<string, string>) => () => new ProtoRegistry([{ package: 'x.v1', alias: 'x', apiVersion: 'x/v1', messages: { A: fields } }]);
    assert.throws(broken({ b: '1 Missing' }), /no such Type/);
    assert.throws(broken({ b: '1 nowhere.Thing' }), /unknown package alias/);
    assert.throws(() => new ProtoRegistry([
      { package: 'x.v1', alias: 'x', messages: { A: { a: '1 string' } } },
      { package: 'x.v1', alias: 'x', messages: { A: { b: '1 string' } } },
    ]), /defined twice/);
  });
});
