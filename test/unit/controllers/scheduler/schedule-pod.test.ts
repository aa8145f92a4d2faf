import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint } from '../../../../schemas/core/node.js';
import type { PodSpec } from '../../../../schemas/core/pod.js';
import { fitErrorMessage, truncateEventMessage } from '../../../../controllers/scheduler/fit-error.js';
import { buildNodeInfo, type NodeInfo, type SchedPod } from '../../../../controllers/scheduler/node-info.js';
import { schedulePod } from '../../../../controllers/scheduler/schedule-pod.js';

const CONTROL_PLANE: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function pod(name: string, requests?: Record<string, string>, spec: PodSpec = {}): SchedPod {
  return { metadata: { name, namespace: 'default', uid: name }, spec: { containers: [{ name: 'c', resources: requests ? { requests } : {} }], ...spec } };
}

function info(name: string, opts: { taints?: Taint[]; labels?: Record<string, string>; unschedulable?: boolean; cpu?: string } = {}, pods: SchedPod[] = []): NodeInfo {
  return buildNodeInfo(
    {
      metadata: { name, labels: opts.labels },
      spec: { taints: opts.taints, unschedulable: opts.unschedulable },
      status: { allocatable: { cpu: opts.cpu ?? '2', memory: '4Gi', pods: '110' } },
    },
    pods,
  );
}

const pinnedTo = (...names: string[]): PodSpec => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: names.map((n) => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values: [n] }] })) } } },
});

const failureCases: Array<{ name: string; pod: SchedPod; nodes: NodeInfo[]; want: string }> = [
  {
    name: 'no nodes at all fails before any plugin, without a preemption part',
    pod: pod('p'),
    nodes: [],
    want: 'no nodes available to schedule pods',
  },
  {
    name: 'reasons are counted per node and sorted as strings; unresolvable nodes are not helped by preemption',
    pod: pod('p', { cpu: '3' }),
    nodes: [info('cp', { taints: [CONTROL_PLANE] }), info('w1'), info('w2')],
    want:
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  },
  {
    name: 'only unresolvable reasons',
    pod: pod('p', undefined, { nodeSelector: { disk: 'ssd' } }),
    nodes: [info('a'), info('b', { unschedulable: true }), info('c', { labels: { disk: 'hdd' } })],
    want:
      "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. " +
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  },
  {
    name: 'a node short of several resources counts once per reason',
    pod: pod('p', { cpu: '3', memory: '5Gi' }),
    nodes: [info('a'), info('b', { cpu: '4' })],
    want:
      '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. ' +
      'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
  },
  {
    name: 'histogram order is lexicographic, so 10 sorts before 2',
    pod: pod('p', undefined, { nodeSelector: { x: 'y' } }),
    nodes: [...Array.from({ length: 10 }, (_, i) => info(`w${i}`)), info('cp1', { taints: [CONTROL_PLANE] }), info('cp2', { taints: [CONTROL_PLANE] })],
    want:
      "0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
      'preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.',
  },
  {
    name: 'a DaemonSet pod pinned to a tainted node: the other nodes were skipped by PreFilter',
    pod: pod('p', undefined, pinnedTo('cp')),
    nodes: [info('cp', { taints: [CONTROL_PLANE] }), info('w1'), info('w2')],
    want:
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  },
  {
    name: 'a pod pinned to a node that does not exist',
    pod: pod('p', undefined, pinnedTo('gone')),
    nodes: [info('w1'), info('w2')],
    want: "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'pins that cannot all hold fail in PreFilter',
    pod: pod('p', undefined, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } }),
    nodes: [info('a'), info('b')],
    want: '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
  },
  {
    name: 'preemptionPolicy Never',
    pod: pod('p', { cpu: '3' }, { preemptionPolicy: 'Never' }),
    nodes: [info('a')],
    want: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
  },
  {
    name: 'evicting every lower-priority pod would still not make room',
    pod: pod('p', { cpu: '3' }, { priority: 100 }),
    nodes: [info('a', {}, [pod('low', { cpu: '1' }, { nodeName: 'a' })])],
    want: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.',
  },
  {
    name: 'preemption would find victims: upstream evicts them and reports no preemption part',
    pod: pod('p', { cpu: '2' }, { priority: 100 }),
    nodes: [info('a', {}, [pod('low', { cpu: '1' }, { nodeName: 'a' })])],
    want: '0/1 nodes are available: 1 Insufficient cpu.',
  },
  {
    name: 'pods of equal priority are no victims',
    pod: pod('p', { cpu: '2' }, { priority: 100 }),
    nodes: [info('a', {}, [pod('peer', { cpu: '1' }, { nodeName: 'a', priority: 100 })])],
    want: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  },
  {
    name: 'a host port clash is resolvable by preemption',
    pod: pod('p', undefined, { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }] }] }),
    nodes: [info('a', {}, [pod('web', undefined, { nodeName: 'a', containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }] }] })])],
    want:
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. " +
      'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  },
];

for (const c of failureCases) {
  test(`failure message: ${c.name}`, () => {
    assert.deepEqual(schedulePod(c.pod, c.nodes), { failure: c.want });
  });
}

test('a DaemonSet pod pinned to a node goes there even when others score better', () => {
  const busy = info('b-busy', {}, [pod('x', { cpu: '1500m' }, { nodeName: 'b-busy' })]);
  assert.deepEqual(schedulePod(pod('p', undefined, pinnedTo('b-busy')), [info('a-idle'), busy]), { node: 'b-busy' });
});

test('the feasible node with the best score is chosen', () => {
  const nodes = [info('a', { taints: [CONTROL_PLANE] }), info('b', {}, [pod('x', { cpu: '1' }, { nodeName: 'b' })]), info('c')];
  assert.deepEqual(schedulePod(pod('p', { cpu: '500m' }), nodes), { node: 'c' });
});

test('FitError joins the PreFilter message or the histogram, then the PostFilter message', () => {
  assert.equal(fitErrorMessage({ numAllNodes: 2, nodeStatuses: new Map() }), '0/2 nodes are available:');
  assert.equal(
    fitErrorMessage({ numAllNodes: 3, preFilterMsg: 'pod has unbound immediate PersistentVolumeClaims', nodeStatuses: new Map() }, 'preemption: x.'),
    '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: x.',
  );
});

test('event notes are cut at 1024 bytes and end in " ..."', () => {
  const long = 'x'.repeat(2000);
  const cut = truncateEventMessage(long);
  assert.equal(cut.length, 1024);
  assert.ok(cut.endsWith('x ...'));
  assert.equal(truncateEventMessage('short'), 'short');
});
