import type { PodCondition, PodStatus } from '../../schemas/core/pod.js';
import { formatTime } from '../../server/clock.js';

function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);
}

/**
 * Sets a pod condition as upstream's UpdatePodCondition does: a new condition, or a status change, gets
 * lastTransitionTime = now; otherwise the old transition time is kept. Returns whether anything changed.
 */
export function updatePodCondition(status: PodStatus, condition: PodCondition, now: number): boolean {
  const conditions = (status.conditions ??= []);
  const at = conditions.findIndex((c) => c.type === condition.type);
  const old = conditions[at];
  // Built in upstream's field order, which is what clients print.
  const next: PodCondition = {
    type: condition.type,
    status: condition.status,
    lastProbeTime: condition.lastProbeTime ?? null,
    lastTransitionTime: formatTime(now),
  };
  if (condition.reason) next.reason = condition.reason;
  if (condition.message) next.message = condition.message;
  if (!old) {
    conditions.push(next);
    return true;
  }
  if (next.status === old.status) next.lastTransitionTime = old.lastTransitionTime ?? null;
  conditions[at] = next;
  return !(
    next.status === old.status &&
    (next.reason ?? '') === (old.reason ?? '') &&
    (next.message ?? '') === (old.message ?? '') &&
    sameInstant(next.lastProbeTime, old.lastProbeTime) &&
    sameInstant(next.lastTransitionTime, old.lastTransitionTime)
  );
}

/**
 * MarkPodsNotReady for one pod: an existing Ready condition turns False, keeping its reason and message; a pod
 * without one is left alone. Returns whether the status changed.
 */
export function markPodNotReady(status: PodStatus, now: number): boolean {
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  if (!ready) return false;
  return updatePodCondition(status, { ...ready, status: 'False' }, now);
}

/** The DisruptionTarget condition controllers set on a pod they are about to delete. */
export function disruptionTarget(reason: string, message: string): PodCondition {
  return { type: 'DisruptionTarget', status: 'True', reason, message };
}
