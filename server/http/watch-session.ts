import type { KubeObject } from '../../schemas/meta.js';
import type { Predicate } from '../registry/predicate.js';
import type { ResourceDef } from '../registry/resource.js';
import type { ChangeEvent } from '../storage/watch-hub.js';
import type { Status } from '../errors.js';
import { lengthPrefixed } from '../protobuf/frames.js';
import { protobufCodec } from '../protobuf/index.js';
import { toJson } from '../registry/serialized.js';

const TOO_SLOW: Status = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'watch closed: the client did not keep up with the event stream; relist and watch again',
  reason: 'Expired',
  code: 410,
};

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** One serialised event: a line of JSON, or protobuf bytes. */
export type WatchChunk = string | Buffer;

/** Where a watch writes its events: a chunked HTTP response or a WebSocket. */
export interface WatchSink {
  /** Sends one serialised event; returns the bytes now queued and not yet taken by the client. */
  send(event: WatchChunk): number;
  /** Calls back once the client has taken most of what was queued. */
  whenDrained(callback: () => void): void;
  end(): void;
}

/** How a watch serialises its events, in the format the client negotiated. */
export interface WatchEncoder {
  /** An event about a stored object (which a Table watch renders as a row). */
  object(type: WatchEventType, obj: KubeObject): WatchChunk;
  /** A BOOKMARK or ERROR, whose object is made for the event. */
  control(type: WatchEventType, obj: object): WatchChunk;
}

export interface WatchSessionOptions {
  def: ResourceDef;
  predicate: Predicate;
  sink: WatchSink;
  /** Close a watcher whose unsent backlog exceeds this many bytes: it must relist, as upstream's cacher forces. */
  maxBacklogBytes: number;
  bookmarks: boolean;
  encoder: WatchEncoder;
}

/** An object as it goes into an event: the text the store already serialised when it wrote the change. */
export const objectJson = (obj: KubeObject): string => toJson(obj);

export function eventLine(type: WatchEventType, objectText: string): string {
  return `{"type":"${type}","object":${objectText}}\n`;
}

/** JSON lines; `render` writes a stored object (as itself, or as a one-row Table). */
export function jsonWatchEncoder(render: (obj: KubeObject) => string = objectJson): WatchEncoder {
  return {
    object: (type, obj) => eventLine(type, render(obj)),
    control: (type, obj) => eventLine(type, JSON.stringify(obj)),
  };
}

/**
 * Protobuf WatchEvents whose object is an enveloped object (`k8s\0` + Unknown), as upstream's raw stream
 * serializer writes them; length-prefixed on HTTP, one per message on a WebSocket (which frames them itself).
 */
export function protobufWatchEncoder(framed: boolean): WatchEncoder {
  const codec = protobufCodec();
  const chunk = (type: WatchEventType, envelope: Uint8Array) => {
    const event = codec.encodeWatchEvent(type, envelope);
    return framed ? lengthPrefixed(event) : Buffer.from(event);
  };
  return {
    object: (type, obj) => chunk(type, codec.encodeStored(obj)),
    control: (type, obj) => chunk(type, codec.encode(obj as Record<string, unknown>)),
  };
}

/**
 * One watcher: translates committed changes into the events its selectors let through (an object leaving the
 * selection is DELETED, one entering it ADDED, as upstream's cacher does), with a bounded backlog.
 */
export class WatchSession {
  private closed = false;
  /**
   * Bytes allowed in the backlog beyond the limit: the initial state or the replay from the log, written at once
   * before live events, which the limit is not meant to cut short.
   */
  private initialAllowance = 0;
  private replaying = false;
  /** Live events that arrive while the initial state is still being written wait here, in order. */
  private held: WatchChunk[] | undefined;
  private heldBytes = 0;
  private heldRv = 0;
  lastRv = 0;

  constructor(private readonly options: WatchSessionOptions, private readonly onClose: () => void) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * A synthetic ADDED for the initial state; the backlog limit applies only to what comes after it. Returns the
   * bytes queued for the client, so the initial state can wait for it to read.
   */
  sendInitial(obj: KubeObject, rv: number): number {
    this.lastRv = Math.max(this.lastRv, rv);
    if (this.closed || !this.options.predicate.matches(obj)) return 0;
    const chunk = this.options.encoder.object('ADDED', obj);
    this.initialAllowance += Buffer.byteLength(chunk);
    return this.options.sink.send(chunk);
  }

  /** From now until `release`, live events are held back: the initial state is still being written. */
  hold(): void {
    this.held = [];
  }

  /** The initial state is written: `first` (the initial-events-end bookmark) goes out, then the held events. */
  release(first?: () => void): void {
    const held = this.held ?? [];
    this.held = undefined;
    this.heldBytes = 0;
    first?.();
    this.lastRv = Math.max(this.lastRv, this.heldRv);
    for (const chunk of held) this.emit(chunk);
  }

  whenDrained(callback: () => void): void {
    if (!this.closed) this.options.sink.whenDrained(callback);
  }

  /** An event replayed from the log when the watch starts: like the initial state, outside the backlog limit. */
  deliverReplayed(event: ChangeEvent): void {
    this.replaying = true;
    try {
      this.deliver(event);
    } finally {
      this.replaying = false;
    }
  }

  deliver(event: ChangeEvent): void {
    if (this.closed || event.rv <= this.lastRv || event.rv <= this.heldRv) return;
    // A held event's revision counts only once it is sent, after the initial state it follows.
    if (this.held) this.heldRv = event.rv;
    else this.lastRv = event.rv;
    const { predicate } = this.options;
    const now = predicate.matches(event.object);
    if (event.type === 'ADDED') {
      if (now) this.emitObject('ADDED', event.object);
      return;
    }
    const before = predicate.empty || predicate.matches(event.previous);
    if (event.type === 'DELETED') {
      if (before || now) this.emitObject('DELETED', event.object);
      return;
    }
    if (before && now) this.emitObject('MODIFIED', event.object);
    else if (now) this.emitObject('ADDED', event.object);
    else if (before) this.emitObject('DELETED', event.object);
  }

  bookmark(rv: number, annotations?: Record<string, string>): void {
    if (!this.options.bookmarks) return;
    const metadata: Record<string, unknown> = { resourceVersion: String(Math.max(rv, this.lastRv)) };
    if (annotations) metadata.annotations = annotations;
    const { def } = this.options;
    this.emit(this.options.encoder.control('BOOKMARK', { kind: def.kind, apiVersion: def.apiVersion, metadata }));
  }

  error(status: Status): void {
    // The client relists after an error: events held behind an unfinished initial state are not wanted.
    this.held = undefined;
    this.emit(this.options.encoder.control('ERROR', status));
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.options.sink.end();
  }

  private emitObject(type: WatchEventType, obj: KubeObject): void {
    if (!this.closed) this.emit(this.options.encoder.object(type, obj));
  }

  private emit(chunk: WatchChunk): void {
    if (this.closed) return;
    if (this.held) {
      this.held.push(chunk);
      this.heldBytes += Buffer.byteLength(chunk);
      if (this.heldBytes > this.options.maxBacklogBytes) {
        this.held = undefined;
        this.options.sink.send(this.options.encoder.control('ERROR', TOO_SLOW));
        this.close();
      }
      return;
    }
    if (this.replaying) this.initialAllowance += Buffer.byteLength(chunk);
    const backlog = this.options.sink.send(chunk);
    if (backlog > this.options.maxBacklogBytes + this.initialAllowance) {
      // The client will read this after its backlog, then relist; nothing more is queued for it.
      this.options.sink.send(this.options.encoder.control('ERROR', TOO_SLOW));
      this.close();
    }
  }
}
