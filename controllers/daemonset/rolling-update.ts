import { isPodAvailable } from '../runtime/pod-state.js';
import { isPodUpdated } from './pod-template.js';
import { podState, type DaemonPod, type DaemonSet, type NodeToDaemonPods } from './types.js';

type IntOrPercent = number | string | undefined;

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, a percent of `total` rounded up or down; anything else is an
 * error, as upstream's (a sync that cannot work out its budget fails and retries).
 */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (value === undefined) throw new Error('nil value for IntOrString');
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = value.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(digits)) throw new Error(`invalid value for IntOrString: invalid value "${value}"`);
  const scaled = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

function rollingUpdateOf(ds: DaemonSet) {
  return ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined;
}

/** util.SurgeCount: 0 unless RollingUpdate asks for surge; percents round up. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  const maxSurge = rollingUpdateOf(ds)?.maxSurge;
  return maxSurge === undefined ? 0 : scaledValue(maxSurge, numberToSchedule, true);
}

/** util.UnavailableCount: 0 unless RollingUpdate; percents round up. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  const rollingUpdate = rollingUpdateOf(ds);
  return rollingUpdate ? scaledValue(rollingUpdate.maxUnavailable, numberToSchedule, true) : 0;
}

/** util.AllowsSurge: would one node be allowed a second pod? */
export function allowsSurge(ds: DaemonSet): boolean {
  try {
    return surgeCount(ds, 1) > 0;
  } catch {
    return false;
  }
}

export interface RolloutBudget {
  maxSurge: number;
  maxUnavailable: number;
  desired: number;
}

/**
 * updatedDesiredNodeCounts: desiredNumberScheduled and the budgets worked out against it; every node that should
 * run the daemon but has no pod gets an empty entry in `nodeToPods` (it then counts as unavailable). When both
 * budgets come out 0 on a DaemonSet that wants pods, unavailability 1 is assumed rather than a rollout that never
 * moves.
 */
export function updatedDesiredNodeCounts(ds: DaemonSet, shouldRun: ReadonlyMap<string, boolean>, nodeToPods: NodeToDaemonPods): RolloutBudget {
  let desired = 0;
  for (const [node, run] of shouldRun) {
    if (!run) continue;
    desired++;
    if (!nodeToPods.has(node)) nodeToPods.set(node, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desired };
}

export interface UpdatedPods {
  newPod?: DaemonPod;
  oldPod?: DaemonPod;
  /** False when a node has two new or two old pods: manage prunes those first. */
  ok: boolean;
}

/** findUpdatedPodsOnNode: at most one current-revision pod and one older pod among those not being deleted. */
export function findUpdatedPodsOnNode(pods: readonly DaemonPod[], hash: string, generation: string | undefined): UpdatedPods {
  let newPod: DaemonPod | undefined;
  let oldPod: DaemonPod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

export interface RolloutInput {
  ds: DaemonSet;
  /** Claimed pods by node; gains an empty entry for every node that should run the daemon but has no pod. */
  nodeToPods: NodeToDaemonPods;
  /** shouldRun per existing node; a node missing here no longer exists. */
  shouldRun: ReadonlyMap<string, boolean>;
  hash: string;
  generation: string | undefined;
  now: number;
}

export interface RolloutPlan {
  podsToDelete: DaemonPod[];
  nodesToCreate: string[];
}

/** Nodes in a stable order: upstream walks a Go map (random order); a fixed order makes runs reproducible. */
function nodesInOrder(nodeToPods: NodeToDaemonPods): Array<[string, DaemonPod[]]> {
  return [...nodeToPods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * rollingUpdate without surge: old pods that are unavailable go at once; available old pods go only while the
 * number of unavailable nodes stays under maxUnavailable. manage creates the replacements on its next pass.
 */
export function planWithoutSurge(input: RolloutInput, maxUnavailable: number): RolloutPlan {
  const { ds, hash, generation, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const replacements: DaemonPod[] = [];
  const candidates: DaemonPod[] = [];
  for (const [, pods] of nodesInOrder(input.nodeToPods)) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, generation);
    if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
      numUnavailable++;
    } else if (newPod) {
      if (!isPodAvailable(podState(newPod), minReady, now)) numUnavailable++;
    } else if (!isPodAvailable(podState(oldPod!), minReady, now)) {
      replacements.push(oldPod!);
      numUnavailable++;
    } else if (numUnavailable < maxUnavailable) {
      candidates.push(oldPod!);
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
  return { podsToDelete: [...replacements, ...candidates.slice(0, remaining)], nodesToCreate: [] };
}

/**
 * rollingUpdate with surge: a new pod is started next to an unavailable old one at once, and next to available old
 * ones up to maxSurge at a time; an old pod goes once its replacement is available. Old pods on nodes that should no
 * longer run the daemon go only while more pods are available than desired, so availability never dips.
 */
export function planWithSurge(input: RolloutInput, maxSurge: number, desired: number): RolloutPlan {
  const { ds, hash, generation, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (pod: DaemonPod) => isPodAvailable(podState(pod), minReady, now);
  const shouldRun = (node: string) => {
    const answer = input.shouldRun.get(node);
    if (answer === undefined) throw new Error(`couldn't get node for nodeName "${node}": node "${node}" not found`);
    return answer;
  };
  const podsToDelete: DaemonPod[] = [];
  const shouldNotRun: DaemonPod[] = [];
  const allowedNew: string[] = [];
  const candidates: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [node, pods] of nodesInOrder(input.nodeToPods)) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, generation);
    if (!ok) {
      numSurge++;
      continue;
    }
    const counted = oldPod ?? newPod;
    if (counted && available(counted)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(node)) podsToDelete.push(oldPod);
        else allowedNew.push(node);
      } else if (!shouldRun(node)) {
        shouldNotRun.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidates.push(node);
      }
    } else if (!available(newPod)) {
      numSurge++;
    } else {
      podsToDelete.push(oldPod);
    }
  }
  const deletable = Math.min(Math.max(numAvailable - desired, 0), shouldNotRun.length);
  podsToDelete.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(maxSurge - numSurge, 0), candidates.length);
  return { podsToDelete, nodesToCreate: [...allowedNew, ...candidates.slice(0, remaining)] };
}

/** rollingUpdate's decision: which old pods to delete and which nodes get a new pod now. */
export function planRollingUpdate(input: RolloutInput): RolloutPlan {
  const { maxSurge, maxUnavailable, desired } = updatedDesiredNodeCounts(input.ds, input.shouldRun, input.nodeToPods);
  return maxSurge === 0 ? planWithoutSurge(input, maxUnavailable) : planWithSurge(input, maxSurge, desired);
}
