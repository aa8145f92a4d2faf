import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rawRequest, useSharedServer } from '../helpers/api.js';

// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });
const rcs = '/api/v1/namespaces/default/replicationcontrollers';
const pods = '/api/v1/namespaces/default/pods';
const podSpec = { containers: [{ name: 'c', image: 'nginx' }] };

test('scale: an RC reads and writes its replicas as an autoscaling/v1 Scale', async () => {
  await shared().api.post(rcs, { metadata: { name: 'web' }, spec: { replicas: 2, selector: { app: 'web', tier: 'a' }, template: { metadata: { labels: { app: 'web', tier: 'a' } }, spec: podSpec } } });
  const scale = await shared().api.get(`${rcs}/web/scale`);
  assert.equal(scale.status, 200);
  assert.equal(scale.body.kind, 'Scale');
  assert.equal(scale.body.apiVersion, 'autoscaling/v1');
  assert.deepEqual(scale.body.spec, { replicas: 2 });
  assert.deepEqual(scale.body.status, { replicas: 0, selector: 'app=web,tier=a' });
  const patched = await shared().api.patch(`${rcs}/web/scale`, { spec: { replicas: 5 } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.body.spec.replicas, 5);
  const rc = (await shared().api.get(`${rcs}/web`)).body;
  assert.equal(rc.spec.replicas, 5);
  assert.equal(rc.metadata.generation, 2);
  // kubectl scale --current-replicas sends a PUT of the Scale without a Content-Type.
  const put = await rawRequest(`${shared().url}${rcs}/web/scale`, 'PUT', JSON.stringify({ ...patched.body, spec: { replicas: 1 } }));
  assert.equal(put.status, 200, put.text);
  assert.equal(put.body.spec.replicas, 1);
  const stale = await shared().api.put(`${rcs}/web/scale`, { ...patched.body, spec: { replicas: 3 } });
  assert.equal(stale.status, 409);
  const negative = await shared().api.patch(`${rcs}/web/scale`, { spec: { replicas: -1 } });
  assert.equal(negative.status, 422);
  assert.match(negative.body.message, /Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0/);
  assert.equal((await shared().api.get('/apis/apps/v1/namespaces/default/daemonsets/x/scale')).status, 404, 'no scale on daemonsets');
});

test('scale on apps/v1 kinds reports the label selector as a string', async () => {
  await shared().api.post('/apis/apps/v1/namespaces/default/deployments', {
    metadata: { name: 'api' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template: { metadata: { labels: { app: 'api', tier: 'a' } }, spec: podSpec } },
  });
  const scale = (await shared().api.get('/apis/apps/v1/namespaces/default/deployments/api/scale')).body;
  assert.equal(scale.status.selector, 'app=api,tier in (a,b)');
});

test('binding assigns a pod to a node once, and marks it scheduled', async () => {
  await shared().api.post(pods, { metadata: { name: 'unbound' }, spec: podSpec });
  const bound = await shared().api.post(`${pods}/unbound/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' }, target: { apiVersion: 'v1', kind: 'Node', name: 'n1' } });
  assert.equal(bound.status, 201, bound.text);
  assert.equal(bound.body.status, 'Success');
  const pod = (await shared().api.get(`${pods}/unbound`)).body;
  assert.equal(pod.spec.nodeName, 'n1');
  assert.ok(pod.status.conditions.some((c: any) => c.type === 'PodScheduled' && c.status === 'True'));
  const again = await shared().api.post(`${pods}/unbound/binding`, { metadata: { name: 'unbound' }, target: { name: 'n2' } });
  assert.equal(again.status, 409);
  assert.match(again.body.message, /pod unbound is already assigned to node "n1"/);
  const noTarget = await shared().api.post(`${pods}/unbound/binding`, { metadata: { name: 'unbound' }, target: {} });
  assert.equal(noTarget.status, 422);
  assert.equal(noTarget.body.details.causes[0].field, 'target.name');
});

test('eviction deletes the pod with the given options and answers 201', async () => {
  await shared().api.post(pods, { metadata: { name: 'evicted' }, spec: { ...podSpec, nodeName: 'n1' } });
  const res = await shared().api.post(`${pods}/evicted/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'evicted', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0 } });
  assert.equal(res.status, 201, res.text);
  assert.equal((await shared().api.get(`${pods}/evicted`)).status, 404);
  const mismatch = await shared().api.post(`${pods}/other/eviction`, { metadata: { name: 'evicted' } });
  assert.equal(mismatch.status, 400);
  assert.equal((await shared().api.post(`${pods}/missing/eviction`, { metadata: { name: 'missing' } })).status, 404);
});

test('server-side apply creates, then merges, and requires a field manager', async () => {
  const path = '/api/v1/namespaces/default/configmaps/applied';
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied' }, data: { a: '1' } });
  const created = await shared().api.request('PATCH', `${path}?fieldManager=test`, body, { 'content-type': 'application/apply-patch+yaml' });
  assert.equal(created.status, 201, created.text);
  const updated = await shared().api.request('PATCH', `${path}?fieldManager=test`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  b: "2"\n', { 'content-type': 'application/apply-patch+yaml' });
  assert.equal(updated.status, 200, updated.text);
  assert.deepEqual(updated.body.data, { a: '1', b: '2' });
  const anonymous = await shared().api.request('PATCH', path, body, { 'content-type': 'application/apply-patch+yaml' });
  assert.equal(anonymous.status, 422);
  assert.match(anonymous.body.message, /fieldManager: Required value: is required for apply patch/);
});
