import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeQuarantine } from '../../../../controllers/pod-gc/quarantine.js';
import { isPodTerminated, terminatedPodsToDelete, unscheduledTerminating } from '../../../../controllers/pod-gc/selection.js';

const pod = (name: string, phase: string | undefined, created: number, extra: { reason?: string; nodeName?: string; deleting?: boolean } = {}): any => ({
  metadata: {
    name,
    creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, created)).toISOString(),
    deletionTimestamp: extra.deleting ? '2026-01-01T01:00:00Z' : undefined,
  },
  spec: { nodeName: extra.nodeName },
  status: { phase, reason: extra.reason },
});

test('isPodTerminated: anything but Pending, Running and Unknown, an unset phase included', () => {
  const cases: Array<[string | undefined, boolean]> = [
    ['Pending', false],
    ['Running', false],
    ['Unknown', false],
    ['Succeeded', true],
    ['Failed', true],
    [undefined, true],
  ];
  for (const [phase, want] of cases) assert.equal(isPodTerminated(pod('p', phase, 0)), want, String(phase));
});

test('TestGCTerminated: evicted first, then by creation time, then by name; only the excess', () => {
  const pods = [
    pod('b', 'Succeeded', 1),
    pod('a', 'Succeeded', 1),
    pod('old', 'Failed', 0),
    pod('evicted', 'Failed', 9, { reason: 'Evicted' }),
    pod('running', 'Running', 0),
  ];
  assert.deepEqual(terminatedPodsToDelete(pods, 1).map((p) => p.metadata.name), ['evicted', 'old', 'a']);
  assert.deepEqual(terminatedPodsToDelete(pods, 4), []);
  assert.deepEqual(terminatedPodsToDelete(pods, 0), [], 'a threshold of 0 turns this off');
});

test('TestGCUnscheduledTerminating selects unbound pods with a deletionTimestamp only', () => {
  const pods = [pod('unbound', 'Pending', 0, { deleting: true }), pod('bound', 'Running', 0, { deleting: true, nodeName: 'n' }), pod('alive', 'Pending', 0)];
  assert.deepEqual(unscheduledTerminating(pods).map((p) => p.metadata.name), ['unbound']);
});

test('quarantine: a missing node is due once after the delay, keeping its first deadline', () => {
  const q = new NodeQuarantine(40_000);
  const gone = () => false;
  q.watch(['n'], 0);
  q.watch(['n'], 20_000);
  assert.deepEqual([...q.takeDeleted(39_999, gone)], []);
  assert.deepEqual([...q.takeDeleted(40_000, gone)], ['n']);
  assert.deepEqual([...q.takeDeleted(80_000, gone)], [], 'handed out once');
  q.watch(['m'], 0);
  assert.deepEqual([...q.takeDeleted(50_000, () => true)], [], 'a node that exists again is dropped');
});
