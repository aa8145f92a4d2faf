import { createHash } from 'node:crypto';
import type { Node, NodeAddress, NodeStatus, NodeSystemInfo } from '../../schemas/core/node.js';
import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../../server/clock.js';
import { semanticEqual } from '../../server/registry/strategies/semantic-equal.js';
import { healthyNodeConditions, lastStatusReport } from './node-conditions.js';

type NodeObject = Node & KubeObject;

/** The kubelet's default port, which `kubectl logs/exec` would dial. */
const KUBELET_PORT = 10250;
/**
 * The runtime a real kubelet would report; containerIDs use the same scheme so tools that split on "://" agree.
 * The OS image and kernel say plainly that the node is simulated.
 */
const CONTAINER_RUNTIME = 'containerd://1.7.24';
const OS_IMAGE = 'Mimikube simulated node';
const KERNEL_VERSION = '6.8.0-mimikube';

const OS_LABEL = 'kubernetes.io/os';
const ARCH_LABEL = 'kubernetes.io/arch';

export interface NodeFacts {
  internalIP: string;
  kubeletVersion: string;
  capacity: Record<string, string>;
}

export interface NodeStatusUpdate {
  status: NodeStatus;
  events: string[];
}

/** A hex digest turned into the 8-4-4-4-12 shape of systemUUID and bootID. */
function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function digest(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function osOf(node: NodeObject): string {
  return node.metadata.labels?.[OS_LABEL] || 'linux';
}

function archOf(node: NodeObject): string {
  return node.metadata.labels?.[ARCH_LABEL] || 'amd64';
}

/**
 * The well-known labels a kubelet puts on its node at registration (updateDefaultLabels); values the node
 * already has win, so a node labelled arm64 stays arm64. Undefined when nothing is missing.
 */
export function missingDefaultLabels(node: KubeObject): Record<string, string> | undefined {
  const n = node as NodeObject;
  const labels = n.metadata.labels ?? {};
  const wanted: Record<string, string> = {
    'beta.kubernetes.io/arch': archOf(n),
    'beta.kubernetes.io/os': osOf(n),
    [ARCH_LABEL]: archOf(n),
    'kubernetes.io/hostname': n.metadata.name!,
    [OS_LABEL]: osOf(n),
  };
  const missing = Object.entries(wanted).filter(([key]) => labels[key] === undefined);
  return missing.length > 0 ? Object.fromEntries(missing) : undefined;
}

/** Empty nodeInfo fields filled with stable per-node identities derived from the node's uid. */
function nodeInfo(node: NodeObject, facts: NodeFacts): NodeSystemInfo {
  const uid = node.metadata.uid ?? node.metadata.name!;
  const defaults: NodeSystemInfo = {
    machineID: digest(`machine:${uid}`),
    systemUUID: uuidFrom(digest(`system:${uid}`)),
    bootID: uuidFrom(digest(`boot:${uid}`)),
    kernelVersion: KERNEL_VERSION,
    osImage: OS_IMAGE,
    containerRuntimeVersion: CONTAINER_RUNTIME,
    kubeletVersion: facts.kubeletVersion,
    // DisableNodeKubeProxyVersion is still off by default in 1.32, so the kubelet reports its own version here.
    kubeProxyVersion: facts.kubeletVersion,
    operatingSystem: osOf(node),
    architecture: archOf(node),
  };
  const info: NodeSystemInfo = { ...node.status?.nodeInfo };
  for (const [key, value] of Object.entries(defaults) as Array<[keyof NodeSystemInfo, string]>) {
    if (!info[key]) info[key] = value;
  }
  return info;
}

/** InternalIP and Hostname, each added only when the node reports none of that type. */
function addresses(node: NodeObject, facts: NodeFacts): NodeAddress[] {
  const list = (node.status?.addresses ?? []).map((a) => ({ ...a }));
  if (!list.some((a) => a.type === 'InternalIP')) list.push({ type: 'InternalIP', address: facts.internalIP });
  if (!list.some((a) => a.type === 'Hostname')) list.push({ type: 'Hostname', address: node.metadata.name! });
  return list;
}

function withDefaults(given: Record<string, string | number> | undefined, defaults: Record<string, string | number>) {
  return { ...defaults, ...given };
}

function withoutHeartbeats(status: NodeStatus): NodeStatus {
  return { ...status, conditions: status.conditions?.map(({ lastHeartbeatTime: _beat, ...rest }) => rest) };
}

/**
 * What the kubelet would post now: its conditions healthy, identity and resources filled in where the node lacks
 * them. Undefined when nothing but heartbeat times would change and the report interval has not run out, so an
 * idle node costs one write per interval (upstream's nodeStatusReportFrequency with leases on).
 */
export function nodeStatusUpdate(node: KubeObject, facts: NodeFacts, now: number, reportIntervalMs: number): NodeStatusUpdate | undefined {
  const n = node as NodeObject;
  const current: NodeStatus = n.status ?? {};
  const capacity = withDefaults(current.capacity, facts.capacity);
  const { conditions, changed, events } = healthyNodeConditions(current.conditions, formatTime(now));
  const status: NodeStatus = {
    ...current,
    capacity,
    allocatable: withDefaults(current.allocatable, capacity),
    conditions,
    addresses: addresses(n, facts),
    daemonEndpoints: { kubeletEndpoint: { Port: current.daemonEndpoints?.kubeletEndpoint?.Port || KUBELET_PORT } },
    nodeInfo: nodeInfo(n, facts),
  };
  const last = lastStatusReport(current.conditions);
  const reportDue = last === undefined || now - last >= reportIntervalMs;
  if (!changed && !reportDue && semanticEqual(withoutHeartbeats(status), withoutHeartbeats(current))) return undefined;
  return { status, events };
}

/** When an unchanged status must be posted next. */
export function nextStatusReport(node: KubeObject, reportIntervalMs: number): number | undefined {
  const last = lastStatusReport((node as NodeObject).status?.conditions);
  return last === undefined ? undefined : last + reportIntervalMs;
}
