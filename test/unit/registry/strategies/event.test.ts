import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { eventStrategy } from '../../../../server/registry/strategies/event.js';
import { created, runCreate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function event(fields: Json, namespace = 'kube-system'): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'ds.17c0a1b2c3d4e5f6', namespace }, ...fields };
}

const INVOLVED = { kind: 'DaemonSet', namespace: 'kube-system', name: 'ds', uid: 'u-1', apiVersion: 'apps/v1', resourceVersion: '42' };

test('core/v1 event names only need to be path segments', () => {
  assert.equal(eventStrategy.nameRule, 'path-segment');
});

test('zero-valued fields serialize like upstream', () => {
  const { obj } = runCreate(eventStrategy, event({ involvedObject: INVOLVED, reason: 'SuccessfulCreate' }));
  assert.deepEqual(
    { source: obj.source, firstTimestamp: obj.firstTimestamp, lastTimestamp: obj.lastTimestamp, eventTime: obj.eventTime },
    { source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: null },
  );
  assert.equal(obj.reportingComponent, '');
  assert.equal(obj.reportingInstance, '');
});

test('legacyValidateEvent', () => {
  const newStyle = { eventTime: '2024-05-01T10:00:00.000000Z', reportingComponent: 'kubelet', reportingInstance: 'n1', action: 'Pulling', reason: 'Pulling' };
  const cases: Array<{ name: string; fields: Json; namespace?: string; want: string[] }> = [
    { name: 'old style, same namespace', fields: { involvedObject: INVOLVED, reason: 'SuccessfulCreate', source: { component: 'daemonset-controller' } }, want: [] },
    {
      name: 'old style, other namespace',
      fields: { involvedObject: INVOLVED },
      namespace: 'default',
      want: ['involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace'],
    },
    { name: 'old style, cluster-scoped object in default', fields: { involvedObject: { kind: 'Node', name: 'n1' } }, namespace: 'default', want: [] },
    {
      name: 'old style, cluster-scoped object elsewhere',
      fields: { involvedObject: { kind: 'Node', name: 'n1' } },
      namespace: 'team-a',
      want: ['involvedObject.namespace: Invalid value: "": does not match event.namespace'],
    },
    { name: 'new style, complete', fields: { involvedObject: INVOLVED, ...newStyle }, want: [] },
    { name: 'new style, cluster-scoped object in kube-system', fields: { involvedObject: { kind: 'Node', name: 'n1' }, ...newStyle }, want: [] },
    {
      name: 'new style needs its reporting fields',
      fields: { involvedObject: INVOLVED, eventTime: '2024-05-01T10:00:00.000000Z' },
      want: [
        'reportingController: Required value',
        `reportingController: Invalid value: "": name part must be non-empty`,
        `reportingController: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
        'reportingInstance: Required value',
        'action: Required value',
        'reason: Required value',
      ],
    },
    {
      name: 'new style length limits',
      fields: { involvedObject: INVOLVED, ...newStyle, action: 'a'.repeat(129), message: 'm'.repeat(1025) },
      want: ['action: Invalid value: "": can have at most 128 characters', 'message: Invalid value: "": can have at most 1024 characters'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(eventStrategy, event(c.fields, c.namespace)).errors, c.want, c.name);
  }
});

test('EventToSelectableFields', () => {
  const obj = created(
    eventStrategy,
    event({ involvedObject: { ...INVOLVED, fieldPath: 'spec.containers{c}' }, reason: 'Killing', type: 'Normal', source: { component: 'kubelet', host: 'n1' } }),
  );
  const fields = Object.fromEntries(Object.entries(eventStrategy.selectableFields!).map(([k, f]) => [k, f(obj)]));
  assert.deepEqual(fields, {
    'involvedObject.kind': 'DaemonSet',
    'involvedObject.namespace': 'kube-system',
    'involvedObject.name': 'ds',
    'involvedObject.uid': 'u-1',
    'involvedObject.apiVersion': 'apps/v1',
    'involvedObject.resourceVersion': '42',
    'involvedObject.fieldPath': 'spec.containers{c}',
    reason: 'Killing',
    reportingComponent: '',
    source: 'kubelet',
    type: 'Normal',
  });
});
