import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCES } from '../../../schemas/resources.js';
import { deletionFinalizers, planDeletion } from '../../../server/registry/deletion.js';
import type { DeleteOptions } from '../../../server/registry/options.js';

const rc = RESOURCES.find((d) => d.key === 'replicationcontrollers')!;
const ds = RESOURCES.find((d) => d.key === 'daemonsets.apps')!;
const pods = RESOURCES.find((d) => d.key === 'pods')!;

const finalizerCases: Array<{ name: string; def: typeof rc; existing: string[]; options: DeleteOptions; want: string[] }> = [
  { name: 'RC default policy orphans', def: rc, existing: [], options: {}, want: ['orphan'] },
  { name: 'apps/v1 default policy cascades in the background', def: ds, existing: [], options: {}, want: [] },
  { name: 'Background clears an earlier orphan choice', def: rc, existing: ['orphan'], options: { propagationPolicy: 'Background' }, want: [] },
  { name: 'Foreground replaces orphan', def: ds, existing: ['orphan', 'x/y'], options: { propagationPolicy: 'Foreground' }, want: ['x/y', 'foregroundDeletion'] },
  { name: 'an existing foreground choice is kept without options', def: ds, existing: ['foregroundDeletion'], options: {}, want: ['foregroundDeletion'] },
  { name: 'an existing orphan choice is kept without options', def: ds, existing: ['orphan'], options: {}, want: ['orphan'] },
  { name: 'legacy orphanDependents=true orphans', def: ds, existing: [], options: { orphanDependents: true }, want: ['orphan'] },
  { name: 'legacy orphanDependents=false cascades even for RCs', def: rc, existing: [], options: { orphanDependents: false }, want: [] },
];

for (const c of finalizerCases) {
  test(`deletionFinalizers: ${c.name}`, () => {
    assert.deepEqual(deletionFinalizers(c.def, c.existing, c.options), c.want);
  });
}

const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u', resourceVersion: '5' }, spec: { containers: [], ...spec }, status,
});

const graceCases: Array<{ name: string; obj: any; options: DeleteOptions; action: string; grace?: number }> = [
  { name: 'an unscheduled pod is removed at once', obj: pod({}), options: {}, action: 'remove' },
  { name: 'a bound pod waits terminationGracePeriodSeconds', obj: pod({ nodeName: 'n', terminationGracePeriodSeconds: 12 }), options: {}, action: 'mark', grace: 12 },
  { name: 'a bound pod without a grace period uses 30 s', obj: pod({ nodeName: 'n' }), options: {}, action: 'mark', grace: 30 },
  { name: 'gracePeriodSeconds=0 removes a bound pod', obj: pod({ nodeName: 'n' }), options: { gracePeriodSeconds: 0 }, action: 'remove' },
  { name: 'a finished pod is removed at once', obj: pod({ nodeName: 'n' }, { phase: 'Succeeded' }), options: {}, action: 'remove' },
  { name: 'a negative grace period becomes 1 s', obj: pod({ nodeName: 'n' }), options: { gracePeriodSeconds: -5 }, action: 'mark', grace: 1 },
];

for (const c of graceCases) {
  test(`planDeletion: ${c.name}`, () => {
    const plan = planDeletion(pods, c.obj, c.options, Date.UTC(2026, 0, 1));
    assert.equal(plan.action, c.action);
    if (c.grace !== undefined) {
      assert.equal(plan.object.metadata.deletionGracePeriodSeconds, c.grace);
      assert.equal(plan.object.metadata.deletionTimestamp, new Date(Date.UTC(2026, 0, 1) + c.grace * 1000).toISOString().replace('.000Z', 'Z'));
    }
  });
}

test('planDeletion: a shorter grace period on a terminating pod moves its deadline', () => {
  const terminating = pod({ nodeName: 'n' });
  Object.assign(terminating.metadata, { deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: 30 });
  const plan = planDeletion(pods, terminating, { gracePeriodSeconds: 5 }, Date.UTC(2026, 0, 1));
  assert.equal(plan.action, 'mark');
  assert.equal(plan.object.metadata.deletionGracePeriodSeconds, 5);
  assert.equal(planDeletion(pods, terminating, {}, Date.UTC(2026, 0, 1)).action, 'unchanged');
});
