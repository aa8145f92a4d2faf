import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSharedServer } from '../helpers/api.js';

/** Metadata and deletion semantics that must match the real apiserver. */
// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });

const cms = '/api/v1/namespaces/default/configmaps';
const pods = '/api/v1/namespaces/default/pods';
const podBody = (name: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra },
});

test('generateName gets a random 5-character suffix from upstream alphabet', async () => {
  const res = await shared().api.post(cms, { metadata: { generateName: 'gen-' } });
  assert.equal(res.status, 201, res.text);
  assert.match(res.body.metadata.name, /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(res.body.metadata.generateName, 'gen-');
});

test('a no-op update neither writes nor bumps the resourceVersion', async () => {
  const created = (await shared().api.post(cms, { metadata: { name: 'noop' }, data: { a: '1' } })).body;
  const again = await shared().api.put(`${cms}/noop`, created);
  assert.equal(again.status, 200);
  assert.equal(again.body.metadata.resourceVersion, created.metadata.resourceVersion);
});

test('an object with finalizers is only marked; removing the last finalizer deletes it', async () => {
  await shared().api.post(cms, { metadata: { name: 'held', finalizers: ['example.com/hold'] } });
  const marked = await shared().api.delete(`${cms}/held`);
  assert.equal(marked.status, 200);
  assert.ok(marked.body.metadata.deletionTimestamp);
  assert.equal(marked.body.metadata.deletionGracePeriodSeconds, 0);
  assert.equal((await shared().api.get(`${cms}/held`)).status, 200);
  const adding = await shared().api.patch(`${cms}/held`, { metadata: { finalizers: ['example.com/hold', 'example.com/more'] } });
  assert.equal(adding.status, 422, 'no new finalizers on an object being deleted');
  const released = await shared().api.patch(`${cms}/held`, { metadata: { finalizers: null } });
  assert.equal(released.status, 200, released.text);
  assert.equal((await shared().api.get(`${cms}/held`)).status, 404);
});

test('propagation policies become the orphan / foregroundDeletion finalizers', async () => {
  const cases: Array<[string, unknown, string[] | undefined]> = [
    ['orphaned', { propagationPolicy: 'Orphan' }, ['orphan']],
    ['foreground', { propagationPolicy: 'Foreground' }, ['foregroundDeletion']],
    ['legacy-orphan', { orphanDependents: true }, ['orphan']],
  ];
  for (const [name, options, finalizers] of cases) {
    await shared().api.post(cms, { metadata: { name } });
    const res = await shared().api.delete(`${cms}/${name}`, options);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.metadata.finalizers, finalizers, name);
  }
  await shared().api.post(cms, { metadata: { name: 'cascade-false' } });
  const accepted = await shared().api.delete(`${cms}/cascade-false?propagationPolicy=Foreground`, { orphanDependents: false });
  assert.equal(accepted.status, 422, 'both set is invalid');
});

test('a bare DELETE of a ReplicationController orphans its dependents; apps/v1 kinds cascade', async () => {
  const rc = {
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: podBody('x').spec } },
  };
  assert.equal((await shared().api.post('/api/v1/namespaces/default/replicationcontrollers', rc)).status, 201);
  const res = await shared().api.delete('/api/v1/namespaces/default/replicationcontrollers/web');
  assert.deepEqual(res.body.metadata.finalizers, ['orphan']);
  const ds = {
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: podBody('x').spec } },
  };
  assert.equal((await shared().api.post('/apis/apps/v1/namespaces/default/daemonsets', ds)).status, 201);
  const gone = await shared().api.delete('/apis/apps/v1/namespaces/default/daemonsets/agent');
  assert.equal(gone.body.status, 'Success');
});

test('pods: unscheduled ones go at once, bound ones wait for their grace period unless it is 0', async () => {
  const unbound = await shared().api.post(pods, podBody('unbound'));
  assert.equal(unbound.status, 201, unbound.text);
  const gone = await shared().api.delete(`${pods}/unbound`);
  assert.equal(gone.status, 200);
  assert.equal(gone.body.kind, 'Pod', 'pods return the deleted object');
  assert.equal((await shared().api.get(`${pods}/unbound`)).status, 404);

  await shared().api.post(pods, podBody('bound', { nodeName: 'n1' }));
  const graceful = await shared().api.delete(`${pods}/bound`);
  assert.equal(graceful.status, 200);
  assert.equal(graceful.body.metadata.deletionGracePeriodSeconds, 30);
  assert.ok(graceful.body.metadata.deletionTimestamp);
  assert.equal((await shared().api.get(`${pods}/bound`)).status, 200);
  const forced = await shared().api.delete(`${pods}/bound`, { gracePeriodSeconds: 0 });
  assert.equal(forced.status, 200);
  assert.equal((await shared().api.get(`${pods}/bound`)).status, 404);
});

test('delete preconditions and dryRun', async () => {
  const cm = (await shared().api.post(cms, { metadata: { name: 'pre' } })).body;
  const wrongUid = await shared().api.delete(`${cms}/pre`, { preconditions: { uid: 'nope' } });
  assert.equal(wrongUid.status, 409);
  assert.match(wrongUid.body.message, /Precondition failed: UID in precondition: nope, UID in object meta: /);
  const wrongRv = await shared().api.delete(`${cms}/pre`, { preconditions: { resourceVersion: '1' } });
  assert.equal(wrongRv.status, 409);
  const dry = await shared().api.delete(`${cms}/pre?dryRun=All`);
  assert.equal(dry.status, 200);
  assert.equal((await shared().api.get(`${cms}/pre`)).status, 200);
  const ok = await shared().api.delete(`${cms}/pre`, { preconditions: { uid: cm.metadata.uid } });
  assert.equal(ok.status, 200);
  assert.equal((await shared().api.get(`${cms}/pre`)).status, 404);
});

test('deletecollection deletes what the selector matches and returns it', async () => {
  for (const [name, tier] of [['dc-1', 'gone'], ['dc-2', 'gone'], ['dc-3', 'kept']]) {
    await shared().api.post(cms, { metadata: { name, labels: { tier } } });
  }
  const res = await shared().api.request('DELETE', `${cms}?labelSelector=tier%3Dgone`);
  assert.equal(res.status, 200);
  assert.equal(res.body.kind, 'ConfigMapList');
  assert.deepEqual(res.body.items.map((i: any) => i.metadata.name).sort(), ['dc-1', 'dc-2']);
  const left = await shared().api.get(`${cms}?labelSelector=tier`);
  assert.deepEqual(left.body.items.map((i: any) => i.metadata.name), ['dc-3']);
});

test('uid, creationTimestamp and generation cannot be changed by an update', async () => {
  const rcPath = '/api/v1/namespaces/default/replicationcontrollers';
  const rc = (await shared().api.post(rcPath, {
    metadata: { name: 'gen' },
    spec: { replicas: 1, selector: { app: 'gen' }, template: { metadata: { labels: { app: 'gen' } }, spec: podBody('x').spec } },
  })).body;
  const edited = structuredClone(rc);
  edited.metadata.generation = 42;
  edited.metadata.creationTimestamp = '2000-01-01T00:00:00Z';
  const res = await shared().api.put(`${rcPath}/gen`, edited);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.metadata.generation, 1);
  assert.equal(res.body.metadata.creationTimestamp, rc.metadata.creationTimestamp);
  edited.metadata.uid = '00000000-0000-0000-0000-000000000000';
  edited.metadata.resourceVersion = res.body.metadata.resourceVersion;
  const uid = await shared().api.put(`${rcPath}/gen`, edited);
  assert.equal(uid.status, 422);
  assert.match(uid.body.message, /metadata.uid: Invalid value: .*field is immutable/);
});

test('resourceVersions increase across every write, of every kind', async () => {
  const a = (await shared().api.post(cms, { metadata: { name: 'rv-a' } })).body.metadata.resourceVersion;
  const b = (await shared().api.post('/api/v1/nodes', { metadata: { name: 'rv-node' } })).body.metadata.resourceVersion;
  const c = (await shared().api.patch(`${cms}/rv-a`, { data: { x: '1' } })).body.metadata.resourceVersion;
  assert.ok(Number(a) < Number(b) && Number(b) < Number(c), `${a} < ${b} < ${c}`);
});

test('the namespaces the cluster relies on cannot be deleted, and namespaces have no deletecollection', async () => {
  for (const name of ['default', 'kube-system', 'kube-public']) {
    const res = await shared().api.delete(`/api/v1/namespaces/${name}`);
    assert.equal(res.status, 403);
    assert.equal(res.body.message, `namespaces "${name}" is forbidden: this namespace may not be deleted`);
    assert.equal((await shared().api.get(`/api/v1/namespaces/${name}`)).body.metadata.deletionTimestamp, undefined);
  }
  const all = await shared().api.delete('/api/v1/namespaces');
  assert.equal(all.status, 405);
  assert.equal(all.body.reason, 'MethodNotAllowed');
});
