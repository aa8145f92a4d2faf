import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaintEvictionController } from '../../../../controllers/node-lifecycle/taint-eviction-controller.js';
import { formatTime } from '../../../../server/clock.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';
import { condition, createNode, createPod, events, pod, updateNodeSpec } from './fixtures.js';

const UNREACHABLE = 'node.kubernetes.io/unreachable';
// Every pod is created with 300 s tolerations of unreachable/not-ready (DefaultTolerationSeconds): a taint no
// default covers makes a pod intolerant.
const OUTAGE = 'example.com/outage';
const defaultTolerations = (seconds: number) => [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
  { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
];

function setup() {
  const h = controllerHarness();
  const controller = new TaintEvictionController(h.ctx);
  createNode(h, 'n1');
  createNode(h, 'n2');
  const taint = (key = UNREACHABLE, effect = 'NoExecute') => {
    updateNodeSpec(h, 'n1', (spec) => (spec.taints = [...(spec.taints ?? []), { key, effect, timeAdded: formatTime(h.clock.now()) }]));
    h.settle([controller]);
  };
  const untaint = () => {
    updateNodeSpec(h, 'n1', (spec) => delete spec.taints);
    h.settle([controller]);
  };
  const start = () => {
    controller.start();
    h.settle([controller]);
  };
  const deleting = (name: string) => pod(h, name)?.metadata.deletionTimestamp !== undefined;
  return { h, controller, taint, untaint, start, deleting };
}

test('NoExecute taint: an intolerant pod is evicted at once, with DisruptionTarget and an event', () => {
  const { h, taint, start, deleting } = setup();
  createPod(h, 'intolerant', 'n1');
  createPod(h, 'elsewhere', 'n2');
  start();
  taint(OUTAGE);
  const evicted = pod(h, 'intolerant');
  assert.ok(deleting('intolerant'), 'a graceful delete: the pod is Terminating');
  assert.equal(evicted.metadata.deletionGracePeriodSeconds, 30);
  const target = condition(evicted, 'DisruptionTarget');
  assert.equal(target.status, 'True');
  assert.equal(target.reason, 'DeletionByTaintManager');
  assert.equal(target.message, 'Taint manager: deleting due to NoExecute taint');
  const [event] = events(h, 'TaintManagerEviction');
  assert.equal(event.message, 'Marking for deletion Pod default/intolerant');
  assert.equal(event.type, 'Normal');
  assert.equal(event.source.component, 'taint-eviction-controller');
  assert.ok(!deleting('elsewhere'));
});

test('a NoSchedule taint evicts nobody', () => {
  const { h, taint, start, deleting } = setup();
  createPod(h, 'p', 'n1');
  start();
  taint('example.com/maintenance', 'NoSchedule');
  assert.ok(!deleting('p'));
});

test('a pod tolerating the taint for tolerationSeconds is evicted once they have passed', () => {
  const { h, controller, taint, start, deleting } = setup();
  createPod(h, 'tolerant', 'n1', { tolerations: defaultTolerations(300) });
  start();
  taint();
  h.advance([controller], 299_000);
  assert.ok(!deleting('tolerant'));
  h.advance([controller], 1_000);
  assert.ok(deleting('tolerant'));
  assert.equal(condition(pod(h, 'tolerant'), 'DisruptionTarget').reason, 'DeletionByTaintManager');
});

test('an Exists toleration without seconds keeps the pod forever', () => {
  const { h, controller, taint, start, deleting } = setup();
  createPod(h, 'daemon', 'n1', { tolerations: [{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute' }] });
  createPod(h, 'everything', 'n1', { tolerations: [{ operator: 'Exists' }] });
  start();
  taint();
  h.advance([controller], 3_600_000, 60_000);
  assert.ok(!deleting('daemon'));
  assert.ok(!deleting('everything'));
});

test('the shortest matching toleration decides', () => {
  const { h, controller, taint, start, deleting } = setup();
  createPod(h, 'p', 'n1', {
    tolerations: [
      { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 100 },
      { key: 'example.com/drain', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 50 },
    ],
  });
  start();
  taint();
  taint('example.com/drain');
  h.advance([controller], 49_000);
  assert.ok(!deleting('p'));
  h.advance([controller], 1_000);
  assert.ok(deleting('p'));
});

test('the eviction is cancelled when the taint goes away', () => {
  const { h, controller, taint, untaint, start, deleting } = setup();
  createPod(h, 'tolerant', 'n1', { tolerations: defaultTolerations(300) });
  start();
  taint();
  h.advance([controller], 100_000);
  untaint();
  assert.equal(events(h, 'TaintManagerEviction')[0]?.message, 'Cancelling deletion of Pod default/tolerant');
  h.advance([controller], 600_000, 10_000);
  assert.ok(!deleting('tolerant'));
  assert.equal(h.clock.pendingTimers(), 0, 'no timer left behind');
});

test('the eviction is forgotten when the pod goes away first', () => {
  const { h, controller, taint, start } = setup();
  createPod(h, 'tolerant', 'n1', { tolerations: defaultTolerations(60) });
  start();
  taint();
  h.store.delete(h.def('', 'pods'), 'default', 'tolerant', { gracePeriodSeconds: 0 });
  h.settle([controller]);
  createPod(h, 'tolerant', 'n2');
  h.advance([controller], 120_000);
  assert.equal(pod(h, 'tolerant').metadata.deletionTimestamp, undefined, 'a new pod with the old name is not evicted');
  assert.deepEqual(events(h, 'TaintManagerEviction').map((e) => e.message), ['Cancelling deletion of Pod default/tolerant']);
});

test('a pod that arrives on an already tainted node is judged on arrival', () => {
  const { h, controller, taint, start, deleting } = setup();
  start();
  taint(OUTAGE);
  createPod(h, 'late', 'n1');
  h.settle([controller]);
  assert.ok(deleting('late'));
});
