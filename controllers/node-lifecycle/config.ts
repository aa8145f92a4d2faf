/**
 * kube-controller-manager's node lifecycle settings with their v1.32 defaults. Durations are in milliseconds so a
 * test or a demo can shrink the whole "node goes silent → tainted → pods evicted" sequence to seconds.
 */
export interface NodeLifecycleConfig {
  /** --node-monitor-period: how often node health is assessed. */
  nodeMonitorPeriodMs: number;
  /** --node-monitor-grace-period: silence (no Ready heartbeat, no Lease renewal) after which a node turns Unknown. */
  nodeMonitorGracePeriodMs: number;
  /** --node-startup-grace-period: the same for a node that has never posted a Ready condition. */
  nodeStartupGracePeriodMs: number;
  /** --node-eviction-rate: nodes per second a zone may have NoExecute-tainted. */
  evictionLimiterQPS: number;
  /** --secondary-node-eviction-rate: the rate for a partially disrupted zone in a large cluster. */
  secondaryEvictionLimiterQPS: number;
  /** --large-cluster-size-threshold: partially disrupted zones up to this size stop tainting altogether. */
  largeClusterThreshold: number;
  /** --unhealthy-zone-threshold: share of not-Ready nodes (more than two of them) that marks a zone partially disrupted. */
  unhealthyZoneThreshold: number;
  /** How often queued NoExecute taints are applied (upstream's fixed NodeEvictionPeriod). */
  noExecuteTaintingPeriodMs: number;
}

export const DEFAULT_NODE_LIFECYCLE_CONFIG: Readonly<NodeLifecycleConfig> = {
  nodeMonitorPeriodMs: 5_000,
  // Raised from 40 s to 50 s in v1.32 so that a kubelet's HTTP/2 health check (30 s + 15 s) fits inside it.
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  evictionLimiterQPS: 0.1,
  secondaryEvictionLimiterQPS: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
  noExecuteTaintingPeriodMs: 100,
};
