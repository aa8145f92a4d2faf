import type {
  RollingUpdateStatefulSetStrategy,
  StatefulSetSpec,
  StatefulSetStatus,
  StatefulSetUpdateStrategy,
} from '../../../schemas/apps/statefulset.js';
import type { PodTemplateSpec } from '../../../schemas/core/pod.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { validateAnnotations, validateLabels } from '../validation/object-meta.js';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { convertSelector, isEmptySelector, selectorMissesTemplate } from './workload-selector.js';
import { selectorMismatch, validateLongRunningTemplate, validateNonnegative, validateReplicaCounts } from './workload-validation.js';

/**
 * Upstream's ValidateStatefulSetSpec (v1.32). Unlike the other workloads, the pod spec of the template is not
 * validated upstream (its volumes may name claims that only the volumeClaimTemplates provide): only its labels,
 * annotations, restart policy and deadline are.
 */

const RETENTION_POLICIES = ['Retain', 'Delete'];

export function validateStatefulSetSpec(spec: StatefulSetSpec): FieldError[] {
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errs.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(spec.updateStrategy ?? {}, 'spec.updateStrategy'));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const when of ['whenDeleted', 'whenScaled'] as const) {
      const value = retention[when] ?? '';
      if (!RETENTION_POLICIES.includes(value)) {
        errs.push(notSupported(child('spec.persistentVolumeClaimRetentionPolicy', when), value, RETENTION_POLICIES));
      }
    }
  }
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...validateNonnegative(spec.ordinals.start, 'spec.ordinals.start'));
  if (!spec.selector) {
    errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for statefulset'));
  }
  const template = spec.template ?? {};
  const reqs = convertSelector(spec.selector);
  if (reqs === undefined) errs.push(invalid('spec.selector', spec.selector ?? null));
  else {
    const labels = template.metadata?.labels;
    if (selectorMissesTemplate(reqs, labels)) errs.push(selectorMismatch('spec.template', labels));
    errs.push(...validateTemplateMetadata(template, 'spec.template'));
  }
  errs.push(...validateLongRunningTemplate(template, 'spec.template', 'StatefulSet'));
  return errs;
}

/** Upstream checks template labels and annotations one level up, at `<template>.labels`. */
function validateTemplateMetadata(template: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(template.metadata?.labels, child(path, 'labels')),
    ...validateAnnotations(template.metadata?.annotations, child(path, 'annotations')),
  ];
}

function validateUpdateStrategy(strategy: StatefulSetUpdateStrategy, path: string): FieldError[] {
  const rollingUpdatePath = child(path, 'rollingUpdate');
  switch (strategy.type) {
    case undefined:
    case '':
      return [required(path)];
    case 'OnDelete':
      return strategy.rollingUpdate
        ? [invalid(rollingUpdatePath, strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")]
        : [];
    case 'RollingUpdate':
      return strategy.rollingUpdate ? validateRollingUpdate(strategy.rollingUpdate, rollingUpdatePath) : [];
    default:
      return [invalid(path, strategy, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

function validateRollingUpdate(rollingUpdate: RollingUpdateStatefulSetStrategy, path: string): FieldError[] {
  const errs = validateNonnegative(rollingUpdate.partition, child(path, 'partition'));
  const maxUnavailable = rollingUpdate.maxUnavailable;
  if (maxUnavailable !== undefined) {
    const maxPath = child(path, 'maxUnavailable');
    errs.push(...validatePositiveIntOrPercent(maxUnavailable, maxPath));
    if (intOrPercentValue(maxUnavailable) === 0) errs.push(invalid(maxPath, maxUnavailable, 'cannot be 0'));
    errs.push(...notMoreThan100Percent(maxUnavailable, maxPath));
  }
  return errs;
}

/** The fields an update may change; upstream forbids touching anything else in the spec. */
export const STATEFULSET_MUTABLE_FIELDS = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
] as const;

export const STATEFULSET_FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
  "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const COUNTERS = ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'observedGeneration', 'collisionCount'] as const;

/** Upstream's ValidateStatefulSetStatus: no subset count may exceed the count it is a subset of. */
export function validateStatefulSetStatus(status: StatefulSetStatus): FieldError[] {
  const subsets = ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'] as const;
  return validateReplicaCounts(status, COUNTERS, subsets, 'status.readyReplicas');
}
