import { invalid, type FieldError } from '../field-errors.js';
import { validateNonnegative } from './workload-validation.js';

/**
 * intstr.IntOrString fields that hold a count or a percentage (rolling-update budgets), checked the way upstream's
 * apps validation does. Absent is Go's zero IntOrString, the integer 0.
 */
export type IntOrPercent = number | string | undefined;

const PERCENT_RE = /^[0-9]+%$/;
const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', " +
  "regex used for validation is '[0-9]+%')";
/** strconv.Atoi's accepted form: upstream reads a string that is not a percentage this way, and as 0 when it fails. */
const ATOI_RE = /^[+-]?[0-9]+$/;

/** Upstream's ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(value: IntOrPercent, path: string): FieldError[] {
  if (typeof value === 'string') return PERCENT_RE.test(value) ? [] : [invalid(path, value, PERCENT_MSG)];
  if (value === undefined || Number.isInteger(value)) return validateNonnegative(value, path);
  return [invalid(path, value, "must be an integer or percentage (e.g '5%')")];
}

function percentValue(value: IntOrPercent): number | undefined {
  return typeof value === 'string' && PERCENT_RE.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/** Upstream's IsNotMoreThan100Percent: only percentages are bounded. */
export function notMoreThan100Percent(value: IntOrPercent, path: string): FieldError[] {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/** The number a percentage or count stands for when only zero-ness matters (upstream's getIntOrPercentValue). */
export function intOrPercentValue(value: IntOrPercent): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === 'string') return ATOI_RE.test(value) ? Number(value) : 0;
  return value ?? 0;
}
