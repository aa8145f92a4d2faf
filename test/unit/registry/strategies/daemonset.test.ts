import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { daemonSetStrategy } from '../../../../server/registry/strategies/daemonset.js';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../../../server/registry/strategies/daemonset-template-generation.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

type Json = Record<string, unknown>;

function template(extraSpec: Json = {}, labels: Json = { app: 'web' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extraSpec } };
}

function daemonSet(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ds', namespace: 'default', ...metadata },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
  };
}

function spec(obj: KubeObject): Json {
  return obj.spec as Json;
}

function annotation(obj: KubeObject): string | undefined {
  return obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

test('SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1, maxSurge 0, and revisionHistoryLimit 10', () => {
  const { obj } = runCreate(daemonSetStrategy, daemonSet());
  assert.deepEqual(spec(obj).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(spec(obj).revisionHistoryLimit, 10);
});

test('SetDefaults_DaemonSet keeps what the client set', () => {
  const cases: Array<{ name: string; given: Json; want: Json }> = [
    { name: 'OnDelete gets no rollingUpdate', given: { updateStrategy: { type: 'OnDelete' } }, want: { type: 'OnDelete' } },
    {
      name: 'a given maxUnavailable stays, maxSurge is filled',
      given: { updateStrategy: { rollingUpdate: { maxUnavailable: '20%' } } },
      want: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '20%', maxSurge: 0 } },
    },
    {
      name: 'a given maxSurge stays, maxUnavailable is filled',
      given: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 2 } } },
      want: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 2 } },
    },
  ];
  for (const c of cases) {
    const { obj } = runCreate(daemonSetStrategy, daemonSet(c.given));
    assert.deepEqual(spec(obj).updateStrategy, c.want, c.name);
  }
  const { obj } = runCreate(daemonSetStrategy, daemonSet({ revisionHistoryLimit: 0 }));
  assert.equal(spec(obj).revisionHistoryLimit, 0, 'zero is a valid revisionHistoryLimit');
});

test('the pod template gets the PodSpec defaults; its labels are not defaulted', () => {
  const { obj } = runCreate(daemonSetStrategy, daemonSet({ template: template({}, {}) }));
  const tpl = spec(obj).template as { metadata: Json; spec: Json };
  assert.equal(tpl.spec.restartPolicy, 'Always');
  assert.equal(tpl.spec.dnsPolicy, 'ClusterFirst');
  assert.deepEqual(tpl.metadata.labels, {});
});

test('a DaemonSet without spec gets a defaulted one and fails validation like upstream', () => {
  const { obj, errors } = runCreate(daemonSetStrategy, { metadata: { name: 'ds', namespace: 'default' } });
  assert.equal(spec(obj).revisionHistoryLimit, 10);
  assert.ok(errors.includes('spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`'));
  assert.ok(errors.some((e) => e.startsWith('spec.template.spec.containers')), errors.join('\n'));
});

test('PrepareForCreate resets status to the counters apps/v1 always writes', () => {
  const { obj } = runCreate(daemonSetStrategy, { ...daemonSet(), status: { numberReady: 5, observedGeneration: 9 } });
  assert.deepEqual(obj.status, { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
});

test('PrepareForCreate: templateGeneration starts at 1, a client value of at least 1 is kept', () => {
  const cases: Array<{ given?: string; want: string }> = [
    { want: '1' },
    { given: '0', want: '1' },
    { given: '-3', want: '1' },
    { given: '5', want: '5' },
    { given: '+7', want: '7' },
    { given: '007', want: '7' },
  ];
  for (const c of cases) {
    const annotations = c.given === undefined ? undefined : { [TEMPLATE_GENERATION_ANNOTATION]: c.given, keep: 'me' };
    const { obj, errors } = runCreate(daemonSetStrategy, daemonSet({}, annotations ? { annotations } : {}));
    assert.deepEqual(errors, [], String(c.given));
    assert.equal(annotation(obj), c.want, String(c.given));
    if (annotations) assert.equal(obj.metadata.annotations?.keep, 'me');
  }
});

test('PrepareForUpdate: templateGeneration is the old one, plus one when the template changed', () => {
  const old = created(daemonSetStrategy, daemonSet({}, { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: '3' } }));
  const cases: Array<{ name: string; input: KubeObject; want: string }> = [
    { name: 'no change', input: daemonSet(), want: '3' },
    { name: 'client value is ignored', input: daemonSet({}, { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: '40' } }), want: '3' },
    { name: 'spec change outside the template', input: daemonSet({ minReadySeconds: 5 }), want: '3' },
    { name: 'template change', input: daemonSet({ template: template({ hostNetwork: true }) }), want: '4' },
    { name: 'a label with an empty value is a template change', input: daemonSet({ template: template({}, { app: 'web', canary: '' }) }), want: '4' },
    {
      name: 'template change and a client value',
      input: daemonSet({ template: template({ nodeSelector: { a: 'b' } }) }, { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: '1' } }),
      want: '4',
    },
  ];
  for (const c of cases) {
    const { obj, errors } = runUpdate(daemonSetStrategy, old, c.input);
    assert.deepEqual(errors, [], c.name);
    assert.equal(annotation(obj), c.want, c.name);
  }
});

test('a templateGeneration annotation that is not an int64 fails the request', () => {
  const path = `metadata.annotations[${TEMPLATE_GENERATION_ANNOTATION}]`;
  const cases: Array<{ value: string; want: string }> = [
    { value: 'abc', want: `${path}: Invalid value: "abc": strconv.ParseInt: parsing "abc": invalid syntax` },
    {
      value: '99999999999999999999',
      want: `${path}: Invalid value: "99999999999999999999": strconv.ParseInt: parsing "99999999999999999999": value out of range`,
    },
  ];
  const old = created(daemonSetStrategy, daemonSet());
  for (const c of cases) {
    const input = daemonSet({}, { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: c.value } });
    assert.deepEqual(runCreate(daemonSetStrategy, input).errors, [c.want], `create ${c.value}`);
    assert.deepEqual(runUpdate(daemonSetStrategy, old, input).errors, [c.want], `update ${c.value}`);
  }
});

test('ValidateDaemonSetSpec', () => {
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'valid', spec: {}, want: [] },
    {
      name: 'a missing selector selects nothing, reported as a mismatch',
      spec: { selector: undefined },
      want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'selector must match template labels',
      spec: { selector: { matchLabels: { app: 'db' } } },
      want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'matchExpressions count for matching',
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] } },
      want: [],
    },
    {
      name: 'an empty selector matches everything but is invalid',
      spec: { selector: {} },
      want: ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset'],
    },
    {
      name: 'an unconvertible selector is reported once, not as a mismatch',
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } },
      want: ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'],
    },
    {
      name: 'restartPolicy must be Always',
      spec: { template: template({ restartPolicy: 'OnFailure' }) },
      want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    },
    {
      name: 'activeDeadlineSeconds is forbidden',
      spec: { template: template({ activeDeadlineSeconds: 30 }) },
      want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'],
    },
    {
      name: 'minReadySeconds is non-negative',
      spec: { minReadySeconds: -1 },
      want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'revisionHistoryLimit is non-negative',
      spec: { revisionHistoryLimit: -2 },
      want: ['spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(daemonSetStrategy, daemonSet(c.spec)).errors, c.want, c.name);
  }
});

test('pod template errors surface under spec.template', () => {
  const { errors } = runCreate(daemonSetStrategy, daemonSet({ template: { metadata: { labels: { app: 'web' } }, spec: {} } }));
  assert.ok(errors.length > 0 && errors.every((e) => e.startsWith('spec.template.spec.')), errors.join('\n'));
});

test('ValidateDaemonSetUpdateStrategy', () => {
  const ru = (rollingUpdate: Json) => ({ updateStrategy: { type: 'RollingUpdate', rollingUpdate } });
  const P = 'spec.updateStrategy.rollingUpdate';
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'OnDelete ignores rollingUpdate', spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: { maxSurge: -1 } } }, want: [] },
    {
      name: 'an unknown type is reported on the whole strategy',
      spec: { updateStrategy: { type: 'Recreate' } },
      want: ['spec.updateStrategy: Unsupported value: {"type":"Recreate"}: supported values: "RollingUpdate", "OnDelete"'],
    },
    { name: 'percent maxUnavailable', spec: ru({ maxUnavailable: '10%', maxSurge: 0 }), want: [] },
    { name: 'surge instead of unavailability', spec: ru({ maxUnavailable: 0, maxSurge: '25%' }), want: [] },
    { name: '0% counts as zero', spec: ru({ maxUnavailable: '0%', maxSurge: 1 }), want: [] },
    {
      name: 'both zero',
      spec: ru({ maxUnavailable: 0, maxSurge: '0%' }),
      want: [`${P}.maxUnavailable: Required value: cannot be 0 when maxSurge is 0`],
    },
    {
      name: 'both non-zero',
      spec: ru({ maxUnavailable: 1, maxSurge: '10%' }),
      want: [`${P}.maxSurge: Invalid value: "10%": may not be set when maxUnavailable is non-zero`],
    },
    {
      name: 'a string that is not a percent reads as 0',
      spec: ru({ maxUnavailable: 'abc', maxSurge: 0 }),
      want: [`${P}.maxUnavailable: Invalid value: "abc": ${PERCENT_MSG}`, `${P}.maxUnavailable: Required value: cannot be 0 when maxSurge is 0`],
    },
    {
      name: 'a numeric string is not a percent but still counts as its number',
      spec: ru({ maxUnavailable: '5', maxSurge: 0 }),
      want: [`${P}.maxUnavailable: Invalid value: "5": ${PERCENT_MSG}`],
    },
    {
      name: 'more than 100%',
      spec: ru({ maxUnavailable: '150%', maxSurge: 0 }),
      want: [`${P}.maxUnavailable: Invalid value: "150%": must not be greater than 100%`],
    },
    {
      name: 'negative integers',
      spec: ru({ maxUnavailable: 0, maxSurge: -1 }),
      want: [`${P}.maxSurge: Invalid value: -1: must be greater than or equal to 0`],
    },
    {
      name: 'neither an integer nor a string',
      spec: ru({ maxUnavailable: 1.5, maxSurge: 0 }),
      want: [`${P}.maxUnavailable: Invalid value: 1.5: must be an integer or percentage (e.g '5%')`],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(daemonSetStrategy, daemonSet(c.spec)).errors, c.want, c.name);
  }
});

test('ValidateUpdate: apps/v1 selector is immutable', () => {
  const old = created(daemonSetStrategy, daemonSet({ selector: { matchLabels: { app: 'web', tier: 'edge' } }, template: template({}, { app: 'web', tier: 'edge' }) }));
  const reordered = daemonSet({ selector: { matchLabels: { tier: 'edge', app: 'web' } }, template: template({}, { app: 'web', tier: 'edge' }) });
  assert.deepEqual(runUpdate(daemonSetStrategy, old, reordered).errors, [], 'key order is not a change');
  const changed = daemonSet({ selector: { matchLabels: { app: 'web' } }, template: template({}, { app: 'web', tier: 'edge' }) });
  assert.deepEqual(runUpdate(daemonSetStrategy, old, changed).errors, [
    'spec.selector: Invalid value: {"matchLabels":{"app":"web"}}: field is immutable',
  ]);
});

test('an update keeps validating the spec', () => {
  const old = created(daemonSetStrategy, daemonSet());
  assert.deepEqual(runUpdate(daemonSetStrategy, old, daemonSet({ minReadySeconds: -5 })).errors, [
    'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
  ]);
});

test('ValidateDaemonSetStatusUpdate: counters are non-negative', () => {
  const old = created(daemonSetStrategy, daemonSet());
  const fields = [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
    'collisionCount',
  ];
  for (const name of fields) {
    const { errors } = runStatusUpdate(daemonSetStrategy, old, { [name]: -1 });
    assert.deepEqual(errors, [`status.${name}: Invalid value: -1: must be greater than or equal to 0`], name);
  }
});

test('ValidateDaemonSetStatusUpdate: collisionCount cannot be decremented', () => {
  const old = runStatusUpdate(daemonSetStrategy, created(daemonSetStrategy, daemonSet()), { collisionCount: 2 }).obj;
  const cases: Array<{ status: Json; want: string[] }> = [
    { status: { collisionCount: 3 }, want: [] },
    { status: { collisionCount: 2 }, want: [] },
    { status: { collisionCount: 1 }, want: ['status.collisionCount: Invalid value: 1: cannot be decremented'] },
    { status: {}, want: ['status.collisionCount: Invalid value: 0: cannot be decremented'] },
  ];
  for (const c of cases) {
    assert.deepEqual(runStatusUpdate(daemonSetStrategy, old, c.status).errors, c.want, JSON.stringify(c.status));
  }
});

test('a status write fills the counters apps/v1 always writes', () => {
  const old = created(daemonSetStrategy, daemonSet());
  assert.deepEqual(runStatusUpdate(daemonSetStrategy, old, { numberReady: 2, observedGeneration: 1 }).obj.status, {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 2,
    observedGeneration: 1,
  });
  assert.deepEqual(runStatusUpdate(daemonSetStrategy, old, undefined).obj.status, {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
  });
});
