import { invalid, type FieldError } from '../field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity.js';

/** Resource names and quantities as quotas and limit ranges use them (upstream's core helper sets). */

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];
const STANDARD_CONTAINER_RESOURCES = new Set(COMPUTE);
const OBJECT_COUNTS = [
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
];
const STANDARD_QUOTA_RESOURCES = new Set([
  ...COMPUTE,
  ...COMPUTE.flatMap((r) => [`requests.${r}`, `limits.${r}`]),
  'requests.storage',
  ...OBJECT_COUNTS,
]);
/** What an unprefixed resource name may be anywhere in the API. */
const STANDARD_RESOURCES = new Set([...STANDARD_QUOTA_RESOURCES, 'storage']);
const INTEGER_RESOURCES = new Set(OBJECT_COUNTS);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

/** No '/' or a kubernetes.io namespace: a resource Kubernetes itself defines. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isStandardQuotaResource(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || isHugePages(name);
}

/** Extended resources and huge pages are whole devices or pages: they cannot be overcommitted. */
export function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** Upstream's validateResourceName: a qualified name, standard unless it has a domain. */
export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePages(name)) {
    return [invalid(path, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

/** Upstream's ValidateResourceQuotaResourceName. */
export function validateQuotaResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/') && !isStandardQuotaResource(name)) errs.push(invalid(path, name, 'must be a standard resource for quota'));
  return errs;
}

/** Upstream's validateContainerResourceName: for containers and pods, only compute resources or qualified ones. */
export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      return [invalid(path, name, 'must be a standard resource for containers')];
    }
  } else if (!isNative(name) && name.startsWith('requests.')) {
    return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** Upstream's ValidateResourceQuantityValue: non-negative, and whole for counted resources. */
export function validateResourceQuantity(name: string, quantity: string | number, path: string): FieldError[] {
  const value = parseQuantity(quantity);
  if (value === undefined) return [invalid(path, quantity, QUANTITY_FORMAT_ERROR)];
  const errs = value < 0n ? [invalid(path, quantity, 'must be greater than or equal to 0')] : [];
  const counted = INTEGER_RESOURCES.has(name) || !isNative(name);
  if (counted && value % 1_000_000_000n !== 0n) errs.push(invalid(path, quantity, 'must be an integer'));
  return errs;
}
