import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disruptionTarget, markPodNotReady, updatePodCondition } from '../../../../controllers/node-lifecycle/pod-conditions.js';

const T0 = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

test('UpdatePodCondition: new conditions and status changes get a transition time, repeats change nothing', () => {
  const status: { conditions?: any[] } = {};
  const condition = disruptionTarget('DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
  assert.ok(updatePodCondition(status, condition, T0 + 5000));
  assert.deepEqual(status.conditions, [
    {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: at(5),
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    },
  ]);
  assert.ok(!updatePodCondition(status, condition, T0 + 9000), 'same condition again: no change');
  assert.equal(status.conditions![0].lastTransitionTime, at(5));
});

test('MarkPodsNotReady: Ready turns False keeping its reason; pods without Ready are left alone', () => {
  const status = { conditions: [{ type: 'Ready', status: 'True', reason: 'R', lastProbeTime: null, lastTransitionTime: at(0) }] };
  assert.ok(markPodNotReady(status, T0 + 60_000));
  assert.deepEqual(status.conditions[0], { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: at(60), reason: 'R' });
  assert.ok(!markPodNotReady(status, T0 + 70_000), 'already not ready');
  assert.ok(!markPodNotReady({ phase: 'Pending' } as any, T0));
});
