import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cluster, columns } from './helpers.js';

const ROLE = { 'node-role/log': 'true' };

test('seed: a log-collector DaemonSet follows labelled nodes joining, leaving and being tainted, then rolls out and survives an orphan delete', () => {
  const c = cluster();
  c.node('n1', ROLE);
  c.node('n2', ROLE);
  c.daemonSet('fluentd', {}, { nodeSelector: ROLE });
  c.converge();
  assert.deepEqual(Object.keys(c.podsByNode()).sort(), ['n1', 'n2'], 'TestSelectorDaemonLaunchesPods: one pod per labelled node');
  assert.deepEqual(columns(c.status('fluentd')), [2, 2, 2, 2, 2]);
  assert.equal(c.events('SuccessfulCreate').length, 2);
  assert.equal(c.revisions().length, 1, 'a ControllerRevision <ds>-<hash> exists');

  c.node('n3', ROLE);
  c.converge();
  assert.deepEqual(columns(c.status('fluentd')), [3, 3, 3, 3, 3], 'TestAddNode: a joining labelled node gets a pod');

  c.node('n4');
  c.converge();
  assert.deepEqual(columns(c.status('fluentd')), [3, 3, 3, 3, 3], 'an unlabelled node gets none');

  c.patchNode('n4', { metadata: { labels: ROLE } });
  c.converge();
  assert.deepEqual(columns(c.status('fluentd')), [4, 4, 4, 4, 4], 'TestUpdateNode: labelling it enqueues the DaemonSet');

  c.patchNode('n4', { spec: { taints: [{ key: 'maintenance', value: 'now', effect: 'NoExecute' }] } });
  c.converge();
  assert.equal(c.podsByNode().n4, undefined, 'TestNoExecuteTaintedDoesEvicitRunningIntolerantPod');
  assert.deepEqual(columns(c.status('fluentd')), [3, 3, 3, 3, 3]);

  const onN3 = c.podsByNode().n3[0];
  c.h.store.delete(c.h.def('', 'nodes'), '', 'n3');
  c.converge();
  assert.ok(c.pods().some((p) => p.metadata.name === onN3 && !p.metadata.deletionTimestamp), 'a bound pod on a deleted node is left for pod GC');
  assert.deepEqual(columns(c.status('fluentd')), [3, 3, 3, 3, 3], 'no node-delete handler: nothing wakes the DaemonSet yet');
  c.finishDeletion(c.pods().find((p) => p.metadata.name === onN3)!);
  c.converge();
  assert.deepEqual(columns(c.status('fluentd')), [2, 2, 2, 2, 2], 'pod GC removing the pod wakes it; status counts existing nodes only');

  c.patchDs('fluentd', { spec: { template: { spec: { containers: [{ name: 'c', image: 'fluentd:v2' }] } } } });
  c.settle();
  const status = c.status('fluentd');
  assert.equal(status.observedGeneration, 2);
  assert.equal(c.pods().filter((p) => p.metadata.deletionTimestamp).length, 1, 'maxUnavailable 1: one old pod at a time');
  c.converge();
  const images = c.pods().map((p) => p.spec.containers[0].image);
  assert.deepEqual(images, ['fluentd:v2', 'fluentd:v2'], 'the rolling update runs to completion');
  assert.deepEqual(columns(c.status('fluentd')), [2, 2, 2, 2, 2]);
  assert.equal(c.revisions().length, 2);

  const before = c.pods().map((p) => p.metadata.name).sort();
  c.h.store.delete(c.h.def('apps', 'daemonsets'), 'default', 'fluentd', { propagationPolicy: 'Orphan' });
  c.converge();
  const orphaning = c.ds('fluentd');
  assert.ok(orphaning.metadata.deletionTimestamp);
  assert.deepEqual(c.pods().map((p) => p.metadata.name).sort(), before, 'TestDontDoAnythingIfBeingDeleted: pods stay');
  assert.deepEqual(orphaning.status, c.status('fluentd'));
  // The garbage collector's part of an orphan delete: drop the ownerReferences, then the finalizer.
  for (const pod of c.pods()) {
    c.h.store.guaranteedUpdate(c.h.def('', 'pods'), 'default', pod.metadata.name!, (p) => ({ ...p, metadata: { ...p.metadata, ownerReferences: undefined } }));
  }
  c.h.store.guaranteedUpdate(c.h.def('apps', 'daemonsets'), 'default', 'fluentd', (d) => ({ ...d, metadata: { ...d.metadata, finalizers: undefined } }));
  assert.equal(c.h.get('apps', 'daemonsets', 'default', 'fluentd'), undefined);

  const recreated = c.daemonSet('fluentd', {}, { nodeSelector: ROLE, containers: [{ name: 'c', image: 'fluentd:v2' }] });
  c.converge();
  assert.deepEqual(c.pods().map((p) => p.metadata.name).sort(), before, 'the recreated DaemonSet adopts the orphans instead of creating');
  for (const pod of c.pods()) {
    assert.deepEqual(pod.metadata.ownerReferences, [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: recreated.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
  }
  assert.deepEqual(columns(c.status('fluentd')), [2, 2, 2, 2, 2], 'same template, same hash: the adopted pods are up to date');
});
