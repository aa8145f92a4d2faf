import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHash } from '../../../../controllers/daemonset/hash.js';
import { revisionData } from '../../../../controllers/daemonset/revision.js';
import type { DaemonSet } from '../../../../controllers/daemonset/types.js';
import { cluster, type Cluster } from './helpers.js';

const setImage = (c: Cluster, img: string) => c.patchDs('foo', { spec: { template: { spec: { containers: [{ name: 'c', image: img }] } } } }, 'strategic');

test('snapshot: the revision is <ds>-<hash>, owned by the DaemonSet, labelled, annotated, numbered, holding the template patch', () => {
  const c = cluster();
  c.node('n');
  const ds = c.daemonSet('foo');
  c.patchDs('foo', { metadata: { annotations: { 'kubernetes.io/change-cause': 'first' } } });
  c.converge();
  const stored = c.ds('foo') as DaemonSet;
  const hash = computeHash(stored.spec!.template);
  const [rev] = c.revisions();
  assert.equal(rev.metadata.name, `foo-${hash}`);
  assert.deepEqual(rev.metadata.labels, { app: 'foo', 'controller-revision-hash': hash });
  assert.deepEqual(rev.metadata.annotations, { 'deprecated.daemonset.template.generation': '1', 'kubernetes.io/change-cause': 'first' });
  assert.deepEqual(rev.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.equal(rev.revision, 1);
  assert.deepEqual(rev.data, revisionData(stored));
  assert.equal((rev.data as any).spec.template.$patch, 'replace');
  assert.equal(c.pods()[0].metadata.labels!['controller-revision-hash'], hash);
});

test('cleanupHistory: old revisions beyond revisionHistoryLimit are deleted oldest first', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo', { revisionHistoryLimit: 2 });
  c.converge();
  for (const img of ['v2', 'v3', 'v4', 'v5']) {
    setImage(c, img);
    c.converge();
  }
  assert.deepEqual(c.revisions().map((r) => r.revision).sort(), [3, 4, 5]);
  assert.equal(c.revisions().find((r) => r.revision === 5)!.data.spec.template.spec.containers[0].image, 'v5');
});

test('cleanupHistory: a revision a pod still carries is kept, even past the limit', () => {
  const c = cluster();
  c.node('n1');
  c.node('n2');
  c.daemonSet('foo', { revisionHistoryLimit: 0, updateStrategy: { type: 'OnDelete' } });
  c.converge();
  const first = c.revisions()[0].metadata.name;
  setImage(c, 'v2');
  c.converge();
  setImage(c, 'v3');
  c.converge();
  assert.deepEqual(c.revisions().map((r) => r.revision).sort(), [1, 3], 'revision 2 had no pods and went; revision 1 still has both pods');
  assert.ok(c.revisions().some((r) => r.metadata.name === first));
  c.finishDeletion(c.pods()[0]);
  c.finishDeletion(c.pods()[0]);
  c.converge();
  assert.deepEqual(c.revisions().map((r) => r.revision), [3], 'once no pod carries it, it goes too');
});

test('hash collision: a taken name with other data bumps status.collisionCount and the next sync uses a new hash', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo');
  const template = (c.ds('foo') as DaemonSet).spec!.template;
  const taken = computeHash(template);
  c.h.create('apps', 'controllerrevisions', 'default', { metadata: { name: `foo-${taken}`, labels: { unrelated: 'yes' } }, data: { other: true }, revision: 1 });
  c.converge();
  assert.equal(c.status('foo').collisionCount, 1);
  const fresh = computeHash(template, 1);
  assert.notEqual(fresh, taken);
  assert.ok(c.revisions().some((r) => r.metadata.name === `foo-${fresh}`));
  assert.equal(c.pods()[0].metadata.labels!['controller-revision-hash'], fresh);
  setImage(c, 'v2');
  c.converge();
  assert.equal(c.status('foo').collisionCount, 1, 'collisionCount stays: it only ever goes up');
  assert.ok(c.revisions().some((r) => r.metadata.name === `foo-${computeHash((c.ds('foo') as DaemonSet).spec!.template, 1)}`));
});

test('dedupCurHistories: of two equal revisions the higher-numbered one stays, pods are relabelled to it, the other is deleted', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo');
  c.converge();
  const [original] = c.revisions();
  c.h.create('apps', 'controllerrevisions', 'default', {
    metadata: { name: 'foo-dup', labels: { app: 'foo', 'controller-revision-hash': 'dup' } },
    data: original.data,
    revision: 5,
  });
  c.converge();
  assert.deepEqual(c.revisions().map((r) => [r.metadata.name, r.revision]), [['foo-dup', 5]]);
  assert.equal(c.pods()[0].metadata.labels!['controller-revision-hash'], 'dup');
  assert.equal(c.status('foo').updatedNumberScheduled, 1);
});

test('TestControlledHistories: orphan revisions in the namespace are adopted (and given a hash label), others are not', () => {
  const c = cluster();
  c.h.create('', 'namespaces', '', { metadata: { name: 'elsewhere' } });
  c.h.create('apps', 'controllerrevisions', 'default', { metadata: { name: 'foo-x2', labels: { app: 'foo' } }, data: { old: 1 }, revision: 1 });
  c.h.create('apps', 'controllerrevisions', 'elsewhere', { metadata: { name: 'foo-x3', labels: { app: 'foo' } }, data: { old: 1 }, revision: 1 });
  const ds = c.daemonSet('foo');
  c.converge();
  const adopted = c.revisions().find((r) => r.metadata.name === 'foo-x2')!;
  assert.equal(adopted.metadata.ownerReferences![0].uid, ds.metadata.uid);
  assert.equal(adopted.metadata.labels!['controller-revision-hash'], 'foo-x2', 'a revision without a hash label is labelled with its name');
  assert.equal(c.revisions().find((r) => r.metadata.name !== 'foo-x2')!.revision, 2, 'the new current revision comes after the adopted one');
  assert.equal(c.revisions('elsewhere')[0].metadata.ownerReferences, undefined);
});

test('a revision whose labels stop matching is released', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo');
  c.converge();
  setImage(c, 'v2');
  c.converge();
  const old = c.revisions().find((r) => r.revision === 1)!;
  c.h.store.patch(c.h.def('apps', 'controllerrevisions'), 'default', old.metadata.name!, 'merge', { metadata: { labels: { app: 'gone' } } });
  c.converge();
  assert.equal(c.revisions().find((r) => r.metadata.name === old.metadata.name)!.metadata.ownerReferences, undefined);
});

test('TestGetNodesToDaemonPods: a finished pod held by a finalizer is ignored by manage and status but keeps its revision alive', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo', { revisionHistoryLimit: 0, updateStrategy: { type: 'OnDelete' } });
  c.converge();
  const pods = c.h.def('', 'pods');
  const held = c.pods()[0];
  c.h.store.guaranteedUpdate(pods, 'default', held.metadata.name!, (p) => ({ ...p, metadata: { ...p.metadata, finalizers: ['example.com/hold'] } }));
  c.h.store.delete(pods, 'default', held.metadata.name!, { gracePeriodSeconds: 0 });
  c.setStatus(c.pods()[0], { phase: 'Failed' });
  setImage(c, 'v2');
  c.converge();
  const live = c.pods().filter((p) => !p.metadata.deletionTimestamp);
  assert.equal(live.length, 1, 'a replacement was created beside the finished, terminating pod');
  assert.equal(live[0].spec.containers[0].image, 'v2');
  assert.equal(c.status('foo').currentNumberScheduled, 1);
  assert.deepEqual(c.revisions().map((r) => r.revision).sort(), [1, 2], 'revision 1 stays: the held pod still carries its hash');
  c.h.store.guaranteedUpdate(pods, 'default', held.metadata.name!, (p) => ({ ...p, metadata: { ...p.metadata, finalizers: undefined } }));
  c.converge();
  assert.deepEqual(c.revisions().map((r) => r.revision), [2]);
});
