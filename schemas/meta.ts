import { Type, type Static, type TSchema, type TObject, type TProperties, type ObjectOptions } from '@sinclair/typebox';

/**
 * Schema conventions shared by every kind:
 * - A TypeBox object whose fields are all modelled is built with `Strict(...)` (additionalProperties: false); the
 *   store drops or rejects unknown fields there according to `fieldValidation`. Objects built with plain
 *   `Type.Object` keep whatever the client sent.
 * - Lists carry upstream's strategic-merge metadata as schema options (`x-kubernetes-patch-strategy`,
 *   `x-kubernetes-patch-merge-key`, `x-kubernetes-list-type`), which the patch module and OpenAPI read.
 */
export function Strict<T extends TProperties>(properties: T, options: ObjectOptions = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

export function MergeList<T extends TSchema>(item: T, mergeKey: string, options: object = {}) {
  return Type.Array(item, {
    ...options,
    'x-kubernetes-patch-strategy': 'merge',
    'x-kubernetes-patch-merge-key': mergeKey,
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': [mergeKey],
  });
}

/**
 * The key of a map field. `Type.Record(Type.String(), …)` checks only keys matching `^(.*)$`, so a key holding a
 * newline would escape the value check entirely; Kubernetes map keys may hold anything until validation judges them.
 */
export const MapKey = Type.String({ pattern: '^[\\s\\S]*$' });
export const StringMap = Type.Record(MapKey, Type.String());
export const Time = Type.String({ format: 'date-time' });
export const Quantity = Type.Union([Type.String(), Type.Number()]);
export const IntOrString = Type.Union([Type.Integer(), Type.String()]);
export const ResourceList = Type.Record(MapKey, Quantity);

export const OwnerReference = Strict({
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  uid: Type.String(),
  controller: Type.Optional(Type.Boolean()),
  blockOwnerDeletion: Type.Optional(Type.Boolean()),
});
export type OwnerReference = Static<typeof OwnerReference>;

export const ManagedFieldsEntry = Type.Object({
  manager: Type.Optional(Type.String()),
  operation: Type.Optional(Type.String()),
  apiVersion: Type.Optional(Type.String()),
  time: Type.Optional(Time),
  fieldsType: Type.Optional(Type.String()),
  fieldsV1: Type.Optional(Type.Unknown()),
  subresource: Type.Optional(Type.String()),
});

export const ObjectMeta = Strict({
  name: Type.Optional(Type.String()),
  generateName: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  selfLink: Type.Optional(Type.String()),
  uid: Type.Optional(Type.String()),
  resourceVersion: Type.Optional(Type.String()),
  generation: Type.Optional(Type.Integer()),
  creationTimestamp: Type.Optional(Type.Union([Time, Type.Null()])),
  deletionTimestamp: Type.Optional(Type.Union([Time, Type.Null()])),
  deletionGracePeriodSeconds: Type.Optional(Type.Integer()),
  labels: Type.Optional(StringMap),
  annotations: Type.Optional(StringMap),
  ownerReferences: Type.Optional(MergeList(OwnerReference, 'uid')),
  finalizers: Type.Optional(
    Type.Array(Type.String(), { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' }),
  ),
  managedFields: Type.Optional(Type.Array(ManagedFieldsEntry)),
});
export type ObjectMeta = Static<typeof ObjectMeta>;

export const LabelSelectorRequirement = Strict({
  key: Type.String(),
  operator: Type.String(),
  values: Type.Optional(Type.Array(Type.String())),
});

export const LabelSelector = Strict({
  matchLabels: Type.Optional(StringMap),
  matchExpressions: Type.Optional(Type.Array(LabelSelectorRequirement)),
});
export type LabelSelector = Static<typeof LabelSelector>;

export const ListMeta = Type.Object({
  resourceVersion: Type.Optional(Type.String()),
  continue: Type.Optional(Type.String()),
  remainingItemCount: Type.Optional(Type.Integer()),
});

/** Any stored object: what the generic store handles before a strategy casts it to its kind's static type. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** The object envelope every top-level kind shares; `fields` adds spec/status/data… */
export function TopLevel<T extends TProperties>(fields: T) {
  return Strict({
    apiVersion: Type.Optional(Type.String()),
    kind: Type.Optional(Type.String()),
    metadata: Type.Optional(ObjectMeta),
    ...fields,
  });
}
