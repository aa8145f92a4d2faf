import { nodeMatchesRequiredAffinity } from '../scheduler/node-affinity.js';
import { findUntoleratedTaint } from '../scheduler/taints.js';
import { daemonPodTolerations } from './tolerations.js';
import type { DaemonSet, NodeObject } from './types.js';

export interface Eligibility {
  /** A daemon pod should be created on the node if it has none. */
  shouldRun: boolean;
  /** A daemon pod already there may stay. */
  shouldContinueRunning: boolean;
}

const NEITHER: Eligibility = { shouldRun: false, shouldContinueRunning: false };

/**
 * NodeShouldRunDaemonPod: checks the pod the DaemonSet would put on `node` (its template with the default daemon
 * tolerations) against the template's nodeName, the nodeSelector and required node affinity, and the node's taints.
 * NoSchedule and NoExecute taints keep new pods off; only NoExecute ones also remove running pods. Resources, host
 * ports, readiness and spec.unschedulable are the scheduler's business and are not looked at.
 */
export function nodeShouldRunDaemonPod(node: NodeObject, ds: DaemonSet): Eligibility {
  const spec = ds.spec?.template?.spec;
  const nodeName = node.metadata.name ?? '';
  if (spec?.nodeName && spec.nodeName !== nodeName) return NEITHER;
  if (!nodeMatchesRequiredAffinity(spec, node)) return NEITHER;
  const tolerations = daemonPodTolerations(spec);
  const taints = node.spec?.taints;
  if (!findUntoleratedTaint(taints, tolerations, ['NoSchedule', 'NoExecute'])) return { shouldRun: true, shouldContinueRunning: true };
  return { shouldRun: false, shouldContinueRunning: !findUntoleratedTaint(taints, tolerations, ['NoExecute']) };
}

/** The answer for every node, computed once per sync. */
export function eligibilityByNode(nodes: readonly NodeObject[], ds: DaemonSet): Map<string, Eligibility> {
  return new Map(nodes.map((node) => [node.metadata.name ?? '', nodeShouldRunDaemonPod(node, ds)]));
}
