import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeLifecycleController } from '../../../../controllers/node-lifecycle/node-lifecycle-controller.js';
import { controllerHarness, type ControllerHarness } from '../../../helpers/controller-harness.js';
import {
  condition,
  createLease,
  createNode,
  createPod,
  events,
  node,
  pod,
  postCondition,
  renewLease,
  taintNames,
  updateNodeSpec,
} from './fixtures.js';

function setup() {
  const h = controllerHarness();
  const controller = new NodeLifecycleController(h.ctx);
  const start = () => {
    controller.start();
    h.settle([controller]);
  };
  return { h, controller, start };
}

/** Moves time in node-monitor periods, renewing the leases of the nodes still alive before each step. */
function run(h: ControllerHarness, controller: NodeLifecycleController, seconds: number, alive: string[] = []): void {
  for (let left = seconds; left > 0; left -= 5) {
    for (const name of alive) renewLease(h, name);
    h.advance([controller], Math.min(5, left) * 1000, 100);
  }
}

test('heartbeat loss: Ready turns Unknown after the grace period, not before', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1');
  createLease(h, 'n1');
  start();
  assert.equal(events(h, 'RegisteredNode')[0]?.message, 'Node n1 event: Registered Node n1 in Controller');

  h.advance([controller], 50_000);
  assert.equal(condition(node(h, 'n1'), 'Ready').status, 'True', '50 s of silence is still within the grace period');

  h.advance([controller], 5_000);
  const n1 = node(h, 'n1');
  assert.deepEqual(
    ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => condition(n1, t).status),
    ['Unknown', 'Unknown', 'Unknown', 'Unknown'],
  );
  const ready = condition(n1, 'Ready');
  assert.equal(ready.reason, 'NodeStatusUnknown');
  assert.equal(ready.message, 'Kubelet stopped posting node status.');
  assert.deepEqual(taintNames(h, 'n1'), ['node.kubernetes.io/unreachable:NoSchedule']);
  assert.ok(node(h, 'n1').spec.taints[0].timeAdded, 'controller taints carry timeAdded');
  assert.equal(events(h, 'NodeNotReady')[0]?.message, 'Node n1 status is now: NodeNotReady');
});

test('a renewed Lease keeps a node alive although its status is old', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1');
  createLease(h, 'n1');
  start();
  h.advance([controller], 30_000);
  renewLease(h, 'n1');
  h.advance([controller], 50_000);
  assert.equal(condition(node(h, 'n1'), 'Ready').status, 'True');
  h.advance([controller], 10_000);
  assert.equal(condition(node(h, 'n1'), 'Ready').status, 'Unknown');
});

test('a node that never posted status goes Unknown (NodeStatusNeverUpdated) after the startup grace', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1', { conditions: false });
  start();
  h.advance([controller], 60_000);
  assert.equal(condition(node(h, 'n1'), 'Ready'), undefined);
  h.advance([controller], 5_000);
  const ready = condition(node(h, 'n1'), 'Ready');
  assert.equal(ready.status, 'Unknown');
  assert.equal(ready.reason, 'NodeStatusNeverUpdated');
  assert.equal(ready.message, 'Kubelet never posted node status.');
});

test('NoSchedule taints follow the conditions and spec.unschedulable, and leave foreign taints alone', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1', { taints: [{ key: 'example.com/dedicated', value: 'db', effect: 'NoSchedule' }] });
  createLease(h, 'n1');
  start();
  assert.deepEqual(taintNames(h, 'n1'), ['example.com/dedicated:NoSchedule']);

  postCondition(h, 'n1', 'MemoryPressure', 'True');
  postCondition(h, 'n1', 'PIDPressure', 'True');
  postCondition(h, 'n1', 'NetworkUnavailable', 'True');
  h.settle([controller]);
  assert.deepEqual(taintNames(h, 'n1'), [
    'example.com/dedicated:NoSchedule',
    'node.kubernetes.io/memory-pressure:NoSchedule',
    'node.kubernetes.io/pid-pressure:NoSchedule',
    'node.kubernetes.io/network-unavailable:NoSchedule',
  ]);

  postCondition(h, 'n1', 'MemoryPressure', 'False');
  postCondition(h, 'n1', 'PIDPressure', 'False');
  postCondition(h, 'n1', 'NetworkUnavailable', 'False');
  postCondition(h, 'n1', 'DiskPressure', 'True');
  h.settle([controller]);
  assert.deepEqual(taintNames(h, 'n1'), ['example.com/dedicated:NoSchedule', 'node.kubernetes.io/disk-pressure:NoSchedule']);

  updateNodeSpec(h, 'n1', (spec) => (spec.unschedulable = true));
  h.settle([controller]);
  assert.ok(taintNames(h, 'n1').includes('node.kubernetes.io/unschedulable:NoSchedule'));
  updateNodeSpec(h, 'n1', (spec) => (spec.unschedulable = false));
  postCondition(h, 'n1', 'DiskPressure', 'False');
  h.settle([controller]);
  assert.deepEqual(taintNames(h, 'n1'), ['example.com/dedicated:NoSchedule']);
});

test('a silent node among healthy ones: pods marked not ready, then the unreachable NoExecute taint', () => {
  const { h, controller, start } = setup();
  for (const name of ['n1', 'n2']) {
    createNode(h, name);
    createLease(h, name);
  }
  createPod(h, 'p1', 'n1', { ready: true });
  createPod(h, 'p2', 'n2', { ready: true });
  start();
  run(h, controller, 55, ['n2']);
  assert.equal(condition(node(h, 'n1'), 'Ready').status, 'Unknown');
  assert.equal(condition(pod(h, 'p1'), 'Ready').status, 'False');
  assert.equal(condition(pod(h, 'p2'), 'Ready').status, 'True');
  const podEvent = events(h, 'NodeNotReady').find((e) => e.involvedObject.kind === 'Pod');
  assert.equal(podEvent?.type, 'Warning');
  assert.equal(podEvent?.message, 'Node is not ready');
  assert.ok(!taintNames(h, 'n1').includes('node.kubernetes.io/unreachable:NoExecute'), 'the NoExecute taint waits for the next pass');

  run(h, controller, 5, ['n2']);
  assert.deepEqual(taintNames(h, 'n1'), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  assert.ok(node(h, 'n1').spec.taints[1].timeAdded);
  assert.deepEqual(taintNames(h, 'n2'), []);

  // The kubelet comes back: every taint of ours goes.
  renewLease(h, 'n1');
  postCondition(h, 'n1', 'Ready', 'True');
  run(h, controller, 5, ['n1', 'n2']);
  assert.deepEqual(taintNames(h, 'n1'), []);
});

test('Ready=False from the kubelet: not-ready taints, swapped straight from unreachable', () => {
  const { h, controller, start } = setup();
  for (const name of ['n1', 'n2', 'n3']) {
    createNode(h, name);
    createLease(h, name);
  }
  start();
  postCondition(h, 'n1', 'Ready', 'False');
  run(h, controller, 10, ['n1', 'n2', 'n3']);
  assert.deepEqual(taintNames(h, 'n1'), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);

  run(h, controller, 60, ['n3']);
  assert.deepEqual(taintNames(h, 'n2'), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  const taintedAt = Date.parse(node(h, 'n2').spec.taints[1].timeAdded);
  assert.ok(h.clock.now() - taintedAt < 5_000, "the zone's next tainting token is still more than 5 s away");
  postCondition(h, 'n2', 'Ready', 'False');
  // Within one monitor period, so only the unthrottled swap can make it.
  run(h, controller, 5, ['n2', 'n3']);
  assert.deepEqual(taintNames(h, 'n2'), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
});

test('full disruption: when no node in the cluster is Ready, no NoExecute taint is added', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1');
  createLease(h, 'n1');
  createPod(h, 'p1', 'n1', { ready: true });
  start();
  run(h, controller, 120);
  assert.equal(condition(node(h, 'n1'), 'Ready').status, 'Unknown');
  assert.equal(condition(pod(h, 'p1'), 'Ready').status, 'False', 'pods are still marked not ready');
  assert.deepEqual(taintNames(h, 'n1'), ['node.kubernetes.io/unreachable:NoSchedule']);
});

test('NoExecute taints are rate limited per zone: one node per 10 s by default', () => {
  const { h, controller, start } = setup();
  for (const name of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']) {
    createNode(h, name);
    createLease(h, name);
  }
  start();
  const alive = ['n3', 'n4', 'n5', 'n6', 'n7'];
  run(h, controller, 60, alive);
  const tainted = () => ['n1', 'n2'].filter((n) => taintNames(h, n).includes('node.kubernetes.io/unreachable:NoExecute'));
  assert.equal(tainted().length, 1);
  run(h, controller, 10, alive);
  assert.equal(tainted().length, 2);
});

test('a pod bound to a node already seen not Ready is marked not ready at once', () => {
  const { h, controller, start } = setup();
  for (const name of ['n1', 'n2']) {
    createNode(h, name);
    createLease(h, name);
  }
  start();
  run(h, controller, 60, ['n2']);
  createPod(h, 'late', undefined, { ready: true });
  h.store.updateBypassingStrategy(h.def('', 'pods'), 'default', 'late', (p: any) => ({ ...p, spec: { ...p.spec, nodeName: 'n1' } }));
  h.settle([controller]);
  assert.equal(condition(pod(h, 'late'), 'Ready').status, 'False');
});

test('the beta os/arch labels follow the stable ones', () => {
  const { h, start } = setup();
  createNode(h, 'n1', { labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'arm64', 'beta.kubernetes.io/arch': 'amd64' } });
  start();
  const labels = node(h, 'n1').metadata.labels;
  assert.equal(labels['beta.kubernetes.io/os'], 'linux');
  assert.equal(labels['beta.kubernetes.io/arch'], 'arm64');
});

test('a deleted node is reported and forgotten', () => {
  const { h, controller, start } = setup();
  createNode(h, 'n1');
  start();
  h.store.delete(h.def('', 'nodes'), '', 'n1');
  h.advance([controller], 5_000);
  assert.equal(events(h, 'RemovingNode')[0]?.message, 'Node n1 event: Removing Node n1 from Controller');
  controller.stop();
});
