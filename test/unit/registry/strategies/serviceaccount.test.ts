import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { serviceAccountStrategy } from '../../../../server/registry/strategies/serviceaccount.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

function account(secrets?: unknown[]): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'default' }, ...(secrets ? { secrets } : {}) };
}

test('secret references keep only the name, on create and on update', () => {
  const full = [{ name: 'robot-token', namespace: 'elsewhere', uid: 'u', kind: 'Secret' }];
  const { obj, errors } = runCreate(serviceAccountStrategy, account(full));
  assert.deepEqual(errors, []);
  assert.deepEqual(obj.secrets, [{ name: 'robot-token' }]);
  const updated = runUpdate(serviceAccountStrategy, created(serviceAccountStrategy, account()), account(full)).obj;
  assert.deepEqual(updated.secrets, [{ name: 'robot-token' }]);
  assert.equal(runCreate(serviceAccountStrategy, account()).obj.secrets, undefined, 'no list is made up');
});
