import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../schemas/meta.js';
import { cronJobStrategy } from '../../../../server/registry/strategies/cronjob.js';
import { priorityClassStrategy } from '../../../../server/registry/strategies/priorityclass.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

const jobTemplate = (restartPolicy?: string) => ({ spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], ...(restartPolicy ? { restartPolicy } : {}) } } } });
const cronJob = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'ns' }, spec } as KubeObject);

test('CronJob: SetDefaults_CronJob and an empty status', () => {
  const { obj, errors } = runCreate(cronJobStrategy, cronJob({ schedule: '*/5 * * * *', jobTemplate: jobTemplate('OnFailure') }));
  assert.deepEqual(errors, []);
  assert.deepEqual(obj.spec, {
    schedule: '*/5 * * * *', jobTemplate: jobTemplate('OnFailure'), concurrencyPolicy: 'Allow', suspend: false,
    successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
  });
  assert.deepEqual(obj.status, {});
});

test('CronJob: schedule and job template required, restart policy one a job can finish with', () => {
  assert.deepEqual(runCreate(cronJobStrategy, cronJob({})).errors, [
    'spec.schedule: Required value',
    'spec.jobTemplate.spec.template.spec.containers: Required value',
    'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
  ]);
  assert.deepEqual(runCreate(cronJobStrategy, cronJob({ schedule: 'every minute', concurrencyPolicy: 'Sometimes', jobTemplate: jobTemplate('Never') })).errors, [
    'spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]',
    'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
  ]);
  assert.deepEqual(runCreate(cronJobStrategy, cronJob({ schedule: '@hourly', jobTemplate: jobTemplate('Never') })).errors, []);
});

const pc = (fields: Record<string, unknown>, name = 'high'): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, ...fields } as KubeObject);

test('PriorityClass: value defaults to 0 and preemptionPolicy to PreemptLowerPriority', () => {
  const { obj, errors } = runCreate(priorityClassStrategy, pc({}));
  assert.deepEqual(errors, []);
  assert.equal(obj.value, 0);
  assert.equal(obj.preemptionPolicy, 'PreemptLowerPriority');
});

test('PriorityClass: user values are capped, system- names reserved, preemptionPolicy checked', () => {
  assert.deepEqual(runCreate(priorityClassStrategy, pc({ value: 1_000_000_001, preemptionPolicy: 'Maybe' })).errors, [
    'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    'preemptionPolicy: Unsupported value: "Maybe": supported values: "PreemptLowerPriority", "Never"',
  ]);
  assert.deepEqual(runCreate(priorityClassStrategy, pc({ value: 5 }, 'system-mine')).errors, [
    "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
  ]);
  assert.deepEqual(runCreate(priorityClassStrategy, pc({ value: 2_000_000_000 }, 'system-cluster-critical')).errors, []);
  assert.deepEqual(runCreate(priorityClassStrategy, pc({ value: 1 }, 'system-node-critical')).errors, [
    "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
  ]);
});

test('PriorityClass: value and preemptionPolicy are immutable', () => {
  const old = created(priorityClassStrategy, pc({ value: 10 }));
  assert.deepEqual(runUpdate(priorityClassStrategy, old, pc({ value: 10, description: 'd' })).errors, []);
  assert.deepEqual(runUpdate(priorityClassStrategy, old, pc({ value: 11, preemptionPolicy: 'Never' })).errors, [
    'value: Forbidden: may not be changed in an update.',
    'preemptionPolicy: Invalid value: "Never": field is immutable',
  ]);
});
