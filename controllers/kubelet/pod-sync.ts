import type { PodStatus } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../../server/clock.js';
import { ApiError } from '../../server/errors.js';
import { semanticEqual } from '../../server/registry/strategies/semantic-equal.js';
import { splitKey } from '../runtime/informer.js';
import { nodeInternalIP, podRange } from './address-plan.js';
import { formatIPv4 } from './ipv4.js';
import { podStarted, runningPodStatus, startingPodStatus, stoppedPodStatus, type PodObject, type PodRun } from './pod-status.js';
import { isMirrorPod } from './static-pods.js';
import { liveNode, nodeSlot, podKey, type KubeletState } from './state.js';
import { terminationPlan } from './termination.js';

/** A node's pod range ran dry (CNI's "no IP addresses available"): the sandbox is retried this much later. */
const ADDRESS_RETRY_MS = 10_000;

function isTerminal(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** A status write through pods/status, skipped when nothing changed or the pod is another instance by now. */
function writeStatus(state: KubeletState, pod: PodObject, status: PodStatus): void {
  if (semanticEqual(pod.status, status)) return;
  try {
    state.ctx.store.guaranteedUpdate(
      state.defs.pods,
      pod.metadata.namespace!,
      pod.metadata.name!,
      (current) => {
        if (current.metadata.uid !== pod.metadata.uid || semanticEqual(current.status, status)) return undefined;
        return { ...current, status };
      },
      { subresource: 'status' },
    );
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 404)) throw err;
  }
}

/** DELETE with grace 0 and a uid precondition, so a newer pod of the same name is never hit. */
export function deleteNow(state: KubeletState, pod: PodObject): void {
  try {
    state.ctx.store.delete(state.defs.pods, pod.metadata.namespace!, pod.metadata.name!, {
      gracePeriodSeconds: 0,
      preconditions: { uid: pod.metadata.uid! },
    });
  } catch (err) {
    if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
  }
}

/**
 * How upstream's kubelet completes a graceful deletion: the containers stop (at the deadline unless configured to
 * exit sooner), the pod's terminal status is reported, then the pod is deleted for good. A pod whose containers
 * never started has nothing to stop and goes at once.
 */
function finishDeletion(state: KubeletState, pod: PodObject, hostIP: string): void {
  const plan = terminationPlan(pod, state.config.terminationDelayMs)!;
  const now = state.ctx.clock.now();
  const started = podStarted(pod);
  if (started && now < plan.at) {
    state.queue.addAfter(podKey(`${pod.metadata.namespace}/${pod.metadata.name}`), plan.at - now);
    return;
  }
  if (started && !isTerminal(pod)) {
    const run: PodRun = {
      instance: state.statics.instanceOf(pod) ?? pod.metadata.uid!,
      hostIP,
      podIP: pod.status?.podIP,
      startTime: pod.status?.startTime ?? formatTime(now),
      now: formatTime(now),
    };
    writeStatus(state, pod, stoppedPodStatus(pod, run, plan.exit));
  }
  deleteNow(state, pod);
}

/** The pod's address: the node's for host-network pods, else the lowest free one of the node's pod range. */
function podAddress(state: KubeletState, pod: PodObject, node: KubeObject, slot: number, hostIP: string): string | undefined {
  if (pod.spec?.hostNetwork) return hostIP;
  const range = podRange(state.plan, node, slot);
  const address = range && state.addresses.allocate(pod.metadata.uid!, range);
  return address === undefined ? undefined : formatIPv4(address);
}

/** Pending → (ContainerCreating for startDelayMs) → Running and Ready, re-reported whenever it drifts. */
function runPod(state: KubeletState, pod: PodObject, node: KubeObject, slot: number, hostIP: string): void {
  const now = state.ctx.clock.now();
  const uid = pod.metadata.uid!;
  const key = podKey(`${pod.metadata.namespace}/${pod.metadata.name}`);
  const basis = state.statics.withReportedStatus(pod);
  const reportedStart = basis.status?.startTime ?? undefined;
  let first = state.firstSeen.get(uid);
  if (first === undefined) state.firstSeen.set(uid, (first = reportedStart ? Date.parse(reportedStart) : now));
  const run: PodRun = {
    instance: state.statics.instanceOf(pod) ?? uid,
    hostIP,
    startTime: reportedStart ?? formatTime(first),
    now: formatTime(now),
  };
  const runAt = podStarted(basis) ? first : first + state.config.startDelayMs;
  if (now < runAt) {
    writeStatus(state, pod, startingPodStatus(basis, run));
    state.queue.addAfter(key, runAt - now);
    return;
  }
  const podIP = podAddress(state, pod, node, slot, hostIP);
  if (!podIP) {
    state.ctx.log(`kubelet: no free pod address on node ${pod.spec?.nodeName} for ${pod.metadata.namespace}/${pod.metadata.name}`);
    state.queue.addAfter(key, ADDRESS_RETRY_MS);
    return;
  }
  const status = runningPodStatus(basis, { ...run, podIP });
  writeStatus(state, pod, status);
  state.statics.remember(pod, status);
}

/** One pod bound to a node whose kubelet is alive: run it, keep its status true, or finish its deletion. */
export function syncPod(state: KubeletState, namespacedName: string): void {
  const { namespace, name } = splitKey(namespacedName);
  const pod = state.pods.get(namespace, name) as PodObject | undefined;
  const nodeName = pod?.spec?.nodeName;
  if (!pod || !nodeName) return;
  const node = liveNode(state, nodeName);
  if (!node) return;
  const slot = nodeSlot(state, node);
  const hostIP = nodeInternalIP(state.plan, node, slot);
  if (pod.metadata.deletionTimestamp) {
    // A mirror pod is not deleted gracefully: the static pod sync removes and recreates it.
    if (!isMirrorPod(pod)) finishDeletion(state, pod, hostIP);
    return;
  }
  if (isTerminal(pod)) return;
  runPod(state, pod, node, slot, hostIP);
}
