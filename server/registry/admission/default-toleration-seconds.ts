import type { PodSpec, Toleration } from '../../../schemas/core/pod.js';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export interface DefaultTolerationSecondsConfig {
  notReadyTolerationSeconds: number;
  unreachableTolerationSeconds: number;
}

export const DEFAULT_TOLERATION_SECONDS_CONFIG: Readonly<DefaultTolerationSecondsConfig> = {
  notReadyTolerationSeconds: 300,
  unreachableTolerationSeconds: 300,
};

/**
 * Whether a toleration already covers `key:NoExecute` in the plugin's eyes: its key is that key or empty, and its
 * effect is NoExecute or empty. Operator, value and tolerationSeconds are not looked at, so a pod that tolerates
 * the taint for a while, or only with some value, keeps exactly what it asked for.
 */
function covers(toleration: Toleration, key: string): boolean {
  return (!toleration.key || toleration.key === key) && (!toleration.effect || toleration.effect === 'NoExecute');
}

/**
 * The DefaultTolerationSeconds admission plugin: a pod that does not already tolerate the not-ready and unreachable
 * NoExecute taints gets `Exists` tolerations for them with a limited tolerationSeconds, appended after its own, so
 * its pods leave a failed node after five minutes instead of staying forever or going at once. Mutates `pod.spec`.
 */
export function addDefaultTolerationSeconds(
  pod: { spec?: PodSpec },
  config: DefaultTolerationSecondsConfig = DEFAULT_TOLERATION_SECONDS_CONFIG,
): void {
  const spec = (pod.spec ??= {});
  const existing = spec.tolerations ?? [];
  const additions: Toleration[] = [];
  const defaults: Array<[string, number]> = [
    [TAINT_NODE_NOT_READY, config.notReadyTolerationSeconds],
    [TAINT_NODE_UNREACHABLE, config.unreachableTolerationSeconds],
  ];
  for (const [key, tolerationSeconds] of defaults) {
    if (!existing.some((t) => covers(t, key))) additions.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds });
  }
  if (additions.length > 0) spec.tolerations = [...existing, ...additions];
}
