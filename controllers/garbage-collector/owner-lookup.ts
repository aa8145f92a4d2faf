import type { OwnerReference } from '../../schemas/meta.js';
import type { ResourceTable } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';
import { ownerState, type ClassifiedRef } from './policy.js';

/**
 * Upstream's isDangling: each owner is looked up live by the reference's own coordinates (a namespaced owner in the
 * dependent's namespace), so a reference naming the wrong namespace, name or kind finds nothing and counts as
 * absent. The store is read, not the caches, because the caches may not have seen an owner created moments ago.
 */
export class OwnerLookup {
  constructor(private readonly store: Store, private readonly table: ResourceTable) {}

  /**
   * The state of every reference, or undefined when a cluster-scoped object names a namespaced owner: upstream
   * leaves such an object alone for good rather than guess a namespace.
   */
  classify(dependentNamespace: string, refs: OwnerReference[]): ClassifiedRef[] | undefined {
    const out: ClassifiedRef[] = [];
    for (const ref of refs) {
      const def = this.table.findByKind(ref.apiVersion, ref.kind);
      // Like upstream's REST-mapping failure: not a decision about the owner, so the item is retried with backoff.
      if (!def) throw new Error(`no served resource has kind ${ref.kind} in ${ref.apiVersion}, named by ownerReference ${ref.uid}`);
      if (def.namespaced && !dependentNamespace) return undefined;
      const found = this.store.tryGet(def, def.namespaced ? dependentNamespace : '', ref.name);
      out.push({ ref, state: ownerState(ref, found) });
    }
    return out;
  }
}
