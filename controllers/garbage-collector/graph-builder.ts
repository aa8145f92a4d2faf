import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../server/registry/deletion.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import { OwnerGraph, type GraphNode, type Identity } from './graph.js';
import { deleteKey, orphanKey } from './keys.js';
import { coordinatesMatch, deletionStartsWith, isBeingDeleted, isDeletingDependents, unblockedOwnerUids } from './policy.js';

export function identityOf(def: ResourceDef, obj: KubeObject): Identity {
  const meta = obj.metadata;
  return { apiVersion: def.apiVersion, kind: def.kind, namespace: meta.namespace ?? '', name: meta.name!, uid: meta.uid! };
}

/**
 * Upstream's GraphBuilder: turns informer events into graph changes and work-queue keys. It only maps events to
 * keys; every read of the API and every write happens in the collector's sync.
 */
export class GraphBuilder {
  readonly graph = new OwnerGraph();

  constructor(private readonly enqueue: (key: string) => void) {}

  observe(def: ResourceDef, old: KubeObject | undefined, obj: KubeObject): void {
    const identity = identityOf(def, obj);
    const owners = obj.metadata.ownerReferences ?? [];
    const isNew = this.graph.get(identity.uid) === undefined;
    const node: GraphNode = { identity, def, owners, beingDeleted: isBeingDeleted(obj), deletingDependents: isDeletingDependents(obj) };
    const diff = this.graph.put(node);
    for (const uid of unblockedOwnerUids(diff)) if (this.graph.get(uid)) this.enqueue(deleteKey(uid));
    if (this.hasUnverifiedOwner(identity, diff.added)) this.enqueue(deleteKey(identity.uid));
    if (isNew) this.recheckMismatchedDependents(identity);
    this.processTransitions(old, obj, identity.uid);
  }

  observeDeletion(obj: KubeObject): void {
    const uid = obj.metadata.uid!;
    const node = this.graph.remove(uid);
    if (!node) return;
    for (const dep of this.graph.dependentsOf(uid)) this.enqueue(deleteKey(dep.identity.uid));
    for (const ref of node.owners) {
      // An owner deleting in the foreground may have been waiting for exactly this object.
      if (this.graph.get(ref.uid)?.deletingDependents) this.enqueue(deleteKey(ref.uid));
    }
  }

  /**
   * A reference the graph cannot vouch for: the owner was never observed (a virtual node, to be checked against
   * the API), sits in another namespace, or is observed under other coordinates than the reference names.
   */
  private hasUnverifiedOwner(identity: Identity, refs: OwnerReference[]): boolean {
    return refs.some((ref) => {
      const owner = this.graph.get(ref.uid);
      if (!owner) return true;
      if (owner.def.namespaced && owner.identity.namespace !== identity.namespace) return true;
      return !coordinatesMatch(ref, owner.identity);
    });
  }

  /** An owner seen for the first time: dependents that named its uid under other coordinates are suspect. */
  private recheckMismatchedDependents(owner: Identity): void {
    for (const dep of this.graph.dependentsOf(owner.uid)) {
      const crossNamespace = owner.namespace !== '' && dep.identity.namespace !== owner.namespace;
      const mismatched = dep.owners.some((ref) => ref.uid === owner.uid && !coordinatesMatch(ref, owner));
      if (crossNamespace || mismatched) this.enqueue(deleteKey(dep.identity.uid));
    }
  }

  private processTransitions(old: KubeObject | undefined, obj: KubeObject, uid: string): void {
    if (deletionStartsWith(old, obj, ORPHAN_FINALIZER)) {
      this.enqueue(orphanKey(uid));
      return;
    }
    if (deletionStartsWith(old, obj, FOREGROUND_FINALIZER)) {
      for (const dep of this.graph.dependentsOf(uid)) this.enqueue(deleteKey(dep.identity.uid));
      this.enqueue(deleteKey(uid));
    }
  }
}
