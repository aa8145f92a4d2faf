import { defineStrategy } from '../strategy.js';
import { allocateClusterIPs, allocateHealthCheckNodePort, allocateNodePorts, initIPFamilyFields } from './service-allocation.js';
import { setServiceDefaults } from './service-defaults.js';
import { validateAllocation, validateClusterIPsRelatedFields } from './service-ip-validation.js';
import { validateServiceStatus } from './service-status-validation.js';
import type { ServiceObject } from './service-types.js';
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './service-update.js';
import { validateServiceUpdate } from './service-update-validation.js';
import { validateService } from './service-validation.js';

/**
 * What the registry allocates before validation sees the service, on create and on a type change alike. Like
 * upstream's allocator, nothing is allocated for a service it would refuse.
 */
function allocate(svc: ServiceObject): void {
  const spec = (svc.spec ??= {});
  initIPFamilyFields(spec);
  if (validateClusterIPsRelatedFields(spec).length > 0 || validateAllocation(spec).length > 0) return;
  allocateClusterIPs(spec);
  allocateNodePorts(spec);
  allocateHealthCheckNodePort(spec);
}

/**
 * core/v1 Service (pkg/registry/core/service: strategy.go and storage/alloc.go). Status always shows an (empty)
 * loadBalancer, as Go writes the struct without omitempty.
 */
export const serviceStrategy = defineStrategy<ServiceObject>({
  applyDefaults(svc) {
    setServiceDefaults((svc.spec ??= {}), svc.status);
  },

  prepareForCreate(svc) {
    svc.status = { loadBalancer: {} };
    normalizeClusterIPs((svc.spec ??= {}), undefined);
    allocate(svc);
  },

  prepareForUpdate(svc, old) {
    const spec = (svc.spec ??= {});
    const oldSpec = old.spec ?? {};
    patchAllocatedValues(spec, oldSpec);
    normalizeClusterIPs(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    allocate(svc);
  },

  // The allocator answers before validation does: an address or port it cannot hand out is the only error then.
  validate(svc) {
    const spec = svc.spec ?? {};
    const allocationErrors = validateAllocation(spec);
    return allocationErrors.length > 0 ? allocationErrors : validateService(spec, svc.metadata);
  },

  validateUpdate(svc, old) {
    return validateServiceUpdate(svc.spec ?? {}, old.spec ?? {});
  },

  prepareForStatusUpdate(svc) {
    const status = (svc.status ??= {});
    status.loadBalancer ??= {};
  },

  validateStatusUpdate(svc) {
    return validateServiceStatus(svc.spec ?? {}, svc.status ?? {});
  },

  // Service names become DNS names of the cluster domain, which must start with a letter.
  nameRule: 'dns1035',

  selectableFields: {
    'spec.clusterIP': (svc) => svc.spec?.clusterIP ?? '',
    'spec.type': (svc) => svc.spec?.type ?? '',
  },
});
