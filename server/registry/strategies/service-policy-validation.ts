import type { ServiceSpec } from '../../../schemas/core/service.js';
import { forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { externallyAccessible, needsHealthCheckNodePort } from './service-types.js';
import { isValidPortNum } from './value-formats.js';

/** The load-balancer and traffic-policy fields of ValidateService (v1.32), each tied to the service type. */

const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const ONLY_FOR_LB = "may only be used when `type` is 'LoadBalancer'";

export function validateServicePolicies(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', ONLY_FOR_LB));
  }
  // Upstream reports this one without the spec prefix.
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts'));
  errs.push(...validateLoadBalancerClass(spec));
  errs.push(...validateExternalTrafficPolicy(spec));
  const internal = spec.internalTrafficPolicy;
  if (internal === undefined) {
    // Other types may carry none: upstream did not check it before it went beta, and stored objects must stay valid.
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(internal)) {
    errs.push(notSupported('spec.internalTrafficPolicy', internal, TRAFFIC_POLICIES));
  }
  const distribution = spec.trafficDistribution;
  if (distribution !== undefined && distribution !== 'PreferClose') {
    errs.push(notSupported('spec.trafficDistribution', distribution, ['PreferClose']));
  }
  return errs;
}

function validateLoadBalancerClass(spec: ServiceSpec): FieldError[] {
  const value = spec.loadBalancerClass;
  if (value === undefined) return [];
  if (spec.type !== 'LoadBalancer') return [forbidden('spec.loadBalancerClass', ONLY_FOR_LB)];
  return isQualifiedName(value).map((msg) => invalid('spec.loadBalancerClass', value, msg));
}

function validateExternalTrafficPolicy(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const policy = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (policy) errs.push(invalid('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'));
  } else if (!policy) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(policy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', policy, TRAFFIC_POLICIES));
  }
  const healthCheck = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheckNodePort(spec)) {
    if (healthCheck !== 0) {
      errs.push(invalid('spec.healthCheckNodePort', healthCheck, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (healthCheck === 0) {
    errs.push(required('spec.healthCheckNodePort'));
  } else {
    errs.push(...isValidPortNum(healthCheck).map((msg) => invalid('spec.healthCheckNodePort', healthCheck, msg)));
  }
  return errs;
}
