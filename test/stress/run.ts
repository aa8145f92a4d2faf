import { writeFileSync } from 'node:fs';
import { runCrashCycles } from './crash-safety.js';
import { runStorageKills } from './storage-kill.js';
import { runFuzz } from '../fuzz/run-fuzz.js';
import { runConcurrency } from './concurrency.js';
import { runOverload } from './overload-stress.js';

/**
 * `npm run stress`: every reliability guarantee under a bounded, seeded load, much bigger than the smoke runs of
 * `npm test`. Prints one line per phase and the figures as JSON (also written to the file given as argument).
 * Exits non-zero if anything was lost, broken or answered wrongly.
 */
async function main(): Promise<void> {
  const seed = Number(process.env.STRESS_SEED ?? Date.now() % 1_000_000);
  const log = (line: string) => console.log(line);
  console.log(`stress run, seed ${seed}`);
  const crash = await runCrashCycles({ cycles: 30, writers: 32, objectsPerWriter: 8, minRunMs: 100, maxRunMs: 3000, seed, log });
  const compaction = await runStorageKills({ operation: 'compact', kills: 10, objects: 2000, backlog: 600_000, seed, log });
  const migration = await runStorageKills({ operation: 'migrate', kills: 10, objects: 100_000, backlog: 0, seed, log });
  const fuzz = await runFuzz({ cases: 30_000, seed, log });
  const concurrency = await runConcurrency({ clients: 16, rounds: 100, objects: 4, seed, log });
  const overload = await runOverload({ seed, log });
  const figures = { seed, crash, compaction, migration, fuzz, concurrency, overload };
  const failed = [crash, compaction, migration, fuzz, concurrency, overload].some((r) => r.violations.length > 0) ||
    crash.lost + compaction.lost + migration.lost > 0;
  // Violations are counted in full and shown by their first 20.
  const text = JSON.stringify(figures, (key, value) => (key === 'violations' ? { count: value.length, first: (value as string[]).slice(0, 20) } : value), 2);
  console.log(text);
  if (process.argv[2]) writeFileSync(process.argv[2], `${text}\n`);
  console.log(failed ? 'stress: FAILED' : 'stress: all guarantees held');
  process.exitCode = failed ? 1 : 0;
}

await main();
