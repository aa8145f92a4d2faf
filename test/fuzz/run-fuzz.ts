import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE } from '../../server/cli.js';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { protobufCodec } from '../../server/protobuf/index.js';
import { FUZZ_KINDS, FUZZ_NAMESPACE, generateCase, seededName, type FuzzCase, type FuzzKind } from './cases.js';
import { Prng } from './prng.js';
import { sendCase, type FuzzResponse } from './send.js';

export interface FuzzOptions {
  cases: number;
  seed: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  /** 4xx answers, each a Status whose code matches and after which the database was unchanged. */
  refused: number;
  /** Cases that happened to be valid (2xx), each confirmed by reading the object back. */
  accepted: number;
  byFamily: Record<string, number>;
  byStatus: Record<string, number>;
  /** Bodies that never finish: only with a server that has a request timeout (--request-timeout). */
  stalledBodies: boolean;
  violations: string[];
  durationMs: number;
}

const DEADLINE_MS = 15_000;
/** The request timeout given to the server when it has one: a stalled body must be cut off well within DEADLINE_MS. */
const REQUEST_TIMEOUT = '2s';

async function currentRv(server: CliServer): Promise<string> {
  const res = await server.api.get('/api/v1/namespaces?limit=1');
  return res.body.metadata.resourceVersion;
}

/** Puts back the object of `kind` that updates, patches and deletes aim at. */
async function seed(server: CliServer, kind: FuzzKind): Promise<void> {
  const name = seededName(kind);
  const existing = await server.api.get(`${kind.collection}/${name}`);
  if (existing.status === 200 && !existing.body.metadata.deletionTimestamp) return;
  if (existing.status === 200) {
    await server.api.patch(`${kind.collection}/${name}`, { metadata: { finalizers: null } });
  }
  const res = await server.api.post(kind.collection, kind.make(name));
  if (res.status !== 201 && res.status !== 409) throw new Error(`seeding ${kind.key}: ${res.status} ${res.text}`);
}

/** After a failed request: whether the server process is gone (it may take a moment to exit after a crash). */
async function died(server: CliServer): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return true;
    try {
      if ((await server.api.get('/readyz')).status === 200) return false;
    } catch {
      // not answering: look again
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server.child.exitCode !== null || server.child.signalCode !== null;
}

function describe(c: FuzzCase, res?: FuzzResponse): string {
  const body = c.body ? ` body ${JSON.stringify(c.body.subarray(0, 160).toString('utf8'))}${c.body.length > 160 ? `… (${c.body.length} bytes)` : ''}` : '';
  const answer = res ? ` → ${res.status} ${res.text.slice(0, 300)}` : '';
  return `[${c.family}] ${c.method} ${c.path.slice(0, 200)} ${JSON.stringify(c.headers)}${body}${answer}`;
}

/** A 4xx must be a Status of the same code; a 2xx write must be readable back as answered. */
async function judge(server: CliServer, c: FuzzCase, res: FuzzResponse, rvBefore: string, violations: string[]): Promise<'refused' | 'accepted'> {
  if (res.status >= 500 || res.status < 200) {
    violations.push(`server error: ${describe(c, res)}`);
    return 'refused';
  }
  if (res.status >= 400) {
    let status: any;
    try {
      // A client that prefers protobuf gets its Status in protobuf, as from upstream.
      status = res.contentType.includes('protobuf') ? protobufCodec().decode(res.bytes).object : JSON.parse(res.text);
    } catch {
      status = undefined;
    }
    if (status?.kind !== 'Status' || status.code !== res.status || status.status !== 'Failure') {
      violations.push(`not a Status of code ${res.status}: ${describe(c, res)}`);
    }
    const rvAfter = await currentRv(server);
    if (rvAfter !== rvBefore) violations.push(`a refused request changed the database (rv ${rvBefore} → ${rvAfter}): ${describe(c, res)}`);
    return 'refused';
  }
  if (c.method !== 'GET' && res.contentType.includes('json')) {
    const obj = JSON.parse(res.text);
    // A name longer than a URL can carry (names of some kinds have no length limit) cannot be read back by path.
    if (obj.kind !== 'Status' && obj.metadata?.name && obj.metadata.name.length < 4096) {
      const path = c.path.split('?')[0];
      let name: string;
      try {
        name = encodeURIComponent(obj.metadata.name);
      } catch {
        violations.push(`an accepted write's name cannot be put in a URL (${JSON.stringify(obj.metadata.name)}): ${describe(c, res)}`);
        return 'accepted';
      }
      const back = await server.api.get(c.method === 'POST' ? `${path}/${name}` : path).catch((err: Error) => {
        violations.push(`reading an accepted write back failed (${err.message}): ${describe(c, res)}`);
        return undefined;
      });
      if (!back) return 'accepted';
      const gone = c.method === 'DELETE' && (back.status === 404 || back.body?.metadata?.deletionTimestamp);
      if (!gone && (back.status !== 200 || back.body.metadata.resourceVersion !== obj.metadata.resourceVersion)) {
        violations.push(`an accepted write reads back differently (${back.status} rv ${back.body?.metadata?.resourceVersion}): ${describe(c, res)}`);
      }
    }
  }
  return 'accepted';
}

/**
 * Sends `cases` seeded, structure-aware bad requests to the real server process and checks every answer: a Status
 * with a 4xx code and the database unchanged, or (for a mutation that happens to be valid) a 2xx that reads back;
 * never a 5xx, never a hang, and the server alive and ready throughout.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-fuzz-'));
  const stalledBodies = USAGE.includes('--request-timeout');
  const start = () => startCliServer(['--db', join(dir, 'fuzz.db'), '--no-controllers', ...(stalledBodies ? ['--request-timeout', REQUEST_TIMEOUT] : [])]);
  let server = await start();
  const rng = new Prng(options.seed);
  const report: FuzzReport = {
    seed: options.seed, cases: 0, refused: 0, accepted: 0, byFamily: {}, byStatus: {}, stalledBodies, violations: [], durationMs: 0,
  };
  try {
    await server.api.post('/api/v1/namespaces', { metadata: { name: FUZZ_NAMESPACE } });
    for (const kind of FUZZ_KINDS) await seed(server, kind);
    let rv = await currentRv(server);
    for (let i = 0; i < options.cases; i++) {
      const c = generateCase(rng, { stalledBodies });
      report.cases++;
      report.byFamily[c.family] = (report.byFamily[c.family] ?? 0) + 1;
      let res: FuzzResponse;
      try {
        res = await sendCase(server.url, c, DEADLINE_MS);
      } catch (err) {
        report.violations.push(`no answer (${(err as Error).message}): ${describe(c)}`);
        if (await died(server)) {
          // Record the crash and go on with a restarted server, so one bug does not hide the others.
          report.violations.push(`the server died: ${server.stderr().slice(-1500)}`);
          server = await start();
          for (const kind of FUZZ_KINDS) await seed(server, kind);
          rv = await currentRv(server);
        }
        continue;
      }
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      const verdict = await judge(server, c, res, rv, report.violations);
      report[verdict]++;
      if (verdict === 'accepted' && c.method !== 'GET') {
        for (const kind of FUZZ_KINDS) if (c.path.startsWith(kind.collection)) await seed(server, kind);
        rv = await currentRv(server);
      }
      if (i % 500 === 499) {
        const ready = await server.api.get('/readyz');
        if (ready.status !== 200) report.violations.push(`not ready after ${i + 1} cases: ${ready.status}`);
        options.log?.(`fuzz: ${i + 1} cases, ${report.violations.length} violations`);
      }
    }
  } finally {
    if (server.child.exitCode === null) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report.durationMs = Date.now() - started;
  return report;
}
