import type { KubeObject } from '../../schemas/meta.js';
import type { Predicate } from '../registry/predicate.js';
import type { ResourceDef } from '../registry/resource.js';
import type { ChangeEvent } from '../storage/watch-hub.js';
import type { Status } from '../errors.js';
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

/** Where a watch writes its events: a chunked HTTP response or a WebSocket. */
export interface WatchSink {
  /** Sends one serialised event; returns the bytes now queued and not yet taken by the client. */
  send(event: string): number;
  end(): void;
}

export interface WatchSessionOptions {
  def: ResourceDef;
  predicate: Predicate;
  sink: WatchSink;
  /** Close a watcher whose unsent backlog exceeds this many bytes: it must relist, as upstream's cacher forces. */
  maxBacklogBytes: number;
  bookmarks: boolean;
  /** How an object is written into an event; JSON of the object itself unless the client asked for Tables. */
  render?: (obj: KubeObject) => string;
}

/** An object as it goes into an event: the text the store already serialised when it wrote the change. */
export const objectJson = (obj: KubeObject): string => toJson(obj);

export function eventLine(type: WatchEventType, objectText: string): string {
  return `{"type":"${type}","object":${objectText}}\n`;
}

/**
 * One watcher: translates committed changes into the events its selectors let through (an object leaving the
 * selection is DELETED, one entering it ADDED, as upstream's cacher does), with a bounded backlog.
 */
export class WatchSession {
  private closed = false;
  /** Bytes of the initial state still allowed in the backlog: a list's worth, written at once before live events. */
  private initialAllowance = 0;
  lastRv = 0;

  private readonly render: (obj: KubeObject) => string;

  constructor(private readonly options: WatchSessionOptions, private readonly onClose: () => void) {
    this.render = options.render ?? objectJson;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** A synthetic ADDED for the initial state; the backlog limit applies only to what comes after it. */
  sendInitial(obj: KubeObject, rv: number): void {
    if (this.options.predicate.matches(obj)) {
      const line = eventLine('ADDED', this.render(obj));
      this.initialAllowance += Buffer.byteLength(line);
      this.options.sink.send(line);
    }
    this.lastRv = Math.max(this.lastRv, rv);
  }

  deliver(event: ChangeEvent): void {
    if (this.closed || event.rv <= this.lastRv) return;
    this.lastRv = event.rv;
    const { predicate } = this.options;
    const now = predicate.matches(event.object);
    if (event.type === 'ADDED') {
      if (now) this.emit('ADDED', this.render(event.object));
      return;
    }
    const before = predicate.empty || predicate.matches(event.previous);
    if (event.type === 'DELETED') {
      if (before || now) this.emit('DELETED', this.render(event.object));
      return;
    }
    if (before && now) this.emit('MODIFIED', this.render(event.object));
    else if (now) this.emit('ADDED', this.render(event.object));
    else if (before) this.emit('DELETED', this.render(event.object));
  }

  bookmark(rv: number, annotations?: Record<string, string>): void {
    if (!this.options.bookmarks) return;
    const metadata: Record<string, unknown> = { resourceVersion: String(Math.max(rv, this.lastRv)) };
    if (annotations) metadata.annotations = annotations;
    const { def } = this.options;
    this.emit('BOOKMARK', JSON.stringify({ kind: def.kind, apiVersion: def.apiVersion, metadata }));
  }

  error(status: Status): void {
    this.emit('ERROR', JSON.stringify(status));
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.options.sink.end();
  }

  private emit(type: WatchEventType, objectText: string): void {
    if (this.closed) return;
    const backlog = this.options.sink.send(eventLine(type, objectText));
    if (backlog > this.options.maxBacklogBytes + this.initialAllowance) {
      // The client will read this after its backlog, then relist; nothing more is queued for it.
      this.options.sink.send(eventLine('ERROR', JSON.stringify(TOO_SLOW)));
      this.close();
    }
  }
}
