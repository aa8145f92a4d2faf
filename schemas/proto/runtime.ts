import type { ProtoPackage } from './types.js';

/**
 * k8s.io.apimachinery.pkg.runtime: the envelope every protobuf body travels in (Unknown, after the `k8s\0` magic)
 * and the opaque embedded object (RawExtension).
 */
export const runtime: ProtoPackage = {
  package: 'k8s.io.apimachinery.pkg.runtime',
  alias: 'runtime',
  messages: {
    TypeMeta: { apiVersion: '1 string', kind: '2 string' },
    Unknown: { typeMeta: '1 TypeMeta', raw: '2 bytes', contentEncoding: '3 string', contentType: '4 string' },
    RawExtension: { raw: '1 bytes' },
  },
};

/**
 * k8s.io.apimachinery.pkg.util.intstr: `type` says which of the two values is meant (0 int, 1 string), so the
 * codec maps the JSON number-or-string to and from these three fields.
 */
export const intstr: ProtoPackage = {
  package: 'k8s.io.apimachinery.pkg.util.intstr',
  alias: 'intstr',
  messages: {
    IntOrString: { type: '1 int64', intVal: '2 int32', strVal: '3 string' },
  },
};

/** k8s.io.apimachinery.pkg.api.resource: a Quantity travels as its canonical string form. */
export const resource: ProtoPackage = {
  package: 'k8s.io.apimachinery.pkg.api.resource',
  alias: 'resource',
  messages: {
    Quantity: { string: '1 string' },
  },
};
