import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { chunkedWatch, type ChunkedWatch } from '../helpers/watch-client.js';
import { Prng } from '../fuzz/prng.js';
import { checkDatabase, logAfter } from './db-check.js';
import { STRESS_KINDS, STRESS_NAMESPACE } from './kinds.js';
import { Ledger, objectKey, runWriters } from './load.js';
import { currentState, eventIds, increasing, inLog, replay, resolveObjects } from './verify.js';

export interface CrashOptions {
  /** The database file; a fresh temporary one when absent. */
  db?: string;
  cycles: number;
  writers: number;
  objectsPerWriter: number;
  /** Each cycle writes for a random time in [minRunMs, maxRunMs], then the server is killed. */
  minRunMs: number;
  maxRunMs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  cycles: number;
  attempted: number;
  acknowledged: number;
  verified: number;
  lost: number;
  /** Writes in flight at a kill that turned out committed / not committed: both are allowed, halves are not. */
  unansweredApplied: number;
  unansweredNotApplied: number;
  unexpectedRejections: number;
  watchEventsBeforeKill: number;
  watchEventsAfterResume: number;
  violations: string[];
  durationMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startServerOn(db: string): Promise<CliServer> {
  return startCliServer(['--db', db, '--no-controllers']);
}

export async function kill(server: CliServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

interface CycleTotals {
  acknowledged: number;
  verified: number;
  lost: number;
  resumed: number;
}

/**
 * Checks one cycle after the restart: every write acknowledged in it is in the database's log with its
 * resourceVersion and body; watches cut by the kill, resumed from the last resourceVersion they saw, deliver exactly
 * that log, as does a watch from the cycle's start; resourceVersions only grow, also across the kill.
 */
async function verifyCycle(
  server: CliServer, db: string, ledger: Ledger, cycle: number, startRv: number, watchers: ChunkedWatch[],
  violations: string[], lastAcked: Map<string, number>, rvBeforeKill: number,
): Promise<CycleTotals> {
  const totals: CycleTotals = { acknowledged: 0, verified: 0, lost: 0, resumed: 0 };
  const logs = await Promise.all(STRESS_KINDS.map(async (kind, i) => {
    const before = watchers[i].events;
    const from = before.length > 0 ? Number(before[before.length - 1].object.metadata.resourceVersion) : startRv;
    const [resumed, all] = await Promise.all([replay(server.url, kind, from), replay(server.url, kind, startRv)]);
    totals.resumed += resumed.length;
    const log = logAfter(db, kind.key, STRESS_NAMESPACE, startRv);
    const logIds = log.map((e) => `${e.type}:${e.name}@${e.rv}`);
    for (const [what, events] of [['resumed from the last rv seen', resumed], ['from the cycle start', all]] as const) {
      const error = events.find((e) => e.type === 'ERROR');
      if (error) violations.push(`cycle ${cycle} ${kind.key}: a watch ${what} ended with ${error.object.code} ${error.object.reason} (${log.length} changes to replay)`);
    }
    if (!increasing(before) || !increasing(resumed) || !increasing(all)) violations.push(`cycle ${cycle} ${kind.key}: a watch went back in resourceVersion`);
    if (!isDeepStrictEqual(eventIds([...before, ...resumed]), logIds)) {
      violations.push(`cycle ${cycle} ${kind.key}: the watch resumed from ${from} does not deliver the log (gaps or repeats)`);
    }
    if (!isDeepStrictEqual(eventIds(all), logIds)) violations.push(`cycle ${cycle} ${kind.key}: a watch from ${startRv} does not deliver the log`);
    return log.map((e) => ({ type: e.type, object: JSON.parse(e.body) }));
  }));
  for (const attempt of ledger.attempts) {
    if (attempt.cycle !== cycle || attempt.outcome !== 'acked') continue;
    totals.acknowledged++;
    const events = logs[STRESS_KINDS.indexOf(attempt.kind)];
    if (inLog(attempt, events)) totals.verified++;
    else {
      totals.lost++;
      violations.push(`cycle ${cycle}: acknowledged ${attempt.op} of ${attempt.kind.key}/${attempt.name} at rv ${attempt.rv} is not in the log`);
    }
    if (attempt.rv === undefined) continue;
    const key = objectKey(attempt.kind, attempt.name);
    if (attempt.rv <= (lastAcked.get(key) ?? 0)) violations.push(`${key}: acknowledged resourceVersions went back to ${attempt.rv}`);
    if (attempt.rv <= rvBeforeKill) violations.push(`${key}: resourceVersion ${attempt.rv} reused after the restart (had ${rvBeforeKill})`);
    lastAcked.set(key, attempt.rv);
  }
  const check = checkDatabase(db);
  violations.push(...check.violations.map((v) => `cycle ${cycle} database: ${v}`));
  return totals;
}

/** Writes across kinds while the server is SIGKILLed at random moments, restarting and verifying after each kill. */
export async function runCrashCycles(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const dir = options.db ? undefined : mkdtempSync(join(tmpdir(), 'mimikube-crash-'));
  const db = options.db ?? join(dir!, 'crash.db');
  const rng = new Prng(options.seed);
  const ledger = new Ledger();
  const violations: string[] = [];
  const lastAcked = new Map<string, number>();
  const report: CrashReport = {
    seed: options.seed, cycles: 0, attempted: 0, acknowledged: 0, verified: 0, lost: 0, unansweredApplied: 0,
    unansweredNotApplied: 0, unexpectedRejections: 0, watchEventsBeforeKill: 0, watchEventsAfterResume: 0, violations,
    durationMs: 0,
  };
  let server = await startServerOn(db);
  try {
    let startRv = (await currentState(server.api)).rv;
    let rvBeforeKill = 0;
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const watchers = await Promise.all(STRESS_KINDS.map((kind) =>
        chunkedWatch(server.url, `${kind.collection}?watch=true&resourceVersion=${startRv}`)));
      let stopped = false;
      const load = runWriters(server.api, ledger, rng, { writers: options.writers, objectsPerWriter: options.objectsPerWriter, cycle, stopped: () => stopped });
      await sleep(rng.int(options.minRunMs, options.maxRunMs));
      await kill(server);
      stopped = true;
      await load;
      const seen = watchers.flatMap((w) => w.events.map((e) => Number(e.object.metadata.resourceVersion)));
      const acked = ledger.attempts.filter((a) => a.cycle === cycle && a.rv !== undefined).map((a) => a.rv!);
      const maxBeforeKill = Math.max(rvBeforeKill, ...seen, ...acked);
      report.watchEventsBeforeKill += seen.length;

      server = await startServerOn(db);
      const state = await currentState(server.api);
      const resolution = resolveObjects(ledger, state.objects, violations);
      report.unansweredApplied += resolution.pendingApplied;
      report.unansweredNotApplied += resolution.pendingNotApplied;
      if (state.rv < maxBeforeKill) violations.push(`cycle ${cycle}: the restarted server is at rv ${state.rv}, behind ${maxBeforeKill} seen before the kill`);
      const totals = await verifyCycle(server, db, ledger, cycle, startRv, watchers, violations, lastAcked, rvBeforeKill);
      report.acknowledged += totals.acknowledged;
      report.verified += totals.verified;
      report.lost += totals.lost;
      report.watchEventsAfterResume += totals.resumed;
      report.cycles = cycle;
      options.log?.(`cycle ${cycle}: ${totals.acknowledged} acknowledged, ${totals.verified} verified, ${totals.lost} lost; ` +
        `unanswered ${resolution.pendingApplied} applied / ${resolution.pendingNotApplied} not; ${violations.length} violations so far`);
      rvBeforeKill = maxBeforeKill;
      startRv = state.rv;
    }
  } finally {
    await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  report.attempted = ledger.attempts.length;
  report.unexpectedRejections = ledger.unexpectedRejections.length;
  violations.push(...ledger.unexpectedRejections.slice(0, 10).map((r) => `unexpected refusal of ${r.attempt.op} ${r.attempt.kind.key}/${r.attempt.name}: ${r.message}`));
  report.durationMs = Date.now() - started;
  return report;
}

/** `node dist/test/stress/crash-safety.js [cycles] [seed]`: one crash run, its report as JSON. */
async function main(): Promise<void> {
  const cycles = Number(process.argv[2] ?? 10);
  const seed = Number(process.argv[3] ?? Date.now() % 100_000);
  const report = await runCrashCycles({ cycles, writers: 16, objectsPerWriter: 8, minRunMs: 200, maxRunMs: 2000, seed, log: console.log });
  console.log(JSON.stringify({ ...report, violations: report.violations.slice(0, 20) }, null, 2));
  process.exitCode = report.lost === 0 && report.violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
