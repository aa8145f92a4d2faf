import type { ServiceSpec } from '../../../schemas/core/service.js';
import { child, invalid, type FieldError } from '../field-errors.js';
import { isHeadless } from './service-types.js';

/**
 * Upstream's ValidateServiceUpdate (v1.32): the primary cluster IP and IP family never change, while a secondary one
 * may be added (upgrade) or released (downgrade to SingleStack) — except around ExternalName, which has neither.
 * A load balancer keeps its class.
 */

export function validateServiceUpdate(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type !== 'ExternalName' && old.type !== 'ExternalName') {
    if (!(isHeadless(spec) && isHeadless(old))) {
      errs.push(...validateUpgradeDowngrade(spec.clusterIPs ?? [], old.clusterIPs ?? [], 'spec.clusterIPs', 'clusterIP', spec));
    }
    // A headless service, or one becoming or ceasing to be headless, may change families.
    if (!isHeadless(spec) && !isHeadless(old)) {
      errs.push(...validateUpgradeDowngrade(spec.ipFamilies ?? [], old.ipFamilies ?? [], 'spec.ipFamilies', 'ipFamily', spec));
    }
  }
  if (old.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && spec.loadBalancerClass !== old.loadBalancerClass) {
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  return errs;
}

function validateUpgradeDowngrade(values: string[], old: string[], path: string, what: string, spec: ServiceSpec): FieldError[] {
  const first = child(path, 0);
  if (values.length === old.length) {
    return old.flatMap((value, i) => (value === values[i] ? [] : [invalid(child(path, i), values, 'may not change once set')]));
  }
  if (values.length > old.length) {
    return old.length > 0 && values[0] !== old[0] ? [invalid(first, values, 'may not change once set')] : [];
  }
  const errs: FieldError[] = [];
  if (values.length === 0) errs.push(invalid(first, values, `primary ${what} can not be unset`));
  if (old.length > 0 && values.length > 0 && values[0] !== old[0]) errs.push(invalid(first, values, 'may not change once set'));
  if (values.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
    errs.push(invalid(first, values, `\`ipFamilyPolicy\` must be set to 'SingleStack' when releasing the secondary ${what}`));
  }
  return errs;
}
