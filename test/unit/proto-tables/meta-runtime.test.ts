import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { metaV1 } from '../../../schemas/proto/meta-v1.js';
import { intstr, resource, runtime } from '../../../schemas/proto/runtime.js';
import type { ProtoPackage } from '../../../schemas/proto/types.js';

const byAlias = new Map<string, ProtoPackage>([metaV1, runtime, intstr, resource].map((t) => [t.alias, t]));

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

/** Whether `ref`, written inside `table`, names a message one of these tables defines. */
function resolves(table: ProtoPackage, ref: string): boolean {
  const dot = ref.indexOf('.');
  const owner = dot < 0 ? table : byAlias.get(ref.slice(0, dot));
  return owner !== undefined && ref.slice(dot + 1) in owner.messages;
}

const everyField = [...byAlias.values()].flatMap((table) =>
  Object.entries(table.messages).flatMap(([message, fields]) =>
    Object.entries(fields).map(([field, spec]) => ({ table, message, field, spec })),
  ),
);

describe('meta/v1 and runtime protobuf tables', () => {
  it('name the shared packages, which carry no kinds of their own', () => {
    assert.deepEqual(
      [...byAlias.values()].map((t) => [t.alias, t.package, t.apiVersion]),
      [
        ['meta', 'k8s.io.apimachinery.pkg.apis.meta.v1', undefined],
        ['runtime', 'k8s.io.apimachinery.pkg.runtime', undefined],
        ['intstr', 'k8s.io.apimachinery.pkg.util.intstr', undefined],
        ['resource', 'k8s.io.apimachinery.pkg.api.resource', undefined],
      ],
    );
  });

  it('write every field spec in the table grammar', () => {
    const bad = everyField.filter(({ spec }) => !parseSpec(spec)).map((f) => `${f.message}.${f.field}: ${f.spec}`);
    assert.deepEqual(bad, []);
  });

  it('give each field of a message its own number', () => {
    for (const table of byAlias.values()) {
      for (const [message, fields] of Object.entries(table.messages)) {
        const numbers = Object.values(fields).map((spec) => parseSpec(spec)?.number);
        assert.equal(new Set(numbers).size, numbers.length, `${table.alias}.${message} reuses a field number`);
      }
    }
  });

  it('reference only messages the shared tables define', () => {
    const dangling = everyField
      .map((f) => ({ ...f, ref: messageRef(parseSpec(f.spec)?.type ?? '') }))
      .filter((f) => f.ref !== undefined && !resolves(f.table, f.ref))
      .map((f) => `${f.table.alias}.${f.message}.${f.field} -> ${f.ref}`);
    assert.deepEqual(dangling, []);
  });

  it('define every shared type the group tables reference', () => {
    const usedElsewhere = [
      'meta.ObjectMeta', 'meta.ListMeta', 'meta.LabelSelector', 'meta.LabelSelectorRequirement',
      'meta.FieldSelectorRequirement', 'meta.Time', 'meta.MicroTime', 'meta.Condition', 'meta.DeleteOptions',
      'runtime.RawExtension', 'intstr.IntOrString', 'resource.Quantity',
    ];
    assert.deepEqual(usedElsewhere.filter((ref) => !resolves(metaV1, ref)), []);
  });

  it('carry the field numbers and pointer-ness upstream gives', () => {
    const expected: [ProtoPackage, string, string, string][] = [
      [metaV1, 'ObjectMeta', 'labels', '11 map<string,string>'],
      [metaV1, 'ObjectMeta', 'deletionGracePeriodSeconds', '10 int64?'],
      [metaV1, 'ObjectMeta', 'managedFields', '17 ManagedFieldsEntry[]'],
      [metaV1, 'ObjectMeta', 'generation', '7 int64'],
      [metaV1, 'OwnerReference', 'apiVersion', '5 string'],
      [metaV1, 'OwnerReference', 'uid', '4 string'],
      [metaV1, 'OwnerReference', 'controller', '6 bool?'],
      [metaV1, 'ListMeta', 'remainingItemCount', '4 int64?'],
      [metaV1, 'ManagedFieldsEntry', 'fieldsV1', '7 FieldsV1?'],
      [metaV1, 'FieldsV1', 'Raw', '1 bytes'],
      [metaV1, 'TypeMeta', 'kind', '1 string'],
      [metaV1, 'Status', 'details', '5 StatusDetails?'],
      [metaV1, 'StatusDetails', 'uid', '6 string'],
      [metaV1, 'StatusCause', 'reason', '1 string'],
      [metaV1, 'DeleteOptions', 'propagationPolicy', '4 string?'],
      [metaV1, 'ListOptions', 'sendInitialEvents', '11 bool?'],
      [metaV1, 'ListOptions', 'allowWatchBookmarks', '9 bool'],
      [metaV1, 'PatchOptions', 'force', '2 bool?'],
      [metaV1, 'UpdateOptions', 'fieldValidation', '3 string'],
      [metaV1, 'APIResource', 'singularName', '6 string'],
      [metaV1, 'APIResource', 'verbs', '4 Verbs'],
      [metaV1, 'WatchEvent', 'object', '2 runtime.RawExtension'],
      [metaV1, 'Condition', 'observedGeneration', '3 int64'],
      [runtime, 'TypeMeta', 'apiVersion', '1 string'],
      [runtime, 'Unknown', 'raw', '2 bytes'],
      [runtime, 'Unknown', 'contentType', '4 string'],
      [intstr, 'IntOrString', 'strVal', '3 string'],
      [resource, 'Quantity', 'string', '1 string'],
    ];
    for (const [table, message, field, spec] of expected) {
      assert.equal(table.messages[message]?.[field], spec, `${table.alias}.${message}.${field}`);
    }
  });
});
