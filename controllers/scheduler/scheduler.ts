import type { KubeObject } from '../../schemas/meta.js';
import { ApiError, conflict } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import { bindPod, validateBinding } from '../../server/registry/subresources/binding.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { EventRecorder } from '../runtime/events.js';
import { objectKey, splitKey, type Informer } from '../runtime/informer.js';
import { truncateEventMessage } from './fit-error.js';
import { NodeInfoCache } from './node-cache.js';
import type { SchedNode, SchedPod } from './node-info.js';
import { unschedulableStatus } from './pod-condition.js';
import { needsScheduling, nodeSchedulingPropertiesChanged, podBackoffMs, podSchedulingPropertiesChanged } from './queueing.js';
import { schedulePod } from './schedule-pod.js';
import { requiredNodeNames } from './node-affinity.js';

export interface SchedulerConfig {
  /** The spec.schedulerName this scheduler answers to, and the event source it reports as. */
  schedulerName: string;
  podInitialBackoffMs: number;
  podMaxBackoffMs: number;
  /** How long an unschedulable pod waits for a useful cluster change before it is tried again anyway. */
  podMaxInUnschedulablePodsDurationMs: number;
}

/** kube-scheduler's defaults (podInitialBackoffSeconds 1, podMaxBackoffSeconds 10, 5 minutes unschedulable). */
export const DEFAULT_SCHEDULER_CONFIG: SchedulerConfig = {
  schedulerName: 'default-scheduler',
  podInitialBackoffMs: 1000,
  podMaxBackoffMs: 10_000,
  podMaxInUnschedulablePodsDurationMs: 5 * 60_000,
};

interface Attempts {
  uid: string | undefined;
  count: number;
  lastAt: number;
}

/**
 * The default scheduler: binds each pending pod of its scheduler name to the best feasible node, or marks it
 * Unschedulable with upstream's message. A failed pod is tried again when a node appears or changes in a way a
 * filter cares about, or when a bound pod lets go of its resources — never before its backoff has passed — and
 * otherwise once it has waited podMaxInUnschedulablePodsDuration.
 */
export class Scheduler extends Controller {
  private readonly podsDef: ResourceDef;
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly recorder: EventRecorder;
  private readonly cache = new NodeInfoCache();
  private readonly attempts = new Map<string, Attempts>();

  constructor(ctx: ControllerContext, private readonly config: SchedulerConfig = DEFAULT_SCHEDULER_CONFIG) {
    super('scheduler', ctx);
    this.podsDef = ctx.resource('', 'pods');
    this.pods = ctx.informers.for(this.podsDef);
    this.nodes = ctx.informers.for(ctx.resource('', 'nodes'));
    this.recorder = ctx.recorder(config.schedulerName);
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(undefined, pod as SchedPod),
      onUpdate: (old, pod) => this.podChanged(old as SchedPod, pod as SchedPod),
      onDelete: (pod) => this.podChanged(pod as SchedPod, undefined),
    });
    this.nodes.addHandlers({
      onAdd: () => this.retryUnschedulable(),
      onUpdate: (old, node) => {
        if (nodeSchedulingPropertiesChanged(old as SchedNode, node as SchedNode)) this.retryUnschedulable();
      },
      onDelete: (node) => this.cache.forgetNode(node.metadata.name!),
    });
  }

  private podChanged(old: SchedPod | undefined, pod: SchedPod | undefined): void {
    if (this.cache.applyPod(old, pod)) this.retryUnschedulable();
    if (!pod) {
      this.attempts.delete(objectKey(old!));
      return;
    }
    if (!needsScheduling(pod, this.config.schedulerName)) return;
    if (!old) this.queue.add(objectKey(pod));
    else if (podSchedulingPropertiesChanged(old, pod)) this.requeue(objectKey(pod));
  }

  private retryUnschedulable(): void {
    for (const key of this.attempts.keys()) this.requeue(key);
  }

  /** Back to the queue, but not before the pod's backoff since its last attempt has passed. */
  private requeue(key: string): void {
    const attempts = this.attempts.get(key);
    if (!attempts) return this.queue.add(key);
    this.queue.addAfter(key, Math.max(0, this.backoffEnd(attempts) - this.ctx.clock.now()));
  }

  private backoffEnd(attempts: Attempts): number {
    return attempts.lastAt + podBackoffMs(attempts.count, this.config.podInitialBackoffMs, this.config.podMaxBackoffMs);
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.get(namespace, name) as SchedPod | undefined;
    if (!pod || !needsScheduling(pod, this.config.schedulerName)) {
      this.attempts.delete(key);
      return;
    }
    let attempts = this.attempts.get(key);
    if (attempts && attempts.uid !== pod.metadata.uid) attempts = undefined;
    const now = this.ctx.clock.now();
    if (attempts && this.backoffEnd(attempts) > now) {
      this.queue.addAfter(key, this.backoffEnd(attempts) - now);
      return;
    }
    // A pod pinned to named nodes (every DaemonSet pod) is judged against those nodes only, as upstream's PreFilter
    // narrows the node list: the cost of scheduling it does not grow with the cluster.
    const pinned = requiredNodeNames(pod.spec);
    const nodes = pinned
      ? ([...pinned].map((n) => this.nodes.get('', n)).filter((n) => n !== undefined) as SchedNode[])
      : (this.nodes.list() as SchedNode[]);
    const result = schedulePod(pod, this.cache.snapshot(nodes), this.nodes.size);
    if ('node' in result) {
      this.attempts.delete(key);
      this.bind(pod, result.node);
      return;
    }
    this.attempts.set(key, { uid: pod.metadata.uid, count: (attempts?.count ?? 0) + 1, lastAt: now });
    this.reportUnschedulable(pod, result.failure);
    this.queue.addAfter(key, this.config.podMaxInUnschedulablePodsDurationMs);
  }

  /** DefaultBinder: POST pods/binding with the pod's UID as precondition, then the Scheduled event. */
  private bind(pod: SchedPod, node: string): void {
    const { namespace = '', name = '', uid } = pod.metadata;
    const binding = validateBinding({ metadata: { name, namespace, uid }, target: { kind: 'Node', name: node } }, name);
    let bound: KubeObject;
    try {
      bound = this.ctx.store.updateBypassingStrategy(this.podsDef, namespace, name, (current) => {
        if (current.metadata.uid !== uid) {
          throw conflict(this.podsDef, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`);
        }
        return bindPod(this.podsDef, current, binding, this.ctx.clock.now());
      });
    } catch (err) {
      // Deleted, replaced, bound by someone else or gated again: the informer brings the new state.
      if (err instanceof ApiError && (err.code === 404 || err.code === 409)) return;
      throw err;
    }
    // AssumePod: count the pod on its node now, before the informer delivers the binding, or the next pods of a
    // burst would all be placed on the same emptiest node.
    this.cache.applyPod(pod, bound as SchedPod);
    this.recorder.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`);
  }

  /** handleSchedulingFailure: a FailedScheduling event every attempt, the condition only when its text changed. */
  private reportUnschedulable(pod: SchedPod, message: string): void {
    const { namespace = '', name = '', uid } = pod.metadata;
    this.recorder.event(pod, 'Warning', 'FailedScheduling', truncateEventMessage(message));
    try {
      this.ctx.store.guaranteedUpdate(
        this.podsDef,
        namespace,
        name,
        (current) => {
          const stored = current as SchedPod;
          if (stored.metadata.uid !== uid || stored.spec?.nodeName) return undefined;
          const status = unschedulableStatus(stored.status, message, this.ctx.clock.now());
          return status ? { ...stored, status } : undefined;
        },
        { subresource: 'status' },
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) return;
      throw err;
    }
  }
}
