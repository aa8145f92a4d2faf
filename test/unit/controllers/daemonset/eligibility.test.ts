import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeShouldRunDaemonPod } from '../../../../controllers/daemonset/eligibility.js';
import type { DaemonSet, NodeObject } from '../../../../controllers/daemonset/types.js';

function ds(podSpec: Record<string, unknown> = {}): DaemonSet {
  return {
    metadata: { name: 'ds', namespace: 'default' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }], ...podSpec } } },
  } as DaemonSet;
}

function node(name: string, extra: { labels?: Record<string, string>; spec?: Record<string, unknown>; status?: Record<string, unknown> } = {}): NodeObject {
  return { metadata: { name, labels: extra.labels ?? {} }, spec: extra.spec ?? {}, status: extra.status ?? {} } as NodeObject;
}

const taint = (key: string, effect: string, value?: string) => ({ key, effect, ...(value ? { value } : {}) });

const cases: Array<{ name: string; node: NodeObject; ds: DaemonSet; want: [boolean, boolean] }> = [
  { name: 'TestOneNodeDaemonLaunchesPod: a plain node runs the daemon', node: node('n'), ds: ds(), want: [true, true] },
  {
    name: 'TestNotReadyNodeDaemonDoesLaunchPod: readiness is not looked at',
    node: node('n', { status: { conditions: [{ type: 'Ready', status: 'False' }] } }),
    ds: ds(),
    want: [true, true],
  },
  {
    name: 'TestNetworkUnavailableNodeDaemonLaunchesPod: a NetworkUnavailable condition alone changes nothing',
    node: node('n', { status: { conditions: [{ type: 'NetworkUnavailable', status: 'True' }] } }),
    ds: ds(),
    want: [true, true],
  },
  {
    name: 'TestInsufficientCapacityNodeDaemonDoesNotUnscheduleRunningPod: resources are the scheduler’s business',
    node: node('n', { status: { allocatable: { cpu: '1m', memory: '1Ki', pods: '0' } } }),
    ds: ds({ containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '100', memory: '100Gi' } } }] }),
    want: [true, true],
  },
  {
    name: 'TestPortConflictNodeDaemonDoesNotLaunchPod is gone upstream: host ports are ignored',
    node: node('n'),
    ds: ds({ containers: [{ name: 'c', image: 'i', ports: [{ hostPort: 666, containerPort: 666 }] }] }),
    want: [true, true],
  },
  { name: 'TestNodeShouldRunDaemonPod: an unschedulable node still runs daemons (tolerated by default)', node: node('n', { spec: { unschedulable: true, taints: [taint('node.kubernetes.io/unschedulable', 'NoSchedule')] } }), ds: ds(), want: [true, true] },
  { name: 'TestNameDaemonSetLaunchesPods: template nodeName picks the node', node: node('n'), ds: ds({ nodeName: 'n' }), want: [true, true] },
  { name: 'TestBadNameDaemonSetDoesNothing: template nodeName elsewhere → false/false', node: node('n'), ds: ds({ nodeName: 'other' }), want: [false, false] },
  { name: 'TestSelectorDaemonLaunchesPods: nodeSelector matches', node: node('n', { labels: { disk: 'ssd' } }), ds: ds({ nodeSelector: { disk: 'ssd' } }), want: [true, true] },
  { name: 'TestBadSelectorDaemonDoesNothing: nodeSelector mismatch → false/false', node: node('n', { labels: { disk: 'hdd' } }), ds: ds({ nodeSelector: { disk: 'ssd' } }), want: [false, false] },
  {
    name: 'TestInconsistentNameSelectorDaemonSetDoesNothing: nodeName and nodeSelector must both hold',
    node: node('n', { labels: { disk: 'hdd' } }),
    ds: ds({ nodeName: 'n', nodeSelector: { disk: 'ssd' } }),
    want: [false, false],
  },
  {
    name: 'TestNodeAffinityDaemonLaunchesPods: required affinity matches',
    node: node('n', { labels: { zone: 'a' } }),
    ds: ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } } }),
    want: [true, true],
  },
  {
    name: 'TestNodeAffinityDaemonLaunchesPods: required affinity mismatch → false/false',
    node: node('n', { labels: { zone: 'c' } }),
    ds: ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } }),
    want: [false, false],
  },
  {
    name: 'required affinity by matchFields metadata.name',
    node: node('n'),
    ds: ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['m'] }] }] } } } }),
    want: [false, false],
  },
  { name: 'TestTaintedNodeDaemonDoesNotLaunchIntolerantPod: untolerated NoSchedule → false/true', node: node('n', { spec: { taints: [taint('dedicated', 'NoSchedule', 'x')] } }), ds: ds(), want: [false, true] },
  {
    name: 'TestTaintedNodeDaemonLaunchesToleratePod: a toleration lets it run',
    node: node('n', { spec: { taints: [taint('dedicated', 'NoSchedule', 'x')] } }),
    ds: ds({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoSchedule' }] }),
    want: [true, true],
  },
  { name: 'TestNoExecuteTaintedDoesEvicitRunningIntolerantPod: untolerated NoExecute → false/false', node: node('n', { spec: { taints: [taint('dedicated', 'NoExecute')] } }), ds: ds(), want: [false, false] },
  { name: 'PreferNoSchedule taints are ignored', node: node('n', { spec: { taints: [taint('dedicated', 'PreferNoSchedule')] } }), ds: ds(), want: [true, true] },
  { name: 'TestNotReadyNodeDaemonLaunchesPod: not-ready:NoExecute is tolerated by default', node: node('n', { spec: { taints: [taint('node.kubernetes.io/not-ready', 'NoExecute')] } }), ds: ds(), want: [true, true] },
  { name: 'TestUnreachableNodeDaemonLaunchesPod: unreachable:NoExecute is tolerated by default', node: node('n', { spec: { taints: [taint('node.kubernetes.io/unreachable', 'NoExecute')] } }), ds: ds(), want: [true, true] },
  {
    name: 'a NotReady node tainted not-ready:NoSchedule keeps its pod (misscheduled) but gets no new one',
    node: node('n', { spec: { taints: [taint('node.kubernetes.io/not-ready', 'NoSchedule')] } }),
    ds: ds(),
    want: [false, true],
  },
  {
    name: 'TestTaintPressureNodeDaemonLaunchesPod: memory/disk/PID pressure are tolerated by default',
    node: node('n', { spec: { taints: ['memory-pressure', 'disk-pressure', 'pid-pressure'].map((k) => taint(`node.kubernetes.io/${k}`, 'NoSchedule')) } }),
    ds: ds(),
    want: [true, true],
  },
  { name: 'network-unavailable is not tolerated by a pod network pod', node: node('n', { spec: { taints: [taint('node.kubernetes.io/network-unavailable', 'NoSchedule')] } }), ds: ds(), want: [false, true] },
  { name: 'network-unavailable is tolerated by a hostNetwork pod', node: node('n', { spec: { taints: [taint('node.kubernetes.io/network-unavailable', 'NoSchedule')] } }), ds: ds({ hostNetwork: true }), want: [true, true] },
];

for (const c of cases) {
  test(`nodeShouldRunDaemonPod: ${c.name}`, () => {
    const got = nodeShouldRunDaemonPod(c.node, c.ds);
    assert.deepEqual([got.shouldRun, got.shouldContinueRunning], c.want);
  });
}
