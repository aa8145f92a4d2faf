import { fitErrorMessage, NO_NODES_AVAILABLE, type Diagnosis } from './fit-error.js';
import { filterNode, podFacts } from './filters.js';
import { requiredNodeNames } from './node-affinity.js';
import type { NodeInfo, SchedPod } from './node-info.js';
import { preemptionMessage } from './preemption.js';
import { selectHost } from './score.js';

/** Where the pod goes, or the message its PodScheduled=False condition and FailedScheduling event carry. */
export type ScheduleResult = { node: string } | { failure: string };

/** NodeAffinity's PreFilter rejection when the required terms pin disjoint node names. */
export const REASON_AFFINITY_CONFLICT = 'pod affinity terms conflict';
/** The status of the nodes a PreFilter result leaves out (sets.List of the plugins that narrowed the nodes). */
export const REASON_PREFILTER_SKIPPED = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

/**
 * One scheduling cycle (schedulePod + the PostFilter run on failure): PreFilter may narrow the nodes to the ones a
 * DaemonSet pod is pinned to, every remaining node is filtered, and the feasible nodes are scored. A caller that
 * already narrowed `nodeInfos` to the pinned nodes passes the cluster's node count as `numAllNodes`.
 */
export function schedulePod(pod: SchedPod, nodeInfos: readonly NodeInfo[], numAllNodes = nodeInfos.length): ScheduleResult {
  if (numAllNodes === 0) return { failure: NO_NODES_AVAILABLE };
  const facts = podFacts(pod);
  const byName = new Map(nodeInfos.map((info) => [info.node.metadata.name ?? '', info]));
  const diagnosis: Diagnosis = { numAllNodes, nodeStatuses: new Map() };
  const pinned = requiredNodeNames(pod.spec);
  let candidates = nodeInfos;
  if (pinned?.size === 0) {
    diagnosis.preFilterMsg = REASON_AFFINITY_CONFLICT;
    diagnosis.absentStatus = { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY_CONFLICT] };
    return { failure: fitErrorMessage(diagnosis, preemptionMessage(facts, diagnosis, byName)) };
  }
  if (pinned) {
    candidates = nodeInfos.filter((info) => pinned.has(info.node.metadata.name ?? ''));
    diagnosis.absentStatus = { code: 'UnschedulableAndUnresolvable', reasons: [REASON_PREFILTER_SKIPPED] };
  }
  const feasible: NodeInfo[] = [];
  for (const info of candidates) {
    const status = filterNode(facts, info);
    if (status) diagnosis.nodeStatuses.set(info.node.metadata.name ?? '', status);
    else feasible.push(info);
  }
  if (feasible.length === 0) return { failure: fitErrorMessage(diagnosis, preemptionMessage(facts, diagnosis, byName)) };
  return { node: selectHost(facts, feasible) };
}
