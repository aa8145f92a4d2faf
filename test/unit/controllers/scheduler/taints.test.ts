import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Toleration } from '../../../../schemas/core/affinity.js';
import type { Taint } from '../../../../schemas/core/node.js';
import {
  countIntolerablePreferNoSchedule,
  findUntoleratedTaint,
  toleratesTaint,
  untoleratedTaintReason,
} from '../../../../controllers/scheduler/taints.js';

const noSchedule: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

const toleratesCases: Array<{ name: string; toleration: Toleration; taint: Taint; want: boolean }> = [
  { name: 'Equal with the same key, value and effect', toleration: { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, taint: noSchedule, want: true },
  { name: 'an empty operator means Equal', toleration: { key: 'dedicated', value: 'gpu' }, taint: noSchedule, want: true },
  { name: 'Equal with another value', toleration: { key: 'dedicated', operator: 'Equal', value: 'cpu' }, taint: noSchedule, want: false },
  { name: 'Equal without a value does not match a taint with one', toleration: { key: 'dedicated', operator: 'Equal' }, taint: noSchedule, want: false },
  { name: 'Exists ignores the value', toleration: { key: 'dedicated', operator: 'Exists' }, taint: noSchedule, want: true },
  { name: 'Exists with another key', toleration: { key: 'other', operator: 'Exists' }, taint: noSchedule, want: false },
  { name: 'an empty key with Exists tolerates everything', toleration: { operator: 'Exists' }, taint: noSchedule, want: true },
  { name: 'an empty effect matches every effect', toleration: { key: 'dedicated', operator: 'Exists' }, taint: { ...noSchedule, effect: 'NoExecute' }, want: true },
  { name: 'another effect does not match', toleration: { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, taint: noSchedule, want: false },
  { name: 'an unknown operator tolerates nothing', toleration: { key: 'dedicated', operator: 'Gt', value: 'gpu' }, taint: noSchedule, want: false },
  { name: 'Equal with empty values on both sides', toleration: { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }, taint: { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, want: true },
];

for (const c of toleratesCases) {
  test(`Toleration.ToleratesTaint: ${c.name}`, () => {
    assert.equal(toleratesTaint(c.toleration, c.taint), c.want);
  });
}

test('FindMatchingUntoleratedTaint returns the first NoSchedule/NoExecute taint nobody tolerates, skipping PreferNoSchedule', () => {
  const taints: Taint[] = [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'a', value: '1', effect: 'NoSchedule' },
    { key: 'b', effect: 'NoExecute' },
  ];
  assert.deepEqual(findUntoleratedTaint(taints, []), taints[1]);
  assert.deepEqual(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }]), taints[2]);
  assert.equal(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }]), undefined);
  assert.equal(findUntoleratedTaint(undefined, undefined), undefined);
  assert.deepEqual(findUntoleratedTaint(taints, [], ['NoExecute']), taints[2], 'the caller chooses the effects');
});

test('the TaintToleration reason prints the key and value the way Go formats {%s: %s}', () => {
  assert.equal(untoleratedTaintReason({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }), 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  assert.equal(untoleratedTaintReason(noSchedule), 'node(s) had untolerated taint {dedicated: gpu}');
});

test('TaintToleration scoring counts untolerated PreferNoSchedule taints, using only tolerations for that effect or any', () => {
  const taints: Taint[] = [
    { key: 'x', effect: 'PreferNoSchedule' },
    { key: 'y', effect: 'PreferNoSchedule' },
    { key: 'z', effect: 'NoSchedule' },
  ];
  assert.equal(countIntolerablePreferNoSchedule(taints, []), 2);
  assert.equal(countIntolerablePreferNoSchedule(taints, [{ key: 'x', operator: 'Exists', effect: 'PreferNoSchedule' }]), 1);
  assert.equal(countIntolerablePreferNoSchedule(taints, [{ key: 'x', operator: 'Exists', effect: 'NoSchedule' }]), 2);
  assert.equal(countIntolerablePreferNoSchedule(taints, [{ operator: 'Exists' }]), 0);
});
