import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSharedServer } from '../helpers/api.js';
import { waitFor } from '../helpers/wait.js';

/** Cascading deletion through the in-process garbage collector, over HTTP as a client sees it. */
const shared = useSharedServer();
const podSpec = { containers: [{ name: 'c', image: 'nginx' }] };

async function owner(ns: string, name: string) {
  const res = await shared().api.post(`/api/v1/namespaces/${ns}/replicationcontrollers`, {
    metadata: { name },
    spec: { replicas: 0, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
  });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

async function dependent(ns: string, name: string, owners: any[], block = false) {
  const res = await shared().api.post(`/api/v1/namespaces/${ns}/configmaps`, {
    metadata: {
      name,
      ownerReferences: owners.map((o) => ({ apiVersion: 'v1', kind: 'ReplicationController', name: o.metadata.name, uid: o.metadata.uid, ...(block ? { blockOwnerDeletion: true } : {}) })),
    },
  });
  assert.equal(res.status, 201, res.text);
}

const exists = async (path: string) => (await shared().api.get(path)).status === 200;

test('background deletion removes dependents whose owners are all gone', async () => {
  const o = await owner('default', 'bg');
  await dependent('default', 'bg-dep', [o]);
  const other = await owner('default', 'bg-other');
  await dependent('default', 'bg-shared', [o, other]);
  await shared().api.delete('/api/v1/namespaces/default/replicationcontrollers/bg', { propagationPolicy: 'Background' });
  await waitFor('the dependent to be collected', async () => !(await exists('/api/v1/namespaces/default/configmaps/bg-dep')));
  await waitFor('the shared dependent to lose the dangling reference', async () => {
    const cm = (await shared().api.get('/api/v1/namespaces/default/configmaps/bg-shared')).body;
    return cm.metadata.ownerReferences?.length === 1 && cm.metadata.ownerReferences[0].uid === other.metadata.uid;
  });
});

test('foreground deletion waits for blocking dependents, then removes the owner', async () => {
  const o = await owner('default', 'fg');
  await dependent('default', 'fg-dep', [o], true);
  const res = await shared().api.delete('/api/v1/namespaces/default/replicationcontrollers/fg', { propagationPolicy: 'Foreground' });
  assert.deepEqual(res.body.metadata.finalizers, ['foregroundDeletion']);
  await waitFor('the owner to be gone', async () => !(await exists('/api/v1/namespaces/default/replicationcontrollers/fg')));
  assert.equal(await exists('/api/v1/namespaces/default/configmaps/fg-dep'), false);
});

test('orphan deletion removes the owner references and keeps the dependents', async () => {
  const o = await owner('default', 'orph');
  await dependent('default', 'orph-dep', [o]);
  await shared().api.delete('/api/v1/namespaces/default/replicationcontrollers/orph', { propagationPolicy: 'Orphan' });
  await waitFor('the owner to be gone', async () => !(await exists('/api/v1/namespaces/default/replicationcontrollers/orph')));
  const cm = (await shared().api.get('/api/v1/namespaces/default/configmaps/orph-dep')).body;
  assert.equal(cm.metadata.ownerReferences, undefined);
});

test('a deleted namespace empties, then disappears', async () => {
  await shared().api.post('/api/v1/namespaces', { metadata: { name: 'doomed' } });
  const o = await owner('doomed', 'web');
  await dependent('doomed', 'web-cm', [o]);
  await shared().api.post('/api/v1/namespaces/doomed/pods', { metadata: { name: 'p' }, spec: podSpec });
  const res = await shared().api.delete('/api/v1/namespaces/doomed');
  assert.equal(res.body.status.phase, 'Terminating');
  await waitFor('the namespace to disappear', async () => (await shared().api.get('/api/v1/namespaces/doomed')).status === 404);
  const leftovers = await shared().api.get('/api/v1/configmaps?fieldSelector=metadata.namespace%3Ddoomed');
  assert.deepEqual(leftovers.body.items, []);
});
