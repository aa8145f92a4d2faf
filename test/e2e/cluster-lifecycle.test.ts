import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lonePod } from '../fixtures/manifests.js';
import { startCliServer } from '../helpers/cli-server.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';
import { waitFor } from '../helpers/wait.js';


/**
 * A cluster that lives, through kubectl against a real server process: scheduling and a running pod, a node that
 * stops heartbeating (NotReady, taints, eviction after the toleration), then the node deleted and its pod collected.
 */
test('3 nodes: schedule, run, lose a node\'s heartbeat, evict, delete the node, collect its pod', { skip: NO_KUBECTL, timeout: 120_000 }, async (t) => {
  const server = await startCliServer(['--db', ':memory:', '--nodes', '3', '--node-monitor-grace-period', '2', '--pod-gc-quarantine', '1']);
  t.after(() => server.stop());
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  const ok = async (args: string[]) => {
    const res = await kubectl.run(args);
    assert.equal(res.code, 0, `kubectl ${args.join(' ')}: ${res.stderr}`);
    return res.stdout;
  };

  await ok(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=30s']);
  assert.match(await ok(['apply', '-f', kubectl.file('pod.json', lonePod('lone', 2))]), /pod\/lone created/);
  await ok(['wait', '--for=condition=Ready', 'pod/lone', '--timeout=30s']);

  const wide = (await ok(['get', 'pods', '-o', 'wide'])).trimEnd().split('\n').map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(wide[0], ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  const [name, ready, status, restarts, , ip, node] = wide[1];
  assert.deepEqual([name, ready, status, restarts], ['lone', '1/1', 'Running', '0']);
  assert.match(ip, /^10\.244\.\d+\.\d+$/);
  assert.match(node, /^node-[123]$/);
  assert.match(await ok(['get', 'events', '--field-selector', 'reason=Scheduled']), new RegExp(`Successfully assigned default/lone to ${node}`));

  await ok(['annotate', 'node', node, 'mimikube.io/heartbeat=stopped']);
  await ok(['wait', '--for=condition=Ready=Unknown', `node/${node}`, '--timeout=30s']);
  assert.match((await ok(['get', 'node', node])).split('\n')[1], new RegExp(`^${node}\\s+NotReady`));
  await waitFor('the unreachable taints', async () => {
    const taints = await ok(['get', 'node', node, '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect}{"\\n"}{end}']);
    return taints.includes('node.kubernetes.io/unreachable:NoSchedule') && taints.includes('node.kubernetes.io/unreachable:NoExecute');
  });
  const evicted = await waitFor('the eviction after tolerationSeconds', async () => {
    const pod = (await server.api.get('/api/v1/namespaces/default/pods/lone')).body;
    return pod.metadata?.deletionTimestamp ? pod : undefined;
  }, 30_000);
  const conditions = Object.fromEntries(evicted.status.conditions.map((c: any) => [c.type, c]));
  assert.equal(conditions.Ready.status, 'False', 'pods on a lost node are marked not ready');
  assert.equal(conditions.DisruptionTarget.reason, 'DeletionByTaintManager');
  assert.match(await ok(['get', 'pod', 'lone']), /Terminating/);

  assert.match(await ok(['delete', 'node', node]), new RegExp(`node "${node}" deleted`));
  await ok(['wait', '--for=delete', 'pod/lone', '--timeout=60s']);
  assert.equal((await server.api.get(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node}`)).status, 404, 'the node\'s lease is garbage-collected');
});
