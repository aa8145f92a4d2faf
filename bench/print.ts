import type { CrudResult } from './api-crud.js';
import type { ListsResult } from './api-lists.js';
import type { ScaleResult } from './controllers-scale.js';
import type { CpuShares } from './cpu.js';
import type { DurabilityResult } from './durability.js';
import type { LoadResult } from './load.js';
import type { Profile } from './profile.js';
import type { ReferenceResult } from './reference.js';
import type { FootprintResult } from './results.js';
import type { StartupResult } from './startup.js';
import { printTable, type Cell } from './table.js';
import { targetLine, type Target } from './targets.js';
import type { FanoutResult } from './watch-fanout.js';

/** The printed form of each scenario: one table, then its targets. */

const notesFor = (targets: Target[], scenario: number) => targets.filter((t) => t.scenario === scenario).map(targetLine);

/** Cores busy during a measurement: server / load generator / whole machine. */
export function cores(shares: Partial<CpuShares>): string {
  return shares.serverCores === undefined ? '–' : `${shares.serverCores} / ${shares.generatorCores} / ${shares.machineCores}`;
}

const CORES = 'cores srv/gen/all';

function loadRow(operation: string, r: LoadResult): Cell[] {
  return [operation, r.concurrency, r.perSecond, r.p50Ms, r.p99Ms, cores(r), r.errors];
}

export function printReference(ref: ReferenceResult): void {
  printTable(
    '1. Reference ceiling: bare Fastify 5 + better-sqlite3 (WAL, synchronous=NORMAL), ~1 KiB JSON objects',
    ['operation', 'conc.', 'req/s', 'p50 ms', 'p99 ms', CORES, 'errors'],
    [...ref.post.map((r) => loadRow('POST /objects', r)), ...ref.get.map((r) => loadRow('GET /objects/:name', r))],
  );
}

export function printApi(crud: CrudResult | undefined, lists: ListsResult | undefined, ref: ReferenceResult | undefined, profile: Profile, targets: Target[]): void {
  const refAt = (results: LoadResult[] | undefined, c: number) => results?.find((r) => r.concurrency === c)?.perSecond;
  const row = (operation: string, r: LoadResult, objects: number | undefined, reference: number | undefined): Cell[] => {
    const rate = objects ?? r.perSecond;
    return [operation, r.concurrency, r.perSecond, objects, r.p50Ms, r.p99Ms, cores(r), reference, reference ? `${Math.round((rate / reference) * 100)}%` : undefined, r.errors];
  };
  const rows: Cell[][] = [
    ...(crud?.create ?? []).map((r) => row('create pod (vs POST)', r, undefined, refAt(ref?.post, r.concurrency))),
    ...(crud?.get ?? []).map((r) => row('get pod (vs GET)', r, undefined, refAt(ref?.get, r.concurrency))),
    ...(crud?.update ?? []).map((r) => row('update pod with RV (vs POST)', r, undefined, refAt(ref?.post, r.concurrency))),
    ...(lists?.paginated ?? []).map((r) => row(`list ${lists!.namespacePods} pods, pages of 500 (vs GET)`, r, r.objectsPerSecond, refAt(ref?.get, r.concurrency))),
    ...(lists?.selector ?? []).map((r) => row(`list by label, ${lists!.selectorMatches} of ${lists!.namespacePods} in ns (vs GET)`, r, r.objectsPerSecond, refAt(ref?.get, r.concurrency))),
  ];
  const notes = [
    'mimikube --no-controllers on a temp file, default durability; ~2.5 KiB pods. A list row\'s req/s counts pages or lists; its ratio compares objects/s with GET req/s.',
    ...(lists ? [`The lists run on the loaded data set: ${lists.totalPods.toLocaleString('en-US')} pods in ${profile.dataset.namespaces} namespaces${profile.quick ? ' (--quick: scaled down from 100,000; label-selector lists at c1 and c16 only)' : ''}.`] : []),
    ...notesFor(targets, 2),
  ];
  printTable('2. API throughput and latency (mimikube vs the reference)', ['operation', 'conc.', 'req/s', 'objects/s', 'p50 ms', 'p99 ms', CORES, 'reference /s', 'ratio', 'errors'], rows, notes);
}

export function printWatch(fanout: FanoutResult, targets: Target[]): void {
  printTable('3. Watch fan-out (half chunked HTTP, half WebSocket; then half the watchers stall)', ['figure', 'value'], [
    ['watchers', fanout.watchers],
    ['writes', fanout.writes],
    ['events delivered', fanout.eventsDelivered],
    ['delivery latency p50 ms', fanout.latencyMs.p50],
    ['delivery latency p99 ms', fanout.latencyMs.p99],
    ['delivery latency max ms', fanout.latencyMs.max],
    ['RSS idle / streaming MiB', `${fanout.rssMiB.idle} / ${fanout.rssMiB.streaming}`],
    ['RSS half stalled, start / end MiB', `${fanout.rssMiB.stalledStart} / ${fanout.rssMiB.stalledEnd}`],
    ['stalled watchers cut off', `${fanout.stalledWatchersCutOff} of ${fanout.watchers / 2}`],
  ], notesFor(targets, 3));
}

export function printControllers(results: ScaleResult[], targets: Target[]): void {
  printTable('4. Controllers at scale (every controller, --pod-termination-delay 0)', [
    'nodes', 'nodes Ready s', 'DS Ready s', 'DS pods/s', CORES, 'RC Ready s', 'nodes lost', 'GC quarantine s', 'DS back s', 'RC back s',
  ], results.map((r) => [
    r.nodes, r.nodesReadySeconds, r.daemonSetSeconds, r.daemonSetPodsPerSecond, cores(r.daemonSetCpu), r.rcReadySeconds,
    r.nodeLoss.removed, r.nodeLoss.podGCQuarantineSeconds, r.nodeLoss.daemonSetSeconds, r.nodeLoss.rcSeconds,
  ]), [
    `Nodes created through the API (concurrency 32); then one DaemonSet, then a ${results[0]?.rcReplicas ?? 500}-replica RC; then every tenth node deleted.`,
    '"back": from the first node DELETE until the DaemonSet\'s desired = ready = remaining nodes, and every RC replica is Ready on a remaining node. – = not within the timeout.',
    ...results.filter((r) => r.daemonSetSeconds !== null && r.daemonSetPodsListedReady !== r.nodes).map((r) => `At ${r.nodes} nodes the DaemonSet's status said all Ready, but ${r.daemonSetPodsListedReady} of its pods were listed bound and Ready.`),
    ...notesFor(targets, 4),
  ]);
}

export function printStartup(startup: StartupResult | undefined, footprint: FootprintResult | undefined, profile: Profile, targets: Target[]): void {
  const samples = (s: { medianMs: number; samplesMs: number[] }) => `${s.medianMs} (${s.samplesMs.join(', ')})`;
  const rows: Cell[][] = [];
  if (startup) {
    rows.push(
      ['start-up ms, reference server, empty DB', samples(startup.reference)],
      ['start-up ms, mimikube, empty DB', samples(startup.empty)],
      [`start-up ms, mimikube, ${startup.objects.toLocaleString('en-US')} objects`, samples(startup.loaded)],
      [`start-up ms, mimikube --no-controllers, ${startup.objects.toLocaleString('en-US')} objects`, samples(startup.loadedApiOnly)],
      ['RSS MiB just after that start (--no-controllers)', startup.loadedApiOnlyRssMiB],
    );
  }
  if (footprint) {
    rows.push(
      [`RSS MiB at rest, ${footprint.pods.toLocaleString('en-US')} pods + ${footprint.nodes.toLocaleString('en-US')} nodes stored through the API`, footprint.rssAtRestMiB],
      ['objects stored per second while loading (concurrency 32)', footprint.loadPerSecond],
      ['database file MiB', footprint.dbMiB],
    );
  }
  printTable('5. Start-up and footprint', ['figure', 'value'], rows, [
    `Start-up: spawn → first 200 on /readyz, median (samples) of ${profile.startup.spawns}; the loaded runs use a fresh copy of the data set each time.`,
    'The memory figure runs with --no-controllers: with them, 5,000 simulated nodes would start running the 100,000 pods.',
    ...(profile.quick ? ['--quick: the data set is scaled down (see its size above).'] : []),
    ...notesFor(targets, 5),
  ]);
}

export function printDurability(d: DurabilityResult, targets: Target[]): void {
  printTable('6. Durability cost: pod creates at concurrency 64 (--no-controllers, temp file on the machine\'s disk)', ['mode', 'req/s', 'p50 ms', 'p99 ms', CORES, 'errors'], [
    ['mimikube --durability default', d.default.perSecond, d.default.p50Ms, d.default.p99Ms, cores(d.default), d.default.errors],
    ['mimikube --durability full', d.full.perSecond, d.full.p50Ms, d.full.p99Ms, cores(d.full), d.full.errors],
    ['reference POST, synchronous=FULL', d.referenceFull.perSecond, d.referenceFull.p50Ms, d.referenceFull.p99Ms, cores(d.referenceFull), d.referenceFull.errors],
  ], [`This disk: ${d.diskFsyncsPerSecond.toLocaleString('en-US')} fsyncs/s (4 KiB append + fdatasync).`, ...notesFor(targets, 6)]);
}
