import http from 'node:http';
import WebSocket from 'ws';
import { startServerProcess } from './server-process.js';
import { percentile, round } from './stats.js';

export interface FanoutOptions {
  watchers: number;
  namespaces: number;
  writesPerSecond: number;
  seconds: number;
}

export interface FanoutResult {
  watchers: number;
  writes: number;
  eventsDelivered: number;
  latencyMs: { p50: number; p99: number; max: number };
  rssMiB: { idle: number; streaming: number; stalledStart: number; stalledEnd: number };
  stalledWatchersCutOff: number;
}

interface Watcher {
  pause(): void;
  close(): void;
  ended: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function post(url: string, path: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url + path, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST ${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(data);
  });
}

// Events are scanned, not parsed: a JSON.parse per event per watcher would make the load generator the bottleneck.
const NAME = /"name":"([^"]+)","namespace":"([^"]+)"/;

function openWatcher(url: string, path: string, websocket: boolean, onEvent: (line: string) => void): Promise<Watcher> {
  return new Promise((resolve, reject) => {
    if (websocket) {
      const ws = new WebSocket(url.replace(/^http/, 'ws') + path);
      const watcher: Watcher = { pause: () => (ws as unknown as { _socket: { pause(): void } })._socket.pause(), close: () => ws.terminate(), ended: false };
      ws.on('message', (data) => onEvent(data.toString()));
      ws.on('open', () => resolve(watcher));
      ws.on('close', () => (watcher.ended = true));
      ws.on('error', reject);
      return;
    }
    const req = http.get(url + path, { agent: false }, (res) => {
      const watcher: Watcher = { pause: () => res.pause(), close: () => req.destroy(), ended: false };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          onEvent(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
        }
      });
      res.on('close', () => (watcher.ended = true));
      resolve(watcher);
    });
    req.on('error', reject);
  });
}

async function writeFor(url: string, namespaces: number, perSecond: number, seconds: number, acks: Map<string, number>, prefix: string): Promise<number> {
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ns = `fanout-${i % namespaces}`;
    const name = `${prefix}-${i}`;
    pending.push(post(url, `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name }, data: { i: String(i) } }).then(() => {
      acks.set(`${ns}/${name}`, performance.now());
    }));
  }
  await Promise.all(pending);
  return total;
}

/** 1,000 watchers (half chunked HTTP, half WebSocket) across namespaces while writes stream in. */
export async function watchFanout(options: FanoutOptions): Promise<FanoutResult> {
  const server = await startServerProcess(['--db', ':memory:']);
  try {
    for (let n = 0; n < options.namespaces; n++) await post(server.url, '/api/v1/namespaces', { metadata: { name: `fanout-${n}` } });
    const acks = new Map<string, number>();
    const latencies: number[] = [];
    let delivered = 0;
    const onEvent = (line: string) => {
      const match = NAME.exec(line);
      if (!match) return;
      delivered++;
      const acked = acks.get(`${match[2]}/${match[1]}`);
      // An event can beat the write's own response to the client: that is a delivery latency of zero.
      latencies.push(acked === undefined ? 0 : Math.max(0, performance.now() - acked));
    };
    const watchers: Watcher[] = [];
    for (let i = 0; i < options.watchers; i++) {
      const rv = '1';
      const path = `/api/v1/namespaces/fanout-${i % options.namespaces}/configmaps?watch=true&resourceVersion=${rv}`;
      watchers.push(await openWatcher(server.url, path, i % 2 === 1, onEvent));
    }
    const idle = server.rssMiB();
    const writes = await writeFor(server.url, options.namespaces, options.writesPerSecond, options.seconds, acks, 'live');
    const streaming = server.rssMiB();
    // Half of the consumers stop reading; the server must cut them off rather than buffer for them.
    const stalled = watchers.filter((_, i) => i % 2 === 0);
    stalled.forEach((w) => w.pause());
    const stalledStart = server.rssMiB();
    await writeFor(server.url, options.namespaces, options.writesPerSecond, options.seconds, acks, 'stalled');
    await new Promise((r) => setTimeout(r, 6000));
    const stalledEnd = server.rssMiB();
    const cutOff = stalled.filter((w) => w.ended).length;
    watchers.forEach((w) => w.close());
    return {
      watchers: options.watchers,
      writes,
      eventsDelivered: delivered,
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.reduce((a, b) => Math.max(a, b), 0)) },
      rssMiB: { idle, streaming, stalledStart, stalledEnd },
      stalledWatchersCutOff: cutOff,
    };
  } finally {
    await server.stop();
  }
}
