import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEARTBEAT_ANNOTATION, SIMULATED_ANNOTATION, type KubeletConfig } from '../../../../controllers/kubelet/config.js';
import { SimulatedKubelet } from '../../../../controllers/kubelet/kubelet.js';
import type { ChangeEvent } from '../../../../server/storage/watch-hub.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

const T0 = Date.UTC(2026, 0, 1);
const at = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');

function setup(config: Partial<KubeletConfig> = {}, nodes: Array<Record<string, unknown>> = [{ name: 'node-1' }]) {
  const h = controllerHarness();
  const kubelet = new SimulatedKubelet(h.ctx, config);
  kubelet.start();
  for (const metadata of nodes) h.create('', 'nodes', '', { metadata });
  const t = {
    h,
    settle: () => h.settle([kubelet]),
    advance: (ms: number) => h.advance([kubelet], ms),
    pod: (name: string): any => h.get('', 'pods', 'default', name),
    run: (name: string, spec: Record<string, unknown> = {}, node = 'node-1') =>
      h.create('', 'pods', 'default', { metadata: { name }, spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } }),
    remove: (name: string, gracePeriodSeconds?: number) => h.store.delete(h.def('', 'pods'), 'default', name, { gracePeriodSeconds }),
    annotateNode: (name: string, annotations: Record<string, string | null>) =>
      h.store.patch(h.def('', 'nodes'), '', name, 'merge', { metadata: { annotations } }),
  };
  t.settle();
  return t;
}

test('a bound pod goes Pending → Running and Ready, with an address from its node’s block', () => {
  const t = setup({}, [{ name: 'node-1' }, { name: 'node-2' }]);
  t.run('a');
  t.run('b');
  t.run('c', {}, 'node-2');
  t.settle();
  const a = t.pod('a');
  assert.equal(a.status.phase, 'Running');
  assert.deepEqual([a.status.hostIP, a.status.hostIPs], ['172.18.0.2', [{ ip: '172.18.0.2' }]]);
  assert.deepEqual([a.status.podIP, a.status.podIPs], ['10.244.0.2', [{ ip: '10.244.0.2' }]]);
  assert.equal(t.pod('b').status.podIP, '10.244.0.3');
  assert.deepEqual([t.pod('c').status.hostIP, t.pod('c').status.podIP], ['172.18.0.3', '10.244.1.2']);
  assert.equal(a.status.startTime, at(0));
  assert.deepEqual(
    a.status.conditions.map((c: any) => [c.type, c.status]),
    [['PodReadyToStartContainers', 'True'], ['Initialized', 'True'], ['Ready', 'True'], ['ContainersReady', 'True'], ['PodScheduled', 'True']],
  );
  const [app] = a.status.containerStatuses;
  assert.deepEqual([app.name, app.ready, app.started, app.restartCount, app.state.running.startedAt], ['app', true, true, 0, at(0)]);
  assert.equal(app.image, 'docker.io/library/nginx:1.27');
  assert.match(app.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.match(app.containerID, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.equal(a.status.qosClass, 'BestEffort');
});

test('addresses are released with the pod and handed out again lowest first; host-network pods use the node’s', () => {
  const t = setup({ terminationDelayMs: 0 });
  t.run('a');
  t.run('b');
  t.settle();
  t.remove('a');
  t.settle();
  assert.equal(t.pod('a'), undefined);
  t.run('c');
  t.run('host', { hostNetwork: true });
  t.run('d');
  t.settle();
  assert.equal(t.pod('c').status.podIP, '10.244.0.2');
  assert.deepEqual([t.pod('host').status.podIP, t.pod('host').status.podIPs], ['172.18.0.2', [{ ip: '172.18.0.2' }]]);
  assert.equal(t.pod('d').status.podIP, '10.244.0.4');
});

test('with startDelayMs the pod shows ContainerCreating first, then runs', () => {
  const t = setup({ startDelayMs: 2_000 });
  t.run('a');
  t.settle();
  let s = t.pod('a').status;
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(s.containerStatuses[0].state, { waiting: { reason: 'ContainerCreating' } });
  assert.equal(s.podIP, undefined);
  assert.equal(s.startTime, at(0));
  t.advance(1_000);
  assert.equal(t.pod('a').status.phase, 'Pending');
  t.advance(1_000);
  s = t.pod('a').status;
  assert.equal(s.phase, 'Running');
  assert.equal(s.startTime, at(0), 'startTime is when the kubelet took the pod on');
  assert.equal(s.containerStatuses[0].state.running.startedAt, at(2_000));
  assert.equal(s.conditions.find((c: any) => c.type === 'Initialized').lastTransitionTime, at(0));
  assert.equal(s.conditions.find((c: any) => c.type === 'Ready').lastTransitionTime, at(2_000));
});

test('graceful deletion is finished at deletionTimestamp, not before: terminal status, then DELETE with grace 0', () => {
  const t = setup();
  t.run('a');
  t.settle();
  const seen: ChangeEvent[] = [];
  t.h.hub.subscribe({ resource: t.h.def('', 'pods').key, deliver: (e) => seen.push(e), close: () => {} });
  t.remove('a', 30);
  t.advance(29_000);
  assert.equal(t.pod('a').metadata.deletionTimestamp, at(30_000));
  assert.equal(t.pod('a').status.phase, 'Running');
  t.advance(1_000);
  assert.equal(t.pod('a'), undefined);
  const last = seen.slice(-2);
  assert.deepEqual(last.map((e) => e.type), ['MODIFIED', 'DELETED']);
  const final: any = last[0].object;
  assert.equal(final.status.phase, 'Failed');
  assert.deepEqual(final.status.containerStatuses[0].state.terminated.exitCode, 137);
  assert.equal(final.status.conditions.find((c: any) => c.type === 'Ready').status, 'False');
});

test('terminationDelayMs: containers exit cleanly that long after the DELETE', () => {
  const t = setup({ terminationDelayMs: 2_000 });
  t.run('a');
  t.settle();
  t.remove('a');
  t.advance(1_000);
  assert.ok(t.pod('a'));
  t.advance(1_000);
  assert.equal(t.pod('a'), undefined);
});

test('a pod that never started has nothing to stop and goes at once', () => {
  const t = setup({ startDelayMs: 10_000 });
  t.run('a');
  t.settle();
  t.remove('a', 30);
  t.settle();
  assert.equal(t.pod('a'), undefined);
});

test('a dead kubelet neither starts nor finishes pods; once it is back it does both', () => {
  const t = setup();
  t.run('a');
  t.settle();
  t.annotateNode('node-1', { [HEARTBEAT_ANNOTATION]: 'stopped' });
  t.run('b');
  t.remove('a', 5);
  // The node lifecycle controller marks the pods of an unresponsive node not ready.
  t.h.store.guaranteedUpdate(
    t.h.def('', 'pods'),
    'default',
    'a',
    (p: any) => ({ ...p, status: { ...p.status, conditions: p.status.conditions.map((c: any) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } }),
    { subresource: 'status' },
  );
  t.advance(60_000);
  assert.ok(t.pod('a'), 'not finished while the kubelet is down');
  assert.equal(t.pod('b').status.phase, 'Pending');
  assert.equal(t.pod('b').status.conditions, undefined);
  t.annotateNode('node-1', { [HEARTBEAT_ANNOTATION]: null });
  t.settle();
  assert.equal(t.pod('a'), undefined);
  assert.equal(t.pod('b').status.phase, 'Running');
});

test('the kubelet reports Ready again when someone else marked its running pod not ready', () => {
  const t = setup();
  t.run('a');
  t.settle();
  t.h.store.guaranteedUpdate(
    t.h.def('', 'pods'),
    'default',
    'a',
    (p: any) => ({ ...p, status: { ...p.status, conditions: p.status.conditions.map((c: any) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } }),
    { subresource: 'status' },
  );
  t.advance(1_000);
  const ready = t.pod('a').status.conditions.find((c: any) => c.type === 'Ready');
  assert.deepEqual([ready.status, ready.lastTransitionTime], ['True', at(1_000)], 'flipping back is a new transition');
});

test('pods on nodes that are not simulated, and unbound pods, are left alone', () => {
  const t = setup({}, [{ name: 'real', annotations: { [SIMULATED_ANNOTATION]: 'false' } }]);
  t.run('a', {}, 'real');
  t.h.create('', 'pods', 'default', { metadata: { name: 'unbound' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
  t.settle();
  assert.equal(t.pod('a').status.phase, 'Pending');
  assert.equal(t.pod('a').status.conditions, undefined);
  t.remove('a', 30);
  t.advance(40_000);
  assert.ok(t.pod('a'), 'its deletion is not finished either');
  assert.equal(t.pod('unbound').status.conditions, undefined);
});

test('init containers run to completion before the app containers', () => {
  const t = setup();
  t.run('a', { initContainers: [{ name: 'setup', image: 'busybox' }] });
  t.settle();
  const s = t.pod('a').status;
  assert.deepEqual(
    [s.initContainerStatuses[0].state.terminated.reason, s.initContainerStatuses[0].ready, s.phase],
    ['Completed', true, 'Running'],
  );
});
