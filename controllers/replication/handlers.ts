import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { matchesLabels } from '../../server/registry/selectors/label-selector.js';
import { controllerOf } from '../runtime/controller-ref.js';
import type { Expectations } from '../runtime/expectations.js';
import { objectKey, type Informer, type InformerHandlers } from '../runtime/informer.js';
import { isPodReady, type PodObject } from '../runtime/pod-state.js';
import type { WorkQueue } from '../runtime/workqueue.js';
import { trySelector, type ReplicaKind } from './kinds.js';

export interface HandlerDeps {
  kind: ReplicaKind;
  owners: Informer;
  queue: WorkQueue;
  expectations: Expectations;
}

/** resolveControllerRef: the cached owner a reference names, if it is of our kind and still the same object. */
export function resolveControllerRef(deps: HandlerDeps, namespace: string, ref: OwnerReference): KubeObject | undefined {
  if (ref.kind !== deps.kind.kind) return undefined;
  const owner = deps.owners.get(namespace, ref.name);
  return owner?.metadata.uid === ref.uid ? owner : undefined;
}

/**
 * The owners whose selector matches an orphan's labels (GetPodReplicaSets). A pod without labels, and an owner with
 * an empty or unparsable selector, match nothing here.
 */
function ownersSelecting(deps: HandlerDeps, pod: PodObject): KubeObject[] {
  const labels = pod.metadata.labels;
  if (!labels || Object.keys(labels).length === 0) return [];
  return deps.owners.list(pod.metadata.namespace ?? '').filter((owner) => {
    const selector = trySelector(deps.kind, owner);
    return selector !== undefined && selector !== 'nothing' && selector.length > 0 && matchesLabels(selector, labels);
  });
}

export function ownerHandlers(deps: HandlerDeps): InformerHandlers {
  return {
    onAdd: (owner) => deps.queue.add(objectKey(owner)),
    onUpdate(old, owner) {
      // A delete and re-create under one name seen as an update: the old object's expectations must not carry over.
      if (old.metadata.uid !== owner.metadata.uid) deps.expectations.forget(objectKey(old));
      deps.queue.add(objectKey(owner));
    },
    onDelete(owner) {
      deps.expectations.forget(objectKey(owner));
      deps.queue.add(objectKey(owner));
    },
  };
}

/** Pod events → owner keys, recording the creations and deletions the owners' expectations wait for. */
export function podHandlers(deps: HandlerDeps): InformerHandlers {
  const enqueue = (owner: KubeObject) => deps.queue.add(objectKey(owner));

  function deleted(pod: PodObject): void {
    const ref = controllerOf(pod);
    const owner = ref && resolveControllerRef(deps, pod.metadata.namespace ?? '', ref);
    if (!owner) return;
    deps.expectations.deletionObserved(objectKey(owner), pod.metadata.uid);
    enqueue(owner);
  }

  function added(pod: PodObject): void {
    // A pod seen for the first time while already terminating (a restart) is not one of our creations.
    if (pod.metadata.deletionTimestamp) return deleted(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const owner = resolveControllerRef(deps, pod.metadata.namespace ?? '', ref);
      if (!owner) return;
      deps.expectations.creationObserved(objectKey(owner));
      return enqueue(owner);
    }
    // No expectation for orphans: nobody created them for us, but a matching owner may adopt them.
    ownersSelecting(deps, pod).forEach(enqueue);
  }

  function updated(old: PodObject, pod: PodObject): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelsChanged = !isDeepStrictEqual(old.metadata.labels, pod.metadata.labels);
    if (pod.metadata.deletionTimestamp) {
      // Graceful deletion: replace the pod now rather than after its grace period.
      deleted(pod);
      if (labelsChanged) deleted(old);
      return;
    }
    const ref = controllerOf(pod);
    const oldRef = controllerOf(old);
    const refChanged = !isDeepStrictEqual(ref, oldRef);
    if (refChanged && oldRef) {
      const previous = resolveControllerRef(deps, old.metadata.namespace ?? '', oldRef);
      if (previous) enqueue(previous);
    }
    if (ref) {
      const owner = resolveControllerRef(deps, pod.metadata.namespace ?? '', ref);
      if (!owner) return;
      enqueue(owner);
      // Nothing else wakes the owner when the pod becomes available, so check again once minReadySeconds have passed.
      const minReadySeconds = deps.kind.minReadySeconds(owner);
      if (!isPodReady(old) && isPodReady(pod) && minReadySeconds > 0) {
        deps.queue.addAfter(objectKey(owner), (minReadySeconds + 1) * 1000);
      }
      return;
    }
    if (labelsChanged || refChanged) ownersSelecting(deps, pod).forEach(enqueue);
  }

  return {
    onAdd: (pod) => added(pod as PodObject),
    onUpdate: (old, pod) => updated(old as PodObject, pod as PodObject),
    onDelete: (pod) => deleted(pod as PodObject),
  };
}
