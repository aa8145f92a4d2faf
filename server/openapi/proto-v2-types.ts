import protobuf from 'protobufjs';
import { GNOSTIC_MESSAGES, GNOSTIC_PACKAGE } from './proto-v2-messages.js';

function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  const namespace = root.define(GNOSTIC_PACKAGE);
  for (const [messageName, fields] of Object.entries(GNOSTIC_MESSAGES)) {
    const type = new protobuf.Type(messageName);
    for (const [fieldName, spec] of Object.entries(fields)) {
      const [id, declared] = spec.split(' ');
      const repeated = declared.endsWith('[]');
      type.add(new protobuf.Field(fieldName, Number(id), repeated ? declared.slice(0, -2) : declared, repeated ? 'repeated' : undefined));
    }
    namespace.add(type);
  }
  root.resolveAll();
  return root;
}

let root: protobuf.Root | undefined;

/** One of gnostic's `openapi.v2` messages as a protobufjs reflection type, e.g. `gnosticType('Document')`. */
export function gnosticType(name: string): protobuf.Type {
  root ??= buildRoot();
  return root.lookupType(`${GNOSTIC_PACKAGE}.${name}`);
}
