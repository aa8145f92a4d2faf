/** kube-controller-manager's pod garbage collector settings with their v1.32 defaults (durations in milliseconds). */
export interface PodGCConfig {
  /** --terminated-pod-gc-threshold: Succeeded/Failed pods kept before the oldest are deleted; 0 turns this off. */
  terminatedPodThreshold: number;
  /** How often the collector runs (upstream's fixed gcCheckPeriod). */
  gcCheckPeriodMs: number;
  /** How long a node must stay missing before its pods count as orphans (upstream's fixed quarantineTime). */
  quarantineTimeMs: number;
}

export const DEFAULT_POD_GC_CONFIG: Readonly<PodGCConfig> = {
  terminatedPodThreshold: 12_500,
  gcCheckPeriodMs: 20_000,
  quarantineTimeMs: 40_000,
};
