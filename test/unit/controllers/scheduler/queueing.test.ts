import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SchedNode, SchedPod } from '../../../../controllers/scheduler/node-info.js';
import { unschedulableStatus } from '../../../../controllers/scheduler/pod-condition.js';
import {
  needsScheduling,
  nodeSchedulingPropertiesChanged,
  podBackoffMs,
  podSchedulingPropertiesChanged,
} from '../../../../controllers/scheduler/queueing.js';

const pending: SchedPod = { metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: { schedulerName: 'default-scheduler', containers: [] }, status: { phase: 'Pending' } };

const needsCases: Array<{ name: string; pod: SchedPod; want: boolean }> = [
  { name: 'an unbound pending pod of the default scheduler', pod: pending, want: true },
  { name: 'an empty schedulerName means the default scheduler', pod: { ...pending, spec: { containers: [] } }, want: true },
  { name: 'a pod already bound', pod: { ...pending, spec: { ...pending.spec, nodeName: 'n' } }, want: false },
  { name: 'a pod for another scheduler', pod: { ...pending, spec: { ...pending.spec, schedulerName: 'my-scheduler' } }, want: false },
  { name: 'a pod being deleted', pod: { ...pending, metadata: { ...pending.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }, want: false },
  { name: 'a failed pod', pod: { ...pending, status: { phase: 'Failed' } }, want: false },
  { name: 'a succeeded pod', pod: { ...pending, status: { phase: 'Succeeded' } }, want: false },
  { name: 'a pod with scheduling gates', pod: { ...pending, spec: { ...pending.spec, schedulingGates: [{ name: 'wait' }] } }, want: false },
];

for (const c of needsCases) {
  test(`needsScheduling: ${c.name}`, () => {
    assert.equal(needsScheduling(c.pod, 'default-scheduler'), c.want);
  });
}

test('backoff starts at the initial value, doubles per attempt and stops at the maximum', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 20].map((n) => podBackoffMs(n, 1000, 10_000)), [1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
});

test('status and bookkeeping changes of a pending pod do not make it worth another try', () => {
  const withStatus: SchedPod = { ...pending, metadata: { ...pending.metadata, resourceVersion: '9', managedFields: [] }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] } };
  assert.equal(podSchedulingPropertiesChanged(pending, withStatus), false);
  assert.equal(podSchedulingPropertiesChanged(pending, { ...pending, spec: { ...pending.spec, tolerations: [{ operator: 'Exists' }] } }), true);
  assert.equal(podSchedulingPropertiesChanged(pending, { ...pending, metadata: { ...pending.metadata, labels: { a: 'b' } } }), true);
});

test('only node changes a filter cares about wake unschedulable pods', () => {
  const node: SchedNode = {
    metadata: { name: 'n', labels: { a: 'b' }, resourceVersion: '1' },
    spec: {},
    status: { allocatable: { cpu: '1' }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:00Z' }] },
  };
  const heartbeat: SchedNode = { ...node, metadata: { ...node.metadata, resourceVersion: '2' }, status: { ...node.status, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:10Z' }] } };
  assert.equal(nodeSchedulingPropertiesChanged(node, heartbeat), false);
  assert.equal(nodeSchedulingPropertiesChanged(node, { ...node, spec: { unschedulable: true } }), true);
  assert.equal(nodeSchedulingPropertiesChanged(node, { ...node, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } }), true);
  assert.equal(nodeSchedulingPropertiesChanged(node, { ...node, metadata: { ...node.metadata, labels: {} } }), true);
  assert.equal(nodeSchedulingPropertiesChanged(node, { ...node, status: { allocatable: { cpu: '2' } } }), true);
});

test('UpdatePodCondition: a new Unschedulable condition, then no write while nothing changes', () => {
  const now = Date.UTC(2026, 0, 1);
  const first = unschedulableStatus({ phase: 'Pending' }, 'msg', now)!;
  assert.deepEqual(first.conditions, [
    { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message: 'msg' },
  ]);
  assert.equal(unschedulableStatus(first, 'msg', now + 60_000), undefined);
  const second = unschedulableStatus(first, 'other', now + 60_000)!;
  assert.equal(second.conditions![0].message, 'other');
  assert.equal(second.conditions![0].lastTransitionTime, '2026-01-01T00:00:00Z', 'the status did not flip, so the transition time stays');
});

test('UpdatePodCondition: a gated pod keeps its transition time, and a stale nomination is cleared', () => {
  const gated = {
    phase: 'Pending',
    nominatedNodeName: 'n1',
    conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-12-31T00:00:00Z', reason: 'SchedulingGated', message: 'gated' }],
  };
  const next = unschedulableStatus(gated, 'msg', Date.UTC(2026, 0, 1))!;
  assert.equal(next.conditions![0].reason, 'Unschedulable');
  assert.equal(next.conditions![0].lastTransitionTime, '2025-12-31T00:00:00Z');
  assert.equal(next.nominatedNodeName, undefined);
});
