import type { ReplicaSetSpec, ReplicaSetStatus } from '../../../schemas/apps/replicaset.js';
import type { PodTemplateSpec } from '../../../schemas/core/pod.js';
import type { LabelSelector } from '../../../schemas/meta.js';
import { invalid, required, type FieldError } from '../field-errors.js';
import type { LabelRequirement, MatchesNothing } from '../selectors/label-selector.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { convertSelector, isEmptySelector, selectorMissesTemplate } from './workload-selector.js';
import { selectorMismatch, validateLongRunningTemplate, validateNonnegative, validateReplicaCounts } from './workload-validation.js';

/** Upstream's ValidateReplicaSetSpec and the parts Deployment shares with it. Defaults have been applied. */

interface SelectedTemplate {
  selector?: LabelSelector;
  template?: PodTemplateSpec;
}

/**
 * The selector (required, valid, not empty) and the pod template it must select. Upstream words the empty-selector
 * error after deployments for ReplicaSets too. A selector that does not convert hides the template's own errors.
 */
export function validateSelectorAndTemplate(spec: SelectedTemplate): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.selector) {
    errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for deployment'));
  }
  const reqs = convertSelector(spec.selector);
  if (reqs === undefined) return [...errs, invalid('spec.selector', spec.selector ?? null, 'invalid label selector')];
  return [...errs, ...validateTemplateForReplicaSet(spec.template ?? {}, reqs, 'spec.template')];
}

/** Upstream's ValidatePodTemplateSpecForReplicaSet: the pods must be selected, valid and long-running. */
function validateTemplateForReplicaSet(
  template: PodTemplateSpec,
  reqs: LabelRequirement[] | MatchesNothing,
  path: string,
): FieldError[] {
  const labels = template.metadata?.labels;
  const errs = selectorMissesTemplate(reqs, labels) ? [selectorMismatch(path, labels)] : [];
  errs.push(...validatePodTemplateSpec(template, path));
  errs.push(...validateLongRunningTemplate(template, path, 'ReplicaSet'));
  return errs;
}

export function validateReplicaSetSpec(spec: ReplicaSetSpec): FieldError[] {
  return [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec),
  ];
}

const COUNTERS = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const;

/** Upstream's ValidateReplicaSetStatus: no subset count may exceed the count it is a subset of. */
export function validateReplicaSetStatus(status: ReplicaSetStatus): FieldError[] {
  return validateReplicaCounts(status, COUNTERS, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'], 'readyReplicas');
}
