import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEARTBEAT_ANNOTATION, SIMULATED_ANNOTATION, type KubeletConfig } from '../../../../controllers/kubelet/config.js';
import { SimulatedKubelet } from '../../../../controllers/kubelet/kubelet.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const T0 = Date.UTC(2026, 0, 1);
const at = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');

function setup(config: Partial<KubeletConfig> = {}) {
  const h = controllerHarness();
  const kubelet = new SimulatedKubelet(h.ctx, config);
  kubelet.start();
  return {
    h,
    kubelet,
    settle: () => h.settle([kubelet]),
    advance: (ms: number) => h.advance([kubelet], ms),
    node: (name: string): any => h.get('', 'nodes', '', name),
    lease: (name: string): any => h.get('coordination.k8s.io', 'leases', 'kube-node-lease', name),
    condition: (name: string, type: string): any => (h.get('', 'nodes', '', name) as any).status?.conditions?.find((c: any) => c.type === type),
    annotate: (name: string, annotations: Record<string, string | null>) =>
      h.store.patch(h.def('', 'nodes'), '', name, 'merge', { metadata: { annotations } }),
  };
}

test('a new node is registered as a kubelet would: labels, addresses, healthy conditions, node events', () => {
  const t = setup();
  t.h.create('', 'nodes', '', { metadata: { name: 'node-1' } });
  t.h.create('', 'nodes', '', { metadata: { name: 'node-2' } });
  t.settle();
  const node = t.node('node-1');
  assert.equal(node.metadata.labels['kubernetes.io/hostname'], 'node-1');
  assert.equal(node.metadata.labels['kubernetes.io/os'], 'linux');
  assert.deepEqual(node.status.addresses, [
    { type: 'InternalIP', address: '172.18.0.2' },
    { type: 'Hostname', address: 'node-1' },
  ]);
  assert.equal(t.node('node-2').status.addresses[0].address, '172.18.0.3');
  assert.deepEqual(
    node.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.lastHeartbeatTime, c.lastTransitionTime]),
    [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', at(0), at(0)],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', at(0), at(0)],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', at(0), at(0)],
      ['Ready', 'True', 'KubeletReady', at(0), at(0)],
    ],
  );
  assert.equal(node.status.nodeInfo.kubeletVersion, 'v1.32.4');
  assert.equal(node.status.capacity.pods, '110');
  const events = t.h.list('', 'events', 'default').filter((e: any) => e.involvedObject.name === 'node-1');
  assert.deepEqual(
    events.map((e: any) => [e.reason, e.message, e.source.component]),
    ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'].map((r) => [r, `Node node-1 status is now: ${r}`, 'kubelet']),
  );
});

test('the Lease is created at once and renewed every 10s, owned by the Node', () => {
  const t = setup();
  const node = t.h.create('', 'nodes', '', { metadata: { name: 'node-1' } });
  t.settle();
  const lease = t.lease('node-1');
  assert.deepEqual(lease.spec, { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z' });
  assert.deepEqual(lease.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: node.metadata.uid }]);
  t.advance(9_000);
  assert.equal(t.lease('node-1').spec.renewTime, '2026-01-01T00:00:00.000000Z');
  t.advance(1_000);
  assert.equal(t.lease('node-1').spec.renewTime, '2026-01-01T00:00:10.000000Z');
  t.advance(30_000);
  assert.equal(t.lease('node-1').spec.renewTime, '2026-01-01T00:00:40.000000Z');
});

test('a deleted Lease is recreated at the next renewal', () => {
  const t = setup();
  t.h.create('', 'nodes', '', { metadata: { name: 'node-1' } });
  t.settle();
  t.h.store.delete(t.h.def('coordination.k8s.io', 'leases'), 'kube-node-lease', 'node-1');
  t.advance(10_000);
  assert.equal(t.lease('node-1').spec.renewTime, '2026-01-01T00:00:10.000000Z');
});

test('nodeStatusReportFrequency: an idle node posts its status again only after 5 minutes', () => {
  const t = setup();
  t.h.create('', 'nodes', '', { metadata: { name: 'node-1' } });
  t.settle();
  const rv = t.node('node-1').metadata.resourceVersion;
  t.advance(299_000);
  assert.equal(t.node('node-1').metadata.resourceVersion, rv, 'no node writes while nothing changes');
  t.advance(1_000);
  assert.equal(t.condition('node-1', 'Ready').lastHeartbeatTime, at(300_000));
  assert.equal(t.condition('node-1', 'Ready').lastTransitionTime, at(0));
});

test('heartbeat stopped: no Lease renewals, no status; resumed: renewed at once and Ready again', () => {
  const t = setup();
  t.h.create('', 'nodes', '', { metadata: { name: 'node-1' } });
  t.settle();
  t.annotate('node-1', { [HEARTBEAT_ANNOTATION]: 'stopped' });
  t.advance(60_000);
  assert.equal(t.lease('node-1').spec.renewTime, '2026-01-01T00:00:00.000000Z');
  // The node lifecycle controller's verdict once the grace period is over.
  t.h.store.guaranteedUpdate(
    t.h.def('', 'nodes'),
    '',
    'node-1',
    (n: any) => ({
      ...n,
      status: {
        ...n.status,
        conditions: n.status.conditions.map((c: any) =>
          c.type === 'Ready' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' } : c,
        ),
      },
    }),
    { subresource: 'status' },
  );
  t.advance(400_000);
  assert.equal(t.condition('node-1', 'Ready').status, 'Unknown', 'a dead kubelet does not correct it');
  t.annotate('node-1', { [HEARTBEAT_ANNOTATION]: 'running' });
  t.settle();
  assert.equal(t.lease('node-1').spec.renewTime, new Date(T0 + 460_000).toISOString().replace('Z', '000Z'));
  const ready = t.condition('node-1', 'Ready');
  assert.deepEqual([ready.status, ready.reason, ready.lastTransitionTime], ['True', 'KubeletReady', at(460_000)]);
  t.annotate('node-1', { [HEARTBEAT_ANNOTATION]: 'stopped' });
  t.advance(20_000);
  t.annotate('node-1', { [HEARTBEAT_ANNOTATION]: null });
  t.settle();
  assert.equal(t.lease('node-1').spec.renewTime, new Date(T0 + 480_000).toISOString().replace('Z', '000Z'), 'removing the annotation resumes too');
});

test('a node annotated mimikube.io/simulated=false is left alone', () => {
  const t = setup();
  t.h.create('', 'nodes', '', { metadata: { name: 'real', annotations: { [SIMULATED_ANNOTATION]: 'false' } } });
  t.settle();
  assert.equal(t.node('real').status.conditions, undefined);
  assert.equal(t.lease('real'), undefined);
  t.annotate('real', { [SIMULATED_ANNOTATION]: null });
  t.settle();
  assert.equal(t.condition('real', 'Ready').status, 'True', 'taken on once the opt-out is removed');
  assert.ok(t.lease('real'));
});

test('with a nodeSelector only matching nodes are simulated', () => {
  const t = setup({ nodeSelector: 'type=kwok' });
  t.h.create('', 'nodes', '', { metadata: { name: 'fake', labels: { type: 'kwok' } } });
  t.h.create('', 'nodes', '', { metadata: { name: 'other' } });
  t.settle();
  assert.equal(t.condition('fake', 'Ready').status, 'True');
  assert.equal(t.node('other').status.conditions, undefined);
  assert.equal(t.lease('other'), undefined);
  t.h.store.patch(t.h.def('', 'nodes'), '', 'other', 'merge', { metadata: { labels: { type: 'kwok' } } });
  t.settle();
  assert.equal(t.condition('other', 'Ready').status, 'True');
});

test('an invalid nodeSelector is refused at construction', () => {
  const h = controllerHarness();
  assert.throws(() => new SimulatedKubelet(h.ctx, { nodeSelector: 'a in (' }));
});
