import type { ServiceSpec, ServiceStatus } from '../../../schemas/core/service.js';
import type { KubeObject } from '../../../schemas/meta.js';

/** The predicates upstream's service code (pkg/api/service, the registry's alloc.go) decides everything with. */

export interface ServiceObject extends KubeObject {
  spec?: ServiceSpec;
  status?: ServiceStatus;
}

export const CLUSTER_IP_NONE = 'None';

/** Reachable from outside the cluster: through node ports, a load balancer or external IPs. */
export function externallyAccessible(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
}

export function isHeadless(spec: ServiceSpec): boolean {
  const ips = spec.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === CLUSTER_IP_NONE;
}

/** Every type but ExternalName has a cluster IP, even if only "None". */
export function needsClusterIP(spec: ServiceSpec): boolean {
  return spec.type !== 'ExternalName';
}

export function needsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || spec.type === 'LoadBalancer';
}

/** A load balancer that keeps client addresses must ask each node whether it has local endpoints. */
export function needsHealthCheckNodePort(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}
