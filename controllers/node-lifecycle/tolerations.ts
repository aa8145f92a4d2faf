import type { Taint } from '../../schemas/core/node.js';
import type { Toleration } from '../../schemas/core/pod.js';
import { toleratesTaint } from '../scheduler/taints.js';

export { toleratesTaint };

/** The first toleration matching each taint, or undefined when some taint is not tolerated at all. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return undefined;
    used.push(match);
  }
  return used;
}

/**
 * How long a pod may stay: the smallest tolerationSeconds among the matching tolerations (≤0 means at once), or
 * Infinity when none of them limits the time.
 */
export function minTolerationSeconds(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const { tolerationSeconds } of used) {
    if (tolerationSeconds === undefined) continue;
    if (tolerationSeconds <= 0) return 0;
    min = Math.min(min, tolerationSeconds);
  }
  return min;
}

export type EvictionDecision =
  | { action: 'cancel' }
  | { action: 'evictNow' }
  | { action: 'evictAfter'; delayMs: number };

/** What the taint-eviction controller does with a pod on a node carrying these NoExecute taints. */
export function decideEviction(noExecute: readonly Taint[], tolerations: readonly Toleration[]): EvictionDecision {
  if (noExecute.length === 0) return { action: 'cancel' };
  const used = matchingTolerations(noExecute, tolerations);
  if (!used) return { action: 'evictNow' };
  const seconds = minTolerationSeconds(used);
  if (seconds === Infinity) return { action: 'cancel' };
  return { action: 'evictAfter', delayMs: seconds * 1000 };
}
