import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { statefulSetStrategy } from '../../../../server/registry/strategies/statefulset.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, any>;

const FORBIDDEN =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
  "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function template(extraSpec: Json = {}, labels: Json = { app: 'db' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'postgres:16' }], ...extraSpec } };
}

function statefulSet(spec: Json = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'db' } }, serviceName: 'db', template: template(), ...spec },
  };
}

const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };

test('SetDefaults_StatefulSet', () => {
  const { obj, errors } = runCreate(statefulSetStrategy, statefulSet({ volumeClaimTemplates: [claim] }));
  assert.deepEqual(errors, []);
  const s = obj.spec as Json;
  assert.equal(s.replicas, 1);
  assert.equal(s.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(s.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.equal(s.revisionHistoryLimit, 10);
  assert.deepEqual(s.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(s.template.spec.restartPolicy, 'Always');
  // Each claim template is a whole v1 PersistentVolumeClaim, defaulted as one.
  assert.deepEqual(s.volumeClaimTemplates, [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    },
  ]);
});

test('SetDefaults_StatefulSet keeps what the client set', () => {
  const cases: Array<{ name: string; given: Json; key: string; want: unknown }> = [
    { name: 'OnDelete gets no rollingUpdate', given: { updateStrategy: { type: 'OnDelete' } }, key: 'updateStrategy', want: { type: 'OnDelete' } },
    {
      name: 'a RollingUpdate type alone gets no rollingUpdate',
      given: { updateStrategy: { type: 'RollingUpdate' } },
      key: 'updateStrategy',
      want: { type: 'RollingUpdate' },
    },
    { name: 'a partition is kept', given: { updateStrategy: { rollingUpdate: { partition: 2 } } }, key: 'updateStrategy', want: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
    { name: 'Parallel', given: { podManagementPolicy: 'Parallel' }, key: 'podManagementPolicy', want: 'Parallel' },
    {
      name: 'a half-set retention policy is completed',
      given: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } },
      key: 'persistentVolumeClaimRetentionPolicy',
      want: { whenDeleted: 'Delete', whenScaled: 'Retain' },
    },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(statefulSetStrategy, statefulSet(c.given));
    assert.deepEqual(errors, [], c.name);
    assert.deepEqual((obj.spec as Json)[c.key], c.want, c.name);
  }
});

test('PrepareForCreate: status shows replicas and availableReplicas; the alpha maxUnavailable is dropped', () => {
  const { obj } = runCreate(statefulSetStrategy, { ...statefulSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } }), status: { replicas: 3 } });
  assert.deepEqual(obj.status, { replicas: 0, availableReplicas: 0 });
  assert.deepEqual((obj.spec as Json).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
});

test('ValidateStatefulSetSpec', () => {
  const mismatch = 'spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`';
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    { name: 'the pod spec itself is not validated upstream', spec: { template: { metadata: { labels: { app: 'db' } }, spec: {} } }, want: [] },
    { name: 'missing selector', spec: { selector: undefined }, want: ['spec.selector: Required value', mismatch] },
    { name: 'mismatch', spec: { selector: { matchLabels: { app: 'web' } } }, want: [mismatch] },
    { name: 'empty selector', spec: { selector: {} }, want: ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset'] },
    {
      name: 'podManagementPolicy',
      spec: { podManagementPolicy: 'Random' },
      want: ['spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\''],
    },
    {
      name: 'an unknown update strategy',
      spec: { updateStrategy: { type: 'Blue' } },
      want: ['spec.updateStrategy: Invalid value: {"type":"Blue"}: must be \'RollingUpdate\' or \'OnDelete\''],
    },
    {
      name: 'OnDelete takes no rollingUpdate',
      spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } },
      want: ['spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy \'RollingUpdate\''],
    },
    {
      name: 'a negative partition',
      spec: { updateStrategy: { rollingUpdate: { partition: -1 } } },
      want: ['spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'retention policies',
      spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep', whenScaled: 'Delete' } },
      want: ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"'],
    },
    {
      name: 'counts',
      spec: { replicas: -1, minReadySeconds: -1, ordinals: { start: -1 } },
      want: [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'long-running pods only',
      spec: { template: template({ restartPolicy: 'OnFailure', activeDeadlineSeconds: 5 }) },
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(statefulSetStrategy, statefulSet(c.spec)).errors, c.want, c.name);
});

test('ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds change', () => {
  const old = created(statefulSetStrategy, statefulSet({ volumeClaimTemplates: [claim] }));
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'the same manifest again', spec: { volumeClaimTemplates: [claim] }, want: [] },
    {
      name: 'every mutable field',
      spec: {
        volumeClaimTemplates: [claim],
        replicas: 3,
        ordinals: { start: 1 },
        template: template({ hostNetwork: true }),
        updateStrategy: { type: 'OnDelete' },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' },
        minReadySeconds: 5,
      },
      want: [],
    },
    { name: 'serviceName', spec: { volumeClaimTemplates: [claim], serviceName: 'other' }, want: [FORBIDDEN] },
    { name: 'claim templates', spec: {}, want: [FORBIDDEN] },
    { name: 'selector', spec: { volumeClaimTemplates: [claim], selector: { matchLabels: { app: 'db', x: 'y' } }, template: template({}, { app: 'db', x: 'y' }) }, want: [FORBIDDEN] },
  ];
  for (const c of cases) assert.deepEqual(runUpdate(statefulSetStrategy, old, statefulSet(c.spec)).errors, c.want, c.name);
});

test('ValidateStatefulSetStatusUpdate', () => {
  const old = runStatusUpdate(statefulSetStrategy, created(statefulSetStrategy, statefulSet()), { replicas: 2, collisionCount: 1 }).obj;
  const cases: Array<{ name: string; status: Json; want: string[] }> = [
    { name: 'consistent', status: { replicas: 2, readyReplicas: 2, currentReplicas: 1, updatedReplicas: 1, availableReplicas: 2, collisionCount: 1 }, want: [] },
    {
      name: 'inconsistent',
      status: { replicas: 1, readyReplicas: 1, currentReplicas: 2, availableReplicas: 1, collisionCount: 1 },
      want: ['status.currentReplicas: Invalid value: 2: cannot be greater than status.replicas'],
    },
    {
      name: 'available above ready',
      status: { replicas: 2, readyReplicas: 1, availableReplicas: 2, collisionCount: 1 },
      want: ['status.availableReplicas: Invalid value: 2: cannot be greater than status.readyReplicas'],
    },
    { name: 'collisionCount', status: { replicas: 2 }, want: ['status.collisionCount: Invalid value: 0: cannot be decremented'] },
  ];
  for (const c of cases) assert.deepEqual(runStatusUpdate(statefulSetStrategy, old, c.status).errors, c.want, c.name);
  assert.deepEqual(runStatusUpdate(statefulSetStrategy, old, { collisionCount: 1 }).obj.status, { replicas: 0, availableReplicas: 0, collisionCount: 1 });
});

test('names are DNS labels: they become pod hostnames', () => {
  assert.equal(statefulSetStrategy.nameRule, 'label');
});
