import { fitErrorMessage, type Diagnosis } from './fit-error.js';
import { filterNode, type FilterStatus, type PodFacts } from './filters.js';
import { withoutPods, type NodeInfo, type SchedPod } from './node-info.js';

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
export const PREEMPTION_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';

/** corev1helpers.PodPriority: the admitted priority, 0 when none was set. */
export function podPriority(pod: SchedPod): number {
  return pod.spec?.priority ?? 0;
}

/**
 * DefaultPreemption's PostFilter message, as the scheduler appends it to the failure. Only nodes rejected with a
 * plain Unschedulable status (resources, host ports) are worth a dry run: it removes every pod of lower priority
 * and filters again. Undefined means some node would fit after evicting: upstream then evicts and nominates that
 * node, and the failure message carries no preemption part.
 */
export function preemptionMessage(
  facts: PodFacts,
  diagnosis: Diagnosis,
  nodeInfos: ReadonlyMap<string, NodeInfo>,
): string | undefined {
  if (facts.pod.spec?.preemptionPolicy === 'Never') return `preemption: ${PREEMPTION_POLICY_NEVER}`;
  const priority = podPriority(facts.pod);
  const statuses = new Map<string, FilterStatus>();
  for (const [name, status] of diagnosis.nodeStatuses) {
    if (status.code !== 'Unschedulable') continue;
    const info = nodeInfos.get(name)!;
    const victims = new Set(info.pods.filter((p) => podPriority(p) < priority));
    if (victims.size === 0) {
      statuses.set(name, { code: 'UnschedulableAndUnresolvable', reasons: [NO_PREEMPTION_VICTIMS] });
      continue;
    }
    const after = filterNode(facts, withoutPods(info, victims));
    if (!after) return undefined;
    statuses.set(name, after);
  }
  const message = fitErrorMessage({
    numAllNodes: diagnosis.numAllNodes,
    nodeStatuses: statuses,
    absentStatus: { code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL] },
  });
  return `preemption: ${message}`;
}
