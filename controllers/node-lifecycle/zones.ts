import type { NodeLifecycleConfig } from './config.js';

/** A zone's health as computed from its nodes. */
export type ZoneHealth = 'Normal' | 'PartialDisruption' | 'FullDisruption';
/** What the controller records per zone: Initial until the first full assessment. */
export type ZoneState = 'Initial' | ZoneHealth;

/** Nodes with this label are left out of the zone health counts. */
export const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** A node's failure zone: region and zone from the topology labels (or their beta forms); "" when unlabelled. */
export function zoneKey(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (!region && !zone) return '';
  // The NUL keeps "a:b" + "c" apart from "a" + "b:c".
  return `${region}:\u0000:${zone}`;
}

/**
 * A zone with no Ready node is fully disrupted; one where more than two nodes, and at least `unhealthyThreshold` of
 * them, are not Ready is partially disrupted; anything else is normal. Returns the not-Ready count with the state.
 */
export function computeZoneState(
  readyStatuses: readonly (string | undefined)[],
  unhealthyThreshold: number,
): { notReady: number; state: ZoneHealth } {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / readyStatuses.length >= unhealthyThreshold) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/**
 * How many nodes per second a zone may have NoExecute-tainted in a state: a partially disrupted small zone stops,
 * since its trouble is more likely the network than the nodes.
 */
export function zoneTaintingQPS(state: ZoneHealth, zoneSize: number, config: NodeLifecycleConfig): number {
  if (state !== 'PartialDisruption') return config.evictionLimiterQPS;
  return zoneSize > config.largeClusterThreshold ? config.secondaryEvictionLimiterQPS : 0;
}
