import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { prepareCreateBody } from '../../../server/precheck/create-precheck.js';
import { withResourceVersion } from '../../../server/registry/prepared-create.js';

const table = resourceTable();
const pods = table.find('', 'v1', 'pods')!;
const configMaps = table.find('', 'v1', 'configmaps')!;
const namespaces = table.find('', 'v1', 'namespaces')!;
const NOW = Date.parse('2026-01-02T03:04:05.678Z');

const pod = (extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }], ...spec },
    ...extra,
  });

describe('prepareCreateBody: a validation worker prepares only bodies the request thread would store as they are', () => {
  const cases: Array<{ name: string; def: typeof pods; namespace: string; text: string; pass: boolean }> = [
    { name: 'a valid pod', def: pods, namespace: 'default', text: pod(), pass: true },
    { name: 'a pod with a generated name', def: pods, namespace: 'default', text: pod({ metadata: { generateName: 'web-' } }), pass: true },
    { name: 'a valid config map', def: configMaps, namespace: 'default', text: '{"metadata":{"name":"c"},"data":{"k":"v"}}', pass: true },
    { name: 'a namespace (cluster-scoped)', def: namespaces, namespace: '', text: '{"metadata":{"name":"team-a"}}', pass: true },
    { name: 'an unknown field (a warning, or an error under Strict)', def: pods, namespace: 'default', text: pod({ bogus: 1 }), pass: false },
    { name: 'an unknown field inside the spec', def: pods, namespace: 'default', text: pod({}, { bogus: true }), pass: false },
    { name: 'a duplicate field', def: configMaps, namespace: 'default', text: '{"metadata":{"name":"c"},"data":{"k":"v","k":"w"}}', pass: false },
    { name: 'an invalid name', def: pods, namespace: 'default', text: pod({ metadata: { name: 'Not_Valid' } }), pass: false },
    { name: 'no name at all', def: configMaps, namespace: 'default', text: '{"metadata":{}}', pass: false },
    { name: 'an invalid spec (no containers)', def: pods, namespace: 'default', text: pod({}, { containers: [] }), pass: false },
    { name: 'a wrongly typed field', def: pods, namespace: 'default', text: pod({}, { restartPolicy: 7 }), pass: false },
    { name: 'another kind', def: pods, namespace: 'default', text: '{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"}}', pass: false },
    { name: 'another namespace in the body', def: pods, namespace: 'default', text: pod({ metadata: { name: 'web', namespace: 'other' } }), pass: false },
    { name: 'malformed JSON', def: pods, namespace: 'default', text: '{"metadata":', pass: false },
    { name: 'not an object', def: pods, namespace: 'default', text: '[1,2]', pass: false },
  ];
  for (const c of cases) {
    it(`${c.pass ? 'prepares' : 'declines'} ${c.name}`, () => {
      assert.equal(prepareCreateBody(c.def, c.namespace, c.text, NOW) !== undefined, c.pass);
    });
  }

  it('prepares the object the store writes: defaults, system metadata at the given time, canonical order', () => {
    const prepared = prepareCreateBody(pods, 'default', pod({ metadata: { name: 'web' } }), NOW)!;
    const stored = JSON.parse(withResourceVersion(prepared, 42));
    assert.deepEqual(Object.keys(stored), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    assert.deepEqual(Object.keys(stored.metadata), ['name', 'namespace', 'uid', 'creationTimestamp', 'resourceVersion']);
    assert.equal(stored.metadata.creationTimestamp, '2026-01-02T03:04:05Z');
    assert.equal(stored.metadata.resourceVersion, '42');
    assert.equal(stored.metadata.uid, prepared.uid);
    assert.equal(prepared.name, 'web');
    assert.equal(stored.spec.containers[0].terminationMessagePath, '/dev/termination-log');
    assert.equal(stored.status.phase, 'Pending');
  });

  it('draws a generated name and says so', () => {
    const prepared = prepareCreateBody(pods, 'default', pod({ metadata: { generateName: 'web-' } }), NOW)!;
    assert.match(prepared.name, /^web-[a-z0-9]{5}$/);
    assert.equal(prepared.generatedName, true);
    assert.equal(JSON.parse(prepared.text).metadata.name, prepared.name);
  });
});
