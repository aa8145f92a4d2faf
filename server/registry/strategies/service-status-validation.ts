import { isIP } from 'node:net';
import type { ServiceSpec, ServiceStatus } from '../../../schemas/core/service.js';
import { child, duplicate, forbidden, invalid, notSupported, required, tooLong, type FieldError } from '../field-errors.js';
import { validateLabelName } from '../validation/label-selector.js';
import { isDNS1123Subdomain } from '../validation/names.js';
import { validateIP } from './value-formats.js';

/**
 * Upstream's ValidateServiceStatusUpdate (v1.32, LoadBalancerIPMode on, AllowServiceLBStatusOnNonLB off): load
 * balancer ingress points only for LoadBalancer services, and metav1 conditions.
 */

const IP_MODES = ['Proxy', 'VIP'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const REASON_RE = /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/;
const REASON_MSG =
  "a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_'";
const MAX_REASON_LENGTH = 1024;
const MAX_MESSAGE_LENGTH = 32768;

export function validateServiceStatus(spec: ServiceSpec, status: ServiceStatus): FieldError[] {
  return [...validateLoadBalancerStatus(spec, status), ...validateConditions(status.conditions ?? [], 'status.conditions')];
}

function validateLoadBalancerStatus(spec: ServiceSpec, status: ServiceStatus): FieldError[] {
  const ingress = status.loadBalancer?.ingress ?? [];
  const path = 'status.loadBalancer.ingress';
  if (spec.type !== 'LoadBalancer' && ingress.length > 0) return [forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'")];
  const errs: FieldError[] = [];
  ingress.forEach((point, i) => {
    const at = (field: string) => child(child(path, i), field);
    if (point.ip) errs.push(...validateIP(at('ip'), point.ip));
    if (point.ipMode === undefined) {
      if (point.ip) errs.push(required(at('ipMode'), 'must be specified when `ip` is set'));
    } else if (!point.ip) {
      errs.push(forbidden(at('ipMode'), 'may not be specified when `ip` is not set'));
    } else if (!IP_MODES.includes(point.ipMode)) {
      errs.push(notSupported(at('ipMode'), point.ipMode, IP_MODES));
    }
    if (point.hostname) {
      const hostname = point.hostname;
      errs.push(...isDNS1123Subdomain(hostname).map((msg) => invalid(at('hostname'), hostname, msg)));
      if (isIP(hostname)) errs.push(invalid(at('hostname'), hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

type Condition = NonNullable<ServiceStatus['conditions']>[number];

/** metav1validation.ValidateConditions. */
function validateConditions(conditions: Condition[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  conditions.forEach((condition, i) => {
    const at = (field: string) => child(child(path, i), field);
    const type = condition.type ?? '';
    if (seen.has(type)) errs.push(duplicate(at('type'), type));
    seen.add(type);
    errs.push(...validateLabelName(type, at('type')));
    const conditionStatus = condition.status ?? '';
    if (!CONDITION_STATUSES.includes(conditionStatus)) errs.push(notSupported(at('status'), conditionStatus, CONDITION_STATUSES));
    const generation = condition.observedGeneration ?? 0;
    if (generation < 0) errs.push(invalid(at('observedGeneration'), generation, 'must be greater than or equal to zero'));
    if (!condition.lastTransitionTime) errs.push(required(at('lastTransitionTime'), 'must be set'));
    const reason = condition.reason ?? '';
    if (!reason) errs.push(required(at('reason'), 'must be set'));
    else {
      if (!REASON_RE.test(reason)) errs.push(invalid(at('reason'), reason, REASON_MSG));
      if (Buffer.byteLength(reason) > MAX_REASON_LENGTH) errs.push(tooLong(at('reason'), MAX_REASON_LENGTH));
    }
    if (Buffer.byteLength(condition.message ?? '') > MAX_MESSAGE_LENGTH) errs.push(tooLong(at('message'), MAX_MESSAGE_LENGTH));
  });
  return errs;
}
