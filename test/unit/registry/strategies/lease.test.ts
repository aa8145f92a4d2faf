import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { leaseStrategy } from '../../../../server/registry/strategies/lease.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function lease(spec?: Json): KubeObject {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'n1', namespace: 'kube-node-lease' }, ...(spec ? { spec } : {}) };
}

const RENEWED = { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2024-05-01T10:00:00.123456Z' };

test('a lease without spec still shows spec: {}', () => {
  assert.deepEqual(runCreate(leaseStrategy, lease()).obj.spec, {});
});

test('ValidateLeaseSpec', () => {
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'a node lease', spec: RENEWED, want: [] },
    { name: 'zero transitions', spec: { ...RENEWED, leaseTransitions: 0 }, want: [] },
    { name: 'zero duration', spec: { leaseDurationSeconds: 0 }, want: ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0'] },
    {
      name: 'negative transitions',
      spec: { leaseTransitions: -1 },
      want: ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(leaseStrategy, lease(c.spec)).errors, c.want, c.name);
  }
});

test('CoordinatedLeaderElection is off in v1.32: strategy and preferredHolder are dropped', () => {
  const { obj } = runCreate(leaseStrategy, lease({ ...RENEWED, strategy: 'OldestEmulationVersion', preferredHolder: 'n2' }));
  assert.deepEqual(obj.spec, RENEWED);
  const old = created(leaseStrategy, lease(RENEWED));
  const renewed = { ...RENEWED, renewTime: '2024-05-01T10:00:10.000000Z', strategy: 'OldestEmulationVersion' };
  const update = runUpdate(leaseStrategy, old, lease(renewed));
  assert.deepEqual(update.errors, []);
  assert.deepEqual(update.obj.spec, { ...RENEWED, renewTime: '2024-05-01T10:00:10.000000Z' });
});
