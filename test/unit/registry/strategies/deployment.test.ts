import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { deploymentStrategy } from '../../../../server/registry/strategies/deployment.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, any>;

const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function template(extraSpec: Json = {}, labels: Json = { app: 'web' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extraSpec } };
}

function deployment(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', ...metadata },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
  };
}

const spec = (obj: KubeObject) => obj.spec as Json;

test('SetDefaults_Deployment: a deployment sent as bare JSON shows every upstream default', () => {
  const { obj, errors } = runCreate(deploymentStrategy, deployment());
  assert.deepEqual(errors, []);
  const s = spec(obj);
  assert.equal(s.replicas, 1);
  assert.deepEqual(s.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(s.revisionHistoryLimit, 10);
  assert.equal(s.progressDeadlineSeconds, 600);
  assert.equal(s.template.metadata.creationTimestamp, null);
  assert.deepEqual(
    [s.template.spec.restartPolicy, s.template.spec.terminationGracePeriodSeconds, s.template.spec.dnsPolicy, s.template.spec.schedulerName],
    ['Always', 30, 'ClusterFirst', 'default-scheduler'],
  );
  assert.equal(s.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
});

test('SetDefaults_Deployment keeps what the client set', () => {
  const cases: Array<{ name: string; given: Json; check: (s: Json) => void }> = [
    { name: 'zero replicas stay zero', given: { replicas: 0 }, check: (s) => assert.equal(s.replicas, 0) },
    { name: 'zero revisionHistoryLimit stays', given: { revisionHistoryLimit: 0 }, check: (s) => assert.equal(s.revisionHistoryLimit, 0) },
    { name: 'Recreate gets no rollingUpdate', given: { strategy: { type: 'Recreate' } }, check: (s) => assert.deepEqual(s.strategy, { type: 'Recreate' }) },
    {
      name: 'a partial rollingUpdate is completed',
      given: { strategy: { rollingUpdate: { maxSurge: 3 } } },
      check: (s) => assert.deepEqual(s.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: '25%' } }),
    },
    { name: 'a deadline is kept', given: { progressDeadlineSeconds: 30 }, check: (s) => assert.equal(s.progressDeadlineSeconds, 30) },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(deploymentStrategy, deployment(c.given));
    assert.deepEqual(errors, [], c.name);
    c.check(spec(obj));
  }
});

test('PrepareForCreate: status starts empty whatever the client sent', () => {
  const { obj } = runCreate(deploymentStrategy, { ...deployment(), status: { replicas: 3, observedGeneration: 7 } });
  assert.deepEqual(obj.status, {});
});

test('ValidateDeploymentSpec', () => {
  const mismatch = 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`';
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    { name: 'a missing selector is required, and selects nothing', spec: { selector: undefined }, want: ['spec.selector: Required value', mismatch] },
    { name: 'the selector must select the template', spec: { selector: { matchLabels: { app: 'db' } } }, want: [mismatch] },
    { name: 'an empty selector', spec: { selector: {} }, want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'] },
    {
      name: 'an unconvertible selector hides the template checks',
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] }, template: template({ restartPolicy: 'Never' }) },
      want: [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector',
      ],
    },
    { name: 'negative replicas', spec: { replicas: -1 }, want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'pods must restart for ever',
      spec: { template: template({ restartPolicy: 'OnFailure' }) },
      want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    },
    {
      name: 'no deadline on pods, in upstream ReplicaSet wording',
      spec: { template: template({ activeDeadlineSeconds: 10 }) },
      want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    },
    { name: 'the pod template is validated', spec: { template: { metadata: { labels: { app: 'web' } }, spec: {} } }, want: ['spec.template.spec.containers: Required value'] },
    { name: 'minReadySeconds', spec: { minReadySeconds: -1, progressDeadlineSeconds: 5 }, want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'] },
    { name: 'revisionHistoryLimit', spec: { revisionHistoryLimit: -3 }, want: ['spec.revisionHistoryLimit: Invalid value: -3: must be greater than or equal to 0'] },
    {
      name: 'the progress deadline must outlast minReadySeconds',
      spec: { minReadySeconds: 30, progressDeadlineSeconds: 30 },
      want: ['spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
    },
    {
      name: 'a negative progress deadline',
      spec: { progressDeadlineSeconds: -1 },
      want: [
        'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(deploymentStrategy, deployment(c.spec)).errors, c.want, c.name);
});

test('ValidateDeploymentStrategy', () => {
  const ru = (rollingUpdate: Json) => ({ strategy: { type: 'RollingUpdate', rollingUpdate } });
  const P = 'spec.strategy.rollingUpdate';
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'counts', spec: ru({ maxUnavailable: 1, maxSurge: 0 }), want: [] },
    { name: 'percentages', spec: ru({ maxUnavailable: '0%', maxSurge: '100%' }), want: [] },
    {
      name: 'a rollout needs room',
      spec: ru({ maxUnavailable: 0, maxSurge: '0%' }),
      want: [`${P}.maxUnavailable: Invalid value: 0: may not be 0 when \`maxSurge\` is 0`],
    },
    { name: 'a bad percentage', spec: ru({ maxUnavailable: '5', maxSurge: 1 }), want: [`${P}.maxUnavailable: Invalid value: "5": ${PERCENT_MSG}`] },
    { name: 'a negative count', spec: ru({ maxUnavailable: 1, maxSurge: -1 }), want: [`${P}.maxSurge: Invalid value: -1: must be greater than or equal to 0`] },
    {
      name: 'more than everything may not be unavailable',
      spec: ru({ maxUnavailable: '150%' }),
      want: [`${P}.maxUnavailable: Invalid value: "150%": must not be greater than 100%`],
    },
    {
      name: 'Recreate takes no rollingUpdate',
      spec: { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: 'an unknown type is reported on the strategy',
      spec: { strategy: { type: 'BlueGreen' } },
      want: ['spec.strategy: Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"'],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(deploymentStrategy, deployment(c.spec)).errors, c.want, c.name);
});

test('ValidateUpdate: the selector is immutable, the rest of the spec revalidated', () => {
  const old = created(deploymentStrategy, deployment());
  assert.deepEqual(runUpdate(deploymentStrategy, old, deployment({ replicas: 5 })).errors, []);
  assert.deepEqual(
    runUpdate(deploymentStrategy, old, deployment({ selector: { matchLabels: { app: 'web', v: '2' } }, template: template({}, { app: 'web', v: '2' }) })).errors,
    ['spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable'],
  );
  assert.deepEqual(runUpdate(deploymentStrategy, old, deployment({ replicas: -2 })).errors, [
    'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
  ]);
});

test('PrepareForUpdate: an annotation change bumps the generation, as a spec change does', () => {
  const old = created(deploymentStrategy, deployment({}, { generation: 3, annotations: { a: '1' } }));
  const cases: Array<{ name: string; annotations: Json | undefined; want: number }> = [
    { name: 'unchanged', annotations: { a: '1' }, want: 3 },
    { name: 'changed', annotations: { a: '2' }, want: 4 },
    { name: 'removed', annotations: undefined, want: 4 },
  ];
  for (const c of cases) {
    const input = deployment({}, { generation: 3, ...(c.annotations ? { annotations: c.annotations } : {}) });
    assert.equal(runUpdate(deploymentStrategy, old, input).obj.metadata.generation, c.want, c.name);
  }
  const specChanged = deployment({ replicas: 4 }, { generation: 4, annotations: { a: '2' } });
  assert.equal(runUpdate(deploymentStrategy, old, specChanged).obj.metadata.generation, 4, 'a generation already bumped is not bumped twice');
});

test('ValidateDeploymentStatusUpdate', () => {
  const old = runStatusUpdate(deploymentStrategy, created(deploymentStrategy, deployment()), { replicas: 3, collisionCount: 2 }).obj;
  const cases: Array<{ name: string; status: Json; want: string[] }> = [
    { name: 'consistent counts', status: { replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 1, collisionCount: 2 }, want: [] },
    {
      name: 'negative counts',
      status: { observedGeneration: -1, unavailableReplicas: -2, collisionCount: 2 },
      want: [
        'status.observedGeneration: Invalid value: -1: must be greater than or equal to 0',
        'status.unavailableReplicas: Invalid value: -2: must be greater than or equal to 0',
      ],
    },
    {
      name: 'subsets larger than their set',
      status: { replicas: 1, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 2, collisionCount: 2 },
      want: [
        'status.updatedReplicas: Invalid value: 2: cannot be greater than status.replicas',
        'status.availableReplicas: Invalid value: 2: cannot be greater than status.replicas',
        'status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas',
      ],
    },
    { name: 'collisionCount only grows', status: { collisionCount: 1 }, want: ['status.collisionCount: Invalid value: 1: cannot be decremented'] },
    { name: 'nor disappears', status: {}, want: ['status.collisionCount: Invalid value: 0: cannot be decremented'] },
  ];
  for (const c of cases) assert.deepEqual(runStatusUpdate(deploymentStrategy, old, c.status).errors, c.want, c.name);
  assert.equal(spec(runStatusUpdate(deploymentStrategy, old, { replicas: 1, collisionCount: 2 }).obj).replicas, 1, 'spec kept');
});
