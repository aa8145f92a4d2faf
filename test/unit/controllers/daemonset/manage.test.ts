import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from '../../../../controllers/daemonset/backoff.js';
import { failedPodBackoffKey, podsShouldBeOnNode, unscheduledPodsWithoutNode, type NodeEnv } from '../../../../controllers/daemonset/manage.js';
import type { DaemonPod, DaemonSet } from '../../../../controllers/daemonset/types.js';

const NOW = Date.UTC(2026, 0, 1, 0, 10);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface PodOpts {
  rev?: 'new' | 'old';
  phase?: string;
  ready?: boolean;
  readyFor?: number;
  age?: number;
  bound?: boolean;
  deleting?: boolean;
}

function pod(name: string, o: PodOpts = {}): DaemonPod {
  return {
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: iso(o.age ?? 60_000),
      labels: { 'controller-revision-hash': o.rev === 'old' ? 'h-old' : 'h-new' },
      ...(o.deleting ? { deletionTimestamp: iso(0) } : {}),
    },
    spec: o.bound === false ? {} : { nodeName: 'n' },
    status: { phase: o.phase ?? 'Running', conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(o.readyFor ?? 60_000) }] },
  } as DaemonPod;
}

function env(surge = false, minReadySeconds = 0, backoff = new Backoff(1000, 900_000)) {
  const events: string[] = [];
  const requeues: number[] = [];
  const ds = { metadata: { name: 'ds', uid: 'uid-1' }, spec: { minReadySeconds }, status: { observedGeneration: 2 } } as DaemonSet;
  const e: NodeEnv = { ds, hash: 'h-new', surge, now: NOW, backoff, event: (t, r, m) => events.push(`${t} ${r} ${m}`), requeueAfter: (ms) => requeues.push(ms) };
  return { e, events, requeues, backoff };
}

const RUN = { shouldRun: true, shouldContinueRunning: true };
const STAY = { shouldRun: false, shouldContinueRunning: true };
const LEAVE = { shouldRun: false, shouldContinueRunning: false };

function decide(eligibility: typeof RUN, pods: DaemonPod[] | undefined, e = env().e) {
  const d = podsShouldBeOnNode('n', eligibility, pods, e);
  return { create: d.create, delete: d.delete.map((p) => p.metadata.name) };
}

test('TestOneNodeDaemonLaunchesPod: should run, no pod → create', () => {
  assert.deepEqual(decide(RUN, undefined), { create: true, delete: [] });
});

test('TestTaintedNodeDaemonDoesNotLaunchIntolerantPod: may not start one, has none → nothing', () => {
  assert.deepEqual(decide(STAY, undefined), { create: false, delete: [] });
});

test('TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod: may stay → the pod stays', () => {
  assert.deepEqual(decide(STAY, [pod('a')]), { create: false, delete: [] });
});

test('TestSelectorDaemonDeletesUnselectedPods / NoExecute: may not stay → every pod not already terminating goes', () => {
  assert.deepEqual(decide(LEAVE, [pod('a'), pod('b', { deleting: true }), pod('c', { phase: 'Failed' })]), { create: false, delete: ['a', 'c'] });
});

test('TestDealsWithExistingPods: duplicates are pruned, the oldest (bound first) is kept', () => {
  const pods = [pod('young', { age: 1000 }), pod('unbound-old', { age: 90_000, bound: false }), pod('old', { age: 50_000 })];
  assert.deepEqual(decide(RUN, pods), { create: false, delete: ['young', 'unbound-old'] });
});

test('TestDaemonSetRespectsTermination: a terminating pod is neither replaced nor deleted again', () => {
  assert.deepEqual(decide(RUN, [pod('a', { deleting: true })]), { create: false, delete: [] });
});

test('TestDaemonKillFailedPods: a Failed pod is deleted with a FailedDaemonPod event; the replacement comes next sync', () => {
  const { e, events } = env();
  assert.deepEqual(decide(RUN, [pod('bad', { phase: 'Failed' })], e), { create: false, delete: ['bad'] });
  assert.deepEqual(events, ['Warning FailedDaemonPod Found failed daemon pod default/bad on node n, will try to kill it']);
});

test('TestDaemonKillFailedPodsBackoff: a second failure on the node within the backoff waits and requeues', () => {
  const { e, events, requeues, backoff } = env();
  decide(RUN, [pod('bad', { phase: 'Failed' })], e);
  assert.deepEqual(decide(RUN, [pod('bad2', { phase: 'Failed' })], e), { create: false, delete: [] });
  assert.deepEqual(requeues, [1000]);
  assert.equal(events.length, 1);
  assert.equal(backoff.get(failedPodBackoffKey(e.ds, 'n')), 1000);
  assert.equal(failedPodBackoffKey(e.ds, 'n'), 'uid-1/2/n');
});

test('SucceededDaemonPod: a Succeeded pod is deleted with a Normal event, no backoff', () => {
  const { e, events } = env();
  assert.deepEqual(decide(RUN, [pod('done', { phase: 'Succeeded' }), pod('ok')], e), { create: false, delete: ['done'] });
  assert.deepEqual(events, ['Normal SucceededDaemonPod Found succeeded daemon pod default/done on node n, will try to delete it']);
});

test('TestSurgeDealsWithExistingPods: with surge, a node whose only pod finished gets a new one', () => {
  assert.deepEqual(decide(RUN, [pod('done', { phase: 'Succeeded' })], env(true).e), { create: true, delete: ['done'] });
  assert.deepEqual(decide(RUN, [pod('done', { phase: 'Succeeded' })], env(false).e), { create: false, delete: ['done'] }, 'without surge it waits a sync');
});

test('TestSurgeCreatesNewPodWhenAtMaxSurgeAndOldPodDeleted: with surge, a node whose only pod is terminating gets a new one', () => {
  assert.deepEqual(decide(RUN, [pod('old', { rev: 'old', deleting: true })], env(true).e), { create: true, delete: [] });
});

test('TestSurgePreservesReadyOldPods: old Ready + new not yet available → both stay; extra pods go', () => {
  const pods = [pod('old', { rev: 'old', age: 90_000 }), pod('new', { ready: false, age: 1000 }), pod('old2', { rev: 'old', age: 5000 }), pod('new2', { ready: false, age: 500 })];
  assert.deepEqual(decide(RUN, pods, env(true).e), { create: false, delete: ['old2', 'new2'] });
});

test('TestSurgeDeletesUnreadyOldPods: an old pod that is not Ready goes once a new one exists', () => {
  const pods = [pod('old', { rev: 'old', ready: false, age: 90_000 }), pod('new', { ready: false, age: 1000 })];
  assert.deepEqual(decide(RUN, pods, env(true).e), { create: false, delete: ['old'] });
});

test('TestSurgePreservesOldReadyWithUnsatisfiedMinReady / TestSurgeDeletesOldReadyWithUnsatisfiedMinReady', () => {
  const pods = [pod('old', { rev: 'old', age: 90_000 }), pod('new', { readyFor: 5000, age: 10_000 })];
  assert.deepEqual(decide(RUN, pods, env(true, 10).e), { create: false, delete: [] }, 'ready 5s of 10: the old one stays');
  assert.deepEqual(decide(RUN, pods, env(true, 3).e), { create: false, delete: ['old'] }, 'ready 5s of 3: the old one goes');
});

test('TestDeleteUnscheduledPodForNotExistingNode: only unbound pods pinned to a missing node', () => {
  const pinned = pod('pinned', { bound: false });
  const bound = pod('bound');
  const got = unscheduledPodsWithoutNode(new Set(['n']), new Map([['n', [pod('here', { bound: false })]], ['gone', [pinned, bound]]]));
  assert.deepEqual(got.map((p) => p.metadata.name), ['pinned']);
});
