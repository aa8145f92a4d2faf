import protobuf from 'protobufjs/light.js';
import { isPlainObject } from '../registry/json-value.js';
import type { ScalarType } from './field-spec.js';
import type { FieldPlan, MessagePlan } from './plan.js';
import { WELL_KNOWN_CODECS } from './well-known.js';

type Writer = protobuf.Writer;
type Fields = Record<string, unknown>;

/**
 * Encodes a JSON object as a message the way Go's generated marshallers lay it out (fields in number order, map
 * keys sorted, repeated scalars unpacked). Values of the wrong JSON type for their field (specs are kept as given)
 * are converted where Go's JSON decoding would have produced a value, and otherwise left out.
 */
export function encodeMessage(value: Fields, plan: MessagePlan): Uint8Array {
  const writer = protobuf.Writer.create();
  writeFields(writer, value, plan);
  return writer.finish();
}

function writeFields(writer: Writer, value: Fields, plan: MessagePlan): void {
  for (const field of plan.fields) {
    if (field.inline) {
      // An embedded struct's fields are the parent's JSON keys; on the wire they are one nested message.
      writer.uint32((field.id << 3) | 2).fork();
      writeFields(writer, value, field.message!);
      writer.ldelim();
      continue;
    }
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    if (field.map) {
      if (isPlainObject(v)) for (const key of Object.keys(v).sort()) writeMapEntry(writer, field, key, v[key]);
    } else if (field.repeated) {
      if (Array.isArray(v)) for (const item of v) writeValue(writer, field.id, field, item);
    } else {
      writeValue(writer, field.id, field, v);
    }
  }
}

function writeMapEntry(writer: Writer, field: FieldPlan, key: string, value: unknown): void {
  writer.uint32((field.id << 3) | 2).fork();
  writer.uint32((1 << 3) | 2).string(key);
  writeValue(writer, 2, field, value);
  writer.ldelim();
}

function messageFields(plan: MessagePlan, value: unknown): Fields | undefined {
  if (plan.wellKnown) return WELL_KNOWN_CODECS[plan.wellKnown].fromJson(value);
  return isPlainObject(value) ? value : undefined;
}

function writeValue(writer: Writer, id: number, field: FieldPlan, value: unknown): void {
  if (value === undefined || value === null) return;
  if (field.message) {
    const fields = messageFields(field.message, value);
    if (!fields) return;
    writer.uint32((id << 3) | 2).fork();
    writeFields(writer, fields, field.message);
    writer.ldelim();
    return;
  }
  const scalar = field.scalar!;
  const coerced = coerce(scalar, value);
  if (coerced === undefined) return;
  writer.uint32((id << 3) | field.wireType);
  writeScalar(writer, scalar, coerced);
}

function coerce(scalar: ScalarType, value: unknown): string | number | boolean | Uint8Array | undefined {
  switch (scalar) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'bytes':
      if (value instanceof Uint8Array) return value;
      return typeof value === 'string' ? Buffer.from(value, 'base64') : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    default:
      if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
  }
}

function writeScalar(writer: Writer, scalar: ScalarType, value: string | number | boolean | Uint8Array): void {
  switch (scalar) {
    case 'string':
      writer.string(value as string);
      break;
    case 'bytes':
      writer.bytes(value as Uint8Array);
      break;
    case 'bool':
      writer.bool(value as boolean);
      break;
    case 'int32':
      writer.int32(value as number);
      break;
    case 'int64':
      writer.int64(value as number);
      break;
    default:
      writer.double(value as number);
  }
}
