import type { Node } from '../../schemas/core/node.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { KubeletConfig } from './config.js';
import { contains, formatIPv4, nodeBlock, parseCIDR, parseIPv4, podHostRange, type AddressRange, type Cidr } from './ipv4.js';

type NodeObject = Node & KubeObject;

/** First node address handed out: .0 is the network and .1 the gateway, as on a kind network. */
const FIRST_NODE_HOST = 2;

/** How node and pod addresses are laid out, from the configuration. */
export interface AddressPlan {
  nodes: Cidr;
  pods: Cidr;
  maskSize: number;
}

export function addressPlan(config: KubeletConfig): AddressPlan {
  const nodes = parseCIDR(config.nodeIPRange);
  const pods = parseCIDR(config.podNetwork);
  if (!nodes) throw new Error(`kubelet: nodeIPRange ${JSON.stringify(config.nodeIPRange)} is not an IPv4 CIDR`);
  if (!pods) throw new Error(`kubelet: podNetwork ${JSON.stringify(config.podNetwork)} is not an IPv4 CIDR`);
  const maskSize = config.podCIDRMaskSize;
  if (!Number.isInteger(maskSize) || maskSize < pods.prefix || maskSize > 30) {
    throw new Error(`kubelet: podCIDRMaskSize ${maskSize} must lie between the pod network's prefix and 30`);
  }
  return { nodes, pods, maskSize };
}

export function reportedInternalIP(node: KubeObject): string | undefined {
  return (node as NodeObject).status?.addresses?.find((a) => a.type === 'InternalIP')?.address || undefined;
}

/** The slot a node's reported InternalIP says it holds in the plan, if the address came from the plan. */
export function slotFromAddress(plan: AddressPlan, node: KubeObject): number | undefined {
  const ip = parseIPv4(reportedInternalIP(node) ?? '');
  if (ip === undefined || !contains(plan.nodes, ip) || ip - plan.nodes.base < FIRST_NODE_HOST) return undefined;
  return ip - plan.nodes.base - FIRST_NODE_HOST;
}

/** The node's address: what it reports, else its slot's address in the plan. */
export function nodeInternalIP(plan: AddressPlan, node: KubeObject, slot: number): string {
  return reportedInternalIP(node) ?? formatIPv4(plan.nodes.base + FIRST_NODE_HOST + slot);
}

/**
 * Where the node's pods get addresses: its spec.podCIDR when an IPAM controller (or the user) assigned one,
 * else the slot's block of the pod network.
 */
export function podRange(plan: AddressPlan, node: KubeObject, slot: number): AddressRange | undefined {
  const assigned = parseCIDR((node as NodeObject).spec?.podCIDR ?? '');
  return podHostRange(assigned ?? nodeBlock(plan.pods, plan.maskSize, slot));
}
