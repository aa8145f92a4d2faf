import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RESOURCES } from '../../../schemas/resources.js';
import { protobufCodec } from '../../../server/protobuf/index.js';
import { FIXTURES } from '../../fixtures/objects.js';
import { withoutEmpty } from './normalize.js';

const metadata = (name: string) => ({
  name,
  namespace: 'default',
  uid: '6f1c1c5e-0d55-4a5e-a1f4-0b6cbbd5c3a1',
  resourceVersion: '1234',
  generation: 2,
  creationTimestamp: '2024-05-06T07:08:09Z',
  labels: { app: name },
  annotations: { 'example.com/note': 'x' },
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'owner', uid: 'u-owner', controller: true, blockOwnerDeletion: true }],
  finalizers: ['example.com/keep'],
  managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2024-05-06T07:08:09Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} } } }],
});

describe('every kind of the resource table round-trips protobuf ⇄ JSON', () => {
  const codec = protobufCodec();
  for (const def of RESOURCES) {
    test(def.key, () => {
      assert.ok(codec.canEncode(def.apiVersion, def.kind), `a message for ${def.apiVersion} ${def.kind}`);
      assert.ok(codec.canEncode(def.apiVersion, def.listKind), `a message for ${def.apiVersion} ${def.listKind}`);
      const fixture = FIXTURES[def.key];
      assert.ok(fixture, `a fixture for ${def.key}`);
      const obj = fixture.make('rt', { tier: 'a' });
      obj.metadata = metadata('rt');
      if (!def.namespaced) delete obj.metadata.namespace;
      fixture.mutate(obj);
      if (fixture.status) obj.status = fixture.status;
      const back = codec.decode(codec.encode(obj)).object;
      assert.deepEqual(withoutEmpty(back), withoutEmpty(obj));
      // Items of a list carry no apiVersion and kind on the wire (upstream's list items have an empty TypeMeta).
      const { apiVersion: _apiVersion, kind: _kind, ...item } = obj;
      const list = { apiVersion: def.apiVersion, kind: def.listKind, metadata: { resourceVersion: '9' }, items: [item] };
      assert.deepEqual(withoutEmpty(codec.decode(codec.encode(list)).object), withoutEmpty(list));
    });
  }
});
