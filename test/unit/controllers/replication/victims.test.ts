import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodObject } from '../../../../controllers/runtime/pod-state.js';
import {
  compareForDeletion,
  podDeletionCost,
  podsToDelete,
  POD_DELETION_COST_ANNOTATION,
} from '../../../../controllers/replication/victims.js';

const NOW = Date.UTC(2026, 5, 1);
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const ZERO = undefined;

interface PodSpec {
  node?: string;
  phase?: string;
  ready?: boolean;
  restarts?: number;
  readySince?: number;
  created?: number;
  cost?: string;
  uid?: string;
}

/** The pod builder of upstream's TestSortingActivePodsWithRanks. */
function pod(name: string, s: PodSpec): PodObject {
  return {
    metadata: {
      name,
      uid: s.uid ?? '',
      creationTimestamp: s.created === undefined ? undefined : iso(s.created),
      annotations: s.cost === undefined ? undefined : { [POD_DELETION_COST_ANNOTATION]: s.cost },
    },
    spec: { nodeName: s.node ?? '' },
    status: {
      phase: s.phase,
      conditions: s.ready
        ? [{ type: 'Ready', status: 'True', lastTransitionTime: s.readySince === undefined ? undefined : iso(s.readySince) }]
        : undefined,
      containerStatuses: s.ready ? [{ restartCount: s.restarts ?? 0 }] : undefined,
    },
  };
}

const then1Month = NOW - 30 * 24 * HOUR;
const pods = {
  unscheduled: pod('unscheduled', { phase: 'Pending' }),
  scheduledPending: pod('pending', { node: 'node', phase: 'Pending' }),
  unknownPhase: pod('unknown-phase', { node: 'node', phase: 'Unknown' }),
  runningNotReady: pod('not-ready', { node: 'node', phase: 'Running' }),
  readyNoLastTransitionTime: pod('ready-no-last-transition-time', { node: 'node', phase: 'Running', ready: true }),
  readyNow: pod('ready-now', { node: 'node', phase: 'Running', ready: true, readySince: NOW, created: NOW }),
  readyThen: pod('ready-then', { node: 'node', phase: 'Running', ready: true, readySince: then1Month, created: then1Month }),
  readyNowHighRestarts: pod('ready-high-restarts', { node: 'node', phase: 'Running', ready: true, restarts: 9001, readySince: NOW, created: NOW }),
  readyNowCreatedThen: pod('ready-now-created-then', { node: 'node', phase: 'Running', ready: true, readySince: NOW, created: then1Month }),
  lowDeletionCost: pod('low-deletion-cost', { node: 'node', phase: 'Running', ready: true, readySince: NOW, created: then1Month, cost: '10' }),
  highDeletionCost: pod('high-deletion-cost', { node: 'node', phase: 'Running', ready: true, readySince: NOW, created: then1Month, cost: '100' }),
  unscheduled5Hours: pod('unscheduled-5-hours', { phase: 'Pending', created: NOW - 5 * HOUR }),
  unscheduled8Hours: pod('unscheduled-8-hours', { phase: 'Pending', created: NOW - 8 * HOUR }),
  ready2Hours: pod('ready-2-hours', { phase: 'Running', ready: true, readySince: NOW - 2 * HOUR, created: then1Month }),
  ready5Hours: pod('ready-5-hours', { phase: 'Running', ready: true, readySince: NOW - 5 * HOUR, created: then1Month }),
  ready8Hours: pod('ready-8-hours', { phase: 'Running', ready: true, readySince: NOW - 8 * HOUR, created: then1Month }),
};

const less = (a: PodObject, ra: number, b: PodObject, rb: number) => compareForDeletion({ pod: a, rank: ra }, { pod: b, rank: rb }, NOW) < 0;

test('TestSortingActivePodsWithRanks: equivalent pods are neither less nor greater', async (t) => {
  const cases: Array<[string, PodObject, PodObject]> = [
    ['unscheduled with itself', pods.unscheduled, pods.unscheduled],
    ['scheduled pending with itself', pods.scheduledPending, pods.scheduledPending],
    ['unknown phase with itself', pods.unknownPhase, pods.unknownPhase],
    ['running not ready with itself', pods.runningNotReady, pods.runningNotReady],
    ['ready now, created then, with itself', pods.readyNowCreatedThen, pods.readyNowCreatedThen],
    ['ready now with itself', pods.readyNow, pods.readyNow],
    ['ready then with itself', pods.readyThen, pods.readyThen],
    ['high restarts with itself', pods.readyNowHighRestarts, pods.readyNowHighRestarts],
    ['created 5h vs 8h ago fall in one log2 bucket (LogarithmicScaleDown)', pods.unscheduled5Hours, pods.unscheduled8Hours],
    ['ready 5h vs 8h fall in one log2 bucket (LogarithmicScaleDown)', pods.ready5Hours, pods.ready8Hours],
  ];
  for (const [name, a, b] of cases) {
    await t.test(name, () => {
      assert.equal(less(a, 1, b, 1), false);
      assert.equal(less(b, 1, a, 1), false);
    });
  }
});

test('TestSortingActivePodsWithRanks: the first pod of each pair is deleted first', async (t) => {
  const cases: Array<[string, PodObject, number, PodObject, number]> = [
    ['unassigned < assigned, whatever the ranks', pods.unscheduled, 1, pods.scheduledPending, 2],
    ['unassigned < assigned, higher rank', pods.unscheduled, 2, pods.scheduledPending, 1],
    ['Pending < Unknown', pods.scheduledPending, 1, pods.unknownPhase, 2],
    ['Unknown < Running', pods.unknownPhase, 1, pods.runningNotReady, 2],
    ['not ready < ready', pods.runningNotReady, 1, pods.readyNoLastTransitionTime, 1],
    ['ready without a transition time counts as ready most recently', pods.readyNoLastTransitionTime, 1, pods.readyNow, 1],
    ['doubled up (higher rank) before a shorter ready time', pods.readyNow, 2, pods.readyNoLastTransitionTime, 1],
    ['ready for a shorter time first', pods.readyNow, 1, pods.readyThen, 1],
    ['higher rank first', pods.readyNow, 2, pods.readyThen, 1],
    ['more restarts first', pods.readyNowHighRestarts, 1, pods.readyNow, 1],
    ['higher rank before more restarts', pods.readyNow, 2, pods.readyNowHighRestarts, 1],
    ['newer creation first', pods.readyNow, 1, pods.readyNowCreatedThen, 1],
    ['higher rank before newer creation', pods.readyNowCreatedThen, 2, pods.readyNow, 1],
    ['lower pod-deletion-cost first, before rank', pods.lowDeletionCost, 2, pods.highDeletionCost, 1],
    ['ready 2h vs 5h are in different log2 buckets', pods.ready2Hours, 1, pods.ready5Hours, 1],
  ];
  for (const [name, a, ra, b, rb] of cases) {
    await t.test(name, () => {
      assert.equal(less(a, ra, b, rb), true);
      assert.equal(less(b, rb, a, ra), false);
    });
  }
});

test('LogarithmicScaleDown: pods in one time bucket are ordered by UID', () => {
  const a = pod('a', { phase: 'Running', ready: true, readySince: NOW - 5 * HOUR, uid: 'bbb' });
  const b = pod('b', { phase: 'Running', ready: true, readySince: NOW - 8 * HOUR, uid: 'aaa' });
  assert.equal(less(b, 0, a, 0), true, 'b is older but has the smaller UID');
  assert.equal(less(a, 0, b, 0), false);
});

test('GetDeletionCostFromPodAnnotations: int32 text, anything else is 0', async (t) => {
  const cases: Array<[string, string | undefined, number]> = [
    ['absent', ZERO, 0],
    ['positive', '100', 100],
    ['negative', '-5', -5],
    ['zero', '0', 0],
    ['leading zero refused', '008', 0],
    ['plus sign refused', '+10', 0],
    ['negative with leading zeros parses', '-007', -7],
    ['not a number', 'abc', 0],
    ['int32 max', '2147483647', 2147483647],
    ['beyond int32', '2147483648', 0],
    ['empty', '', 0],
  ];
  for (const [name, text, want] of cases) {
    await t.test(name, () => {
      assert.equal(podDeletionCost(pod('p', { cost: text })), want);
    });
  }
});

test('TestGetPodsToDelete', async (t) => {
  const ready = (name: string, node: string) => pod(name, { node, phase: 'Running', ready: true });
  const unscheduledPending = pod('unscheduled-pending-pod', { phase: 'Pending' });
  const scheduledPending = pod('scheduled-pending-pod', { node: 'fake-node', phase: 'Pending' });
  const notReady = pod('scheduled-running-not-ready-pod', { node: 'fake-node', phase: 'Running' });
  const readyOn1 = ready('scheduled-running-ready-pod-on-node-1', 'fake-node-1');
  const readyOn2 = ready('scheduled-running-ready-pod-on-node-2', 'fake-node-2');
  const cases: Array<{ name: string; pods: PodObject[]; related?: PodObject[]; diff: number; want: PodObject[] }> = [
    { name: 'len(pods) = 0 (i.e., diff = 0 too)', pods: [], diff: 0, want: [] },
    { name: 'diff = len(pods)', pods: [notReady, readyOn1], diff: 2, want: [notReady, readyOn1] },
    { name: 'diff < len(pods)', pods: [readyOn1, notReady], diff: 1, want: [notReady] },
    {
      name: 'various pod phases and conditions, diff = len(pods) (no sorting)',
      pods: [readyOn1, readyOn1, readyOn2, notReady, scheduledPending, unscheduledPending],
      diff: 6,
      want: [readyOn1, readyOn1, readyOn2, notReady, scheduledPending, unscheduledPending],
    },
    { name: 'scheduled vs unscheduled, diff < len(pods)', pods: [scheduledPending, unscheduledPending], diff: 1, want: [unscheduledPending] },
    { name: 'ready vs not-ready, diff < len(pods)', pods: [readyOn1, notReady, notReady], diff: 2, want: [notReady, notReady] },
    {
      name: 'ready and colocated with another ready pod vs not colocated, diff < len(pods)',
      pods: [readyOn1, readyOn2],
      related: [readyOn1, readyOn2, readyOn2],
      diff: 1,
      want: [readyOn2],
    },
    { name: 'pending vs running, diff < len(pods)', pods: [scheduledPending, notReady], diff: 1, want: [scheduledPending] },
    {
      name: 'various pod phases and conditions, diff < len(pods)',
      pods: [readyOn1, readyOn2, notReady, scheduledPending, unscheduledPending],
      diff: 3,
      want: [unscheduledPending, scheduledPending, notReady],
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.deepEqual(podsToDelete(c.pods, c.related ?? c.pods, c.diff, NOW), c.want);
    });
  }
});

test('getPodsRankedByRelatedPodsOnSameNode: inactive related pods do not make a node doubled up', () => {
  const readyOn1 = pod('on-1', { node: 'n1', phase: 'Running', ready: true });
  const readyOn2 = pod('on-2', { node: 'n2', phase: 'Running', ready: true });
  const finishedOn2 = pod('finished-on-2', { node: 'n2', phase: 'Succeeded' });
  const terminatingOn1 = { ...pod('terminating-on-1', { node: 'n1', phase: 'Running' }), metadata: { name: 't', deletionTimestamp: iso(NOW) } };
  assert.deepEqual(podsToDelete([readyOn2, readyOn1], [readyOn1, readyOn2, finishedOn2, readyOn1], 1, NOW), [readyOn1]);
  assert.deepEqual(podsToDelete([readyOn1, readyOn2], [readyOn1, readyOn2, readyOn2, terminatingOn1], 1, NOW), [readyOn2]);
});
