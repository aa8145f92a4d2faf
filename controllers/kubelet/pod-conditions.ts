import type { ContainerStatus, PodCondition, PodSpec } from '../../schemas/core/pod.js';

/** The conditions the kubelet owns (PodConditionByKubelet); every other condition belongs to someone else. */
const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

export interface GeneratedCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** Go's %s of a []string: `[a b]`. */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

function statusOf(statuses: readonly ContainerStatus[], name: string | undefined): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/** An init container with restartPolicy Always keeps running beside the app containers. */
export function isSidecar(container: { restartPolicy?: string }): boolean {
  return container.restartPolicy === 'Always';
}

function anyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  return (spec.containers ?? []).some((c) => {
    const state = statusOf(statuses, c.name)?.state;
    return state?.running !== undefined || state?.terminated !== undefined;
  });
}

function problems(unknown: string[], bad: string[], badWord: string): string {
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`containers with unknown status: ${goList(unknown)}`);
  if (bad.length > 0) parts.push(`containers with ${badWord} status: ${goList(bad)}`);
  return parts.join(', ');
}

/** GeneratePodInitializedCondition: every init container done (a sidecar: started), or a regular one already ran. */
export function initializedCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: string): GeneratedCondition {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name ?? '');
    else if (isSidecar(c) ? s.started !== true : s.ready !== true) incomplete.push(c.name ?? '');
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (anyRegularContainerStarted(spec, statuses)) return { type: 'Initialized', status: 'True' };
  const message = problems(unknown, incomplete, 'incomplete');
  if (message) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message };
  return { type: 'Initialized', status: 'True' };
}

/** GenerateContainersReadyCondition: sidecars and regular containers all ready; a finished pod never is. */
export function containersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: string): GeneratedCondition {
  const unknown: string[] = [];
  const unready: string[] = [];
  const watched = [...(spec.initContainers ?? []).filter(isSidecar), ...(spec.containers ?? [])];
  for (const c of watched) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name ?? '');
    else if (!s.ready) unready.push(c.name ?? '');
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const message = problems(unknown, unready, 'unready');
  if (message) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message };
  return { type: 'ContainersReady', status: 'True' };
}

/** GeneratePodReadyCondition: ContainersReady, then every readiness gate's condition True. */
export function readyCondition(
  spec: PodSpec,
  conditions: readonly GeneratedCondition[],
  containersReady: GeneratedCondition,
): GeneratedCondition {
  if (containersReady.status !== 'True') return { ...containersReady, type: 'Ready' };
  const unready: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const found = conditions.find((c) => c.type === gate.conditionType);
    if (!found) unready.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (found.status !== 'True') {
      unready.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${found.status}`);
    }
  }
  if (unready.length > 0) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: unready.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/**
 * The conditions a kubelet writes, merged as its status manager does: other owners' conditions first and untouched,
 * then PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled; a condition keeps its
 * lastTransitionTime while its status stays the same.
 */
export function podConditions(
  spec: PodSpec,
  old: readonly PodCondition[] | undefined,
  statuses: readonly ContainerStatus[],
  phase: string,
  sandboxReady: boolean,
  now: string,
): PodCondition[] {
  const foreign = (old ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type ?? ''));
  const generated: GeneratedCondition[] = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initializedCondition(spec, statuses, phase),
  ];
  const containersReady = containersReadyCondition(spec, statuses, phase);
  generated.push(readyCondition(spec, [...foreign, ...generated] as GeneratedCondition[], containersReady), containersReady);
  generated.push({ type: 'PodScheduled', status: 'True' });
  return [
    ...foreign,
    ...generated.map((c) => {
      const before = old?.find((o) => o.type === c.type);
      const since = before && before.status === c.status ? before.lastTransitionTime ?? now : now;
      const condition: PodCondition = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: since };
      if (c.reason) condition.reason = c.reason;
      if (c.message) condition.message = c.message;
      return condition;
    }),
  ];
}
