import type { Static } from '@sinclair/typebox';
import type { DaemonSetUpdateStrategy, RollingUpdateDaemonSet } from '../../../schemas/apps/daemonset.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { validateNonnegative } from './workload-validation.js';

type UpdateStrategy = Static<typeof DaemonSetUpdateStrategy>;
type RollingUpdate = Static<typeof RollingUpdateDaemonSet>;
type IntOrPercent = number | string | undefined;

const PERCENT_RE = /^[0-9]+%$/;
const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', " +
  "regex used for validation is '[0-9]+%')";
/** strconv.Atoi's accepted form; upstream reads a non-percent string as an int this way, and as 0 when it fails. */
const ATOI_RE = /^[+-]?[0-9]+$/;

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
    ...validateIntOrPercent(maxUnavailable, unavailablePath),
    ...validateIntOrPercent(maxSurge, surgePath),
    ...notMoreThan100Percent(maxUnavailable, unavailablePath),
    ...notMoreThan100Percent(maxSurge, surgePath),
  ];
  const hasUnavailable = scalarValue(maxUnavailable) !== 0;
  const hasSurge = scalarValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(surgePath, maxSurge, 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(unavailablePath, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** Upstream's ValidatePositiveIntOrPercent; absent is Go's zero IntOrString, the integer 0. */
function validateIntOrPercent(value: IntOrPercent, path: string): FieldError[] {
  if (typeof value === 'string') return PERCENT_RE.test(value) ? [] : [invalid(path, value, PERCENT_MSG)];
  if (value === undefined || Number.isInteger(value)) return validateNonnegative(value, path);
  return [invalid(path, value, "must be an integer or percentage (e.g '5%')")];
}

function percentValue(value: IntOrPercent): number | undefined {
  return typeof value === 'string' && PERCENT_RE.test(value) ? Number(value.slice(0, -1)) : undefined;
}

function notMoreThan100Percent(value: IntOrPercent, path: string): FieldError[] {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/** The number a percent or int stands for when only zero-ness matters (upstream's getIntOrPercentValue). */
function scalarValue(value: IntOrPercent): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === 'string') return ATOI_RE.test(value) ? Number(value) : 0;
  return value ?? 0;
}
