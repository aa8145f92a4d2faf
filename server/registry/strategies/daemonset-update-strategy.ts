import type { Static } from '@sinclair/typebox';
import type { DaemonSetUpdateStrategy, RollingUpdateDaemonSet } from '../../../schemas/apps/daemonset.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';

type UpdateStrategy = Static<typeof DaemonSetUpdateStrategy>;
type RollingUpdate = Static<typeof RollingUpdateDaemonSet>;

const DAEMONSET_UPDATE_STRATEGY_TYPES = ['RollingUpdate', 'OnDelete'] as const;

/** Upstream's ValidateDaemonSetUpdateStrategy: an unknown type is reported on the whole strategy, not on `type`. */
export function validateDaemonSetUpdateStrategy(strategy: UpdateStrategy | undefined, path: string): FieldError[] {
  switch (strategy?.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      return strategy.rollingUpdate
        ? validateRollingUpdate(strategy.rollingUpdate, child(path, 'rollingUpdate'))
        : [required(child(path, 'rollingUpdate'))];
    default:
      return [notSupported(path, strategy ?? {}, DAEMONSET_UPDATE_STRATEGY_TYPES)];
  }
}

/** Exactly one of maxUnavailable and maxSurge may be non-zero: a rollout needs room, but only one kind of it. */
function validateRollingUpdate(rollingUpdate: RollingUpdate, path: string): FieldError[] {
  const unavailablePath = child(path, 'maxUnavailable');
  const surgePath = child(path, 'maxSurge');
  const { maxUnavailable, maxSurge } = rollingUpdate;
  const errs = [
    ...validatePositiveIntOrPercent(maxUnavailable, unavailablePath),
    ...validatePositiveIntOrPercent(maxSurge, surgePath),
    ...notMoreThan100Percent(maxUnavailable, unavailablePath),
    ...notMoreThan100Percent(maxSurge, surgePath),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(surgePath, maxSurge, 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(unavailablePath, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}
