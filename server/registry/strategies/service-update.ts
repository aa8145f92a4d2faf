import type { ServiceSpec } from '../../../schemas/core/service.js';
import { semanticEqual } from './semantic-equal.js';
import { externallyAccessible, needsClusterIP, needsHealthCheckNodePort, needsNodePorts } from './service-types.js';

/**
 * How upstream's service registry reads a write whose clusterIP/clusterIPs and allocated ports are incomplete
 * (pkg/registry/core/service/storage/storage.go): old clients know only clusterIP, and clients that resubmit the
 * manifest they created a service from leave out what the server allocated for them.
 */

/** On create, a client that set only clusterIP gets clusterIPs to match; on update, see the cases below. */
export function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  const ips = spec.clusterIPs ?? [];
  if (!old) {
    if (spec.clusterIP && ips.length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  const oldIPs = old.clusterIPs ?? [];
  // An old client patching something else sends back clusterIP only.
  if (oldIPs.length > 0 && ips.length === 0 && (old.clusterIP ?? '') === (spec.clusterIP ?? '')) spec.clusterIPs = oldIPs;
  if ((old.clusterIP ?? '') === (spec.clusterIP ?? '')) return;
  const sameIPs = semanticEqual(spec.clusterIPs, oldIPs);
  // Clearing clusterIP clears clusterIPs with it; changing clusterIP alone changes the primary.
  if (old.clusterIP && !spec.clusterIP && sameIPs) delete spec.clusterIPs;
  if (spec.clusterIP && sameIPs) spec.clusterIPs = [spec.clusterIP];
}

/** Upstream's patchAllocatedValues: what the server allocated stays, unless the client chose another value. */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP;
    if ((spec.clusterIPs ?? []).length === 0 && (old.clusterIPs ?? []).length > 0) spec.clusterIPs = old.clusterIPs;
  }
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    const usedByBoth = new Set((old.ports ?? []).map((p) => p.nodePort ?? 0).filter((np) => np !== 0));
    const usedNow = new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const port of spec.ports ?? []) {
      if (port.nodePort) continue;
      const previous = byName.get(port.name ?? '') ?? 0;
      if (previous && !(usedByBoth.has(previous) && usedNow.has(previous))) port.nodePort = previous;
    }
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(spec) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/**
 * Upstream's dropTypeDependentFields: a type change wipes the fields the new type has no use for, when the client
 * left them as they were (a value the client changed is its own, and validation judges it).
 */
export function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if ((spec.clusterIP ?? '') === (old.clusterIP ?? '') && semanticEqual(spec.clusterIPs, old.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (semanticEqual(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const nodePorts = (s: ServiceSpec) => (s.ports ?? []).map((p) => p.nodePort ?? 0);
  if (needsNodePorts(old) && !needsNodePorts(spec) && semanticEqual(nodePorts(spec), nodePorts(old))) {
    for (const port of spec.ports ?? []) delete port.nodePort;
  }
  if (needsHealthCheckNodePort(old) && !needsHealthCheckNodePort(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (spec.loadBalancerClass === old.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && spec.externalTrafficPolicy === old.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
}
