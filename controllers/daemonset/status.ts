import type { DaemonSetStatus } from '../../schemas/apps/daemonset.js';
import { isPodAvailable, isPodReady } from '../runtime/pod-state.js';
import { comparePods, isPodUpdated } from './pod-template.js';
import { podState, type DaemonPod, type NodeToDaemonPods } from './types.js';

/** The counts the controller owns in DaemonSet status (collisionCount belongs to the history code). */
export interface DaemonSetCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

export interface StatusInput {
  /** Every existing node with its shouldRun answer: nodes that are gone count for nothing. */
  nodes: ReadonlyArray<{ name: string; shouldRun: boolean }>;
  nodeToPods: NodeToDaemonPods;
  hash: string;
  generation: string | undefined;
  minReadySeconds: number;
  now: number;
}

/**
 * updateDaemonSetStatus's counting: per node that should run the daemon, its oldest pod decides ready, available
 * and updated; pods on nodes that should not run it are misscheduled.
 */
export function computeCounts(input: StatusInput): DaemonSetCounts {
  const counts: DaemonSetCounts = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
    numberUnavailable: 0,
  };
  for (const node of input.nodes) {
    const pods: DaemonPod[] = input.nodeToPods.get(node.name) ?? [];
    if (!node.shouldRun) {
      if (pods.length > 0) counts.numberMisscheduled++;
      continue;
    }
    counts.desiredNumberScheduled++;
    if (pods.length === 0) continue;
    counts.currentNumberScheduled++;
    const pod = [...pods].sort(comparePods)[0];
    if (isPodReady(podState(pod))) {
      counts.numberReady++;
      if (isPodAvailable(podState(pod), input.minReadySeconds, input.now)) counts.numberAvailable++;
    }
    if (isPodUpdated(pod, input.hash, input.generation)) counts.updatedNumberScheduled++;
  }
  counts.numberUnavailable = counts.desiredNumberScheduled - counts.numberAvailable;
  return counts;
}

/** storeDaemonSetStatus skips the write when every count is unchanged and the generation was already observed. */
export function statusUpToDate(status: DaemonSetStatus | undefined, counts: DaemonSetCounts, generation: number): boolean {
  const s = status ?? {};
  return (Object.keys(counts) as Array<keyof DaemonSetCounts>).every((k) => (s[k] ?? 0) === counts[k]) &&
    (s.observedGeneration ?? 0) >= generation;
}

/** The status to write: the counts, and observedGeneration only after a sync that processed this generation. */
export function nextStatus(status: DaemonSetStatus | undefined, counts: DaemonSetCounts, observedGeneration: number | undefined): DaemonSetStatus {
  const next: DaemonSetStatus = { ...status, ...counts };
  if (observedGeneration !== undefined) next.observedGeneration = observedGeneration;
  return next;
}
