import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { replicaSetStrategy } from '../../../../server/registry/strategies/replicaset.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, any>;

function template(extraSpec: Json = {}, labels: Json = { app: 'web' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extraSpec } };
}

function replicaSet(spec: Json = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
  };
}

test('SetDefaults_ReplicaSet: one replica unless told otherwise; the template gets pod defaults', () => {
  const cases: Array<{ given: Json; replicas: number }> = [
    { given: {}, replicas: 1 },
    { given: { replicas: 0 }, replicas: 0 },
    { given: { replicas: 5 }, replicas: 5 },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(replicaSetStrategy, replicaSet(c.given));
    assert.deepEqual(errors, []);
    assert.equal((obj.spec as Json).replicas, c.replicas, JSON.stringify(c.given));
    assert.equal((obj.spec as Json).template.spec.restartPolicy, 'Always');
  }
});

test('PrepareForCreate: status shows replicas 0, as apps/v1 writes it without omitempty', () => {
  assert.deepEqual(runCreate(replicaSetStrategy, { ...replicaSet(), status: { replicas: 9, readyReplicas: 9 } }).obj.status, { replicas: 0 });
});

test('ValidateReplicaSetSpec', () => {
  const mismatch = 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`';
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    { name: 'missing selector', spec: { selector: undefined }, want: ['spec.selector: Required value', mismatch] },
    { name: 'mismatch', spec: { selector: { matchLabels: { app: 'api' } } }, want: [mismatch] },
    { name: 'empty selector, in upstream deployment wording', spec: { selector: {} }, want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'] },
    {
      name: 'an invalid label value in the selector: it does not convert either, so the template goes unchecked',
      spec: { selector: { matchLabels: { app: '-web' } }, template: template({}, { app: '-web' }) },
      want: [
        'spec.selector.matchLabels: Invalid value: "-web": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
        'spec.selector: Invalid value: {"matchLabels":{"app":"-web"}}: invalid label selector',
      ],
    },
    {
      name: 'counts',
      spec: { replicas: -1, minReadySeconds: -2 },
      want: [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0',
      ],
    },
    {
      name: 'long-running pods only',
      spec: { template: template({ restartPolicy: 'Never', activeDeadlineSeconds: 5 }) },
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(replicaSetStrategy, replicaSet(c.spec)).errors, c.want, c.name);
});

test('ValidateUpdate: the selector is immutable, replicas and template are not', () => {
  const old = created(replicaSetStrategy, replicaSet());
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'scale', spec: { replicas: 3 }, want: [] },
    { name: 'new image', spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } } }, want: [] },
    {
      name: 'new selector',
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
      want: ['spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Exists"}]}: field is immutable'],
    },
  ];
  for (const c of cases) assert.deepEqual(runUpdate(replicaSetStrategy, old, replicaSet(c.spec)).errors, c.want, c.name);
});

test('ValidateReplicaSetStatusUpdate and the replicas a status always shows', () => {
  const old = created(replicaSetStrategy, replicaSet());
  const cases: Array<{ name: string; status: Json | undefined; want: string[]; stored?: Json }> = [
    { name: 'empty', status: undefined, want: [], stored: { replicas: 0 } },
    { name: 'consistent', status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 }, want: [] },
    {
      name: 'inconsistent',
      status: { replicas: 1, fullyLabeledReplicas: 2, readyReplicas: 0, availableReplicas: 1, observedGeneration: -1 },
      want: [
        'status.observedGeneration: Invalid value: -1: must be greater than or equal to 0',
        'status.fullyLabeledReplicas: Invalid value: 2: cannot be greater than status.replicas',
        'status.availableReplicas: Invalid value: 1: cannot be greater than readyReplicas',
      ],
    },
  ];
  for (const c of cases) {
    const { obj, errors } = runStatusUpdate(replicaSetStrategy, old, c.status);
    assert.deepEqual(errors, c.want, c.name);
    if (c.stored) assert.deepEqual(obj.status, c.stored, c.name);
  }
});

test('status.replicas is a selectable field', () => {
  const { obj } = runStatusUpdate(replicaSetStrategy, created(replicaSetStrategy, replicaSet()), { replicas: 4 });
  assert.equal(replicaSetStrategy.selectableFields?.['status.replicas'](obj), '4');
});
