import type { Container, ContainerStatus, Pod, PodCondition } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { parseTimestamp, translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column, docColumn } from './columns.js';
import { definePrinter } from './printer.js';

type PodObject = Pod & KubeObject;

/** The reason the node lifecycle controller gives pods on a node that stopped reporting. */
const NODE_UNREACHABLE_REASON = 'NodeLost';

/** A sidecar: an init container that keeps running beside the main containers. */
function isRestartableInit(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(conditions: readonly PodCondition[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

/** isPodInitializedConditionTrue: only the first Initialized condition counts. */
function initializedTrue(conditions: readonly PodCondition[]): boolean {
  return conditions.find((c) => c.type === 'Initialized')?.status === 'True';
}

/** The later of two restart times; a missing finishedAt is Go's zero time, which never wins. */
function laterRestart(current: number | undefined, status: ContainerStatus): number | undefined {
  if (!status.lastState?.terminated) return current;
  const finished = parseTimestamp(status.lastState.terminated.finishedAt);
  return finished !== undefined && (current === undefined || finished > current) ? finished : current;
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestart: number | undefined;
}

/** printPod's Ready, Status and Restarts, including its init-container and sidecar accounting. */
function summarizePod(pod: PodObject): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initContainers = spec.initContainers ?? [];
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initByName = new Map<string, Container>();
  let total = (spec.containers ?? []).length;
  for (const c of initContainers) {
    initByName.set(c.name ?? '', c);
    if (isRestartableInit(c)) total++;
  }

  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: number | undefined;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestart = laterRestart(lastRestart, c);
    const sidecar = isRestartableInit(initByName.get(c.name ?? ''));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = laterRestart(lastSidecarRestart, c);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) reason = `Init:${terminated.reason}`;
      else if (terminated.signal) reason = `Init:Signal:${terminated.signal}`;
      else reason = `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(conditions)) {
    // Once the main containers run, only sidecar restarts carry over from the init phase.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = laterRestart(lastRestart, c);
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (c.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === NODE_UNREACHABLE_REASON) reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, reason, restarts, lastRestart };
}

/** The readiness-gate cell: how many gates have a True condition, `<none>` without gates. */
function readinessGates(pod: PodObject): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

/** The v1 → internal conversion fills podIPs from podIP when only the latter is set; the printer reads podIPs. */
function podIP(pod: PodObject): string {
  const ips = pod.status?.podIPs ?? [];
  return (ips.length > 0 ? ips[0].ip : pod.status?.podIP) || '<none>';
}

export const podPrinter = definePrinter<PodObject>({
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    docColumn('IP', 'string', 'PodStatus.podIP', 1),
    docColumn('Node', 'string', 'PodSpec.nodeName', 1),
    docColumn('Nominated Node', 'string', 'PodStatus.nominatedNodeName', 1),
    docColumn('Readiness Gates', 'string', 'PodSpec.readinessGates', 1),
  ],
  cells(pod, now) {
    const s = summarizePod(pod);
    const restarts =
      s.restarts !== 0 && s.lastRestart !== undefined
        ? `${s.restarts} (${translateTimestampSince(s.lastRestart, now)} ago)`
        : String(s.restarts);
    return [
      pod.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      podIP(pod),
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
});
