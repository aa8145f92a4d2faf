import type { KubeObject } from '../../schemas/meta.js';
import type { NodeCondition } from '../../schemas/core/node.js';
import type { LeaseObject } from '../../server/registry/strategies/lease.js';
import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { ControllerContext } from '../runtime/context.js';
import type { EventRecorder } from '../runtime/events.js';
import type { Informer } from '../runtime/informer.js';
import type { NodeLifecycleConfig } from './config.js';
import type { NoExecuteTainter } from './no-execute-tainter.js';
import { isSilent, markNodeStatusUnknown, observeNodeHealth, readyCondition, sameCondition, type NodeHealth } from './node-health.js';
import type { NodeWriter } from './node-writes.js';
import { markPodsNotReady } from './pod-writes.js';
import { hasTaint, NOT_READY_NO_EXECUTE, readinessNoExecuteTaints, UNREACHABLE_NO_EXECUTE } from './taints.js';
import { EXCLUDE_DISRUPTION_LABEL, zoneKey } from './zones.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** What the monitor works with; the controller owns the informers and writers and lends them. */
export interface MonitorParts {
  ctx: ControllerContext;
  config: NodeLifecycleConfig;
  nodes: Informer;
  pods: Informer;
  leases: Informer;
  nodeDef: ResourceDef;
  podDef: ResourceDef;
  recorder: EventRecorder;
  writer: NodeWriter;
  tainter: NoExecuteTainter;
}

interface Assessment {
  node: NodeObject;
  observed: NodeCondition;
  current: NodeCondition | undefined;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A reference to a node as upstream's node events carry it: no namespace, no resourceVersion. */
function nodeRef(name: string, uid: string | undefined): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } };
}

/**
 * One pass of upstream's monitorNodeHealth: notices new and removed nodes, turns silent nodes Unknown, queues
 * NoExecute taints for not-Ready nodes (or clears them for Ready ones), marks the pods of nodes that just went
 * not-Ready, and adjusts tainting to zone disruption.
 */
export class NodeHealthMonitor {
  private readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, string | undefined>();
  private readonly retry = new Set<string>();

  constructor(private readonly parts: MonitorParts) {}

  /** The Ready condition last recorded for a node, or undefined before the monitor has seen one. */
  recordedReady(name: string): { seen: boolean; ready: NodeCondition | undefined } {
    const health = this.health.get(name);
    return { seen: health !== undefined, ready: health?.ready };
  }

  forgetRetry(name: string): void {
    this.retry.delete(name);
  }

  pass(): void {
    const now = this.parts.ctx.clock.now();
    const nodes = this.parts.nodes.list() as NodeObject[];
    this.notice(nodes, now);
    const podsByNode = new Map<string, PodObject[]>();
    for (const pod of this.parts.pods.list() as PodObject[]) {
      if (pod.spec?.nodeName) append(podsByNode, pod.spec.nodeName, pod);
    }
    const readyByZone = new Map<string, (string | undefined)[]>();
    for (const node of nodes) {
      const assessed = this.assess(node, now);
      if (!assessed) continue;
      if (node.metadata.labels?.[EXCLUDE_DISRUPTION_LABEL] === undefined) {
        append(readyByZone, zoneKey(node.metadata.labels), assessed.current?.status);
      }
      if (assessed.current) this.react(assessed, podsByNode.get(node.metadata.name!) ?? [], now);
    }
    const change = this.parts.tainter.handleDisruption(readyByZone, now);
    if (change === 'enteredFullDisruption') for (const node of nodes) this.markReachable(node);
    if (change === 'exitedFullDisruption') {
      for (const [name, health] of this.health) this.health.set(name, { ...health, probeTimestamp: now, readyTransitionTimestamp: now });
    }
  }

  private notice(nodes: readonly NodeObject[], now: number): void {
    const present = new Set<string>();
    for (const node of nodes) {
      const { name, uid, labels } = node.metadata;
      present.add(name!);
      this.parts.tainter.ensureZone(zoneKey(labels), now);
      if (this.known.has(name!)) continue;
      const message = `Node ${name} event: Registered Node ${name} in Controller`;
      this.parts.recorder.event(nodeRef(name!, uid), 'Normal', 'RegisteredNode', message);
      this.known.set(name!, uid);
      this.markReachable(node);
    }
    for (const [name, uid] of this.known) {
      if (present.has(name)) continue;
      const message = `Node ${name} event: Removing Node ${name} from Controller`;
      this.parts.recorder.event(nodeRef(name, uid), 'Normal', 'RemovingNode', message);
      this.known.delete(name);
      this.health.delete(name);
    }
  }

  /** tryUpdateNodeHealth: records the node's health and, when it has been silent too long, writes it Unknown. */
  private assess(node: NodeObject, now: number): Assessment | undefined {
    const { config } = this.parts;
    const name = node.metadata.name!;
    const created = node.metadata.creationTimestamp!;
    const lease = this.parts.leases.get(NODE_LEASE_NAMESPACE, name) as LeaseObject | undefined;
    const leaseSeen = lease && { renewTime: lease.spec?.renewTime };
    const observed = { creationTimestamp: created, conditions: node.status?.conditions };
    const grace = { monitorMs: config.nodeMonitorGracePeriodMs, startupMs: config.nodeStartupGracePeriodMs };
    const observation = observeNodeHealth(this.health.get(name), observed, leaseSeen, now, grace);
    this.health.set(name, observation.health);
    if (!isSilent(observation, now)) return { node, observed: observation.observedReady, current: readyCondition(node.status?.conditions) };

    const marked = structuredClone(node);
    markNodeStatusUnknown((marked.status ??= {}), created, now);
    const current = readyCondition(marked.status.conditions);
    if (sameCondition(current, observation.observedReady)) return { node, observed: observation.observedReady, current };
    let written: NodeObject;
    try {
      written = this.parts.ctx.store.guaranteedUpdate(
        this.parts.nodeDef,
        '',
        name,
        (fresh) => {
          markNodeStatusUnknown(((fresh as NodeObject).status ??= {}), created, now);
          return fresh;
        },
        { subresource: 'status' },
      ) as NodeObject;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.parts.ctx.log(`node-lifecycle: marking node ${name} Unknown failed: ${err.message}`);
      return undefined;
    }
    const renewTime = lease?.spec?.renewTime;
    this.health.set(name, {
      ...observation.health,
      readyTransitionTimestamp: now,
      ready: current,
      lease: lease && { renewTime: renewTime ? Date.parse(renewTime) : undefined },
    });
    return { node: written, observed: observation.observedReady, current };
  }

  private react({ node, observed, current }: Assessment, pods: readonly PodObject[], now: number): void {
    const name = node.metadata.name!;
    this.taintByReadiness(node, observed, now);
    const wentNotReady = current!.status !== 'True' && observed.status === 'True';
    if (wentNotReady) {
      this.parts.recorder.event(nodeRef(name, node.metadata.uid), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    }
    if (wentNotReady || (this.retry.has(name) && observed.status !== 'True')) {
      if (!markPodsNotReady(this.parts.ctx, this.parts.podDef, this.parts.recorder, pods, name)) {
        this.retry.add(name);
        return;
      }
    }
    this.retry.delete(name);
  }

  /** processTaintBaseEviction: decided on the Ready status seen at the start of the pass. */
  private taintByReadiness(node: NodeObject, observed: NodeCondition, now: number): void {
    const taints = node.spec?.taints ?? [];
    const name = node.metadata.name!;
    const status = observed.status;
    if (status !== 'False' && status !== 'Unknown') {
      if (status === 'True') this.markReachable(node);
      return;
    }
    const [wanted, opposite] = readinessNoExecuteTaints(status);
    // Flipping between not-ready and unreachable is no new eviction, so it skips the rate limit.
    if (hasTaint(taints, opposite)) this.tryWrite(name, () => this.parts.writer.swapTaints(name, [wanted], [opposite]));
    else this.parts.tainter.markForTainting(name, zoneKey(node.metadata.labels), taints, status, now);
  }

  /** markNodeAsReachable: no NoExecute taint of ours, and nothing queued. */
  private markReachable(node: NodeObject): void {
    const name = node.metadata.name!;
    const removed = this.tryWrite(name, () => this.parts.writer.removeTaints(node, [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]));
    if (removed) this.parts.tainter.forget(name, zoneKey(node.metadata.labels));
  }

  private tryWrite(name: string, write: () => void): boolean {
    try {
      write();
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.parts.ctx.log(`node-lifecycle: updating taints of node ${name} failed: ${err.message}`);
      return false;
    }
  }
}
