import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { nodeStrategy } from '../../../../server/registry/strategies/node.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function node(spec: Json = {}, status?: Json): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec, ...(status ? { status } : {}) };
}

const EMPTY_NODE_INFO = {
  machineID: '',
  systemUUID: '',
  bootID: '',
  kernelVersion: '',
  osImage: '',
  containerRuntimeVersion: '',
  kubeletVersion: '',
  kubeProxyVersion: '',
  operatingSystem: '',
  architecture: '',
};

test('a node that never reported still shows its zero-valued status structs', () => {
  assert.deepEqual(runCreate(nodeStrategy, node()).obj.status, {
    daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
    nodeInfo: EMPTY_NODE_INFO,
  });
});

test('SetDefaults_NodeStatus: allocatable defaults to capacity', () => {
  const cases: Array<{ name: string; status: Json; want: unknown }> = [
    { name: 'copied', status: { capacity: { cpu: '4', pods: '110' } }, want: { cpu: '4', pods: '110' } },
    { name: 'kept', status: { capacity: { cpu: '4' }, allocatable: { cpu: '3' } }, want: { cpu: '3' } },
    { name: 'absent without capacity', status: {}, want: undefined },
  ];
  for (const c of cases) {
    assert.deepEqual((runCreate(nodeStrategy, node({}, c.status)).obj.status as Json).allocatable, c.want, c.name);
  }
});

test('PrepareForCreate keeps status but drops the retired dynamic kubelet config', () => {
  const { obj } = runCreate(nodeStrategy, node({ configSource: { configMap: {} } }, { phase: 'Running', config: {} }));
  assert.deepEqual(obj.spec, {});
  assert.equal((obj.status as Json).phase, 'Running');
  assert.equal((obj.status as Json).config, undefined);
});

test('ValidateNode', () => {
  const cases: Array<{ name: string; spec?: Json; status?: Json; want: string[] }> = [
    { name: 'valid', spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], podCIDRs: ['10.244.0.0/24'] }, want: [] },
    {
      name: 'taints: the effect is required and upstream roots the path at metadata',
      spec: { taints: [{ key: 'k' }] },
      want: ['metadata.taints[0].effect: Required value'],
    },
    {
      name: 'taints: unsupported effect and bad value',
      spec: { taints: [{ key: 'k', value: 'a b', effect: 'NoRun' }] },
      want: [
        `metadata.taints[0].value: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'taints are unique by key and effect',
      spec: { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }, { key: 'k', effect: 'NoExecute' }] },
      want: ['metadata.taints[1]: Duplicate value: {"key":"k","value":"v","effect":"NoSchedule"}: taints must be unique by key and effect pair'],
    },
    {
      name: 'capacity quantities',
      status: { capacity: { cpu: '-1', pods: '1.5', memory: 'lots' } },
      want: [
        'status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0',
        'status.capacity.pods: Invalid value: "1.5": must be an integer',
        "status.capacity.memory: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        'status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0',
        'status.allocatable.pods: Invalid value: "1.5": must be an integer',
        "status.allocatable.memory: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
    },
    {
      name: 'podCIDRs: valid, one per family, no repeats',
      spec: { podCIDRs: ['10.244.0.0/24', '10.245.0.0/24', '10.1.2.3'] },
      want: [
        'spec.podCIDRs[2]: Invalid value: "10.1.2.3": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        'spec.podCIDRs: Invalid value: ["10.244.0.0/24","10.245.0.0/24","10.1.2.3"]: may specify no more than one CIDR for each IP family',
      ],
    },
    { name: 'dual stack', spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] }, want: [] },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(nodeStrategy, node(c.spec, c.status)).errors, c.want, c.name);
  }
});

test('ValidateNodeUpdate: podCIDRs and providerID are set once, taints and unschedulable change freely', () => {
  const old = created(nodeStrategy, node({ podCIDRs: ['10.244.0.0/24'], podCIDR: '10.244.0.0/24', providerID: 'kind://n1' }));
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'cordon and taint', spec: { ...(old.spec as Json), unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] }, want: [] },
    {
      name: 'new podCIDRs',
      spec: { ...(old.spec as Json), podCIDRs: ['10.99.0.0/24'] },
      want: ['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid'],
    },
    {
      name: 'new providerID',
      spec: { ...(old.spec as Json), providerID: 'kind://other' },
      want: ['spec.providerID: Forbidden: node updates may not change providerID except from "" to valid'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runUpdate(nodeStrategy, old, { ...structuredClone(old), spec: c.spec }).errors, c.want, c.name);
  }
  const unset = created(nodeStrategy, node());
  assert.deepEqual(runUpdate(nodeStrategy, unset, node({ podCIDRs: ['10.244.1.0/24'], providerID: 'kind://n1' })).errors, []);
});

test('PrepareForUpdate keeps status; the status subresource checks addresses', () => {
  const old = created(nodeStrategy, node({}, { phase: 'Running' }));
  assert.equal((runUpdate(nodeStrategy, old, node({}, { phase: 'Gone' })).obj.status as Json).phase, 'Running');
  const addresses = [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'InternalIP', address: '10.0.0.1' }];
  assert.deepEqual(runStatusUpdate(nodeStrategy, old, { addresses }).errors, [
    'status.addresses[1]: Duplicate value: {"type":"InternalIP","address":"10.0.0.1"}',
  ]);
});

test('NodeToSelectableFields: spec.unschedulable', () => {
  const field = nodeStrategy.selectableFields!['spec.unschedulable'];
  assert.equal(field(created(nodeStrategy, node())), 'false');
  assert.equal(field(created(nodeStrategy, node({ unschedulable: true }))), 'true');
});

test('podCIDR is the head of podCIDRs', () => {
  assert.deepEqual(runCreate(nodeStrategy, node({ podCIDR: '10.244.0.0/24' })).obj.spec, { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] });
  assert.deepEqual(runCreate(nodeStrategy, node({ podCIDRs: ['10.244.0.0/24', 'fd00::/64'] })).obj.spec, {
    podCIDR: '10.244.0.0/24',
    podCIDRs: ['10.244.0.0/24', 'fd00::/64'],
  });
});
