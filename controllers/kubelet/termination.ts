import type { KubeObject } from '../../schemas/meta.js';
import type { ContainerExit } from './pod-status.js';

/** SIGKILL at the end of the grace period: 128 + 9, reported as an Error. */
const KILLED: ContainerExit = { exitCode: 137, reason: 'Error' };
/** The process honoured SIGTERM and exited cleanly before the deadline. */
const EXITED: ContainerExit = { exitCode: 0, reason: 'Completed' };

export interface TerminationPlan {
  /** When the containers are down and the kubelet deletes the pod for good. */
  at: number;
  exit: ContainerExit;
}

/**
 * When a pod being deleted gracefully is finished. By default its containers use the whole grace period and are
 * killed at deletionTimestamp; with `terminationDelayMs` they exit that long after the DELETE, never later than
 * the deadline.
 */
export function terminationPlan(pod: KubeObject, terminationDelayMs: number | undefined): TerminationPlan | undefined {
  const stamp = pod.metadata.deletionTimestamp;
  if (!stamp) return undefined;
  const deadline = Date.parse(stamp);
  if (terminationDelayMs === undefined) return { at: deadline, exit: KILLED };
  const requested = deadline - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  const at = requested + Math.max(0, terminationDelayMs);
  return at < deadline ? { at, exit: EXITED } : { at: deadline, exit: KILLED };
}
