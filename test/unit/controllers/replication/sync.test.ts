import assert from 'node:assert/strict';
import { test } from 'node:test';
import { controllerOf } from '../../../../controllers/runtime/controller-ref.js';
import { plantRefusedReplicaSet, rcBody, rsBody, setup } from './fixtures.js';

test('pods are created from the template: generateName, labels, annotations, finalizers, controller reference', () => {
  const t = setup();
  const rc = t.createOwner(rcBody('web', 3, {
    template: {
      metadata: { labels: { app: 'web', tier: 'fe' }, annotations: { note: 'x' }, finalizers: ['example.com/keep'] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  }));
  t.settle();
  const pods = t.pods();
  assert.equal(pods.length, 3);
  for (const pod of pods) {
    assert.equal(pod.metadata.generateName, 'web-');
    assert.match(pod.metadata.name!, /^web-[a-z0-9]{5}$/);
    assert.deepEqual(pod.metadata.labels, { app: 'web', tier: 'fe' });
    assert.deepEqual(pod.metadata.annotations, { note: 'x' });
    assert.deepEqual(pod.metadata.finalizers, ['example.com/keep']);
    assert.deepEqual(pod.metadata.ownerReferences, [
      { apiVersion: 'v1', kind: 'ReplicationController', name: 'web', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
  }
  assert.deepEqual(
    t.events().map((e) => [e.type, e.reason, e.component, e.message]).sort(),
    pods.map((p) => ['Normal', 'SuccessfulCreate', 'replication-controller', `Created pod: ${p.metadata.name}`]).sort(),
  );
});

test('TestSyncReplicaSetDoesNothing: as many pods as replicas → no action', () => {
  const t = setup();
  t.createOwner(rcBody('web', 2));
  t.settle();
  const before = t.pods().map((p) => p.metadata.resourceVersion).sort();
  const events = t.events().length;
  t.controller.queue.add('default/web');
  t.settle();
  assert.deepEqual(t.pods().map((p) => p.metadata.resourceVersion).sort(), before);
  assert.equal(t.events().length, events);
});

test('TestControllerBurstReplicas: at most burstReplicas per sync; the next wave waits for the watch events', () => {
  const t = setup({ burstReplicas: 3 });
  const podInformer = t.ctx.informers.for(t.def('', 'pods'));
  podInformer.stop();
  t.createOwner(rcBody('web', 7));
  t.settle();
  assert.equal(t.pods().length, 3, 'one burst, then the unobserved creations hold the controller');
  podInformer.start();
  t.settle();
  assert.equal(t.pods().length, 7);
  assert.equal(t.events('SuccessfulCreate').length, 7);
});

test('TestRSSyncExpectations / TestSyncReplicaSetDormancy: unmet expectations stop pod changes, not the status write', () => {
  const t = setup();
  const podInformer = t.ctx.informers.for(t.def('', 'pods'));
  podInformer.stop();
  t.createOwner(rcBody('web', 2));
  t.settle();
  assert.equal(t.pods().length, 2);
  // The cache shows no pod at all; without expectations the controller would create two more.
  t.updateOwner('web', (rc) => (rc.spec.replicas = 3));
  t.settle();
  assert.equal(t.pods().length, 2, 'no duplicates while the creations are unobserved');
  assert.equal((t.owner('web').status as any).observedGeneration, 2, 'status is still written');
  podInformer.start();
  t.settle();
  assert.equal(t.pods().length, 3);
});

test('TestDeletionTimestamp: a pod that gets a deletionTimestamp counts as deleted once, tracked by UID', () => {
  const t = setup();
  t.createOwner(rcBody('web', 2, { replicas: 2 }));
  t.settle();
  const [a, b] = t.pods().map((p) => p.metadata.name!);
  for (const name of [a, b]) t.bind(name, 'node-1');
  t.settle();
  const pods = t.def('', 'pods');
  const uid = (name: string) => t.get('', 'pods', 'default', name)!.metadata.uid!;
  t.controller.expectations.expect('default/web', 0, [uid(a), uid(b)]);
  t.store.delete(pods, 'default', a);
  assert.ok(t.get('', 'pods', 'default', a)?.metadata.deletionTimestamp, 'a bound pod is deleted gracefully');
  assert.equal(t.controller.expectations.satisfied('default/web'), false);
  t.store.delete(pods, 'default', a, { gracePeriodSeconds: 0 });
  assert.equal(t.get('', 'pods', 'default', a), undefined);
  assert.equal(t.controller.expectations.satisfied('default/web'), false, "the final delete of the same pod does not stand in for the other pod");
  t.store.delete(pods, 'default', b);
  assert.equal(t.controller.expectations.satisfied('default/web'), true);
});

test('a terminating pod no longer counts: its replacement is created without waiting for the grace period', () => {
  const t = setup();
  t.createOwner(rcBody('web', 2));
  t.settle();
  const [a] = t.pods().map((p) => p.metadata.name!);
  t.bind(a, 'node-1');
  t.store.delete(t.def('', 'pods'), 'default', a);
  t.settle();
  assert.equal(t.podsOf(t.owner('web')).length, 2);
  assert.equal(t.pods().length, 3, 'the terminating pod is still there');
  assert.equal((t.owner('web').status as any).replicas, 2);
});

test('pods removed by someone else (pod GC after a node left) are replaced', () => {
  const t = setup();
  t.createOwner(rcBody('web', 3));
  t.settle();
  for (const pod of t.pods().slice(0, 2)) t.store.delete(t.def('', 'pods'), 'default', pod.metadata.name!, { gracePeriodSeconds: 0 });
  t.settle();
  assert.equal(t.podsOf(t.owner('web')).length, 3);
  assert.equal(t.events('SuccessfulCreate').length, 5);
});

test('scale-down deletes unassigned, then Pending, then not-ready pods, and keeps the ready one', () => {
  const t = setup();
  t.createOwner(rcBody('web', 4));
  t.settle();
  const [unassigned, pending, notReady, ready] = t.pods().map((p) => p.metadata.name!);
  for (const name of [pending, notReady, ready]) t.bind(name, 'node-1');
  t.run(notReady, false);
  t.run(ready, true);
  t.settle();
  t.updateOwner('web', (rc) => (rc.spec.replicas = 1));
  t.settle();
  assert.deepEqual(t.podsOf(t.owner('web')).map((p) => p.metadata.name), [ready]);
  assert.equal(t.get('', 'pods', 'default', unassigned), undefined, 'an unbound pod goes at once');
  assert.deepEqual(
    t.events('SuccessfulDelete').map((e) => e.message).sort(),
    [unassigned, pending, notReady].map((n) => `Deleted pod: ${n}`).sort(),
  );
});

test('scale-down deletes the pod with the lowest controller.kubernetes.io/pod-deletion-cost first', () => {
  const t = setup();
  t.createOwner(rcBody('web', 3));
  t.settle();
  const names = t.pods().map((p) => p.metadata.name!);
  const costs = ['5', '-1', '0'];
  names.forEach((name, i) => {
    t.store.guaranteedUpdate(t.def('', 'pods'), 'default', name, (p) => {
      p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': costs[i] };
      return p;
    });
    t.bind(name, 'node-1');
    t.run(name);
  });
  t.settle();
  t.updateOwner('web', (rc) => (rc.spec.replicas = 2));
  t.settle();
  assert.deepEqual(t.events('SuccessfulDelete').map((e) => e.message), [`Deleted pod: ${names[1]}`]);
});

/** Two ready pods on node-a, then (1000 s later) one on node-b; scale 3 → 2 one second after that. */
function doubledUp(kind: 'ReplicationController' | 'ReplicaSet', ownerMeta: Record<string, unknown> = {}) {
  const t = setup({ kind });
  t.createOwner(kind === 'ReplicaSet' ? rsBody('web', 3, {}, ownerMeta) : rcBody('web', 3));
  t.settle();
  const [a1, a2, b1] = t.pods().map((p) => p.metadata.name!);
  for (const name of [a1, a2]) {
    t.bind(name, 'node-a');
    t.run(name);
  }
  t.bind(b1, 'node-b');
  t.advance(1000_000);
  t.run(b1);
  t.advance(1_000);
  t.updateOwner('web', (o) => (o.spec.replicas = 2));
  t.settle();
  const deleted = t.pods().filter((p) => p.metadata.deletionTimestamp);
  assert.equal(deleted.length, 1);
  return { node: (deleted[0].spec as any).nodeName, b1, name: deleted[0].metadata.name };
}

test('a ReplicationController ranks no pod as doubled up (upstream finds related pods only for ReplicaSets with a controller owner): the most recently Ready pod goes', () => {
  const { name, b1 } = doubledUp('ReplicationController');
  assert.equal(name, b1);
});

test('a ReplicaSet without a controller owner ranks no pod as doubled up', () => {
  const { name, b1 } = doubledUp('ReplicaSet');
  assert.equal(name, b1);
});

test('a ReplicaSet owned by a Deployment deletes from the node doubled up with related pods first', () => {
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '6f1c9d0e-0000-4000-8000-000000000001', controller: true };
  const { node } = doubledUp('ReplicaSet', { ownerReferences: [deployment] });
  assert.equal(node, 'node-a');
});

test('a ReplicaSet with matchExpressions selects, adopts and creates by its expressions', () => {
  const t = setup({ kind: 'ReplicaSet' });
  t.createPod('api-orphan', { tier: 'api' });
  t.createPod('db-orphan', { tier: 'db' });
  const rs = t.createOwner(rsBody('web', 2, {
    selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] },
    template: { metadata: { labels: { tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  }));
  t.settle();
  const owned = t.podsOf(rs).map((p) => p.metadata.name!);
  assert.equal(owned.length, 2);
  assert.ok(owned.includes('api-orphan'), 'the orphan matching the expression is adopted');
  assert.equal(controllerOf(t.get('', 'pods', 'default', 'db-orphan')!), undefined);
  assert.equal(t.events('SuccessfulCreate').length, 1);
  assert.equal(t.events('SuccessfulCreate')[0].component, 'replicaset-controller');
  assert.deepEqual(controllerOf(t.get('', 'pods', 'default', 'api-orphan')!), {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true,
  });
  assert.deepEqual(t.owner('web').status, { replicas: 2, fullyLabeledReplicas: 1, observedGeneration: 1 });
});

test('a ReplicaSet without replicas defaults to 1', () => {
  const t = setup({ kind: 'ReplicaSet' });
  const body = rsBody('web', 0);
  delete (body.spec as any).replicas;
  t.createOwner(body);
  t.settle();
  assert.equal(t.pods().length, 1);
});

test('a ReplicaSet the API server would refuse (selector not matching its template, or invalid) is left alone', () => {
  const t = setup({ kind: 'ReplicaSet' });
  plantRefusedReplicaSet(t, 'mismatch', { replicas: 2, selector: { matchLabels: { app: 'other' } } });
  plantRefusedReplicaSet(t, 'empty', { replicas: 2, selector: {} });
  plantRefusedReplicaSet(t, 'invalid', { replicas: 2, selector: { matchExpressions: [{ key: 'app', operator: 'Near' }] } });
  t.settle();
  assert.equal(t.pods().length, 0);
});

test('TestDoNotAdoptOrCreateIfBeingDeleted: an RC being deleted creates, deletes, adopts and releases nothing', () => {
  const t = setup();
  t.createOwner(rcBody('web', 2));
  t.settle();
  const [a, b] = t.pods().map((p) => p.metadata.name!);
  // core/v1's default policy is Orphan: the RC stays, marked, until the garbage collector removes the finalizer.
  t.store.delete(t.def('', 'replicationcontrollers'), 'default', 'web');
  assert.ok(t.owner('web').metadata.deletionTimestamp);
  t.store.delete(t.def('', 'pods'), 'default', a);
  t.createPod('orphan', { app: 'web' });
  t.store.guaranteedUpdate(t.def('', 'pods'), 'default', b, (p) => ({ ...p, metadata: { ...p.metadata, labels: { app: 'gone' } } }));
  t.settle();
  assert.deepEqual(t.pods().map((p) => p.metadata.name).sort(), [b, 'orphan'].sort());
  assert.equal(controllerOf(t.get('', 'pods', 'default', 'orphan')!), undefined, 'not adopted');
  assert.equal(controllerOf(t.get('', 'pods', 'default', b)!)?.name, 'web', 'not released');
  assert.equal(t.events('SuccessfulCreate').length, 2, 'only the two original creations');
});

test('TestDoNotAdoptOrCreateIfBeingDeletedRace: a deletion the cache has not seen yet stops adoption and creation', () => {
  const t = setup();
  const rcInformer = t.ctx.informers.for(t.def('', 'replicationcontrollers'));
  t.createOwner(rcBody('web', 2));
  rcInformer.stop();
  t.store.delete(t.def('', 'replicationcontrollers'), 'default', 'web');
  t.createPod('orphan', { app: 'web' });
  t.controller.drain();
  assert.deepEqual(t.pods().map((p) => p.metadata.name), ['orphan']);
  assert.equal(controllerOf(t.get('', 'pods', 'default', 'orphan')!), undefined);
  assert.equal(t.controller.queue.numRequeues('default/web'), 1, 'the sync failed and will be retried');
});

test('TestExpectationsOnRecreate: deleting an owner drops its expectations, so a new one of the same name starts clean', () => {
  const t = setup();
  const podInformer = t.ctx.informers.for(t.def('', 'pods'));
  podInformer.stop();
  t.createOwner(rcBody('web', 2));
  t.settle();
  assert.equal(t.controller.expectations.satisfied('default/web'), false, 'two creations not yet observed');
  t.store.delete(t.def('', 'replicationcontrollers'), 'default', 'web', { propagationPolicy: 'Background' });
  assert.equal(t.controller.expectations.satisfied('default/web'), true);
  const again = t.createOwner(rcBody('web', 1));
  t.settle();
  assert.equal(t.events('SuccessfulCreate').length, 3, 'the new RC created its pod at once');
  assert.equal(t.pods().filter((p) => controllerOf(p)?.uid === again.metadata.uid).length, 1);
});
