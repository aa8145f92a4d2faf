import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeInSameCondition, shouldIgnoreNodeUpdate } from '../../../../controllers/daemonset/node-updates.js';
import type { NodeObject } from '../../../../controllers/daemonset/types.js';

const base = (): NodeObject => ({
  metadata: { name: 'n', resourceVersion: '1', labels: { a: 'b' } },
  spec: {},
  status: {
    allocatable: { cpu: '4' },
    conditions: [
      { type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:00Z' },
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2026-01-01T00:00:00Z' },
    ],
  },
}) as NodeObject;

function changed(fn: (n: NodeObject) => void): NodeObject {
  const n = base();
  fn(n);
  return n;
}

const cases: Array<{ name: string; cur: NodeObject; ignore: boolean }> = [
  { name: 'TestShouldIgnoreNodeUpdate: an unchanged node', cur: base(), ignore: true },
  {
    name: 'a heartbeat: new resourceVersion and heartbeat times, the same True conditions',
    cur: changed((n) => {
      n.metadata.resourceVersion = '2';
      n.status!.conditions = n.status!.conditions!.map((c) => ({ ...c, lastHeartbeatTime: '2026-01-01T00:00:10Z' }));
    }),
    ignore: true,
  },
  { name: 'a condition turning True', cur: changed((n) => (n.status!.conditions![1].status = 'True')), ignore: false },
  { name: 'Ready turning Unknown', cur: changed((n) => (n.status!.conditions![0].status = 'Unknown')), ignore: false },
  { name: 'TestUpdateNode: a label change', cur: changed((n) => (n.metadata.labels = { a: 'c' })), ignore: false },
  { name: 'a taint change', cur: changed((n) => (n.spec!.taints = [{ key: 'k', effect: 'NoSchedule' }])), ignore: false },
  { name: 'an allocatable change is not ignored (but enqueues only if an answer changes)', cur: changed((n) => (n.status!.allocatable = { cpu: '8' })), ignore: false },
];

for (const c of cases) {
  test(`shouldIgnoreNodeUpdate: ${c.name}`, () => {
    assert.equal(shouldIgnoreNodeUpdate(base(), c.cur), c.ignore);
  });
}

test('nodeInSameCondition: compares only which condition types are True', () => {
  assert.equal(nodeInSameCondition(undefined, []), true);
  assert.equal(nodeInSameCondition([{ type: 'Ready', status: 'True' }], [{ type: 'Ready', status: 'True', reason: 'x' }]), true);
  assert.equal(nodeInSameCondition([{ type: 'Ready', status: 'True' }], [{ type: 'Ready', status: 'False' }]), false);
  assert.equal(nodeInSameCondition([{ type: 'A', status: 'False' }], [{ type: 'B', status: 'False' }]), true);
});
