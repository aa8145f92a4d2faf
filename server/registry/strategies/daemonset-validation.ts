import type { DaemonSetSpec, DaemonSetStatus } from '../../../schemas/apps/daemonset.js';
import type { LabelSelector } from '../../../schemas/meta.js';
import { ApiError } from '../../errors.js';
import { invalid, type FieldError } from '../field-errors.js';
import { labelSelectorFromObject, matchesLabels } from '../selectors/label-selector.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { validateDaemonSetUpdateStrategy } from './daemonset-update-strategy.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { selectorMismatch, validateLongRunningTemplate, validateNonnegative } from './workload-validation.js';

/** Upstream's ValidateDaemonSetSpec. Runs after defaulting, so the template and update strategy are filled in. */
export function validateDaemonSetSpec(spec: DaemonSetSpec): FieldError[] {
  const template = spec.template ?? {};
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  // A missing selector selects nothing, so upstream reports it only as this mismatch; an invalid one was reported
  // by validateLabelSelector and cannot be matched.
  if (selects(spec.selector, template.metadata?.labels) === false) {
    errs.push(selectorMismatch('spec.template', template.metadata?.labels));
  }
  if (spec.selector && isEmptySelector(spec.selector)) {
    errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...validateLongRunningTemplate(template, 'spec.template', 'DaemonSet'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy, 'spec.updateStrategy'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

/** Whether the selector matches the labels; undefined when the selector cannot be converted. */
function selects(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean | undefined {
  try {
    return matchesLabels(labelSelectorFromObject(selector), labels);
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}

function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}

const COUNTERS = [
  'currentNumberScheduled',
  'numberMisscheduled',
  'desiredNumberScheduled',
  'numberReady',
  'observedGeneration',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
  'collisionCount',
] as const;

/**
 * Upstream's ValidateDaemonSetStatusUpdate. collisionCount only grows: the controller uses it to make revision
 * hashes unique, and reusing a count could give two templates the same hash.
 */
export function validateDaemonSetStatus(status: DaemonSetStatus, old: DaemonSetStatus | undefined): FieldError[] {
  const errs = COUNTERS.flatMap((name) => validateNonnegative(status[name], `status.${name}`));
  const before = old?.collisionCount;
  const after = status.collisionCount;
  if (before !== undefined && (after === undefined || after < before)) {
    errs.push(invalid('status.collisionCount', after ?? 0, 'cannot be decremented'));
  }
  return errs;
}
