import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GarbageCollector } from '../../../../controllers/garbage-collector/controller.js';
import type { NamespaceCondition } from '../../../../controllers/namespace/conditions.js';
import { NamespaceController } from '../../../../controllers/namespace/controller.js';
import { newControllerRef } from '../../../../controllers/runtime/controller-ref.js';
import type { KubeObject } from '../../../../schemas/meta.js';
import { ApiError } from '../../../../server/errors.js';
import type { PropagationPolicy } from '../../../../server/registry/options.js';
import type { NamespaceObject } from '../../../../server/registry/strategies/namespace.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const NS = 'team';
const podSpec = (nodeName?: string) => ({ containers: [{ name: 'app', image: 'nginx:1.27' }], ...(nodeName ? { nodeName } : {}) });
const template = (app: string) => ({ metadata: { labels: { app } }, spec: podSpec() });

function setup(nsBody: Record<string, unknown> = {}) {
  const h = controllerHarness();
  const controllers = [new NamespaceController(h.ctx), new GarbageCollector(h.ctx)];
  h.ctx.informers.startAll();
  h.create('', 'namespaces', '', { metadata: { name: NS }, ...nsBody });
  /** Every state the namespace went through, as watchers saw it. */
  const seen: NamespaceObject[] = [];
  const record = (ns: KubeObject) => {
    if (ns.metadata.name === NS) seen.push(ns as NamespaceObject);
  };
  h.ctx.informers.for(h.def('', 'namespaces')).addHandlers({ onUpdate: (_old, ns) => record(ns), onDelete: record });
  return {
    h,
    seen,
    settle: () => h.settle(controllers),
    advance: (ms: number) => h.advance(controllers, ms),
    namespace: () => h.get('', 'namespaces', '', NS) as NamespaceObject | undefined,
    deleteNamespace: (propagationPolicy?: PropagationPolicy) =>
      h.store.delete(h.def('', 'namespaces'), '', NS, propagationPolicy ? { propagationPolicy } : {}),
    pods: () => h.list('', 'pods', NS),
    kubeletFinishesAll: () => {
      for (const pod of h.list('', 'pods', NS)) h.store.delete(h.def('', 'pods'), NS, pod.metadata.name!, { gracePeriodSeconds: 0 });
    },
  };
}

function condition(ns: NamespaceObject | undefined, type: string): NamespaceCondition | undefined {
  return (ns?.status?.conditions as NamespaceCondition[] | undefined)?.find((c) => c.type === type);
}

function populate(h: ReturnType<typeof setup>['h']): void {
  const rc = h.create('', 'replicationcontrollers', NS, { metadata: { name: 'rc' }, spec: { replicas: 1, selector: { app: 'rc' }, template: template('rc') } });
  h.create('', 'pods', NS, { metadata: { name: 'rc-pod', labels: { app: 'rc' }, ownerReferences: [newControllerRef(rc)] }, spec: podSpec('n1') });
  const ds = h.create('apps', 'daemonsets', NS, { metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'ds' } }, template: template('ds') } });
  h.create('', 'pods', NS, { metadata: { name: 'ds-pod', labels: { app: 'ds' }, ownerReferences: [newControllerRef(ds)] }, spec: podSpec('n1') });
  h.create('apps', 'controllerrevisions', NS, { metadata: { name: 'ds-rev', ownerReferences: [newControllerRef(ds)] }, data: {}, revision: 1 });
  h.create('', 'pods', NS, { metadata: { name: 'unbound' }, spec: podSpec() });
  h.create('', 'configmaps', NS, { metadata: { name: 'settings' }, data: { a: '1' } });
}

test('deleting a namespace empties it (pods, RCs, DaemonSets, ConfigMaps…), reports progress, then removes it', () => {
  const t = setup();
  populate(t.h);
  t.settle();

  const marked = t.deleteNamespace();
  assert.equal(marked.removed, false);
  assert.equal((marked.object as NamespaceObject).status?.phase, 'Terminating');
  assert.throws(
    () => t.h.create('', 'configmaps', NS, { metadata: { name: 'late' } }),
    (err: unknown) => err instanceof ApiError && err.code === 403,
  );
  t.settle();
  assert.equal(t.pods().length, 3, 'upstream waits namespaceDeletionGracePeriod before acting');

  t.advance(5_000);
  for (const [group, resource] of [['', 'replicationcontrollers'], ['apps', 'daemonsets'], ['apps', 'controllerrevisions'], ['', 'configmaps']]) {
    assert.deepEqual(t.h.list(group, resource, NS), [], `${resource} are gone at once`);
  }
  assert.deepEqual(t.pods().map((p) => p.metadata.name).sort(), ['ds-pod', 'rc-pod'], 'bound pods terminate gracefully');
  assert.ok(t.pods().every((p) => p.metadata.deletionTimestamp));
  const during = t.namespace();
  assert.deepEqual(condition(during, 'NamespaceContentRemaining'), {
    type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: condition(during, 'NamespaceContentRemaining')?.lastTransitionTime,
    reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances',
  });
  assert.equal(condition(during, 'NamespaceDeletionDiscoveryFailure')?.message, 'All resources successfully discovered');
  assert.equal(condition(during, 'NamespaceDeletionContentFailure')?.status, 'False');
  assert.deepEqual(during?.spec?.finalizers, ['kubernetes']);

  t.advance(10_000);
  assert.ok(t.namespace(), 'still waiting for the kubelet');
  t.kubeletFinishesAll();
  t.advance(16_000);
  assert.equal(t.namespace(), undefined, 'finalized and removed');
  const last = t.seen.at(-1);
  assert.deepEqual(last?.spec?.finalizers, [], 'the namespace went with the finalize that emptied spec.finalizers');
  for (const type of ['NamespaceContentRemaining', 'NamespaceFinalizersRemaining', 'NamespaceDeletionContentFailure']) {
    assert.equal(condition(last, type)?.status, 'False', type);
  }
  assert.equal(condition(last, 'NamespaceContentRemaining')?.message, 'All content successfully removed');
});

test('pods outliving their grace estimate (no kubelet) show as a content deletion failure, retried until they go', () => {
  const t = setup();
  t.h.create('', 'pods', NS, { metadata: { name: 'stuck' }, spec: podSpec('gone-node') });
  t.deleteNamespace();
  t.advance(30_000);
  assert.equal(condition(t.namespace(), 'NamespaceDeletionContentFailure')?.status, 'False', 'within the grace estimate, waiting is normal');
  t.advance(15_000);
  const ns = t.namespace();
  assert.deepEqual(condition(ns, 'NamespaceDeletionContentFailure'), {
    type: 'NamespaceDeletionContentFailure', status: 'True', lastTransitionTime: condition(ns, 'NamespaceDeletionContentFailure')?.lastTransitionTime,
    reason: 'ContentDeletionFailed',
    message: 'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
  });
  t.kubeletFinishesAll();
  t.advance(60_000);
  assert.equal(t.namespace(), undefined);
});

test('content held by finalizers: NamespaceFinalizersRemaining until the finalizer is removed', () => {
  const t = setup();
  t.h.create('', 'configmaps', NS, { metadata: { name: 'held', finalizers: ['example.com/hold'] } });
  t.deleteNamespace();
  t.advance(5_000);
  assert.equal(condition(t.namespace(), 'NamespaceFinalizersRemaining')?.message,
    'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');
  assert.equal(condition(t.namespace(), 'NamespaceFinalizersRemaining')?.reason, 'SomeFinalizersRemain');
  t.h.store.guaranteedUpdate(t.h.def('', 'configmaps'), NS, 'held', (cm: KubeObject) => ({ ...cm, metadata: { ...cm.metadata, finalizers: [] } }));
  assert.equal(t.h.get('', 'configmaps', NS, 'held'), undefined);
  t.advance(8_000);
  assert.equal(t.namespace(), undefined);
});

test('another spec finalizer keeps the namespace Terminating after `kubernetes` is removed', () => {
  const t = setup({ spec: { finalizers: ['example.com/keep'] } });
  t.deleteNamespace();
  t.advance(5_000);
  assert.deepEqual(t.namespace()?.spec?.finalizers, ['example.com/keep']);
  assert.equal(t.namespace()?.status?.phase, 'Terminating');
});

test('a foreground namespace deletion: the GC drops foregroundDeletion and the namespace controller finishes', () => {
  const t = setup();
  t.h.create('', 'configmaps', NS, { metadata: { name: 'settings' } });
  assert.deepEqual(t.deleteNamespace('Foreground').object.metadata.finalizers, ['foregroundDeletion']);
  t.settle();
  assert.equal(t.namespace()?.metadata.finalizers, undefined, 'a namespace owns nothing by ownerReference');
  assert.ok(t.namespace(), 'spec.finalizers still hold it');
  t.advance(5_000);
  assert.equal(t.namespace(), undefined);
});

test('a namespace that is not being deleted is left alone', () => {
  const t = setup();
  t.h.create('', 'configmaps', NS, { metadata: { name: 'settings' } });
  t.advance(60_000);
  assert.equal(t.namespace()?.status?.conditions, undefined);
  assert.ok(t.h.get('', 'configmaps', NS, 'settings'));
});
