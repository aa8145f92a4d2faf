import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBJECT_MODIFIED } from '../../server/errors.js';
import type { Api, ApiResponse } from '../helpers/api.js';
import { startCliServer } from '../helpers/cli-server.js';
import { Prng } from '../fuzz/prng.js';

export type RmwMethod = 'put' | 'merge-patch' | 'json-patch';

export interface ConcurrencyOptions {
  clients: number;
  rounds: number;
  /** Counters the clients fight over (each round picks one). */
  objects: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ConcurrencyReport {
  clients: number;
  rounds: number;
  successes: number;
  /** Final values of the counters, summed: equals `successes` when no update was lost. */
  finalTotal: number;
  conflicts: number;
  /** JSON patches whose `test` op failed: upstream answers those 422, not 409. */
  failedTests: number;
  maxRetries: number;
  violations: string[];
}

const COUNTERS = '/api/v1/namespaces/default/configmaps';
const counterName = (i: number) => `counter-${i}`;

/** One increment by read-modify-write; answers what the server said. */
function increment(api: Api, name: string, method: RmwMethod, current: any): Promise<ApiResponse> {
  const count = Number(current.data.count);
  const rv = current.metadata.resourceVersion;
  const path = `${COUNTERS}/${name}`;
  if (method === 'put') return api.put(path, { ...current, data: { count: String(count + 1) } });
  if (method === 'merge-patch') return api.patch(path, { metadata: { resourceVersion: rv }, data: { count: String(count + 1) } });
  return api.patch(path, [
    { op: 'test', path: '/data/count', value: String(count) },
    { op: 'replace', path: '/data/count', value: String(count + 1) },
  ], 'application/json-patch+json');
}

/** Checks a lost race was answered as upstream does, and returns whether it was a 409. */
function checkLoss(name: string, method: RmwMethod, res: ApiResponse, violations: string[]): 'conflict' | 'failed-test' {
  const body = res.body;
  if (method === 'json-patch') {
    if (res.status !== 422 || body?.kind !== 'Status' || body.reason !== 'Invalid') violations.push(`json-patch loser got ${res.status} ${res.text}`);
    return 'failed-test';
  }
  const message = `Operation cannot be fulfilled on configmaps "${name}": ${OBJECT_MODIFIED}`;
  if (res.status !== 409 || body?.kind !== 'Status' || body.reason !== 'Conflict' || body.message !== message || body.details?.name !== name) {
    violations.push(`${method} loser got ${res.status} ${res.text}`);
  }
  return 'conflict';
}

/**
 * `clients` clients each do `rounds` increments of shared counters by read-modify-write (PUT with the read
 * resourceVersion, merge patch carrying it as a precondition, JSON patch with a `test` op), retrying every loss.
 * No update may be lost: the counters end at the number of successes.
 */
export async function runRmwContention(api: Api, options: ConcurrencyOptions): Promise<ConcurrencyReport> {
  const rng = new Prng(options.seed);
  const report: ConcurrencyReport = {
    clients: options.clients, rounds: options.rounds, successes: 0, finalTotal: 0, conflicts: 0, failedTests: 0, maxRetries: 0, violations: [],
  };
  for (let i = 0; i < options.objects; i++) {
    const res = await api.post(COUNTERS, { metadata: { name: counterName(i) }, data: { count: '0' } });
    if (res.status !== 201) throw new Error(`creating ${counterName(i)}: ${res.status} ${res.text}`);
  }
  const client = async () => {
    for (let round = 0; round < options.rounds; round++) {
      const name = counterName(rng.int(0, options.objects - 1));
      const method = rng.pick<RmwMethod>(['put', 'merge-patch', 'json-patch']);
      for (let attempt = 0; ; attempt++) {
        const current = (await api.get(`${COUNTERS}/${name}`)).body;
        const res = await increment(api, name, method, current);
        if (res.status === 200) {
          report.successes++;
          report.maxRetries = Math.max(report.maxRetries, attempt);
          break;
        }
        if (checkLoss(name, method, res, report.violations) === 'conflict') report.conflicts++;
        else report.failedTests++;
        if (attempt > 1000) throw new Error(`${name}: no success after 1000 retries`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, () => client()));
  for (let i = 0; i < options.objects; i++) report.finalTotal += Number((await api.get(`${COUNTERS}/${counterName(i)}`)).body.data.count);
  if (report.finalTotal !== report.successes) report.violations.push(`lost updates: ${report.successes} successes, counters total ${report.finalTotal}`);
  if (report.successes !== options.clients * options.rounds) report.violations.push(`${report.successes} successes of ${options.clients * options.rounds}`);
  return report;
}

/** The contention run against the real server process on a file database (the stress run's form). */
export async function runConcurrency(options: ConcurrencyOptions): Promise<ConcurrencyReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-rmw-'));
  const server = await startCliServer(['--db', join(dir, 'rmw.db'), '--no-controllers']);
  try {
    const report = await runRmwContention(server.api, options);
    options.log?.(`concurrency: ${report.successes} increments by ${options.clients} clients, ${report.conflicts} conflicts, ` +
      `${report.failedTests} failed tests, counters at ${report.finalTotal}`);
    return report;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
