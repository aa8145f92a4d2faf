import type { KubeObject } from '../../schemas/meta.js';
import { matchesLabels } from '../../server/registry/selectors/label-selector.js';
import { controllerOf } from '../runtime/controller-ref.js';
import type { Informer } from '../runtime/informer.js';
import type { PodObject } from '../runtime/pod-state.js';
import { trySelector, type ReplicaKind } from './kinds.js';

/**
 * getIndirectlyRelatedPods: the pods selected by every ReplicaSet that shares this one's controller owner (the
 * ReplicaSets of one Deployment), each pod once. A ReplicaSet without a controller owner has none, so on
 * scale-down its pods all rank 0 and being doubled up on a node does not count.
 */
export function relatedPods(kind: ReplicaKind, owners: Informer, pods: Informer, owner: KubeObject): PodObject[] {
  const controller = controllerOf(owner);
  if (!controller) return [];
  const seen = new Set<string>();
  const related: PodObject[] = [];
  const namespace = owner.metadata.namespace ?? '';
  const candidates = pods.list(namespace) as PodObject[];
  for (const sibling of owners.list(namespace)) {
    if (controllerOf(sibling)?.uid !== controller.uid) continue;
    const selector = trySelector(kind, sibling);
    if (selector === undefined) continue;
    for (const pod of candidates) {
      const uid = pod.metadata.uid ?? '';
      if (seen.has(uid) || !matchesLabels(selector, pod.metadata.labels)) continue;
      seen.add(uid);
      related.push(pod);
    }
  }
  return related;
}
