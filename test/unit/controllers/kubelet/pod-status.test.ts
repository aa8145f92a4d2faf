import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runtimeImage, runtimeImageID } from '../../../../controllers/kubelet/container-status.js';
import { containersReadyCondition, initializedCondition, podConditions, readyCondition } from '../../../../controllers/kubelet/pod-conditions.js';
import { runningPodStatus, startingPodStatus, stoppedPodStatus, type PodObject, type PodRun } from '../../../../controllers/kubelet/pod-status.js';
import type { ContainerStatus, PodSpec } from '../../../../schemas/core/pod.js';

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-01-01T00:00:05Z';
const run: PodRun = { instance: 'uid-1', hostIP: '172.18.0.2', podIP: '10.244.0.2', startTime: T0, now: T1 };

const ready = (name: string): ContainerStatus => ({ name, ready: true, started: true, state: { running: { startedAt: T0 } } });
const unready = (name: string): ContainerStatus => ({ name, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } });
const done = (name: string): ContainerStatus => ({ name, ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });

function pod(spec: PodSpec, status: PodObject['status'] = { phase: 'Pending', qosClass: 'BestEffort' }): PodObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'uid-1' }, spec, status };
}

test('generate.go condition rules', async (t) => {
  const spec: PodSpec = {
    initContainers: [{ name: 'init', image: 'busybox' }, { name: 'sidecar', image: 'envoy', restartPolicy: 'Always' }],
    containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }],
  };
  const cases = [
    {
      name: 'Initialized lists init containers without status as unknown, unfinished ones as incomplete',
      got: initializedCondition(spec, [unready('sidecar')], 'Pending'),
      want: { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with unknown status: [init], containers with incomplete status: [sidecar]' },
    },
    {
      name: 'Initialized is True once a regular container has started, whatever the init containers say',
      got: initializedCondition(spec, [unready('init'), ready('a')], 'Running'),
      want: { type: 'Initialized', status: 'True' },
    },
    {
      name: 'a sidecar counts as initialized once started, a regular init container once ready',
      got: initializedCondition(spec, [done('init'), { ...unready('sidecar'), started: true }], 'Pending'),
      want: { type: 'Initialized', status: 'True' },
    },
    {
      name: 'ContainersReady watches sidecars and regular containers, naming the unready ones',
      got: containersReadyCondition(spec, [done('init'), unready('sidecar'), ready('a')], 'Running'),
      want: { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [b], containers with unready status: [sidecar]' },
    },
    {
      name: 'ContainersReady is False with PodCompleted once the pod Succeeded',
      got: containersReadyCondition(spec, [done('init'), done('sidecar'), done('a'), done('b')], 'Succeeded'),
      want: { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' },
    },
    {
      name: 'ContainersReady is False with PodFailed once the pod Failed',
      got: containersReadyCondition(spec, [ready('a'), ready('b')], 'Failed'),
      want: { type: 'ContainersReady', status: 'False', reason: 'PodFailed' },
    },
    {
      name: 'Ready copies ContainersReady when that is not True',
      got: readyCondition(spec, [], { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'm' }),
      want: { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'm' },
    },
    {
      name: 'Ready waits for every readiness gate condition to be True',
      got: readyCondition(
        { ...spec, readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/db' }] },
        [{ type: 'example.com/db', status: 'False' }],
        { type: 'ContainersReady', status: 'True' },
      ),
      want: {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist., the status of pod readiness gate "example.com/db" is not "True", but False',
      },
    },
  ];
  for (const tc of cases) await t.test(tc.name, () => assert.deepEqual(tc.got, tc.want));
});

test('status manager merge: foreign conditions first, kubelet ones in upstream order, transition times kept while unchanged', () => {
  const spec: PodSpec = { containers: [{ name: 'a', image: 'nginx' }] };
  const old = [
    { type: 'PodScheduled', status: 'True', lastTransitionTime: '2025-12-31T23:59:59Z' },
    { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', lastTransitionTime: T0 },
  ];
  const merged = podConditions(spec, old, [ready('a')], 'Running', true, T1);
  assert.deepEqual(
    merged.map((c) => c.type),
    ['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'],
  );
  assert.equal(merged.find((c) => c.type === 'PodScheduled')!.lastTransitionTime, '2025-12-31T23:59:59Z');
  assert.equal(merged.find((c) => c.type === 'Ready')!.lastTransitionTime, T1);
  assert.ok(merged.slice(1).every((c) => c.lastProbeTime === null));
});

test('a starting pod waits in ContainerCreating with its host IP and start time but no pod IP', () => {
  const s = startingPodStatus(pod({ containers: [{ name: 'a', image: 'nginx' }] }), run);
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(s.containerStatuses?.[0].state, { waiting: { reason: 'ContainerCreating' } });
  assert.equal(s.containerStatuses?.[0].image, 'nginx', 'the spec image until the runtime resolves it');
  assert.deepEqual([s.hostIP, s.hostIPs, s.startTime, s.podIP], ['172.18.0.2', [{ ip: '172.18.0.2' }], T0, undefined]);
  assert.equal(s.qosClass, 'BestEffort', 'fields the apiserver owns are kept');
  assert.deepEqual(s.conditions?.map((c) => `${c.type}=${c.status}`), [
    'PodReadyToStartContainers=False',
    'Initialized=True',
    'Ready=False',
    'ContainersReady=False',
    'PodScheduled=True',
  ]);
});

test('with init containers every container waits in PodInitializing', () => {
  const s = startingPodStatus(pod({ initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'a', image: 'nginx' }] }), run);
  assert.deepEqual(
    [...s.initContainerStatuses!, ...s.containerStatuses!].map((c) => c.state?.waiting?.reason),
    ['PodInitializing', 'PodInitializing'],
  );
  assert.equal(s.conditions?.find((c) => c.type === 'Initialized')?.reason, 'ContainersNotInitialized');
});

test('a running pod: init containers Completed, sidecars and containers running, ready, with runtime ids', () => {
  const spec: PodSpec = {
    initContainers: [{ name: 'init', image: 'busybox:1.36' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
    containers: [{ name: 'a', image: 'nginx' }],
  };
  const s = runningPodStatus(pod(spec), run);
  assert.equal(s.phase, 'Running');
  assert.deepEqual([s.podIP, s.podIPs], ['10.244.0.2', [{ ip: '10.244.0.2' }]]);
  const [init, proxy] = s.initContainerStatuses!;
  assert.deepEqual(init.state?.terminated && [init.state.terminated.exitCode, init.state.terminated.reason, init.ready, init.started], [0, 'Completed', true, false]);
  assert.deepEqual([proxy.state?.running?.startedAt, proxy.ready, proxy.started], [T1, true, true]);
  const main = s.containerStatuses![0];
  assert.deepEqual([main.ready, main.started, main.restartCount, main.image], [true, true, 0, 'docker.io/library/nginx:latest']);
  assert.match(main.containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.ok(s.conditions?.every((c) => c.status === 'True'));
});

test('containers are listed by name and report their mounts (RecursiveReadOnlyMounts, beta since 1.31)', () => {
  const spec: PodSpec = {
    containers: [
      { name: 'web', image: 'nginx', volumeMounts: [{ name: 'token', mountPath: '/var/run/secrets', readOnly: true }, { name: 'data', mountPath: '/data' }] },
      { name: 'agent', image: 'fluentd' },
    ],
  };
  for (const s of [startingPodStatus(pod(spec), run), runningPodStatus(pod(spec), run)]) {
    assert.deepEqual(s.containerStatuses?.map((c) => c.name), ['agent', 'web']);
    assert.deepEqual((s.containerStatuses![1] as { volumeMounts?: unknown }).volumeMounts, [
      { name: 'token', mountPath: '/var/run/secrets', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: 'data', mountPath: '/data' },
    ]);
    assert.equal('volumeMounts' in s.containerStatuses![0], false);
  }
});

test('a running pod keeps its container start times on later reports', () => {
  const first = runningPodStatus(pod({ containers: [{ name: 'a', image: 'nginx' }] }), run);
  const later = runningPodStatus(pod({ containers: [{ name: 'a', image: 'nginx' }] }, first), { ...run, now: '2026-01-01T01:00:00Z' });
  assert.deepEqual(later, first);
});

test('stopping a pod for its deletion: containers terminated, Ready False, terminal phase from the exit codes', () => {
  const spec: PodSpec = { containers: [{ name: 'a', image: 'nginx' }] };
  const running = runningPodStatus(pod(spec), run);
  const killed = stoppedPodStatus(pod(spec, running), { ...run, now: '2026-01-01T00:00:35Z' }, { exitCode: 137, reason: 'Error' });
  assert.equal(killed.phase, 'Failed');
  assert.deepEqual(killed.containerStatuses![0].state?.terminated, {
    exitCode: 137,
    reason: 'Error',
    startedAt: T1,
    finishedAt: '2026-01-01T00:00:35Z',
    containerID: running.containerStatuses![0].containerID,
  });
  assert.deepEqual(
    killed.conditions?.filter((c) => c.type === 'Ready' || c.type === 'ContainersReady').map((c) => [c.status, c.reason]),
    [['False', 'PodFailed'], ['False', 'PodFailed']],
  );
  const exited = stoppedPodStatus(pod(spec, running), run, { exitCode: 0, reason: 'Completed' });
  assert.equal(exited.phase, 'Succeeded');
});

test('image references are reported fully qualified, as a CRI runtime resolves them', async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ['nginx', 'docker.io/library/nginx:latest', /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', /^docker\.io\/library\/nginx@sha256:/],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7', /^docker\.io\/bitnami\/redis@sha256:/],
    ['registry.k8s.io/kube-apiserver:v1.32.4', 'registry.k8s.io/kube-apiserver:v1.32.4', /^registry\.k8s\.io\/kube-apiserver@sha256:/],
    ['localhost:5000/app', 'localhost:5000/app:latest', /^localhost:5000\/app@sha256:/],
    ['busybox@sha256:abc', 'docker.io/library/busybox@sha256:abc', /^docker\.io\/library\/busybox@sha256:abc$/],
  ];
  for (const [image, ref, id] of cases) {
    await t.test(image, () => {
      assert.equal(runtimeImage(image), ref);
      assert.match(runtimeImageID(image), id);
    });
  }
});
