import type { Static } from '@sinclair/typebox';
import type { LimitRange, LimitRangeItem } from '../../../schemas/core/limitrange.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { canonicalQuantity } from '../../printers/quantity.js';
import { child, duplicate, forbidden, invalid, keyed, required, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';
import { isQualifiedName } from '../validation/names.js';
import { compareQuantities } from './quantity.js';
import { isOvercommitAllowed, validateContainerResourceName, validateResourceName } from './resource-names.js';

type LimitRangeObject = Static<typeof LimitRange> & KubeObject;
type Quantities = Record<string, string | number>;

const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

/**
 * SetDefaults_LimitRangeItem: a container limit range without defaults takes them from its bounds — the default limit
 * from max, the default request from the default limit, else from min.
 */
function setItemDefaults(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const defaults = (item.default ??= {});
  const requests = (item.defaultRequest ??= {});
  for (const [name, value] of Object.entries(item.max ?? {})) defaults[name] ??= value;
  for (const [name, value] of Object.entries(defaults)) requests[name] ??= value;
  for (const [name, value] of Object.entries(item.min ?? {})) requests[name] ??= value;
}

function validateTypeName(type: string, path: string): FieldError[] {
  const errs = isQualifiedName(type).map((msg) => invalid(path, type, msg));
  if (errs.length === 0 && !type.includes('/') && !LIMIT_TYPES.has(type)) {
    errs.push(invalid(path, type, 'must be a standard limit type or fully qualified'));
  }
  return errs;
}

/** Upstream's ValidateLimitRange, item by item: names, then how min ≤ defaultRequest ≤ default ≤ max relate. */
function validateItem(item: LimitRangeItem, path: string): FieldError[] {
  const type = item.type ?? '';
  const validateName = type === 'Pod' || type === 'Container' ? validateContainerResourceName : validateResourceName;
  const errs = validateTypeName(type, child(path, 'type'));
  const names = (field: keyof LimitRangeItem, list: Quantities | undefined) => {
    for (const name of Object.keys(list ?? {})) errs.push(...validateName(name, keyed(child(path, field), name)));
  };
  names('max', item.max);
  names('min', item.min);
  if (type === 'Pod') {
    if (Object.keys(item.default ?? {}).length > 0) errs.push(forbidden(child(path, 'default'), "may not be specified when `type` is 'Pod'"));
    if (Object.keys(item.defaultRequest ?? {}).length > 0) {
      errs.push(forbidden(child(path, 'defaultRequest'), "may not be specified when `type` is 'Pod'"));
    }
  } else {
    names('default', item.default);
    names('defaultRequest', item.defaultRequest);
  }
  if (type === 'PersistentVolumeClaim' && item.min?.storage === undefined && item.max?.storage === undefined) {
    errs.push(required(child(path, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
  }
  names('maxLimitRequestRatio', item.maxLimitRequestRatio);
  const defaults = type === 'Pod' ? {} : (item.default ?? {});
  const requests = type === 'Pod' ? {} : (item.defaultRequest ?? {});
  const keys = new Set([item.max, item.min, defaults, requests, item.maxLimitRequestRatio].flatMap((list) => Object.keys(list ?? {})));
  for (const name of keys) errs.push(...validateBounds(name, item, defaults, requests, path));
  return errs;
}

function validateBounds(name: string, item: LimitRangeItem, defaults: Quantities, requests: Quantities, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const at = (field: string) => keyed(child(path, field), name);
  const show = canonicalQuantity;
  const [min, max, def, req, ratio] = [item.min?.[name], item.max?.[name], defaults[name], requests[name], item.maxLimitRequestRatio?.[name]];
  const greater = (a: string | number | undefined, b: string | number | undefined) => a !== undefined && b !== undefined && compareQuantities(a, b) > 0;
  if (greater(min, max)) errs.push(invalid(at('min'), min, `min value ${show(min)} is greater than max value ${show(max)}`));
  if (greater(min, req)) errs.push(invalid(at('defaultRequest'), req, `min value ${show(min)} is greater than default request value ${show(req)}`));
  if (greater(req, max)) errs.push(invalid(at('defaultRequest'), req, `default request value ${show(req)} is greater than max value ${show(max)}`));
  if (greater(req, def)) {
    errs.push(invalid(at('defaultRequest'), req, `default request value ${show(req)} is greater than default limit value ${show(def)}`));
  }
  if (greater(min, def)) errs.push(invalid(at('default'), min, `min value ${show(min)} is greater than default value ${show(def)}`));
  if (greater(def, max)) errs.push(invalid(at('default'), max, `default value ${show(def)} is greater than max value ${show(max)}`));
  if (ratio !== undefined && compareQuantities(ratio, 1) < 0) errs.push(invalid(at('maxLimitRequestRatio'), ratio, `ratio ${show(ratio)} is less than 1`));
  if (!isOvercommitAllowed(name) && def !== undefined && req !== undefined && compareQuantities(def, req) !== 0) {
    errs.push(invalid(at('defaultRequest'), req, `default value ${show(def)} must equal to defaultRequest value ${show(req)} in ${name}`));
  }
  return errs;
}

function validateLimits(limits: LimitRangeItem[]): FieldError[] {
  const errs: FieldError[] = [];
  const types = new Set<string>();
  limits.forEach((item, i) => {
    const path = child('spec.limits', i);
    if (types.has(item.type ?? '')) errs.push(duplicate(child(path, 'type'), item.type ?? ''));
    types.add(item.type ?? '');
    errs.push(...validateItem(item, path));
  });
  return errs;
}

/** core/v1 LimitRange (pkg/registry/core/limitrange/strategy.go). */
export const limitRangeStrategy = defineStrategy<LimitRangeObject>({
  applyDefaults(limitRange) {
    for (const item of limitRange.spec?.limits ?? []) setItemDefaults(item);
  },

  validate(limitRange) {
    return validateLimits(limitRange.spec?.limits ?? []);
  },
});
