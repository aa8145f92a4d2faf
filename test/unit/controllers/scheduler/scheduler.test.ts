import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../schemas/meta.js';
import { DEFAULT_SCHEDULER_CONFIG, Scheduler } from '../../../../controllers/scheduler/scheduler.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const CONTROL_PLANE_MESSAGE =
  '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
  'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';

function setup() {
  const h = controllerHarness();
  const scheduler = new Scheduler(h.ctx, DEFAULT_SCHEDULER_CONFIG);
  h.ctx.informers.startAll();
  const node = (name: string, extra: { taints?: unknown[]; cpu?: string; labels?: Record<string, string> } = {}) =>
    h.create('', 'nodes', '', {
      metadata: { name, labels: extra.labels },
      spec: { taints: extra.taints },
      status: { allocatable: { cpu: extra.cpu ?? '2', memory: '4Gi', pods: '110' } },
    });
  const pod = (name: string, spec: Record<string, unknown> = {}, cpu?: string) =>
    h.create('', 'pods', 'default', {
      metadata: { name },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: cpu ? { requests: { cpu } } : {} }], ...spec },
    });
  const get = (name: string) => h.get('', 'pods', 'default', name) as KubeObject & { spec: { nodeName?: string }; status: { conditions?: Array<Record<string, unknown>> } };
  const scheduled = (name: string) => get(name).status.conditions?.find((c) => c.type === 'PodScheduled');
  const events = (reason: string) => h.list('', 'events', 'default').filter((e) => e.reason === reason) as Array<KubeObject & Record<string, any>>;
  const settle = () => h.settle([scheduler]);
  const advance = (ms: number) => h.advance([scheduler], ms);
  return { h, scheduler, node, pod, get, scheduled, events, settle, advance };
}

test('a pending pod is bound through pods/binding, marked PodScheduled=True and a Scheduled event is recorded', () => {
  const { node, pod, get, scheduled, events, settle } = setup();
  node('node-b');
  node('node-a');
  pod('web');
  settle();
  assert.equal(get('web').spec.nodeName, 'node-a', 'equal scores go to the first name');
  assert.equal(scheduled('web')?.status, 'True');
  const [event] = events('Scheduled');
  assert.equal(event.type, 'Normal');
  assert.equal(event.message, 'Successfully assigned default/web to node-a');
  assert.equal(event.source.component, 'default-scheduler');
  assert.equal(event.involvedObject.name, 'web');
});

test('with no node to fit: PodScheduled=False/Unschedulable and FailedScheduling, then bound once a node is added and the backoff passed', () => {
  const { node, pod, get, scheduled, events, settle, advance } = setup();
  node('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  pod('web');
  settle();
  assert.equal(get('web').spec.nodeName, undefined);
  const condition = scheduled('web')!;
  assert.equal(condition.status, 'False');
  assert.equal(condition.reason, 'Unschedulable');
  assert.equal(condition.message, CONTROL_PLANE_MESSAGE);
  assert.equal(condition.lastProbeTime, null);
  const [failed] = events('FailedScheduling');
  assert.equal(failed.type, 'Warning');
  assert.equal(failed.message, CONTROL_PLANE_MESSAGE);
  assert.equal(failed.source.component, 'default-scheduler');

  node('worker');
  settle();
  assert.equal(get('web').spec.nodeName, undefined, 'the 1s backoff of the first attempt has not passed');
  advance(1000);
  assert.equal(get('web').spec.nodeName, 'worker');
  assert.equal(scheduled('web')?.status, 'True');
  assert.equal(events('Scheduled')[0].message, 'Successfully assigned default/web to worker');
});

test('an empty cluster reports that no nodes are available', () => {
  const { pod, scheduled, settle } = setup();
  pod('web');
  settle();
  assert.equal(scheduled('web')?.reason, 'Unschedulable');
  assert.equal(scheduled('web')?.message, 'no nodes available to schedule pods');
});

test('an unschedulable pod causes no write loop: its own status write does not requeue it, and heartbeats do not either', () => {
  const { h, node, pod, get, events, settle, advance } = setup();
  node('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  pod('web');
  settle();
  const rv = get('web').metadata.resourceVersion;
  const nodes = h.def('', 'nodes');
  h.store.guaranteedUpdate(nodes, '', 'control-plane', (n) => ({ ...n, status: { ...(n.status as object), conditions: [{ type: 'Ready', status: 'True' }] } }), { subresource: 'status' });
  advance(4 * 60_000);
  assert.equal(get('web').metadata.resourceVersion, rv);
  assert.equal(events('FailedScheduling')[0].count, 1);
  advance(60_000);
  assert.equal(get('web').metadata.resourceVersion, rv, 'the retry after 5 minutes finds the same condition, so the pod is not written');
  assert.equal(events('FailedScheduling')[0].count, 2, 'each attempt is reported, as upstream does');
});

test('pods with a nodeName, another schedulerName, scheduling gates or a deletion in progress are left alone', () => {
  const { h, node, pod, get, scheduled, events, settle } = setup();
  node('worker');
  pod('pinned', { nodeName: 'elsewhere' });
  pod('custom', { schedulerName: 'my-scheduler' });
  pod('gated', { schedulingGates: [{ name: 'wait' }] });
  settle();
  assert.equal(get('pinned').spec.nodeName, 'elsewhere');
  assert.equal(get('custom').spec.nodeName, undefined);
  assert.equal(scheduled('custom'), undefined);
  assert.equal(get('gated').spec.nodeName, undefined);
  assert.equal(scheduled('gated')?.reason, 'SchedulingGated');
  assert.deepEqual(events('Scheduled'), []);
  assert.deepEqual(events('FailedScheduling'), []);

  h.store.guaranteedUpdate(h.def('', 'pods'), 'default', 'gated', (p) => {
    const spec = { ...(p.spec as Record<string, unknown>) };
    delete spec.schedulingGates;
    return { ...p, spec };
  });
  settle();
  assert.equal(get('gated').spec.nodeName, 'worker', 'removing the last gate releases the pod');
});

test('resources: pods fill a node, the next one waits with Insufficient cpu, and runs once a bound pod goes away', () => {
  const { h, node, pod, get, scheduled, settle, advance } = setup();
  node('worker', { cpu: '2' });
  pod('a', {}, '1');
  pod('b', {}, '1');
  settle();
  pod('c', {}, '1');
  settle();
  assert.equal(get('a').spec.nodeName, 'worker');
  assert.equal(get('b').spec.nodeName, 'worker');
  assert.equal(get('c').spec.nodeName, undefined);
  assert.equal(
    scheduled('c')?.message,
    '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  );
  h.store.guaranteedUpdate(h.def('', 'pods'), 'default', 'a', (p) => ({ ...p, status: { ...(p.status as object), phase: 'Succeeded' } }), { subresource: 'status' });
  advance(1000);
  assert.equal(get('c').spec.nodeName, 'worker', 'a finished pod holds nothing');
});

test('a DaemonSet-style pod pinned by matchFields lands on its node only', () => {
  const { node, pod, get, settle } = setup();
  node('node-a');
  node('node-b');
  pod('ds-pod', {
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-b'] }] }] } } },
    tolerations: [{ operator: 'Exists' }],
  });
  settle();
  assert.equal(get('ds-pod').spec.nodeName, 'node-b');
});

test('a failed pod is retried with growing backoff when nodes keep changing without helping', () => {
  const { h, node, pod, events, settle, advance } = setup();
  node('worker', { cpu: '1' });
  pod('big', {}, '4');
  settle();
  const nodes = h.def('', 'nodes');
  const relabel = (v: string) =>
    h.store.guaranteedUpdate(nodes, '', 'worker', (n) => ({ ...n, metadata: { ...n.metadata, labels: { touch: v } } }));
  relabel('1');
  advance(1000);
  assert.equal(events('FailedScheduling')[0].count, 2, 'retried after 1s');
  relabel('2');
  advance(1000);
  assert.equal(events('FailedScheduling')[0].count, 2, 'the second backoff is 2s');
  advance(1000);
  assert.equal(events('FailedScheduling')[0].count, 3);
});
