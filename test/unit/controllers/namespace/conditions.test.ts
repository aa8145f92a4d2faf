import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failingConditions, mergeConditions, type ContentTotals, type NamespaceCondition } from '../../../../controllers/namespace/conditions.js';

const totals = (t: Partial<ContentTotals>): ContentTotals => ({
  remainingByResource: new Map(),
  remainingByFinalizer: new Map(),
  contentErrors: [],
  ...t,
});

test('ProcessContentTotals / makeDeleteContentCondition: failing conditions with upstream reasons and sorted messages', () => {
  const cases: Array<{ name: string; totals: ContentTotals; want: NamespaceCondition[] }> = [
    { name: 'all content gone: nothing fails', totals: totals({}), want: [] },
    {
      name: 'resources remaining, core group printed with a bare dot',
      totals: totals({ remainingByResource: new Map([['pods.', 2], ['daemonsets.apps', 1]]) }),
      want: [{
        type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain',
        message: 'Some resources are remaining: daemonsets.apps has 1 resource instances, pods. has 2 resource instances',
      }],
    },
    {
      name: 'finalizers remaining',
      totals: totals({ remainingByResource: new Map([['configmaps.', 3]]), remainingByFinalizer: new Map([['example.com/hold', 2], ['a.io/x', 1]]) }),
      want: [
        { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: configmaps. has 3 resource instances' },
        {
          type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain',
          message: 'Some content in the namespace has finalizers remaining: a.io/x in 1 resource instances, example.com/hold in 2 resource instances',
        },
      ],
    },
    {
      name: 'content deletion errors are counted and sorted',
      totals: totals({ contentErrors: ['z failed', 'a failed'] }),
      want: [{ type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed', message: 'Failed to delete all resource types, 2 remaining: a failed, z failed' }],
    },
  ];
  for (const c of cases) assert.deepEqual(failingConditions(c.totals), c.want, c.name);
});

test('updateConditions: every maintained type is set, OK forms included, in upstream order', () => {
  const { conditions, changed } = mergeConditions([], [], 'T1');
  assert.equal(changed, true);
  assert.deepEqual(conditions, [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered', lastTransitionTime: 'T1' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed', lastTransitionTime: 'T1' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization', lastTransitionTime: 'T1' },
    { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed', lastTransitionTime: 'T1' },
    { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished', lastTransitionTime: 'T1' },
  ]);
});

test('updateConditions: lastTransitionTime moves only when the status flips; unrelated conditions are kept', () => {
  const remaining = (n: number) => failingConditions(totals({ remainingByResource: new Map([['pods.', n]]) }));
  const first = mergeConditions([{ type: 'Custom', status: 'True' }], remaining(2), 'T1').conditions;
  const second = mergeConditions(first, remaining(1), 'T2');
  const content = (cs: NamespaceCondition[]) => cs.find((c) => c.type === 'NamespaceContentRemaining')!;
  assert.equal(second.changed, true);
  assert.equal(content(second.conditions).message, 'Some resources are remaining: pods. has 1 resource instances');
  assert.equal(content(second.conditions).lastTransitionTime, 'T1', 'same status, new message: the transition time stays');
  const third = mergeConditions(second.conditions, [], 'T3');
  assert.equal(content(third.conditions).status, 'False');
  assert.equal(content(third.conditions).lastTransitionTime, 'T3');
  assert.equal(mergeConditions(third.conditions, [], 'T4').changed, false, 'nothing new: no write');
  assert.deepEqual(third.conditions[0], { type: 'Custom', status: 'True' });
});
