import type { Lease, LeaseSpec } from '../../../schemas/coordination/lease.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { invalid, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';

export type LeaseObject = Lease & KubeObject;

/**
 * pkg/registry/coordination/lease/strategy.go. strategy and preferredHolder belong to CoordinatedLeaderElection,
 * alpha and off in v1.32, so they are dropped unless the stored lease already had them.
 */
export const leaseStrategy = defineStrategy<LeaseObject>({
  applyDefaults(lease) {
    // spec is a non-pointer struct upstream: an empty lease still shows `spec: {}`.
    lease.spec ??= {};
  },

  prepareForCreate(lease) {
    delete lease.spec?.strategy;
    delete lease.spec?.preferredHolder;
  },

  prepareForUpdate(lease, old) {
    if (old.spec?.strategy === undefined) delete lease.spec?.strategy;
    if (old.spec?.preferredHolder === undefined) delete lease.spec?.preferredHolder;
  },

  validate(lease) {
    return validateLeaseSpec(lease.spec ?? {});
  },
});

function validateLeaseSpec(spec: LeaseSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}
