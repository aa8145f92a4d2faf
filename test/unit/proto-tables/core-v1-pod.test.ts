import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProtoPackage } from '../../../schemas/proto/types.js';
import { coreV1Pod } from '../../../schemas/proto/core-v1-pod.js';
import { coreV1Container } from '../../../schemas/proto/core-v1-container.js';
import { coreV1ContainerStatus } from '../../../schemas/proto/core-v1-container-status.js';
import { coreV1PodSecurity } from '../../../schemas/proto/core-v1-pod-security.js';
import { coreV1Affinity } from '../../../schemas/proto/core-v1-affinity.js';

const tables: [string, ProtoPackage][] = [
  ['coreV1Pod', coreV1Pod],
  ['coreV1Container', coreV1Container],
  ['coreV1ContainerStatus', coreV1ContainerStatus],
  ['coreV1PodSecurity', coreV1PodSecurity],
  ['coreV1Affinity', coreV1Affinity],
];

// Bare names these tables use but leave to the volume tables (schemas/proto/core-v1-volume*.ts).
const ownedByVolumeTables = new Set(['Volume']);

// Messages of other packages these tables use, by alias.
const otherPackages: Record<string, Set<string>> = {
  meta: new Set(['ObjectMeta', 'Time', 'LabelSelector']),
  resource: new Set(['Quantity']),
  intstr: new Set(['IntOrString']),
};

const scalar = '(?:string|bytes|bool|int32|int64|double)';
const messageRef = '(?:[a-z][a-zA-Z0-9]*\\.)?[A-Z][A-Za-z0-9]*';
const fieldSpec = new RegExp(
  `^([1-9][0-9]*) (?:(map<string,(?:${scalar}|${messageRef})>)|(${scalar}|${messageRef})(\\[\\])?)(\\?)?(\\^)?$`,
);

interface ParsedSpec {
  number: number;
  /** The message a field names, directly or as a map value; undefined for scalars. */
  message?: string;
}

function parseSpec(spec: string): ParsedSpec | undefined {
  const match = fieldSpec.exec(spec);
  if (!match) return undefined;
  const typeName = match[3] ?? /<string,(.+)>/.exec(match[2])![1];
  const isScalar = new RegExp(`^${scalar}$`).test(typeName);
  return { number: Number(match[1]), message: isScalar ? undefined : typeName };
}

const allMessages = new Map<string, Record<string, string>>();
for (const [, table] of tables) {
  for (const [name, fields] of Object.entries(table.messages)) allMessages.set(name, { ...fields });
}

function eachField(visit: (message: string, field: string, spec: string) => void): void {
  for (const [message, fields] of allMessages) {
    for (const [field, spec] of Object.entries(fields)) visit(message, field, spec);
  }
}

describe('core/v1 pod protobuf tables', () => {
  it('all belong to k8s.io.api.core.v1 under the alias core and apiVersion v1', () => {
    for (const [name, table] of tables) {
      assert.deepEqual([table.package, table.alias, table.apiVersion], ['k8s.io.api.core.v1', 'core', 'v1'], name);
    }
  });

  it('define each message once across the files', () => {
    const seen = new Map<string, string>();
    for (const [tableName, table] of tables) {
      for (const message of Object.keys(table.messages)) {
        assert.equal(seen.get(message), undefined, `${message} in both ${seen.get(message)} and ${tableName}`);
        seen.set(message, tableName);
      }
    }
  });

  it('spell every field in the grammar of schemas/proto/types.ts', () => {
    eachField((message, field, spec) => assert.ok(parseSpec(spec), `${message}.${field}: '${spec}'`));
  });

  const malformed = ['7', 'EnvVar[]', '0 string', '07 string', '3 uint32', '3 string[]?x', '1 map<int32,string>'];
  for (const spec of malformed) {
    it(`the grammar check rejects '${spec}'`, () => assert.equal(parseSpec(spec), undefined));
  }
  it('the grammar check rejects a repeated map', () => assert.equal(parseSpec('2 map<string,string>[]'), undefined));

  it('never reuse a field number within a message', () => {
    for (const [message, fields] of allMessages) {
      const numbers = Object.values(fields).map((spec) => parseSpec(spec)?.number);
      assert.equal(new Set(numbers).size, numbers.length, `${message}: ${numbers.join(', ')}`);
    }
  });

  it('only name messages that a table defines', () => {
    eachField((message, field, spec) => {
      const named = parseSpec(spec)?.message;
      if (named === undefined) return;
      const [alias, name] = named.includes('.') ? named.split('.') : [undefined, named];
      const known =
        alias === undefined
          ? allMessages.has(name) || ownedByVolumeTables.has(name)
          : (otherPackages[alias]?.has(name) ?? false);
      assert.ok(known, `${message}.${field} names ${named}`);
    });
  });

  const required = [
    'Pod', 'PodSpec', 'PodStatus', 'PodTemplateSpec', 'PodTemplate', 'Container', 'EphemeralContainer',
    'EphemeralContainerCommon', 'ContainerPort', 'EnvVar', 'EnvVarSource', 'ObjectFieldSelector',
    'ResourceFieldSelector', 'ConfigMapKeySelector', 'SecretKeySelector', 'FileKeySelector', 'EnvFromSource',
    'ConfigMapEnvSource', 'SecretEnvSource', 'ResourceRequirements', 'ResourceClaim', 'VolumeMount', 'VolumeDevice',
    'Probe', 'ProbeHandler', 'ExecAction', 'HTTPGetAction', 'HTTPHeader', 'TCPSocketAction', 'GRPCAction',
    'Lifecycle', 'LifecycleHandler', 'SleepAction', 'SecurityContext', 'Capabilities', 'SELinuxOptions',
    'WindowsSecurityContextOptions', 'SeccompProfile', 'AppArmorProfile', 'PodSecurityContext', 'Sysctl',
    'ContainerResizePolicy', 'ContainerRestartRule', 'Affinity', 'NodeAffinity', 'NodeSelector', 'NodeSelectorTerm',
    'NodeSelectorRequirement', 'PreferredSchedulingTerm', 'PodAffinity', 'PodAntiAffinity', 'PodAffinityTerm',
    'WeightedPodAffinityTerm', 'Toleration', 'TopologySpreadConstraint', 'HostAlias', 'PodDNSConfig',
    'PodDNSConfigOption', 'PodReadinessGate', 'LocalObjectReference', 'PodOS', 'PodSchedulingGate',
    'PodResourceClaim', 'PodResourceClaimStatus', 'PodCondition', 'PodIP', 'HostIP', 'ContainerStatus',
    'ContainerState', 'ContainerStateWaiting', 'ContainerStateRunning', 'ContainerStateTerminated', 'ContainerUser',
    'LinuxContainerUser', 'VolumeMountStatus', 'ResourceStatus', 'ResourceHealth', 'PodExtendedResourceClaimStatus',
    'ContainerExtendedResourceRequest',
  ];
  it('cover every message the pod template reaches outside the volume tables', () => {
    assert.deepEqual(required.filter((name) => !allMessages.has(name)), []);
  });

  // Numbers read twice from generated.proto, and pointer-ness from types.go, where a slip would be easy to make.
  const spotChecks: [string, string, string][] = [
    ['Pod', 'status', '3 PodStatus'],
    ['PodSpec', 'terminationGracePeriodSeconds', '4 int64?'],
    ['PodSpec', 'initContainers', '20 Container[]'],
    ['PodSpec', 'ephemeralContainers', '34 EphemeralContainer[]'],
    ['PodSpec', 'overhead', '32 map<string,resource.Quantity>'],
    ['PodSpec', 'workloadRef', '42 WorkloadReference?'],
    ['PodStatus', 'observedGeneration', '17 int64'],
    ['PodStatus', 'hostIPs', '16 HostIP[]'],
    ['PodCondition', 'observedGeneration', '7 int64'],
    ['Container', 'envFrom', '19 EnvFromSource[]'],
    ['Container', 'restartPolicy', '24 string?'],
    ['EphemeralContainer', 'ephemeralContainerCommon', '1 EphemeralContainerCommon^'],
    ['Probe', 'handler', '1 ProbeHandler^'],
    ['GRPCAction', 'service', '2 string?'],
    ['VolumeMount', 'recursiveReadOnly', '7 string?'],
    ['ConfigMapKeySelector', 'optional', '3 bool?'],
    ['ContainerStatus', 'started', '9 bool?'],
    ['ResourceHealth', 'message', '6 string?'],
    ['PodResourceClaim', 'resourceClaimName', '3 string?'],
    ['SecurityContext', 'ulimits', '13 Ulimit[]'],
    ['PodSecurityContext', 'supplementalGroupsPolicy', '12 string?'],
    ['TopologySpreadConstraint', 'minDomains', '5 int32?'],
  ];
  for (const [message, field, spec] of spotChecks) {
    it(`${message}.${field} is '${spec}'`, () => assert.equal(allMessages.get(message)?.[field], spec));
  }
});
