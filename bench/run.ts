import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { apiLists } from './api-lists.js';
import { bundleCli, sourceRevision } from './build.js';
import { removeTempDir, tempDir } from './cleanup.js';
import { controllersAtScale, type ScaleResult } from './controllers-scale.js';
import { crudVersusReference } from './crud-vs-reference.js';
import { loadDataset } from './dataset.js';
import { durabilityCost } from './durability.js';
import { printApi, printControllers, printDurability, printReference, printStartup, printWatch } from './print.js';
import { profile as profileFor } from './profile.js';
import type { SuiteResults } from './results.js';
import { startup } from './startup.js';
import { round } from './stats.js';
import { evaluateTargets, targetLine } from './targets.js';
import { watchFanout } from './watch-fanout.js';

/** How long the data-set server idles before its memory is read: "at rest", not mid-request. */
const SETTLE_MS = 3000;

/**
 * `npm run bench [-- --quick]`: runs every scenario, prints a table per scenario and writes bench/results/latest.json.
 * Never part of `npm test`: these figures depend on the machine, not on correctness. A scenario that fails is
 * reported and the others still run; the exit code is then 1.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  bundleCli();
  const revision = sourceRevision();
  const profile = profileFor(quick);
  const began = performance.now();
  const results: SuiteResults = {};
  const errors: Record<string, string> = {};
  const seconds: Record<string, number> = {};
  const attempt = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    const started = performance.now();
    try {
      return await fn();
    } catch (err) {
      errors[name] = err instanceof Error ? err.message : String(err);
      console.error(`\n${name} failed: ${errors[name]}`);
      return undefined;
    } finally {
      seconds[name] = Math.round((performance.now() - started) / 1000);
    }
  };
  const targets = () => evaluateTargets(results, profile);
  console.log(`mimikube benchmark suite${quick ? ' (--quick)' : ''} at ${revision}: ${os.cpus().length} cores, Node ${process.version}`);

  const single = await attempt('reference and single-pod API', () => crudVersusReference(profile));
  results.reference = single?.reference;
  results.crud = single?.crud;
  if (results.reference) printReference(results.reference);
  // One stored data set serves the lists (scenario 2) and the start-up and memory figures (scenario 5).
  const dataDir = tempDir();
  try {
    const loaded = await attempt('dataset', () => loadDataset(profile, dataDir));
    if (loaded) {
      const { dataset, server } = loaded;
      try {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const rssAtRestMiB = server.rssMiB();
        results.lists = await attempt('lists', () => apiLists(server, dataset, profile));
        await server.stop();
        const dbMiB = round(statSync(dataset.dbPath).size / 2 ** 20, 0);
        results.footprint = { pods: dataset.pods, nodes: dataset.nodes, loadPerSecond: dataset.loadPerSecond, rssAtRestMiB, dbMiB };
        results.startup = await attempt('startup', () => startup(profile.startup.spawns, dataset.dbPath, dataset.pods + dataset.nodes));
      } finally {
        await server.stop();
      }
    }
  } finally {
    removeTempDir(dataDir);
  }
  printApi(results.crud, results.lists, results.reference, profile, targets());

  results.watchFanout = await attempt('watch fan-out', () => watchFanout(profile.watch));
  if (results.watchFanout) printWatch(results.watchFanout, targets());

  const scale: ScaleResult[] = [];
  for (const nodes of profile.controllers.nodeCounts) {
    const result = await attempt(`controllers at ${nodes} nodes`, () => controllersAtScale(profile, nodes));
    if (result) scale.push(result);
  }
  results.controllers = scale;
  printControllers(scale, targets());

  printStartup(results.startup, results.footprint, profile, targets());

  results.durability = await attempt('durability', () => durabilityCost(profile));
  if (results.durability) printDurability(results.durability, targets());

  const final = targets();
  console.log('\nTargets');
  for (const target of final) console.log(`  ${targetLine(target)}`);
  const durationSeconds = Math.round((performance.now() - began) / 1000);
  console.log(`\n${final.filter((t) => t.met).length} of ${final.length} targets met; the suite took ${durationSeconds} s`);
  console.log(`(${Object.entries(seconds).map(([name, s]) => `${name} ${s} s`).join(', ')}).`);
  const report = {
    date: new Date().toISOString(),
    quick,
    revision,
    durationSeconds,
    scenarioSeconds: seconds,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    profile,
    results,
    targets: final,
    errors,
  };
  mkdirSync(new URL('../../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../bench/results/latest.json', import.meta.url), JSON.stringify(report, null, 2) + '\n');
  if (Object.keys(errors).length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
