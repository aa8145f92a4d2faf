import type { KubeObject } from '../../schemas/meta.js';
import { parseLabelSelector } from '../../server/registry/selectors/label-selector.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import { objectKey } from '../runtime/informer.js';
import { addressPlan, reportedInternalIP, slotFromAddress } from './address-plan.js';
import { NodeSlots, PodAddresses } from './allocators.js';
import { DEFAULT_KUBELET_CONFIG, type KubeletConfig } from './config.js';
import { parseIPv4 } from './ipv4.js';
import { syncNodeLease, syncNodeStatus } from './node-sync.js';
import { kubeletRunning } from './node-selection.js';
import type { PodObject } from './pod-status.js';
import { syncPod } from './pod-sync.js';
import { StaticPodSet } from './static-pod-set.js';
import { isMirrorPod } from './static-pods.js';
import { syncStaticPods } from './static-sync.js';
import { leaseKey, nodeKey, podKey, staticKey, type KubeletState } from './state.js';

const nodeOf = (pod: KubeObject) => (pod as PodObject).spec?.nodeName;

/**
 * The simulated kubelet of every selected node, in one controller: node status and Lease heartbeats, the pod
 * lifecycle of bound pods (start, report, finish graceful deletion) and static pods with their mirror pods.
 * Everything is read from informer caches and written through the store; time comes from the controller clock.
 */
export class SimulatedKubelet extends Controller {
  private readonly state: KubeletState;

  constructor(ctx: ControllerContext, config: Partial<KubeletConfig> = {}) {
    super('kubelet', ctx);
    const full: KubeletConfig = { ...DEFAULT_KUBELET_CONFIG, ...config };
    const defs = {
      nodes: ctx.resource('', 'nodes'),
      pods: ctx.resource('', 'pods'),
      leases: ctx.resource('coordination.k8s.io', 'leases'),
    };
    this.state = {
      ctx,
      config: full,
      queue: this.queue,
      defs,
      nodes: ctx.informers.for(defs.nodes),
      pods: ctx.informers.for(defs.pods),
      leases: ctx.informers.for(defs.leases),
      recorder: ctx.recorder('kubelet'),
      selector: full.nodeSelector ? parseLabelSelector(full.nodeSelector) : [],
      plan: addressPlan(full),
      slots: new NodeSlots(),
      addresses: new PodAddresses(),
      statics: new StaticPodSet(full, ctx.clock, ctx.log, () => this.onManifestsChanged()),
      firstSeen: new Map(),
      podsByNode: new Map(),
    };
    this.state.nodes.addHandlers({
      onAdd: (node) => this.onNodeAdd(node),
      onUpdate: (old, node) => this.onNodeUpdate(old, node),
      onDelete: (node) => this.state.slots.release(node.metadata.name!),
    });
    this.state.pods.addHandlers({
      onAdd: (pod) => this.onPodAdd(pod),
      onUpdate: (old, pod) => this.onPodUpdate(old, pod),
      onDelete: (pod) => this.onPodDelete(pod),
    });
  }

  /** Starts the caches and the manifest directory without a worker (tests drain the queue themselves). */
  start(): void {
    this.state.leases.start();
    this.state.nodes.start();
    this.state.pods.start();
    this.state.statics.start();
  }

  override run(): void {
    this.start();
    super.run();
  }

  override stop(): void {
    this.state.statics.stop();
    super.stop();
  }

  /** Reads the static pod directory now instead of at the next watch event or periodic rescan. */
  rescan(): void {
    this.state.statics.rescan();
  }

  protected sync(key: string): void {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const name = key.slice(colon + 1);
    if (kind === 'node') syncNodeStatus(this.state, name);
    else if (kind === 'lease') syncNodeLease(this.state, name);
    else if (kind === 'pod') syncPod(this.state, name);
    else if (kind === 'static') syncStaticPods(this.state, name);
  }

  private onManifestsChanged(): void {
    for (const node of this.state.nodes.list()) this.queue.add(staticKey(node.metadata.name!));
  }

  /** Everything the kubelet does for a node depends on these; a status heartbeat changes none of them. */
  private nodeFacts(node: KubeObject): string {
    const spec = node.spec as { podCIDR?: string } | undefined;
    return JSON.stringify([
      node.metadata.uid,
      kubeletRunning(node, this.state.selector),
      !!node.metadata.deletionTimestamp,
      reportedInternalIP(node),
      spec?.podCIDR,
    ]);
  }

  private onNodeAdd(node: KubeObject): void {
    const name = node.metadata.name!;
    const slot = slotFromAddress(this.state.plan, node);
    if (slot !== undefined) this.state.slots.reserve(name, slot);
    this.enqueueNodeWork(name);
  }

  private onNodeUpdate(old: KubeObject, node: KubeObject): void {
    const name = node.metadata.name!;
    if (this.nodeFacts(old) !== this.nodeFacts(node)) this.enqueueNodeWork(name);
    else this.queue.add(nodeKey(name));
  }

  private enqueueNodeWork(name: string): void {
    this.queue.add(nodeKey(name));
    this.queue.add(leaseKey(name));
    this.queue.add(staticKey(name));
    for (const key of this.state.podsByNode.get(name) ?? []) this.queue.add(podKey(key));
  }

  private index(pod: KubeObject, nodeName: string | undefined): void {
    if (!nodeName) return;
    let keys = this.state.podsByNode.get(nodeName);
    if (!keys) this.state.podsByNode.set(nodeName, (keys = new Set()));
    keys.add(objectKey(pod));
  }

  private unindex(pod: KubeObject, nodeName: string | undefined): void {
    const keys = nodeName ? this.state.podsByNode.get(nodeName) : undefined;
    keys?.delete(objectKey(pod));
    if (keys?.size === 0) this.state.podsByNode.delete(nodeName!);
  }

  private enqueuePod(pod: KubeObject): void {
    const nodeName = nodeOf(pod);
    if (!nodeName) return;
    this.queue.add(podKey(objectKey(pod)));
    if (isMirrorPod(pod)) this.queue.add(staticKey(nodeName));
  }

  private onPodAdd(pod: KubeObject): void {
    this.index(pod, nodeOf(pod));
    // Addresses pods already report (from before a restart) are taken before any new one is handed out.
    const status = (pod as PodObject).status;
    const address = (pod as PodObject).spec?.hostNetwork ? undefined : parseIPv4(status?.podIP ?? '');
    if (address !== undefined) this.state.addresses.reserve(pod.metadata.uid!, address);
    this.enqueuePod(pod);
  }

  private onPodUpdate(old: KubeObject, pod: KubeObject): void {
    if (nodeOf(old) !== nodeOf(pod)) {
      this.unindex(old, nodeOf(old));
      this.index(pod, nodeOf(pod));
    }
    this.enqueuePod(pod);
  }

  private onPodDelete(pod: KubeObject): void {
    this.unindex(pod, nodeOf(pod));
    this.state.addresses.release(pod.metadata.uid!);
    this.state.firstSeen.delete(pod.metadata.uid!);
    const nodeName = nodeOf(pod);
    if (nodeName && isMirrorPod(pod)) this.queue.add(staticKey(nodeName));
  }
}
