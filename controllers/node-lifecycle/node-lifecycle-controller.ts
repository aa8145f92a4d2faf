import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { EventRecorder } from '../runtime/events.js';
import { objectKey, type Informer } from '../runtime/informer.js';
import { DEFAULT_NODE_LIFECYCLE_CONFIG, type NodeLifecycleConfig } from './config.js';
import { NoExecuteTainter } from './no-execute-tainter.js';
import { NodeHealthMonitor } from './node-health-monitor.js';
import { readyCondition } from './node-health.js';
import { betaLabelsToReconcile } from './node-labels.js';
import { NodeWriter } from './node-writes.js';
import { every } from '../runtime/periodic.js';
import { markPodsNotReady } from './pod-writes.js';
import type { TaintAttempt } from './taint-queue.js';
import { managedNoScheduleTaints, readinessNoExecuteTaints, taintSetDiff, wantedNoScheduleTaints } from './taints.js';

const MONITOR_KEY = 'pass:monitor';
const NO_EXECUTE_KEY = 'pass:no-execute';
const NODE_PREFIX = 'node:';
const POD_PREFIX = 'pod:';
/** Upstream retries tainting a node that has no Ready condition yet after 50 ms. */
const NO_READY_CONDITION_RETRY_MS = 50;

/**
 * Upstream's node lifecycle controller (events as `node-controller`): every node monitor period it checks each
 * node's heartbeats and turns silent nodes Unknown; on every node change it keeps the condition NoSchedule taints
 * (and `unschedulable`) in line; a timed pass applies the rate-limited NoExecute not-ready/unreachable taints that
 * the taint-eviction controller acts on; pods newly bound to a not-Ready node are marked not Ready.
 */
export class NodeLifecycleController extends Controller {
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly leases: Informer;
  private readonly writer: NodeWriter;
  private readonly tainter: NoExecuteTainter;
  private readonly monitor: NodeHealthMonitor;
  private readonly podDef: ResourceDef;
  private readonly recorder: EventRecorder;
  private timers: Array<() => void> = [];

  constructor(ctx: ControllerContext, private readonly config: NodeLifecycleConfig = DEFAULT_NODE_LIFECYCLE_CONFIG) {
    super('node-lifecycle-controller', ctx);
    const nodeDef = ctx.resource('', 'nodes');
    this.podDef = ctx.resource('', 'pods');
    this.nodes = ctx.informers.for(nodeDef);
    this.pods = ctx.informers.for(this.podDef);
    this.leases = ctx.informers.for(ctx.resource('coordination.k8s.io', 'leases'));
    this.writer = new NodeWriter(ctx, nodeDef);
    this.tainter = new NoExecuteTainter(config);
    this.recorder = ctx.recorder('node-controller');
    this.monitor = new NodeHealthMonitor({
      ctx,
      config,
      nodes: this.nodes,
      pods: this.pods,
      leases: this.leases,
      nodeDef,
      podDef: this.podDef,
      recorder: this.recorder,
      writer: this.writer,
      tainter: this.tainter,
    });
    this.nodes.addHandlers({
      onAdd: (node) => this.queue.add(NODE_PREFIX + node.metadata.name),
      onUpdate: (_old, node) => this.queue.add(NODE_PREFIX + node.metadata.name),
      onDelete: (node) => this.monitor.forgetRetry(node.metadata.name!),
    });
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(undefined, pod),
      onUpdate: (old, pod) => this.podChanged(old, pod),
    });
  }

  /** Starts the informers and the periodic passes; idempotent. `run()` calls it, tests call it and `drain()`. */
  start(): void {
    if (this.timers.length > 0) return;
    for (const informer of [this.nodes, this.pods, this.leases]) informer.start();
    this.timers = [
      every(this.ctx.clock, this.config.nodeMonitorPeriodMs, () => this.queue.add(MONITOR_KEY)),
      every(this.ctx.clock, this.config.noExecuteTaintingPeriodMs, () => this.queue.add(NO_EXECUTE_KEY)),
    ];
  }

  override run(): void {
    this.start();
    super.run();
  }

  override stop(): void {
    for (const cancel of this.timers) cancel();
    this.timers = [];
    super.stop();
  }

  protected sync(key: string): void {
    if (key === MONITOR_KEY) this.monitor.pass();
    else if (key === NO_EXECUTE_KEY) this.tainter.process(this.ctx.clock.now(), (name) => this.applyNoExecuteTaint(name));
    else if (key.startsWith(NODE_PREFIX)) this.syncNode(key.slice(NODE_PREFIX.length));
    else if (key.startsWith(POD_PREFIX)) this.syncPod(key.slice(POD_PREFIX.length));
  }

  /** Only a pod newly bound to a node can need marking outside the monitor pass. */
  private podChanged(old: KubeObject | undefined, pod: KubeObject): void {
    const nodeName = (pod as PodObject).spec?.nodeName;
    if (nodeName && nodeName !== (old as PodObject | undefined)?.spec?.nodeName) this.queue.add(POD_PREFIX + objectKey(pod));
  }

  /** doNoScheduleTaintingPass and reconcileNodeLabels for one node. */
  private syncNode(name: string): void {
    const node = this.nodes.get('', name) as NodeObject | undefined;
    if (!node) return;
    const wanted = wantedNoScheduleTaints(node.status?.conditions, node.spec?.unschedulable === true);
    const { add, remove } = taintSetDiff(wanted, managedNoScheduleTaints(node.spec?.taints));
    const labels = betaLabelsToReconcile(node.metadata.labels);
    try {
      if (add.length > 0 || remove.length > 0) this.writer.swapTaints(name, add, remove);
      if (Object.keys(labels).length > 0) this.writer.addLabels(name, labels);
    } catch (err) {
      // The node went away meanwhile: nothing left to taint.
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }

  /** processPod: a pod that lands on a node last seen not Ready is marked not Ready right away. */
  private syncPod(key: string): void {
    const pod = this.pods.getByKey(key) as PodObject | undefined;
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName) return;
    const { seen, ready } = this.monitor.recordedReady(nodeName);
    if (!seen || !this.nodes.get('', nodeName) || !ready || ready.status === 'True') return;
    if (!markPodsNotReady(this.ctx, this.podDef, this.recorder, [pod], nodeName)) {
      throw new Error(`pod ${key} could not be marked not ready`);
    }
  }

  /** One queued node's NoExecute taint, matching its Ready status at the time it is applied. */
  private applyNoExecuteTaint(name: string): TaintAttempt {
    const node = this.nodes.get('', name) as NodeObject | undefined;
    if (!node) return { done: true };
    const status = readyCondition(node.status?.conditions)?.status;
    if (status === undefined) return { done: false, retryMs: NO_READY_CONDITION_RETRY_MS };
    if (status !== 'False' && status !== 'Unknown') return { done: true };
    const [wanted, opposite] = readinessNoExecuteTaints(status);
    try {
      this.writer.swapTaints(name, [wanted], [opposite]);
      return { done: true };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.ctx.log(`node-lifecycle: tainting node ${name} failed: ${err.message}`);
      return { done: false, retryMs: 0 };
    }
  }
}
