import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cluster, columns, faultyContext, laggingContext, type Obj } from './helpers.js';

const nodes = (c: ReturnType<typeof cluster>, n: number, labels: Record<string, string> = {}) => {
  for (let i = 0; i < n; i++) c.node(`node-${i}`, labels);
};

test('TestSimpleDaemonSetLaunchesPods + TestSimpleDaemonSetUpdatesStatusAfterLaunchingPods: 5 nodes → 5 pods, status after one sync', () => {
  const c = cluster();
  nodes(c, 5);
  c.daemonSet('foo');
  c.settle();
  assert.equal(c.pods().length, 5);
  const status = c.status('foo');
  assert.deepEqual(columns(status), [5, 5, 0, 5, 0]);
  assert.equal(status.numberUnavailable, 5);
  assert.equal(status.observedGeneration, 1, 'TestObservedGeneration');
  assert.equal(status.numberMisscheduled, 0);
  const created = c.events('SuccessfulCreate');
  assert.equal(created.length, 5);
  assert.match(created[0].message as string, /^Created pod: foo-[a-z0-9]{5}$/);
  assert.deepEqual(created[0].source, { component: 'daemonset-controller' });
  assert.equal((created[0].involvedObject as any).kind, 'DaemonSet');
  const rv = c.ds('foo').metadata.resourceVersion;
  c.controller.queue.add('default/foo');
  c.settle();
  assert.equal(c.ds('foo').metadata.resourceVersion, rv, 'nothing changed: no status write');
});

test('TestSimpleDaemonSetScheduleDaemonSetPodsLaunchesPods: pods are pinned by affinity, one per node, never pre-bound', () => {
  const c = cluster();
  nodes(c, 3);
  const ds = c.daemonSet('foo');
  c.settle();
  const hash = c.revisions()[0].metadata.labels!['controller-revision-hash'];
  const targets = c.pods().map((p) => {
    assert.equal(p.spec.nodeName, undefined);
    assert.deepEqual(p.metadata.labels, { app: 'foo', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    assert.equal(p.metadata.ownerReferences![0].uid, ds.metadata.uid);
    const terms = p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
    assert.equal(terms.length, 1);
    return terms[0].matchFields[0].values[0];
  });
  assert.deepEqual(targets.sort(), ['node-0', 'node-1', 'node-2']);
});

test('TestNoNodesDoesNothing: no nodes → no pods, status zero', () => {
  const c = cluster();
  c.daemonSet('foo');
  c.settle();
  assert.equal(c.pods().length, 0);
  assert.deepEqual(columns(c.status('foo')), [0, 0, 0, 0, 0]);
});

test('TestNumberReadyStatus: numberReady follows the pods becoming Ready', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo');
  c.converge({ ready: false });
  assert.equal(c.status('foo').numberReady, 0);
  for (const pod of c.pods()) c.markReady(pod);
  c.settle();
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});

test('minReadySeconds: available only after the pods have been Ready that long (requeued on the fake clock)', () => {
  const c = cluster();
  nodes(c, 2);
  c.daemonSet('foo', { minReadySeconds: 10 });
  // Off the second, as real time is: condition times are truncated to seconds, the requeue is not.
  c.h.clock.advance(500);
  c.converge();
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 0]);
  c.advance(9000);
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 0]);
  c.advance(1000);
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});

test('expectations: a stale pod cache never leads to duplicate creates (TestRSSyncExpectations)', () => {
  const lag = laggingContext();
  const c = cluster({}, lag.make);
  nodes(c, 3);
  lag.hub!.hold('pods');
  c.daemonSet('foo');
  c.settle();
  assert.equal(c.pods().length, 3);
  assert.equal(c.status('foo').observedGeneration, 1);
  c.patchDs('foo', { spec: { minReadySeconds: 5 } });
  for (let i = 0; i < 3; i++) {
    c.controller.queue.add('default/foo');
    c.settle();
  }
  assert.equal(c.pods().length, 3, 'unmet expectations: status only');
  assert.equal(c.status('foo').observedGeneration, 1, 'observedGeneration is not raised while expectations are unmet');
  lag.hub!.release('pods');
  c.settle();
  assert.equal(c.pods().length, 3);
  assert.equal(c.status('foo').observedGeneration, 2);
});

test('expectations expire after 5 minutes, so a lost watch event cannot wedge a DaemonSet', () => {
  const lag = laggingContext();
  const c = cluster({}, lag.make);
  nodes(c, 1);
  lag.hub!.hold('pods');
  c.daemonSet('foo');
  c.settle();
  c.h.store.delete(c.h.def('', 'pods'), 'default', c.pods()[0].metadata.name!);
  c.h.clock.advance(5 * 60 * 1000 + 1);
  c.controller.queue.add('default/foo');
  c.settle();
  assert.equal(c.pods().length, 1, 'the cache still shows the first pod, so nothing new is needed yet');
  assert.equal(c.status('foo').observedGeneration, 1, 'but the sync ran in full');
});

test('TestExpectationsOnRecreate: a DaemonSet deleted and recreated under the same name starts with fresh expectations', () => {
  const lag = laggingContext();
  const c = cluster({}, lag.make);
  nodes(c, 2);
  lag.hub!.hold('pods');
  c.daemonSet('foo');
  c.settle();
  c.h.store.delete(c.h.def('apps', 'daemonsets'), 'default', 'foo', { propagationPolicy: 'Orphan' });
  c.h.store.guaranteedUpdate(c.h.def('apps', 'daemonsets'), 'default', 'foo', (d) => ({ ...d, metadata: { ...d.metadata, finalizers: undefined } }));
  c.daemonSet('foo');
  c.settle();
  assert.equal(c.pods().length, 4, 'the new DaemonSet created its own pods (the old ones belong to the old uid)');
});

test('TestSimpleDaemonSetPodCreateErrors: slow start stops after a failing batch; desired 100, current = updated = 10', () => {
  const quota = faultyContext(10);
  const c = cluster({}, quota.make);
  nodes(c, 100);
  c.daemonSet('foo');
  const sync = () => assert.throws(() => (c.controller as any).sync('default/foo'), /exceeded quota/);
  sync();
  assert.equal(c.pods().length, 10);
  assert.equal(quota.calls, 1 + 2 + 4 + 8, 'batches of 1, 2, 4, 8: the fourth fails and the rest are skipped');
  const status = c.status('foo');
  assert.deepEqual([status.desiredNumberScheduled, status.currentNumberScheduled, status.updatedNumberScheduled], [100, 10, 10]);
  const failed = c.events('FailedCreate');
  assert.equal(failed.length, 1, 'identical failures aggregate into one Event');
  assert.equal(failed[0].count, 5);
  assert.match(failed[0].message as string, /^Error creating: pods is forbidden: exceeded quota/);
  sync();
  assert.equal(quota.calls, 15 + 1, 'TestDaemonSetPodCreateExpectationsError: expectations were lowered, so the retry starts a new slow start');
});

test('creates in a terminating namespace are ignored: no FailedCreate event, no retry storm', () => {
  const c = cluster();
  c.h.create('', 'namespaces', '', { metadata: { name: 'doomed' } });
  c.daemonSet('foo', {}, {}, 'doomed');
  c.settle();
  c.h.store.delete(c.h.def('', 'namespaces'), '', 'doomed');
  nodes(c, 3);
  c.settle();
  assert.equal(c.pods('doomed').length, 0);
  assert.equal(c.events('FailedCreate').length, 0);
  assert.equal(c.controller.queue.numRequeues('doomed/foo'), 0);
});

test('burstReplicas: at most that many creates per sync, the rest on the next one', () => {
  const c = cluster({ burstReplicas: 3 });
  nodes(c, 5);
  c.daemonSet('foo');
  const perSync: number[] = [];
  const sync = (c.controller as any).sync.bind(c.controller);
  (c.controller as any).sync = (key: string) => {
    const before = c.pods().length;
    sync(key);
    perSync.push(c.pods().length - before);
  };
  c.settle();
  assert.deepEqual(perSync.filter((n) => n > 0), [3, 2]);
});

test('TestDaemonKillFailedPods + TestDaemonKillFailedPodsBackoff: a failed pod is replaced, repeat failures wait 1s, 2s, …', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo');
  c.converge();
  const failAndSettle = () => {
    c.fail(c.pods()[0]);
    c.settle();
  };
  failAndSettle();
  assert.equal(c.events('FailedDaemonPod').length, 1);
  assert.match(c.events('FailedDaemonPod')[0].message as string, /^Found failed daemon pod default\/foo-\w+ on node n, will try to kill it$/);
  assert.equal(c.events('FailedDaemonPod')[0].type, 'Warning');
  c.converge();
  assert.equal(c.pods().length, 1, 'the replacement comes on the next sync');
  failAndSettle();
  assert.equal(c.pods()[0].status.phase, 'Failed', 'within 1s of the last kill: left alone');
  c.advance(1000);
  assert.notEqual(c.pods()[0]?.status?.phase, 'Failed', 'after 1s it is killed');
  c.converge();
  failAndSettle();
  c.advance(1000);
  assert.equal(c.pods()[0].status.phase, 'Failed', 'the next wait is 2s');
  c.advance(1000);
  c.converge();
  assert.equal(c.pods()[0].status.phase, 'Running');
});

test('SucceededDaemonPod: a succeeded pod is deleted with a Normal event and replaced', () => {
  const c = cluster();
  c.node('n');
  c.daemonSet('foo');
  c.converge();
  const first = c.pods()[0].metadata.name;
  c.setStatus(c.pods()[0], { phase: 'Succeeded' });
  c.converge();
  assert.equal(c.events('SucceededDaemonPod')[0].type, 'Normal');
  assert.equal(c.pods().length, 1);
  assert.notEqual(c.pods()[0].metadata.name, first);
});

test('TestPodIsNotDeletedByDaemonsetWithEmptyLabelSelector: selector {} → a SelectingAll warning and nothing else', () => {
  const c = cluster();
  c.node('n');
  c.h.create('', 'pods', 'default', { metadata: { name: 'bystander', labels: { any: 'thing' } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  c.daemonSet('foo');
  c.h.store.updateBypassingStrategy(c.h.def('apps', 'daemonsets'), 'default', 'foo', (d) => ({ ...d, spec: { ...(d.spec as object), selector: {} } }));
  c.settle();
  assert.deepEqual(c.pods().map((p) => p.metadata.name), ['bystander']);
  const warning = c.events('SelectingAll');
  assert.equal(warning[0].message, 'This daemon set is selecting all pods. A non-empty selector is required.');
  assert.equal(warning[0].type, 'Warning');
});

test('TestDontDoAnythingIfBeingDeleted: a DaemonSet with a deletionTimestamp creates, deletes, adopts and writes nothing', () => {
  const c = cluster();
  c.node('n');
  c.h.create('', 'pods', 'default', { metadata: { name: 'orphan', labels: { app: 'foo' } }, spec: { nodeName: 'n', containers: [{ name: 'c', image: 'i' }] } });
  c.h.create('apps', 'daemonsets', 'default', { ...daemonSet('foo'), metadata: { name: 'foo', finalizers: ['example.com/hold'] } });
  c.h.store.delete(c.h.def('apps', 'daemonsets'), 'default', 'foo');
  const rv = c.ds('foo').metadata.resourceVersion;
  c.settle();
  assert.deepEqual(c.pods().map((p) => [p.metadata.name, p.metadata.ownerReferences]), [['orphan', undefined]]);
  assert.equal(c.ds('foo').metadata.resourceVersion, rv);
  assert.equal(c.revisions().length, 0);
});

test('TestDeleteUnscheduledPodForNotExistingNode: an unbound pod pinned to a missing node is deleted; a bound one is left for pod GC', () => {
  const c = cluster();
  c.node('n1');
  c.node('n2');
  c.node('n3');
  c.daemonSet('foo');
  c.settle();
  const onN2 = c.pods().find((p) => JSON.stringify(p.spec.affinity).includes('"n2"'))!;
  c.bind(onN2, 'n2');
  c.h.store.delete(c.h.def('', 'nodes'), '', 'n2');
  c.h.store.delete(c.h.def('', 'nodes'), '', 'n3');
  c.controller.queue.add('default/foo');
  c.settle();
  assert.deepEqual(Object.keys(c.podsByNode()).sort(), ['n1', 'n2']);
  assert.equal(c.events('SuccessfulDelete').length, 1);
  assert.match(c.events('SuccessfulDelete')[0].message as string, /^Deleted pod: foo-/);
});

test('TestDealsWithExistingPods: extra pods pruned (oldest kept), missing ones created, mismatching labels released', () => {
  const c = cluster();
  c.node('n1');
  c.node('n2');
  const ds = c.daemonSet('foo');
  c.converge();
  const keep = c.podsByNode().n1[0];
  c.h.clock.advance(5000);
  const ref = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }];
  const extra = c.h.create('', 'pods', 'default', { metadata: { name: 'extra', labels: { app: 'foo' }, ownerReferences: ref }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i' }] } });
  const onN2 = c.pods().find((p) => p.spec.nodeName === 'n2')!;
  c.h.store.patch(c.h.def('', 'pods'), 'default', onN2.metadata.name!, 'merge', { metadata: { labels: { app: 'other' } } });
  c.converge();
  assert.deepEqual(c.podsByNode().n1, [keep], 'the younger duplicate is pruned');
  assert.ok(!c.pods().some((p) => p.metadata.uid === extra.metadata.uid));
  const released = c.pods().find((p) => p.metadata.name === onN2.metadata.name)!;
  assert.equal(released.metadata.ownerReferences, undefined, 'released, labels kept');
  assert.deepEqual(released.metadata.labels!.app, 'other');
  assert.equal(c.podsByNode().n2.length, 2, 'and a replacement created on n2');
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});

test('adoption: a matching orphan on a node is adopted instead of creating; one owned by another controller is not', () => {
  const c = cluster();
  c.node('n1');
  c.node('n2');
  c.h.create('', 'pods', 'default', { metadata: { name: 'orphan', labels: { app: 'foo' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i' }] } });
  const other = [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'other-uid', controller: true, blockOwnerDeletion: true }];
  c.h.create('', 'pods', 'default', { metadata: { name: 'taken', labels: { app: 'foo' }, ownerReferences: other }, spec: { nodeName: 'n2', containers: [{ name: 'c', image: 'i' }] } });
  const ds = c.daemonSet('foo', { updateStrategy: { type: 'OnDelete' } });
  c.converge();
  const orphan = c.pods().find((p) => p.metadata.name === 'orphan')!;
  assert.equal(orphan.metadata.ownerReferences![0].uid, ds.metadata.uid);
  assert.equal(c.pods().find((p) => p.metadata.name === 'taken')!.metadata.ownerReferences![0].uid, 'other-uid', 'TestDoNotPatchPodWithOtherControlRef');
  assert.equal(c.events('SuccessfulCreate').length, 1, 'only n2 needed a pod');
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 1, 2], 'the adopted pod has no revision hash: not up to date');
  c.patchDs('foo', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } } });
  c.converge();
  assert.ok(!c.pods().some((p) => p.metadata.name === 'orphan'), 'RollingUpdate replaces an adopted pod of another revision');
  assert.deepEqual(columns(c.status('foo')), [2, 2, 2, 2, 2]);
});

test('TestAddNode / TestUpdateNode / TestShouldIgnoreNodeUpdate: node events enqueue only DaemonSets whose answer changed', () => {
  const c = cluster();
  c.daemonSet('ssd', {}, { nodeSelector: { disk: 'ssd' } });
  c.daemonSet('all');
  c.settle();
  const queued = () => {
    const keys: string[] = [];
    for (let k = c.controller.queue.tryGet(); k !== undefined; k = c.controller.queue.tryGet()) {
      keys.push(k);
      c.controller.queue.done(k);
    }
    return keys.sort();
  };
  c.node('plain');
  assert.deepEqual(queued(), ['default/all']);
  c.node('fast', { disk: 'ssd' });
  assert.deepEqual(queued(), ['default/all', 'default/ssd']);
  c.h.store.guaranteedUpdate(c.h.def('', 'nodes'), '', 'plain', (n) => ({ ...n, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:10Z' }] } }), { subresource: 'status' });
  c.h.store.guaranteedUpdate(c.h.def('', 'nodes'), '', 'plain', (n) => ({ ...n, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:20Z' }] } }), { subresource: 'status' });
  assert.deepEqual(queued(), [], 'heartbeats and a Ready change alone change no answer');
  c.patchNode('plain', { metadata: { labels: { disk: 'ssd' } } });
  assert.deepEqual(queued(), ['default/ssd']);
  c.patchNode('plain', { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } });
  assert.deepEqual(queued(), ['default/all', 'default/ssd']);
});

test('TestAddPodOrphan / TestUpdatePodOrphanSameLabels / TestDeletePodOrphan: orphans wake the DaemonSets that select them', () => {
  const c = cluster();
  c.daemonSet('foo');
  c.daemonSet('bar');
  c.settle();
  const drainKeys = () => {
    const keys: string[] = [];
    for (let k = c.controller.queue.tryGet(); k !== undefined; k = c.controller.queue.tryGet()) {
      keys.push(k);
      c.controller.queue.done(k);
    }
    return keys;
  };
  const pods = c.h.def('', 'pods');
  c.h.create('', 'pods', 'default', { metadata: { name: 'o', labels: { app: 'foo' } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  assert.deepEqual(drainKeys(), ['default/foo']);
  c.h.store.patch(pods, 'default', 'o', 'merge', { metadata: { annotations: { a: 'b' } } });
  assert.deepEqual(drainKeys(), [], 'same labels: nothing');
  c.h.store.patch(pods, 'default', 'o', 'merge', { metadata: { labels: { app: 'bar' } } });
  assert.deepEqual(drainKeys(), ['default/bar'], 'TestUpdatePodOrphanWithNewLabels');
  c.h.store.delete(pods, 'default', 'o');
  assert.deepEqual(drainKeys(), []);
});

test('TestSimpleDaemonSetUpdatesStatusError: a reconcile error wins over a status error; a status error alone fails the sync', () => {
  const both = faultyContext(0, true);
  const c = cluster({}, both.make);
  c.node('n');
  c.daemonSet('foo');
  assert.throws(() => (c.controller as any).sync('default/foo'), /exceeded quota/);
  const statusOnly = faultyContext(10, true);
  const d = cluster({}, statusOnly.make);
  d.node('n');
  d.daemonSet('foo');
  assert.throws(() => (d.controller as any).sync('default/foo'), /status write refused/);
  assert.equal(d.pods().length, 1);
});

test('a NotReady node (not-ready:NoSchedule) keeps its daemon pod, which then counts as misscheduled', () => {
  const c = cluster();
  c.node('n1');
  c.node('n2');
  c.daemonSet('foo');
  c.converge();
  c.patchNode('n2', { spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] } });
  c.converge();
  assert.equal(c.pods().length, 2);
  const status = c.status('foo');
  assert.deepEqual([status.desiredNumberScheduled, status.currentNumberScheduled, status.numberMisscheduled], [1, 1, 1]);
});

test('TestUpdatePod / TestDeletePod / TestUpdatePodChangeControllerRef: owned pods wake their owner only, a new owner and the old one both wake', () => {
  const c = cluster();
  c.node('n');
  const foo = c.daemonSet('foo');
  const bar = c.daemonSet('bar');
  c.converge();
  const drainKeys = () => {
    const keys: string[] = [];
    for (let k = c.controller.queue.tryGet(); k !== undefined; k = c.controller.queue.tryGet()) {
      keys.push(k);
      c.controller.queue.done(k);
    }
    return keys.sort();
  };
  const pods = c.h.def('', 'pods');
  const fooPod = c.pods().find((p) => p.metadata.labels!.app === 'foo')!;
  c.h.store.patch(pods, 'default', fooPod.metadata.name!, 'merge', { metadata: { annotations: { touched: 'yes' } } });
  assert.deepEqual(drainKeys(), ['default/foo']);
  const ref = (o: Obj) => [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  assert.ok(foo.metadata.uid);
  c.h.store.guaranteedUpdate(pods, 'default', fooPod.metadata.name!, (p) => ({ ...p, metadata: { ...p.metadata, ownerReferences: ref(bar) } }));
  assert.deepEqual(drainKeys(), ['default/bar', 'default/foo']);
  c.h.store.delete(pods, 'default', fooPod.metadata.name!, { gracePeriodSeconds: 0 });
  assert.deepEqual(drainKeys(), ['default/bar']);
});

function daemonSet(name: string): Obj {
  return { metadata: { name }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } };
}
