import type { Container, ContainerStatus, Pod, PodStatus } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { exitedContainer, runningContainer, startedAt, waitingContainer } from './container-status.js';
import { isSidecar, podConditions } from './pod-conditions.js';

export type PodObject = Pod & KubeObject;

/** What the node knows about one pod instance when it reports on it. */
export interface PodRun {
  /** The pod's uid, or node + config hash for a static pod: container ids derive from it. */
  instance: string;
  hostIP: string;
  /** Absent until the sandbox has its network. */
  podIP?: string;
  startTime: string;
  now: string;
}

export interface ContainerExit {
  exitCode: number;
  reason: string;
}

function previous(pod: PodObject, list: 'containerStatuses' | 'initContainerStatuses', name: string | undefined) {
  return pod.status?.[list]?.find((s) => s.name === name);
}

/** The status fields every report shares; fields other components own (qosClass, nominatedNodeName, …) are kept. */
function report(
  pod: PodObject,
  run: PodRun,
  phase: string,
  statuses: { init: ContainerStatus[]; main: ContainerStatus[] },
  sandboxReady: boolean,
): PodStatus {
  const spec = pod.spec ?? {};
  const status: PodStatus = { ...pod.status, phase };
  status.conditions = podConditions(spec, pod.status?.conditions, [...statuses.init, ...statuses.main], phase, sandboxReady, run.now);
  status.hostIP = run.hostIP;
  status.hostIPs = [{ ip: run.hostIP }];
  if (run.podIP) {
    status.podIP = run.podIP;
    status.podIPs = [{ ip: run.podIP }];
  } else {
    delete status.podIP;
    delete status.podIPs;
  }
  status.startTime = run.startTime;
  if (statuses.init.length > 0) status.initContainerStatuses = statuses.init;
  else delete status.initContainerStatuses;
  // Init containers keep the spec's order; the others are listed by name (SortedContainerStatuses).
  status.containerStatuses = [...statuses.main].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : a.name === b.name ? 0 : 1));
  return status;
}

/** Sandbox being created: every container waits (PodInitializing when init containers must run first). */
export function startingPodStatus(pod: PodObject, run: PodRun): PodStatus {
  const spec = pod.spec ?? {};
  const reason = spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  const init = (spec.initContainers ?? []).map((c) => waitingContainer(c, reason));
  const main = (spec.containers ?? []).map((c) => waitingContainer(c, reason));
  return report(pod, { ...run, podIP: undefined }, 'Pending', { init, main }, false);
}

/** Init containers completed (sidecars kept running), every container running and ready. */
export function runningPodStatus(pod: PodObject, run: PodRun): PodStatus {
  const spec = pod.spec ?? {};
  const init = (spec.initContainers ?? []).map((c) => {
    const before = previous(pod, 'initContainerStatuses', c.name);
    const since = startedAt(before) ?? run.now;
    if (isSidecar(c)) return runningContainer(c, run.instance, since);
    const finishedAt = before?.state?.terminated?.finishedAt ?? run.now;
    return exitedContainer(c, run.instance, { startedAt: since, finishedAt, exitCode: 0, reason: 'Completed', ready: true });
  });
  const main = (spec.containers ?? []).map((c) =>
    runningContainer(c, run.instance, startedAt(previous(pod, 'containerStatuses', c.name)) ?? run.now),
  );
  return report(pod, run, 'Running', { init, main }, true);
}

/**
 * Containers stopped for the pod's deletion: each running one exits with `exit`, and the pod reaches the terminal
 * phase that follows from the exit codes (all zero: Succeeded), as kubelets since 1.27 report before the final DELETE.
 */
export function stoppedPodStatus(pod: PodObject, run: PodRun, exit: ContainerExit): PodStatus {
  const spec = pod.spec ?? {};
  const stop = (c: Container, before: ContainerStatus | undefined): ContainerStatus =>
    before?.state?.terminated
      ? before
      : exitedContainer(c, run.instance, { startedAt: startedAt(before) ?? run.now, finishedAt: run.now, ...exit, ready: false });
  const init = (spec.initContainers ?? []).map((c) => stop(c, previous(pod, 'initContainerStatuses', c.name)));
  const main = (spec.containers ?? []).map((c) => stop(c, previous(pod, 'containerStatuses', c.name)));
  return report(pod, run, exit.exitCode === 0 ? 'Succeeded' : 'Failed', { init, main }, false);
}

/** Whether the pod's containers were ever started by a kubelet (a never-started pod has nothing to stop). */
export function podStarted(pod: PodObject): boolean {
  return (pod.status?.containerStatuses ?? []).some((s) => s.state?.running !== undefined || s.state?.terminated !== undefined);
}
