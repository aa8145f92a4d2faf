import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { namespaceStrategy } from '../../../../server/registry/strategies/namespace.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function namespace(spec?: Json, extra: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, ...(spec ? { spec } : {}), ...extra };
}

test('namespace names are DNS labels', () => {
  assert.equal(namespaceStrategy.nameRule, 'label');
});

test('PrepareForCreate: status Active and the kubernetes finalizer', () => {
  const cases: Array<{ name: string; spec?: Json; want: string[] }> = [
    { name: 'no spec', want: ['kubernetes'] },
    { name: 'other finalizers are kept', spec: { finalizers: ['example.com/cleanup'] }, want: ['example.com/cleanup', 'kubernetes'] },
    { name: 'not added twice', spec: { finalizers: ['kubernetes'] }, want: ['kubernetes'] },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(namespaceStrategy, namespace(c.spec, { status: { phase: 'Terminating' } }));
    assert.deepEqual(errors, [], c.name);
    assert.deepEqual((obj.spec as Json).finalizers, c.want, c.name);
    assert.deepEqual(obj.status, { phase: 'Active' }, c.name);
  }
});

test('every namespace is labelled with its own name', () => {
  const { obj } = runCreate(namespaceStrategy, namespace(undefined, { metadata: { name: 'team-a', labels: { env: 'prod', 'kubernetes.io/metadata.name': 'spoofed' } } }));
  assert.deepEqual(obj.metadata.labels, { env: 'prod', 'kubernetes.io/metadata.name': 'team-a' });
  const generated = namespace(undefined, { metadata: { generateName: 'ns-' } });
  namespaceStrategy.applyDefaults!(generated);
  generated.metadata.name = 'ns-x7k2p';
  namespaceStrategy.prepareForCreate!(generated);
  assert.equal(generated.metadata.labels?.['kubernetes.io/metadata.name'], 'ns-x7k2p');
});

test('ValidateNamespace: spec.finalizers', () => {
  const cases: Array<{ name: string; finalizers: string[]; want: string[] }> = [
    { name: 'standard and qualified', finalizers: ['kubernetes', 'example.com/x'], want: [] },
    {
      name: 'unqualified non-standard',
      finalizers: ['cleanup'],
      want: ['spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified'],
    },
    {
      name: 'not a qualified name',
      finalizers: ['example.com/bad name'],
      want: [
        `spec.finalizers: Invalid value: "example.com/bad name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(namespaceStrategy, namespace({ finalizers: c.finalizers })).errors, c.want, c.name);
  }
});

test('PrepareForUpdate: spec.finalizers and status only change through their subresources', () => {
  const old = created(namespaceStrategy, namespace());
  const { obj, errors } = runUpdate(namespaceStrategy, old, namespace({ finalizers: [] }, { status: { phase: 'Terminating' } }));
  assert.deepEqual(errors, []);
  assert.deepEqual(obj.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(obj.status, { phase: 'Active' });
});

test('ValidateNamespaceStatusUpdate: the phase follows deletionTimestamp', () => {
  const live = created(namespaceStrategy, namespace());
  const deleting = structuredClone(live);
  deleting.metadata.deletionTimestamp = '2024-05-01T10:00:00Z';
  const cases: Array<{ name: string; old: KubeObject; phase: string; want: string[] }> = [
    { name: 'active while live', old: live, phase: 'Active', want: [] },
    {
      name: 'terminating while live',
      old: live,
      phase: 'Terminating',
      want: ["status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty"],
    },
    { name: 'terminating once deleted', old: deleting, phase: 'Terminating', want: [] },
    {
      name: 'active once deleted',
      old: deleting,
      phase: 'Active',
      want: ["status.Phase: Invalid value: \"Active\": may only be 'Terminating' if `deletionTimestamp` is not empty"],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runStatusUpdate(namespaceStrategy, c.old, { phase: c.phase }).errors, c.want, c.name);
  }
});

test('NamespaceToSelectableFields: status.phase and the legacy name alias', () => {
  const obj = created(namespaceStrategy, namespace());
  const fields = Object.fromEntries(Object.entries(namespaceStrategy.selectableFields!).map(([k, f]) => [k, f(obj)]));
  assert.deepEqual(fields, { 'status.phase': 'Active', name: 'team-a' });
});
