import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../schemas/meta.js';
import { canonical } from '../../../server/registry/input.js';
import { preparedText, withResourceVersion } from '../../../server/registry/prepared-create.js';

/** What the store's own serialisation gives: resourceVersion assigned last, after everything else. */
function storedJson(obj: KubeObject, rv: number): string {
  const copy = structuredClone(obj);
  copy.metadata.resourceVersion = String(rv);
  return JSON.stringify(copy);
}

describe('prepared create text: stamped with a resourceVersion, it is the JSON the store would write', () => {
  const cases: Array<{ name: string; obj: KubeObject }> = [
    { name: 'metadata only', obj: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', uid: 'u' } } },
    { name: 'a body after metadata', obj: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', uid: 'u' }, data: { k: 'v' } } },
    {
      name: 'spec and status',
      obj: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p', namespace: 'd', uid: 'u' }, spec: { containers: [] }, status: { phase: 'Pending' } } as KubeObject,
    },
    {
      name: 'strings that look like JSON structure',
      obj: {
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name: 'a', uid: 'u', annotations: { x: '}},"resourceVersion":"1"}' } },
        data: { '}': '{', q: '"\\' },
      },
    },
    { name: 'non-ASCII text', obj: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', uid: 'u', labels: { a: 'b' } }, data: { k: 'grüße 🚀' } } },
    { name: 'empty metadata', obj: { kind: 'ConfigMap', apiVersion: 'v1', metadata: {}, data: {} } },
  ];
  it('writes the canonical field order whatever order the object has', () => {
    const obj = { data: { k: 'v' }, metadata: { name: 'a', uid: 'u' }, apiVersion: 'v1', kind: 'ConfigMap' } as KubeObject;
    const prepared = preparedText(obj);
    assert.equal(prepared.text, JSON.stringify(canonical(obj)));
    assert.equal(withResourceVersion(prepared, 7), storedJson(canonical(obj), 7));
  });

  for (const c of cases) {
    it(c.name, () => {
      const prepared = preparedText(c.obj);
      assert.equal(prepared.text, JSON.stringify(c.obj));
      assert.equal(withResourceVersion(prepared, 1234), storedJson(c.obj, 1234));
    });
  }
});
