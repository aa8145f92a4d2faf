import type { JobSpec, PodFailurePolicyRule, SuccessPolicyRule } from '../../../schemas/batch/job.js';
import { child, duplicate, invalid, notSupported, required, tooLong, tooMany, type FieldError } from '../field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { parseIndexes } from './job-indexes.js';
import { validateNonnegative } from './workload-validation.js';

/** Upstream's checks of a Job's podFailurePolicy, successPolicy and podReplacementPolicy (pkg/apis/batch/validation). */

const MAX_POD_FAILURE_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_CONDITION_PATTERNS = 20;
const MAX_SUCCESS_RULES = 20;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
// Go's sets.List order: sorted.
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

/** field.Invalid with field.OmitValueType: the body names no value. */
function invalidWithoutValue(field: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${detail}` };
}

/** fmt's %q of a []string: `["a" "b"]`. */
function quotedList(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

export function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.podFailurePolicy?.rules ?? [];
  const rulesPath = child(path, 'rules');
  const errs = rules.length > MAX_POD_FAILURE_RULES ? [tooMany(rulesPath, rules.length, MAX_POD_FAILURE_RULES)] : [];
  const podSpec = spec.template?.spec;
  const containerNames = new Set([...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])].map((c) => c.name ?? ''));
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, child(rulesPath, i), containerNames)));
  return errs;
}

function validateRule(spec: JobSpec, rule: PodFailurePolicyRule, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const actionPath = child(path, 'action');
  if (!rule.action) errs.push(required(actionPath, `valid values: ${quotedList(ACTIONS)}`));
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined) errs.push(invalid(actionPath, rule.action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!ACTIONS.includes(rule.action)) errs.push(notSupported(actionPath, rule.action, ACTIONS));
  const conditions = rule.onPodConditions ?? [];
  if (rule.onExitCodes) errs.push(...validateOnExitCodes(rule.onExitCodes, child(path, 'onExitCodes'), containerNames));
  if (conditions.length > 0) errs.push(...validateOnPodConditions(conditions, child(path, 'onPodConditions')));
  if (rule.onExitCodes && conditions.length > 0) {
    errs.push(invalidWithoutValue(path, 'specifying both OnExitCodes and OnPodConditions is not supported'));
  }
  if (!rule.onExitCodes && conditions.length === 0) {
    errs.push(invalidWithoutValue(path, 'specifying one of OnExitCodes and OnPodConditions is required'));
  }
  return errs;
}

function validateOnExitCodes(
  onExitCodes: NonNullable<PodFailurePolicyRule['onExitCodes']>,
  path: string,
  containerNames: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const operatorPath = child(path, 'operator');
  const { operator, containerName } = onExitCodes;
  if (!operator) errs.push(required(operatorPath, `valid values: ${quotedList(EXIT_CODE_OPERATORS)}`));
  else if (!EXIT_CODE_OPERATORS.includes(operator)) errs.push(notSupported(operatorPath, operator, EXIT_CODE_OPERATORS));
  if (containerName !== undefined && !containerNames.has(containerName)) {
    errs.push(invalid(child(path, 'containerName'), containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const values = onExitCodes.values ?? [];
  const valuesPath = child(path, 'values');
  if (values.length === 0) errs.push(invalid(valuesPath, values, 'at least one value is required'));
  else if (values.length > MAX_EXIT_CODE_VALUES) errs.push(tooMany(valuesPath, values.length, MAX_EXIT_CODE_VALUES));
  const seen = new Set<number>();
  values.forEach((value, j) => {
    if (operator === 'In' && value === 0) errs.push(invalid(child(valuesPath, j), value, 'must not be 0 for the In operator'));
    if (seen.has(value)) errs.push(duplicate(child(valuesPath, j), value));
    seen.add(value);
  });
  if (values.some((value, j) => j > 0 && values[j - 1] > value)) errs.push(invalid(valuesPath, values, 'must be ordered'));
  return errs;
}

function validateOnPodConditions(patterns: NonNullable<PodFailurePolicyRule['onPodConditions']>, path: string): FieldError[] {
  const errs = patterns.length > MAX_CONDITION_PATTERNS ? [tooMany(path, patterns.length, MAX_CONDITION_PATTERNS)] : [];
  patterns.forEach((pattern, j) => {
    const patternPath = child(path, j);
    const type = pattern.type ?? '';
    errs.push(...isQualifiedName(type).map((msg) => invalid(child(patternPath, 'type'), type, msg)));
    const statusPath = child(patternPath, 'status');
    if (!pattern.status) errs.push(required(statusPath, `valid values: ${quotedList(CONDITION_STATUSES)}`));
    else if (!CONDITION_STATUSES.includes(pattern.status)) errs.push(notSupported(statusPath, pattern.status, CONDITION_STATUSES));
  });
  return errs;
}

/** Only reached for Indexed jobs, which validation requires to have completions. */
export function validateSuccessPolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.successPolicy?.rules ?? [];
  const rulesPath = child(path, 'rules');
  const errs: FieldError[] = [];
  if (rules.length === 0) errs.push(required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_SUCCESS_RULES));
  rules.forEach((rule, i) => errs.push(...validateSuccessRule(rule, spec.completions ?? 0, child(rulesPath, i))));
  return errs;
}

function validateSuccessRule(rule: SuccessPolicyRule, completions: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
    errs.push(required(path, 'at least one of succeededCount or succeededIndexes must be specified'));
  }
  let totalIndexes = 0;
  if (rule.succeededIndexes !== undefined) {
    const indexesPath = child(path, 'succeededIndexes');
    if (Buffer.byteLength(rule.succeededIndexes) > MAX_SUCCEEDED_INDEXES_LENGTH) errs.push(tooLong(indexesPath, MAX_SUCCEEDED_INDEXES_LENGTH));
    const parsed = parseIndexes(rule.succeededIndexes, completions);
    if ('error' in parsed) errs.push(invalid(indexesPath, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed.error}`));
    else totalIndexes = parsed.total;
  }
  const count = rule.succeededCount;
  if (count !== undefined) {
    const countPath = child(path, 'succeededCount');
    errs.push(...validateNonnegative(count, countPath));
    if (count > completions) {
      errs.push(invalid(countPath, count, `must be less than or equal to ${completions} (the number of specified completions)`));
    }
    if (rule.succeededIndexes !== undefined && count > totalIndexes) {
      errs.push(invalid(countPath, count, `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`));
    }
  }
  return errs;
}

/** With a pod failure policy only Failed makes sense: the policy needs to see the pod finish before replacing it. */
export function validatePodReplacementPolicy(spec: JobSpec, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy;
  if (policy === undefined) return [];
  if (spec.podFailurePolicy) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])];
  return REPLACEMENT_POLICIES.includes(policy) ? [] : [notSupported(path, policy, REPLACEMENT_POLICIES)];
}
