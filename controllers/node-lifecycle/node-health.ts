import type { NodeCondition, NodeStatus } from '../../schemas/core/node.js';
import { formatTime } from '../../server/clock.js';

/**
 * What the controller remembers of a node between passes. Times are the controller's own clock readings of when it
 * saw something change, never the kubelet's timestamps, so clock skew between the two cannot fake liveness.
 */
export interface NodeHealth {
  /** When a heartbeat (Ready lastHeartbeatTime or Lease renewTime) was last seen to move. */
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition last recorded (undefined: the node had none). */
  ready: NodeCondition | undefined;
  /** The Lease last recorded (undefined: none recorded since the record was last replaced). */
  lease: { renewTime: number | undefined } | undefined;
}

export interface HealthObservation {
  health: NodeHealth;
  gracePeriodMs: number;
  /** The Ready condition as the node carried it, or a stand-in Unknown one when it never had one. */
  observedReady: NodeCondition;
}

export interface ObservedNode {
  creationTimestamp: string;
  conditions: readonly NodeCondition[] | undefined;
}

const instant = (time: string | null | undefined): number | undefined => (time ? Date.parse(time) : undefined);

export function readyCondition(conditions: readonly NodeCondition[] | undefined): NodeCondition | undefined {
  return conditions?.find((c) => c.type === 'Ready');
}

/** Condition equality with times compared as instants (apimachinery's semantic equality). */
export function sameCondition(a: NodeCondition | undefined, b: NodeCondition | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.type === b.type &&
    a.status === b.status &&
    (a.reason ?? '') === (b.reason ?? '') &&
    (a.message ?? '') === (b.message ?? '') &&
    instant(a.lastHeartbeatTime) === instant(b.lastHeartbeatTime) &&
    instant(a.lastTransitionTime) === instant(b.lastTransitionTime)
  );
}

/**
 * Folds the node's current Ready condition and Lease into the remembered health (upstream's tryUpdateNodeHealth,
 * before its status write): a moved heartbeat or a renewed Lease resets the probe time to now.
 */
export function observeNodeHealth(
  previous: NodeHealth | undefined,
  node: ObservedNode,
  lease: { renewTime?: string | null } | undefined,
  now: number,
  grace: { monitorMs: number; startupMs: number },
): HealthObservation {
  const current = readyCondition(node.conditions);
  const created = Date.parse(node.creationTimestamp);
  let health = previous && { ...previous };
  let observedReady: NodeCondition;
  let gracePeriodMs: number;
  if (!current) {
    // Never posted: count from the node's creation, with the longer startup grace.
    const since = node.creationTimestamp;
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: since, lastTransitionTime: since };
    gracePeriodMs = grace.startupMs;
    health = health
      ? { ...health, ready: undefined }
      : { probeTimestamp: created, readyTransitionTimestamp: created, ready: undefined, lease: undefined };
  } else {
    observedReady = { ...current };
    gracePeriodMs = grace.monitorMs;
  }
  const saved = health?.ready;
  const savedLease = health?.lease;
  if (!health || (!saved && current)) {
    health = { probeTimestamp: now, readyTransitionTimestamp: now, ready: current, lease: undefined };
  } else if (saved && current && instant(saved.lastHeartbeatTime) !== instant(current.lastHeartbeatTime)) {
    const transitioned = instant(saved.lastTransitionTime) !== instant(current.lastTransitionTime);
    const readyTransitionTimestamp = transitioned ? now : health.readyTransitionTimestamp;
    health = { probeTimestamp: now, readyTransitionTimestamp, ready: current, lease: undefined };
  }
  const renewed = instant(lease?.renewTime);
  const leaseMoved =
    !savedLease || (savedLease.renewTime !== undefined && renewed !== undefined && savedLease.renewTime < renewed);
  if (lease && leaseMoved) health = { ...health, lease: { renewTime: renewed }, probeTimestamp: now };
  return { health, gracePeriodMs, observedReady };
}

export function isSilent(observation: HealthObservation, now: number): boolean {
  return now > observation.health.probeTimestamp + observation.gracePeriodMs;
}

/** The conditions the controller takes over when the kubelet falls silent; NetworkUnavailable belongs to the network. */
const SILENCED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Turns the kubelet-owned conditions Unknown in place, adding those the kubelet never posted. */
export function markNodeStatusUnknown(status: NodeStatus, creationTimestamp: string, now: number): void {
  const conditions = (status.conditions ??= []);
  const at = formatTime(now);
  for (const type of SILENCED_CONDITIONS) {
    const condition = conditions.find((c) => c.type === type);
    if (!condition) {
      conditions.push({
        type,
        status: 'Unknown',
        lastHeartbeatTime: creationTimestamp,
        lastTransitionTime: at,
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
      });
    } else if (condition.status !== 'Unknown') {
      condition.status = 'Unknown';
      condition.reason = 'NodeStatusUnknown';
      condition.message = 'Kubelet stopped posting node status.';
      condition.lastTransitionTime = at;
    }
  }
}
