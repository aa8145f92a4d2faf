import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cluster, columns, type Cluster, type Obj } from './helpers.js';

function nodes(c: Cluster, n: number): void {
  for (let i = 0; i < n; i++) c.node(`node-${i}`);
}

const image = (p: Obj) => p.spec.containers[0].image as string;
const setImage = (c: Cluster, name: string, img: string) => c.patchDs(name, { spec: { template: { spec: { containers: [{ name: 'c', image: img }] } } } }, 'strategic');

/** One round of scheduler and kubelet work (deletions finished, new pods bound and Ready), then the controller. */
function kubeletRound(c: Cluster): void {
  for (const pod of c.pods()) {
    if (pod.metadata.deletionTimestamp) c.finishDeletion(pod);
    else if (!pod.spec.nodeName) {
      c.bind(pod);
      c.markReady(c.pods().find((p) => p.metadata.uid === pod.metadata.uid)!);
    }
  }
  c.settle();
}

/** What `kubectl rollout status ds/<name>` prints from the DaemonSet alone (DaemonSetStatusViewer). */
function rolloutStatus(ds: Obj): string {
  const s = ds.status;
  const name = ds.metadata.name;
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return 'Waiting for daemon set spec update to be observed...';
  if ((s.updatedNumberScheduled ?? 0) < s.desiredNumberScheduled) {
    return `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${s.desiredNumberScheduled} new pods have been updated...`;
  }
  if ((s.numberAvailable ?? 0) < s.desiredNumberScheduled) {
    return `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${s.desiredNumberScheduled} updated pods are available...`;
  }
  return `daemon set "${name}" successfully rolled out`;
}

test('TestDaemonSetUpdatesPods: maxUnavailable 2 over 5 nodes rolls in waves of 2, each waiting for the new pods; rollout status follows', () => {
  const c = cluster();
  nodes(c, 5);
  c.daemonSet('foo', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } });
  c.converge();
  assert.equal(rolloutStatus(c.ds('foo')), 'daemon set "foo" successfully rolled out');
  setImage(c, 'foo', 'v2');
  assert.equal(rolloutStatus(c.ds('foo')), 'Waiting for daemon set spec update to be observed...');
  c.settle();
  assert.equal(c.pods().filter((p) => p.metadata.deletionTimestamp).length, 2, 'first wave: 2 deletes');
  assert.equal(rolloutStatus(c.ds('foo')), 'Waiting for daemon set "foo" rollout to finish: 0 out of 5 new pods have been updated...');
  const waves: string[] = [];
  for (let i = 0; i < 12 && c.pods().some((p) => image(p) !== 'v2' || p.metadata.deletionTimestamp || !p.spec.nodeName); i++) {
    const deleting = c.pods().filter((p) => p.metadata.deletionTimestamp).length;
    const pending = c.pods().filter((p) => !p.spec.nodeName).length;
    waves.push(`${deleting}d/${pending}c`);
    for (const pod of c.pods()) {
      if (pod.metadata.deletionTimestamp) c.finishDeletion(pod);
    }
    c.settle();
    for (const pod of c.pods()) {
      if (!pod.spec.nodeName) {
        c.bind(pod);
        c.markReady(c.pods().find((p) => p.metadata.uid === pod.metadata.uid)!);
      }
    }
    c.settle();
  }
  assert.deepEqual(waves, ['2d/0c', '2d/0c', '1d/0c'], 'each wave: 2 deletes, then 2 creates, ready, then the next deletes');
  assert.deepEqual(c.pods().map(image), Array(5).fill('v2'));
  assert.deepEqual(columns(c.status('foo')), [5, 5, 5, 5, 5]);
  assert.equal(rolloutStatus(c.ds('foo')), 'daemon set "foo" successfully rolled out');
});

test('TestDaemonSetUpdatesAllOldPodsNotReady: all old pods unavailable → all replaced at once', () => {
  const c = cluster();
  nodes(c, 4);
  c.daemonSet('foo');
  c.converge({ ready: false });
  setImage(c, 'foo', 'v2');
  c.settle();
  assert.equal(c.pods().filter((p) => p.metadata.deletionTimestamp).length, 4, 'all deleted at once, regardless of maxUnavailable 1');
  c.converge();
  assert.deepEqual(c.pods().map(image), Array(4).fill('v2'));
});

test('TestDaemonSetUpdatesNoTemplateChanged: a strategy-only change touches no pod (same hash)', () => {
  const c = cluster();
  nodes(c, 3);
  c.daemonSet('foo');
  c.converge();
  const names = c.pods().map((p) => p.metadata.name).sort();
  c.patchDs('foo', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 3 } } } });
  c.converge();
  assert.deepEqual(c.pods().map((p) => p.metadata.name).sort(), names);
  assert.equal(c.revisions().length, 1);
  assert.equal(c.status('foo').observedGeneration, 2);
});

test('minReadySeconds: the next old pod goes only after the new one has been Ready that long', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo', { minReadySeconds: 10 });
  // Off the second, as real time is: condition times are truncated to seconds, the requeues are not.
  c.h.clock.advance(500);
  c.converge();
  c.advance(11_000);
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
  setImage(c, 'foo', 'v2');
  c.converge();
  const count = () => c.pods().filter((p) => image(p) === 'v2').length;
  assert.equal(count(), 1, 'the first new pod is Ready but not yet available');
  c.advance(5000);
  c.converge();
  assert.equal(count(), 1);
  c.advance(6000);
  c.converge();
  assert.equal(count(), 2);
});

test('TestDaemonSetUpdatesPodsWithMaxSurge: surge 1 starts a new pod beside the old, which goes once the new is available; never fewer than desired available', () => {
  const c = cluster();
  nodes(c, 3);
  c.daemonSet('foo', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
  c.converge();
  setImage(c, 'foo', 'v2');
  c.settle();
  assert.equal(c.pods().length, 4, 'one surge pod');
  assert.equal(c.pods().filter((p) => p.metadata.deletionTimestamp).length, 0, 'nothing deleted before the new pod is available');
  for (let i = 0; i < 20 && c.pods().some((p) => image(p) !== 'v2'); i++) {
    kubeletRound(c);
    const available = new Set(c.pods().filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True')).map((p) => p.spec.nodeName));
    assert.equal(available.size, 3, 'every node keeps an available pod');
    assert.ok(c.pods().filter((p) => !p.metadata.deletionTimestamp).length <= 4, 'at most one surge pod at a time');
  }
  c.converge();
  assert.deepEqual(c.pods().map(image), ['v2', 'v2', 'v2']);
  assert.deepEqual(columns(c.status('foo')), [3, 3, 3, 3, 3]);
});

test('OnDelete: a template change touches nothing; pods deleted by the user come back on the new revision', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo', { updateStrategy: { type: 'OnDelete' } });
  c.converge();
  setImage(c, 'foo', 'v2');
  c.converge();
  assert.deepEqual(c.pods().map(image), Array(2).fill('registry.k8s.io/pause:3.9'));
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 0, 2]);
  assert.equal(c.status('foo').observedGeneration, 2);
  c.h.store.delete(c.h.def('', 'pods'), 'default', c.pods()[0].metadata.name!);
  c.converge();
  assert.deepEqual(c.pods().map(image).sort(), ['registry.k8s.io/pause:3.9', 'v2']);
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 1, 2]);
  const hashes = new Set(c.pods().map((p) => p.metadata.labels!['controller-revision-hash']));
  assert.equal(hashes.size, 2);
});

test('kubectl rollout undo: the older revision’s data patched onto the DaemonSet reverts the template and renumbers that revision', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo');
  c.converge();
  setImage(c, 'foo', 'v2');
  c.converge();
  const byNumber = () => Object.fromEntries(c.revisions().map((r) => [r.revision, r.metadata.name]));
  const [first, second] = [byNumber()[1], byNumber()[2]];
  assert.ok(first && second);
  // kubectl's DaemonSetRollbacker: the revision before the newest, applied as a strategic merge patch.
  const target = c.revisions().find((r) => r.revision === 1)!;
  c.h.store.patch(c.h.def('apps', 'daemonsets'), 'default', 'foo', 'strategic', target.data);
  assert.equal(c.ds('foo').metadata.annotations!['deprecated.daemonset.template.generation'], '3');
  c.converge();
  assert.deepEqual(byNumber(), { 2: second, 3: first }, 'no new revision: the old one becomes revision 3');
  assert.deepEqual(c.pods().map(image), Array(2).fill('registry.k8s.io/pause:3.9'));
  const hash = c.revisions().find((r) => r.revision === 3)!.metadata.labels!['controller-revision-hash'];
  for (const pod of c.pods()) {
    assert.equal(pod.metadata.labels!['controller-revision-hash'], hash);
    assert.equal(pod.metadata.labels!['pod-template-generation'], '3');
  }
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});

test('kubectl rollout restart: a template annotation makes a new revision and rolls every pod', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo');
  c.converge();
  const before = new Set(c.pods().map((p) => p.metadata.name));
  c.patchDs('foo', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } } } }, 'strategic');
  c.converge();
  assert.equal(c.revisions().length, 2);
  assert.ok(c.pods().every((p) => !before.has(p.metadata.name) && p.metadata.annotations!['kubectl.kubernetes.io/restartedAt']));
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});
