export interface NamespaceControllerConfig {
  /** Wait after a namespace event before acting on it (upstream's namespaceDeletionGracePeriod). */
  deletionGracePeriodMs: number;
  /** Assumed time for finalizers on leftover items to finish (upstream's finalizerEstimateSeconds). */
  finalizerEstimateSeconds: number;
  /** Backoff after a failed pass: doubling from the base, capped so a stuck namespace is retried at least this often. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

export const DEFAULT_NAMESPACE_CONTROLLER_CONFIG: NamespaceControllerConfig = {
  deletionGracePeriodMs: 5_000,
  finalizerEstimateSeconds: 15,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 60_000,
};
