import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api } from '../helpers/api.js';
import { Prng } from '../fuzz/prng.js';

const MAIN = fileURLToPath(new URL('../../server/main.js', import.meta.url));
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';

export interface OverloadOptions {
  seed: number;
  /** Concurrent clients hammering the API. */
  clients?: number;
  requestsPerClient?: number;
  slowlorisConnections?: number;
  watchers?: number;
  /** Changes written while the watchers do not read. */
  watchedWrites?: number;
  log?: (line: string) => void;
}

export interface OverloadReport {
  limits: { maxRequestsInFlight: number; maxMutatingRequestsInFlight: number; requestTimeoutMs: number };
  requests: number;
  served: number;
  tooMany: number;
  otherStatuses: Record<string, number>;
  readyzProbes: number;
  readyzP50Ms: number;
  readyzMaxMs: number;
  readyzP99Ms: number;
  slowloris: { connections: number; cutOff: number; maxMs: number };
  watchers: { count: number; writes: number; rssBeforeMb: number; rssPeakMb: number; rssAfterMb: number };
  violations: string[];
}

const LIMITS = { maxRequestsInFlight: 40, maxMutatingRequestsInFlight: 20, requestTimeoutMs: 3000 };
/** How slow /readyz may get while the server is saturated (p99), on this two-core machine shared with the load. */
const READYZ_P99_BOUND_MS = 2000;
/**
 * What a stalled watcher may cost the server: its 512 KiB backlog, plus garbage the collector has not yet reclaimed.
 * Without the bound each would keep every event written while it stalls (writes × 20 KB).
 */
const RSS_PER_STALLED_WATCHER_MB = 5;

async function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    '--db', db, '--port', '0', '--no-controllers', '--log-level', 'warn',
    '--max-requests-inflight', String(LIMITS.maxRequestsInFlight),
    '--max-mutating-requests-inflight', String(LIMITS.maxMutatingRequestsInFlight),
    '--request-timeout', `${LIMITS.requestTimeoutMs}ms`,
  ];
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /serving the Kubernetes API on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`overload server exited ${code}: ${stderr}`)));
  });
  return { child, url };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/**
 * Probes /readyz every 50 ms from a process of its own — the load generator's event loop, busy with 200 clients,
 * would otherwise add its own delays to what it measures — until stopped; each probe must answer 200.
 */
function probeReadyz(url: string, violations: string[]) {
  const script = `
    const latencies = [], failures = [];
    let stopped = false;
    process.stdin.on('data', () => { stopped = true; });
    while (!stopped) {
      const started = Date.now();
      const res = await fetch(process.argv[1] + '/readyz').catch((err) => ({ status: String(err) }));
      latencies.push(Date.now() - started);
      if (res.status !== 200) failures.push(res.status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.stdout.write(JSON.stringify({ latencies, failures }));
    process.exit(0);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = once(child, 'exit');
  return {
    stop: async (): Promise<number[]> => {
      child.stdin!.write('stop\n');
      await exited;
      const { latencies, failures } = JSON.parse(out) as { latencies: number[]; failures: unknown[] };
      for (const status of failures) violations.push(`/readyz answered ${String(status)} while saturated`);
      return latencies;
    },
  };
}

/** Many clients at once, reading big lists and writing: beyond the limits each gets a 429 Status with Retry-After. */
async function saturate(api: Api, rng: Prng, options: Required<OverloadOptions>, report: OverloadReport): Promise<void> {
  const client = async (c: number) => {
    for (let i = 0; i < options.requestsPerClient; i++) {
      const write = rng.chance(0.4);
      const res = write
        ? await api.post(CONFIGMAPS, { metadata: { name: `load-${c}-${i}` }, data: { v: 'x'.repeat(2000) } })
        : await api.get(CONFIGMAPS);
      report.requests++;
      if (res.status === 200 || res.status === 201) report.served++;
      else if (res.status === 429) {
        report.tooMany++;
        if (res.headers.get('retry-after') !== '1' || res.body?.reason !== 'TooManyRequests') report.violations.push(`a 429 without Retry-After or Status: ${res.text}`);
        // As client-go does: wait as long as Retry-After says before the next request.
        await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after')) * 1000));
      } else report.otherStatuses[res.status] = (report.otherStatuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
}

/** Connections that send headers or a body a byte at a time: each must be answered 408 and closed near the timeout. */
async function slowloris(url: string, connections: number, report: OverloadReport): Promise<void> {
  const port = Number(new URL(url).port);
  const one = (i: number) => new Promise<void>((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const head = i % 2 === 0
      ? `POST ${CONFIGMAPS} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`
      : 'GET /api/v1/namespaces HTTP/1.1\r\nHost: x\r\n';
    socket.write(head);
    const drip = setInterval(() => socket.write(i % 2 === 0 ? ' ' : 'X-A: b\r\n'), 200);
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => {
      clearInterval(drip);
      const ms = Date.now() - started;
      report.slowloris.maxMs = Math.max(report.slowloris.maxMs, ms);
      // Cut off by the timeout (408), or refused at once because the limit was full (429 and closed): both free it.
      if (/^HTTP\/1\.1 (408|429) /.test(received)) report.slowloris.cutOff++;
      else report.violations.push(`a slowloris connection ended without a 408 or 429 after ${ms} ms: ${received.slice(0, 100)}`);
      resolve();
    });
  });
  await Promise.all(Array.from({ length: connections }, (_, i) => one(i)));
}

/** Watchers that never read while a writer produces large changes: the server's memory must stay bounded. */
async function slowWatchers(url: string, api: Api, pid: number, options: Required<OverloadOptions>, report: OverloadReport): Promise<void> {
  const port = Number(new URL(url).port);
  report.watchers.rssBeforeMb = rssMb(pid);
  // From the current resourceVersion: what is measured is the live stream, not each watcher's copy of the list.
  const rv = (await api.get(`${CONFIGMAPS}?limit=1`)).body.metadata.resourceVersion;
  const sockets = Array.from({ length: options.watchers }, () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(`GET ${CONFIGMAPS}?watch=true&resourceVersion=${rv} HTTP/1.1\r\nHost: x\r\n\r\n`);
    socket.pause();
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const big = 'y'.repeat(20_000);
  await api.post(CONFIGMAPS, { metadata: { name: 'watched' }, data: { v: '' } });
  for (let i = 0; i < options.watchedWrites; i++) {
    const res = await api.put(`${CONFIGMAPS}/watched`, { metadata: { name: 'watched' }, data: { v: `${i}${big}` } });
    if (res.status !== 200 && res.status !== 201) report.violations.push(`a write under slow watchers got ${res.status}`);
    report.watchers.writes++;
    if (i % 100 === 0) report.watchers.rssPeakMb = Math.max(report.watchers.rssPeakMb, rssMb(pid));
  }
  report.watchers.rssPeakMb = Math.max(report.watchers.rssPeakMb, rssMb(pid));
  for (const socket of sockets) socket.destroy();
  report.watchers.rssAfterMb = rssMb(pid);
  const growth = report.watchers.rssPeakMb - report.watchers.rssBeforeMb;
  if (growth > options.watchers * RSS_PER_STALLED_WATCHER_MB) {
    report.violations.push(`the server grew by ${growth} MB with ${options.watchers} stalled watchers`);
  }
}

/** Saturation, slowloris and stalled watchers against a server with max-in-flight limits and a request timeout. */
export async function runOverload(input: OverloadOptions): Promise<OverloadReport> {
  const options: Required<OverloadOptions> = {
    clients: 200, requestsPerClient: 20, slowlorisConnections: 100, watchers: 200, watchedWrites: 3000, log: () => undefined, ...input,
  };
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-overload-'));
  const { child, url } = await startServer(join(dir, 'overload.db'));
  const api = new Api(url);
  const rng = new Prng(options.seed);
  const report: OverloadReport = {
    limits: LIMITS, requests: 0, served: 0, tooMany: 0, otherStatuses: {}, readyzProbes: 0, readyzP50Ms: 0, readyzMaxMs: 0, readyzP99Ms: 0,
    slowloris: { connections: options.slowlorisConnections, cutOff: 0, maxMs: 0 },
    watchers: { count: options.watchers, writes: 0, rssBeforeMb: 0, rssPeakMb: 0, rssAfterMb: 0 }, violations: [],
  };
  try {
    for (let i = 0; i < 300; i++) await api.post(CONFIGMAPS, { metadata: { name: `bulk-${i}` }, data: { v: 'z'.repeat(2000) } });
    const probe = probeReadyz(url, report.violations);
    await Promise.all([saturate(api, rng, options, report), slowloris(url, options.slowlorisConnections, report)]);
    const latencies = await probe.stop();
    report.readyzProbes = latencies.length;
    report.readyzMaxMs = Math.max(...latencies);
    report.readyzP50Ms = percentile(latencies, 0.5);
    report.readyzP99Ms = percentile(latencies, 0.99);
    if (report.readyzP99Ms > READYZ_P99_BOUND_MS) report.violations.push(`/readyz p99 ${report.readyzP99Ms} ms while saturated`);
    if (report.tooMany === 0) report.violations.push('the limits were never reached: the load is too light to test them');
    options.log(`overload: ${report.requests} requests, ${report.served} served, ${report.tooMany} refused 429; /readyz p50 ${report.readyzP50Ms} ms, p99 ${report.readyzP99Ms} ms, ` +
      `max ${report.readyzMaxMs} ms; ${report.slowloris.cutOff}/${report.slowloris.connections} slowloris cut off`);
    await slowWatchers(url, api, child.pid!, options, report);
    options.log(`overload: ${options.watchers} stalled watchers × ${report.watchers.writes} writes of 20 KB: RSS ${report.watchers.rssBeforeMb} → peak ` +
      `${report.watchers.rssPeakMb} → ${report.watchers.rssAfterMb} MB`);
    const alive = await api.get('/readyz');
    if (alive.status !== 200) report.violations.push(`not ready at the end: ${alive.status}`);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
