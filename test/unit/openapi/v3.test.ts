import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { openApiHash, openApiV3GroupVersion, openApiV3Root } from '../../../server/openapi/index.js';
import { allRefs, field, operations, refTarget, resolve } from './helpers.js';

const table = resourceTable();
const apps = openApiV3GroupVersion(table, 'apps', 'v1')!;
const core = openApiV3GroupVersion(table, '', 'v1')!;
const gvKey = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
const schemas = (doc: any) => doc.components.schemas;

test('the root lists every group-version of the table with the hash of its document', () => {
  const root = openApiV3Root(table);
  const keys = table.groupVersions().map(({ group, version }) => gvKey(group, version));
  assert.deepEqual(Object.keys(root.paths), keys);
  for (const { group, version } of table.groupVersions()) {
    const url = root.paths[gvKey(group, version)].serverRelativeURL;
    const hash = openApiHash(openApiV3GroupVersion(table, group, version)!);
    assert.match(hash, /^[0-9A-F]{128}$/);
    assert.equal(url, `/openapi/v3/${gvKey(group, version)}?hash=${hash}`);
  }
});

test('hashes given to the root replace the computed ones', () => {
  const root = openApiV3Root(table, { 'apis/apps/v1': 'ABC' });
  assert.equal(root.paths['apis/apps/v1'].serverRelativeURL, '/openapi/v3/apis/apps/v1?hash=ABC');
});

test('documents are built once and carry the apiserver info', () => {
  assert.equal(openApiV3GroupVersion(table, 'apps', 'v1'), apps);
  assert.equal(apps.openapi, '3.0.0');
  assert.deepEqual(apps.info, { title: 'Kubernetes', version: 'v1.32.4' });
  assert.equal(openApiV3GroupVersion(table, 'apps', 'v1', 'v1.32.9')!.info.version, 'v1.32.9');
  assert.equal(openApiV3GroupVersion(table, 'nope', 'v1'), undefined);
});

test('the DaemonSet item path has a PATCH operation kubectl accepts for --validate=strict', () => {
  const patch = (apps.paths['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}'] as any).patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'apps', kind: 'DaemonSet', version: 'v1' });
  assert.equal(patch['x-kubernetes-action'], 'patch');
  assert.equal(patch.operationId, 'patchAppsV1NamespacedDaemonSet');
  const names = patch.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name);
  assert.deepEqual(names, ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
});

test('every PATCH operation of every kind declares fieldValidation, as kubectl checks whichever it meets first', () => {
  for (const { group, version } of table.groupVersions()) {
    const doc = openApiV3GroupVersion(table, group, version)!;
    for (const def of table.all.filter((d) => d.group === group && d.version === version && d.verbs.includes('patch'))) {
      const patches = operations(doc).filter(({ method, op }) =>
        method === 'patch' && op['x-kubernetes-group-version-kind']?.kind === def.kind);
      assert.ok(patches.length > 0, `${def.kind} has a PATCH operation`);
      for (const { op } of patches) assert.ok(op.parameters.some((p: any) => p.name === 'fieldValidation' && p.in === 'query'));
    }
  }
});

test('paths and operations follow upstream for a namespaced kind with status', () => {
  const paths = apps.paths as any;
  assert.deepEqual(Object.keys(paths['/apis/apps/v1/namespaces/{namespace}/daemonsets']).sort(), ['delete', 'get', 'parameters', 'post']);
  assert.equal(paths['/apis/apps/v1/daemonsets'].get.operationId, 'listAppsV1DaemonSetForAllNamespaces');
  assert.equal(paths['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/status'].put.operationId, 'replaceAppsV1NamespacedDaemonSetStatus');
  assert.equal(paths['/apis/apps/v1/watch/namespaces/{namespace}/daemonsets'].get['x-kubernetes-action'], 'watchlist');
  const list = paths['/apis/apps/v1/namespaces/{namespace}/daemonsets'].get;
  for (const name of ['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'watch', 'timeoutSeconds']) {
    assert.ok(list.parameters.some((p: any) => p.name === name), name);
  }
  assert.deepEqual(paths['/apis/apps/v1/namespaces/{namespace}/daemonsets'].parameters.map((p: any) => p.name), ['namespace', 'pretty']);
  assert.equal(list.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.api.apps.v1.DaemonSetList');
  const post = paths['/apis/apps/v1/namespaces/{namespace}/daemonsets'].post;
  assert.equal(post.requestBody.content['*/*'].schema.$ref, '#/components/schemas/io.k8s.api.apps.v1.DaemonSet');
  assert.deepEqual(Object.keys(post.responses), ['200', '201', '202', '401']);
  assert.equal(paths['/apis/apps/v1/'].get.operationId, 'getAppsV1APIResources');
});

test('cluster-scoped kinds have no namespace segment and pods answer DELETE with the pod', () => {
  const paths = core.paths as any;
  assert.equal(paths['/api/v1/nodes/{name}'].get.operationId, 'readCoreV1Node');
  assert.deepEqual(paths['/api/v1/nodes/{name}'].parameters.map((p: any) => p.name), ['name', 'pretty']);
  assert.equal(paths['/api/v1/nodes'].get.operationId, 'listCoreV1Node');
  assert.equal(paths['/api/v1/nodes'].delete.operationId, 'deleteCoreV1CollectionNode');
  const deletePod = paths['/api/v1/namespaces/{namespace}/pods/{name}'].delete;
  assert.equal(deletePod.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.api.core.v1.Pod');
  const deleteNode = paths['/api/v1/nodes/{name}'].delete;
  assert.equal(deleteNode.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  assert.equal(paths['/api/v1/namespaces/{namespace}/events'].post.description, 'create an Event');
});

test('operation ids are unique within each document', () => {
  for (const { group, version } of table.groupVersions()) {
    const ids = operations(openApiV3GroupVersion(table, group, version)!).map(({ op }) => op.operationId);
    assert.equal(new Set(ids).size, ids.length, `${group}/${version}`);
  }
});

test('DaemonSet is a named definition with its GVK and named spec and status', () => {
  const ds = schemas(apps)['io.k8s.api.apps.v1.DaemonSet'];
  assert.deepEqual(ds['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'DaemonSet', version: 'v1' }]);
  assert.deepEqual(ds.properties.metadata.allOf, [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
  assert.deepEqual(ds.properties.spec.allOf, [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DaemonSetSpec' }]);
  assert.deepEqual(ds.properties.status.allOf, [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DaemonSetStatus' }]);
  const list = schemas(apps)['io.k8s.api.apps.v1.DaemonSetList'];
  assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'DaemonSetList', version: 'v1' }]);
});

test('maxUnavailable resolves to IntOrString', () => {
  const ds = schemas(apps)['io.k8s.api.apps.v1.DaemonSet'];
  const maxUnavailable = resolve(apps, field(apps, ds, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
  assert.equal(maxUnavailable.format, 'int-or-string');
  assert.deepEqual(maxUnavailable.oneOf, [{ type: 'integer' }, { type: 'string' }]);
  assert.equal(maxUnavailable['x-kubernetes-int-or-string'], true);
});

test('shared types are named once: PodTemplateSpec, PodSpec, Container, LabelSelector', () => {
  const names = Object.keys(schemas(apps));
  for (const name of ['io.k8s.api.core.v1.PodTemplateSpec', 'io.k8s.api.core.v1.PodSpec', 'io.k8s.api.core.v1.Container',
    'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']) assert.ok(names.includes(name), name);
  const ds = schemas(apps)['io.k8s.api.apps.v1.DaemonSet'];
  assert.deepEqual(field(apps, ds, 'spec.template.spec.containers').items, { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
});

test('containers carry their strategic merge metadata', () => {
  for (const doc of [apps, core]) {
    const containers = schemas(doc)['io.k8s.api.core.v1.PodSpec'].properties.containers;
    assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
    assert.equal(containers['x-kubernetes-list-type'], 'map');
    assert.deepEqual(containers['x-kubernetes-list-map-keys'], ['name']);
  }
  const ports = schemas(core)['io.k8s.api.core.v1.Container'].properties.ports;
  assert.equal(ports['x-kubernetes-patch-merge-key'], 'containerPort');
  assert.deepEqual(ports['x-kubernetes-list-map-keys'], ['containerPort', 'protocol']);
});

test('quantities, times and maps become upstream shapes', () => {
  const pod = schemas(core)['io.k8s.api.core.v1.Pod'];
  const limits = field(core, pod, 'spec.containers.resources.limits');
  assert.equal(limits.type, 'object');
  assert.deepEqual(limits.additionalProperties, { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' });
  const created = resolve(core, field(core, pod, 'metadata.creationTimestamp'));
  assert.deepEqual([created.type, created.format], ['string', 'date-time']);
  assert.deepEqual(field(core, pod, 'spec.nodeSelector').additionalProperties, { type: 'string' });
});

test('every $ref in every document resolves', () => {
  for (const { group, version } of table.groupVersions()) {
    const doc = openApiV3GroupVersion(table, group, version)!;
    for (const ref of allRefs(doc)) {
      assert.ok(ref.startsWith('#/components/schemas/'), ref);
      assert.ok(refTarget(doc, ref), `${group}/${version}: ${ref}`);
    }
  }
});

test('strategic merge patch is offered only where the schema lists every field kubectl descends into', () => {
  const patchTypes = (doc: any, path: string) => Object.keys(doc.paths[path].patch.requestBody.content);
  assert.ok(patchTypes(core, '/api/v1/namespaces/{namespace}/configmaps/{name}').includes('application/strategic-merge-patch+json'));
  const ds = patchTypes(apps, '/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}');
  assert.ok(!ds.includes('application/strategic-merge-patch+json'));
  assert.ok(ds.includes('application/merge-patch+json') && ds.includes('application/apply-patch+yaml'));
  assert.deepEqual(patchTypes(apps, '/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/status'), ds);
});
