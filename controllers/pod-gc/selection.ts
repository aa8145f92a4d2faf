import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import { TAINT_OUT_OF_SERVICE } from '../node-lifecycle/taints.js';

/** Anything but Pending, Running or Unknown counts as terminated, an unset phase included (upstream's test). */
export function isPodTerminated(pod: PodObject): boolean {
  const phase = pod.status?.phase ?? '';
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

export function isPodEvicted(pod: PodObject): boolean {
  return pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted';
}

/** Deletion order: evicted pods first (they are nobody's record of work done), then oldest, then by name. */
export function compareForDeletion(a: PodObject, b: PodObject): number {
  const evicted = Number(isPodEvicted(b)) - Number(isPodEvicted(a));
  if (evicted !== 0) return evicted;
  const created = Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '');
  if (created !== 0 && !Number.isNaN(created)) return created;
  const [x, y] = [a.metadata.name ?? '', b.metadata.name ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The terminated pods beyond the threshold, in deletion order; a threshold of 0 keeps everything. */
export function terminatedPodsToDelete(pods: readonly PodObject[], threshold: number): PodObject[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter(isPodTerminated);
  const excess = terminated.length - threshold;
  if (excess <= 0) return [];
  return terminated.sort(compareForDeletion).slice(0, excess);
}

function isNodeReady(node: NodeObject): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Terminating pods on a node that is not Ready and was declared out of service: nothing will ever finish them. */
export function terminatingOnOutOfServiceNodes(pods: readonly PodObject[], node: (name: string) => NodeObject | undefined): PodObject[] {
  return pods
    .filter((pod) => {
      if (!pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return false;
      const host = node(pod.spec.nodeName);
      return host !== undefined && !isNodeReady(host) && (host.spec?.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE);
    })
    .sort(compareForDeletion);
}

/** Pods being deleted that were never bound: no kubelet will ever confirm their end. */
export function unscheduledTerminating(pods: readonly PodObject[]): PodObject[] {
  return pods.filter((pod) => pod.metadata.deletionTimestamp && !pod.spec?.nodeName);
}

/** Nodes that pods are bound to but that do not exist. */
export function missingNodes(pods: readonly PodObject[], exists: (name: string) => boolean): Set<string> {
  const missing = new Set<string>();
  for (const pod of pods) {
    const name = pod.spec?.nodeName;
    if (name && !exists(name)) missing.add(name);
  }
  return missing;
}
