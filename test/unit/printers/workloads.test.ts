import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controllerRevisionPrinter } from '../../../server/printers/controllerrevision.js';
import { daemonSetPrinter } from '../../../server/printers/daemonset.js';
import { deploymentPrinter } from '../../../server/printers/deployment.js';
import { jobPrinter } from '../../../server/printers/job.js';
import { replicaSetPrinter } from '../../../server/printers/replicaset.js';
import { replicationControllerPrinter } from '../../../server/printers/replicationcontroller.js';
import { statefulSetPrinter } from '../../../server/printers/statefulset.js';
import { NOW, ago, row } from './helpers.js';

const template = (nodeSelector?: Record<string, string>) => ({
  metadata: { labels: { app: 'web' } },
  spec: {
    nodeSelector,
    containers: [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'log', image: 'busybox' },
    ],
  },
});

test('printDaemonSet: the seed row (kube-proxy 2 2 2 2 2 beta.kubernetes.io/arch=amd64 23h)', () => {
  const ds = {
    metadata: { name: 'kube-proxy', namespace: 'kube-system', creationTimestamp: ago(23, 'h') },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        spec: {
          nodeSelector: { 'beta.kubernetes.io/arch': 'amd64' },
          containers: [{ name: 'kube-proxy', image: 'k8s.gcr.io/kube-proxy-amd64:v1.11.2' }],
        },
      },
    },
    status: {
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    },
  };
  assert.deepEqual(daemonSetPrinter.cells(ds as never, NOW), [
    'kube-proxy',
    2,
    2,
    2,
    2,
    2,
    'beta.kubernetes.io/arch=amd64',
    '23h',
    'kube-proxy',
    'k8s.gcr.io/kube-proxy-amd64:v1.11.2',
    'k8s-app=kube-proxy',
  ]);
  assert.deepEqual(
    daemonSetPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`),
    [
      'Name:string:0',
      'Desired:integer:0',
      'Current:integer:0',
      'Ready:integer:0',
      'Up-to-date:integer:0',
      'Available:integer:0',
      'Node Selector:string:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ],
  );
});

// [upstream labels.FormatLabels / FormatLabelSelector behaviour, node selector, selector, Node Selector, Selector]
const selectors: [string, Record<string, string> | undefined, object | undefined, string, string][] = [
  ['empty node selector and missing selector print <none>', undefined, undefined, '<none>', '<none>'],
  ['an empty selector prints <none>', {}, {}, '<none>', '<none>'],
  [
    'pairs are sorted as whole k=v strings, so a dotted key can precede its prefix',
    { app: 'y', 'app.kubernetes.io/name': 'z' },
    { matchLabels: { tier: 'web', app: 'x' } },
    'app.kubernetes.io/name=z,app=y',
    'app=x,tier=web',
  ],
  [
    'match expressions print with set syntax, values sorted',
    { 'kubernetes.io/os': 'linux' },
    {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'gpu', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'canary', operator: 'NotIn', values: ['true'] },
      ],
    },
    'kubernetes.io/os=linux',
    'app=web,canary notin (true),env in (dev,prod),!gpu,zone',
  ],
  ['an invalid operator prints <error>', undefined, { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '<none>', '<error>'],
];

for (const [name, nodeSelector, selector, nodeText, selectorText] of selectors) {
  test(`printDaemonSet selectors: ${name}`, () => {
    const r = row(daemonSetPrinter, {
      metadata: { name: 'ds', creationTimestamp: ago(1, 'd') },
      spec: { selector, template: template(nodeSelector) },
      status: {},
    });
    assert.deepEqual([r['Node Selector'], r.Selector], [nodeText, selectorText]);
  });
}

test('printDaemonSet: missing status counts are zero and containers are comma-joined', () => {
  const r = row(daemonSetPrinter, { metadata: { name: 'ds' }, spec: { template: template() } });
  assert.deepEqual(
    [r.Desired, r.Current, r.Ready, r['Up-to-date'], r.Available, r.Age, r.Containers, r.Images],
    [0, 0, 0, 0, 0, '<unknown>', 'web,log', 'nginx:1.27,busybox'],
  );
});

test('printReplicationController: a full wide row', () => {
  const rc = {
    metadata: { name: 'frontend', creationTimestamp: ago(90, 's') },
    spec: { replicas: 3, selector: { tier: 'frontend', app: 'guestbook' }, template: template() },
    status: { replicas: 3, readyReplicas: 2 },
  };
  assert.deepEqual(replicationControllerPrinter.cells(rc as never, NOW), [
    'frontend',
    3,
    3,
    2,
    '90s',
    'web,log',
    'nginx:1.27,busybox',
    'app=guestbook,tier=frontend',
  ]);
  assert.deepEqual(
    replicationControllerPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`),
    [
      'Name:string:0',
      'Desired:integer:0',
      'Current:integer:0',
      'Ready:integer:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ],
  );
});

test('printReplicationController: no template, no selector, no status', () => {
  assert.deepEqual(replicationControllerPrinter.cells({ metadata: { name: 'rc' } } as never, NOW), [
    'rc',
    0,
    0,
    0,
    '<unknown>',
    '',
    '',
    '<none>',
  ]);
});

test('printReplicaSet: integer counts and a LabelSelector', () => {
  const r = row(replicaSetPrinter, {
    metadata: { name: 'web-5d8f', creationTimestamp: ago(10, 'm') },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d8f' } }, template: template() },
    status: { replicas: 2, readyReplicas: 1 },
  });
  assert.deepEqual(r, {
    Name: 'web-5d8f',
    Desired: 2,
    Current: 2,
    Ready: 1,
    Age: '10m',
    Containers: 'web,log',
    Images: 'nginx:1.27,busybox',
    Selector: 'app=web,pod-template-hash=5d8f',
  });
});

test('printDeployment: Ready is ready/desired, counts stay integers, selector never prints <none>', () => {
  const base = { metadata: { name: 'web', creationTimestamp: ago(2, 'd') }, spec: { replicas: 3, template: template() } };
  const r = row(deploymentPrinter, {
    ...base,
    spec: { ...base.spec, selector: { matchLabels: { app: 'web' } } },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
  });
  assert.deepEqual(r, {
    Name: 'web',
    Ready: '2/3',
    'Up-to-date': 3,
    Available: 2,
    Age: '2d',
    Containers: 'web,log',
    Images: 'nginx:1.27,busybox',
    Selector: 'app=web',
  });
  assert.equal(row(deploymentPrinter, base).Selector, '');
  assert.equal(
    row(deploymentPrinter, { ...base, spec: { ...base.spec, selector: { matchExpressions: [{ key: 'a', operator: 'In' }] } } })
      .Selector,
    '<invalid>',
  );
});

test('printStatefulSet: Ready is ready/desired', () => {
  const r = row(statefulSetPrinter, {
    metadata: { name: 'db', creationTimestamp: ago(4, 'h') },
    spec: { replicas: 3, template: template() },
    status: { readyReplicas: 1 },
  });
  assert.deepEqual(r, { Name: 'db', Ready: '1/3', Age: '4h', Containers: 'web,log', Images: 'nginx:1.27,busybox' });
});

const job = (spec: object, status: object, metadata: object = {}) => ({
  metadata: { name: 'pi', creationTimestamp: ago(20, 'm'), ...metadata },
  spec: { template: template(), selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, ...spec },
  status,
});

// [upstream printJob behaviour, job, Status, Completions, Duration]
const jobs: [string, object, string, string, string][] = [
  ['a job that has not started', job({ completions: 1 }, {}), 'Running', '0/1', ''],
  ['a running job shows time since start', job({ completions: 3 }, { succeeded: 1, startTime: ago(5, 'm') }), 'Running', '1/3', '5m'],
  [
    'a complete job shows the time it took',
    job({ completions: 1 }, {
      succeeded: 1,
      startTime: ago(10, 'm'),
      completionTime: ago(9, 'm'),
      conditions: [{ type: 'Complete', status: 'True' }],
    }),
    'Complete',
    '1/1',
    '60s',
  ],
  ['a failed job', job({ completions: 1 }, { conditions: [{ type: 'Failed', status: 'True' }] }), 'Failed', '0/1', ''],
  ['a job being deleted', job({ completions: 1 }, {}, { deletionTimestamp: ago(1, 's') }), 'Terminating', '0/1', ''],
  ['a suspended job', job({ completions: 1 }, { conditions: [{ type: 'Suspended', status: 'True' }] }), 'Suspended', '0/1', ''],
  ['a job bound to fail', job({ completions: 1 }, { conditions: [{ type: 'FailureTarget', status: 'True' }] }), 'FailureTarget', '0/1', ''],
  ['a False condition does not count', job({ completions: 1 }, { conditions: [{ type: 'Complete', status: 'False' }] }), 'Running', '0/1', ''],
  ['without completions one success is needed', job({ completions: null }, { succeeded: 0 }), 'Running', '0/1', ''],
  ['without completions, parallelism above one is shown', job({ completions: null, parallelism: 4 }, { succeeded: 2 }), 'Running', '2/1 of 4', ''],
];

for (const [name, obj, status, completions, duration] of jobs) {
  test(`printJob: ${name}`, () => {
    const r = row(jobPrinter, obj);
    assert.deepEqual([r.Status, r.Completions, r.Duration], [status, completions, duration]);
  });
}

test('printJob: columns and wide cells', () => {
  assert.deepEqual(
    jobPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Status:0', 'Completions:0', 'Duration:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1'],
  );
  const r = row(jobPrinter, job({ completions: 1 }, {}));
  assert.deepEqual([r.Age, r.Containers, r.Selector], ['20m', 'web,log', 'batch.kubernetes.io/controller-uid=u1']);
});

// [upstream printControllerRevision behaviour, owner references, Controller]
const owners: [string, object[] | undefined, string][] = [
  ['no owner is <none>', undefined, '<none>'],
  ['an owner that is not the controller is ignored', [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'u' }], '<none>'],
  [
    'a grouped controller prints kind.group/name lower-cased',
    [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'u', controller: true }],
    'daemonset.apps/kube-proxy',
  ],
  [
    'a core controller prints kind/name',
    [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'u', controller: true }],
    'replicationcontroller/rc',
  ],
];

for (const [name, ownerReferences, controller] of owners) {
  test(`printControllerRevision: ${name}`, () => {
    const r = row(controllerRevisionPrinter, {
      metadata: { name: 'kube-proxy-7d4b', creationTimestamp: ago(3, 'd'), ownerReferences },
      revision: 2,
    });
    assert.deepEqual(r, { Name: 'kube-proxy-7d4b', Controller: controller, Revision: 2, Age: '3d' });
  });
}
