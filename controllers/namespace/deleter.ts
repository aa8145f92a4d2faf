import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { ControllerContext } from '../runtime/context.js';
import type { Informer } from '../runtime/informer.js';
import type { ContentTotals } from './conditions.js';
import { gvrString, podTerminationEstimate, remainder, resourceLabel } from './content.js';

export interface ContentPass extends ContentTotals {
  /** Seconds until the content should be gone; 0 with no errors means the namespace is empty. */
  estimateSeconds: number;
}

/**
 * Upstream's deleteAllContent: a Background deletecollection of every namespaced resource, then a look at what is
 * left (through the caches, which the store's writes have already updated) to explain it and estimate the wait.
 */
export class NamespaceContentDeleter {
  private readonly content: Array<{ def: ResourceDef; informer: Informer }>;

  constructor(private readonly ctx: ControllerContext, private readonly finalizerEstimateSeconds: number) {
    this.content = ctx.table.all.filter((def) => def.namespaced).map((def) => ({ def, informer: ctx.informers.for(def) }));
  }

  get cachesStarted(): boolean {
    return this.content.every((c) => c.informer.started);
  }

  deleteAll(namespace: string, deletedAtMs: number): ContentPass {
    const pass: ContentPass = { estimateSeconds: 0, remainingByResource: new Map(), remainingByFinalizer: new Map(), contentErrors: [] };
    for (const { def, informer } of this.content) {
      const estimate = def.group === '' && def.resource === 'pods'
        ? podTerminationEstimate(informer.list(namespace), deletedAtMs, this.ctx.clock.now())
        : 0;
      try {
        // Background, so no orphan finalizer holds anything back: the namespace must end up empty.
        this.ctx.store.deleteCollection(def, namespace, {}, { propagationPolicy: 'Background' });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        pass.contentErrors.push(err.message);
        pass.estimateSeconds = Math.max(pass.estimateSeconds, estimate);
        continue;
      }
      const left = remainder(informer.list(namespace), estimate, this.finalizerEstimateSeconds);
      pass.estimateSeconds = Math.max(pass.estimateSeconds, left.estimateSeconds);
      if (left.unexpected) pass.contentErrors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(def)}`);
      if (left.remaining === 0) continue;
      pass.remainingByResource.set(resourceLabel(def), left.remaining);
      for (const [f, n] of left.byFinalizer) pass.remainingByFinalizer.set(f, (pass.remainingByFinalizer.get(f) ?? 0) + n);
    }
    return pass;
  }
}
