import type { NodeSpec, NodeStatus } from '../../schemas/core/node.js';
import type { PodSpec, PodStatus } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { accumulate, emptyResources, NON_ZERO_DEFAULTS, podRequests, resourcesFromList, toResources, type Resources } from './resources.js';

export interface SchedPod extends KubeObject {
  spec?: PodSpec;
  status?: PodStatus;
}

export interface SchedNode extends KubeObject {
  spec?: NodeSpec;
  status?: NodeStatus;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** framework.NodeInfo: a node with what the pods bound to it already hold. */
export interface NodeInfo {
  node: SchedNode;
  pods: SchedPod[];
  requested: Resources;
  /** `requested` with the non-zero cpu/memory defaults, which is what least-allocated scoring compares. */
  nonZeroRequested: Resources;
  allocatable: Resources;
  usedPorts: HostPort[];
}

const ANY_IP = '0.0.0.0';

/** The scheduler's pod informer leaves out Succeeded and Failed pods: they hold nothing on their node. */
export function holdsNodeResources(pod: SchedPod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The host ports a pod's (regular) containers claim, with upstream's defaults for ip and protocol. */
export function hostPorts(spec: PodSpec | undefined): HostPort[] {
  const ports: HostPort[] = [];
  for (const container of spec?.containers ?? []) {
    for (const p of container.ports ?? []) {
      if ((p.hostPort ?? 0) > 0) ports.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol || 'TCP', port: p.hostPort! });
    }
  }
  return ports;
}

/** HostPortInfo.CheckConflict: the same protocol and port clash when either side binds every address or both bind one. */
export function portsConflict(used: readonly HostPort[], wanted: readonly HostPort[]): boolean {
  return wanted.some((w) =>
    used.some((u) => u.protocol === w.protocol && u.port === w.port && (w.ip === ANY_IP || u.ip === ANY_IP || u.ip === w.ip)),
  );
}

interface PodFootprint {
  requested: Resources;
  nonZeroRequested: Resources;
  ports: HostPort[];
}

/** Cached objects never change in place, so a pod's footprint is worked out once per version of it. */
const footprints = new WeakMap<SchedPod, PodFootprint>();

function footprint(pod: SchedPod): PodFootprint {
  let fp = footprints.get(pod);
  if (!fp) {
    fp = {
      requested: toResources(podRequests(pod.spec)),
      nonZeroRequested: toResources(podRequests(pod.spec, NON_ZERO_DEFAULTS)),
      ports: hostPorts(pod.spec),
    };
    footprints.set(pod, fp);
  }
  return fp;
}

export function buildNodeInfo(node: SchedNode, pods: readonly SchedPod[]): NodeInfo {
  const requested = emptyResources();
  const nonZeroRequested = emptyResources();
  const usedPorts: HostPort[] = [];
  for (const pod of pods) {
    const fp = footprint(pod);
    accumulate(requested, fp.requested);
    accumulate(nonZeroRequested, fp.nonZeroRequested);
    usedPorts.push(...fp.ports);
  }
  return {
    node,
    pods: [...pods],
    requested,
    nonZeroRequested,
    allocatable: resourcesFromList(node.status?.allocatable as Record<string, string | number> | undefined),
    usedPorts,
  };
}

/** The node as it would be without `victims`: what preemption weighs before evicting anything. */
export function withoutPods(info: NodeInfo, victims: ReadonlySet<SchedPod>): NodeInfo {
  return buildNodeInfo(info.node, info.pods.filter((p) => !victims.has(p)));
}
