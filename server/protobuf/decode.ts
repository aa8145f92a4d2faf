import protobuf from 'protobufjs/light.js';
import { asProtobufError, ProtobufError } from './errors.js';
import type { FieldPlan, MessagePlan } from './plan.js';
import { WELL_KNOWN_CODECS, type DecodeContext } from './well-known.js';

const MAX_DEPTH = 100;

type Reader = protobuf.Reader;
type Fields = Record<string, unknown>;

/**
 * Decodes a message into the JSON object the JSON path would hold: well-known messages become their JSON
 * spelling, bytes base64, int64 numbers, inlined structs merge into their parent, and non-pointer zero scalars
 * (which Go writes for every unset field) are left out. `raw` keeps zeros and bytes as they are (envelopes).
 */
export function decodeMessage(bytes: Uint8Array, plan: MessagePlan, ctx: DecodeContext, raw = false): Fields {
  const reader = protobuf.Reader.create(bytes);
  try {
    return readMessage(reader, bytes.length, plan, ctx, 0, raw);
  } catch (err) {
    throw asProtobufError(err);
  }
}

function expectWireType(field: FieldPlan, wireType: number, expected: number): void {
  if (wireType !== expected) throw new ProtobufError(`proto: wrong wireType = ${wireType} for field ${field.name}`);
}

/** Where a length-delimited value ends, checked against the bytes there are. */
function delimitedEnd(reader: Reader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) throw new ProtobufError('unexpected EOF');
  return end;
}

function checkEnd(reader: Reader, end: number): void {
  if (reader.pos !== end) throw new ProtobufError('unexpected EOF');
}

function isZero(field: FieldPlan, value: unknown): boolean {
  if (field.message) return field.message.wellKnown ? (WELL_KNOWN_CODECS[field.message.wellKnown].isZero?.(value) ?? false) : false;
  return value === '' || value === 0 || value === false;
}

function setKey(target: Fields, key: string, value: unknown): void {
  // A map key of "__proto__" is data, not the object's prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function readMessage(reader: Reader, end: number, plan: MessagePlan, ctx: DecodeContext, depth: number, raw: boolean): Fields {
  if (depth > MAX_DEPTH) throw new ProtobufError('proto: message nested too deeply');
  const out: Fields = {};
  let inlined: Fields[] | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wireType = tag & 7;
    if (id === 0) throw new ProtobufError(`proto: illegal tag 0 (wire type ${wireType})`);
    const field = plan.byId.get(id);
    if (!field) {
      reader.skipType(wireType);
      continue;
    }
    if (field.map) {
      expectWireType(field, wireType, 2);
      readMapEntry(reader, field, (out[field.name] ??= {}) as Fields, ctx, depth);
      continue;
    }
    if (field.repeated && field.wireType !== 2 && wireType === 2) {
      readPacked(reader, field, (out[field.name] ??= []) as unknown[], ctx, depth);
      continue;
    }
    expectWireType(field, wireType, field.wireType);
    const value = readValue(reader, field, ctx, depth, raw);
    if (field.repeated) {
      if (value !== undefined) ((out[field.name] ??= []) as unknown[]).push(value);
    } else if (field.inline) {
      (inlined ??= []).push(value as Fields);
    } else if (value === undefined || (!raw && !field.pointer && isZero(field, value))) {
      delete out[field.name];
    } else {
      out[field.name] = value;
    }
  }
  checkEnd(reader, end);
  // The parent's own fields win over an embedded struct's, as Go's JSON does for shadowed names.
  for (const fields of inlined ?? []) {
    for (const [key, value] of Object.entries(fields)) if (!Object.hasOwn(out, key)) out[key] = value;
  }
  return out;
}

function readValue(reader: Reader, field: FieldPlan, ctx: DecodeContext, depth: number, raw: boolean): unknown {
  const message = field.message;
  if (message) {
    const end = delimitedEnd(reader);
    if (!message.wellKnown) return readMessage(reader, end, message, ctx, depth + 1, false);
    return WELL_KNOWN_CODECS[message.wellKnown].toJson(readMessage(reader, end, message, ctx, depth + 1, true), ctx);
  }
  switch (field.scalar) {
    case 'string':
      return reader.string();
    case 'bytes': {
      const bytes = reader.bytes();
      return raw ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
    }
    case 'bool':
      return reader.bool();
    case 'int32':
      return reader.int32();
    case 'int64':
      return protobuf.util.LongBits.from(reader.int64()).toNumber(false);
    default:
      return reader.double();
  }
}

function readPacked(reader: Reader, field: FieldPlan, list: unknown[], ctx: DecodeContext, depth: number): void {
  const end = delimitedEnd(reader);
  while (reader.pos < end) list.push(readValue(reader, field, ctx, depth, false));
  checkEnd(reader, end);
}

/** The value a map entry without one has: Go's zero value of the type. */
function zeroValue(field: FieldPlan, ctx: DecodeContext): unknown {
  const message = field.message;
  if (message) return message.wellKnown ? WELL_KNOWN_CODECS[message.wellKnown].toJson({}, ctx) : {};
  return field.scalar === 'string' || field.scalar === 'bytes' ? '' : field.scalar === 'bool' ? false : 0;
}

function readMapEntry(reader: Reader, field: FieldPlan, map: Fields, ctx: DecodeContext, depth: number): void {
  const end = delimitedEnd(reader);
  let key = '';
  let value: unknown;
  let hasValue = false;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const wireType = tag & 7;
    if (tag >>> 3 === 1) {
      expectWireType(field, wireType, 2);
      key = reader.string();
    } else if (tag >>> 3 === 2) {
      expectWireType(field, wireType, field.wireType);
      value = readValue(reader, field, ctx, depth, false);
      hasValue = true;
    } else {
      reader.skipType(wireType);
    }
  }
  checkEnd(reader, end);
  if (!hasValue) value = zeroValue(field, ctx);
  if (value !== undefined) setKey(map, key, value);
}
