import protobuf from 'protobufjs/light.js';
import { decodeMessage } from './decode.js';
import { encodeMessage } from './encode.js';
import { ProtobufError } from './errors.js';
import type { MessagePlan } from './plan.js';
import { META_PACKAGE, RUNTIME_PACKAGE, type ProtoRegistry } from './registry.js';
import { PROTOBUF_MAGIC, type DecodeContext } from './well-known.js';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** An object decoded from an envelope, with the apiVersion and kind it was decoded as. */
export interface DecodedObject extends KindRef {
  object: Record<string, unknown>;
}

function fieldId(plan: MessagePlan, name: string): number {
  const field = plan.fields.find((f) => f.name === name);
  if (!field) throw new Error(`protobuf message ${plan.fullName} has no field ${name}`);
  return field.id;
}

/**
 * Objects ⇄ upstream's protobuf wire form: the `k8s\0` magic, then a runtime.Unknown whose typeMeta names the
 * apiVersion and kind and whose raw is the object's message (contentType and contentEncoding left empty, as
 * upstream's serializer leaves them), and watch events (a WatchEvent whose object holds such an envelope).
 */
export class ProtobufCodec {
  private readonly unknown: MessagePlan;
  private readonly watchEvent: MessagePlan;
  /** Tags of WatchEvent.type, WatchEvent.object and RawExtension.raw, all length-delimited. */
  private readonly watchTags: { type: number; object: number; raw: number };
  private readonly stored = new WeakMap<object, Buffer>();
  private readonly context: DecodeContext = { embedded: (bytes) => this.decode(bytes).object };

  constructor(readonly registry: ProtoRegistry) {
    this.unknown = registry.message(`${RUNTIME_PACKAGE}.Unknown`);
    this.watchEvent = registry.message(`${META_PACKAGE}.WatchEvent`);
    const rawExtension = registry.message(`${RUNTIME_PACKAGE}.RawExtension`);
    const tag = (plan: MessagePlan, name: string) => (fieldId(plan, name) << 3) | 2;
    this.watchTags = { type: tag(this.watchEvent, 'type'), object: tag(this.watchEvent, 'object'), raw: tag(rawExtension, 'raw') };
  }

  /** Whether objects of this apiVersion and kind have a message (every built-in kind does; Tables do not). */
  canEncode(apiVersion: unknown, kind: unknown): boolean {
    return typeof apiVersion === 'string' && typeof kind === 'string' && this.registry.messageFor(apiVersion, kind) !== undefined;
  }

  /** An object (with apiVersion and kind) in its envelope. */
  encode(obj: Record<string, unknown>): Buffer {
    const apiVersion = String(obj.apiVersion);
    const kind = String(obj.kind);
    const plan = this.registry.messageFor(apiVersion, kind);
    if (!plan) throw new Error(`no protobuf message for ${apiVersion} ${kind}`);
    const envelope = encodeMessage(
      { typeMeta: { apiVersion, kind }, raw: encodeMessage(obj, plan), contentEncoding: '', contentType: '' },
      this.unknown,
    );
    return Buffer.concat([PROTOBUF_MAGIC, envelope]);
  }

  /** Like encode, remembered for objects the store handed out (they never change): watchers share one encoding. */
  encodeStored(obj: Record<string, unknown>): Buffer {
    let bytes = this.stored.get(obj);
    if (!bytes) {
      bytes = this.encode(obj);
      this.stored.set(obj, bytes);
    }
    return bytes;
  }

  /**
   * Decodes an envelope; a missing apiVersion or kind is taken from `defaults` (what the URL expects), as upstream's
   * decoder does. Throws ProtobufError for anything that is not a well-formed object of a known kind.
   */
  decode(bytes: Uint8Array, defaults?: KindRef): DecodedObject {
    if (bytes.length < PROTOBUF_MAGIC.length || !PROTOBUF_MAGIC.equals(bytes.subarray(0, PROTOBUF_MAGIC.length))) {
      throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
    }
    if (bytes.length === PROTOBUF_MAGIC.length) throw new ProtobufError('empty body');
    const envelope = decodeMessage(bytes.subarray(PROTOBUF_MAGIC.length), this.unknown, this.context, true);
    const typeMeta = (envelope.typeMeta ?? {}) as Partial<KindRef>;
    const apiVersion = typeMeta.apiVersion || defaults?.apiVersion || '';
    const kind = typeMeta.kind || defaults?.kind || '';
    if (!kind) throw new ProtobufError(`Object 'Kind' is missing in '${JSON.stringify(typeMeta)}'`);
    if (!apiVersion) throw new ProtobufError(`Object 'apiVersion' is missing in '${JSON.stringify(typeMeta)}'`);
    const plan = this.registry.messageFor(apiVersion, kind);
    if (!plan) throw new ProtobufError(`no kind "${kind}" is registered for version "${apiVersion}"`, { apiVersion, kind });
    const raw = envelope.raw instanceof Uint8Array ? envelope.raw : new Uint8Array();
    try {
      return { apiVersion, kind, object: { apiVersion, kind, ...decodeMessage(raw, plan, this.context) } };
    } catch (err) {
      throw err instanceof ProtobufError && !err.gvk ? new ProtobufError(err.message, { apiVersion, kind }) : err;
    }
  }

  /** One watch event as upstream's raw (envelope-less) serializer writes it; its object is itself enveloped. */
  encodeWatchEvent(type: string, object: Uint8Array): Uint8Array {
    const writer = protobuf.Writer.create();
    writer.uint32(this.watchTags.type).string(type);
    writer.uint32(this.watchTags.object).fork();
    writer.uint32(this.watchTags.raw).bytes(object);
    writer.ldelim();
    return writer.finish();
  }

  /** Reads a watch event back (what a client does): its type and its object, decoded. */
  decodeWatchEvent(bytes: Uint8Array): { type: string; object: unknown } {
    const event = decodeMessage(bytes, this.watchEvent, this.context);
    return { type: String(event.type ?? ''), object: event.object };
  }
}
