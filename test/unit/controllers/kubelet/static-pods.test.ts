import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readManifests } from '../../../../controllers/kubelet/manifest-source.js';
import {
  formatSeen,
  mirrorPodFor,
  parseManifest,
  staticPodHash,
  type StaticManifest,
} from '../../../../controllers/kubelet/static-pods.js';
import { terminationPlan } from '../../../../controllers/kubelet/termination.js';

const APISERVER = `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
  labels: {component: kube-apiserver, tier: control-plane}
  annotations: {kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: "172.18.0.2:6443"}
spec:
  hostNetwork: true
  priorityClassName: system-node-critical
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:v1.32.4
`;

function manifest(text = APISERVER, file = '/etc/kubernetes/manifests/kube-apiserver.yaml'): StaticManifest {
  const parsed = parseManifest(file, text);
  assert.ok(!('error' in parsed));
  return parsed;
}

test('file source: one Pod per file, YAML or JSON; anything else is refused with a reason', async (t) => {
  const cases: Array<[string, string, RegExp | undefined]> = [
    ['a kubeadm manifest', APISERVER, undefined],
    ['JSON', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: {} }), undefined],
    ['not YAML', 'a: [b', /couldn't parse/],
    ['a Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}', /kind Pod/],
    ['a pod without a name', 'apiVersion: v1\nkind: Pod\nmetadata: {}', /missing name/],
    ['a list', '- a\n- b', /not an object/],
    ['two documents', `${APISERVER}---\n${APISERVER}`, /couldn't parse/],
  ];
  for (const [name, text, error] of cases) {
    await t.test(name, () => {
      const parsed = parseManifest('/m/f.yaml', text);
      if (error) assert.match((parsed as { error: string }).error, error);
      else assert.ok(!('error' in parsed));
    });
  }
});

test('config hash: stable for the same content, node and file; changes with any of them', () => {
  const m = manifest();
  const h = staticPodHash(m, 'node-1');
  assert.match(h, /^[0-9a-f]{32}$/);
  const { spec, metadata, kind, apiVersion } = m.pod;
  const asJSON = JSON.stringify({ spec, metadata, kind, apiVersion });
  assert.equal(staticPodHash(manifest(asJSON), 'node-1'), h, 'the same pod written as JSON, keys reordered');
  assert.notEqual(staticPodHash(m, 'node-2'), h);
  assert.notEqual(staticPodHash(manifest(APISERVER, '/other/kube-apiserver.yaml'), 'node-1'), h);
  assert.notEqual(staticPodHash(manifest(APISERVER.replace('v1.32.4', 'v1.32.5')), 'node-1'), h);
});

test('mirror pod: <name>-<node lower-cased>, config annotations, node owner, nodeName and the NoExecute toleration', () => {
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'Control-Plane', uid: 'node-uid' } };
  const pod = mirrorPodFor(manifest(), node, 'abc', '2026-01-01T00:00:00.5Z');
  assert.equal(pod.metadata.name, 'kube-apiserver-control-plane');
  assert.equal(pod.metadata.namespace, 'kube-system');
  assert.deepEqual(pod.metadata.annotations, {
    'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '172.18.0.2:6443',
    'kubernetes.io/config.hash': 'abc',
    'kubernetes.io/config.mirror': 'abc',
    'kubernetes.io/config.seen': '2026-01-01T00:00:00.5Z',
    'kubernetes.io/config.source': 'file',
  });
  assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Node', name: 'Control-Plane', uid: 'node-uid', controller: true }]);
  assert.equal(pod.spec?.nodeName, 'Control-Plane');
  assert.deepEqual(pod.spec?.tolerations, [{ operator: 'Exists', effect: 'NoExecute' }]);
  const tolerant = manifest(APISERVER.replace('  hostNetwork: true', '  hostNetwork: true\n  tolerations: [{operator: Exists, effect: NoExecute}]'));
  assert.equal(mirrorPodFor(tolerant, node, 'abc', 's').spec?.tolerations?.length, 1, 'not added twice');
  assert.equal(mirrorPodFor(manifest('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {}'), node, 'h', 's').metadata.namespace, 'default');
});

test('config.seen is written as RFC3339Nano', () => {
  assert.equal(formatSeen(Date.UTC(2026, 0, 1)), '2026-01-01T00:00:00Z');
  assert.equal(formatSeen(Date.UTC(2026, 0, 1, 0, 0, 0, 120)), '2026-01-01T00:00:00.12Z');
});

test('the manifest directory: hidden files and subdirectories skipped, name order, first of two same pods wins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-manifests-'));
  try {
    writeFileSync(join(dir, 'b.yaml'), APISERVER);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd', namespace: 'kube-system' } }));
    writeFileSync(join(dir, 'c.yaml'), APISERVER.replace('v1.32.4', 'v1.32.5'));
    writeFileSync(join(dir, '.hidden.yaml'), APISERVER.replace('kube-apiserver\n', 'hidden\n'));
    writeFileSync(join(dir, 'broken.yaml'), 'kind: [');
    mkdirSync(join(dir, 'sub'));
    const logs: string[] = [];
    const found = readManifests(dir, (m) => logs.push(m));
    assert.deepEqual(found.map((m) => [m.file.slice(dir.length + 1), m.pod.metadata.name]), [
      ['a.json', 'etcd'],
      ['b.yaml', 'kube-apiserver'],
    ]);
    assert.equal(logs.length, 2, 'the broken file and the duplicate are reported');
    assert.deepEqual(readManifests(join(dir, 'missing'), () => {}), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('graceful deletion timing', async (t) => {
  const pod = (grace: number) => ({ metadata: { name: 'p', deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: grace } });
  const deadline = Date.parse('2026-01-01T00:00:30Z');
  await t.test('by default the containers use the whole grace period and are killed at deletionTimestamp', () => {
    assert.deepEqual(terminationPlan(pod(30), undefined), { at: deadline, exit: { exitCode: 137, reason: 'Error' } });
  });
  await t.test('terminationDelayMs makes them exit cleanly that long after the DELETE', () => {
    assert.deepEqual(terminationPlan(pod(30), 2000), { at: deadline - 28_000, exit: { exitCode: 0, reason: 'Completed' } });
  });
  await t.test('never later than the deadline', () => {
    assert.deepEqual(terminationPlan(pod(5), 60_000), { at: deadline, exit: { exitCode: 137, reason: 'Error' } });
  });
  await t.test('a pod that is not being deleted has no plan', () => {
    assert.equal(terminationPlan({ metadata: { name: 'p' } }, undefined), undefined);
  });
});
