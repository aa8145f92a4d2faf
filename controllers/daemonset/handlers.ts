import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { controllerOf } from '../runtime/controller-ref.js';
import type { Expectations } from '../runtime/expectations.js';
import { objectKey, type Informer } from '../runtime/informer.js';
import { isPodReady } from '../runtime/pod-state.js';
import { selectsObject } from './daemon-pods.js';
import { nodeShouldRunDaemonPod } from './eligibility.js';
import { shouldIgnoreNodeUpdate } from './node-updates.js';
import { podState, type DaemonPod, type DaemonSet, type NodeObject } from './types.js';

export interface HandlerDeps {
  informers: { daemonSets: Informer; pods: Informer; nodes: Informer; revisions: Informer };
  expectations: Expectations;
  enqueue(ds: KubeObject): void;
  enqueueKey(key: string): void;
  enqueueAfter(ds: DaemonSet, ms: number): void;
}

/**
 * The informer handlers of DaemonSetsController: they only map a change to the DaemonSets it concerns (and count
 * observed creations and deletions); every decision is left to sync.
 */
export class DaemonSetHandlers {
  constructor(private readonly d: HandlerDeps) {}

  register(): void {
    const { daemonSets, pods, nodes, revisions } = this.d.informers;
    daemonSets.addHandlers({
      onAdd: (ds) => this.d.enqueue(ds),
      onUpdate: (old, cur) => {
        // A delete and a create under one name look like an update: the old object's expectations are void.
        if (old.metadata.uid !== cur.metadata.uid) this.d.expectations.forget(objectKey(old));
        this.d.enqueue(cur);
      },
      onDelete: (ds) => {
        this.d.expectations.forget(objectKey(ds));
        this.d.enqueueKey(objectKey(ds));
      },
    });
    pods.addHandlers({ onAdd: (p) => this.addPod(p), onUpdate: (o, p) => this.updatePod(o, p), onDelete: (p) => this.deletePod(p) });
    revisions.addHandlers({ onAdd: (r) => this.addHistory(r), onUpdate: (o, r) => this.updateHistory(o, r), onDelete: (r) => this.deleteHistory(r) });
    // No delete handler: pods on a vanished node are pod GC's to remove, and their deletion wakes the DaemonSet.
    nodes.addHandlers({ onAdd: (n) => this.addNode(n as NodeObject), onUpdate: (o, n) => this.updateNode(o as NodeObject, n as NodeObject) });
  }

  /** resolveControllerRef: the DaemonSet a controller reference names, if it is still that very object (same uid). */
  private resolve(namespace: string | undefined, ref: OwnerReference): DaemonSet | undefined {
    if (ref.kind !== 'DaemonSet') return undefined;
    const ds = this.d.informers.daemonSets.get(namespace ?? '', ref.name) as DaemonSet | undefined;
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  private matching(obj: KubeObject): DaemonSet[] {
    return (this.d.informers.daemonSets.list(obj.metadata.namespace ?? '') as DaemonSet[]).filter((ds) => selectsObject(ds, obj));
  }

  private addPod(pod: KubeObject): void {
    // Seen already terminating (after a restart): that is a deletion, never a creation.
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const ds = this.resolve(pod.metadata.namespace, ref);
      if (!ds) return;
      this.d.expectations.creationObserved(objectKey(ds));
      return this.d.enqueue(ds);
    }
    for (const ds of this.matching(pod)) this.d.enqueue(ds);
  }

  private updatePod(old: KubeObject, cur: KubeObject): void {
    // Replacements should start as soon as a pod is marked for deletion, not when the kubelet finally removes it.
    if (cur.metadata.deletionTimestamp) return this.deletePod(cur);
    const ds = this.followOwners(old, cur);
    const minReadySeconds = ds?.spec?.minReadySeconds ?? 0;
    // A second more than minReadySeconds, so the pod is surely available when the DaemonSet looks again.
    if (ds && minReadySeconds > 0 && !isPodReady(podState(old as DaemonPod)) && isPodReady(podState(cur as DaemonPod))) {
      this.d.enqueueAfter(ds, (minReadySeconds + 1) * 1000);
    }
  }

  /**
   * The update rule pods and revisions share: the former controller hears it lost the object, the current one that
   * it changed; an orphan whose owner or labels changed wakes every DaemonSet that might adopt it. Returns the
   * current controller, if it exists.
   */
  private followOwners(old: KubeObject, cur: KubeObject): DaemonSet | undefined {
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !isDeepStrictEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const previous = this.resolve(old.metadata.namespace, oldRef);
      if (previous) this.d.enqueue(previous);
    }
    if (curRef) {
      const ds = this.resolve(cur.metadata.namespace, curRef);
      if (ds) this.d.enqueue(ds);
      return ds;
    }
    if (refChanged || !isDeepStrictEqual(old.metadata.labels, cur.metadata.labels)) {
      for (const ds of this.matching(cur)) this.d.enqueue(ds);
    }
    return undefined;
  }

  private deletePod(pod: KubeObject): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const ds = this.resolve(pod.metadata.namespace, ref);
    if (!ds) return;
    this.d.expectations.deletionObserved(objectKey(ds), pod.metadata.uid);
    this.d.enqueue(ds);
  }

  private addHistory(revision: KubeObject): void {
    if (revision.metadata.deletionTimestamp) return this.deleteHistory(revision);
    // An owned revision appearing changes nothing its owner does not know; orphans may be adopted.
    if (controllerOf(revision)) return;
    for (const ds of this.matching(revision)) this.d.enqueue(ds);
  }

  private updateHistory(old: KubeObject, cur: KubeObject): void {
    this.followOwners(old, cur);
  }

  private deleteHistory(revision: KubeObject): void {
    const ref = controllerOf(revision);
    const ds = ref && this.resolve(revision.metadata.namespace, ref);
    if (ds) this.d.enqueue(ds);
  }

  /** addNode: only the DaemonSets that want a pod on the new node. */
  private addNode(node: NodeObject): void {
    for (const ds of this.d.informers.daemonSets.list() as DaemonSet[]) {
      if (nodeShouldRunDaemonPod(node, ds).shouldRun) this.d.enqueue(ds);
    }
  }

  /** updateNode: heartbeats are ignored; otherwise the DaemonSets whose answer for this node changed. */
  private updateNode(old: NodeObject, cur: NodeObject): void {
    if (shouldIgnoreNodeUpdate(old, cur)) return;
    for (const ds of this.d.informers.daemonSets.list() as DaemonSet[]) {
      const before = nodeShouldRunDaemonPod(old, ds);
      const after = nodeShouldRunDaemonPod(cur, ds);
      if (before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning) this.d.enqueue(ds);
    }
  }
}
