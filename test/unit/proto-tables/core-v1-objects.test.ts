import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coreV1Node } from '../../../schemas/proto/core-v1-node.js';
import { coreV1Objects } from '../../../schemas/proto/core-v1-objects.js';
import { coreV1Service } from '../../../schemas/proto/core-v1-service.js';
import { metaV1 } from '../../../schemas/proto/meta-v1.js';
import { intstr, resource, runtime } from '../../../schemas/proto/runtime.js';
import type { ProtoPackage } from '../../../schemas/proto/types.js';

const tables: readonly ProtoPackage[] = [coreV1Objects, coreV1Node, coreV1Service];
const sharedByAlias = new Map<string, ProtoPackage>([metaV1, runtime, intstr, resource].map((t) => [t.alias, t]));
/** Core messages these tables reference whose tables the pod helper owns (core-v1-pod.ts). */
const ownedByPodTables = new Set(['PodTemplateSpec', 'LocalObjectReference']);

const SCALAR = '(?:string|bytes|bool|int32|int64|double)';
const MESSAGE = '(?:[a-z]+\\.)?[A-Z][A-Za-z0-9]*';
const FIELD_SPEC = new RegExp(`^([1-9][0-9]*) (${SCALAR}|${MESSAGE}|map<string,(?:${SCALAR}|${MESSAGE})>)(\\[\\])?(\\?)?(\\^)?$`);

function parseSpec(spec: string): { number: number; type: string } | undefined {
  const match = FIELD_SPEC.exec(spec);
  return match ? { number: Number(match[1]), type: match[2] } : undefined;
}

/** The message a field type names (a map's value, or the type itself), or undefined for scalars. */
function messageRef(type: string): string | undefined {
  const inner = type.startsWith('map<') ? type.slice('map<string,'.length, -1) : type;
  return new RegExp(`^${SCALAR}$`).test(inner) ? undefined : inner;
}

const coreMessages = new Map(tables.flatMap((t) => Object.entries(t.messages)));

function resolves(ref: string): boolean {
  const dot = ref.indexOf('.');
  if (dot < 0) return coreMessages.has(ref) || ownedByPodTables.has(ref);
  return ref.slice(dot + 1) in (sharedByAlias.get(ref.slice(0, dot))?.messages ?? {});
}

const everyField = [...coreMessages].flatMap(([message, fields]) =>
  Object.entries(fields).map(([field, spec]) => ({ message, field, spec })),
);

describe('core/v1 object, node and service protobuf tables', () => {
  it('belong to the core/v1 package', () => {
    for (const table of tables) {
      assert.deepEqual([table.package, table.alias, table.apiVersion], ['k8s.io.api.core.v1', 'core', 'v1']);
    }
  });

  it('define each message once and no List messages', () => {
    const names = tables.flatMap((t) => Object.keys(t.messages));
    assert.equal(new Set(names).size, names.length, 'a message is defined in two tables');
    assert.deepEqual(names.filter((n) => n.endsWith('List')), []);
  });

  it('write every field spec in the table grammar', () => {
    const bad = everyField.filter(({ spec }) => !parseSpec(spec)).map((f) => `${f.message}.${f.field}: ${f.spec}`);
    assert.deepEqual(bad, []);
  });

  it('give each field of a message its own number', () => {
    for (const [message, fields] of coreMessages) {
      const numbers = Object.values(fields).map((spec) => parseSpec(spec)?.number);
      assert.equal(new Set(numbers).size, numbers.length, `${message} reuses a field number`);
    }
  });

  it('reference only messages these, the shared or the pod tables define', () => {
    const dangling = everyField
      .map((f) => ({ ...f, ref: messageRef(parseSpec(f.spec)?.type ?? '') }))
      .filter((f) => f.ref !== undefined && !resolves(f.ref))
      .map((f) => `${f.message}.${f.field} -> ${f.ref}`);
    assert.deepEqual(dangling, []);
  });

  it('carry the field numbers and pointer-ness upstream gives', () => {
    const expected: [string, string, string][] = [
      ['Namespace', 'status', '3 NamespaceStatus'],
      ['NamespaceCondition', 'lastTransitionTime', '4 meta.Time'],
      ['ReplicationControllerSpec', 'replicas', '1 int32?'],
      ['ReplicationControllerSpec', 'minReadySeconds', '4 int32'],
      ['ReplicationControllerStatus', 'replicas', '1 int32?'],
      ['ReplicationControllerStatus', 'observedGeneration', '3 int64'],
      ['ReplicationControllerStatus', 'conditions', '6 ReplicationControllerCondition[]'],
      ['Event', 'eventTime', '10 meta.MicroTime'],
      ['Event', 'reportingComponent', '14 string'],
      ['Secret', 'data', '2 map<string,bytes>'],
      ['Secret', 'stringData', '4 map<string,string>'],
      ['Secret', 'immutable', '5 bool?'],
      ['ConfigMap', 'immutable', '4 bool?'],
      ['ServiceAccount', 'automountServiceAccountToken', '4 bool?'],
      ['LimitRangeItem', 'maxLimitRequestRatio', '6 map<string,resource.Quantity>'],
      ['NodeSpec', 'podCIDRs', '7 string[]'],
      ['NodeSpec', 'unschedulable', '4 bool'],
      ['NodeStatus', 'capacity', '1 map<string,resource.Quantity>'],
      ['NodeStatus', 'runtimeHandlers', '12 NodeRuntimeHandler[]'],
      ['NodeSystemInfo', 'swap', '11 NodeSwapStatus?'],
      ['NodeSwapStatus', 'capacity', '1 int64?'],
      ['DaemonEndpoint', 'Port', '1 int32'],
      ['Taint', 'timeAdded', '4 meta.Time?'],
      ['ServiceSpec', 'clusterIPs', '18 string[]'],
      ['ServiceSpec', 'healthCheckNodePort', '12 int32'],
      ['ServiceSpec', 'allocateLoadBalancerNodePorts', '20 bool?'],
      ['ServicePort', 'targetPort', '4 intstr.IntOrString'],
      ['ServicePort', 'appProtocol', '6 string?'],
      ['ClientIPConfig', 'timeoutSeconds', '1 int32?'],
      ['EndpointAddress', 'nodeName', '4 string?'],
    ];
    for (const [message, field, spec] of expected) {
      assert.equal(coreMessages.get(message)?.[field], spec, `${message}.${field}`);
    }
  });
});
