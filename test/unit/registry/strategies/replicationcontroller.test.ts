import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { replicationControllerStrategy } from '../../../../server/registry/strategies/replicationcontroller.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, unknown>;

/** `labels: null` leaves the template without labels. */
function template(extraSpec: Json = {}, labels: Json | null = { app: 'web' }): Json {
  return { metadata: labels ? { labels } : {}, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extraSpec } };
}

function rc(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'rc', namespace: 'default', ...metadata },
    spec: { selector: { app: 'web' }, template: template(), ...spec },
  };
}

function spec(obj: KubeObject): Json {
  return obj.spec as Json;
}

test('SetDefaults_ReplicationController: selector and labels come from the template when empty', () => {
  const cases: Array<{ name: string; input: KubeObject; selector: unknown; labels: unknown }> = [
    { name: 'both empty', input: rc({ selector: undefined }), selector: { app: 'web' }, labels: { app: 'web' } },
    { name: 'empty maps count as empty', input: rc({ selector: {} }, { labels: {} }), selector: { app: 'web' }, labels: { app: 'web' } },
    {
      name: 'both given',
      input: rc({ selector: { app: 'web' }, template: template({}, { app: 'web', v: '2' }) }, { labels: { team: 'a' } }),
      selector: { app: 'web' },
      labels: { team: 'a' },
    },
    {
      name: 'a template without labels leaves both alone',
      input: rc({ selector: undefined, template: template({}, null) }),
      selector: undefined,
      labels: undefined,
    },
  ];
  for (const c of cases) {
    const { obj } = runCreate(replicationControllerStrategy, c.input);
    assert.deepEqual(spec(obj).selector, c.selector, c.name);
    assert.deepEqual(obj.metadata.labels, c.labels, c.name);
  }
});

test('defaulted selector and labels are copies, not the template map itself', () => {
  const { obj } = runCreate(replicationControllerStrategy, rc({ selector: undefined }));
  const labels = ((spec(obj).template as Json).metadata as Json).labels as Json;
  labels.extra = 'x';
  assert.deepEqual(spec(obj).selector, { app: 'web' });
  assert.deepEqual(obj.metadata.labels, { app: 'web' });
});

test('SetDefaults_ReplicationController: replicas default to 1, an explicit 0 stays', () => {
  assert.equal(spec(runCreate(replicationControllerStrategy, rc()).obj).replicas, 1);
  assert.equal(spec(runCreate(replicationControllerStrategy, rc({ replicas: 0 })).obj).replicas, 0);
});

test('the pod template gets the PodSpec defaults; an absent template stays absent', () => {
  const withTemplate = runCreate(replicationControllerStrategy, rc()).obj;
  const tplSpec = (spec(withTemplate).template as Json).spec as Json;
  assert.equal(tplSpec.restartPolicy, 'Always');
  assert.equal(tplSpec.dnsPolicy, 'ClusterFirst');
  const without = runCreate(replicationControllerStrategy, rc({ template: undefined })).obj;
  assert.equal(spec(without).template, undefined);
});

test('PrepareForCreate resets status to the replicas count core/v1 always writes', () => {
  const { obj } = runCreate(replicationControllerStrategy, { ...rc(), status: { replicas: 4, readyReplicas: 4 } });
  assert.deepEqual(obj.status, { replicas: 0 });
});

test('ValidateReplicationControllerSpec', () => {
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    { name: 'selector may be a subset of the template labels', spec: { template: template({}, { app: 'web', v: '1' }) }, want: [] },
    { name: 'zero replicas', spec: { replicas: 0 }, want: [] },
    {
      name: 'selector is required',
      spec: { selector: undefined, template: template({}, null) },
      want: ['spec.selector: Required value'],
    },
    {
      name: 'template is required',
      spec: { template: undefined },
      want: ['spec.template: Required value'],
    },
    {
      name: 'selector must match template labels',
      spec: { selector: { app: 'db' } },
      want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'a selector key missing from the template labels',
      spec: { selector: { app: 'web', tier: 'x' } },
      want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'replicas are non-negative',
      spec: { replicas: -1 },
      want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'minReadySeconds is non-negative',
      spec: { minReadySeconds: -1 },
      want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'restartPolicy must be Always',
      spec: { template: template({ restartPolicy: 'Never' }) },
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'activeDeadlineSeconds is forbidden',
      spec: { template: template({ activeDeadlineSeconds: 10 }) },
      want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(replicationControllerStrategy, rc(c.spec)).errors, c.want, c.name);
  }
});

test('pod template errors surface under spec.template', () => {
  const { errors } = runCreate(replicationControllerStrategy, rc({ template: { metadata: { labels: { app: 'web' } }, spec: {} } }));
  assert.ok(errors.length > 0 && errors.every((e) => e.startsWith('spec.template.spec.')), errors.join('\n'));
});

test('ValidateReplicationControllerUpdate: the selector may change', () => {
  const old = created(replicationControllerStrategy, rc({ template: template({}, { app: 'web', v: '1' }) }));
  const next = rc({ selector: { app: 'web', v: '1' }, template: template({}, { app: 'web', v: '1' }) });
  assert.deepEqual(runUpdate(replicationControllerStrategy, old, next).errors, []);
  assert.deepEqual(runUpdate(replicationControllerStrategy, old, rc({ replicas: -2 })).errors, [
    'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
  ]);
});

test('ValidateReplicationControllerStatus', () => {
  const old = created(replicationControllerStrategy, rc());
  const msg = 'cannot be greater than status.replicas';
  const cases: Array<{ name: string; status: Json; want: string[] }> = [
    { name: 'valid', status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 1, observedGeneration: 2 }, want: [] },
    {
      name: 'a negative replicas count is also below every zero subset count',
      status: { replicas: -1 },
      want: [
        'status.replicas: Invalid value: -1: must be greater than or equal to 0',
        `status.fullyLabeledReplicas: Invalid value: 0: ${msg}`,
        `status.readyReplicas: Invalid value: 0: ${msg}`,
        `status.availableReplicas: Invalid value: 0: ${msg}`,
      ],
    },
    {
      name: 'observedGeneration',
      status: { replicas: 1, observedGeneration: -1 },
      want: ['status.observedGeneration: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'fullyLabeledReplicas above replicas',
      status: { replicas: 3, fullyLabeledReplicas: 4 },
      want: [`status.fullyLabeledReplicas: Invalid value: 4: ${msg}`],
    },
    {
      name: 'readyReplicas above replicas',
      status: { replicas: 3, readyReplicas: 4 },
      want: [`status.readyReplicas: Invalid value: 4: ${msg}`],
    },
    {
      name: 'availableReplicas above replicas and ready',
      status: { replicas: 3, readyReplicas: 3, availableReplicas: 4 },
      want: [`status.availableReplicas: Invalid value: 4: ${msg}`, 'status.availableReplicas: Invalid value: 4: cannot be greater than readyReplicas'],
    },
    {
      name: 'availableReplicas above readyReplicas',
      status: { replicas: 3, readyReplicas: 2, availableReplicas: 3 },
      want: ['status.availableReplicas: Invalid value: 3: cannot be greater than readyReplicas'],
    },
    {
      name: 'a negative fullyLabeledReplicas is not also compared',
      status: { replicas: 0, fullyLabeledReplicas: -1 },
      want: ['status.fullyLabeledReplicas: Invalid value: -1: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runStatusUpdate(replicationControllerStrategy, old, c.status).errors, c.want, c.name);
  }
});

test('a status write fills the replicas count core/v1 always writes', () => {
  const old = created(replicationControllerStrategy, rc());
  assert.deepEqual(runStatusUpdate(replicationControllerStrategy, old, { observedGeneration: 1 }).obj.status, {
    replicas: 0,
    observedGeneration: 1,
  });
  assert.deepEqual(runStatusUpdate(replicationControllerStrategy, old, undefined).obj.status, { replicas: 0 });
});

test('selectable field status.replicas', () => {
  const select = replicationControllerStrategy.selectableFields?.['status.replicas'];
  assert.ok(select);
  const fresh = created(replicationControllerStrategy, rc());
  assert.equal(select(fresh), '0');
  assert.equal(select(runStatusUpdate(replicationControllerStrategy, fresh, { replicas: 3 }).obj), '3');
  assert.equal(select({ metadata: {} }), '0');
});
