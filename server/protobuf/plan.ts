import type { ScalarType } from './field-spec.js';

/** Messages whose JSON spelling is not their wire shape; the codec maps each of them by hand. */
export const WELL_KNOWN = {
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': 'microTime',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': 'duration',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': 'fieldsV1',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Verbs': 'verbs',
  'k8s.io.apimachinery.pkg.runtime.RawExtension': 'rawExtension',
  'k8s.io.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': 'intOrString',
} as const;

export type WellKnownName = (typeof WELL_KNOWN)[keyof typeof WELL_KNOWN];

/** A field as the codec walks it: where it sits on the wire and how its JSON value is spelled. */
export interface FieldPlan {
  /** The JSON key (for an inlined struct, the protobuf field name; its fields are the parent's keys). */
  name: string;
  id: number;
  /** The wire type of one value (of a map: of one map value; the entries themselves are length-delimited). */
  wireType: number;
  scalar?: ScalarType;
  message?: MessagePlan;
  repeated: boolean;
  map: boolean;
  pointer: boolean;
  inline: boolean;
}

export interface MessagePlan {
  /** Without the leading dot: `k8s.io.api.core.v1.Pod`. */
  fullName: string;
  /** In field-number order, the order Go writes them. */
  fields: FieldPlan[];
  byId: Map<number, FieldPlan>;
  wellKnown?: WellKnownName;
}
