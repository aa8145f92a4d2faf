import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { startTestServer } from '../helpers/api.js';
import { waitFor } from '../helpers/wait.js';

function clientFor(kubeconfig: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  return { kc, core: kc.makeApiClient(k8s.CoreV1Api) };
}

test('an @kubernetes/client-node informer lists, then follows adds, updates and deletes', async (t) => {
  const server = await startTestServer(t);
  const { kc, core } = clientFor(server.kubeconfig);
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'first' }, data: { v: '0' } } });
  const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () =>
    core.listNamespacedConfigMap({ namespace: 'default' }),
  );
  const seen: string[] = [];
  informer.on('add', (cm) => seen.push(`add ${cm.metadata?.name}`));
  informer.on('update', (cm) => seen.push(`update ${cm.metadata?.name} ${cm.data?.v}`));
  informer.on('delete', (cm) => seen.push(`delete ${cm.metadata?.name}`));
  await informer.start();
  t.after(() => informer.stop());
  await waitFor('the initial list', () => seen.includes('add first'));
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'second' }, data: { v: '1' } } });
  await core.patchNamespacedConfigMap(
    { namespace: 'default', name: 'second', body: { data: { v: '2' } } },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
  );
  await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'first' });
  await waitFor('the changes', () => seen.length >= 4);
  assert.deepEqual(seen, ['add first', 'add second', 'update second 2', 'delete first']);
  assert.deepEqual(informer.list().map((cm) => cm.metadata?.name), ['second']);
});

test('an informer whose resourceVersion was compacted away relists after the 410 and stays correct', async (t) => {
  // Watches end after 1-2 s and the log keeps one change, so the informer's reconnect lands on a compacted RV.
  const server = await startTestServer(t, { eventWindow: 1, compactIntervalMs: 20, watch: { minRequestTimeoutSeconds: 1 } });
  const { kc, core } = clientFor(server.kubeconfig);
  await server.api.post('/api/v1/namespaces', { metadata: { name: 'busy' } });
  let lists = 0;
  const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => {
    lists++;
    return core.listNamespacedConfigMap({ namespace: 'default' });
  });
  await informer.start();
  t.after(() => informer.stop());
  await waitFor('the first list', () => lists === 1);
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' } } });
  await waitFor('the informer to see it', () => informer.list().length === 1);
  // Changes elsewhere move the log on without the informer seeing any of them.
  for (let i = 0; i < 5; i++) await server.api.post('/api/v1/namespaces/busy/configmaps', { metadata: { name: `noise-${i}` } });
  await waitFor('a relist after 410 Expired', () => lists >= 2, 15_000);
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'after-relist' } } });
  await waitFor('the informer to follow on', () => informer.list().length === 2, 15_000);
  assert.deepEqual(informer.list().map((cm) => cm.metadata?.name).sort(), ['after-relist', 'watched']);
});
