import { nodeMatchesRequiredAffinity } from './node-affinity.js';
import { hostPorts, portsConflict, type HostPort, type NodeInfo, type SchedPod } from './node-info.js';
import { podRequests, toResources, type Resources } from './resources.js';
import { findUntoleratedTaint, tolerationsTolerateTaint, untoleratedTaintReason } from './taints.js';

/**
 * A rejection as the framework reports it. `UnschedulableAndUnresolvable` tells preemption that evicting pods
 * cannot help on that node.
 */
export interface FilterStatus {
  code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  reasons: string[];
}

export const REASON_UNSCHEDULABLE_NODE = 'node(s) were unschedulable';
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** What the PreFilter plugins work out once per scheduling attempt. */
export interface PodFacts {
  pod: SchedPod;
  requests: Resources;
  ports: HostPort[];
}

export function podFacts(pod: SchedPod): PodFacts {
  return { pod, requests: toResources(podRequests(pod.spec)), ports: hostPorts(pod.spec) };
}

function unresolvable(reason: string): FilterStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons: [reason] };
}

/** NodeUnschedulable: a cordoned node takes only pods that tolerate the unschedulable NoSchedule taint. */
function nodeUnschedulable(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  if (!info.node.spec?.unschedulable) return undefined;
  if (tolerationsTolerateTaint(facts.pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
  return unresolvable(REASON_UNSCHEDULABLE_NODE);
}

function taintToleration(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  const taint = findUntoleratedTaint(info.node.spec?.taints, facts.pod.spec?.tolerations);
  return taint ? unresolvable(untoleratedTaintReason(taint)) : undefined;
}

function nodeAffinity(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  return nodeMatchesRequiredAffinity(facts.pod.spec, info.node) ? undefined : unresolvable(REASON_NODE_AFFINITY);
}

function nodePorts(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  return portsConflict(info.usedPorts, facts.ports) ? { code: 'Unschedulable', reasons: [REASON_NODE_PORTS] } : undefined;
}

/**
 * NodeResourcesFit's fitsRequest: every shortage is reported, the pod count first. A pod that requests nothing
 * only needs a free pod slot; a zero request never fails.
 */
export function insufficientResources(requests: Resources, info: NodeInfo): string[] {
  const reasons: string[] = [];
  const { allocatable: alloc, requested: used } = info;
  if (info.pods.length + 1 > alloc.pods) reasons.push('Too many pods');
  if (requests.milliCpu === 0 && requests.memory === 0 && requests.ephemeralStorage === 0 && requests.scalar.size === 0) {
    return reasons;
  }
  if (requests.milliCpu > 0 && requests.milliCpu > alloc.milliCpu - used.milliCpu) reasons.push('Insufficient cpu');
  if (requests.memory > 0 && requests.memory > alloc.memory - used.memory) reasons.push('Insufficient memory');
  if (requests.ephemeralStorage > 0 && requests.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    reasons.push('Insufficient ephemeral-storage');
  }
  for (const name of [...requests.scalar.keys()].sort()) {
    const want = requests.scalar.get(name)!;
    if (want !== 0 && want > (alloc.scalar.get(name) ?? 0) - (used.scalar.get(name) ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

function resourcesFit(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  const reasons = insufficientResources(facts.requests, info);
  return reasons.length > 0 ? { code: 'Unschedulable', reasons } : undefined;
}

/** The default profile's filters in their configured order; the first rejection is the node's status. */
const FILTERS = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, resourcesFit];

export function filterNode(facts: PodFacts, info: NodeInfo): FilterStatus | undefined {
  for (const filter of FILTERS) {
    const status = filter(facts, info);
    if (status) return status;
  }
  return undefined;
}
