import type { SchedNode, SchedPod } from './node-info.js';

/** Which pods this scheduler takes: unbound, its own, alive, and no longer held back by scheduling gates. */
export function needsScheduling(pod: SchedPod, schedulerName: string): boolean {
  const phase = pod.status?.phase;
  return (
    !pod.spec?.nodeName &&
    (pod.spec?.schedulerName || 'default-scheduler') === schedulerName &&
    !pod.metadata.deletionTimestamp &&
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    (pod.spec?.schedulingGates ?? []).length === 0
  );
}

/**
 * calculateBackoffDuration: the initial backoff doubled for every attempt after the first, capped at the maximum
 * (1s, 2s, 4s, 8s, then 10s with the defaults).
 */
export function podBackoffMs(attempts: number, initialMs: number, maxMs: number): number {
  let backoff = initialMs;
  for (let i = 1; i < attempts; i++) {
    backoff *= 2;
    if (backoff > maxMs) return maxMs;
  }
  return Math.min(backoff, maxMs);
}

/**
 * isPodUpdated: whether a change to an unscheduled pod can change where it fits. Status writes (including the
 * scheduler's own condition) and bookkeeping fields do not, which keeps the scheduler from chasing its own writes.
 */
export function podSchedulingPropertiesChanged(old: SchedPod, pod: SchedPod): boolean {
  const strip = (p: SchedPod) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _m, finalizers: _f, ...metadata } = p.metadata;
    return JSON.stringify([metadata, p.spec]);
  };
  return strip(old) !== strip(pod);
}

/**
 * The node changes a default filter registers for: spec.unschedulable, allocatable, labels and taints. Heartbeats
 * and condition flips wake nobody (a NotReady node changes through its taints).
 */
export function nodeSchedulingPropertiesChanged(old: SchedNode, node: SchedNode): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (
    !!old.spec?.unschedulable !== !!node.spec?.unschedulable ||
    !same(old.status?.allocatable, node.status?.allocatable) ||
    !same(old.metadata.labels, node.metadata.labels) ||
    !same(old.spec?.taints, node.spec?.taints)
  );
}
