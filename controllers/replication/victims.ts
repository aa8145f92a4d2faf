import { isPodActive, isPodReady, podCondition, type PodObject } from '../runtime/pod-state.js';

/** The annotation users set to steer scale-down (PodDeletionCost, on by default since 1.22). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** Unlisted phases (an empty one included) read as Pending, as a missing key in upstream's ordinal map does. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The pod's deletion cost: a base-10 int32 that starts with a minus sign or a non-zero digit (or is just "0");
 * anything else, or nothing, is 0, as upstream falls back to when the annotation does not parse.
 */
export function podDeletionCost(pod: PodObject): number {
  const text = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (text === undefined || !/^(0|[1-9][0-9]*|-[0-9]+)$/.test(text)) return 0;
  const value = Number(text);
  return value >= INT32_MIN && value <= INT32_MAX ? value : 0;
}

function maxRestarts(pod: PodObject): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** A timestamp in ms, or 0 for the zero time (absent or unparsable). */
function timeOf(text: string | null | undefined): number {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

function readySince(pod: PodObject): number {
  return isPodReady(pod) ? timeOf(podCondition(pod, 'Ready')?.lastTransitionTime) : 0;
}

/** floor(log2(age in nanoseconds)), or -1 when the time is not in the past. */
function logarithmicAge(ms: number, now: number): number {
  const nanos = (now - ms) * 1e6;
  return nanos > 0 ? Math.floor(Math.log2(nanos)) : -1;
}

/**
 * Newer first, compared on a log2 scale of their ages (LogarithmicScaleDown, GA): times in the same power-of-two
 * bucket are ordered by pod UID instead, so equally old pods are picked pseudo-randomly rather than strictly by age.
 * A zero time counts as the newest.
 */
function compareTimes(a: PodObject, ta: number, b: PodObject, tb: number, now: number): number {
  if (ta === 0 || tb === 0) return ta === 0 ? -1 : 1;
  const diff = logarithmicAge(ta, now) - logarithmicAge(tb, now);
  if (diff !== 0) return diff;
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export interface RankedPod {
  pod: PodObject;
  /** How many active related pods share this pod's node. */
  rank: number;
}

/**
 * ActivePodsWithRanks.Less as a comparator: negative when `a` should be deleted before `b`. The criteria, in order:
 * unassigned before assigned; Pending < Unknown < Running; not ready before ready; lower deletion cost; higher rank
 * (doubled-up nodes); ready for a shorter time; more container restarts; newer creation.
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const phase = (PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0) - (PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0);
  if (phase !== 0) return phase;
  const readyA = isPodReady(pa);
  const readyB = isPodReady(pb);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const cost = podDeletionCost(pa) - podDeletionCost(pb);
  if (cost !== 0) return cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (readyA && readyB) {
    const ra = readySince(pa);
    const rb = readySince(pb);
    if (ra !== rb) return compareTimes(pa, ra, pb, rb, now);
  }
  const restarts = maxRestarts(pb) - maxRestarts(pa);
  if (restarts !== 0) return restarts;
  const ca = timeOf(pa.metadata.creationTimestamp);
  const cb = timeOf(pb.metadata.creationTimestamp);
  if (ca !== cb) return compareTimes(pa, ca, pb, cb, now);
  return 0;
}

/** getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods on its node. */
export function rankByRelatedPodsOnSameNode(pods: PodObject[], related: PodObject[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/** getPodsToDelete: the `diff` pods to delete first; no ranking is needed when all of them go. */
export function podsToDelete(pods: PodObject[], related: PodObject[], diff: number, now: number): PodObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const ranked = rankByRelatedPodsOnSameNode(pods, related).sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
