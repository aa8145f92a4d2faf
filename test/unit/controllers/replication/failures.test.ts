import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../../../server/errors.js';
import { plantRefusedReplicaSet, rcBody, rsBody, setup, type Setup } from './fixtures.js';

/** A quota-like admission failure for every pod create after the first `allowed` (which `allow` raises). */
function limitPodCreates(t: Setup, allowed: number) {
  const create = t.store.create.bind(t.store);
  let calls = 0;
  t.store.create = (def, namespace, body, options) => {
    if (def.resource === 'pods' && ++calls > allowed) {
      throw new ApiError(403, 'Forbidden', `pods "x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=${allowed}, limited: pods=${allowed}`);
    }
    return create(def, namespace, body, options);
  };
  return { calls: () => calls, allow: (n: number) => (allowed = n) };
}

/** How many pod creates had been attempted when the owner's status was first written, i.e. during the first sync. */
function callsInFirstSync(t: Setup, calls: () => number): () => number | undefined {
  const update = t.store.guaranteedUpdate.bind(t.store);
  let seen: number | undefined;
  t.store.guaranteedUpdate = (def, namespace, name, mutate, options) => {
    if (def.resource === 'replicationcontrollers' && options?.subresource === 'status') seen ??= calls();
    return update(def, namespace, name, mutate, options);
  };
  return () => seen;
}

const conditions = (t: Setup, name: string) => (t.owner(name).status as any).conditions;

test('TestSyncReplicaSetCreateFailures: slow start stops after the first failing batch', () => {
  const t = setup();
  const quota = limitPodCreates(t, 5);
  const firstSync = callsInFirstSync(t, quota.calls);
  t.createOwner(rcBody('web', 10));
  t.settle();
  assert.equal(firstSync(), 7, 'batches of 1, 2 and 4; the batch of 4 failed after 2 creations, so no batch of 8');
  assert.equal(t.pods().length, 5);
  // The status writes wake the RC twice more (replicas 0 → 5 is seen one sync late), each retry a batch of 1.
  assert.equal(quota.calls(), 9);
  assert.deepEqual(t.events('FailedCreate').map((e) => e.count), [4], 'one Event for the 4 identical failures');
  assert.match(t.events('FailedCreate')[0].message, /^Error creating: pods "x" is forbidden: exceeded quota/);
  assert.equal(t.events('FailedCreate')[0].type, 'Warning');
  assert.deepEqual(conditions(t, 'web'), [{
    type: 'ReplicaFailure',
    status: 'True',
    lastTransitionTime: '2026-01-01T00:00:00Z',
    reason: 'FailedCreate',
    message: 'pods "x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=5, limited: pods=5',
  }]);
  assert.ok(t.controller.expectations.satisfied('default/web'), 'skipped creations lowered the expectations');
  assert.equal(t.controller.queue.numRequeues('default/web'), 3, 'each failure is retried with backoff');
});

test('ReplicaFailure clears once creations succeed again', () => {
  const t = setup();
  const quota = limitPodCreates(t, 1);
  t.createOwner(rcBody('web', 2));
  t.settle();
  assert.equal(conditions(t, 'web')[0].reason, 'FailedCreate');
  quota.allow(Infinity);
  t.advance(1_000);
  assert.equal(t.pods().length, 2);
  assert.equal(conditions(t, 'web'), undefined);
});

test('a pod create rejected by validation → FailedCreate event and ReplicaFailure with the API error text', () => {
  const t = setup({ kind: 'ReplicaSet' });
  plantRefusedReplicaSet(t, 'web', { replicas: 1, template: { metadata: { labels: { app: 'web' } }, spec: {} } });
  t.settle();
  assert.equal(t.pods().length, 0);
  const [event] = t.events('FailedCreate');
  assert.match(event.message, /^Error creating: Pod "web-[a-z0-9]{5}" is invalid: spec.containers: Required value/);
  assert.equal(event.component, 'replicaset-controller');
  const [condition] = conditions(t, 'web');
  assert.equal(condition.reason, 'FailedCreate');
  assert.equal(`Error creating: ${condition.message}`, event.message);
});

test('a terminating namespace: creations are skipped silently (no event, no ReplicaFailure), as upstream does', () => {
  const t = setup();
  t.create('', 'namespaces', '', { metadata: { name: 'doomed' } });
  t.create('', 'replicationcontrollers', 'doomed', rcBody('web', 0));
  t.settle();
  t.store.delete(t.def('', 'namespaces'), '', 'doomed');
  t.store.guaranteedUpdate(t.def('', 'replicationcontrollers'), 'doomed', 'web', (rc: any) => {
    rc.spec.replicas = 2;
    return rc;
  });
  t.settle();
  const rc = t.get('', 'replicationcontrollers', 'doomed', 'web')!;
  assert.equal(t.pods('doomed').length, 0);
  assert.equal((rc.status as any).conditions, undefined);
  assert.equal(t.list('', 'events', 'doomed').length, 0);
  assert.equal(t.controller.queue.numRequeues('doomed/web'), 0, 'not an error: no retry loop');
  assert.equal(t.controller.expectations.satisfied('doomed/web'), false, 'the refused creations count as made: the RC waits out the expectations TTL');
});

test('a failed delete → FailedDelete event and ReplicaFailure FailedDelete; a pod already gone is no error', () => {
  const t = setup();
  t.createOwner(rcBody('web', 3));
  t.settle();
  const [stuck, gone] = t.pods().map((p) => p.metadata.name!);
  const remove = t.store.delete.bind(t.store);
  t.store.delete = (def, namespace, name, options) => {
    if (name === stuck) throw new ApiError(500, 'InternalError', 'Internal error occurred: etcd is unhappy');
    if (name === gone) throw new ApiError(404, 'NotFound', `pods "${gone}" not found`);
    return remove(def, namespace, name, options);
  };
  t.updateOwner('web', (rc) => (rc.spec.replicas = 0));
  t.controller.drain();
  assert.deepEqual(t.events('FailedDelete').map((e) => [e.type, e.message]), [['Warning', 'Error deleting: Internal error occurred: etcd is unhappy']]);
  const [condition] = conditions(t, 'web');
  assert.equal(condition.reason, 'FailedDelete');
  assert.equal(condition.message, 'unable to delete pods: Internal error occurred: etcd is unhappy');
  assert.ok(t.controller.expectations.satisfied('default/web'), 'failed deletions lowered the expectations');
});

test('a template without labels → ReplicaFailure "unable to create pods, no labels", without a FailedCreate event', () => {
  const t = setup({ kind: 'ReplicaSet' });
  t.createOwner(rsBody('web', 1, {
    selector: { matchExpressions: [{ key: 'debug', operator: 'DoesNotExist' }] },
    template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  }));
  t.settle();
  assert.equal(t.pods().length, 0);
  assert.equal(conditions(t, 'web')[0].message, 'unable to create pods, no labels');
  assert.equal(t.events('FailedCreate').length, 0);
});
