import { formatMicroTime, formatTime } from '../../../../server/clock.js';
import type { ControllerHarness } from '../../../helpers/controller-harness.js';

/** Nodes, leases and pods as a kubelet (or KWOK) would post them, for the node lifecycle, eviction and GC tests. */

const KUBELET_CONDITIONS: Array<[type: string, status: string, reason: string]> = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
  ['Ready', 'True', 'KubeletReady'],
];

export function createNode(
  h: ControllerHarness,
  name: string,
  options: { labels?: Record<string, string>; taints?: unknown[]; unschedulable?: boolean; conditions?: boolean } = {},
): void {
  const now = formatTime(h.clock.now());
  const conditions = KUBELET_CONDITIONS.map(([type, status, reason]) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message: `kubelet says ${type} is ${status}`,
  }));
  h.create('', 'nodes', '', {
    metadata: { name, labels: options.labels },
    spec: { taints: options.taints, unschedulable: options.unschedulable },
    status: options.conditions === false ? {} : { conditions },
  });
}

export function createLease(h: ControllerHarness, name: string): void {
  h.create('coordination.k8s.io', 'leases', 'kube-node-lease', {
    metadata: { name, namespace: 'kube-node-lease' },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: formatMicroTime(h.clock.now()) },
  });
}

export function renewLease(h: ControllerHarness, name: string): void {
  h.store.guaranteedUpdate(h.def('coordination.k8s.io', 'leases'), 'kube-node-lease', name, (lease) => ({
    ...lease,
    spec: { ...(lease.spec as object), renewTime: formatMicroTime(h.clock.now()) },
  }));
}

/** A kubelet status post: the condition gets a fresh heartbeat, and a new transition time if its status moves. */
export function postCondition(h: ControllerHarness, name: string, type: string, status: string): void {
  const now = formatTime(h.clock.now());
  h.store.guaranteedUpdate(
    h.def('', 'nodes'),
    '',
    name,
    (node: any) => {
      const conditions = (node.status.conditions ??= []);
      const existing = conditions.find((c: any) => c.type === type);
      if (!existing) conditions.push({ type, status, lastHeartbeatTime: now, lastTransitionTime: now });
      else {
        if (existing.status !== status) existing.lastTransitionTime = now;
        Object.assign(existing, { status, lastHeartbeatTime: now, reason: 'Kubelet', message: 'posted' });
      }
      return node;
    },
    { subresource: 'status' },
  );
}

export function updateNodeSpec(h: ControllerHarness, name: string, change: (spec: any) => void): void {
  h.store.guaranteedUpdate(h.def('', 'nodes'), '', name, (node: any) => {
    change((node.spec ??= {}));
    return node;
  });
}

export function createPod(
  h: ControllerHarness,
  name: string,
  nodeName: string | undefined,
  options: { tolerations?: unknown[]; finalizers?: string[]; ready?: boolean } = {},
): void {
  h.create('', 'pods', 'default', {
    metadata: { name, namespace: 'default', finalizers: options.finalizers },
    spec: { nodeName, tolerations: options.tolerations, containers: [{ name: 'c', image: 'nginx' }] },
  });
  if (options.ready) {
    const now = formatTime(h.clock.now());
    setPodStatus(h, name, (status) => {
      status.phase = 'Running';
      status.conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
    });
  }
}

export function setPodStatus(h: ControllerHarness, name: string, change: (status: any) => void): void {
  h.store.guaranteedUpdate(
    h.def('', 'pods'),
    'default',
    name,
    (pod: any) => {
      change((pod.status ??= {}));
      return pod;
    },
    { subresource: 'status' },
  );
}

export function node(h: ControllerHarness, name: string): any {
  return h.get('', 'nodes', '', name);
}

export function pod(h: ControllerHarness, name: string): any {
  return h.get('', 'pods', 'default', name);
}

export function condition(obj: any, type: string): any {
  return obj?.status?.conditions?.find((c: any) => c.type === type);
}

/** `key:effect` of each taint, in order. */
export function taintNames(h: ControllerHarness, name: string): string[] {
  return (node(h, name)?.spec?.taints ?? []).map((t: any) => `${t.key}:${t.effect}`);
}

export function events(h: ControllerHarness, reason: string, namespace = 'default'): any[] {
  return h.list('', 'events', namespace).filter((e: any) => e.reason === reason);
}
