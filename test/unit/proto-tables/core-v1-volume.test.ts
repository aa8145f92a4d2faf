import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coreV1Volume } from '../../../schemas/proto/core-v1-volume.js';
import { coreV1Claim } from '../../../schemas/proto/core-v1-claim.js';
import type { ProtoPackage } from '../../../schemas/proto/types.js';

const tables: readonly ProtoPackage[] = [coreV1Volume, coreV1Claim];

/** Core messages these tables reference but the pod tables own (core-v1-pod.ts, core-v1-container.ts). */
const ownedByPodTables = new Set(['LocalObjectReference', 'ObjectFieldSelector', 'ResourceFieldSelector']);
/** Packages of shared types the meta/runtime tables describe. */
const sharedAliases = new Set(['meta', 'resource', 'runtime', 'intstr']);

const SCALAR = '(?:string|bytes|bool|int32|int64|double)';
const MESSAGE = '(?:[a-z]+\\.)?[A-Z][A-Za-z0-9]*';
const FIELD_SPEC = new RegExp(`^([1-9][0-9]*) (${SCALAR}|${MESSAGE}|map<string,(?:${SCALAR}|${MESSAGE})>)(\\[\\])?(\\?)?(\\^)?$`);

interface ParsedField {
  number: number;
  type: string;
}

function parseSpec(spec: string): ParsedField | undefined {
  const match = FIELD_SPEC.exec(spec);
  return match ? { number: Number(match[1]), type: match[2] } : undefined;
}

/** The message names a field type mentions: the value of a map, or the type itself. */
function messageRefs(type: string): string[] {
  const inner = type.startsWith('map<') ? type.slice('map<string,'.length, -1) : type;
  return new RegExp(`^${SCALAR}$`).test(inner) ? [] : [inner];
}

const allMessages = new Map<string, Readonly<Record<string, string>>>();
for (const table of tables) for (const [name, fields] of Object.entries(table.messages)) allMessages.set(name, fields);

const everyField = [...allMessages].flatMap(([message, fields]) =>
  Object.entries(fields).map(([field, spec]) => ({ message, field, spec })),
);

describe('core/v1 volume and claim protobuf tables', () => {
  it('belong to the core/v1 package', () => {
    for (const table of tables) {
      assert.equal(table.package, 'k8s.io.api.core.v1');
      assert.equal(table.alias, 'core');
      assert.equal(table.apiVersion, 'v1');
    }
  });

  it('define each message once and no List messages', () => {
    const names = tables.flatMap((t) => Object.keys(t.messages));
    assert.equal(new Set(names).size, names.length, 'a message is defined in two tables');
    assert.deepEqual(
      names.filter((n) => n.endsWith('List')),
      [],
    );
  });

  it('write every field spec in the table grammar', () => {
    const bad = everyField.filter(({ spec }) => !parseSpec(spec)).map((f) => `${f.message}.${f.field}: ${f.spec}`);
    assert.deepEqual(bad, []);
  });

  it('never reuse a field number within a message', () => {
    for (const [message, fields] of allMessages) {
      const numbers = Object.values(fields).map((spec) => parseSpec(spec)?.number);
      assert.equal(new Set(numbers).size, numbers.length, `${message} repeats a field number`);
    }
  });

  it('reference only messages that some table defines', () => {
    const missing: string[] = [];
    for (const { message, field, spec } of everyField) {
      const parsed = parseSpec(spec);
      if (!parsed) continue;
      for (const ref of messageRefs(parsed.type)) {
        const [alias, name] = ref.includes('.') ? ref.split('.') : [undefined, ref];
        const known = alias ? sharedAliases.has(alias) : allMessages.has(name) || ownedByPodTables.has(name);
        if (!known) missing.push(`${message}.${field} -> ${ref}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  const spotChecks: [message: string, field: string, spec: string][] = [
    ['Volume', 'volumeSource', '2 VolumeSource^'],
    ['VolumeSource', 'portworxVolume', '24 PortworxVolumeSource?'],
    ['VolumeSource', 'projected', '26 ProjectedVolumeSource?'],
    ['VolumeSource', 'image', '30 ImageVolumeSource?'],
    ['HostPathVolumeSource', 'type', '2 string?'],
    ['ISCSIVolumeSource', 'secretRef', '10 LocalObjectReference?'],
    ['ISCSIVolumeSource', 'chapAuthSession', '11 bool'],
    ['ConfigMapVolumeSource', 'optional', '4 bool?'],
    ['SecretProjection', 'optional', '4 bool?'],
    ['ClusterTrustBundleProjection', 'optional', '5 bool?'],
    ['ServiceAccountTokenProjection', 'expirationSeconds', '2 int64?'],
    ['PersistentVolumeClaimSpec', 'selector', '4 meta.LabelSelector?'],
    ['PersistentVolumeClaimSpec', 'storageClassName', '5 string?'],
    ['PersistentVolumeClaimStatus', 'allocatedResourceStatuses', '7 map<string,string>'],
    ['VolumeResourceRequirements', 'requests', '2 map<string,resource.Quantity>'],
  ];
  for (const [message, field, spec] of spotChecks) {
    it(`carries upstream's ${message}.${field}`, () => {
      assert.equal(allMessages.get(message)?.[field], spec);
    });
  }

  it('reject a malformed spec (the grammar check is not vacuous)', () => {
    for (const spec of ['VolumeSource', '0 string', '3 uint32', '2 map<int32,string>', '1 string?[]', '4 meta.']) {
      assert.equal(parseSpec(spec), undefined, spec);
    }
  });
});
