import assert from 'node:assert/strict';
import { test } from 'node:test';
import { controllerOf } from '../../../../controllers/runtime/controller-ref.js';
import { rcBody, setup } from './fixtures.js';

test('matching orphans are adopted instead of creating pods', () => {
  const t = setup();
  t.createPod('orphan-1', { app: 'web' });
  t.createPod('orphan-2', { app: 'web', extra: 'yes' });
  t.createPod('stranger', { app: 'db' });
  const rc = t.createOwner(rcBody('web', 2));
  t.settle();
  assert.deepEqual(t.podsOf(rc).map((p) => p.metadata.name).sort(), ['orphan-1', 'orphan-2']);
  assert.deepEqual(controllerOf(t.get('', 'pods', 'default', 'orphan-1')!), {
    apiVersion: 'v1', kind: 'ReplicationController', name: 'web', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true,
  });
  assert.equal(controllerOf(t.get('', 'pods', 'default', 'stranger')!), undefined);
  assert.equal(t.events('SuccessfulCreate').length, 0);
});

test('an orphan created later wakes the RC, which adopts it and scales the surplus down', () => {
  const t = setup();
  const rc = t.createOwner(rcBody('web', 1));
  t.settle();
  t.createPod('late', { app: 'web' });
  t.settle();
  assert.equal(t.podsOf(rc).length, 1);
  assert.equal(t.events('SuccessfulDelete').length, 1);
});

test('TestDoNotPatchPodWithOtherControlRef: a pod controlled by another owner is left alone and replicas are created', () => {
  const t = setup();
  const other = { apiVersion: 'v1', kind: 'ReplicationController', name: 'other', uid: '11111111-2222-4333-8444-555555555555', controller: true };
  t.createPod('taken', { app: 'web' }, { ownerReferences: [other] });
  const rc = t.createOwner(rcBody('web', 2));
  t.settle();
  assert.equal(t.podsOf(rc).length, 2);
  assert.deepEqual(controllerOf(t.get('', 'pods', 'default', 'taken')!), other);
});

test('a pod whose labels stop matching is released (keeping its labels) and replaced', () => {
  const t = setup();
  const rc = t.createOwner(rcBody('web', 2));
  t.settle();
  const [moved] = t.pods().map((p) => p.metadata.name!);
  t.store.guaranteedUpdate(t.def('', 'pods'), 'default', moved, (p) => ({ ...p, metadata: { ...p.metadata, labels: { app: 'debug' } } }));
  t.settle();
  const released = t.get('', 'pods', 'default', moved)!;
  assert.equal(released.metadata.ownerReferences, undefined);
  assert.deepEqual(released.metadata.labels, { app: 'debug' });
  assert.equal(t.podsOf(rc).length, 2);
  assert.equal(t.pods().length, 3);
});

test('orphaned pods of a deleted RC are adopted by a new RC with the same selector', () => {
  const t = setup();
  t.createOwner(rcBody('web', 2));
  t.settle();
  const names = t.pods().map((p) => p.metadata.name).sort();
  // What the garbage collector does for an orphan delete: strip the reference, then let the RC go.
  for (const name of names) {
    t.store.guaranteedUpdate(t.def('', 'pods'), 'default', name!, (p) => ({ ...p, metadata: { ...p.metadata, ownerReferences: undefined } }));
  }
  t.store.delete(t.def('', 'replicationcontrollers'), 'default', 'web', { propagationPolicy: 'Background' });
  t.settle();
  const again = t.createOwner(rcBody('web', 2));
  t.settle();
  assert.deepEqual(t.podsOf(again).map((p) => p.metadata.name).sort(), names);
  assert.equal(t.events('SuccessfulCreate').length, 2, 'nothing new was created');
});

test('finished pods are neither counted nor adopted; the RC replaces them', () => {
  const t = setup();
  const rc = t.createOwner(rcBody('web', 1));
  t.settle();
  const [first] = t.pods().map((p) => p.metadata.name!);
  t.bind(first, 'node-1');
  t.store.guaranteedUpdate(t.def('', 'pods'), 'default', first, (p) => ({ ...p, status: { phase: 'Failed' } }), { subresource: 'status' });
  t.createPod('done-orphan', { app: 'web' });
  t.store.guaranteedUpdate(t.def('', 'pods'), 'default', 'done-orphan', (p) => ({ ...p, status: { phase: 'Succeeded' } }), { subresource: 'status' });
  t.settle();
  const owned = t.podsOf(rc).filter((p) => (p.status as any)?.phase !== 'Failed');
  assert.equal(owned.length, 1);
  assert.notEqual(owned[0].metadata.name, first);
  assert.equal(controllerOf(t.get('', 'pods', 'default', 'done-orphan')!), undefined);
  assert.equal((t.owner('web').status as any).replicas, 1);
});
