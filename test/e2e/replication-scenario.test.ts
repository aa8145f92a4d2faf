import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KUBE_PROXY_DAEMONSET, webReplicationController } from '../fixtures/manifests.js';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';
import { waitFor } from '../helpers/wait.js';

const rc = (namespace = 'default', replicas = 5) => webReplicationController(namespace, replicas, 2);

async function webPods(server: CliServer, namespace = 'default') {
  const items = (await server.api.get(`/api/v1/namespaces/${namespace}/pods?labelSelector=app%3Dweb`)).body.items as any[];
  return items.filter((p) => !p.metadata.deletionTimestamp);
}

async function readyRc(server: CliServer, n: number, namespace = 'default') {
  await waitFor(`web at ${n}/${n} ready`, async () => {
    const rc = (await server.api.get(`/api/v1/namespaces/${namespace}/replicationcontrollers/web`)).body;
    const pods = await webPods(server, namespace);
    return rc.status?.replicas === n && rc.status?.readyReplicas === n && pods.length === n &&
      pods.every((p) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
  }, 30_000);
}

/** ReplicationControllers through node loss, scaling, orphaning and adoption; then a namespace deleted whole. */
test('an RC keeps 5 replicas through node loss and heartbeat loss, scales down by rank, orphans and adopts', { skip: NO_KUBECTL, timeout: 180_000 }, async (t) => {
  const server = await startCliServer(['--db', ':memory:', '--nodes', '3', '--node-monitor-grace-period', '2', '--pod-gc-quarantine', '1', '--pod-termination-delay', '200']);
  t.after(() => server.stop());
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  const ok = async (args: string[]) => {
    const res = await kubectl.run(args, { timeoutMs: 60_000 });
    assert.equal(res.code, 0, `kubectl ${args.join(' ')}: ${res.stderr}`);
    return res.stdout;
  };

  await ok(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=30s']);
  await ok(['apply', '-f', kubectl.file('rc.json', rc())]);
  await readyRc(server, 5);
  const spread = new Set((await webPods(server)).map((p) => p.spec.nodeName));
  assert.equal(spread.size, 3, 'the scheduler spreads the replicas over the three nodes');
  const rcTable = (await ok(['get', 'rc', 'web'])).trimEnd().split('\n').map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(rcTable[1].slice(0, 4), ['web', '5', '5', '5']);
  assert.match(await ok(['describe', 'rc', 'web']), /Replicas:\s+5 current \/ 5 desired[\s\S]*Pods Status:\s+5 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);

  await ok(['delete', 'node', 'node-3']);
  await waitFor('node-3 pods collected and replaced', async () => {
    const pods = await webPods(server);
    return pods.length === 5 && pods.every((p) => p.spec.nodeName !== 'node-3');
  }, 30_000);
  await readyRc(server, 5);

  await ok(['annotate', 'node', 'node-2', 'mimikube.io/heartbeat=stopped']);
  await waitFor('node-2 pods evicted and replaced on node-1', async () => {
    const pods = await webPods(server);
    return pods.length === 5 && pods.every((p) => p.spec.nodeName === 'node-1');
  }, 30_000);
  await readyRc(server, 5);

  const pods = await webPods(server);
  const keep = pods.slice(0, 2).map((p) => p.metadata.name);
  for (const name of keep) await ok(['annotate', 'pod', name, 'controller.kubernetes.io/pod-deletion-cost=100']);
  assert.match(await ok(['scale', 'rc', 'web', '--replicas=2']), /replicationcontroller\/web scaled/);
  await readyRc(server, 2);
  assert.deepEqual((await webPods(server)).map((p) => p.metadata.name).sort(), [...keep].sort(), 'the pods that cost more to delete are kept');

  await ok(['delete', 'rc', 'web', '--cascade=orphan']);
  const orphans = await webPods(server);
  assert.equal(orphans.length, 2);
  assert.ok(orphans.every((p) => !p.metadata.ownerReferences?.length));
  await ok(['apply', '-f', kubectl.file('rc2.json', rc('default', 2))]);
  await readyRc(server, 2);
  const adopter = (await server.api.get('/api/v1/namespaces/default/replicationcontrollers/web')).body;
  const adopted = await webPods(server);
  assert.deepEqual(adopted.map((p) => p.metadata.name).sort(), orphans.map((p) => p.metadata.name).sort());
  assert.ok(adopted.every((p) => p.metadata.ownerReferences?.[0]?.uid === adopter.metadata.uid));
  await ok(['delete', 'rc', 'web']);
  await waitFor('the RC\'s pods gone', async () => (await webPods(server)).length === 0, 30_000);

  await server.api.post('/api/v1/namespaces', { metadata: { name: 'team' } });
  await ok(['apply', '-f', kubectl.file('rc-team.json', rc('team'))]);
  await ok(['apply', '-f', kubectl.file('ds-team.yaml', KUBE_PROXY_DAEMONSET.replace('namespace: kube-system', 'namespace: team').replace(/ {6}nodeSelector:\n {8}beta.kubernetes.io\/arch: amd64\n/, ''))]);
  await readyRc(server, 5, 'team');
  assert.match(await ok(['delete', 'namespace', 'team']), /namespace "team" deleted/);
  const leftovers = async () => (await server.api.get('/api/v1/namespaces/team/pods')).body.items.length
    + (await server.api.get('/api/v1/namespaces/team/replicationcontrollers')).body.items.length
    + (await server.api.get('/apis/apps/v1/namespaces/team/daemonsets')).body.items.length;
  await waitFor('the namespace and everything in it gone', async () => (await server.api.get('/api/v1/namespaces/team')).status === 404, 30_000);
  assert.equal(await leftovers(), 0);
});
