import type { NodeCondition } from '../../schemas/core/node.js';

interface KubeletCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  /** The node event the kubelet records when the condition moves to this status. */
  event: string;
}

/**
 * What a healthy kubelet reports, in the order upstream's status setters append them (nodestatus/setters.go).
 * NetworkUnavailable is absent on purpose: the route controller or the CNI plugin owns it, never the kubelet.
 */
export const HEALTHY_NODE_CONDITIONS: readonly KubeletCondition[] = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
    event: 'NodeHasSufficientMemory',
  },
  {
    type: 'DiskPressure',
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
    event: 'NodeHasNoDiskPressure',
  },
  {
    type: 'PIDPressure',
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
    event: 'NodeHasSufficientPID',
  },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

export interface ConditionsUpdate {
  conditions: NodeCondition[];
  /** Something other than heartbeat times differs from what was stored. */
  changed: boolean;
  /** Node events for the conditions that moved (upstream records one per transition, including the first). */
  events: string[];
}

/**
 * The setters' rules: every kubelet condition gets lastHeartbeatTime = now; lastTransitionTime moves only when
 * the status does; conditions the kubelet does not own (NetworkUnavailable, custom ones) are kept as they are.
 */
export function healthyNodeConditions(current: readonly NodeCondition[] | undefined, now: string): ConditionsUpdate {
  const conditions = (current ?? []).map((c) => ({ ...c }));
  const events: string[] = [];
  let changed = false;
  for (const want of HEALTHY_NODE_CONDITIONS) {
    const have = conditions.find((c) => c.type === want.type);
    if (!have) {
      conditions.push({
        type: want.type,
        status: want.status,
        lastHeartbeatTime: now,
        lastTransitionTime: now,
        reason: want.reason,
        message: want.message,
      });
      events.push(want.event);
      changed = true;
      continue;
    }
    if (have.status !== want.status) {
      have.status = want.status;
      have.lastTransitionTime = now;
      events.push(want.event);
      changed = true;
    }
    if (have.reason !== want.reason || have.message !== want.message) {
      have.reason = want.reason;
      have.message = want.message;
      changed = true;
    }
    have.lastHeartbeatTime = now;
  }
  return { conditions, changed, events };
}

/** When the kubelet last posted its status: the Ready condition's heartbeat. */
export function lastStatusReport(conditions: readonly NodeCondition[] | undefined): number | undefined {
  const beat = conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
  const ms = beat ? Date.parse(beat) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}
