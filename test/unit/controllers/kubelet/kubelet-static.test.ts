import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { HEARTBEAT_ANNOTATION, type KubeletConfig } from '../../../../controllers/kubelet/config.js';
import { SimulatedKubelet } from '../../../../controllers/kubelet/kubelet.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const APISERVER = (version: string) => `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
  labels: {component: kube-apiserver, tier: control-plane}
spec:
  hostNetwork: true
  priorityClassName: system-node-critical
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:${version}
    command: [kube-apiserver, --advertise-address=172.18.0.2]
`;
const MIRROR = 'kube-apiserver-control-plane';

function setup(t: TestContext, config: Partial<KubeletConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-static-'));
  const h = controllerHarness();
  const kubelet = new SimulatedKubelet(h.ctx, { staticPodDir: dir, staticPodNodes: ['control-plane'], ...config });
  t.after(() => {
    kubelet.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  h.create('', 'nodes', '', { metadata: { name: 'control-plane' } });
  h.create('', 'nodes', '', { metadata: { name: 'worker' } });
  const file = join(dir, 'kube-apiserver.yaml');
  writeFileSync(file, APISERVER('v1.32.4'));
  kubelet.start();
  const s = {
    h,
    kubelet,
    file,
    dir,
    settle: () => h.settle([kubelet]),
    mirror: (name = MIRROR): any => h.get('', 'pods', 'kube-system', name),
    mirrors: () => h.list('', 'pods', 'kube-system').map((p) => p.metadata.name),
  };
  s.settle();
  return s;
}

test('a manifest becomes a running mirror pod on each chosen node, owned by the node', (t) => {
  const s = setup(t);
  assert.deepEqual(s.mirrors(), [MIRROR]);
  const pod = s.mirror();
  const node: any = s.h.get('', 'nodes', '', 'control-plane');
  const hash = pod.metadata.annotations['kubernetes.io/config.hash'];
  assert.match(hash, /^[0-9a-f]{32}$/);
  assert.equal(pod.metadata.annotations['kubernetes.io/config.mirror'], hash);
  assert.equal(pod.metadata.annotations['kubernetes.io/config.source'], 'file');
  assert.equal(pod.metadata.annotations['kubernetes.io/config.seen'], '2026-01-01T00:00:00Z');
  assert.deepEqual(pod.metadata.ownerReferences, [
    { apiVersion: 'v1', kind: 'Node', name: 'control-plane', uid: node.metadata.uid, controller: true },
  ]);
  assert.equal(pod.spec.nodeName, 'control-plane');
  assert.ok(pod.spec.tolerations.some((x: any) => x.operator === 'Exists' && x.effect === 'NoExecute'));
  assert.equal(pod.status.phase, 'Running');
  assert.equal(pod.status.podIP, '172.18.0.2', 'a host-network static pod shows the node address');
  assert.equal(pod.status.conditions.find((c: any) => c.type === 'Ready').status, 'True');
});

test('staticPodNodes "all" puts the static pod on every simulated node', (t) => {
  const s = setup(t, { staticPodNodes: 'all' });
  assert.deepEqual(s.mirrors().sort(), [MIRROR, 'kube-apiserver-worker']);
});

test('editing the file replaces the mirror pod: deleted and created again with a new uid and hash', (t) => {
  const s = setup(t);
  const before = s.mirror();
  writeFileSync(s.file, APISERVER('v1.32.5'));
  s.kubelet.rescan();
  s.settle();
  const after = s.mirror();
  assert.notEqual(after.metadata.uid, before.metadata.uid);
  assert.notEqual(after.metadata.annotations['kubernetes.io/config.hash'], before.metadata.annotations['kubernetes.io/config.hash']);
  assert.equal(after.spec.containers[0].image, 'registry.k8s.io/kube-apiserver:v1.32.5');
  assert.notEqual(after.status.containerStatuses[0].containerID, before.status.containerStatuses[0].containerID, 'new containers');
});

test('deleting the file removes the mirror pod', (t) => {
  const s = setup(t);
  unlinkSync(s.file);
  s.kubelet.rescan();
  s.settle();
  assert.deepEqual(s.mirrors(), []);
});

test('a mirror pod deleted through the API comes back at once, showing the same running containers', (t) => {
  const s = setup(t, { startDelayMs: 5_000 });
  s.h.advance([s.kubelet], 5_000);
  const before = s.mirror();
  assert.equal(before.status.phase, 'Running');
  s.h.clock.advance(60_000);
  s.h.store.delete(s.h.def('', 'pods'), 'kube-system', MIRROR);
  s.settle();
  const after = s.mirror();
  assert.notEqual(after.metadata.uid, before.metadata.uid);
  assert.equal(after.metadata.deletionTimestamp, undefined);
  assert.equal(after.status.phase, 'Running', 'the static pod never stopped, so no ContainerCreating again');
  assert.equal(after.status.startTime, before.status.startTime);
  assert.deepEqual(after.status.containerStatuses, before.status.containerStatuses);
});

test('the periodic rescan picks up a new manifest on the clock (fileCheckFrequency 20s)', (t) => {
  const s = setup(t);
  writeFileSync(join(s.dir, 'etcd.yaml'), APISERVER('v1.32.4').replace('name: kube-apiserver\n', 'name: etcd\n'));
  s.h.advance([s.kubelet], 19_000);
  assert.deepEqual(s.mirrors(), [MIRROR]);
  s.h.advance([s.kubelet], 1_000);
  assert.deepEqual(s.mirrors().sort(), ['etcd-control-plane', MIRROR]);
});

test('a mirror pod no file stands for is deleted; other pods on the node are not', (t) => {
  const s = setup(t);
  s.h.create('', 'pods', 'kube-system', {
    metadata: { name: 'stray', annotations: { 'kubernetes.io/config.mirror': 'x' } },
    spec: { nodeName: 'control-plane', containers: [{ name: 'c', image: 'nginx' }] },
  });
  s.h.create('', 'pods', 'kube-system', {
    metadata: { name: 'ordinary' },
    spec: { nodeName: 'control-plane', containers: [{ name: 'c', image: 'nginx' }] },
  });
  s.settle();
  assert.deepEqual(s.mirrors().sort(), [MIRROR, 'ordinary']);
});

test('a dead kubelet does not recreate its mirror pods until it is back', (t) => {
  const s = setup(t);
  s.h.store.patch(s.h.def('', 'nodes'), '', 'control-plane', 'merge', { metadata: { annotations: { [HEARTBEAT_ANNOTATION]: 'stopped' } } });
  s.h.store.delete(s.h.def('', 'pods'), 'kube-system', MIRROR, { gracePeriodSeconds: 0 });
  s.settle();
  assert.deepEqual(s.mirrors(), []);
  s.h.store.patch(s.h.def('', 'nodes'), '', 'control-plane', 'merge', { metadata: { annotations: { [HEARTBEAT_ANNOTATION]: null } } });
  s.settle();
  assert.deepEqual(s.mirrors(), [MIRROR]);
});
