import { isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { goQuote, goStringSlice } from './go-text.js';

/** Upstream's selection.Operator values a label requirement can carry, by their Go constant names. */
export type LabelOperator =
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist'
  | 'Equals'
  | 'DoubleEquals'
  | 'NotEquals'
  | 'GreaterThan'
  | 'LessThan';

/**
 * One ANDed term of a label selector. `values` is empty for Exists/DoesNotExist, holds exactly one entry for the
 * equality and Gt/Lt operators, and one or more for In/NotIn (sorted and de-duplicated when parsed from a string,
 * as upstream's parser collects them in a set; kept as written when built from a LabelSelector object).
 */
export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** Text of upstream's field.Invalid(path, value, detail).Error(); `value` is already Go-formatted. */
export function invalidText(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${value}: ${detail}`;
}

/** Label-key check with upstream's wording; the string parser passes a nil field path, which Go prints as `<nil>`. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidText(path, goQuote(key), errs.join('; ')) : undefined;
}

/** utilerrors.NewAggregate(...).Error(): a single message alone, several de-duplicated inside brackets. */
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

const INT_PATTERN = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * strconv.ParseInt(s, 10, 64). Short inputs become plain numbers so matching Gt/Lt per object stays allocation-free;
 * longer ones go through BigInt to keep int64 precision and range. JS compares number and bigint exactly.
 */
export function parseInt64(s: string): number | bigint | undefined {
  if (!INT_PATTERN.test(s)) return undefined;
  if (s.length <= 15) return Number(s);
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

/**
 * The checks of upstream's labels.NewRequirement (without a field path), in its order; returns the aggregated error
 * text, or undefined when the requirement is valid. Value-count checks that neither the string parser nor
 * LabelSelectorAsSelector can trigger are left out.
 */
export function requirementError(key: string, operator: LabelOperator, values: readonly string[]): string | undefined {
  const errors: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errors.push(keyErr);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errors.push(invalidText('values', goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) {
        errors.push(invalidText('values', goStringSlice(values), 'values set must be empty for exists and does not exist'));
      }
      break;
    case 'GreaterThan':
    case 'LessThan':
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errors.push(invalidText(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      break;
  }
  values.forEach((v, i) => {
    const errs = isValidLabelValue(v);
    if (errs.length) errors.push(invalidText(`values[${i}][${key}]`, goQuote(v), errs.join('; ')));
  });
  return errors.length ? aggregate(errors) : undefined;
}
