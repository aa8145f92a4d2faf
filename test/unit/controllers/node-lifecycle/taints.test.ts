import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addOrUpdateTaints,
  managedNoScheduleTaints,
  removeTaints,
  taintSetDiff,
  wantedNoScheduleTaints,
} from '../../../../controllers/node-lifecycle/taints.js';

const names = (taints: Array<{ key?: string; effect?: string }>) => taints.map((t) => `${t.key}:${t.effect}`);

test('doNoScheduleTaintingPass: each condition status maps to its NoSchedule taint', () => {
  const cases: Array<[string, Array<[string, string]>, boolean, string[]]> = [
    ['healthy node has none', [['Ready', 'True'], ['MemoryPressure', 'False'], ['NetworkUnavailable', 'False']], false, []],
    ['Ready=False is not-ready', [['Ready', 'False']], false, ['node.kubernetes.io/not-ready:NoSchedule']],
    ['Ready=Unknown is unreachable', [['Ready', 'Unknown']], false, ['node.kubernetes.io/unreachable:NoSchedule']],
    ['MemoryPressure=True', [['MemoryPressure', 'True']], false, ['node.kubernetes.io/memory-pressure:NoSchedule']],
    ['DiskPressure=True', [['DiskPressure', 'True']], false, ['node.kubernetes.io/disk-pressure:NoSchedule']],
    ['PIDPressure=True', [['PIDPressure', 'True']], false, ['node.kubernetes.io/pid-pressure:NoSchedule']],
    ['NetworkUnavailable=True', [['NetworkUnavailable', 'True']], false, ['node.kubernetes.io/network-unavailable:NoSchedule']],
    ['a pressure condition that is Unknown taints nothing', [['MemoryPressure', 'Unknown']], false, []],
    ['spec.unschedulable', [['Ready', 'True']], true, ['node.kubernetes.io/unschedulable:NoSchedule']],
    [
      'several at once, in condition order',
      [['Ready', 'False'], ['DiskPressure', 'True']],
      true,
      ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule'],
    ],
  ];
  for (const [name, conditions, unschedulable, want] of cases) {
    const got = wantedNoScheduleTaints(conditions.map(([type, status]) => ({ type, status })), unschedulable);
    assert.deepEqual(names(got), want, name);
  }
});

test('only the controller-owned NoSchedule taints are compared; foreign and NoExecute taints are left alone', () => {
  const present = [
    { key: 'example.com/dedicated', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
  ];
  const managed = managedNoScheduleTaints(present);
  assert.deepEqual(names(managed), ['node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule']);
  const { add, remove } = taintSetDiff([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], managed);
  assert.deepEqual(names(add), ['node.kubernetes.io/not-ready:NoSchedule']);
  assert.deepEqual(names(remove), ['node.kubernetes.io/memory-pressure:NoSchedule']);
});

test('AddOrUpdateTaint replaces a taint with the same key and effect in place, appends a new one', () => {
  const before = [
    { key: 'a', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' },
    { key: 'b', effect: 'NoSchedule' },
  ];
  const same = addOrUpdateTaints(before, [{ key: 'a', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' }]);
  assert.deepEqual(same, before, 'an identical taint changes nothing');
  const restamped = addOrUpdateTaints(before, [{ key: 'a', effect: 'NoExecute', timeAdded: '2026-01-01T00:01:00Z' }]);
  assert.equal(restamped[0].timeAdded, '2026-01-01T00:01:00Z');
  assert.equal(restamped.length, 2);
  const appended = addOrUpdateTaints(before, [{ key: 'a', effect: 'NoSchedule' }]);
  assert.deepEqual(names(appended), ['a:NoExecute', 'b:NoSchedule', 'a:NoSchedule']);
  assert.deepEqual(names(removeTaints(appended, [{ key: 'a', effect: 'NoExecute' }])), ['b:NoSchedule', 'a:NoSchedule']);
});
