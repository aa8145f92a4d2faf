import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GarbageCollector } from '../../../../controllers/garbage-collector/controller.js';
import { newControllerRef } from '../../../../controllers/runtime/controller-ref.js';
import type { KubeObject, OwnerReference } from '../../../../schemas/meta.js';
import type { PropagationPolicy } from '../../../../server/registry/options.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const podSpec = (nodeName?: string) => ({ containers: [{ name: 'app', image: 'nginx:1.27' }], ...(nodeName ? { nodeName } : {}) });

function setup() {
  const h = controllerHarness();
  const gc = new GarbageCollector(h.ctx);
  h.ctx.informers.startAll();
  h.settle([gc]);
  const ns = 'default';
  return {
    h,
    gc,
    settle: () => h.settle([gc]),
    daemonSet: (name: string) =>
      h.create('apps', 'daemonsets', ns, {
        metadata: { name },
        spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec() } },
      }),
    pod: (name: string, owners: OwnerReference[], nodeName?: string, namespace = ns) =>
      h.create('', 'pods', namespace, { metadata: { name, labels: { app: 'x' }, ownerReferences: owners }, spec: podSpec(nodeName) }),
    configMap: (name: string, owners: OwnerReference[] = [], namespace = ns) =>
      h.create('', 'configmaps', namespace, { metadata: { name, ownerReferences: owners } }),
    revision: (name: string, owners: OwnerReference[]) =>
      h.create('apps', 'controllerrevisions', ns, { metadata: { name, ownerReferences: owners }, data: {}, revision: 1 }),
    remove: (group: string, resource: string, name: string, propagationPolicy?: PropagationPolicy, namespace = ns) =>
      h.store.delete(h.def(group, resource), namespace, name, propagationPolicy ? { propagationPolicy } : {}),
    /** What the simulated kubelet does once a pod's containers are stopped. */
    kubeletFinishes: (name: string) => h.store.delete(h.def('', 'pods'), ns, name, { gracePeriodSeconds: 0 }),
    get: (group: string, resource: string, name: string, namespace = ns) => h.get(group, resource, namespace, name),
  };
}

/** A plain reference, neither controller nor blocking. */
function ownerRef(owner: KubeObject, blockOwnerDeletion?: boolean): OwnerReference {
  const ref: OwnerReference = { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name!, uid: owner.metadata.uid! };
  return blockOwnerDeletion === undefined ? ref : { ...ref, blockOwnerDeletion };
}

test('background: deleting a DaemonSet deletes its pods (bound ones gracefully) and its ControllerRevisions', () => {
  const t = setup();
  const ds = t.daemonSet('ds');
  t.pod('unbound', [newControllerRef(ds)]);
  t.pod('bound', [newControllerRef(ds)], 'n1');
  t.revision('ds-abc', [newControllerRef(ds)]);
  t.settle();
  assert.ok(t.get('', 'pods', 'bound'), 'dependents live while their owner does');

  assert.equal(t.remove('apps', 'daemonsets', 'ds', 'Background').removed, true);
  t.settle();
  assert.equal(t.get('', 'pods', 'unbound'), undefined);
  assert.equal(t.get('apps', 'controllerrevisions', 'ds-abc'), undefined);
  const bound = t.get('', 'pods', 'bound');
  assert.ok(bound?.metadata.deletionTimestamp, 'a bound pod is deleted gracefully and waits for the kubelet');
  assert.equal(bound.metadata.deletionGracePeriodSeconds, 30);
  t.kubeletFinishes('bound');
  t.settle();
  assert.equal(t.get('', 'pods', 'bound'), undefined);
});

test('background: a bare DELETE of a ReplicationController orphans its pods (the resource default)', () => {
  const t = setup();
  const rc = t.h.create('', 'replicationcontrollers', 'default', {
    metadata: { name: 'rc' },
    spec: { replicas: 1, selector: { app: 'x' }, template: { metadata: { labels: { app: 'x' } }, spec: podSpec() } },
  });
  t.pod('p', [newControllerRef(rc)]);
  t.settle();
  t.remove('', 'replicationcontrollers', 'rc');
  t.settle();
  assert.equal(t.get('', 'replicationcontrollers', 'rc'), undefined);
  const pod = t.get('', 'pods', 'p');
  assert.ok(pod, 'the orphaned pod keeps running');
  assert.equal(pod.metadata.ownerReferences, undefined);
  assert.deepEqual(pod.metadata.labels, { app: 'x' }, 'labels stay, so a new controller can adopt it');
});

test('foreground: the owner waits for every blocking dependent, including Terminating pods, then goes', () => {
  const t = setup();
  const ds = t.daemonSet('ds');
  t.pod('p1', [newControllerRef(ds)], 'n1');
  t.pod('p2', [newControllerRef(ds)], 'n2');
  t.configMap('not-blocking', [ownerRef(ds, false)]);
  t.settle();

  const marked = t.remove('apps', 'daemonsets', 'ds', 'Foreground');
  assert.equal(marked.removed, false);
  assert.deepEqual(marked.object.metadata.finalizers, ['foregroundDeletion']);
  t.settle();
  assert.equal(t.get('', 'configmaps', 'not-blocking'), undefined, 'dependents without blockOwnerDeletion are deleted too');
  assert.ok(t.get('', 'pods', 'p1')?.metadata.deletionTimestamp);
  assert.ok(t.get('apps', 'daemonsets', 'ds'), 'the owner stays while blocking pods are Terminating');

  t.kubeletFinishes('p1');
  t.settle();
  assert.ok(t.get('apps', 'daemonsets', 'ds'), 'one blocking pod is still there');
  t.kubeletFinishes('p2');
  t.settle();
  assert.equal(t.get('apps', 'daemonsets', 'ds'), undefined, 'the finalizer went and the store removed the owner');
});

test('foreground: a non-blocking dependent does not hold the owner', () => {
  const t = setup();
  const owner = t.configMap('owner');
  t.pod('p', [ownerRef(owner)], 'n1');
  t.settle();
  t.remove('', 'configmaps', 'owner', 'Foreground');
  t.settle();
  assert.equal(t.get('', 'configmaps', 'owner'), undefined);
  assert.ok(t.get('', 'pods', 'p')?.metadata.deletionTimestamp, 'the dependent was still deleted, just not waited for');
});

test('foreground: a dependent that owns things is itself deleted in the foreground, down the chain', () => {
  const t = setup();
  const finalizersSeen = new Map<string, string[]>();
  t.h.ctx.informers.for(t.h.def('', 'configmaps')).addHandlers({
    onUpdate: (_old, cm) => finalizersSeen.set(cm.metadata.name!, cm.metadata.finalizers ?? []),
  });
  const a = t.configMap('a');
  const b = t.configMap('b', [ownerRef(a, true)]);
  t.configMap('c', [ownerRef(b, true)]);
  t.settle();
  t.remove('', 'configmaps', 'a', 'Foreground');
  t.settle();
  assert.deepEqual(finalizersSeen.get('b'), ['foregroundDeletion']);
  for (const name of ['a', 'b', 'c']) assert.equal(t.get('', 'configmaps', name), undefined, name);
});

test('foreground: an ownership cycle is broken by unblocking the references of the dependent', () => {
  const t = setup();
  const a = t.configMap('a');
  const b = t.configMap('b', [ownerRef(a, true)]);
  t.h.store.guaranteedUpdate(t.h.def('', 'configmaps'), 'default', 'a', (cm) => ({
    ...cm,
    metadata: { ...cm.metadata, ownerReferences: [ownerRef(b, true)] },
  }));
  t.settle();
  t.remove('', 'configmaps', 'a', 'Foreground');
  t.settle();
  assert.equal(t.get('', 'configmaps', 'a'), undefined);
  assert.equal(t.get('', 'configmaps', 'b'), undefined);
});

test('foreground: a dependent with another live owner only loses its reference to the waiting owner', () => {
  const t = setup();
  const leaving = t.configMap('leaving');
  const staying = t.configMap('staying');
  t.configMap('shared', [ownerRef(leaving, true), ownerRef(staying)]);
  t.settle();
  t.remove('', 'configmaps', 'leaving', 'Foreground');
  t.settle();
  assert.equal(t.get('', 'configmaps', 'leaving'), undefined);
  assert.deepEqual(t.get('', 'configmaps', 'shared')?.metadata.ownerReferences?.map((r) => r.name), ['staying']);
});

test('orphan: references to the owner are removed from every dependent, then the owner goes', () => {
  const t = setup();
  const ds = t.daemonSet('ds');
  const other = t.configMap('other');
  t.pod('p1', [newControllerRef(ds)], 'n1');
  t.pod('p2', [newControllerRef(ds), ownerRef(other)]);
  t.settle();
  const marked = t.remove('apps', 'daemonsets', 'ds', 'Orphan');
  assert.deepEqual(marked.object.metadata.finalizers, ['orphan']);
  t.settle();
  assert.equal(t.get('apps', 'daemonsets', 'ds'), undefined);
  const p1 = t.get('', 'pods', 'p1');
  assert.equal(p1?.metadata.deletionTimestamp, undefined);
  assert.equal(p1?.metadata.ownerReferences, undefined);
  assert.deepEqual(t.get('', 'pods', 'p2')?.metadata.ownerReferences?.map((r) => r.name), ['other']);
});

test('multiple owners: a dependent lives while one owner remains and goes with the last', () => {
  const t = setup();
  const a = t.configMap('a');
  const b = t.configMap('b');
  t.pod('shared', [ownerRef(a), ownerRef(b)]);
  t.settle();
  t.remove('', 'configmaps', 'a', 'Background');
  t.settle();
  assert.deepEqual(t.get('', 'pods', 'shared')?.metadata.ownerReferences?.map((r) => r.name), ['b'], 'the dangling reference is dropped');
  t.remove('', 'configmaps', 'b', 'Background');
  t.settle();
  assert.equal(t.get('', 'pods', 'shared'), undefined);
});

test('Node → Lease: deleting a node garbage-collects its kube-node-lease Lease (cluster-scoped owner)', () => {
  const t = setup();
  const node = t.h.create('', 'nodes', '', { metadata: { name: 'n1' }, spec: {} });
  t.h.create('coordination.k8s.io', 'leases', 'kube-node-lease', {
    metadata: { name: 'n1', ownerReferences: [ownerRef(node)] },
    spec: { holderIdentity: 'n1', leaseDurationSeconds: 40 },
  });
  t.settle();
  assert.ok(t.get('coordination.k8s.io', 'leases', 'n1', 'kube-node-lease'));
  t.remove('', 'nodes', 'n1', undefined, '');
  t.settle();
  assert.equal(t.get('coordination.k8s.io', 'leases', 'n1', 'kube-node-lease'), undefined);
});

test('virtual owner: a reference to a uid that does not exist (or to a replaced object) is dangling', () => {
  const t = setup();
  const live = t.configMap('live');
  t.pod('ghost-owner', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'never-created', uid: 'no-such-uid' }]);
  t.pod('stale-uid', [{ ...ownerRef(live), uid: 'uid-of-an-earlier-live' }]);
  t.pod('good', [ownerRef(live)]);
  t.settle();
  assert.equal(t.get('', 'pods', 'ghost-owner'), undefined);
  assert.equal(t.get('', 'pods', 'stale-uid'), undefined);
  assert.ok(t.get('', 'pods', 'good'));
});

test('bad child in ns1 -> owner in ns2: deleted, with an OwnerRefInvalidNamespace warning', () => {
  const t = setup();
  for (const name of ['ns1', 'ns2']) t.h.create('', 'namespaces', '', { metadata: { name } });
  const owner = t.configMap('owner', [], 'ns2');
  t.settle();
  t.pod('bad', [ownerRef(owner)], undefined, 'ns1');
  t.settle();
  assert.equal(t.get('', 'pods', 'bad', 'ns1'), undefined);
  const events = t.h.list('', 'events', 'ns1') as Array<KubeObject & { reason?: string; message?: string; type?: string }>;
  const warning = events.find((e) => e.reason === 'OwnerRefInvalidNamespace');
  assert.equal(warning?.type, 'Warning');
  assert.equal(
    warning?.message,
    `ownerRef [v1/ConfigMap, namespace: ns1, name: owner, uid: ${owner.metadata.uid}] does not exist in namespace "ns1"`,
  );
  assert.ok(t.get('', 'configmaps', 'owner', 'ns2'), 'the owner itself is untouched');
});

test('bad cluster-scoped child -> namespaced owner: left alone, never deleted', () => {
  const t = setup();
  const owner = t.configMap('owner');
  t.h.create('', 'nodes', '', { metadata: { name: 'n1', ownerReferences: [ownerRef(owner)] }, spec: {} });
  t.settle();
  t.remove('', 'configmaps', 'owner', 'Background');
  t.settle();
  assert.ok(t.get('', 'nodes', 'n1', ''));
  const events = t.h.list('', 'events', 'default') as Array<KubeObject & { reason?: string; involvedObject?: { kind?: string } }>;
  const warning = events.find((e) => e.reason === 'OwnerRefInvalidNamespace');
  assert.equal(warning?.involvedObject?.kind, 'Node', 'cluster-scoped objects get their events in default');
});

test('an owner of a kind no resource serves: the dependent is kept and retried with backoff', () => {
  const t = setup();
  t.pod('p', [{ apiVersion: 'extensions/v1beta1', kind: 'Deployment', name: 'd', uid: 'u1' }]);
  t.settle();
  t.h.advance([t.gc], 60_000);
  assert.ok(t.get('', 'pods', 'p'));
  assert.ok(t.gc.queue.numRequeues('delete/' + t.get('', 'pods', 'p')!.metadata.uid) > 1, 'still retrying');
});

test('objects that exist before the collector starts are collected too', () => {
  const h = controllerHarness();
  const owner = h.create('', 'configmaps', 'default', { metadata: { name: 'owner' } });
  h.create('', 'configmaps', 'default', { metadata: { name: 'dep', ownerReferences: [ownerRef(owner)] } });
  h.store.delete(h.def('', 'configmaps'), 'default', 'owner');
  const gc = new GarbageCollector(h.ctx);
  h.ctx.informers.startAll();
  h.settle([gc]);
  assert.equal(h.get('', 'configmaps', 'default', 'dep'), undefined);
});
