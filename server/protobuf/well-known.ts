import { formatDuration, parseDuration } from './duration.js';
import { ProtobufError } from './errors.js';
import type { WellKnownName } from './plan.js';
import { formatMicroTime, formatTime, parseTimestamp } from './time.js';

/** The `k8s\0` magic: an embedded object that is itself a protobuf envelope rather than JSON. */
export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export interface DecodeContext {
  /** Decodes an enveloped object found inside another (a RawExtension holding protobuf). */
  embedded(bytes: Uint8Array): unknown;
}

type Fields = Record<string, unknown>;

/** How one well-known message maps between its wire fields (zeros kept, bytes raw) and its JSON value. */
export interface WellKnownCodec {
  /** The JSON value; undefined where JSON has none (a zero Time, an empty RawExtension). */
  toJson(fields: Fields, ctx: DecodeContext): unknown;
  /** The wire fields of a JSON value; undefined when the value cannot be written (nothing is sent). */
  fromJson(value: unknown): Fields | undefined;
  /** The zero value a non-pointer field leaves out, like a zero scalar. */
  isZero?(value: unknown): boolean;
}

const has = (fields: Fields, name: string) => Object.hasOwn(fields, name);
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

function isMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && PROTOBUF_MAGIC.equals(bytes.subarray(0, 4));
}

function parseEmbeddedJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ProtobufError(`${what} does not hold JSON`);
  }
}

const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value));

export const WELL_KNOWN_CODECS: Record<WellKnownName, WellKnownCodec> = {
  // Upstream's Time carries whole seconds both ways; an empty message is the zero Time, which JSON writes as null.
  time: {
    toJson: (f) => (has(f, 'seconds') || has(f, 'nanos') ? formatTime(num(f.seconds)) : undefined),
    fromJson: (v) => {
      const ts = typeof v === 'string' ? parseTimestamp(v) : undefined;
      return ts && { seconds: ts.seconds };
    },
  },
  microTime: {
    toJson: (f) => (has(f, 'seconds') || has(f, 'nanos') ? formatMicroTime({ seconds: num(f.seconds), nanos: num(f.nanos) }) : undefined),
    fromJson: (v) => (typeof v === 'string' ? parseTimestamp(v) : undefined) as Fields | undefined,
  },
  duration: {
    toJson: (f) => formatDuration(num(f.duration)),
    fromJson: (v) => {
      const nanos = typeof v === 'string' ? parseDuration(v) : undefined;
      return nanos === undefined ? undefined : { duration: nanos };
    },
    isZero: (v) => v === '0s',
  },
  fieldsV1: {
    toJson: (f) => (f.Raw instanceof Uint8Array && f.Raw.length > 0 ? parseEmbeddedJson(f.Raw, 'FieldsV1') : undefined),
    fromJson: (v) => (v === undefined || v === null ? undefined : { Raw: jsonBytes(v) }),
  },
  verbs: {
    toJson: (f) => (Array.isArray(f.items) ? f.items : []),
    fromJson: (v) => (Array.isArray(v) ? { items: v } : undefined),
  },
  // Upstream keeps whatever bytes a client sent; JSON ones are shown as they are, enveloped protobuf decoded.
  rawExtension: {
    toJson: (f, ctx) => {
      const raw = f.raw;
      if (!(raw instanceof Uint8Array) || raw.length === 0) return undefined;
      return isMagic(raw) ? ctx.embedded(raw) : parseEmbeddedJson(raw, 'RawExtension');
    },
    fromJson: (v) => (v === undefined || v === null ? undefined : { raw: jsonBytes(v) }),
  },
  quantity: {
    toJson: (f) => (typeof f.string === 'string' && f.string !== '' ? f.string : '0'),
    fromJson: (v) => (typeof v === 'string' || typeof v === 'number' ? { string: String(v) } : undefined),
  },
  // type 0 is an int, 1 a string; Go writes all three fields whatever the type.
  intOrString: {
    toJson: (f) => (f.type === 1 ? (typeof f.strVal === 'string' ? f.strVal : '') : num(f.intVal)),
    fromJson: (v) => {
      if (typeof v === 'number') return { type: 0, intVal: v };
      return typeof v === 'string' ? { type: 1, strVal: v } : undefined;
    },
    isZero: (v) => v === 0,
  },
};
