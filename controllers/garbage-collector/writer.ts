import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { PropagationPolicy } from '../../server/registry/options.js';
import type { Store } from '../../server/registry/store.js';
import type { GraphNode } from './graph.js';
import { unblockOwnerReferences } from './policy.js';

/** 404: the object is already gone. 409 on a uid precondition: the name now holds another object. */
function isGone(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 404 || err.code === 409);
}

/** The collector's writes, each addressed by uid, so a replaced object under the same name is never touched. */
export class GcWriter {
  constructor(private readonly store: Store) {}

  delete(node: GraphNode, propagationPolicy: PropagationPolicy): void {
    const { namespace, name, uid } = node.identity;
    try {
      this.store.delete(node.def, namespace, name, { propagationPolicy, preconditions: { uid } });
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }

  removeOwnerReferences(node: GraphNode, ownerUids: string[]): void {
    const drop = new Set(ownerUids);
    this.updateOwnerReferences(node, (refs) => refs.filter((ref) => !drop.has(ref.uid)));
  }

  unblockOwnerReferences(node: GraphNode): void {
    this.updateOwnerReferences(node, unblockOwnerReferences);
  }

  /** Removing the last finalizer of a marked object makes the store delete it in the same write. */
  removeFinalizer(node: GraphNode, finalizer: string): void {
    this.update(node, (obj) => {
      const finalizers = obj.metadata.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return false;
      const rest = finalizers.filter((f) => f !== finalizer);
      if (rest.length > 0) obj.metadata.finalizers = rest;
      else delete obj.metadata.finalizers;
      return true;
    });
  }

  private updateOwnerReferences(node: GraphNode, change: (refs: OwnerReference[]) => OwnerReference[]): void {
    this.update(node, (obj) => {
      const before = obj.metadata.ownerReferences ?? [];
      const after = change(before);
      if (JSON.stringify(after) === JSON.stringify(before)) return false;
      if (after.length > 0) obj.metadata.ownerReferences = after;
      else delete obj.metadata.ownerReferences;
      return true;
    });
  }

  /** A metadata-only read-modify-write of the stored object (status is never written). */
  private update(node: GraphNode, change: (obj: KubeObject) => boolean): void {
    const { namespace, name, uid } = node.identity;
    try {
      this.store.guaranteedUpdate(node.def, namespace, name, (current) =>
        current.metadata.uid === uid && change(current) ? current : undefined,
      );
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }
}
