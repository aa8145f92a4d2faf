import type { LabelSelector } from '../../../schemas/meta.js';
import { ApiError, badRequest } from '../../errors.js';
import { compareGoStrings, goQuote } from './go-text.js';
import { parseInt64, requirementError, type LabelOperator, type LabelRequirement } from './label-requirement.js';

export { parseLabelSelector } from './label-parser.js';
export type { LabelOperator, LabelRequirement } from './label-requirement.js';

/** What a nil LabelSelector converts to upstream (labels.Nothing()): a selector no object matches. */
export type MatchesNothing = 'nothing';

const hasOwn = Object.prototype.hasOwnProperty;

/** labels.Requirement.Matches; label maps come from JSON, so inherited names such as `constructor` must not count. */
function matchesRequirement(r: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const present = labels !== undefined && hasOwn.call(labels, r.key);
  switch (r.operator) {
    case 'In':
    case 'Equals':
    case 'DoubleEquals':
      return present && r.values.includes((labels as Record<string, string>)[r.key]);
    case 'NotIn':
    case 'NotEquals':
      return !present || !r.values.includes((labels as Record<string, string>)[r.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'GreaterThan':
    case 'LessThan': {
      if (!present || r.values.length !== 1) return false;
      const actual = parseInt64((labels as Record<string, string>)[r.key]);
      const bound = parseInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'GreaterThan' ? actual > bound : actual < bound;
    }
  }
}

/** Every requirement must hold (an empty list matches everything, 'nothing' matches no object). */
export function matchesLabels(
  reqs: readonly LabelRequirement[] | MatchesNothing,
  labels: Record<string, string> | undefined,
): boolean {
  if (reqs === 'nothing') return false;
  for (let i = 0; i < reqs.length; i++) {
    if (!matchesRequirement(reqs[i], labels)) return false;
  }
  return true;
}

const EXPRESSION_OPERATORS: Record<string, LabelOperator> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

/**
 * metav1.LabelSelectorAsSelector: a missing selector selects nothing, an empty one everything; matchLabels become
 * Equals terms and matchExpressions keep their values as written. Requirements come back sorted by key. An invalid
 * selector throws a 400 carrying upstream's error text.
 */
export function labelSelectorFromObject(sel: LabelSelector | undefined | null): LabelRequirement[] | MatchesNothing {
  if (sel === undefined || sel === null) return 'nothing';
  const reqs: LabelRequirement[] = [];
  const add = (key: string, operator: LabelOperator, values: string[]) => {
    const error = requirementError(key, operator, values);
    if (error) throw badRequest(error);
    reqs.push({ key, operator, values });
  };
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) add(key, 'Equals', [value]);
  for (const expr of sel.matchExpressions ?? []) {
    const operator = hasOwn.call(EXPRESSION_OPERATORS, expr.operator) ? EXPRESSION_OPERATORS[expr.operator] : undefined;
    if (!operator) throw badRequest(`${goQuote(expr.operator)} is not a valid label selector operator`);
    add(expr.key, operator, [...(expr.values ?? [])]);
  }
  return reqs.sort((a, b) => compareGoStrings(a.key, b.key));
}

const OPERATOR_TEXT: Record<LabelOperator, string> = {
  In: ' in ',
  NotIn: ' notin ',
  Exists: '',
  DoesNotExist: '',
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  GreaterThan: '>',
  LessThan: '<',
};

/** labels.Requirement.String: several values are printed sorted, without reordering the requirement itself. */
function requirementString(r: LabelRequirement): string {
  if (r.operator === 'Exists') return r.key;
  if (r.operator === 'DoesNotExist') return `!${r.key}`;
  const values = r.values.length > 1 ? [...r.values].sort(compareGoStrings).join(',') : (r.values[0] ?? '');
  const set = r.operator === 'In' || r.operator === 'NotIn';
  return `${r.key}${OPERATOR_TEXT[r.operator]}${set ? `(${values})` : values}`;
}

/** labels.Selector.String: what a Scale's status.selector carries; empty for a selector that matches everything. */
export function labelRequirementsString(reqs: readonly LabelRequirement[] | MatchesNothing): string {
  return reqs === 'nothing' ? '' : reqs.map(requirementString).join(',');
}

/** metav1.FormatLabelSelector, as kubectl prints `Selector:`: `<none>` when empty or missing, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  let reqs: LabelRequirement[] | MatchesNothing;
  try {
    reqs = labelSelectorFromObject(sel);
  } catch (err) {
    if (err instanceof ApiError) return '<error>';
    throw err;
  }
  return labelRequirementsString(reqs) || '<none>';
}
