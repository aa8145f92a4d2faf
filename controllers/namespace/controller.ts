import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../../server/clock.js';
import { ApiError, conflict } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { NamespaceObject } from '../../server/registry/strategies/namespace.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { Informer } from '../runtime/informer.js';
import { failingConditions, mergeConditions, type NamespaceCondition } from './conditions.js';
import { DEFAULT_NAMESPACE_CONTROLLER_CONFIG, type NamespaceControllerConfig } from './config.js';
import { recheckDelayMs } from './content.js';
import { NamespaceContentDeleter, type ContentPass } from './deleter.js';

/** The token this controller owns in spec.finalizers (upstream's v1.FinalizerKubernetes). */
const KUBERNETES_FINALIZER = 'kubernetes';

function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.code === 404;
}

/**
 * The namespace controller (pkg/controller/namespace): empties a namespace that has a deletionTimestamp, reports
 * progress in its conditions, and then removes `kubernetes` from spec.finalizers, after which the store removes
 * the namespace once nothing else holds it.
 */
export class NamespaceController extends Controller {
  private readonly namespaces: ResourceDef;
  private readonly informer: Informer;
  private readonly deleter: NamespaceContentDeleter;
  private readonly failures = new Map<string, number>();

  constructor(ctx: ControllerContext, private readonly config: NamespaceControllerConfig = DEFAULT_NAMESPACE_CONTROLLER_CONFIG) {
    super('namespace', ctx);
    this.namespaces = ctx.resource('', 'namespaces');
    this.informer = ctx.informers.for(this.namespaces);
    this.deleter = new NamespaceContentDeleter(ctx, config.finalizerEstimateSeconds);
    this.informer.addHandlers({ onAdd: (ns) => this.enqueue(ns), onUpdate: (_old, ns) => this.enqueue(ns) });
  }

  /** Delayed, as upstream does, so creations racing the deletion have landed before the namespace is swept. */
  private enqueue(ns: KubeObject): void {
    if (ns.metadata.deletionTimestamp) this.queue.addAfter(ns.metadata.name!, this.config.deletionGracePeriodMs);
  }

  protected sync(name: string): void {
    if (!this.informer.started || !this.deleter.cachesStarted) throw new Error('informer caches are not started yet');
    const ns = this.informer.get('', name) as NamespaceObject | undefined;
    const deletedAt = ns?.metadata.deletionTimestamp;
    if (!ns || !deletedAt) {
      this.failures.delete(name);
      return;
    }
    try {
      this.ensureTerminating(ns);
      if ((ns.spec?.finalizers ?? []).length === 0) return;
      const pass = this.deleter.deleteAll(name, Date.parse(deletedAt));
      this.writeConditions(ns, pass);
      if (pass.contentErrors.length > 0) return this.retryLater(name);
      if (pass.estimateSeconds > 0) return this.queue.addAfter(name, recheckDelayMs(pass.estimateSeconds));
      this.finalize(ns);
      this.failures.delete(name);
    } catch (err) {
      // Gone already: whoever removed it finished the job.
      if (!isNotFound(err)) throw err;
    }
  }

  private ensureTerminating(ns: NamespaceObject): void {
    if (ns.status?.phase === 'Terminating') return;
    this.ctx.store.guaranteedUpdate(this.namespaces, '', ns.metadata.name!, (current) => {
      if (current.metadata.uid !== ns.metadata.uid) return undefined;
      return { ...current, status: { ...(current as NamespaceObject).status, phase: 'Terminating' } };
    }, { subresource: 'status' });
  }

  /** Conditions are written on every pass that changes them, so a recovered failure shows as recovered. */
  private writeConditions(ns: NamespaceObject, pass: ContentPass): void {
    const now = formatTime(this.ctx.clock.now());
    try {
      this.ctx.store.guaranteedUpdate(this.namespaces, '', ns.metadata.name!, (current) => {
        const stored = current as NamespaceObject;
        if (stored.metadata.uid !== ns.metadata.uid) return undefined;
        const existing = (stored.status?.conditions ?? []) as NamespaceCondition[];
        const { conditions, changed } = mergeConditions(existing, failingConditions(pass), now);
        return changed ? { ...stored, status: { ...stored.status, conditions } } : undefined;
      }, { subresource: 'status' });
    } catch (err) {
      // As upstream: a failed condition write is reported and the deletion carries on.
      if (!(err instanceof ApiError) || isNotFound(err)) throw err;
      this.ctx.log(`namespace: could not update the conditions of ${ns.metadata.name}: ${err.message}`);
    }
  }

  /** Upstream's finalize subresource: spec.finalizers without our token, as a sorted set. */
  private finalize(ns: NamespaceObject): void {
    const name = ns.metadata.name!;
    this.ctx.store.updateBypassingStrategy(this.namespaces, '', name, (current) => {
      if (current.metadata.uid !== ns.metadata.uid) throw conflict(this.namespaces, name, 'the namespace was replaced');
      const stored = current as NamespaceObject;
      const rest = [...new Set(stored.spec?.finalizers ?? [])].filter((f) => f !== KUBERNETES_FINALIZER).sort();
      stored.spec = { ...stored.spec, finalizers: rest };
      return stored;
    });
  }

  private retryLater(name: string): void {
    const failures = this.failures.get(name) ?? 0;
    this.failures.set(name, failures + 1);
    this.queue.addAfter(name, Math.min(this.config.retryBaseDelayMs * 2 ** failures, this.config.retryMaxDelayMs));
  }
}
