import type { PodSpec, Toleration } from '../../schemas/core/pod.js';

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/**
 * What every daemon pod tolerates forever (no tolerationSeconds): node problems must not evict a node's own agents,
 * and cordoning or resource pressure must not keep them off (util.AddOrUpdateDaemonPodTolerations).
 */
export const DAEMON_TOLERATIONS: readonly Toleration[] = [
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];

/** Only host-network pods can run before the node's network is up. */
export const HOST_NETWORK_TOLERATION = exists('node.kubernetes.io/network-unavailable', 'NoSchedule');

/** Toleration.MatchToleration: the same key, effect, operator and value (tolerationSeconds may differ). */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.effect ?? '') === (b.effect ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '');
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec: matching tolerations are replaced in place, otherwise it is appended; an
 * identical one already present leaves the list as it was.
 */
export function addOrUpdateToleration(tolerations: readonly Toleration[], toleration: Toleration): Toleration[] {
  const identical = (t: Toleration) => sameToleration(t, toleration) && t.tolerationSeconds === toleration.tolerationSeconds;
  if (tolerations.some(identical)) return [...tolerations];
  let replaced = false;
  const out = tolerations.map((t) => {
    if (!sameToleration(t, toleration)) return t;
    replaced = true;
    return { ...toleration };
  });
  if (!replaced) out.push({ ...toleration });
  return out;
}

/** The tolerations a daemon pod gets: the template's, with the default daemon tolerations added or updated. */
export function daemonPodTolerations(spec: PodSpec | undefined): Toleration[] {
  const wanted = spec?.hostNetwork ? [...DAEMON_TOLERATIONS, HOST_NETWORK_TOLERATION] : DAEMON_TOLERATIONS;
  return wanted.reduce(addOrUpdateToleration, [...(spec?.tolerations ?? [])]);
}
