import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCounts, nextStatus, statusUpToDate, type DaemonSetCounts } from '../../../../controllers/daemonset/status.js';
import type { DaemonPod } from '../../../../controllers/daemonset/types.js';

const NOW = Date.UTC(2026, 0, 1, 0, 10);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

function pod(name: string, opts: { hash?: string; ready?: boolean; readyFor?: number; bound?: boolean; created?: number } = {}): DaemonPod {
  return {
    metadata: { name, labels: { 'controller-revision-hash': opts.hash ?? 'cur' }, creationTimestamp: iso(opts.created ?? 900_000) },
    spec: opts.bound === false ? {} : { nodeName: 'x' },
    status: opts.ready ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso(opts.readyFor ?? 600_000) }] } : {},
  } as DaemonPod;
}

const zero: DaemonSetCounts = {
  desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0,
};

const cases: Array<{ name: string; nodes: Array<[string, boolean]>; pods: Record<string, DaemonPod[]>; minReadySeconds?: number; want: Partial<DaemonSetCounts> }> = [
  { name: 'TestNoNodesDoesNothing: no nodes, all zero', nodes: [], pods: {}, want: {} },
  {
    name: 'TestSimpleDaemonSetUpdatesStatusAfterLaunchingPods: scheduled but not ready',
    nodes: [['a', true], ['b', true]],
    pods: { a: [pod('a1')], b: [pod('b1')] },
    want: { desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberUnavailable: 2 },
  },
  {
    name: 'TestNumberReadyStatus: ready pods count ready and available',
    nodes: [['a', true], ['b', true]],
    pods: { a: [pod('a1', { ready: true })], b: [pod('b1', { ready: true })] },
    want: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2 },
  },
  {
    name: 'minReadySeconds: ready for less is ready but not available',
    nodes: [['a', true], ['b', true]],
    pods: { a: [pod('a1', { ready: true, readyFor: 5_000 })], b: [pod('b1', { ready: true, readyFor: 60_000 })] },
    minReadySeconds: 30,
    want: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 1, updatedNumberScheduled: 2, numberUnavailable: 1 },
  },
  {
    name: 'the oldest pod of a node decides (bound first, then oldest)',
    nodes: [['a', true]],
    pods: { a: [pod('new', { hash: 'cur', ready: true, created: 1000 }), pod('old', { hash: 'prev', created: 5000 })] },
    want: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberUnavailable: 1 },
  },
  {
    name: 'a node that should not run the daemon but has a pod is misscheduled',
    nodes: [['a', true], ['tainted', false]],
    pods: { a: [pod('a1', { ready: true })], tainted: [pod('t1', { ready: true })] },
    want: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1, numberMisscheduled: 1 },
  },
  {
    name: 'pods on nodes that no longer exist count for nothing',
    nodes: [['a', true]],
    pods: { a: [pod('a1', { ready: true })], gone: [pod('g1', { ready: true })] },
    want: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1 },
  },
  {
    name: 'TestSimpleDaemonSetPodCreateErrors: desired 3, only one created',
    nodes: [['a', true], ['b', true], ['c', true]],
    pods: { a: [pod('a1', { bound: false })] },
    want: { desiredNumberScheduled: 3, currentNumberScheduled: 1, updatedNumberScheduled: 1, numberUnavailable: 3 },
  },
];

for (const c of cases) {
  test(`computeCounts (updateDaemonSetStatus): ${c.name}`, () => {
    const got = computeCounts({
      nodes: c.nodes.map(([name, shouldRun]) => ({ name, shouldRun })),
      nodeToPods: new Map(Object.entries(c.pods)),
      hash: 'cur',
      generation: undefined,
      minReadySeconds: c.minReadySeconds ?? 0,
      now: NOW,
    });
    assert.deepEqual(got, { ...zero, ...c.want });
  });
}

test('statusUpToDate (storeDaemonSetStatus): skip only when every count is equal and the generation observed', () => {
  const counts = { ...zero, desiredNumberScheduled: 2 };
  assert.equal(statusUpToDate({ ...counts, observedGeneration: 3 }, counts, 3), true);
  assert.equal(statusUpToDate({ ...counts, observedGeneration: 2 }, counts, 3), false, 'TestObservedGeneration');
  assert.equal(statusUpToDate({ ...counts, numberReady: 1, observedGeneration: 3 }, counts, 3), false);
  assert.equal(statusUpToDate(undefined, zero, 0), true);
});

test('nextStatus: observedGeneration moves only after a full sync; collisionCount is kept', () => {
  const status = { ...zero, observedGeneration: 1, collisionCount: 2 };
  assert.deepEqual(nextStatus(status, { ...zero, numberReady: 1 }, undefined), { ...zero, numberReady: 1, observedGeneration: 1, collisionCount: 2 });
  assert.equal(nextStatus(status, zero, 4).observedGeneration, 4);
});
