import type { KubeObject } from '../../schemas/meta.js';
import type { ResourceDef } from '../../server/registry/resource.js';

/** How upstream names a resource in the NamespaceContentRemaining message: `pods.` for core, `daemonsets.apps`. */
export function resourceLabel(def: ResourceDef): string {
  return `${def.resource}.${def.group}`;
}

/** How upstream prints a GroupVersionResource in error messages: `/v1, Resource=pods`. */
export function gvrString(def: ResourceDef): string {
  return `${def.group}/${def.version}, Resource=${def.resource}`;
}

interface PodLike extends KubeObject {
  spec?: { terminationGracePeriodSeconds?: number };
  status?: { phase?: string };
}

/**
 * Upstream's estimateGracefulTerminationForPods: the longest grace period of the pods that are still running,
 * or 0 once that long has passed since the namespace was deleted (from then on, leftovers are unexpected).
 */
export function podTerminationEstimate(pods: KubeObject[], namespaceDeletedAtMs: number, nowMs: number): number {
  let estimate = 0;
  for (const pod of pods as PodLike[]) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
  }
  return nowMs - namespaceDeletedAtMs >= estimate * 1000 ? 0 : estimate;
}

export interface ResourceRemainder {
  /** Seconds to wait before looking again; 0 when nothing justifies waiting. */
  estimateSeconds: number;
  remaining: number;
  byFinalizer: Map<string, number>;
  /** Items are left with neither a grace period nor a finalizer to explain them. */
  unexpected: boolean;
}

/**
 * Upstream's verdict on what is left of one resource after its deletecollection: nothing; items still inside a
 * grace period; items held by finalizers (assumed to clear within `finalizerEstimateSeconds`); or an error.
 */
export function remainder(items: KubeObject[], estimateSeconds: number, finalizerEstimateSeconds: number): ResourceRemainder {
  const byFinalizer = new Map<string, number>();
  for (const item of items) {
    for (const f of item.metadata.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
  }
  const remaining = items.length;
  if (remaining === 0) return { estimateSeconds: 0, remaining, byFinalizer, unexpected: false };
  if (estimateSeconds > 0) return { estimateSeconds, remaining, byFinalizer, unexpected: false };
  if (byFinalizer.size > 0) return { estimateSeconds: finalizerEstimateSeconds, remaining, byFinalizer, unexpected: false };
  return { estimateSeconds: 0, remaining, byFinalizer, unexpected: true };
}

/** Upstream's requeue for content that is still going away: half the estimate plus a second. */
export function recheckDelayMs(estimateSeconds: number): number {
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}
