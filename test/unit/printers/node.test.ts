import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodePrinter } from '../../../server/printers/node.js';
import { ago, row } from './helpers.js';

function node(labels: Record<string, string>, conditions: object[], unschedulable?: boolean) {
  return {
    metadata: { name: 'n1', labels, creationTimestamp: ago(5, 'd') },
    spec: { unschedulable },
    status: { conditions },
  };
}
const ready = (status: string) => ({ type: 'Ready', status });

// [upstream printNode Status behaviour, conditions, unschedulable, Status]
const statuses: [string, object[], boolean | undefined, string][] = [
  ['Ready True is Ready', [ready('True')], undefined, 'Ready'],
  ['Ready False is NotReady', [ready('False')], undefined, 'NotReady'],
  ['Ready Unknown is NotReady', [ready('Unknown')], undefined, 'NotReady'],
  ['no Ready condition is Unknown', [{ type: 'MemoryPressure', status: 'False' }], undefined, 'Unknown'],
  ['no conditions at all is Unknown', [], undefined, 'Unknown'],
  ['a cordoned node appends SchedulingDisabled', [ready('True')], true, 'Ready,SchedulingDisabled'],
  ['a cordoned node without conditions', [], true, 'Unknown,SchedulingDisabled'],
  ['other conditions never show', [ready('True'), { type: 'DiskPressure', status: 'True' }], false, 'Ready'],
  ['the last Ready condition listed wins', [ready('False'), ready('True')], undefined, 'Ready'],
];

for (const [name, conditions, unschedulable, status] of statuses) {
  test(`printNode status: ${name}`, () => {
    assert.equal(row(nodePrinter, node({}, conditions, unschedulable)).Status, status);
  });
}

// [upstream findNodeRoles behaviour, labels, Roles]
const roles: [string, Record<string, string>, string][] = [
  ['no role labels is <none>', { 'kubernetes.io/hostname': 'n1' }, '<none>'],
  ['node-role.kubernetes.io/<role> gives the role', { 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
  [
    'several roles are sorted and comma-joined',
    { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true' },
    'control-plane,worker',
  ],
  ['kubernetes.io/role gives its value', { 'kubernetes.io/role': 'master' }, 'master'],
  ['an empty kubernetes.io/role is ignored', { 'kubernetes.io/role': '' }, '<none>'],
  ['an empty role suffix is ignored', { 'node-role.kubernetes.io/': '' }, '<none>'],
  [
    'the same role from both labels appears once',
    { 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/master': '' },
    'master',
  ],
];

for (const [name, labels, expected] of roles) {
  test(`printNode roles: ${name}`, () => {
    assert.equal(row(nodePrinter, node(labels, [ready('True')])).Roles, expected);
  });
}

test('printNode: a full wide row', () => {
  const obj = {
    metadata: { name: 'kind-control-plane', creationTimestamp: ago(5, 'd'), labels: { 'node-role.kubernetes.io/control-plane': '' } },
    spec: {},
    status: {
      conditions: [ready('True')],
      addresses: [
        { type: 'Hostname', address: 'kind-control-plane' },
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'InternalIP', address: 'fc00::2' },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
    },
  };
  assert.deepEqual(row(nodePrinter, obj), {
    Name: 'kind-control-plane',
    Status: 'Ready',
    Roles: 'control-plane',
    Age: '5d',
    Version: 'v1.32.0',
    'Internal-IP': '172.18.0.2',
    'External-IP': '<none>',
    'OS-Image': 'Debian GNU/Linux 12 (bookworm)',
    'Kernel-Version': '6.8.0',
    'Container-Runtime': 'containerd://1.7.24',
  });
});

test('printNode: missing node info prints an empty version and <unknown> wide cells', () => {
  const r = row(nodePrinter, node({}, []));
  assert.deepEqual([r.Version, r['OS-Image'], r['Kernel-Version'], r['Container-Runtime'], r['Internal-IP']], [
    '',
    '<unknown>',
    '<unknown>',
    '<unknown>',
    '<none>',
  ]);
});

test('printNode: column names, types and priorities', () => {
  assert.deepEqual(
    nodePrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`),
    [
      'Name:string:0',
      'Status:string:0',
      'Roles:string:0',
      'Age:string:0',
      'Version:string:0',
      'Internal-IP:string:1',
      'External-IP:string:1',
      'OS-Image:string:1',
      'Kernel-Version:string:1',
      'Container-Runtime:string:1',
    ],
  );
});
