import assert from 'node:assert/strict';
import { test } from 'node:test';
import { healthyNodeConditions, HEALTHY_NODE_CONDITIONS } from '../../../../controllers/kubelet/node-conditions.js';
import { missingDefaultLabels, nextStatusReport, nodeStatusUpdate, type NodeFacts } from '../../../../controllers/kubelet/node-status.js';
import type { KubeObject } from '../../../../schemas/meta.js';

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-01-01T00:05:00Z';
const facts: NodeFacts = { internalIP: '172.18.0.2', kubeletVersion: 'v1.32.4', capacity: { cpu: '4', memory: '8Gi', pods: '110' } };

function node(status: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: 'u1', labels }, status };
}

test('setters: a new node gets MemoryPressure, DiskPressure, PIDPressure, Ready in upstream order, one event each', () => {
  const { conditions, changed, events } = healthyNodeConditions(undefined, T0);
  assert.equal(changed, true);
  assert.deepEqual(
    conditions.map((c) => [c.type, c.status, c.reason, c.message]),
    [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ],
  );
  assert.ok(conditions.every((c) => c.lastHeartbeatTime === T0 && c.lastTransitionTime === T0));
  assert.deepEqual(events, ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
  assert.equal(conditions.some((c) => c.type === 'NetworkUnavailable'), false, 'the kubelet never sets NetworkUnavailable');
});

test('setters: cases', async (t) => {
  const healthy = healthyNodeConditions(undefined, T0).conditions;
  const cases: Array<{ name: string; before: typeof healthy; changed: boolean; events: string[]; check: (c: typeof healthy) => void }> = [
    {
      name: 'an unchanged condition only gets a new heartbeat; its transition time stays',
      before: healthy,
      changed: false,
      events: [],
      check: (c) => assert.ok(c.every((x) => x.lastHeartbeatTime === T1 && x.lastTransitionTime === T0)),
    },
    {
      name: 'Ready=Unknown left by the node lifecycle controller flips back to True with a new transition and NodeReady',
      before: healthy.map((c) => (c.type === 'Ready' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' } : c)),
      changed: true,
      events: ['NodeReady'],
      check: (c) => {
        const ready = c.find((x) => x.type === 'Ready')!;
        assert.deepEqual([ready.status, ready.reason, ready.lastTransitionTime], ['True', 'KubeletReady', T1]);
      },
    },
    {
      name: 'conditions other owners set (NetworkUnavailable from the route controller) are kept in place',
      before: [{ type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated', lastTransitionTime: T0 }, ...healthy],
      changed: false,
      events: [],
      check: (c) => assert.deepEqual(c[0], { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated', lastTransitionTime: T0 }),
    },
    {
      name: 'a reworded message is corrected without moving the transition time',
      before: healthy.map((c) => (c.type === 'DiskPressure' ? { ...c, message: 'other' } : c)),
      changed: true,
      events: [],
      check: (c) => assert.equal(c.find((x) => x.type === 'DiskPressure')!.lastTransitionTime, T0),
    },
  ];
  for (const tc of cases) {
    await t.test(tc.name, () => {
      const out = healthyNodeConditions(tc.before, T1);
      assert.equal(out.changed, tc.changed);
      assert.deepEqual(out.events, tc.events);
      tc.check(out.conditions);
    });
  }
});

test('a fresh node is given addresses, capacity, allocatable, nodeInfo and the kubelet port', () => {
  const update = nodeStatusUpdate(node(), facts, Date.parse(T0), 300_000)!;
  const s = update.status;
  assert.deepEqual(s.addresses, [
    { type: 'InternalIP', address: '172.18.0.2' },
    { type: 'Hostname', address: 'node-1' },
  ]);
  assert.deepEqual(s.capacity, facts.capacity);
  assert.deepEqual(s.allocatable, facts.capacity);
  assert.equal(s.daemonEndpoints?.kubeletEndpoint?.Port, 10250);
  assert.equal(s.nodeInfo?.kubeletVersion, 'v1.32.4');
  assert.equal(s.nodeInfo?.kubeProxyVersion, 'v1.32.4', 'DisableNodeKubeProxyVersion is off by default in 1.32');
  assert.equal(s.nodeInfo?.containerRuntimeVersion, 'containerd://1.7.24');
  assert.deepEqual([s.nodeInfo?.operatingSystem, s.nodeInfo?.architecture], ['linux', 'amd64']);
  assert.match(s.nodeInfo!.machineID!, /^[0-9a-f]{32}$/);
  assert.match(s.nodeInfo!.systemUUID!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.deepEqual(update.events.length, HEALTHY_NODE_CONDITIONS.length);
});

test('what the node already reports wins: capacity per resource, addresses by type, nodeInfo per field', () => {
  const given = node(
    {
      capacity: { cpu: '64' },
      allocatable: { cpu: '63' },
      addresses: [{ type: 'InternalIP', address: '192.168.1.5' }],
      nodeInfo: { osImage: 'Ubuntu 24.04' },
    },
    { 'kubernetes.io/arch': 'arm64' },
  );
  const s = nodeStatusUpdate(given, facts, Date.parse(T0), 300_000)!.status;
  assert.deepEqual(s.capacity, { cpu: '64', memory: '8Gi', pods: '110' });
  assert.deepEqual(s.allocatable, { cpu: '63', memory: '8Gi', pods: '110' });
  assert.deepEqual(s.addresses, [
    { type: 'InternalIP', address: '192.168.1.5' },
    { type: 'Hostname', address: 'node-1' },
  ]);
  assert.equal(s.nodeInfo?.osImage, 'Ubuntu 24.04');
  assert.equal(s.nodeInfo?.architecture, 'arm64', 'the architecture follows the node label');
});

test('nodeStatusReportFrequency: an unchanged status is posted only once the report interval has run out', () => {
  const first = nodeStatusUpdate(node(), facts, Date.parse(T0), 300_000)!;
  const posted = node(first.status);
  assert.equal(nodeStatusUpdate(posted, facts, Date.parse(T0) + 299_000, 300_000), undefined);
  const again = nodeStatusUpdate(posted, facts, Date.parse(T1), 300_000)!;
  assert.ok(again.status.conditions!.every((c) => c.lastHeartbeatTime === T1));
  assert.deepEqual(again.events, []);
  assert.equal(nextStatusReport(posted, 300_000), Date.parse(T1));
});

test('updateDefaultLabels: hostname, os and arch labels (stable and beta) are added when missing, never overwritten', () => {
  assert.deepEqual(missingDefaultLabels(node()), {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': 'node-1',
    'kubernetes.io/os': 'linux',
  });
  assert.deepEqual(missingDefaultLabels(node({}, { 'kubernetes.io/arch': 'arm64', 'kubernetes.io/hostname': 'custom' })), {
    'beta.kubernetes.io/arch': 'arm64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/os': 'linux',
  });
  const complete = { ...missingDefaultLabels(node())! };
  assert.equal(missingDefaultLabels(node({}, complete)), undefined);
});
