import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appsV1 } from '../../../schemas/proto/apps-v1.js';
import { authorizationV1 } from '../../../schemas/proto/authorization-v1.js';
import { autoscalingV1 } from '../../../schemas/proto/autoscaling-v1.js';
import { batchV1 } from '../../../schemas/proto/batch-v1.js';
import { coordinationV1 } from '../../../schemas/proto/coordination-v1.js';
import { eventsV1 } from '../../../schemas/proto/events-v1.js';
import { policyV1 } from '../../../schemas/proto/policy-v1.js';
import { rbacV1 } from '../../../schemas/proto/rbac-v1.js';
import { schedulingV1 } from '../../../schemas/proto/scheduling-v1.js';
import type { ProtoPackage } from '../../../schemas/proto/types.js';

const tables: ProtoPackage[] = [
  appsV1, batchV1, coordinationV1, eventsV1, autoscalingV1, policyV1, rbacV1, schedulingV1, authorizationV1,
];

/**
 * Messages these tables name in packages whose tables other files own. A new cross-package reference must be
 * added here on purpose, so it is checked against the owner's table when that table is reviewed.
 */
const externalOwners: Record<string, string> = {
  'meta.ObjectMeta': 'meta-v1.ts',
  'meta.LabelSelector': 'meta-v1.ts',
  'meta.LabelSelectorRequirement': 'meta-v1.ts',
  'meta.FieldSelectorRequirement': 'meta-v1.ts',
  'meta.Time': 'meta-v1.ts',
  'meta.MicroTime': 'meta-v1.ts',
  'meta.Condition': 'meta-v1.ts',
  'meta.DeleteOptions': 'meta-v1.ts',
  'runtime.RawExtension': 'runtime.ts',
  'intstr.IntOrString': 'runtime.ts',
  'core.PodTemplateSpec': 'core-v1-pod.ts',
  'core.PersistentVolumeClaim': 'core-v1-claim.ts',
  'core.ObjectReference': 'the core/v1 table of references and events',
  'core.EventSource': 'the core/v1 table of references and events',
};

const scalar = '(?:string|bytes|bool|int32|int64|double)';
const message = '(?:[a-z]+\\.)?[A-Z][A-Za-z0-9]*';
const fieldSpec = new RegExp(`^([1-9][0-9]*) (?:(${scalar}|${message})(\\[\\])?|map<string,(${scalar}|${message})>)(\\?)?(\\^)?$`);
const scalarOnly = new RegExp(`^${scalar}$`);

interface ParsedField { number: number; type: string }

function parse(spec: string): ParsedField | undefined {
  const m = fieldSpec.exec(spec);
  return m ? { number: Number(m[1]), type: m[2] ?? m[4] } : undefined;
}

const fields = tables.flatMap((table) =>
  Object.entries(table.messages).flatMap(([messageName, messageFields]) =>
    Object.entries(messageFields).map(([field, spec]) => ({ table, messageName, field, spec })),
  ),
);

function messageOf(table: ProtoPackage, name: string) {
  return table.messages[name];
}

describe('proto tables of the API groups', () => {
  it('gives each table its own package, alias and apiVersion', () => {
    for (const key of ['package', 'alias', 'apiVersion'] as const) {
      const values = tables.map((t) => t[key]);
      assert.equal(new Set(values).size, values.length, `duplicate ${key}`);
    }
    for (const t of tables) assert.match(t.package, /^k8s\.io\.api\.[a-z]+\.v1$/);
  });

  it('writes every field spec in the grammar of types.ts', () => {
    const bad = fields.filter((f) => parse(f.spec) === undefined).map((f) => `${f.messageName}.${f.field}: ${f.spec}`);
    assert.deepEqual(bad, []);
  });

  it('rejects specs outside the grammar, so the check above can fail', () => {
    for (const spec of ['01 string', '3', '3 uint32', '3 map<int32,string>', '3 map<string,string>[]', '3 meta.time', '3 string ?']) {
      assert.equal(parse(spec), undefined, spec);
    }
    assert.deepEqual(parse('7 map<string,meta.Time>'), { number: 7, type: 'meta.Time' });
    assert.deepEqual(parse('12 int32[]'), { number: 12, type: 'int32' });
  });

  it('numbers the fields of each message without repeats', () => {
    for (const table of tables) {
      for (const [name, messageFields] of Object.entries(table.messages)) {
        const numbers = Object.values(messageFields).map((s) => parse(s)?.number);
        assert.equal(new Set(numbers).size, numbers.length, `${table.alias}.${name} reuses a field number`);
      }
    }
  });

  it('lists no XList message, which the codec synthesises', () => {
    const lists = tables.flatMap((t) => Object.keys(t.messages).filter((n) => n.endsWith('List')));
    assert.deepEqual(lists, []);
  });

  it('resolves every message reference to a table here or to a named owner', () => {
    const unresolved: string[] = [];
    for (const { table, messageName, field, spec } of fields) {
      const type = parse(spec)?.type ?? '';
      if (scalarOnly.test(type)) continue;
      const dot = type.indexOf('.');
      const ownTarget = dot < 0 ? messageOf(table, type) : tables.find((t) => t.alias === type.slice(0, dot))?.messages[type.slice(dot + 1)];
      if (ownTarget === undefined && externalOwners[type] === undefined) unresolved.push(`${messageName}.${field} -> ${type}`);
    }
    assert.deepEqual(unresolved, []);
  });

  it('puts metadata first as ObjectMeta on every top-level kind', () => {
    for (const { messageName, field, spec } of fields) {
      if (field === 'metadata') assert.equal(spec, '1 meta.ObjectMeta', messageName);
    }
  });

  const spotChecks: Array<[ProtoPackage, string, string, string]> = [
    [appsV1, 'DeploymentCondition', 'lastUpdateTime', '6 meta.Time'],
    [appsV1, 'DeploymentCondition', 'lastTransitionTime', '7 meta.Time'],
    [appsV1, 'DeploymentSpec', 'replicas', '1 int32?'],
    [appsV1, 'DeploymentSpec', 'minReadySeconds', '5 int32'],
    [appsV1, 'DeploymentSpec', 'progressDeadlineSeconds', '9 int32?'],
    [appsV1, 'DaemonSetSpec', 'revisionHistoryLimit', '6 int32?'],
    [appsV1, 'DaemonSetStatus', 'conditions', '10 DaemonSetCondition[]'],
    [appsV1, 'ReplicaSetStatus', 'observedGeneration', '3 int64'],
    [appsV1, 'StatefulSetStatus', 'collisionCount', '9 int32?'],
    [appsV1, 'StatefulSetSpec', 'volumeClaimTemplates', '4 core.PersistentVolumeClaim[]'],
    [appsV1, 'ControllerRevision', 'data', '2 runtime.RawExtension'],
    [batchV1, 'JobSpec', 'successPolicy', '16 SuccessPolicy?'],
    [batchV1, 'JobSpec', 'podFailurePolicy', '11 PodFailurePolicy?'],
    [batchV1, 'JobStatus', 'terminating', '11 int32?'],
    [batchV1, 'CronJobSpec', 'timeZone', '8 string?'],
    [batchV1, 'CronJobStatus', 'lastScheduleTime', '4 meta.Time?'],
    [coordinationV1, 'LeaseSpec', 'renewTime', '4 meta.MicroTime?'],
    [eventsV1, 'Event', 'deprecatedCount', '15 int32'],
    [policyV1, 'PodDisruptionBudgetStatus', 'disruptedPods', '2 map<string,meta.Time>'],
    [policyV1, 'Eviction', 'deleteOptions', '2 meta.DeleteOptions?'],
    [rbacV1, 'PolicyRule', 'nonResourceURLs', '5 string[]'],
    [authorizationV1, 'SubjectAccessReviewStatus', 'denied', '4 bool'],
    [authorizationV1, 'SubjectAccessReviewSpec', 'extra', '5 map<string,ExtraValue>'],
  ];
  for (const [table, name, field, want] of spotChecks) {
    it(`${table.alias}.${name}.${field} is ${want}`, () => {
      assert.equal(messageOf(table, name)?.[field], want);
    });
  }
});
