import type { EventType } from '../runtime/events.js';
import { isPodAvailable, isPodReady } from '../runtime/pod-state.js';
import type { Backoff } from './backoff.js';
import type { Eligibility } from './eligibility.js';
import { comparePods } from './pod-template.js';
import { podState, REVISION_HASH_LABEL, type DaemonPod, type DaemonSet, type NodeToDaemonPods } from './types.js';

export interface NodeEnv {
  ds: DaemonSet;
  hash: string;
  surge: boolean;
  now: number;
  backoff: Backoff;
  event(type: EventType, reason: string, message: string): void;
  requeueAfter(ms: number): void;
}

export interface NodeDecision {
  create: boolean;
  delete: DaemonPod[];
}

/** The failed-pod backoff key: per DaemonSet, per observed generation (a new template starts over), per node. */
export function failedPodBackoffKey(ds: DaemonSet, node: string): string {
  return `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node}`;
}

/**
 * With surge, a node keeps the oldest current pod and the oldest old pod; the old one goes once it is not Ready or
 * the current one is available.
 */
function surgeDeletions(pods: DaemonPod[], env: NodeEnv): DaemonPod[] {
  const out: DaemonPod[] = [];
  let oldestNew: DaemonPod | undefined;
  let oldestOld: DaemonPod | undefined;
  for (const pod of [...pods].sort(comparePods)) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === env.hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else out.push(pod);
  }
  if (oldestNew && oldestOld) {
    if (!isPodReady(podState(oldestOld)) || isPodAvailable(podState(oldestNew), env.ds.spec?.minReadySeconds ?? 0, env.now)) out.push(oldestOld);
  }
  return out;
}

/**
 * Failed and succeeded pods are deleted (failed ones under a per-node backoff, so a kubelet that keeps rejecting the
 * pod is not hot-looped); the rest are the node's running daemon pods.
 */
function pruneFinished(node: string, pods: DaemonPod[], env: NodeEnv): { running: DaemonPod[]; finished: DaemonPod[] } {
  const running: DaemonPod[] = [];
  const finished: DaemonPod[] = [];
  const where = (pod: DaemonPod) => `${pod.metadata.namespace}/${pod.metadata.name} on node ${node}`;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const phase = pod.status?.phase;
    if (phase === 'Failed') {
      const key = failedPodBackoffKey(env.ds, node);
      if (env.backoff.inBackoffSinceUpdate(key, env.now)) {
        env.requeueAfter(env.backoff.get(key));
        continue;
      }
      env.backoff.next(key, env.now);
      env.event('Warning', 'FailedDaemonPod', `Found failed daemon pod ${where(pod)}, will try to kill it`);
      finished.push(pod);
    } else if (phase === 'Succeeded') {
      env.event('Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${where(pod)}, will try to delete it`);
      finished.push(pod);
    } else {
      running.push(pod);
    }
  }
  return { running, finished };
}

/**
 * podsShouldBeOnNode: a node that should run the daemon and has no pod gets one; a node that may keep it has its
 * finished and surplus pods removed (a replacement comes on a later pass); a node that may not keep it loses all.
 */
export function podsShouldBeOnNode(node: string, eligibility: Eligibility, pods: DaemonPod[] | undefined, env: NodeEnv): NodeDecision {
  const { shouldRun, shouldContinueRunning } = eligibility;
  if (shouldRun && !pods) return { create: true, delete: [] };
  if (shouldContinueRunning) {
    const { running, finished } = pruneFinished(node, pods ?? [], env);
    if (!env.surge) {
      const surplus = running.length > 1 ? [...running].sort(comparePods).slice(1) : [];
      return { create: false, delete: [...finished, ...surplus] };
    }
    if (running.length <= 1) return { create: running.length === 0 && shouldRun, delete: finished };
    return { create: false, delete: [...finished, ...surgeDeletions(running, env)] };
  }
  return { create: false, delete: (pods ?? []).filter((p) => !p.metadata.deletionTimestamp) };
}

/**
 * getUnscheduledPodsWithoutNode: unbound pods pinned to a node that no longer exists would wait forever; pod GC
 * only collects bound pods, so the DaemonSet deletes these itself.
 */
export function unscheduledPodsWithoutNode(existingNodes: ReadonlySet<string>, nodeToPods: NodeToDaemonPods): DaemonPod[] {
  const out: DaemonPod[] = [];
  for (const [node, pods] of nodeToPods) {
    if (existingNodes.has(node)) continue;
    out.push(...pods.filter((p) => !p.spec?.nodeName));
  }
  return out;
}
