import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { podStrategy } from '../../../../server/registry/strategies/pod.js';
import { created, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function pod(spec: Json, extra: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, ...extra };
}

const C = { name: 'c', image: 'nginx:1.25' };

test('ValidatePodUpdate: only images, the deadline, added tolerations and removed gates may change', () => {
  const old = created(
    podStrategy,
    pod({ containers: [C], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], schedulingGates: [{ name: 'a' }, { name: 'b' }] }),
  );
  const edit = (change: (spec: Json) => void): KubeObject => {
    const next = structuredClone(old);
    change(next.spec as Json);
    return next;
  };
  const cases: Array<{ name: string; next: KubeObject; want: string[] | RegExp }> = [
    { name: 'unchanged', next: old, want: [] },
    { name: 'an image', next: edit((s) => ((s.containers as Json[])[0].image = 'nginx:1.26')), want: [] },
    { name: 'setting a deadline', next: edit((s) => (s.activeDeadlineSeconds = 60)), want: [] },
    {
      name: 'adding a toleration and changing tolerationSeconds',
      // The stored pod also carries the two 300 s defaults DefaultTolerationSeconds added at creation.
      next: edit((s) => (s.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }, ...(s.tolerations as Json[]).slice(1), { operator: 'Exists' }])),
      want: [],
    },
    { name: 'removing a scheduling gate', next: edit((s) => (s.schedulingGates = [{ name: 'b' }])), want: [] },
    { name: 'adding to a gated pod nodeSelector', next: edit((s) => (s.nodeSelector = { zone: 'a' })), want: [] },
    {
      name: 'an explicit zero value is no change',
      next: edit((s) => Object.assign(s, { hostNetwork: false, nodeName: '' })),
      want: [],
    },
    {
      name: 'removing a toleration',
      next: edit((s) => (s.tolerations = [])),
      want: ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'],
    },
    {
      name: 'adding a scheduling gate',
      next: edit((s) => (s.schedulingGates = [{ name: 'a' }, { name: 'b' }, { name: 'c' }])),
      want: ["spec.schedulingGates[2].name: Forbidden: only deletion is allowed, but found new scheduling gate 'c'"],
    },
    {
      name: 'adding a container',
      next: edit((s) => (s.containers as Json[]).push({ ...C, name: 'd' })),
      want: ['spec.containers: Forbidden: pod updates may not add or remove containers'],
    },
    {
      name: 'anything else',
      next: edit((s) => (s.restartPolicy = 'Never')),
      want: /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n- restartPolicy: "Always"\n\+ restartPolicy: "Never"$/,
    },
  ];
  for (const c of cases) {
    const { errors } = runUpdate(podStrategy, old, c.next);
    if (c.want instanceof RegExp) {
      assert.equal(errors.length, 1, c.name);
      assert.match(errors[0], c.want, c.name);
    } else {
      assert.deepEqual(errors, c.want, c.name);
    }
  }
});

test('ValidatePodUpdate: the deadline may only shrink', () => {
  const old = created(podStrategy, pod({ containers: [C], activeDeadlineSeconds: 30 }));
  const withDeadline = (value: number | undefined) => {
    const next = structuredClone(old);
    (next.spec as Json).activeDeadlineSeconds = value;
    return runUpdate(podStrategy, old, next).errors;
  };
  assert.deepEqual(withDeadline(10), []);
  assert.deepEqual(withDeadline(60), ['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']);
  assert.deepEqual(withDeadline(undefined), ['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value']);
});

test('PrepareForUpdate keeps the stored status', () => {
  const old = created(podStrategy, pod({ containers: [C] }));
  const { obj } = runUpdate(podStrategy, old, { ...structuredClone(old), status: { phase: 'Failed' } });
  assert.deepEqual(obj.status, { phase: 'Pending', qosClass: 'BestEffort' });
});

test('status updates: qosClass is kept and immutable, finished containers stay finished', () => {
  const old = created(podStrategy, pod({ containers: [C], restartPolicy: 'Never' }));
  assert.equal((runStatusUpdate(podStrategy, old, { phase: 'Running' }).obj.status as Json).qosClass, 'BestEffort');
  assert.deepEqual(runStatusUpdate(podStrategy, old, { phase: 'Running', qosClass: 'Guaranteed' }).errors, [
    'status.qosClass: Invalid value: "Guaranteed": field is immutable',
  ]);
  const done = structuredClone(old);
  done.status = { phase: 'Failed', qosClass: 'BestEffort', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 1 } } }] };
  assert.deepEqual(runStatusUpdate(podStrategy, done, { ...(done.status as Json), containerStatuses: [{ name: 'c', state: { running: {} } }] }).errors, [
    'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
  ]);
  assert.deepEqual(runStatusUpdate(podStrategy, old, { qosClass: 'BestEffort', podIPs: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }).errors, [
    'status.podIPs: Invalid value: [{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}]: may specify no more than one IP for each IP family',
  ]);
});
