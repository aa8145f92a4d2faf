import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint } from '../../../../schemas/core/node.js';
import type { PodSpec } from '../../../../schemas/core/pod.js';
import { filterNode, podFacts, type FilterStatus } from '../../../../controllers/scheduler/filters.js';
import { buildNodeInfo, type SchedNode, type SchedPod } from '../../../../controllers/scheduler/node-info.js';

interface NodeOpts {
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  allocatable?: Record<string, string>;
}

function node(name: string, opts: NodeOpts = {}): SchedNode {
  return {
    metadata: { name, labels: opts.labels },
    spec: { taints: opts.taints, unschedulable: opts.unschedulable },
    status: { allocatable: opts.allocatable ?? { cpu: '2', memory: '4Gi', pods: '110' } },
  };
}

function pod(name: string, spec: PodSpec = {}, requests?: Record<string, string>): SchedPod {
  return {
    metadata: { name, namespace: 'default', uid: name },
    spec: { containers: [{ name: 'c', resources: requests ? { requests } : {} }], ...spec },
  };
}

const bound = (name: string, requests: Record<string, string>, extra: PodSpec = {}) => pod(name, { nodeName: 'n', ...extra }, requests);

const unresolvable = (reason: string): FilterStatus => ({ code: 'UnschedulableAndUnresolvable', reasons: [reason] });
const unschedulable = (...reasons: string[]): FilterStatus => ({ code: 'Unschedulable', reasons });

const cases: Array<{ name: string; pod: SchedPod; node: SchedNode; existing?: SchedPod[]; want: FilterStatus | undefined }> = [
  { name: 'a plain pod fits an empty node', pod: pod('p'), node: node('n'), want: undefined },
  { name: 'NodeUnschedulable: a cordoned node', pod: pod('p'), node: node('n', { unschedulable: true }), want: unresolvable('node(s) were unschedulable') },
  {
    name: 'NodeUnschedulable: tolerating the unschedulable taint lets the pod onto a cordoned node',
    pod: pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
    node: node('n', { unschedulable: true }),
    want: undefined,
  },
  {
    name: 'NodeUnschedulable runs before TaintToleration',
    pod: pod('p'),
    node: node('n', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
    want: unresolvable('node(s) were unschedulable'),
  },
  {
    name: 'TaintToleration: an untolerated NoSchedule taint',
    pod: pod('p'),
    node: node('n', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
    want: unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'),
  },
  {
    name: 'TaintToleration: an untolerated NoExecute taint',
    pod: pod('p'),
    node: node('n', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
    want: unresolvable('node(s) had untolerated taint {node.kubernetes.io/not-ready: }'),
  },
  { name: 'TaintToleration: PreferNoSchedule never filters', pod: pod('p'), node: node('n', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }), want: undefined },
  {
    name: 'TaintToleration: Equal with the value tolerates',
    pod: pod('p', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }),
    node: node('n', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    want: undefined,
  },
  {
    name: 'TaintToleration: an empty key with Exists tolerates every taint',
    pod: pod('p', { tolerations: [{ operator: 'Exists' }] }),
    node: node('n', { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', value: 'x', effect: 'NoExecute' }] }),
    want: undefined,
  },
  { name: 'NodeAffinity: nodeSelector mismatch', pod: pod('p', { nodeSelector: { disk: 'ssd' } }), node: node('n', { labels: { disk: 'hdd' } }), want: unresolvable("node(s) didn't match Pod's node affinity/selector") },
  {
    name: 'NodeAffinity: matchFields pins another node',
    pod: pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['other'] }] }] } } } }),
    node: node('n'),
    want: unresolvable("node(s) didn't match Pod's node affinity/selector"),
  },
  {
    name: 'TaintToleration runs before NodeAffinity',
    pod: pod('p', { nodeSelector: { disk: 'ssd' } }),
    node: node('n', { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }),
    want: unresolvable('node(s) had untolerated taint {k: v}'),
  },
  {
    name: 'NodePorts: the host port is taken',
    pod: pod('p', { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    node: node('n'),
    existing: [pod('other', { nodeName: 'n', containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }] })],
    want: unschedulable("node(s) didn't have free ports for the requested pod ports"),
  },
  {
    name: 'NodePorts: another protocol does not clash',
    pod: pod('p', { containers: [{ name: 'c', ports: [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }] }] }),
    node: node('n'),
    existing: [pod('other', { nodeName: 'n', containers: [{ name: 'c', ports: [{ containerPort: 53, hostPort: 53 }] }] })],
    want: undefined,
  },
  {
    name: 'NodePorts: two specific host IPs do not clash',
    pod: pod('p', { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }] }),
    node: node('n'),
    existing: [pod('other', { nodeName: 'n', containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.2' }] }] })],
    want: undefined,
  },
  { name: 'NodeResourcesFit: cpu request over allocatable', pod: pod('p', {}, { cpu: '3' }), node: node('n'), want: unschedulable('Insufficient cpu') },
  { name: 'NodeResourcesFit: memory over what is left', pod: pod('p', {}, { memory: '3Gi' }), node: node('n'), existing: [bound('a', { memory: '2Gi' })], want: unschedulable('Insufficient memory') },
  { name: 'NodeResourcesFit: exactly what is left fits', pod: pod('p', {}, { cpu: '1500m' }), node: node('n'), existing: [bound('a', { cpu: '500m' })], want: undefined },
  {
    name: 'NodeResourcesFit: every shortage is reported, the pod count first',
    pod: pod('p', {}, { cpu: '3', memory: '5Gi' }),
    node: node('n', { allocatable: { cpu: '2', memory: '4Gi', pods: '1' } }),
    existing: [bound('a', {})],
    want: unschedulable('Too many pods', 'Insufficient cpu', 'Insufficient memory'),
  },
  { name: 'NodeResourcesFit: a pod requesting nothing only needs a pod slot', pod: pod('p'), node: node('n', { allocatable: { cpu: '0', memory: '0', pods: '1' } }), want: undefined },
  { name: 'NodeResourcesFit: no pods allocatable at all', pod: pod('p'), node: node('n', { allocatable: { cpu: '1' } }), want: unschedulable('Too many pods') },
  { name: 'NodeResourcesFit: an extended resource the node lacks', pod: pod('p', {}, { 'example.com/dongle': '1' }), node: node('n'), want: unschedulable('Insufficient example.com/dongle') },
  {
    name: 'NodeResourcesFit: init containers need their peak, not the sum',
    pod: pod('p', { initContainers: [{ name: 'i', resources: { requests: { cpu: '2' } } }] }, { cpu: '1' }),
    node: node('n'),
    want: undefined,
  },
  { name: 'NodeResourcesFit: overhead counts', pod: pod('p', { overhead: { cpu: '250m' } }, { cpu: '2' }), node: node('n'), want: unschedulable('Insufficient cpu') },
  {
    name: 'NodeResourcesFit: the existing pods count with their init peaks and overhead',
    pod: pod('p', {}, { cpu: '1' }),
    node: node('n'),
    existing: [bound('a', { cpu: '100m' }, { initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }], overhead: { cpu: '1m' } })],
    want: unschedulable('Insufficient cpu'),
  },
];

for (const c of cases) {
  test(`filter: ${c.name}`, () => {
    assert.deepEqual(filterNode(podFacts(c.pod), buildNodeInfo(c.node, c.existing ?? [])), c.want);
  });
}
