import type { Taint } from '../../schemas/core/node.js';
import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { EventRecorder } from '../runtime/events.js';
import { objectKey, splitKey, type Informer } from '../runtime/informer.js';
import { disruptionTarget, updatePodCondition } from './pod-conditions.js';
import { noExecuteTaints, sameTaintList } from './taints.js';
import { decideEviction } from './tolerations.js';

const NODE_PREFIX = 'node:';
const POD_PREFIX = 'pod:';
const EVICT_PREFIX = 'evict:';

interface ScheduledEviction {
  createdAt: number;
  /** Present for a delayed eviction; an immediate one cannot be called back, so cancelling it is silent. */
  cancelTimer?: () => void;
}

/** A reference to a pod as upstream's eviction events carry it: name and namespace only. */
function podRef(key: string): KubeObject {
  const { namespace, name } = splitKey(key);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
}

/**
 * Upstream's taint-eviction-controller: pods on a node with NoExecute taints they do not tolerate are deleted at
 * once; pods tolerating them for a limited time are deleted once the shortest tolerationSeconds has passed since
 * the controller saw the taints; pods tolerating them without a limit stay. Scheduled evictions are cancelled when
 * the taints go or the pod does. The controller remembers what it scheduled only in memory, as upstream does.
 */
export class TaintEvictionController extends Controller {
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly podDef: ResourceDef;
  private readonly recorder: EventRecorder;
  /** NoExecute taints per node, as last seen. */
  private readonly tainted = new Map<string, Taint[]>();
  private readonly scheduled = new Map<string, ScheduledEviction>();

  constructor(ctx: ControllerContext) {
    super('taint-eviction-controller', ctx);
    this.podDef = ctx.resource('', 'pods');
    this.nodes = ctx.informers.for(ctx.resource('', 'nodes'));
    this.pods = ctx.informers.for(this.podDef);
    this.recorder = ctx.recorder('taint-eviction-controller');
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(undefined, pod),
      onUpdate: (old, pod) => this.podChanged(old, pod),
      onDelete: (pod) => this.queue.add(POD_PREFIX + objectKey(pod)),
    });
    this.nodes.addHandlers({
      onAdd: (node) => this.queue.add(NODE_PREFIX + node.metadata.name),
      onUpdate: (old, node) => this.nodeChanged(old, node),
      onDelete: (node) => this.queue.add(NODE_PREFIX + node.metadata.name),
    });
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
  }

  override run(): void {
    this.start();
    super.run();
  }

  override stop(): void {
    for (const eviction of this.scheduled.values()) eviction.cancelTimer?.();
    this.scheduled.clear();
    super.stop();
  }

  protected sync(key: string): void {
    if (key.startsWith(NODE_PREFIX)) this.syncNode(key.slice(NODE_PREFIX.length));
    else if (key.startsWith(POD_PREFIX)) this.syncPod(key.slice(POD_PREFIX.length));
    else if (key.startsWith(EVICT_PREFIX)) this.evict(key.slice(EVICT_PREFIX.length));
  }

  private podChanged(old: KubeObject | undefined, pod: KubeObject): void {
    const before = (old as PodObject | undefined)?.spec;
    const after = (pod as PodObject).spec;
    const tolerations = (spec: typeof before) => JSON.stringify(spec?.tolerations ?? []);
    const same = before && before.nodeName === after?.nodeName && tolerations(before) === tolerations(after);
    if (!same) this.queue.add(POD_PREFIX + objectKey(pod));
  }

  private nodeChanged(old: KubeObject, node: KubeObject): void {
    const taints = (n: KubeObject) => noExecuteTaints((n as NodeObject).spec?.taints);
    if (!sameTaintList(taints(old), taints(node))) this.queue.add(NODE_PREFIX + node.metadata.name);
  }

  private syncPod(key: string): void {
    const pod = this.pods.getByKey(key) as PodObject | undefined;
    if (!pod) return this.cancel(key);
    const nodeName = pod.spec?.nodeName;
    const taints = nodeName ? this.tainted.get(nodeName) : undefined;
    if (taints) this.consider(key, pod, taints);
  }

  private syncNode(name: string): void {
    const node = this.nodes.get('', name) as NodeObject | undefined;
    if (!node) {
      this.tainted.delete(name);
      return;
    }
    const taints = noExecuteTaints(node.spec?.taints);
    if (taints.length > 0) this.tainted.set(name, taints);
    else this.tainted.delete(name);
    for (const pod of this.pods.list() as PodObject[]) {
      if (pod.spec?.nodeName === name) this.consider(objectKey(pod), pod, taints);
    }
  }

  /** processPodOnNode: schedule, keep, or cancel the pod's eviction. */
  private consider(key: string, pod: PodObject, taints: readonly Taint[]): void {
    const now = this.ctx.clock.now();
    const decision = decideEviction(taints, pod.spec?.tolerations ?? []);
    if (decision.action === 'cancel') return this.cancel(key);
    if (decision.action === 'evictNow') {
      this.cancel(key);
      return this.schedule(key, now, 0);
    }
    let createdAt = now;
    const existing = this.scheduled.get(key);
    if (existing?.cancelTimer) {
      // An eviction already counting down keeps its deadline, whatever the tolerations say now.
      if (existing.createdAt < now) return;
      createdAt = existing.createdAt;
      this.cancel(key);
    }
    this.schedule(key, createdAt, decision.delayMs);
  }

  private schedule(key: string, createdAt: number, delayMs: number): void {
    if (this.scheduled.has(key)) return;
    if (delayMs <= 0) {
      this.scheduled.set(key, { createdAt });
      this.queue.add(EVICT_PREFIX + key);
      return;
    }
    const cancelTimer = this.ctx.clock.setTimer(delayMs, () => this.queue.add(EVICT_PREFIX + key));
    this.scheduled.set(key, { createdAt, cancelTimer });
  }

  private cancel(key: string): void {
    const eviction = this.scheduled.get(key);
    if (!eviction) return;
    this.scheduled.delete(key);
    if (!eviction.cancelTimer) return;
    eviction.cancelTimer();
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  /** The eviction itself: the event, the DisruptionTarget condition, then an ordinary graceful DELETE. */
  private evict(key: string): void {
    if (!this.scheduled.delete(key)) return;
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const { namespace, name } = splitKey(key);
    const now = this.ctx.clock.now();
    const condition = disruptionTarget('DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
    try {
      this.ctx.store.guaranteedUpdate(
        this.podDef,
        namespace,
        name,
        (pod) => (updatePodCondition(((pod as PodObject).status ??= {}), condition, now) ? pod : undefined),
        { subresource: 'status' },
      );
      this.ctx.store.delete(this.podDef, namespace, name, {});
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code !== 404) this.ctx.log(`taint-eviction: deleting pod ${key} failed: ${err.message}`);
    }
  }
}
