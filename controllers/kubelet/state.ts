import type { KubeObject } from '../../schemas/meta.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { LabelRequirement } from '../../server/registry/selectors/label-selector.js';
import type { ControllerContext } from '../runtime/context.js';
import type { EventRecorder } from '../runtime/events.js';
import type { Informer } from '../runtime/informer.js';
import type { WorkQueue } from '../runtime/workqueue.js';
import { slotFromAddress, type AddressPlan } from './address-plan.js';
import type { NodeSlots, PodAddresses } from './allocators.js';
import type { KubeletConfig } from './config.js';
import { kubeletRunning } from './node-selection.js';
import type { StaticPodSet } from './static-pod-set.js';

/** Work queue keys: one kind of reconcile per prefix. */
export const nodeKey = (name: string) => `node:${name}`;
export const leaseKey = (name: string) => `lease:${name}`;
export const podKey = (namespacedName: string) => `pod:${namespacedName}`;
export const staticKey = (name: string) => `static:${name}`;

/** What the kubelet's reconciles share: caches to read, the store to write through, address books, static pods. */
export interface KubeletState {
  ctx: ControllerContext;
  config: KubeletConfig;
  queue: WorkQueue;
  defs: { nodes: ResourceDef; pods: ResourceDef; leases: ResourceDef };
  nodes: Informer;
  pods: Informer;
  leases: Informer;
  recorder: EventRecorder;
  selector: LabelRequirement[];
  plan: AddressPlan;
  slots: NodeSlots;
  addresses: PodAddresses;
  statics: StaticPodSet;
  /** When each pod (by uid) was first taken on, to the millisecond (startTime keeps only seconds). */
  firstSeen: Map<string, number>;
  /** Pod keys (`namespace/name`) by the node they are bound to. */
  podsByNode: Map<string, Set<string>>;
}

/** The node, if it exists and this kubelet is alive on it. */
export function liveNode(state: KubeletState, name: string): KubeObject | undefined {
  const node = state.nodes.get('', name);
  return node && kubeletRunning(node, state.selector) ? node : undefined;
}

/** The node's slot in the address plan: the one its reported address implies, else the lowest free. */
export function nodeSlot(state: KubeletState, node: KubeObject): number {
  const name = node.metadata.name!;
  const implied = slotFromAddress(state.plan, node);
  if (implied !== undefined) state.slots.reserve(name, implied);
  return state.slots.slotOf(name);
}
