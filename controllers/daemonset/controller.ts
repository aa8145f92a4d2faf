import type { KubeObject } from '../../schemas/meta.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import { Expectations } from '../runtime/expectations.js';
import { objectKey } from '../runtime/informer.js';
import { Backoff } from './backoff.js';
import { DEFAULT_DAEMONSET_CONFIG, type DaemonSetControllerConfig, type SyncDeps } from './deps.js';
import { DaemonSetHandlers } from './handlers.js';
import { syncDaemonSet } from './sync.js';
import { COMPONENT } from './types.js';

export { DEFAULT_DAEMONSET_CONFIG, type DaemonSetControllerConfig } from './deps.js';

/**
 * The DaemonSet controller (pkg/controller/daemon): one daemon pod on every eligible node, rolled to new templates
 * by RollingUpdate or OnDelete, with ControllerRevisions as its history. Construct it (it registers its
 * informers), then `ctx.informers.startAll()` and `run()`; tests call `drain()` instead of `run()`.
 */
export class DaemonSetController extends Controller {
  private readonly deps: SyncDeps;

  constructor(ctx: ControllerContext, config: DaemonSetControllerConfig = DEFAULT_DAEMONSET_CONFIG) {
    super(COMPONENT, ctx);
    const defs = {
      daemonSets: ctx.resource('apps', 'daemonsets'),
      pods: ctx.resource('', 'pods'),
      nodes: ctx.resource('', 'nodes'),
      revisions: ctx.resource('apps', 'controllerrevisions'),
    };
    const informers = {
      daemonSets: ctx.informers.for(defs.daemonSets),
      pods: ctx.informers.for(defs.pods),
      nodes: ctx.informers.for(defs.nodes),
      revisions: ctx.informers.for(defs.revisions),
    };
    const expectations = new Expectations(ctx.clock);
    const enqueueAfter = (ds: KubeObject, ms: number) => this.queue.addAfter(objectKey(ds), ms);
    this.deps = {
      ctx,
      config,
      defs,
      informers,
      expectations,
      backoff: new Backoff(config.failedPodBackoffInitialMs, config.failedPodBackoffMaxMs),
      recorder: ctx.recorder(COMPONENT),
      enqueueAfter,
    };
    new DaemonSetHandlers({
      informers,
      expectations,
      enqueue: (ds) => this.queue.add(objectKey(ds)),
      enqueueKey: (key) => this.queue.add(key),
      enqueueAfter,
    }).register();
  }

  protected sync(key: string): void {
    syncDaemonSet(this.deps, key);
  }
}
