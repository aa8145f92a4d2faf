import type { Static } from '@sinclair/typebox';
import type { ResourceQuota } from '../../../schemas/core/resourcequota.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { validateResourceQuotaSpec, validateResourceQuotaStatus } from './resourcequota-validation.js';

type ResourceQuotaObject = Static<typeof ResourceQuota> & KubeObject;

/**
 * core/v1 ResourceQuota (pkg/registry/core/resourcequota/strategy.go). Its status (hard and used) belongs to the
 * quota controller, which this server does not run; clients may write it through /status.
 */
export const resourceQuotaStrategy = defineStrategy<ResourceQuotaObject>({
  prepareForCreate(quota) {
    quota.status = {};
  },

  validate(quota) {
    return [...validateResourceQuotaSpec(quota.spec ?? {}), ...validateResourceQuotaStatus(quota.status ?? {})];
  },

  validateStatusUpdate(quota) {
    return validateResourceQuotaStatus(quota.status ?? {});
  },
});
