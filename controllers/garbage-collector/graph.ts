import type { OwnerReference } from '../../schemas/meta.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import { referencesDiff, type Coordinates, type ReferencesDiff } from './policy.js';

export interface Identity extends Coordinates {
  namespace: string;
}

/** One observed object: who it is, which resource stores it, whom it names as owners, how it is being deleted. */
export interface GraphNode {
  identity: Identity;
  def: ResourceDef;
  owners: OwnerReference[];
  beingDeleted: boolean;
  deletingDependents: boolean;
}

/**
 * The ownership graph by uid. Dependents are indexed by the owner uid they name, whether or not that owner has
 * been observed: an unobserved owner is upstream's "virtual node", and its dependents are still found through it.
 */
export class OwnerGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependents = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Observed objects that name `ownerUid` as an owner. */
  dependentsOf(ownerUid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const uid of this.dependents.get(ownerUid) ?? []) {
      const node = this.nodes.get(uid);
      if (node) out.push(node);
    }
    return out;
  }

  /** Records the current state of an object; returns how its owner references changed since the last one. */
  put(node: GraphNode): ReferencesDiff {
    const uid = node.identity.uid;
    const diff = referencesDiff(this.nodes.get(uid)?.owners ?? [], node.owners);
    this.nodes.set(uid, node);
    for (const ref of diff.removed) this.unlink(ref.uid, uid);
    for (const ref of diff.added) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(uid);
    }
    return diff;
  }

  /** Forgets a deleted object; its own dependents keep pointing at its uid, now a virtual owner. */
  remove(uid: string): GraphNode | undefined {
    const node = this.nodes.get(uid);
    if (!node) return undefined;
    this.nodes.delete(uid);
    for (const ref of node.owners) this.unlink(ref.uid, uid);
    return node;
  }

  private unlink(ownerUid: string, dependentUid: string): void {
    const set = this.dependents.get(ownerUid);
    if (!set) return;
    set.delete(dependentUid);
    if (set.size === 0) this.dependents.delete(ownerUid);
  }
}
