import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POD_GC_CONFIG } from '../../../../controllers/pod-gc/config.js';
import { PodGCController } from '../../../../controllers/pod-gc/pod-gc-controller.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';
import { condition, createNode, createPod, node, pod, postCondition, setPodStatus, updateNodeSpec } from '../node-lifecycle/fixtures.js';

function setup(config = DEFAULT_POD_GC_CONFIG) {
  const h = controllerHarness();
  const controller = new PodGCController(h.ctx, config);
  const start = () => {
    controller.start();
    h.settle([controller]);
  };
  const deleteNode = (name: string) => h.store.delete(h.def('', 'nodes'), '', name);
  return { h, controller, start, deleteNode };
}

test('TestGCInspectingPatchedPodBeforeDeletion: an orphan is marked Failed with DisruptionTarget, then force-deleted', () => {
  const { h, controller, start, deleteNode } = setup();
  createNode(h, 'n1');
  // The finalizer keeps the pod readable after the force delete, to inspect what PodGC wrote.
  createPod(h, 'orphan', 'n1', { ready: true, finalizers: ['example.com/keep'] });
  createPod(h, 'gone', 'n1', { ready: true });
  start();
  deleteNode('n1');
  // Collections at 20 s (the node is found missing), 40 s, then 60 s when the 40 s quarantine is over.
  h.advance([controller], 59_000);
  assert.equal(pod(h, 'orphan').metadata.deletionTimestamp, undefined, 'not before the quarantine');
  h.advance([controller], 1_000);
  const orphan = pod(h, 'orphan');
  assert.equal(orphan.status.phase, 'Failed');
  assert.deepEqual(
    { ...condition(orphan, 'DisruptionTarget'), lastTransitionTime: undefined },
    { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: undefined, reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' },
  );
  assert.equal(orphan.metadata.deletionGracePeriodSeconds, 0, 'force-deleted');
  assert.equal(pod(h, 'gone'), undefined);
});

test('TestGCOrphaned: a node that comes back within the quarantine saves its pods', () => {
  const { h, controller, start, deleteNode } = setup();
  createNode(h, 'n1');
  createPod(h, 'p', 'n1', { ready: true });
  start();
  deleteNode('n1');
  h.advance([controller], 30_000);
  createNode(h, 'n1');
  h.advance([controller], 120_000);
  assert.ok(pod(h, 'p'));
  assert.equal(pod(h, 'p').status.phase, 'Running');
});

test('TestGCOrphaned: a pod that already finished is deleted as it is, without a new phase or condition', () => {
  const { h, controller, start } = setup();
  createPod(h, 'done', 'ghost', { finalizers: ['example.com/keep'] });
  setPodStatus(h, 'done', (status) => (status.phase = 'Succeeded'));
  start();
  h.advance([controller], 40_000);
  const done = pod(h, 'done');
  assert.equal(done.status.phase, 'Succeeded');
  assert.equal(condition(done, 'DisruptionTarget'), undefined);
  assert.ok(done.metadata.deletionTimestamp);
});

test('TestGCUnscheduledTerminating: unbound pods being deleted are marked Failed and force-deleted; bound ones are left', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1');
  createPod(h, 'unbound', undefined, { finalizers: ['example.com/keep'] });
  createPod(h, 'bound', 'n1', { ready: true });
  h.store.delete(h.def('', 'pods'), 'default', 'unbound');
  h.store.delete(h.def('', 'pods'), 'default', 'bound');
  start();
  h.advance([controller], 1_000);
  assert.equal(pod(h, 'unbound').status.phase, 'Failed');
  assert.equal(pod(h, 'bound').status.phase, 'Running');
  assert.equal(pod(h, 'bound').metadata.deletionGracePeriodSeconds, 30, 'left to its kubelet');
});

test('TestGCTerminating: terminating pods on a NotReady node tainted out-of-service are force-deleted', () => {
  const { h, start } = setup();
  createNode(h, 'n1');
  createNode(h, 'n2');
  createPod(h, 'stuck', 'n1', { ready: true });
  createPod(h, 'waiting', 'n2', { ready: true });
  for (const name of ['stuck', 'waiting']) h.store.delete(h.def('', 'pods'), 'default', name);
  for (const name of ['n1', 'n2']) {
    postCondition(h, name, 'Ready', 'False');
    updateNodeSpec(h, name, (spec) => (spec.taints = [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }]));
  }
  postCondition(h, 'n2', 'Ready', 'True');
  start();
  assert.equal(pod(h, 'stuck'), undefined);
  assert.ok(pod(h, 'waiting'), 'a Ready node still has a kubelet to finish its pods');
  assert.ok(node(h, 'n1'));
});

test('TestGCTerminated: beyond the threshold the evicted and then the oldest terminated pods go', () => {
  const { h, controller, start } = setup({ ...DEFAULT_POD_GC_CONFIG, terminatedPodThreshold: 2 });
  createNode(h, 'n1');
  const finished: Array<[string, string, string?]> = [
    ['oldest', 'Succeeded'],
    ['old', 'Failed'],
    ['running', 'Running'],
    ['new', 'Succeeded'],
    ['evicted', 'Failed', 'Evicted'],
  ];
  for (const [name, phase, reason] of finished) {
    createPod(h, name, 'n1');
    setPodStatus(h, name, (status) => Object.assign(status, { phase, reason }));
    h.clock.advance(1_000);
  }
  start();
  assert.deepEqual(
    h.list('', 'pods', 'default').map((p) => p.metadata.name).sort(),
    ['new', 'old', 'running'],
  );
  h.advance([controller], 60_000);
  assert.equal(h.list('', 'pods', 'default').length, 3, 'at the threshold nothing more goes');
});

test('a threshold of 0 keeps every terminated pod', () => {
  const { h, start } = setup({ ...DEFAULT_POD_GC_CONFIG, terminatedPodThreshold: 0 });
  createNode(h, 'n1');
  createPod(h, 'done', 'n1');
  setPodStatus(h, 'done', (status) => (status.phase = 'Succeeded'));
  start();
  assert.ok(pod(h, 'done'));
});
