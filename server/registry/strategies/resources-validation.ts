import type { ResourceRequirements } from '../../../schemas/core/pod.js';
import { child, invalid, keyed, required, type FieldError } from '../field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { compareQuantities, parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity.js';

/** Resource names and quantities in container requirements, pod overhead and node capacity. */

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** Upstream's standardResources: what an unprefixed resource name may be anywhere in the API. */
const STANDARD_RESOURCES = new Set([
  ...STANDARD_CONTAINER_RESOURCES,
  ...['cpu', 'memory', 'ephemeral-storage'].flatMap((r) => [`requests.${r}`, `limits.${r}`]),
  'requests.storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const IS_NEGATIVE = 'must be greater than or equal to 0';

/** No '/' or a kubernetes.io namespace: a resource Kubernetes itself defines. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Extended resources and huge pages are whole devices or pages: they cannot be overcommitted. */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePages(name);
}

/** Counted resources (pods, extended resources) only come in whole units. */
function isIntegerResource(name: string): boolean {
  return name === 'pods' || !isNativeResource(name);
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
    }
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
    return errs;
  }
  if (!isNativeResource(name) && name.startsWith('requests.')) {
    return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** Upstream's ValidateResourceQuantityValue; an unparseable quantity is what its decoder would have refused. */
export function validateQuantity(name: string, quantity: string | number, path: string): FieldError[] {
  const value = parseQuantity(quantity);
  if (value === undefined) return [invalid(path, quantity, QUANTITY_FORMAT_ERROR)];
  const errs = value < 0n ? [invalid(path, quantity, IS_NEGATIVE)] : [];
  if (isIntegerResource(name) && value % 1_000_000_000n !== 0n) errs.push(invalid(path, quantity, 'must be an integer'));
  return errs;
}

export function validateResourceRequirements(requirements: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = requirements?.limits ?? {};
  const requests = requirements?.requests ?? {};
  const limitsPath = child(path, 'limits');
  const requestsPath = child(path, 'requests');
  for (const [name, quantity] of Object.entries(limits)) {
    errs.push(...validateContainerResourceName(name, keyed(limitsPath, name)));
    errs.push(...validateQuantity(name, quantity, keyed(limitsPath, name)));
  }
  for (const [name, quantity] of Object.entries(requests)) {
    errs.push(...validateContainerResourceName(name, keyed(requestsPath, name)));
    errs.push(...validateQuantity(name, quantity, keyed(requestsPath, name)));
    const limit = limits[name];
    if (limit === undefined) {
      if (!isOvercommitAllowed(name)) errs.push(required(limitsPath, 'Limit must be set for non overcommitable resources'));
      continue;
    }
    const order = compareQuantities(quantity, limit);
    if (order !== 0 && !isOvercommitAllowed(name)) {
      errs.push(invalid(requestsPath, String(quantity), `must be equal to ${name} limit of ${limit}`));
    } else if (order > 0) {
      errs.push(invalid(requestsPath, String(quantity), `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return errs;
}

/** Node capacity and allocatable: any resource name, each a non-negative quantity. */
export function validateResourceList(list: Record<string, string | number> | undefined, path: string): FieldError[] {
  return Object.entries(list ?? {}).flatMap(([name, quantity]) => validateQuantity(name, quantity, child(path, name)));
}
