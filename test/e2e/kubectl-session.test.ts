import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/api.js';
import { Kubectl, KUBECTL, NO_KUBECTL, versionedKubectl } from '../helpers/kubectl.js';
import { fluentd, KUBE_PROXY_DAEMONSET, NODES, POD_ON_K8S_1, POD_UNBOUND, WEB_RC } from '../fixtures/manifests.js';

/** Splits kubectl's table output into rows of cells (columns are separated by at least two spaces). */
function rows(stdout: string): string[][] {
  return stdout.trimEnd().split('\n').map((line) => line.trim().split(/\s{2,}/));
}

async function ok(kubectl: Kubectl, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
  const res = await kubectl.run(args, options);
  assert.equal(res.code, 0, `kubectl ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}`);
  return res.stdout;
}

/**
 * The kubectl session of the compatibility issue, against a real server process: every command's output, error text
 * and exit code checked. create, apply and edit validate as they do by default (kubectl 1.27/1.28 read the protobuf
 * form of OpenAPI v2 for it).
 */
async function session(server: TestServer, kubectl: Kubectl): Promise<void> {
  const file = (name: string, content: string) => kubectl.file(name, content);

  const version = await ok(kubectl, ['version']);
  // kubectl 1.27 prints the whole version.Info; later versions print the gitVersion alone.
  assert.match(version, /Server Version: (v1\.32\.4|version\.Info\{.*GitVersion:"v1\.32\.4")/);

  const resources = rows(await ok(kubectl, ['api-resources']));
  assert.deepEqual(resources[0], ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
  assert.ok(resources.some((r) => r.join(' ') === 'daemonsets ds apps/v1 true DaemonSet'), 'daemonsets listed');
  assert.ok(resources.some((r) => r.join(' ') === 'replicationcontrollers rc v1 true ReplicationController'));

  assert.equal(await ok(kubectl, ['get', '--raw', '/healthz']), 'ok');

  assert.match(await ok(kubectl, ['create', '-f', file('nodes.yaml', NODES)]), /node\/k8s-1 created\nnode\/k8s-2 created/);
  assert.match(await ok(kubectl, ['create', '-f', file('ds.yaml', KUBE_PROXY_DAEMONSET)]), /daemonset.apps\/kube-proxy created/);
  assert.match(await ok(kubectl, ['create', '-f', file('rc.yaml', WEB_RC)]), /replicationcontroller\/web created/);
  const again = await kubectl.run(['create', '-f', file('ds.yaml', KUBE_PROXY_DAEMONSET)]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /Error from server \(AlreadyExists\): error when creating ".*ds.yaml": daemonsets.apps "kube-proxy" already exists/);

  const ds = rows(await ok(kubectl, ['get', 'daemonset', '-n', 'kube-system']));
  assert.deepEqual(ds[0], ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
  assert.deepEqual(ds[1].slice(0, 7), ['kube-proxy', '0', '0', '0', '0', '0', 'beta.kubernetes.io/arch=amd64']);
  assert.match(ds[1][7], /^\d+s$/);

  const wide = await ok(kubectl, ['get', 'ds,rc,po,no', '-A', '-o', 'wide']);
  assert.match(wide, /NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
  assert.match(wide, /kube-system\s+daemonset.apps\/kube-proxy\s+0\s+0\s+0\s+0\s+0\s+beta.kubernetes.io\/arch=amd64\s+\S+\s+kube-proxy\s+k8s.gcr.io\/kube-proxy-amd64:v1.11.2\s+k8s-app=kube-proxy/);
  assert.match(wide, /default\s+replicationcontroller\/web\s+2\s+0\s+0\s+\S+\s+nginx\s+nginx:1.27\s+app=web/);
  assert.match(wide, /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
  assert.match(wide, /node\/k8s-1\s+/);

  const yaml = await ok(kubectl, ['get', 'ds', 'kube-proxy', '-n', 'kube-system', '-o', 'yaml']);
  assert.match(yaml, /^apiVersion: apps\/v1\nkind: DaemonSet\n/);
  assert.match(yaml, /type: RollingUpdate/);
  const json = JSON.parse(await ok(kubectl, ['get', 'ds', 'kube-proxy', '-n', 'kube-system', '-o', 'json']));
  assert.equal(json.spec.updateStrategy.rollingUpdate.maxUnavailable, 1);
  assert.equal(json.spec.revisionHistoryLimit, 10);

  await ok(kubectl, ['create', '-f', file('pinned.yaml', POD_ON_K8S_1)]);
  await ok(kubectl, ['create', '-f', file('floating.yaml', POD_UNBOUND)]);
  const pods = rows(await ok(kubectl, ['get', 'pods', '-l', 'k=v', '--field-selector', 'spec.nodeName=k8s-1']));
  assert.deepEqual(pods[0], ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(pods.slice(1).map((r) => r[0]), ['pinned']);

  const missing = await kubectl.run(['describe', 'daemonset', 'kube-proxy']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim(), 'Error from server (NotFound): daemonsets.apps "kube-proxy" not found');
  const describe = await ok(kubectl, ['describe', 'daemonset', 'kube-proxy', '-n', 'kube-system']);
  for (const line of [
    /Name:\s+kube-proxy/, /Selector:\s+k8s-app=kube-proxy/, /Node-Selector:\s+beta.kubernetes.io\/arch=amd64/,
    /Desired Number of Nodes Scheduled: 0/, /Pods Status:\s+0 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/,
    /Image:\s+k8s.gcr.io\/kube-proxy-amd64:v1.11.2/, /\/lib\/modules from lib-modules \(ro\)/,
    /Type:\s+ConfigMap \(a volume populated by a ConfigMap\)/, /HostPathType:\s+FileOrCreate/,
  ]) assert.match(describe, line);

  assert.match(await ok(kubectl, ['describe', 'rc', 'web']), /Replicas:\s+0 current \/ 2 desired[\s\S]*Pods Status:\s+0 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);
  assert.match(await ok(kubectl, ['describe', 'pod', 'pinned']), /Node:\s+k8s-1/);
  const node = await ok(kubectl, ['describe', 'node', 'k8s-1']);
  assert.match(node, /Name:\s+k8s-1[\s\S]*Labels:\s+beta.kubernetes.io\/arch=amd64/);
  assert.match(node, /Non-terminated Pods:\s+\(1 in total\)[\s\S]*default\s+pinned/);
  assert.match(await ok(kubectl, ['describe', 'namespace', 'kube-system']), /Name:\s+kube-system[\s\S]*Status:\s+Active/);

  assert.match(await ok(kubectl, ['apply', '-f', file('fluentd.yaml', fluentd('fluentd:v1', true, true))]), /daemonset.apps\/fluentd created/);
  assert.match(await ok(kubectl, ['apply', '-f', file('fluentd.yaml', fluentd('fluentd:v2', false, false))]), /daemonset.apps\/fluentd configured/);
  const applied = JSON.parse(await ok(kubectl, ['get', 'ds', 'fluentd', '-n', 'kube-system', '-o', 'json']));
  assert.equal(applied.spec.template.spec.containers[0].image, 'fluentd:v2');
  assert.equal(applied.spec.template.spec.containers[0].ports, undefined, 'the removed port is gone');
  assert.deepEqual(applied.metadata.labels, { app: 'fluentd' }, 'the pruned label is gone');
  assert.match(await ok(kubectl, ['apply', '-f', file('fluentd.yaml', fluentd('fluentd:v2', false, false))]), /daemonset.apps\/fluentd unchanged/);

  assert.match(await ok(kubectl, ['label', 'node', 'k8s-1', 'disk=ssd']), /node\/k8s-1 labeled/);
  assert.match(await ok(kubectl, ['label', 'node', 'k8s-1', 'disk-']), /node\/k8s-1 unlabeled/);
  // kubectl 1.27 prints "annotate" here (its own quirk); later versions "annotated".
  assert.match(await ok(kubectl, ['annotate', 'rc', 'web', 'owner=team-a']), /replicationcontroller\/web annotated?\n/);
  assert.match(await ok(kubectl, ['patch', 'rc', 'web', '--type=strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}']), /replicationcontroller\/web patched/);
  assert.match(await ok(kubectl, ['patch', 'rc', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}']), /patched/);
  assert.match(await ok(kubectl, ['patch', 'rc', 'web', '--type=json', '-p', '[{"op":"add","path":"/spec/minReadySeconds","value":5}]']), /patched/);
  const rc = JSON.parse(await ok(kubectl, ['get', 'rc', 'web', '-o', 'json']));
  assert.equal(rc.spec.template.spec.containers[0].image, 'nginx:1.28');
  assert.equal(rc.metadata.labels.tier, 'front');
  assert.equal(rc.spec.minReadySeconds, 5);
  assert.equal(rc.metadata.annotations.owner, 'team-a');

  const editor = kubectl.file('editor.sh', '#!/bin/sh\nsed -i "s/minReadySeconds: 5/minReadySeconds: 7/" "$1"\n', 0o755);
  assert.match(await ok(kubectl, ['edit', 'rc', 'web'], { env: { KUBE_EDITOR: editor, EDITOR: editor } }), /replicationcontroller\/web edited/);
  assert.equal(JSON.parse(await ok(kubectl, ['get', 'rc', 'web', '-o', 'json'])).spec.minReadySeconds, 7);

  assert.match(await ok(kubectl, ['scale', 'rc', 'web', '--replicas=3']), /replicationcontroller\/web scaled/);
  assert.equal((await server.api.get('/api/v1/namespaces/default/replicationcontrollers/web')).body.spec.replicas, 3);
  assert.match(await ok(kubectl, ['scale', 'rc', 'web', '--current-replicas=3', '--replicas=1']), /scaled/);

  assert.match(await ok(kubectl, ['cordon', 'k8s-2']), /node\/k8s-2 cordoned/);
  assert.match(rows(await ok(kubectl, ['get', 'node', 'k8s-2']))[1][1], /SchedulingDisabled/);
  assert.match(await ok(kubectl, ['uncordon', 'k8s-2']), /node\/k8s-2 uncordoned/);

  const explain = await ok(kubectl, ['explain', 'daemonset.spec.updateStrategy']);
  assert.match(explain, /KIND:\s+DaemonSet/);
  assert.match(explain, /FIELD:\s+updateStrategy/);
  assert.match(explain, /rollingUpdate/);

  // Cascading deletion waits for the garbage collector, which removes the orphan/foreground finalizers.
  assert.match(await ok(kubectl, ['delete', 'ds', 'fluentd', '-n', 'kube-system', '--cascade=orphan', '--wait=false']), /daemonset.apps "fluentd" deleted/);
  assert.match(await ok(kubectl, ['delete', 'rc', 'web', '--cascade=foreground', '--wait=false']), /replicationcontroller "web" deleted/);
  assert.match(await ok(kubectl, ['delete', 'ds', 'kube-proxy', '-n', 'kube-system', '--cascade=background']), /daemonset.apps "kube-proxy" deleted/);
  assert.match(await ok(kubectl, ['delete', 'node', 'k8s-2']), /node "k8s-2" deleted/);

  await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'waited' }, data: { ready: 'no' } });
  const waiter = kubectl.run(['wait', '--for=jsonpath={.data.ready}=yes', 'configmap/waited', '--timeout=20s']);
  await server.api.patch('/api/v1/namespaces/default/configmaps/waited', { data: { ready: 'yes' } });
  const waited = await waiter;
  assert.equal(waited.code, 0, waited.stderr);
  assert.match(waited.stdout, /configmap\/waited condition met/);
  const deleteWaiter = kubectl.run(['wait', '--for=delete', 'configmap/waited', '--timeout=20s']);
  await server.api.delete('/api/v1/namespaces/default/configmaps/waited');
  assert.equal((await deleteWaiter).code, 0);

  await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'sentinel' } });
  const watch = kubectl.spawn(['get', 'configmaps', '-w']);
  let out = '';
  watch.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const deadline = Date.now() + 20_000;
  let created = false;
  // Killed however the wait ends: a watch left running would keep the test process alive.
  try {
    while (!/watched\s+0\s+\S+\n[\s\S]*watched\s+1\s+/.test(out)) {
      assert.ok(Date.now() < deadline, `kubectl get -w printed: ${out}`);
      if (!created && /NAME\s+DATA\s+AGE/.test(out)) {
        created = true;
        await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'watched' } });
        await server.api.patch('/api/v1/namespaces/default/configmaps/watched', { data: { a: '1' } });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    watch.kill();
  }
  assert.equal(out.match(/NAME\s+DATA\s+AGE/g)?.length, 1, 'one header for the whole watch');
}

const VERSIONS: Array<{ name: string; binary: () => string | undefined }> = [
  { name: 'the kubectl on PATH (dispatches to 1.32)', binary: () => KUBECTL },
  { name: 'kubectl 1.33', binary: () => versionedKubectl(33) },
  { name: 'kubectl 1.28', binary: () => versionedKubectl(28) },
  { name: 'kubectl 1.27', binary: () => versionedKubectl(27) },
];

for (const v of VERSIONS) {
  const binary = v.binary();
  const skip = NO_KUBECTL || (!binary && `${v.name} is not installed on this machine`);
  test(`kubectl session: ${v.name}`, { skip, timeout: 180_000 }, async (t) => {
    // The API surface alone; the controller scenarios have their own end-to-end tests.
    const server = await startTestServer(t, { controllers: false });
    const kubectl = new Kubectl(server.kubeconfig, binary!);
    t.after(() => kubectl.cleanup());
    await session(server, kubectl);
  });
}
