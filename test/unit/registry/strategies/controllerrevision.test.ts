import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { controllerRevisionStrategy } from '../../../../server/registry/strategies/controllerrevision.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

function revision(fields: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'ds-5d8f', namespace: 'default' }, ...fields };
}

const DATA = { spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };

test('revision reads back as 0 when the client left it out', () => {
  assert.equal(runCreate(controllerRevisionStrategy, revision({ data: DATA })).obj.revision, 0);
  assert.equal(runCreate(controllerRevisionStrategy, revision({ data: DATA, revision: 7 })).obj.revision, 7);
});

test('ValidateControllerRevision', () => {
  const cases: Array<{ name: string; fields: Record<string, unknown>; want: string[] }> = [
    { name: 'valid', fields: { data: DATA, revision: 1 }, want: [] },
    { name: 'any JSON value is data', fields: { data: 'raw', revision: 1 }, want: [] },
    { name: 'an empty object is data', fields: { data: {}, revision: 0 }, want: [] },
    { name: 'data is mandatory', fields: { revision: 1 }, want: ['data: Required value: data is mandatory'] },
    { name: 'null data is missing data', fields: { data: null, revision: 1 }, want: ['data: Required value: data is mandatory'] },
    {
      name: 'revision is non-negative',
      fields: { data: DATA, revision: -1 },
      want: ['revision: Invalid value: -1: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(controllerRevisionStrategy, revision(c.fields)).errors, c.want, c.name);
  }
});

test('ValidateControllerRevisionUpdate: data is immutable, revision is not', () => {
  const old = created(controllerRevisionStrategy, revision({ data: { a: 1, b: [1, 2] }, revision: 1 }));
  const cases: Array<{ name: string; fields: Record<string, unknown>; want: string[] }> = [
    { name: 'unchanged', fields: { data: { a: 1, b: [1, 2] }, revision: 1 }, want: [] },
    { name: 'key order is not a change', fields: { data: { b: [1, 2], a: 1 }, revision: 1 }, want: [] },
    { name: 'a new revision number', fields: { data: { a: 1, b: [1, 2] }, revision: 4 }, want: [] },
    { name: 'changed data', fields: { data: { a: 2, b: [1, 2] }, revision: 1 }, want: ['data: Invalid value: {"a":2,"b":[1,2]}: field is immutable'] },
    {
      name: 'dropped data',
      fields: { revision: 1 },
      want: ['data: Required value: data is mandatory', 'data: Invalid value: null: field is immutable'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runUpdate(controllerRevisionStrategy, old, revision(c.fields)).errors, c.want, c.name);
  }
});
