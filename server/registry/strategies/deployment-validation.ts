import type { DeploymentSpec, DeploymentStatus, DeploymentStrategy } from '../../../schemas/apps/deployment.js';
import { child, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { validateSelectorAndTemplate } from './replicaset-validation.js';
import { validateNonnegative, validateReplicaCounts } from './workload-validation.js';

/** Upstream's ValidateDeploymentSpec and ValidateDeploymentStatus (pkg/apis/apps/validation). Defaults have been applied. */

const STRATEGY_TYPES = ['Recreate', 'RollingUpdate'];

export function validateDeploymentSpec(spec: DeploymentSpec): FieldError[] {
  const errs = validateNonnegative(spec.replicas, 'spec.replicas');
  errs.push(...validateSelectorAndTemplate(spec));
  errs.push(...validateDeploymentStrategy(spec.strategy ?? {}, 'spec.strategy'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec.progressDeadlineSeconds;
  if (deadline !== undefined) {
    errs.push(...validateNonnegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** An unknown type is reported on the whole strategy, not on `type`, as upstream does. */
function validateDeploymentStrategy(strategy: DeploymentStrategy, path: string): FieldError[] {
  const rollingUpdatePath = child(path, 'rollingUpdate');
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate
        ? [forbidden(rollingUpdatePath, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate': {
      const rollingUpdate = strategy.rollingUpdate;
      if (!rollingUpdate) return [required(rollingUpdatePath, 'this should be defaulted and never be nil')];
      const unavailablePath = child(rollingUpdatePath, 'maxUnavailable');
      const { maxUnavailable, maxSurge } = rollingUpdate;
      const errs = [
        ...validatePositiveIntOrPercent(maxUnavailable, unavailablePath),
        ...validatePositiveIntOrPercent(maxSurge, child(rollingUpdatePath, 'maxSurge')),
      ];
      // A rollout needs room: either pods may go missing or extra ones may be added.
      if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
        errs.push(invalid(unavailablePath, maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      }
      return [...errs, ...notMoreThan100Percent(maxUnavailable, unavailablePath)];
    }
    default:
      return [notSupported(path, strategy, STRATEGY_TYPES)];
  }
}

const COUNTERS = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount'] as const;

export function validateDeploymentStatus(status: DeploymentStatus, old: DeploymentStatus | undefined): FieldError[] {
  const errs = validateReplicaCounts(status, COUNTERS, ['updatedReplicas', 'readyReplicas', 'availableReplicas'], 'readyReplicas');
  errs.push(...validateCollisionCount(status.collisionCount, old?.collisionCount));
  return errs;
}

/**
 * Upstream's IsDecremented check on status.collisionCount: the controller uses it to make revision hashes unique,
 * and reusing a count could give two templates the same name.
 */
export function validateCollisionCount(after: number | undefined, before: number | undefined): FieldError[] {
  if (before === undefined || (after !== undefined && after >= before)) return [];
  return [invalid('status.collisionCount', after ?? 0, 'cannot be decremented')];
}
