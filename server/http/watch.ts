import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../errors.js';
import { buildPredicate } from '../registry/predicate.js';
import type { ResourceDef, ResourceTable } from '../registry/resource.js';
import type { Clock } from '../clock.js';
import { toTable } from '../printers/table.js';
import { PROTOBUF_WATCH_MEDIA_TYPE } from '../protobuf/index.js';
import { outputFor, printerFor, tableOptions } from './respond.js';
import type { Store } from '../registry/store.js';
import type { WatchHub } from '../storage/watch-hub.js';
import type { ResourceRequest } from './context.js';
import type { Query } from './query.js';
import { resolveResource, type ResolvedResource } from './resolve.js';
import { INITIAL_PACE_BYTES, INITIAL_PAGE_SIZE, streamInitialState } from './watch-initial.js';
import { jsonWatchEncoder, protobufWatchEncoder, WatchSession, type WatchEncoder, type WatchSink } from './watch-session.js';
import { watchOptions } from './watch-options.js';

export interface WatchConfig {
  /** Unsent bytes a watcher may have queued before it is closed with 410 Expired. */
  maxBacklogBytes: number;
  /** How often a watch that allows bookmarks gets one. */
  bookmarkIntervalMs: number;
  /** Watches without timeoutSeconds end after this, plus up to as much again in jitter (upstream: 30 min). */
  minRequestTimeoutSeconds: number;
}

export const DEFAULT_WATCH_CONFIG: WatchConfig = {
  maxBacklogBytes: 512 * 1024,
  bookmarkIntervalMs: 60_000,
  minRequestTimeoutSeconds: 1800,
};

const REPLAY_BATCH = 1000;
const INITIAL_EVENTS_END = { 'k8s.io/initial-events-end': 'true' };
// Upstream's subprotocols for watch over WebSocket: base64 text frames, or raw frames.
const BASE64_PROTOCOL = 'base64.binary.k8s.io';
const BINARY_PROTOCOL = 'binary.k8s.io';

function httpSink(res: ServerResponse): WatchSink {
  return {
    send(event) {
      res.write(event);
      return res.writableLength;
    },
    whenDrained(callback) {
      if (res.writableNeedDrain) res.once('drain', callback);
      else setImmediate(callback);
    },
    end() {
      res.end();
      // A client that stopped reading would otherwise keep its backlog alive in the socket forever.
      setTimeout(() => res.destroy(), 5000).unref();
    },
  };
}

function wsSink(ws: WebSocket): WatchSink {
  const base64 = ws.protocol === BASE64_PROTOCOL;
  return {
    send(event) {
      if (Buffer.isBuffer(event)) {
        // Protobuf events are binary messages, as upstream sends every encoding that is not text.
        ws.send(base64 ? event.toString('base64') : event, { binary: !base64 });
        return ws.bufferedAmount;
      }
      const text = event.endsWith('\n') ? event.slice(0, -1) : event;
      ws.send(base64 ? Buffer.from(text).toString('base64') : text, { binary: ws.protocol === BINARY_PROTOCOL });
      return ws.bufferedAmount;
    },
    // ws has no drain event of its own: look at what it still buffers until most of it is gone.
    whenDrained(callback) {
      const check = () => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount <= INITIAL_PACE_BYTES / 2) callback();
        else setTimeout(check, 10);
      };
      check();
    },
    end() {
      ws.close(1000);
      setTimeout(() => ws.terminate(), 5000).unref();
    },
  };
}

/** Serves watches over chunked HTTP and WebSocket from the hub, with replay from the event log. */
export class WatchServer {
  private readonly sessions = new Set<WatchSession>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(BASE64_PROTOCOL) ? BASE64_PROTOCOL : protocols.has(BINARY_PROTOCOL) ? BINARY_PROTOCOL : false),
  });

  constructor(
    private readonly store: Store,
    private readonly hub: WatchHub,
    private readonly table: ResourceTable,
    private readonly config: WatchConfig,
    private readonly clock: Clock,
  ) {}

  get activeCount(): number {
    return this.sessions.size;
  }

  /** GET …?watch=true over HTTP: validation errors answer as a normal Status; then the stream starts. */
  serve(r: ResourceRequest): void {
    const options = watchOptions(r.query, r.name);
    const predicate = buildPredicate(r.def, options.labelSelector, options.fieldSelector);
    const { contentType, encoder } = this.encoding(r.def, r.request.headers, r.query, true);
    r.reply.hijack();
    const res = r.reply.raw;
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const session = this.start(r, options, predicate, httpSink(res), encoder);
    res.on('close', () => session.close());
  }

  /** An HTTP upgrade on a watch URL: the same watch, one event per WebSocket message. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    let encoder: WatchEncoder;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const resolved = resolveResource(this.table, url.pathname);
    const query: Query = {};
    for (const [key, value] of url.searchParams) query[key] = value;
    let prepared: ReturnType<WatchServer['prepare']>;
    try {
      if (!resolved || resolved.subresource) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
      prepared = this.prepare(resolved, query);
      encoder = this.encoding(resolved.def, request.headers, query, false).encoder;
    } catch (err) {
      const status = err instanceof ApiError ? err : new ApiError(400, 'BadRequest', String(err));
      const body = JSON.stringify(status.toStatus());
      socket.end(`HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const session = this.start(resolved!, prepared.options, prepared.predicate, wsSink(ws), encoder);
      ws.on('close', () => session.close());
      ws.on('error', () => session.close());
    });
  }

  /**
   * The negotiated event format: protobuf WatchEvents (length-prefixed when `framed`), or JSON lines whose objects
   * are one-row Tables for a Table Accept header (the column definitions come once). YAML has no stream form.
   */
  private encoding(def: ResourceDef, headers: IncomingMessage['headers'], query: Query, framed: boolean): { contentType: string; encoder: WatchEncoder } {
    const output = outputFor(def, headers);
    if (output === 'protobuf') return { contentType: PROTOBUF_WATCH_MEDIA_TYPE, encoder: protobufWatchEncoder(framed) };
    const table = tableOptions(output, query, this.clock.now());
    if (!table) return { contentType: 'application/json', encoder: jsonWatchEncoder() };
    const printer = printerFor(def);
    let withColumns = true;
    const render = (obj: KubeObject) => {
      const text = JSON.stringify(toTable(printer, [obj], { ...table, now: this.clock.now(), withColumns, listMeta: { resourceVersion: obj.metadata.resourceVersion } }));
      withColumns = false;
      return text;
    };
    return { contentType: 'application/json', encoder: jsonWatchEncoder(render) };
  }

  private prepare(resolved: ResolvedResource, query: Query) {
    const options = watchOptions(query, resolved.name);
    return { options, predicate: buildPredicate(resolved.def, options.labelSelector, options.fieldSelector) };
  }

  private start(
    resolved: ResolvedResource,
    options: ReturnType<typeof watchOptions>,
    predicate: ReturnType<typeof buildPredicate>,
    sink: WatchSink,
    encoder: WatchEncoder,
  ): WatchSession {
    const { def, namespace } = resolved;
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe = () => {};
    const session = new WatchSession(
      { def, predicate, sink, encoder, maxBacklogBytes: this.config.maxBacklogBytes, bookmarks: options.allowWatchBookmarks },
      () => {
        unsubscribe();
        timers.forEach(clearTimeout);
        this.sessions.delete(session);
      },
    );
    this.sessions.add(session);
    // Everything below runs in one tick: no change can commit between the replay and the subscription.
    const rv = options.resourceVersion;
    const initial = options.sendInitialEvents ?? (rv === undefined || rv === '0');
    if (initial) {
      session.hold();
      const rv = streamInitialState(
        (continueToken) => this.store.list(def, namespace || undefined, { limit: INITIAL_PAGE_SIZE, continue: continueToken }),
        { get isClosed() { return session.isClosed; }, sendInitial: (obj, at) => session.sendInitial(obj, at),
          whenDrained: (callback) => session.whenDrained(callback), error: (err) => session.error(err.toStatus()) },
        (at) => session.release(options.sendInitialEvents ? () => session.bookmark(at, INITIAL_EVENTS_END) : undefined),
      );
      session.lastRv = Math.max(session.lastRv, rv);
    } else if (rv !== undefined && !this.replay(session, def.key, namespace, Number(rv))) {
      return session;
    } else {
      session.lastRv = rv === undefined ? this.store.currentRv() : Number(rv);
    }
    unsubscribe = this.hub.subscribe({
      resource: def.key,
      namespace: namespace || undefined,
      deliver: (event) => session.deliver(event),
      close: () => session.close(),
    });
    const timeoutMs = options.timeoutSeconds !== undefined
      ? options.timeoutSeconds * 1000
      : this.config.minRequestTimeoutSeconds * 1000 * (1 + Math.random());
    timers.push(setTimeout(() => session.close(), timeoutMs));
    if (options.allowWatchBookmarks) {
      const tick = () => {
        session.bookmark(this.store.currentRv());
        timers[1] = setTimeout(tick, this.config.bookmarkIntervalMs);
      };
      timers[1] = setTimeout(tick, this.config.bookmarkIntervalMs);
    }
    return session;
  }

  /** Replays the log after `from`; false (after an in-stream 410) when the log no longer reaches back that far. */
  private replay(session: WatchSession, resource: string, namespace: string | undefined, from: number): boolean {
    const current = this.store.currentRv();
    if (from > current) {
      session.error(new ApiError(504, 'Timeout', `Too large resource version: ${from}, current: ${current}`).toStatus());
      return false;
    }
    const compacted = this.store.log.compactedRv();
    if (from < compacted) {
      session.error(new ApiError(410, 'Expired', `too old resource version: ${from} (${compacted})`).toStatus());
      return false;
    }
    session.lastRv = from;
    for (let after = from; ;) {
      const events = this.store.log.eventsAfter(resource, after, REPLAY_BATCH);
      for (const e of events) {
        after = e.rv;
        if (namespace && e.namespace !== namespace) continue;
        session.deliverReplayed({
          type: e.type,
          rv: e.rv,
          resource,
          namespace: e.namespace,
          name: e.name,
          object: JSON.parse(e.body) as KubeObject,
          previous: e.prev_body ? (JSON.parse(e.prev_body) as KubeObject) : undefined,
        });
      }
      if (events.length < REPLAY_BATCH || session.isClosed) break;
    }
    session.lastRv = Math.max(session.lastRv, current);
    return true;
  }

  closeAll(): void {
    for (const session of [...this.sessions]) session.close();
    this.wss.close();
  }
}
