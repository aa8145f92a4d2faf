import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gvrString, podTerminationEstimate, recheckDelayMs, remainder, resourceLabel } from '../../../../controllers/namespace/content.js';
import type { KubeObject } from '../../../../schemas/meta.js';
import { resourceTable } from '../../../../schemas/resources.js';

const pod = (grace: number | undefined, phase = 'Running'): KubeObject => ({
  metadata: { name: 'p' },
  spec: grace === undefined ? {} : { terminationGracePeriodSeconds: grace },
  status: { phase },
});
const item = (finalizers?: string[]): KubeObject => ({ metadata: { name: 'x', ...(finalizers ? { finalizers } : {}) } });

test('estimateGracefulTerminationForPods: the longest grace of running pods, until that long after the namespace deletion', () => {
  const deletedAt = 1_000_000;
  const cases: Array<{ name: string; pods: KubeObject[]; elapsedMs: number; want: number }> = [
    { name: 'no pods', pods: [], elapsedMs: 0, want: 0 },
    { name: 'longest grace period wins', pods: [pod(30), pod(60), pod(10)], elapsedMs: 5_000, want: 60 },
    { name: 'terminal pods are filtered out', pods: [pod(90, 'Succeeded'), pod(90, 'Failed'), pod(20)], elapsedMs: 0, want: 20 },
    { name: 'once the estimate has passed since the deletion, it is zero', pods: [pod(30)], elapsedMs: 30_000, want: 0 },
    { name: 'a pod without a grace period adds nothing', pods: [pod(undefined)], elapsedMs: 0, want: 0 },
  ];
  for (const c of cases) assert.equal(podTerminationEstimate(c.pods, deletedAt, deletedAt + c.elapsedMs), c.want, c.name);
});

test('deleteAllContentForGroupVersionResource: what is left of a resource after its deletecollection', () => {
  const cases: Array<{ name: string; items: KubeObject[]; estimate: number; want: Omit<ReturnType<typeof remainder>, 'byFinalizer'> & { byFinalizer: Array<[string, number]> } }> = [
    { name: 'nothing left: done', items: [], estimate: 30, want: { estimateSeconds: 0, remaining: 0, byFinalizer: [], unexpected: false } },
    { name: 'graceful pods still terminating: wait the estimate', items: [item(), item()], estimate: 30, want: { estimateSeconds: 30, remaining: 2, byFinalizer: [], unexpected: false } },
    {
      name: 'items held by finalizers: wait the finalizer estimate',
      items: [item(['example.com/hold']), item(['example.com/hold', 'a.io/x']), item()],
      estimate: 0,
      want: { estimateSeconds: 15, remaining: 3, byFinalizer: [['example.com/hold', 2], ['a.io/x', 1]], unexpected: false },
    },
    { name: 'items left with nothing to explain them: an error', items: [item()], estimate: 0, want: { estimateSeconds: 0, remaining: 1, byFinalizer: [], unexpected: true } },
  ];
  for (const c of cases) {
    const got = remainder(c.items, c.estimate, 15);
    assert.deepEqual({ ...got, byFinalizer: [...got.byFinalizer] }, c.want, c.name);
  }
});

test('the namespace worker rechecks remaining content after estimate/2 + 1 seconds', () => {
  assert.equal(recheckDelayMs(30), 16_000);
  assert.equal(recheckDelayMs(15), 8_000);
  assert.equal(recheckDelayMs(1), 1_000);
});

test('resource names as upstream prints them in conditions and errors', () => {
  const table = resourceTable();
  assert.equal(resourceLabel(table.find('', 'v1', 'pods')!), 'pods.');
  assert.equal(resourceLabel(table.find('apps', 'v1', 'daemonsets')!), 'daemonsets.apps');
  assert.equal(gvrString(table.find('', 'v1', 'pods')!), '/v1, Resource=pods');
  assert.equal(gvrString(table.find('apps', 'v1', 'controllerrevisions')!), 'apps/v1, Resource=controllerrevisions');
});
