import type { ServicePort, ServiceSpec } from '../../../schemas/core/service.js';
import type { ObjectMeta } from '../../../schemas/meta.js';
import { child, duplicate, forbidden, invalid, keyed, notSupported, required, type FieldError } from '../field-errors.js';
import { validateLabels } from '../validation/label-selector.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../validation/names.js';
import { validateNonSpecialIP } from './non-special-ip.js';
import { validatePortNumOrName } from './probe-validation.js';
import { validateClusterIPsRelatedFields } from './service-ip-validation.js';
import { validateServicePolicies } from './service-policy-validation.js';
import { CLUSTER_IP_NONE, isHeadless } from './service-types.js';
import { isValidPortNum, validateCIDR, validateIP } from './value-formats.js';

/** Upstream's ValidateService (pkg/apis/core/validation, v1.32). Defaults have been applied. */

// Go's sets.List order: sorted.
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const KUBELET_PORT = 10250;
const MAX_AFFINITY_TIMEOUT_SECONDS = 86400;
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

export function validateService(spec: ServiceSpec, meta: ObjectMeta): FieldError[] {
  const errs = validateTopologyAnnotations(meta);
  const headless = isHeadless(spec);
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...validateTypeSpecifics(spec, headless));
  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validateServicePort(port, ports.length > 1, names, child('spec.ports', i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateSessionAffinity(spec));
  errs.push(...validateClusterIPsRelatedFields(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const ipErrs = validateIP(child('spec.externalIPs', i), ip);
    errs.push(...(ipErrs.length > 0 ? ipErrs : validateNonSpecialIP(ip, child('spec.externalIPs', i))));
  });
  if (!spec.type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, SERVICE_TYPES));
  errs.push(...validatePortUniqueness(spec));
  errs.push(...validateSourceRanges(spec, meta));
  errs.push(...validateServicePolicies(spec));
  return errs;
}

/** Two names for the topology mode may coexist only if they agree. */
function validateTopologyAnnotations(meta: ObjectMeta): FieldError[] {
  const mode = meta.annotations?.[TOPOLOGY_MODE_ANNOTATION];
  const hints = meta.annotations?.[TOPOLOGY_HINTS_ANNOTATION];
  if (mode === undefined || hints === undefined || mode === hints) return [];
  const path = keyed('metadata.annotations', TOPOLOGY_MODE_ANNOTATION);
  return [invalid(path, mode, `must match annotations[${TOPOLOGY_HINTS_ANNOTATION}] when both are specified`)];
}

function validateTypeSpecifics(spec: ServiceSpec, headless: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const firstIP = child('spec.clusterIPs', 0);
  switch (spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(firstIP, CLUSTER_IP_NONE, "may not be set to 'None' for LoadBalancer services"));
      (spec.ports ?? []).forEach((port, i) => {
        // Clouds that open firewalls for every service port would expose the kubelet.
        if (port.port === KUBELET_PORT) {
          errs.push(invalid(child('spec.ports', i), port.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
        }
      });
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(firstIP, CLUSTER_IP_NONE, "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if ((spec.clusterIPs ?? []).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if ((spec.ipFamilies ?? []).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      // A trailing dot marks the name as fully qualified.
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((msg) => invalid('spec.externalName', cname, msg)));
      else errs.push(required('spec.externalName'));
      break;
    }
  }
  return errs;
}

function validateServicePort(port: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = port.name ?? '';
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) {
    errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    names.add(name);
  }
  const number = port.port ?? 0;
  errs.push(...isValidPortNum(number).map((msg) => invalid(child(path, 'port'), number, msg)));
  if (!port.protocol) errs.push(required(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(path, 'protocol'), port.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(port.targetPort ?? 0, child(path, 'targetPort')));
  if (port.appProtocol !== undefined) {
    const value = port.appProtocol;
    errs.push(...isQualifiedName(value).map((msg) => invalid(child(path, 'appProtocol'), value, msg)));
  }
  return errs;
}

function validateSessionAffinity(spec: ServiceSpec): FieldError[] {
  const affinity = spec.sessionAffinity;
  const configPath = 'spec.sessionAffinityConfig';
  if (!affinity) return [required('spec.sessionAffinity')];
  if (!SESSION_AFFINITIES.includes(affinity)) return [notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES)];
  if (affinity === 'None') {
    return spec.sessionAffinityConfig ? [forbidden(configPath, 'must not be set when session affinity is None')] : [];
  }
  const when = 'when session affinity type is ClientIP';
  const config = spec.sessionAffinityConfig;
  if (!config) return [required(configPath, when)];
  if (!config.clientIP) return [required(child(configPath, 'clientIP'), when)];
  const timeoutPath = child(child(configPath, 'clientIP'), 'timeoutSeconds');
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined) return [required(timeoutPath, when)];
  if (timeout <= 0 || timeout > MAX_AFFINITY_TIMEOUT_SECONDS) {
    return [invalid(timeoutPath, timeout, `must be greater than 0 and less than ${MAX_AFFINITY_TIMEOUT_SECONDS}`)];
  }
  return [];
}

/** Node ports only where a node port exists; no (protocol, port) or (protocol, nodePort) pair twice. */
function validatePortUniqueness(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  if (spec.type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (port.nodePort) errs.push(forbidden(child(child('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(child(child('spec.ports', i), 'nodePort'), port.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port ?? 0}`;
    if (seen.has(key)) errs.push(duplicate(child('spec.ports', i), { protocol: port.protocol, port: port.port ?? 0 }));
    seen.add(key);
  });
  return errs;
}

/** The source ranges (or the annotation that preceded the field) only mean something for a load balancer. */
function validateSourceRanges(spec: ServiceSpec, meta: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  const onlyForLB = "may only be used when `type` is 'LoadBalancer'";
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    // Upstream spells this path with a capital L.
    const path = 'spec.LoadBalancerSourceRanges';
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, onlyForLB));
    ranges.forEach((range, i) => errs.push(...validateCIDR(child(path, i), range.trim())));
    return errs;
  }
  const annotation = meta.annotations?.[SOURCE_RANGES_ANNOTATION];
  if (annotation === undefined) return errs;
  const path = keyed('metadata.annotations', SOURCE_RANGES_ANNOTATION);
  if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, onlyForLB));
  const value = annotation.trim();
  if (value) for (const range of value.split(',')) errs.push(...validateCIDR(path, range.trim()));
  return errs;
}
