import type { PodCondition, PodStatus } from '../../schemas/core/pod.js';
import { formatTime } from '../../server/clock.js';

/**
 * The status a failed attempt leaves (updatePod with podutil.UpdatePodCondition): PodScheduled=False, reason
 * Unschedulable, the failure message, and a cleared nominatedNodeName. The transition time moves only when the
 * condition's status changes. Undefined when the status already says exactly that, so nothing is written.
 */
export function unschedulableStatus(status: PodStatus | undefined, message: string, now: number): PodStatus | undefined {
  const conditions = status?.conditions ?? [];
  const index = conditions.findIndex((c) => c.type === 'PodScheduled');
  const old: PodCondition | undefined = conditions[index];
  const next: PodCondition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'False' ? (old.lastTransitionTime ?? null) : formatTime(now),
    reason: 'Unschedulable',
    message,
  };
  const conditionUnchanged =
    old !== undefined &&
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    (old.lastProbeTime ?? null) === null;
  if (conditionUnchanged && !status?.nominatedNodeName) return undefined;
  const updated = [...conditions];
  if (index >= 0) updated[index] = next;
  else updated.push(next);
  const out: PodStatus = { ...status, conditions: updated };
  delete out.nominatedNodeName;
  return out;
}
