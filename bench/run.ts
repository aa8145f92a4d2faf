import { mkdirSync, writeFileSync } from 'node:fs';
import { watchFanout } from './watch-fanout.js';

/**
 * `npm run bench [-- --quick]`: runs every scenario, prints a table and writes bench/results/latest.json.
 * Never part of `npm test`: these figures depend on the machine, not on correctness.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const report: Record<string, unknown> = { date: new Date().toISOString(), quick, node: process.version };
  const fanout = await watchFanout(
    quick ? { watchers: 200, namespaces: 10, writesPerSecond: 200, seconds: 3 } : { watchers: 1000, namespaces: 20, writesPerSecond: 500, seconds: 10 },
  );
  report.watchFanout = fanout;
  console.log('watch fan-out');
  console.table({
    watchers: fanout.watchers,
    writes: fanout.writes,
    'events delivered': fanout.eventsDelivered,
    'latency p50 (ms)': fanout.latencyMs.p50,
    'latency p99 (ms)': fanout.latencyMs.p99,
    'RSS idle (MiB)': fanout.rssMiB.idle,
    'RSS streaming (MiB)': fanout.rssMiB.streaming,
    'RSS half stalled, start (MiB)': fanout.rssMiB.stalledStart,
    'RSS half stalled, end (MiB)': fanout.rssMiB.stalledEnd,
    'stalled watchers cut off': `${fanout.stalledWatchersCutOff} of ${fanout.watchers / 2}`,
  });
  mkdirSync(new URL('../../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../bench/results/latest.json', import.meta.url), JSON.stringify(report, null, 2) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
