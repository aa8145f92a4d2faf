import { isIPv6 } from 'node:net';
import type { ServiceSpec } from '../../../schemas/core/service.js';
import { child, duplicate, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDualStack, validateIP } from './value-formats.js';
import { inNodePortRange, inServiceRange, NODE_PORT_MAX, NODE_PORT_MIN, SERVICE_CIDR } from './service-allocation.js';
import { CLUSTER_IP_NONE, isHeadless, needsHealthCheckNodePort } from './service-types.js';

const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** Upstream's ValidateServiceClusterIPsRelatedFields: clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy agree. */
export function validateClusterIPsRelatedFields(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const ipsPath = 'spec.clusterIPs';
  const ips = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  const errs: FieldError[] = [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(invalid(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  families.forEach((family, i) => {
    const familyPath = child('spec.ipFamilies', i);
    if (!IP_FAMILIES.includes(family)) errs.push(notSupported(familyPath, family, IP_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(familyPath, family));
    seen.add(family);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', policy, IP_FAMILY_POLICIES));
  }
  let hasInvalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (ips.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(ipsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = validateIP(child(ipsPath, i), ip);
    hasInvalidIPs ||= ipErrs.length > 0;
    errs.push(...ipErrs);
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, ips, 'may only hold up to 2 values'));
  // Judging families or dual-stackness of addresses already found bad would only repeat the problem.
  if (hasInvalidIPs) return errs;
  if (ips.length > 1 && !isDualStack(ips)) errs.push(invalid(ipsPath, ips, 'may specify no more than one IP for each IP family'));
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      const family = families[i];
      if (family === 'IPv4' && isIPv6(ip)) errs.push(invalid(child(ipsPath, i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (family === 'IPv6' && !isIPv6(ip)) errs.push(invalid(child(ipsPath, i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/**
 * What the allocator refuses on this single-stack IPv4 cluster: IPv6 and dual-stack demands, and addresses or ports
 * outside the configured ranges. Upstream answers these before any other validation.
 */
export function validateAllocation(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || validateClusterIPsRelatedFields(spec).length > 0) return [];
  const ips = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  const errs: FieldError[] = [];
  for (const [i, ip] of ips.entries()) {
    if (ip === CLUSTER_IP_NONE) break;
    if (isIPv6(ip) && i >= families.length) errs.push(invalid(child('spec.clusterIPs', i), ips, 'IPv6 is not configured on this cluster'));
  }
  if (errs.length > 0) return errs;
  if (isHeadless(spec) && Object.keys(spec.selector ?? {}).length === 0) return [];
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((family, i) => {
    if (family !== 'IPv4') errs.push(invalid(child('spec.ipFamilies', i), family, 'not configured on this cluster'));
  });
  if (errs.length > 0) return errs;
  for (const ip of ips) {
    if (ip === CLUSTER_IP_NONE || inServiceRange(ip)) continue;
    const detail = `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
    return [invalid('spec.clusterIPs', ips, detail)];
  }
  const outOfRange = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
  for (const [i, port] of (spec.ports ?? []).entries()) {
    const nodePort = port.nodePort ?? 0;
    if (nodePort !== 0 && spec.type !== 'ClusterIP' && !inNodePortRange(nodePort)) {
      return [invalid(child(child(child('spec', 'ports'), i), 'nodePort'), nodePort, outOfRange)];
    }
  }
  const healthCheck = spec.healthCheckNodePort ?? 0;
  if (healthCheck !== 0 && needsHealthCheckNodePort(spec) && !inNodePortRange(healthCheck)) {
    return [invalid('spec.healthCheckNodePort', healthCheck, `failed to allocate requested HealthCheck NodePort ${healthCheck}: ${outOfRange}`)];
  }
  return [];
}
