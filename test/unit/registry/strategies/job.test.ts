import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { jobStrategy } from '../../../../server/registry/strategies/job.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, any>;

const UID = '0b5c1e7e-6c3a-4f4e-9a57-3d0c1c6f0d11';
const GENERATED = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID, 'job-name': 'pi' };

function podSpec(extra: Json = {}): Json {
  return { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never', ...extra };
}

function job(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: UID, ...metadata },
    spec: { template: { spec: podSpec() }, ...spec },
  };
}

const spec = (obj: KubeObject) => obj.spec as Json;

test('SetDefaults_Job: a bare job runs one pod once, and PrepareForCreate labels and selects its pods', () => {
  const { obj, errors } = runCreate(jobStrategy, job({ template: { metadata: { labels: { app: 'pi' } }, spec: podSpec() } }));
  assert.deepEqual(errors, []);
  const s = spec(obj);
  assert.deepEqual(
    [s.parallelism, s.completions, s.backoffLimit, s.completionMode, s.suspend, s.podReplacementPolicy, s.manualSelector],
    [1, 1, 6, 'NonIndexed', false, 'TerminatingOrFailed', false],
  );
  assert.deepEqual(obj.metadata.labels, { app: 'pi' }, 'the job takes the labels the client gave its pods');
  assert.deepEqual(s.template.metadata.labels, { app: 'pi', ...GENERATED });
  assert.deepEqual(s.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } });
  assert.equal(s.template.metadata.creationTimestamp, null);
  assert.deepEqual(obj.status, {});
});

test('SetDefaults_Job keeps what the client set', () => {
  const cases: Array<{ name: string; given: Json; want: Json }> = [
    { name: 'parallelism alone leaves completions unset', given: { parallelism: 3 }, want: { parallelism: 3, completions: undefined } },
    { name: 'completions alone', given: { completions: 4 }, want: { parallelism: 1, completions: 4 } },
    { name: 'a per-index limit makes the job limit unbounded', given: { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, want: { backoffLimit: 2147483647 } },
    {
      name: 'a pod failure policy replaces pods only once they failed, and matches True conditions by default',
      given: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } },
      want: { podReplacementPolicy: 'Failed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } },
    },
    { name: 'suspend', given: { suspend: true }, want: { suspend: true } },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(jobStrategy, job(c.given));
    assert.deepEqual(errors, [], c.name);
    for (const [key, value] of Object.entries(c.want)) assert.deepEqual(spec(obj)[key], value, `${c.name}: ${key}`);
  }
  const labelled = runCreate(jobStrategy, job({ template: { metadata: { labels: { app: 'pi' } }, spec: podSpec() } }, { labels: { team: 'a' } })).obj;
  assert.deepEqual(labelled.metadata.labels, { team: 'a' }, 'labels of its own are kept');
});

test('a manual selector is the client\'s: nothing is generated', () => {
  const input = job({ manualSelector: true, selector: { matchLabels: { app: 'pi' } }, template: { metadata: { labels: { app: 'pi' } }, spec: podSpec() } });
  const { obj, errors } = runCreate(jobStrategy, input);
  assert.deepEqual(errors, []);
  assert.deepEqual(spec(obj).selector, { matchLabels: { app: 'pi' } });
  assert.deepEqual(spec(obj).template.metadata.labels, { app: 'pi' });
});

test('ValidateJob', () => {
  const P = 'spec.template.spec.restartPolicy';
  const rules = (...r: Json[]) => ({ podFailurePolicy: { rules: r } });
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    { name: 'pods must be able to finish', spec: { template: { spec: podSpec({ restartPolicy: 'Always' }) } }, want: [`${P}: Required value: valid values: "OnFailure", "Never"`] },
    { name: 'a pod template without a restart policy gets Always, which a job refuses', spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } }, want: [`${P}: Required value: valid values: "OnFailure", "Never"`] },
    {
      name: 'an unknown restart policy',
      spec: { template: { spec: podSpec({ restartPolicy: 'Sometimes' }) } },
      want: [`${P}: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`, `${P}: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"`],
    },
    {
      name: 'a pod failure policy needs Never',
      spec: { ...rules({ action: 'Count', onExitCodes: { operator: 'In', values: [1] } }), template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } },
      want: [`${P}: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified`],
    },
    {
      name: 'counts',
      spec: { parallelism: -1, backoffLimit: -1, activeDeadlineSeconds: -5, ttlSecondsAfterFinished: -1 },
      want: [
        'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
        'spec.activeDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0',
        'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
        'spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    { name: 'completionMode', spec: { completionMode: 'Random' }, want: ['spec.completionMode: Unsupported value: "Random": supported values: "NonIndexed", "Indexed"'] },
    { name: 'Indexed needs completions', spec: { completionMode: 'Indexed', parallelism: 2 }, want: ['spec.completions: Required value: when completion mode is Indexed'] },
    {
      name: 'per-index limits need Indexed',
      spec: { backoffLimitPerIndex: 1, maxFailedIndexes: 1 },
      want: [
        'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
        'spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode',
      ],
    },
    {
      name: 'maxFailedIndexes needs backoffLimitPerIndex, and no more than completions',
      spec: { completionMode: 'Indexed', completions: 2, maxFailedIndexes: 3 },
      want: [
        'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
        'spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions',
      ],
    },
    {
      name: 'FailIndex needs a per-index limit; a rule needs exactly one requirement',
      spec: rules({ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] }, { action: 'Ignore' }),
      want: [
        'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
        'spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      ],
    },
    {
      name: 'exit codes: known container, ordered, unique, no 0 for In',
      spec: rules({ action: 'FailJob', onExitCodes: { containerName: 'other', operator: 'In', values: [0, 3, 3, 2] } }),
      want: [
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "other": must be one of the container or initContainer names in the pod template',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [0,3,3,2]: must be ordered',
      ],
    },
    {
      name: 'unknown actions and operators',
      spec: rules({ action: 'Retry', onExitCodes: { operator: 'Between', values: [1] } }),
      want: [
        'spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
        'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Between": supported values: "In", "NotIn"',
      ],
    },
    {
      name: 'a success policy needs Indexed',
      spec: { successPolicy: { rules: [{ succeededCount: 1 }] } },
      want: ['spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: requires indexed completion mode'],
    },
    {
      name: 'success policy rules',
      spec: { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '0,2-1' }, { succeededIndexes: '1-2', succeededCount: 3 }, {}] } },
      want: [
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0,2-1": error parsing succeededIndexes: non-increasing order, previous: 2, current: 1',
        'spec.successPolicy.rules[1].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)',
        'spec.successPolicy.rules[2]: Required value: at least one of succeededCount or succeededIndexes must be specified',
      ],
    },
    { name: 'podReplacementPolicy', spec: { podReplacementPolicy: 'Never' }, want: ['spec.podReplacementPolicy: Unsupported value: "Never": supported values: "Failed", "TerminatingOrFailed"'] },
    {
      name: 'managedBy is a domain-prefixed path',
      spec: { managedBy: 'my-controller' },
      want: ['spec.managedBy: Invalid value: "my-controller": must be a domain-prefixed path (such as "acme.io/foo")'],
    },
    { name: 'the pod template is validated', spec: { template: { spec: { restartPolicy: 'Never' } } }, want: ['spec.template.spec.containers: Required value'] },
  ];
  for (const c of cases) assert.deepEqual(runCreate(jobStrategy, job(c.spec)).errors, c.want, c.name);
});

test('validateGeneratedSelector: generated labels the client set otherwise are refused', () => {
  const tampered = job({ template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'other' } }, spec: podSpec() } });
  // In the order the labels were written: the client's first, then the generated ones it did not set.
  const labels = { 'batch.kubernetes.io/controller-uid': 'other', 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID };
  assert.deepEqual(runCreate(jobStrategy, tampered).errors, [
    `spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value: ${JSON.stringify(labels)}: ${UID}`,
    `spec.template.metadata.labels: Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``,
  ]);
  const manualMismatch = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: podSpec() } });
  assert.deepEqual(runCreate(jobStrategy, manualMismatch).errors, [
    'spec.template.metadata.labels: Invalid value: {"app":"y"}: `selector` does not match template `labels`',
  ]);
});

test('an Indexed job\'s pod hostnames must stay DNS labels', () => {
  const name = 'a'.repeat(62);
  const input = job({ completionMode: 'Indexed', completions: 10 }, { name });
  assert.deepEqual(runCreate(jobStrategy, input).errors, [
    `metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`,
  ]);
});

test('ValidateJobSpecUpdate: most of a job is fixed once created', () => {
  const old = created(jobStrategy, job({ parallelism: 2, completions: 4 }));
  const resend = (change: (s: Json) => void) => {
    const next = structuredClone(old);
    change(next.spec as Json);
    return runUpdate(jobStrategy, old, next).errors;
  };
  assert.deepEqual(resend((s) => (s.parallelism = 3)), [], 'parallelism may change');
  assert.deepEqual(resend((s) => (s.suspend = true)), [], 'a job may be suspended');
  assert.deepEqual(resend((s) => (s.completions = 5)), ['spec.completions: Invalid value: 5: field is immutable']);
  assert.deepEqual(resend((s) => (s.completionMode = 'Indexed')), ['spec.completionMode: Invalid value: "Indexed": field is immutable']);
  const image = resend((s) => (s.template.spec.containers[0].image = 'perl:5.36'));
  assert.equal(image.length, 1);
  assert.match(image[0], /^spec\.template: Invalid value: .*: field is immutable$/);
  const selector = resend((s) => (s.selector.matchLabels.extra = 'x'));
  assert.ok(selector.includes(`spec.selector: Invalid value: {"matchLabels":{"batch.kubernetes.io/controller-uid":"${UID}","extra":"x"}}: field is immutable`));
});

test('ValidateJobSpecUpdate: a suspended job that never started may still move its pods', () => {
  const old = created(jobStrategy, job({ suspend: true }));
  const next = structuredClone(old);
  const template = (next.spec as Json).template;
  template.spec.nodeSelector = { zone: 'a' };
  template.spec.tolerations = [{ key: 'gpu', operator: 'Exists' }];
  template.metadata.annotations = { note: 'moved' };
  assert.deepEqual(runUpdate(jobStrategy, old, next).errors, []);
  const started = { ...structuredClone(old), status: { startTime: '2024-01-01T00:00:00Z' } };
  assert.equal(runUpdate(jobStrategy, started, next).errors.length, 1, 'not once it started');
});

test('ValidateJobStatusUpdate', () => {
  const old = runStatusUpdate(jobStrategy, created(jobStrategy, job()), { active: 1, failed: 2, succeeded: 1, startTime: '2024-01-01T00:00:00Z' }).obj;
  const complete = { type: 'Complete', status: 'True' };
  const cases: Array<{ name: string; status: Json; want: string[] }> = [
    { name: 'progress', status: { active: 0, failed: 3, succeeded: 2, ready: 0, startTime: '2024-01-01T00:00:00Z' }, want: [] },
    {
      name: 'finishing properly',
      status: { failed: 2, succeeded: 2, startTime: '2024-01-01T00:00:00Z', completionTime: '2024-01-01T00:01:00Z', conditions: [complete] },
      want: [],
    },
    {
      name: 'counters never go down',
      status: { failed: 1, succeeded: 0, startTime: '2024-01-01T00:00:00Z' },
      want: ['status.failed: Invalid value: 1: cannot decrease the failed counter', 'status.succeeded: Invalid value: 0: cannot decrease the succeeded counter'],
    },
    {
      name: 'negative and duplicate',
      status: { failed: 2, succeeded: 1, ready: -1, startTime: '2024-01-01T00:00:00Z', uncountedTerminatedPods: { succeeded: ['a', ''], failed: ['a'] } },
      want: [
        'status.ready: Invalid value: -1: must be greater than or equal to 0',
        'status.uncountedTerminatedPods.succeeded[1]: Invalid value: "": must not be empty',
        'status.uncountedTerminatedPods.failed[0]: Duplicate value: "a"',
      ],
    },
    {
      name: 'a complete job needs its completion time and no active pods',
      status: { active: 1, failed: 2, succeeded: 1, startTime: '2024-01-01T00:00:00Z', conditions: [complete] },
      want: ['status.completionTime: Required value: completionTime is required for Complete jobs', 'status.active: Invalid value: 1: active>0 is invalid for finished job'],
    },
  ];
  for (const c of cases) assert.deepEqual(runStatusUpdate(jobStrategy, old, c.status).errors, c.want, c.name);
  const finished = runStatusUpdate(jobStrategy, old, cases[1].status).obj;
  assert.deepEqual(runStatusUpdate(jobStrategy, finished, { ...cases[1].status, conditions: [] }).errors, [
    'status.completionTime: Invalid value: "2024-01-01T00:01:00Z": cannot set completionTime when there is no Complete=True condition',
    'status.conditions: Invalid value: cannot disable the terminal Complete=True condition',
  ]);
  assert.deepEqual(runStatusUpdate(jobStrategy, finished, { ...cases[1].status, completionTime: '2024-01-01T00:02:00Z' }).errors, [
    'status.completionTime: Invalid value: "2024-01-01T00:02:00Z": completionTime cannot be mutated',
  ]);
});

test('status.successful is a selectable field', () => {
  const { obj } = runStatusUpdate(jobStrategy, created(jobStrategy, job()), { succeeded: 1 });
  assert.equal(jobStrategy.selectableFields?.['status.successful'](obj), '1');
});
