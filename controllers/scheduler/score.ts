import { compareGoStrings } from '../../server/registry/selectors/go-text.js';
import type { PodFacts } from './filters.js';
import { preferredAffinityWeight } from './node-affinity.js';
import type { NodeInfo } from './node-info.js';
import { NON_ZERO_DEFAULTS, podRequests, toResources, type Resources } from './resources.js';
import { countIntolerablePreferNoSchedule } from './taints.js';

/** framework.MaxNodeScore: every plugin's normalized score lies in 0..100. */
export const MAX_NODE_SCORE = 100;

/** The default profile's weights for the score plugins reproduced here. */
const WEIGHTS = { taintToleration: 3, nodeAffinity: 2, nodeResourcesFit: 1 };

/** leastRequestedScore: the free share of one resource after placing the pod, 0 when it would not fit. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit with the LeastAllocated strategy over cpu and memory (weight 1 each): the node's non-zero
 * requests plus the pod's, scored per resource and averaged; resources the node has none of are left out.
 */
export function leastAllocatedScore(podNonZero: Resources, info: NodeInfo): number {
  const pairs: Array<[number, number]> = [
    [info.nonZeroRequested.milliCpu + podNonZero.milliCpu, info.allocatable.milliCpu],
    [info.nonZeroRequested.memory + podNonZero.memory, info.allocatable.memory],
  ];
  let score = 0;
  let weights = 0;
  for (const [requested, capacity] of pairs) {
    if (capacity === 0) continue;
    score += leastRequestedScore(requested, capacity);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.floor(score / weights);
}

/** helper.DefaultNormalizeScore: scale to 0..100 by the highest raw score, flipped when fewer is better. */
export function normalizeScores(raw: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...raw);
  if (max === 0) return raw.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return raw.map((score) => {
    const scaled = Math.floor((MAX_NODE_SCORE * score) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/**
 * The weighted sum of the score plugins reproduced here: TaintToleration (PreferNoSchedule taints the pod does not
 * tolerate, fewer is better), NodeAffinity (preferred terms) and NodeResourcesFit (least allocated).
 */
export function scoreNodes(facts: PodFacts, feasible: readonly NodeInfo[]): number[] {
  const spec = facts.pod.spec;
  const podNonZero = toResources(podRequests(spec, NON_ZERO_DEFAULTS));
  const taints = normalizeScores(
    feasible.map((info) => countIntolerablePreferNoSchedule(info.node.spec?.taints, spec?.tolerations)),
    true,
  );
  const affinity = normalizeScores(
    feasible.map((info) => preferredAffinityWeight(spec, info.node)),
    false,
  );
  return feasible.map(
    (info, i) =>
      WEIGHTS.taintToleration * taints[i] +
      WEIGHTS.nodeAffinity * affinity[i] +
      WEIGHTS.nodeResourcesFit * leastAllocatedScore(podNonZero, info),
  );
}

/**
 * selectHost: the highest total wins. Upstream picks at random among equal totals; here the tie goes to the node
 * whose name sorts first, so the same cluster always places a pod the same way.
 */
export function selectHost(facts: PodFacts, feasible: readonly NodeInfo[]): string {
  const names = feasible.map((info) => info.node.metadata.name ?? '');
  if (feasible.length === 1) return names[0];
  const scores = scoreNodes(facts, feasible);
  let best = 0;
  for (let i = 1; i < feasible.length; i++) {
    if (scores[i] > scores[best] || (scores[i] === scores[best] && compareGoStrings(names[i], names[best]) < 0)) best = i;
  }
  return names[best];
}
