import type { LabelSelector } from '../../../schemas/meta.js';
import { child, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

/** Upstream's metav1validation.LabelSelectorValidationOptions. */
export interface LabelSelectorValidationOptions {
  /** Only for objects stored before label values in selectors were checked, which must stay updatable. */
  allowInvalidLabelValueInSelector?: boolean;
}

type LabelSelectorRequirement = NonNullable<LabelSelector['matchExpressions']>[number];

/** A label key (or anything else formatted like one); errors sit on `path` itself, not on a keyed child. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Upstream reports every bad key and value at the map's own path (`metadata.labels`), naming the value only. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(key, path));
    errs.push(...isValidLabelValue(value).map((msg) => invalid(path, value, msg)));
  }
  return errs;
}

/** A nil selector is valid here; whether one is required, or may be empty, is the caller's rule. */
export function validateLabelSelector(
  selector: LabelSelector | undefined,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, child(path, 'matchLabels'));
  const expressionsPath = child(path, 'matchExpressions');
  (selector.matchExpressions ?? []).forEach((requirement, i) => {
    errs.push(...validateLabelSelectorRequirement(requirement, child(expressionsPath, i), opts));
  });
  return errs;
}

export function validateLabelSelectorRequirement(
  requirement: LabelSelectorRequirement,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  const values = requirement.values ?? [];
  const valuesPath = child(path, 'values');
  switch (requirement.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    default:
      // Upstream reports an Invalid (not Unsupported) value here, without listing the operators.
      errs.push(invalid(child(path, 'operator'), requirement.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(requirement.key, child(path, 'key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((value, i) => {
      errs.push(...isValidLabelValue(value).map((msg) => invalid(child(valuesPath, i), value, msg)));
    });
  }
  return errs;
}
