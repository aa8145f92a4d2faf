import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRollingUpdate, scaledValue, updatedDesiredNodeCounts } from '../../../../controllers/daemonset/rolling-update.js';
import type { DaemonPod, DaemonSet, NodeToDaemonPods } from '../../../../controllers/daemonset/types.js';

const NOW = Date.UTC(2026, 0, 1, 0, 10);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

function ds(rollingUpdate: Record<string, unknown>, minReadySeconds = 0): DaemonSet {
  return { metadata: { name: 'x', namespace: 'default', annotations: {} }, spec: { minReadySeconds, updateStrategy: { type: 'RollingUpdate', rollingUpdate } } } as DaemonSet;
}

type State = 'ready' | 'unready' | 'deleting' | 'fresh';
/** A pod on `node` of the current ("new") or an older ("old") revision; `fresh` is Ready for one second only. */
function pod(node: string, rev: 'new' | 'old', state: State = 'ready', n = 0): DaemonPod {
  const ready = state !== 'unready';
  return {
    metadata: {
      name: `${node}-${rev}-${n}`,
      labels: { 'controller-revision-hash': rev === 'new' ? 'h-new' : 'h-old' },
      ...(state === 'deleting' ? { deletionTimestamp: iso(0) } : {}),
    },
    spec: { nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: iso(state === 'fresh' ? 1000 : 600_000) }] },
  } as DaemonPod;
}

function layout(pods: Record<string, DaemonPod[]>): NodeToDaemonPods {
  return new Map(Object.entries(pods));
}

function nodes(...names: string[]): Map<string, boolean> {
  return new Map(names.map((n) => [n, true]));
}

function plan(d: DaemonSet, nodeToPods: NodeToDaemonPods, shouldRun: Map<string, boolean>) {
  const p = planRollingUpdate({ ds: d, nodeToPods, shouldRun, hash: 'h-new', generation: undefined, now: NOW });
  return { deleted: p.podsToDelete.map((x) => x.metadata.name).sort(), created: [...p.nodesToCreate].sort() };
}

test('scaledValue (GetScaledValueFromIntOrPercent): ints as is, percents rounded up against the total', () => {
  assert.equal(scaledValue(3, 10, true), 3);
  assert.equal(scaledValue('10%', 5, true), 1);
  assert.equal(scaledValue('50%', 3, true), 2);
  assert.equal(scaledValue('50%', 3, false), 1);
  assert.equal(scaledValue('0%', 100, true), 0);
  assert.throws(() => scaledValue('5', 10, true), /not a percentage/);
  assert.throws(() => scaledValue(undefined, 10, true), /nil value/);
});

const budgets: Array<{ name: string; ds: DaemonSet; shouldRun: Map<string, boolean>; pods: Record<string, DaemonPod[]>; want: [number, number, number]; empty: number }> = [
  { name: 'No nodes', ds: ds({ maxUnavailable: 0, maxSurge: 0 }), shouldRun: nodes(), pods: {}, want: [0, 0, 0], empty: 0 },
  { name: 'Two nodes with ready pods', ds: ds({ maxUnavailable: 1, maxSurge: 0 }), shouldRun: nodes('n0', 'n1'), pods: { n0: [pod('n0', 'old')], n1: [pod('n1', 'old')] }, want: [0, 1, 2], empty: 0 },
  { name: 'Two nodes, one node without pods (0/0 is read as unavailable 1)', ds: ds({ maxUnavailable: 0, maxSurge: 0 }), shouldRun: nodes('n0', 'n1'), pods: { n0: [pod('n0', 'old')] }, want: [0, 1, 2], empty: 1 },
  { name: 'Two nodes with pods, MaxUnavailable in percents', ds: ds({ maxUnavailable: '50%', maxSurge: 0 }), shouldRun: nodes('n0', 'n1'), pods: { n0: [pod('n0', 'old')], n1: [pod('n1', 'old')] }, want: [0, 1, 2], empty: 0 },
  { name: 'Two nodes with pods, MaxSurge in percents', ds: ds({ maxUnavailable: 0, maxSurge: '50%' }), shouldRun: nodes('n0', 'n1'), pods: {}, want: [1, 0, 2], empty: 2 },
  { name: 'Two nodes with pods, MaxSurge is 100%', ds: ds({ maxUnavailable: 0, maxSurge: '100%' }), shouldRun: nodes('n0', 'n1'), pods: {}, want: [2, 0, 2], empty: 2 },
  {
    name: 'Three nodes, MaxUnavailable in percents, pod terminating (rounded up: 50% of 3 is 2)',
    ds: ds({ maxUnavailable: '50%', maxSurge: 0 }),
    shouldRun: nodes('n0', 'n1', 'n2'),
    pods: { n0: [pod('n0', 'old')], n1: [pod('n1', 'old', 'deleting')] },
    want: [0, 2, 3],
    empty: 1,
  },
  { name: 'nodes that should not run the daemon are not desired', ds: ds({ maxUnavailable: '100%', maxSurge: 0 }), shouldRun: new Map([['n0', true], ['n1', false]]), pods: {}, want: [0, 1, 1], empty: 1 },
];

for (const c of budgets) {
  test(`updatedDesiredNodeCounts (TestGetUnavailableNumbers): ${c.name}`, () => {
    const nodeToPods = layout(c.pods);
    const got = updatedDesiredNodeCounts(c.ds, c.shouldRun, nodeToPods);
    assert.deepEqual([got.maxSurge, got.maxUnavailable, got.desired], c.want);
    assert.equal([...nodeToPods.values()].filter((p) => p.length === 0).length, c.empty);
  });
}

const five = nodes('n0', 'n1', 'n2', 'n3', 'n4');
const all = (rev: 'new' | 'old', state: State = 'ready') => layout(Object.fromEntries([...five.keys()].map((n) => [n, [pod(n, rev, state)]])));

test('TestDaemonSetUpdatesPods: maxUnavailable 2 deletes two available old pods, nothing is created here', () => {
  assert.deepEqual(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), all('old'), five), { deleted: ['n0-old-0', 'n1-old-0'], created: [] });
});

test('TestDaemonSetUpdatesPods: a wave in flight (deleted nodes empty, new pods not Ready) uses up the budget', () => {
  const pods = layout({ n0: [], n1: [pod('n1', 'new', 'unready')], n2: [pod('n2', 'old')], n3: [pod('n3', 'old')], n4: [pod('n4', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), pods, five), { deleted: [], created: [] });
});

test('TestDaemonSetUpdatesWhenNewPodIsNotReady: new pods not yet available block further deletes (minReadySeconds)', () => {
  const pods = layout({ n0: [pod('n0', 'new', 'fresh')], n1: [pod('n1', 'new')], n2: [pod('n2', 'old')], n3: [pod('n3', 'old')], n4: [pod('n4', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 1, maxSurge: 0 }, 10), pods, five), { deleted: [], created: [] });
  assert.deepEqual(plan(ds({ maxUnavailable: 1, maxSurge: 0 }, 0), pods, five), { deleted: ['n2-old-0'], created: [] }, 'without minReadySeconds it is available');
});

test('TestDaemonSetUpdatesAllOldPodsNotReady: unavailable old pods all go at once, whatever maxUnavailable', () => {
  assert.deepEqual(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), all('old', 'unready'), five).deleted.length, 5);
});

test('TestDaemonSetUpdatesSomeOldPodsNotReady: unready old pods are replaced first, healthy ones only within the budget', () => {
  const pods = layout({ n0: [pod('n0', 'old', 'unready')], n1: [pod('n1', 'old', 'unready')], n2: [pod('n2', 'old')], n3: [pod('n3', 'old')], n4: [pod('n4', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), pods, five).deleted, ['n0-old-0', 'n1-old-0']);
  assert.deepEqual(plan(ds({ maxUnavailable: 3, maxSurge: 0 }), pods, five).deleted, ['n0-old-0', 'n1-old-0', 'n2-old-0']);
});

test('TestDaemonSetUpdatesNoTemplateChanged: every pod current → nothing to do', () => {
  assert.deepEqual(plan(ds({ maxUnavailable: 5, maxSurge: 0 }), all('new'), five), { deleted: [], created: [] });
});

test('rolling update without surge: terminating pods are skipped, nodes with duplicates count as unavailable', () => {
  const pods = layout({ n0: [pod('n0', 'old', 'deleting')], n1: [pod('n1', 'old'), pod('n1', 'old', 'ready', 1)], n2: [pod('n2', 'old')], n3: [pod('n3', 'old')], n4: [pod('n4', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 3, maxSurge: 0 }), pods, five).deleted, ['n2-old-0']);
});

test('TestDaemonSetUpdatesPodsWithMaxSurge: surge 2 starts two new pods next to available old ones', () => {
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 2 }), all('old'), five), { deleted: [], created: ['n0', 'n1'] });
});

test('surge: an old pod goes once the new one beside it is available; a surging node not yet available counts', () => {
  const pods = layout({
    n0: [pod('n0', 'old'), pod('n0', 'new')],
    n1: [pod('n1', 'old'), pod('n1', 'new', 'unready')],
    n2: [pod('n2', 'old')],
    n3: [pod('n3', 'old')],
    n4: [pod('n4', 'old')],
  });
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 2 }), pods, five), { deleted: ['n0-old-0'], created: ['n2'] });
});

test('TestSurgeDeletesUnreadyOldPods: an unavailable old pod gets a new pod at once, beyond maxSurge', () => {
  const pods = layout({ n0: [pod('n0', 'old', 'unready')], n1: [pod('n1', 'old', 'unready')], n2: [pod('n2', 'old')], n3: [pod('n3', 'old')], n4: [pod('n4', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pods, five).created, ['n0', 'n1', 'n2']);
});

test('TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge: an old pod on a node that may no longer run it goes only while availability is above desired', () => {
  const shouldRun = new Map([['n0', true], ['n1', true], ['n2', false]]);
  const before = layout({ n0: [pod('n0', 'old')], n1: [pod('n1', 'new', 'unready')], n2: [pod('n2', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), before, shouldRun).deleted, [], '2 available of 2 desired: keep it');
  const after = layout({ n0: [pod('n0', 'new')], n1: [pod('n1', 'new')], n2: [pod('n2', 'old')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), after, shouldRun).deleted, ['n2-old-0'], '3 available of 2 desired');
  const unready = layout({ n0: [pod('n0', 'new')], n2: [pod('n2', 'old', 'unready')] });
  assert.deepEqual(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), unready, shouldRun).deleted, ['n2-old-0'], 'an unavailable one goes at once');
});

test('surge: an old pod on a node that no longer exists fails the rollout (upstream cannot get the node)', () => {
  assert.throws(() => plan(ds({ maxUnavailable: 0, maxSurge: 1 }), layout({ gone: [pod('gone', 'old')] }), nodes('n0')), /couldn't get node/);
});
