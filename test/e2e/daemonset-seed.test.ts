import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KUBE_PROXY_DAEMONSET } from '../fixtures/manifests.js';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';
import { waitFor } from '../helpers/wait.js';

// The simulated kubelet labels nodes the way a real one registers them (kubernetes.io/arch, and the node lifecycle
// controller keeps beta.kubernetes.io/arch equal to it), so "a node without the label" is one of another architecture.
const node = (name: string, arch: 'amd64' | 'arm64') => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    kubernetes.io/arch: ${arch}
    beta.kubernetes.io/arch: ${arch}
`;

async function dsCounts(server: CliServer) {
  const ds = (await server.api.get('/apis/apps/v1/namespaces/kube-system/daemonsets/kube-proxy')).body;
  const s = ds.status ?? {};
  return { ds, desired: s.desiredNumberScheduled, current: s.currentNumberScheduled, ready: s.numberReady, updated: s.updatedNumberScheduled, available: s.numberAvailable };
}

async function proxyPods(server: CliServer) {
  return (await server.api.get('/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-proxy')).body.items as any[];
}

/** Waits until the DaemonSet reports `n` pods desired, current, ready, up to date and available. */
async function settled(server: CliServer, n: number) {
  await waitFor(`kube-proxy at ${n}/${n}`, async () => {
    const c = await dsCounts(server);
    const live = (await proxyPods(server)).filter((p) => !p.metadata.deletionTimestamp);
    return c.desired === n && c.current === n && c.ready === n && c.updated === n && c.available === n && live.length === n && c.ds.status.observedGeneration === c.ds.metadata.generation;
  }, 30_000);
}

/** The seed note's scenario, with the real kubectl against a real server process. */
test('the kube-proxy DaemonSet follows nodes joining, labels, taints, node loss, updates and orphaning', { skip: NO_KUBECTL, timeout: 180_000 }, async (t) => {
  const server = await startCliServer(['--db', ':memory:', '--pod-gc-quarantine', '1', '--pod-termination-delay', '200']);
  t.after(() => server.stop());
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  const ok = async (args: string[]) => {
    const res = await kubectl.run(args, { timeoutMs: 90_000 });
    assert.equal(res.code, 0, `kubectl ${args.join(' ')}: ${res.stderr}`);
    return res.stdout;
  };
  const ks = ['-n', 'kube-system'];

  await ok(['create', '-f', kubectl.file('nodes.yaml', `${node('k8s-1', 'amd64')}---\n${node('k8s-2', 'amd64')}`)]);
  await ok(['apply', '-f', kubectl.file('ds.yaml', KUBE_PROXY_DAEMONSET)]);
  await settled(server, 2);

  const table = (await ok(['get', 'daemonset', ...ks])).trimEnd().split('\n').map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(table[0], ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
  assert.deepEqual(table[1].slice(0, 7), ['kube-proxy', '2', '2', '2', '2', '2', 'beta.kubernetes.io/arch=amd64']);

  const describe = await ok(['describe', 'daemonset', 'kube-proxy', ...ks]);
  for (const line of [
    /Desired Number of Nodes Scheduled: 2/, /Current Number of Nodes Scheduled: 2/, /Number of Nodes Scheduled with Up-to-date Pods: 2/,
    /Number of Nodes Scheduled with Available Pods: 2/, /Number of Nodes Misscheduled: 0/,
    /Pods Status:\s+2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/, /Command:\s+\/usr\/local\/bin\/kube-proxy\s+--config=\/var\/lib\/kube-proxy\/config.conf/,
    /\/lib\/modules from lib-modules \(ro\)/, /\/run\/xtables.lock from xtables-lock \(rw\)/, /Type:\s+HostPath \(bare host directory volume\)/,
    /Normal\s+SuccessfulCreate\s+\S+\s+daemonset-controller\s+Created pod: kube-proxy-/,
  ]) assert.match(describe, line);

  await ok(['create', '-f', kubectl.file('n3.yaml', node('k8s-3', 'amd64'))]);
  await settled(server, 3);
  await ok(['create', '-f', kubectl.file('n4.yaml', node('k8s-4', 'arm64'))]);
  await waitFor('the unlabelled node to be Ready', async () => (await ok(['get', 'node', 'k8s-4'])).includes(' Ready'));
  await settled(server, 3);
  await ok(['label', 'node', 'k8s-4', 'kubernetes.io/arch=amd64', 'beta.kubernetes.io/arch=amd64', '--overwrite']);
  await settled(server, 4);
  await ok(['taint', 'node', 'k8s-4', 'dedicated=infra:NoExecute']);
  await settled(server, 3);
  assert.ok((await proxyPods(server)).every((p) => p.spec.nodeName !== 'k8s-4' || p.metadata.deletionTimestamp), 'the pod left the tainted node');

  await ok(['delete', 'node', 'k8s-3']);
  await settled(server, 2);
  await waitFor('the pod of the deleted node to be collected', async () => (await proxyPods(server)).every((p) => p.spec.nodeName !== 'k8s-3'));

  await ok(['set', 'image', 'ds/kube-proxy', ...ks, 'kube-proxy=registry.k8s.io/kube-proxy:v1.32.0']);
  assert.match(await ok(['rollout', 'status', 'ds/kube-proxy', ...ks, '--timeout=60s']), /daemon set "kube-proxy" successfully rolled out/);
  await settled(server, 2);
  assert.ok((await proxyPods(server)).every((p) => p.spec.containers[0].image === 'registry.k8s.io/kube-proxy:v1.32.0'));
  const history = await ok(['rollout', 'history', 'ds/kube-proxy', ...ks]);
  assert.match(history, /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
  const images = async () => [...new Set((await proxyPods(server)).map((p) => p.spec.containers[0].image))];

  assert.match(await ok(['rollout', 'undo', 'ds/kube-proxy', ...ks]), /daemonset.apps\/kube-proxy rolled back/);
  await ok(['rollout', 'status', 'ds/kube-proxy', ...ks, '--timeout=60s']);
  await settled(server, 2);
  assert.deepEqual(await images(), ['k8s.gcr.io/kube-proxy-amd64:v1.11.2']);
  assert.match(await ok(['rollout', 'undo', 'ds/kube-proxy', ...ks]), /rolled back/);
  await ok(['rollout', 'status', 'ds/kube-proxy', ...ks, '--timeout=60s']);
  await settled(server, 2);
  assert.deepEqual(await images(), ['registry.k8s.io/kube-proxy:v1.32.0']);

  const before = (await proxyPods(server)).map((p) => p.metadata.uid).sort();
  assert.match(await ok(['rollout', 'restart', 'ds/kube-proxy', ...ks]), /daemonset.apps\/kube-proxy restarted/);
  await ok(['rollout', 'status', 'ds/kube-proxy', ...ks, '--timeout=60s']);
  await settled(server, 2);
  const after = (await proxyPods(server)).map((p) => p.metadata.uid);
  assert.ok(after.every((uid) => !before.includes(uid)), 'every pod was replaced');



  const owned = (await proxyPods(server)).map((p) => p.metadata.name).sort();
  const live = JSON.parse(await ok(['get', 'ds', 'kube-proxy', ...ks, '-o', 'json']));
  await ok(['delete', 'ds', 'kube-proxy', ...ks, '--cascade=orphan']);
  const orphans = await proxyPods(server);
  assert.deepEqual(orphans.map((p) => p.metadata.name).sort(), owned);
  assert.ok(orphans.every((p) => !p.metadata.ownerReferences?.length), 'orphans carry no owner reference');

  // Recreated with the live template, so the adopted pods are up to date and stay.
  await ok(['create', '-f', kubectl.file('ds-again.json', JSON.stringify({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, spec: live.spec }))]);
  await settled(server, 2);
  const ds = (await dsCounts(server)).ds;
  const adopted = await proxyPods(server);
  assert.deepEqual(adopted.map((p) => p.metadata.name).sort(), owned, 'the recreated DaemonSet adopted the same pods');
  assert.ok(adopted.every((p) => p.metadata.ownerReferences?.[0]?.uid === ds.metadata.uid));

  await ok(['delete', 'ds', 'kube-proxy', ...ks]);
  await waitFor('all kube-proxy pods gone', async () => (await proxyPods(server)).length === 0, 30_000);
});
