import type { ResourceQuotaSpec, ResourceQuotaStatus } from '../../../schemas/core/resourcequota.js';
import { child, invalid, keyed, required, type FieldError } from '../field-errors.js';
import { isStandardQuotaResource, validateQuotaResourceName, validateResourceQuantity } from './resource-names.js';

/** Upstream's ValidateResourceQuotaSpec and ValidateResourceQuotaStatus (v1.32). */

const SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity']);
/** Scopes that only say something about a pod: they may only be combined with pod counts and compute resources. */
const POD_COUNT = new Set(['pods']);
const POD_COMPUTE = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);
const EXISTS_ONLY_SCOPES = new Set(['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity']);
const CONFLICTING_SCOPES = [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']];

function scopeFitsResource(scope: string, resource: string): boolean {
  if (scope === 'BestEffort') return POD_COUNT.has(resource);
  if (SCOPES.has(scope)) return POD_COUNT.has(resource) || POD_COMPUTE.has(resource);
  return true;
}

export function validateResourceList(list: Record<string, string | number> | undefined, path: string): FieldError[] {
  return Object.entries(list ?? {}).flatMap(([name, quantity]) => [
    ...validateQuotaResourceName(name, keyed(path, name)),
    ...validateResourceQuantity(name, quantity, keyed(path, name)),
  ]);
}

export function validateResourceQuotaSpec(spec: ResourceQuotaSpec): FieldError[] {
  return [...validateResourceList(spec.hard, 'spec.hard'), ...validateScopes(spec), ...validateScopeSelector(spec)];
}

export function validateResourceQuotaStatus(status: ResourceQuotaStatus): FieldError[] {
  return [...validateResourceList(status.hard, 'status.hard'), ...validateResourceList(status.used, 'status.used')];
}

function hardStandardNames(spec: ResourceQuotaSpec): string[] {
  return Object.keys(spec.hard ?? {}).filter(isStandardQuotaResource).sort();
}

function conflicts(scopes: Set<string>): boolean {
  return CONFLICTING_SCOPES.some((pair) => pair.every((scope) => scopes.has(scope)));
}

function validateScopes(spec: ResourceQuotaSpec): FieldError[] {
  const scopes = spec.scopes ?? [];
  const path = 'spec.scopes';
  const errs: FieldError[] = [];
  for (const scope of scopes) {
    if (!SCOPES.has(scope)) errs.push(invalid(path, scopes, 'unsupported scope'));
    for (const name of hardStandardNames(spec)) {
      if (!scopeFitsResource(scope, name)) errs.push(invalid(path, scopes, 'unsupported scope applied to resource'));
    }
  }
  if (conflicts(new Set(scopes))) errs.push(invalid(path, scopes, 'conflicting scopes'));
  return errs;
}

function validateScopeSelector(spec: ResourceQuotaSpec): FieldError[] {
  const selector = spec.scopeSelector;
  if (!selector) return [];
  const path = 'spec.scopeSelector.matchExpressions';
  const errs: FieldError[] = [];
  const scopes = new Set<string>();
  for (const requirement of selector.matchExpressions ?? []) {
    const scope = requirement.scopeName ?? '';
    const operator = requirement.operator ?? '';
    const values = requirement.values ?? [];
    if (!SCOPES.has(scope)) errs.push(invalid(child(path, 'scopeName'), scope, 'unsupported scope'));
    for (const name of hardStandardNames(spec)) {
      if (!scopeFitsResource(scope, name)) errs.push(invalid(path, selector, 'unsupported scope applied to resource'));
    }
    if (EXISTS_ONLY_SCOPES.has(scope) && operator !== 'Exists') {
      const detail =
        "must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, " +
        'ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity';
      errs.push(invalid(child(path, 'operator'), operator, detail));
    }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        errs.push(required(child(path, 'values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(invalid(child(path, 'values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
      }
    } else {
      errs.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
    }
    scopes.add(scope);
  }
  if (conflicts(scopes)) errs.push(invalid(path, selector, 'conflicting scopes'));
  return errs;
}
