import type { LabelSelector } from '../../../schemas/meta.js';
import { ApiError } from '../../errors.js';
import { labelSelectorFromObject, matchesLabels, type LabelRequirement, type MatchesNothing } from '../selectors/label-selector.js';

/**
 * metav1.LabelSelectorAsSelector for validation: the requirements, 'nothing' for a missing selector, or undefined when
 * the selector does not convert (validation reports that on its own).
 */
export function convertSelector(selector: LabelSelector | undefined): LabelRequirement[] | MatchesNothing | undefined {
  try {
    return labelSelectorFromObject(selector);
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}

/**
 * Whether a controller with this (converted) selector would see pods with the template's labels. An empty selector
 * selects everything, so upstream skips the check for it; a missing one selects nothing and always fails.
 */
export function selectorMissesTemplate(
  reqs: LabelRequirement[] | MatchesNothing,
  labels: Record<string, string> | undefined,
): boolean {
  if (reqs !== 'nothing' && reqs.length === 0) return false;
  return !matchesLabels(reqs, labels);
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}
