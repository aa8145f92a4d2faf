import type { Toleration } from '../../schemas/core/affinity.js';
import type { Taint } from '../../schemas/core/node.js';

/** The effects the TaintToleration filter (and a DaemonSet's shouldRun) insists on: PreferNoSchedule only scores. */
export const DO_NOT_SCHEDULE_EFFECTS: readonly string[] = ['NoSchedule', 'NoExecute'];

/**
 * Toleration.ToleratesTaint: an empty effect or key in the toleration matches any; operator Equal (or empty)
 * compares values, Exists ignores them, and an unknown operator tolerates nothing.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== (taint.effect ?? '')) return false;
  if (toleration.key && toleration.key !== (taint.key ?? '')) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint with one of `effects` that no toleration covers. */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[] = DO_NOT_SCHEDULE_EFFECTS,
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect ?? '') && !tolerationsTolerateTaint(tolerations, taint));
}

/** The TaintToleration filter's reason, Go's `{%s: %s}` printing an empty value as nothing after the colon. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key ?? ''}: ${taint.value ?? ''}}`;
}

/**
 * TaintToleration's raw score: the PreferNoSchedule taints the pod does not tolerate, counting only tolerations
 * whose effect is empty or PreferNoSchedule (fewer is better).
 */
export function countIntolerablePreferNoSchedule(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): number {
  const relevant = (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  return (taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(relevant, taint)).length;
}
