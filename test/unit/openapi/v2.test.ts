import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { openApiV2 } from '../../../server/openapi/index.js';
import { allRefs, field, operations, refTarget, resolve } from './helpers.js';

const table = resourceTable();
const doc = openApiV2(table) as any;

test('a Swagger 2.0 document built once per table', () => {
  assert.equal(doc.swagger, '2.0');
  assert.deepEqual(doc.info, { title: 'Kubernetes', version: 'v1.32.4' });
  assert.equal(openApiV2(table), doc);
});

test('it has the paths of every group-version', () => {
  for (const def of table.all) {
    const ns = def.namespaced ? '/namespaces/{namespace}' : '';
    if (def.verbs.includes('get')) assert.ok(doc.paths[`${def.prefix}${ns}/${def.resource}/{name}`], def.key);
    else assert.deepEqual(Object.keys(doc.paths[`${def.prefix}${ns}/${def.resource}`]).filter((k) => k !== 'parameters'), ['post'], def.key);
  }
});

test('the DaemonSet PATCH declares fieldValidation in place, with its GVK', () => {
  const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}'].patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'apps', kind: 'DaemonSet', version: 'v1' });
  const validation = patch.parameters.find((p: any) => p.name === 'fieldValidation');
  assert.deepEqual([validation.in, validation.type], ['query', 'string']);
  assert.deepEqual(patch.parameters[0], {
    in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' },
  });
  assert.ok(patch.consumes.includes('application/merge-patch+json'));
  assert.deepEqual(patch.responses['200'].schema, { $ref: '#/definitions/io.k8s.api.apps.v1.DaemonSet' });
});

test('every PATCH operation of a kind declares fieldValidation', () => {
  for (const { method, op } of operations(doc)) {
    if (method === 'patch') assert.ok(op.parameters.some((p: any) => p.name === 'fieldValidation'), op.operationId);
  }
});

test('definitions reference each other directly, without allOf', () => {
  const ds = doc.definitions['io.k8s.api.apps.v1.DaemonSet'];
  assert.deepEqual(ds['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'DaemonSet', version: 'v1' }]);
  assert.equal(ds.properties.spec.$ref, '#/definitions/io.k8s.api.apps.v1.DaemonSetSpec');
  assert.equal(ds.properties.metadata.$ref, '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  assert.equal(JSON.stringify(doc).includes('"allOf"'), false);
});

test('maxUnavailable resolves to an int-or-string string and containers merge by name', () => {
  const ds = doc.definitions['io.k8s.api.apps.v1.DaemonSet'];
  const maxUnavailable = resolve(doc, field(doc, ds, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
  assert.deepEqual([maxUnavailable.type, maxUnavailable.format], ['string', 'int-or-string']);
  const containers = field(doc, ds, 'spec.template.spec.containers');
  assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
  assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
});

test('every $ref resolves', () => {
  for (const ref of allRefs(doc)) {
    assert.ok(ref.startsWith('#/definitions/'), ref);
    assert.ok(refTarget(doc, ref), ref);
  }
});
