import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCES } from '../../schemas/resources.js';
import { useSharedServer } from '../helpers/api.js';

// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });
const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

test('aggregated discovery is served only when asked for, in the version asked for', async () => {
  const v2 = await shared().api.get('/apis', { accept: `${V2},${V2BETA1},application/json` });
  assert.equal(v2.headers.get('content-type'), V2);
  assert.equal(v2.body.apiVersion, 'apidiscovery.k8s.io/v2');
  const beta = await shared().api.get('/apis', { accept: `${V2BETA1},application/json` });
  assert.equal(beta.headers.get('content-type'), V2BETA1);
  assert.equal(beta.body.apiVersion, 'apidiscovery.k8s.io/v2beta1');
  const plain = await shared().api.get('/apis');
  assert.equal(plain.body.kind, 'APIGroupList');
  assert.ok(plain.body.groups.some((g: any) => g.name === 'apps' && g.preferredVersion.groupVersion === 'apps/v1'));
  const core = await shared().api.get('/api', { accept: V2 });
  assert.deepEqual(core.body.items.map((i: any) => i.metadata.name), ['']);
  assert.equal((await shared().api.get('/api')).body.kind, 'APIVersions');
});

test('every row of the resource table is discoverable with its scope, kind, verbs, short names and categories', async () => {
  const apis = (await shared().api.get('/apis', { accept: V2 })).body;
  const core = (await shared().api.get('/api', { accept: V2 })).body;
  const entries = new Map<string, any>();
  for (const group of [...core.items, ...apis.items]) {
    for (const version of group.versions) {
      assert.equal(version.freshness, 'Current');
      for (const r of version.resources) entries.set(`${group.metadata.name}/${version.version}/${r.resource}`, r);
    }
  }
  for (const def of RESOURCES) {
    const entry = entries.get(`${def.group}/${def.version}/${def.resource}`);
    assert.ok(entry, def.key);
    assert.equal(entry.scope, def.namespaced ? 'Namespaced' : 'Cluster');
    assert.deepEqual(entry.responseKind, { group: def.group, version: def.version, kind: def.kind });
    assert.equal(entry.singularResource, def.singular);
    assert.deepEqual(entry.verbs, def.verbs);
    assert.deepEqual(entry.shortNames, def.shortNames.length ? def.shortNames : undefined);
    assert.deepEqual(entry.categories, def.categories.length ? def.categories : undefined);
  }
  assert.deepEqual(entries.get('/v1/namespaces').verbs, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
  const ds = entries.get('apps/v1/daemonsets');
  assert.deepEqual(ds.shortNames, ['ds']);
  assert.deepEqual(ds.subresources, [{ subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'DaemonSet' }, verbs: ['get', 'patch', 'update'] }]);
});

test('the legacy group-version lists carry subresources with their own kinds', async () => {
  const v1 = (await shared().api.get('/api/v1')).body;
  assert.equal(v1.kind, 'APIResourceList');
  assert.equal(v1.groupVersion, 'v1');
  const byName = new Map(v1.resources.map((r: any) => [r.name, r]));
  assert.deepEqual(byName.get('pods/eviction'), { name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
  assert.deepEqual(byName.get('replicationcontrollers/scale'), { name: 'replicationcontrollers/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
  assert.deepEqual((byName.get('pods') as any).shortNames, ['po']);
  const apps = (await shared().api.get('/apis/apps/v1')).body;
  assert.equal(apps.groupVersion, 'apps/v1');
  assert.equal((await shared().api.get('/apis/apps')).body.kind, 'APIGroup');
  assert.equal((await shared().api.get('/apis/nothing/v1')).status, 404);
});

test('discovery answers carry an ETag and honour If-None-Match', async () => {
  const first = await shared().api.get('/apis', { accept: V2 });
  const etag = first.headers.get('etag')!;
  assert.ok(etag);
  const again = await shared().api.get('/apis', { accept: V2, 'if-none-match': etag });
  assert.equal(again.status, 304);
});

test('a review kind is listed with the one verb it serves', async () => {
  const legacy = await shared().api.get('/apis/authorization.k8s.io/v1');
  const entry = legacy.body.resources.find((r: { name: string }) => r.name === 'selfsubjectaccessreviews');
  assert.deepEqual(entry.verbs, ['create']);
  const aggregated = await shared().api.get('/apis', { accept: V2 });
  const group = aggregated.body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'authorization.k8s.io');
  const resource = group.versions[0].resources.find((r: { resource: string }) => r.resource === 'selfsubjectaccessreviews');
  assert.deepEqual(resource.verbs, ['create']);
  const pods = legacy.body.resources.length > 0 && (await shared().api.get('/api/v1')).body.resources.find((r: { name: string }) => r.name === 'pods');
  assert.deepEqual(pods.verbs, ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
});
