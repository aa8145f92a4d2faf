import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { createWouldPass } from '../../../server/precheck/create-precheck.js';

const table = resourceTable();
const pods = table.find('', 'v1', 'pods')!;
const configMaps = table.find('', 'v1', 'configmaps')!;
const namespaces = table.find('', 'v1', 'namespaces')!;

const pod = (extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }], ...spec },
    ...extra,
  });

describe('createWouldPass: a validation worker passes only bodies the request thread would store as they are', () => {
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
    it(`${c.pass ? 'passes' : 'declines'} ${c.name}`, () => {
      assert.equal(createWouldPass(c.def, c.namespace, c.text), c.pass);
    });
  }
});
