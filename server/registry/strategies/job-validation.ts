import type { JobSpec } from '../../../schemas/batch/job.js';
import { child, invalid, notSupported, required, tooLong, type FieldError } from '../field-errors.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { isDNS1123Label, isDNS1123Subdomain } from '../validation/names.js';
import { validateGeneratedSelector, type JobObject } from './job-selector.js';
import { validatePodFailurePolicy, validatePodReplacementPolicy, validateSuccessPolicy } from './job-policies.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { convertSelector, selectorMissesTemplate } from './workload-selector.js';
import { selectorMismatch, validateNonnegative } from './workload-validation.js';

/** Upstream's ValidateJob and ValidateJobSpec (pkg/apis/batch/validation, v1.32). Defaults have been applied. */

const MAX_INDEXED_PARALLELISM = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const HIGH_COMPLETIONS_LIMIT = 10_000;
const MAX_MANAGED_BY_LENGTH = 63;
const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

export function validateJob(job: JobObject): FieldError[] {
  const spec = job.spec ?? {};
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(spec, 'spec')];
  // The pods of an Indexed job are named `<job>-<index>`, which must still be a DNS label.
  if (spec.completionMode === 'Indexed' && (spec.completions ?? 0) > 0) {
    const name = job.metadata.name ?? '';
    const hostname = `${name}-${spec.completions! - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** Upstream's ValidateJobSpec: the template checks plus a selector that is there, valid, and selects the pods. */
export function validateJobSpec(spec: JobSpec, path: string): FieldError[] {
  const errs = validateJobTemplateSpec(spec, path);
  const selectorPath = child(path, 'selector');
  if (!spec.selector) errs.push(required(selectorPath));
  else errs.push(...validateLabelSelector(spec.selector, selectorPath));
  const reqs = convertSelector(spec.selector);
  const labels = spec.template?.metadata?.labels;
  if (reqs !== undefined && selectorMissesTemplate(reqs, labels)) errs.push(selectorMismatch(child(path, 'template'), labels));
  return errs;
}

/** Upstream's validateJobSpec: everything a CronJob's job template is held to as well. */
export function validateJobTemplateSpec(spec: JobSpec, path: string): FieldError[] {
  const at = (field: string) => child(path, field);
  const errs: FieldError[] = [];
  for (const field of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'] as const) {
    errs.push(...validateNonnegative(spec[field], at(field)));
  }
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...validateNonnegative(spec.maxFailedIndexes, at('maxFailedIndexes')));
    if (spec.backoffLimitPerIndex === undefined) errs.push(required(at('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (spec.managedBy !== undefined) errs.push(...validateManagedBy(spec.managedBy, at('managedBy')));
  errs.push(...validateCompletionMode(spec, path));
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, at('podFailurePolicy')));
  if (spec.successPolicy) {
    if (spec.completionMode !== 'Indexed') errs.push(invalid(at('successPolicy'), spec.successPolicy, 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(spec, at('successPolicy')));
  }
  errs.push(...validatePodReplacementPolicy(spec, at('podReplacementPolicy')));
  errs.push(...validatePodTemplateSpec(spec.template ?? {}, at('template')));
  errs.push(...validateRestartPolicy(spec, child(child(at('template'), 'spec'), 'restartPolicy')));
  return errs;
}

function validateCompletionMode(spec: JobSpec, path: string): FieldError[] {
  const at = (field: string) => child(path, field);
  const mode = spec.completionMode;
  const errs: FieldError[] = [];
  if (mode !== undefined && !COMPLETION_MODES.includes(mode)) errs.push(notSupported(at('completionMode'), mode, COMPLETION_MODES));
  if (mode === 'Indexed') {
    const { completions, parallelism, maxFailedIndexes, backoffLimitPerIndex } = spec;
    if (completions === undefined) errs.push(required(at('completions'), 'when completion mode is Indexed'));
    if (parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) {
      errs.push(invalid(at('parallelism'), parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`));
    }
    if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
      errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, 'must be less than or equal to completions'));
    }
    if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES) {
      errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
    }
    if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && backoffLimitPerIndex !== undefined) {
      const high = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      if (maxFailedIndexes === undefined) {
        errs.push(required(at('maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
      }
      if (parallelism !== undefined && parallelism > HIGH_COMPLETIONS_LIMIT) {
        errs.push(invalid(at('parallelism'), parallelism, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${high}`));
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > HIGH_COMPLETIONS_LIMIT) {
        errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${high}`));
      }
    }
  } else {
    for (const field of ['backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
      const value = spec[field];
      if (value !== undefined) errs.push(invalid(at(field), value, 'requires indexed completion mode'));
    }
  }
  return errs;
}

/** Pods of a job must be able to finish: they may be restarted on failure, never for ever. */
function validateRestartPolicy(spec: JobSpec, path: string): FieldError[] {
  const policy = spec.template?.spec?.restartPolicy ?? '';
  if (policy === 'Always' || policy === '') return [required(path, 'valid values: "OnFailure", "Never"')];
  if (!JOB_RESTART_POLICIES.includes(policy)) return [notSupported(path, policy, JOB_RESTART_POLICIES)];
  if (spec.podFailurePolicy && policy !== 'Never') {
    return [invalid(path, policy, 'only "Never" is supported when podFailurePolicy is specified')];
  }
  return [];
}

/** Upstream's IsDomainPrefixedPath and the length limit on the managing controller's name. */
function validateManagedBy(value: string, path: string): FieldError[] {
  const errs = Buffer.byteLength(value) > MAX_MANAGED_BY_LENGTH ? [tooLong(path, MAX_MANAGED_BY_LENGTH)] : [];
  if (value === '') return [required(path), ...errs];
  const slash = value.indexOf('/');
  const host = slash < 0 ? '' : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (!host || !rest) return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")'), ...errs];
  const hostErrs = isDNS1123Subdomain(host).map((msg) => invalid(path, host, msg));
  if (!HTTP_PATH_RE.test(rest)) hostErrs.push(invalid(path, rest, `Invalid path (regex used for validation is '${HTTP_PATH_FMT}')`));
  return [...hostErrs, ...errs];
}
