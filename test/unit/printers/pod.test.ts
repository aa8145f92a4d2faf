import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podPrinter } from '../../../server/printers/pod.js';
import { NOW, ago, row } from './helpers.js';

const running = { running: { startedAt: ago(1, 'h') } };
const terminated = (exitCode: number, reason?: string, signal?: number) => ({
  terminated: { exitCode, reason, signal, finishedAt: ago(2, 'm') },
});
const waiting = (reason: string) => ({ waiting: { reason } });

function pod(spec: object, status: object, metadata: object = {}) {
  return {
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(3, 'h'), ...metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

const twoInits = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
const sidecarSpec = { initContainers: [{ name: 'sidecar', restartPolicy: 'Always' }] };

// [upstream printPod behaviour, pod, Ready, Status, Restarts]
const cases: [string, object, string, string, string][] = [
  ['phase is the status when nothing more specific is known', pod({}, { phase: 'Pending' }), '0/1', 'Pending', '0'],
  ['status.reason overrides the phase', pod({}, { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', '0'],
  [
    'a scheduling-gated pod reports SchedulingGated',
    pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
    '0/1',
    'SchedulingGated',
    '0',
  ],
  [
    'a waiting container reports its reason',
    pod({}, { phase: 'Pending', containerStatuses: [{ name: 'app', state: waiting('ContainerCreating') }] }),
    '0/1',
    'ContainerCreating',
    '0',
  ],
  [
    'a ready running container counts as ready',
    pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: running }] }),
    '1/1',
    'Running',
    '0',
  ],
  [
    'a running container that is not ready is not counted',
    pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, state: running }] }),
    '0/1',
    'Running',
    '0',
  ],
  [
    'CrashLoopBackOff with restarts shows when the last one ended',
    pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'app', restartCount: 5, state: waiting('CrashLoopBackOff'), lastState: terminated(1, 'Error') },
        ],
      },
    ),
    '0/1',
    'CrashLoopBackOff',
    '5 (2m ago)',
  ],
  [
    'restarts without a last termination time print the bare count',
    pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 2, ready: true, state: running }] }),
    '1/1',
    'Running',
    '2',
  ],
  [
    'a completed container reports Completed',
    pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: terminated(0, 'Completed') }] }),
    '0/1',
    'Completed',
    '0',
  ],
  [
    'a termination without reason reports the exit code',
    pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', state: terminated(137) }] }),
    '0/1',
    'ExitCode:137',
    '0',
  ],
  [
    'a termination without reason reports the signal when there is one',
    pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', state: terminated(137, undefined, 9) }] }),
    '0/1',
    'Signal:9',
    '0',
  ],
  [
    'the first container listed decides the reason (statuses are read last to first)',
    pod(
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', state: waiting('ImagePullBackOff') },
          { name: 'b', state: waiting('ErrImagePull') },
        ],
      },
    ),
    '0/2',
    'ImagePullBackOff',
    '0',
  ],
  [
    'Completed with another container running and Ready condition is Running',
    pod(
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'a', ready: true, state: running },
          { name: 'b', state: terminated(0, 'Completed') },
        ],
      },
    ),
    '1/2',
    'Running',
    '0',
  ],
  [
    'Completed with another container running but no Ready condition is NotReady',
    pod(
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', ready: true, state: running },
          { name: 'b', state: terminated(0, 'Completed') },
        ],
      },
    ),
    '1/2',
    'NotReady',
    '0',
  ],
  [
    'a pod being deleted is Terminating',
    pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: running }] }, {
      deletionTimestamp: ago(1, 's'),
    }),
    '1/1',
    'Terminating',
    '0',
  ],
  [
    'a finished pod being deleted keeps its terminal status',
    pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: terminated(0, 'Completed') }] }, {
      deletionTimestamp: ago(1, 's'),
    }),
    '0/1',
    'Completed',
    '0',
  ],
  [
    'a pod on a lost node being deleted is Unknown',
    pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(1, 's') }),
    '0/1',
    'Unknown',
    '0',
  ],
  ['a pod on a lost node not being deleted shows NodeLost', pod({}, { phase: 'Running', reason: 'NodeLost' }), '0/1', 'NodeLost', '0'],
  [
    'a running init container reports its index',
    pod(twoInits, {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', state: terminated(0, 'Completed') },
        { name: 'i2', state: running },
      ],
    }),
    '0/1',
    'Init:1/2',
    '0',
  ],
  [
    'an init container waiting to initialize counts as not started',
    pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: waiting('PodInitializing') }] }),
    '0/1',
    'Init:0/2',
    '0',
  ],
  [
    'an init container waiting for another reason reports it',
    pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: waiting('ImagePullBackOff') }] }),
    '0/1',
    'Init:ImagePullBackOff',
    '0',
  ],
  [
    'a failed init container reports its reason, and its restarts count',
    pod(twoInits, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i1', restartCount: 3, state: terminated(1, 'Error'), lastState: terminated(1, 'Error') }],
    }),
    '0/1',
    'Init:Error',
    '3 (2m ago)',
  ],
  [
    'a failed init container without reason reports the exit code',
    pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: terminated(2) }] }),
    '0/1',
    'Init:ExitCode:2',
    '0',
  ],
  [
    'a failed init container without reason reports the signal when there is one',
    pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: terminated(2, undefined, 15) }] }),
    '0/1',
    'Init:Signal:15',
    '0',
  ],
  [
    'once initialized, init container restarts no longer count',
    pod(twoInits, {
      phase: 'Running',
      initContainerStatuses: [
        { name: 'i1', restartCount: 4, state: terminated(0, 'Completed') },
        { name: 'i2', state: terminated(0, 'Completed') },
      ],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 1, state: running }],
    }),
    '1/1',
    'Running',
    '1',
  ],
  [
    'a started sidecar counts as a container and its restarts carry over',
    pod(sidecarSpec, {
      phase: 'Running',
      initContainerStatuses: [
        { name: 'sidecar', started: true, ready: true, restartCount: 2, state: running, lastState: terminated(1, 'Error') },
      ],
      containerStatuses: [{ name: 'app', ready: true, state: running }],
    }),
    '2/2',
    'Running',
    '2 (2m ago)',
  ],
  [
    'a sidecar that has not started holds the pod in Init',
    pod(sidecarSpec, { phase: 'Pending', initContainerStatuses: [{ name: 'sidecar', started: false, state: running }] }),
    '0/2',
    'Init:0/1',
    '0',
  ],
  [
    'an Initialized condition lets main containers count, but a running one leaves the Init reason in place',
    pod(twoInits, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'i1', state: waiting('PodInitializing') }],
      containerStatuses: [{ name: 'app', ready: true, state: running }],
    }),
    '1/1',
    'Init:0/2',
    '0',
  ],
];

for (const [name, obj, ready, status, restarts] of cases) {
  test(`printPod: ${name}`, () => {
    const r = row(podPrinter, obj);
    assert.deepEqual([r.Ready, r.Status, r.Restarts], [ready, status, restarts]);
  });
}

test('printPod: columns and a full wide row', () => {
  assert.deepEqual(
    podPrinter.columns.map((c) => [c.name, c.type, c.priority, c.format]),
    [
      ['Name', 'string', 0, 'name'],
      ['Ready', 'string', 0, ''],
      ['Status', 'string', 0, ''],
      ['Restarts', 'string', 0, ''],
      ['Age', 'string', 0, ''],
      ['IP', 'string', 1, ''],
      ['Node', 'string', 1, ''],
      ['Nominated Node', 'string', 1, ''],
      ['Readiness Gates', 'string', 1, ''],
    ],
  );
  const obj = pod(
    { nodeName: 'node-1', readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] },
    {
      phase: 'Running',
      podIP: '10.0.0.9',
      podIPs: [{ ip: '10.0.0.9' }, { ip: 'fd00::9' }],
      nominatedNodeName: 'node-2',
      conditions: [
        { type: 'a', status: 'True' },
        { type: 'b', status: 'False' },
      ],
      containerStatuses: [{ name: 'app', ready: true, state: running }],
    },
  );
  assert.deepEqual(podPrinter.cells(obj as never, NOW), [
    'p',
    '1/1',
    'Running',
    '0',
    '3h',
    '10.0.0.9',
    'node-1',
    'node-2',
    '1/2',
  ]);
});

test('printPod: wide cells are <none> when unset, and podIP stands in for podIPs', () => {
  const bare = row(podPrinter, pod({}, { phase: 'Pending' }));
  assert.deepEqual([bare.IP, bare.Node, bare['Nominated Node'], bare['Readiness Gates']], [
    '<none>',
    '<none>',
    '<none>',
    '<none>',
  ]);
  assert.equal(row(podPrinter, pod({}, { phase: 'Running', podIP: '10.1.1.1' })).IP, '10.1.1.1');
});
