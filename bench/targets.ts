import os from 'node:os';
import type { CpuShares } from './cpu.js';
import type { LoadResult } from './load.js';
import type { Profile } from './profile.js';
import type { SuiteResults } from './results.js';
import { formatCell } from './table.js';

export interface Target {
  /** The scenario (1–6) whose table the target is printed under. */
  scenario: number;
  name: string;
  required: string;
  /** null when the scenario did not run to the end. */
  measured: string | null;
  met: boolean | null;
  /** What limits the figure, from the run's own measurements: said plainly when the target is missed. */
  boundBy: string;
}

const RSS_LIMIT_MIB = 400e6 / 2 ** 20;
const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
const n = formatCell;

function at(results: LoadResult[] | undefined, concurrency: number): LoadResult | undefined {
  return results?.find((r) => r.concurrency === concurrency);
}

/** What bounded a measurement, read from the CPU each party used during it. */
function cpuBound(shares: Partial<CpuShares> | undefined): string {
  if (shares?.serverCores === undefined) return 'CPU not measured';
  const cores = os.cpus().length;
  const detail = `server ${shares.serverCores}, load generator ${shares.generatorCores}, whole machine ${shares.machineCores} of ${cores} cores busy`;
  // The server's figure counts its worker threads too; its request thread is the one that limits it.
  if (shares.serverCores >= 0.9) return `the server's request thread, busy or waiting on its workers (${detail})`;
  if ((shares.machineCores ?? 0) >= cores - 0.25) return `the machine's CPU, shared with the load generator and other processes (${detail})`;
  return `waits, not CPU (${detail})`;
}

function ratioTarget(scenario: number, name: string, required: number, mimikube: LoadResult | undefined, mimikubeRate: number | undefined, reference: LoadResult | undefined, unit: string): Target {
  if (!mimikube || mimikubeRate === undefined || !reference) return { scenario, name, required: `≥ ${pct(required)}`, measured: null, met: null, boundBy: '' };
  const ratio = mimikubeRate / reference.perSecond;
  return {
    scenario,
    name,
    required: `≥ ${pct(required)}`,
    measured: `${pct(ratio)} (${n(mimikubeRate)} vs ${n(reference.perSecond)} ${unit})`,
    met: ratio >= required && mimikube.errors === 0,
    boundBy: mimikube.errors > 0 ? `${mimikube.errors} errors: ${mimikube.firstError}` : cpuBound(mimikube),
  };
}

/** The targets, each judged against the figures of this run (and the reference measured in it). */
export function evaluateTargets(r: SuiteResults, profile: Profile): Target[] {
  const targets: Target[] = [];
  const c16 = 16;
  const create = at(r.crud?.create, c16);
  const get = at(r.crud?.get, c16);
  const list = at(r.lists?.paginated, c16) as (LoadResult & { objectsPerSecond: number }) | undefined;
  targets.push(ratioTarget(2, 'create pods, c16, vs reference POST', 0.5, create, create?.perSecond, at(r.reference?.post, c16), 'req/s'));
  targets.push(ratioTarget(2, 'get a pod, c16, vs reference GET', 0.6, get, get?.perSecond, at(r.reference?.get, c16), 'req/s'));
  targets.push(ratioTarget(2, `list ${n(r.lists?.namespacePods ?? profile.dataset.podsPerNamespace)} pods by 500, c16, objects/s vs reference GET`, 0.5, list, list?.objectsPerSecond, at(r.reference?.get, c16), 'objects/s'));

  const watch = r.watchFanout;
  targets.push({
    scenario: 3,
    name: `watch delivery p99, ${n(profile.watch.watchers)} watchers at ${n(profile.watch.writesPerSecond)} writes/s`,
    required: '≤ 50 ms',
    measured: watch ? `${n(watch.latencyMs.p99)} ms` : null,
    met: watch ? watch.latencyMs.p99 <= 50 : null,
    boundBy: watch ? `fan-out on the server's one JS thread (max ${n(watch.latencyMs.max)} ms)` : '',
  });

  const largest = r.controllers?.at(-1);
  const q = profile.controllers.podGCQuarantineSeconds;
  targets.push({
    scenario: 4,
    name: `DaemonSet over ${n(largest?.nodes ?? profile.controllers.nodeCounts.at(-1))} new nodes, all pods Ready${profile.quick ? ' (--quick; the target is set for 5,000)' : ''}`,
    required: '≤ 10 s (≥ 500 pods/s at 5,000 nodes)',
    measured: largest ? (largest.daemonSetSeconds === null ? `not within ${profile.controllers.timeoutSeconds} s` : `${n(largest.daemonSetSeconds)} s, ${n(largest.daemonSetPodsPerSecond)} pods/s`) : null,
    met: largest ? largest.daemonSetSeconds !== null && largest.daemonSetSeconds <= 10 : null,
    boundBy: largest ? `${cpuBound(largest.daemonSetCpu)}; the API, the scheduler, the DaemonSet controller and every kubelet share that thread` : '',
  });
  const loss = largest?.nodeLoss;
  targets.push({
    scenario: 4,
    name: `recovery after losing ${n(loss?.removed)} of ${n(largest?.nodes)} nodes (DaemonSet and ${n(largest?.rcReplicas)}-replica RC)`,
    required: `≤ ${5 + q} s (5 s + ${q} s pod-GC quarantine)`,
    measured: loss ? (loss.recoverySeconds === null ? `not within ${profile.controllers.timeoutSeconds} s` : `${n(loss.recoverySeconds)} s`) : null,
    met: loss ? loss.recoverySeconds !== null && loss.recoverySeconds <= 5 + q : null,
    boundBy: `pod GC: a lost node's pods wait out the ${q} s quarantine and the next GC pass before they are replaced`,
  });

  const s = r.startup;
  targets.push({
    scenario: 5,
    name: 'start-up to /readyz, empty DB',
    required: '≤ 300 ms',
    measured: s ? `${n(s.empty.medianMs)} ms` : null,
    met: s ? s.empty.medianMs <= 300 : null,
    boundBy: s ? `mimikube's own start-up: ${n(s.empty.medianMs - s.reference.medianMs)} ms more than the bare Fastify + better-sqlite3 reference (ready in ${n(s.reference.medianMs)} ms, Node's own start included)` : '',
  });
  targets.push({
    scenario: 5,
    name: `start-up to /readyz, ${n(s?.objects ?? profile.dataset.namespaces * profile.dataset.podsPerNamespace)} stored objects`,
    required: '≤ 1,500 ms',
    measured: s ? `${n(s.loaded.medianMs)} ms` : null,
    met: s ? s.loaded.medianMs <= 1500 : null,
    boundBy: s ? `the controllers' start: the API alone is ready in ${n(s.loadedApiOnly.medianMs)} ms on the same file` : '',
  });
  const f = r.footprint;
  targets.push({
    scenario: 5,
    name: `RSS at rest, ${n(f?.pods ?? profile.dataset.namespaces * profile.dataset.podsPerNamespace)} pods and ${n(f?.nodes ?? profile.dataset.nodes)} nodes (no controllers)`,
    required: '≤ 400 MB (381 MiB)',
    measured: f ? `${n(f.rssAtRestMiB)} MiB` : null,
    met: f ? f.rssAtRestMiB <= RSS_LIMIT_MIB : null,
    boundBy: 'the V8 heap of the server that stored them',
  });

  const d = r.durability;
  targets.push({
    scenario: 6,
    name: 'durable creates (fsync per commit), c64, vs default',
    required: '≥ 70%',
    measured: d ? `${pct(d.ratio)} (${n(d.full.perSecond)} vs ${n(d.default.perSecond)} req/s)` : null,
    met: d ? d.ratio >= 0.7 && d.full.errors === 0 : null,
    boundBy: d ? `fsync: this disk does ${n(d.diskFsyncsPerSecond)} fsyncs/s; one fsync per request caps the reference at ${n(d.referenceFull.perSecond)} req/s; ${cpuBound(d.full)}` : '',
  });
  return targets;
}

/** One line per target: ✓, or ✗ with the measured figure and what bounds it. */
export function targetLine(target: Target): string {
  if (target.met === null) return `– ${target.name}: target ${target.required}; not measured (the scenario did not finish)`;
  if (target.met) return `✓ ${target.name}: ${target.measured} (target ${target.required})`;
  return `✗ ${target.name}: target ${target.required}; missed: measured ${target.measured}, bound by ${target.boundBy}`;
}
