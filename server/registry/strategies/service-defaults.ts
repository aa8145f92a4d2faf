import type { ServiceSpec, ServiceStatus } from '../../../schemas/core/service.js';
import { externallyAccessible } from './service-types.js';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

/** SetDefaults_Service (v1.32, LoadBalancerIPMode on). */
export function setServiceDefaults(spec: ServiceSpec, status: ServiceStatus | undefined): void {
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_AFFINITY_TIMEOUT_SECONDS } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    // Go compares with the zero IntOrString of either kind: 0 and "" both mean unset.
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port ?? 0;
  }
  if (externallyAccessible(spec)) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    for (const ingress of status?.loadBalancer?.ingress ?? []) {
      if (ingress.ip && ingress.ipMode === undefined) ingress.ipMode = 'VIP';
    }
  }
}
