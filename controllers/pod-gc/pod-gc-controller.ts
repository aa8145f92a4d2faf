import type { PodCondition } from '../../schemas/core/pod.js';
import { ApiError, conflict } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { Informer } from '../runtime/informer.js';
import { disruptionTarget, updatePodCondition } from '../node-lifecycle/pod-conditions.js';
import { every } from '../runtime/periodic.js';
import { DEFAULT_POD_GC_CONFIG, type PodGCConfig } from './config.js';
import { NodeQuarantine } from './quarantine.js';
import { missingNodes, terminatedPodsToDelete, terminatingOnOutOfServiceNodes, unscheduledTerminating } from './selection.js';

const GC_KEY = 'gc';

/**
 * Upstream's pod garbage collector: on every period it force-deletes terminated pods beyond the threshold
 * (oldest, evicted first), terminating pods on out-of-service nodes, pods bound to nodes that have been gone for
 * the quarantine (first marked Failed with DisruptionTarget `DeletionByPodGC`), and unscheduled pods being
 * deleted. A pod is marked Failed before it is force-deleted unless it has already finished.
 */
export class PodGCController extends Controller {
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly podDef: ResourceDef;
  private readonly quarantine: NodeQuarantine;
  private stopTimer: (() => void) | undefined;

  constructor(ctx: ControllerContext, private readonly config: PodGCConfig = DEFAULT_POD_GC_CONFIG) {
    super('pod-garbage-collector', ctx);
    this.podDef = ctx.resource('', 'pods');
    this.pods = ctx.informers.for(this.podDef);
    this.nodes = ctx.informers.for(ctx.resource('', 'nodes'));
    this.quarantine = new NodeQuarantine(config.quarantineTimeMs);
  }

  /** Starts the informers and the periodic collection; idempotent. `run()` calls it, tests call it and `drain()`. */
  start(): void {
    if (this.stopTimer) return;
    this.pods.start();
    this.nodes.start();
    this.stopTimer = every(this.ctx.clock, this.config.gcCheckPeriodMs, () => this.queue.add(GC_KEY));
  }

  override run(): void {
    this.start();
    super.run();
  }

  override stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    super.stop();
  }

  protected sync(): void {
    const pods = this.pods.list() as PodObject[];
    const node = (name: string) => this.nodes.get('', name) as NodeObject | undefined;
    const exists = (name: string) => node(name) !== undefined;
    for (const pod of terminatedPodsToDelete(pods, this.config.terminatedPodThreshold)) this.forceDelete(pod);
    for (const pod of terminatingOnOutOfServiceNodes(pods, node)) this.forceDelete(pod);
    this.collectOrphans(pods, exists);
    for (const pod of unscheduledTerminating(pods)) this.forceDelete(pod);
  }

  private collectOrphans(pods: readonly PodObject[], exists: (name: string) => boolean): void {
    const now = this.ctx.clock.now();
    this.quarantine.watch(missingNodes(pods, exists), now);
    // The node cache follows the store synchronously, so it answers what upstream asks the API server.
    const deleted = this.quarantine.takeDeleted(now, exists);
    if (deleted.size === 0) return;
    const condition = disruptionTarget('DeletionByPodGC', 'PodGC: node no longer exists');
    for (const pod of pods) {
      if (deleted.has(pod.spec?.nodeName ?? '')) this.forceDelete(pod, condition);
    }
  }

  /** markFailedAndDeletePodWithCondition: Failed (plus the condition) unless already finished, then grace 0. */
  private forceDelete(pod: PodObject, condition?: PodCondition): void {
    const { namespace, name, uid } = pod.metadata;
    const now = this.ctx.clock.now();
    const phase = pod.status?.phase;
    try {
      if (phase !== 'Succeeded' && phase !== 'Failed') {
        this.ctx.store.guaranteedUpdate(
          this.podDef,
          namespace!,
          name!,
          (current) => {
            if (current.metadata.uid !== uid) {
              const why = `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`;
              throw conflict(this.podDef, name!, why);
            }
            const status = ((current as PodObject).status ??= {});
            status.phase = 'Failed';
            if (condition) updatePodCondition(status, condition, now);
            return current;
          },
          { subresource: 'status' },
        );
      }
      this.ctx.store.delete(this.podDef, namespace!, name!, { gracePeriodSeconds: 0 });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code !== 404) this.ctx.log(`pod-gc: force-deleting pod ${namespace}/${name} failed: ${err.message}`);
    }
  }
}
