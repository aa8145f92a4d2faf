import type { ReplicationControllerSpec, ReplicationControllerStatus } from '../../../schemas/core/replicationcontroller.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { required, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';
import { setPodTemplateDefaults } from './pod-defaults.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { selectorMismatch, validateLongRunningTemplate, validateNonnegative, validateReplicaCounts } from './workload-validation.js';

export interface ReplicationControllerObject extends KubeObject {
  spec?: ReplicationControllerSpec;
  status?: ReplicationControllerStatus;
}

type Labels = Record<string, string> | undefined;

function isEmpty(map: Labels): boolean {
  return Object.keys(map ?? {}).length === 0;
}

/** labels.SelectorFromSet(selector).Matches(labels): every selector pair must be present with the same value. */
function mapSelects(selector: Record<string, string>, labels: Labels): boolean {
  return Object.entries(selector).every(([key, value]) => labels !== undefined && Object.hasOwn(labels, key) && labels[key] === value);
}

/** core/v1 writes `replicas` without omitempty, so even a fresh controller shows it as 0. */
function withZeroReplicas(status: ReplicationControllerStatus | undefined): ReplicationControllerStatus {
  return { replicas: 0, ...status };
}

/** Upstream's ValidateReplicationControllerSpec; its selector is a plain map whose syntax upstream never checks. */
function validateSpec(spec: ReplicationControllerSpec): FieldError[] {
  const selector = spec.selector ?? {};
  const errs = validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds');
  if (isEmpty(selector)) errs.push(required('spec.selector'));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  const template = spec.template;
  if (!template) return [...errs, required('spec.template')];
  const labels = template.metadata?.labels;
  if (!isEmpty(selector) && !mapSelects(selector, labels)) errs.push(selectorMismatch('spec.template', labels));
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...validateLongRunningTemplate(template, 'spec.template', 'ReplicationController'));
  return errs;
}

const COUNTERS = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const;

/** Upstream's ValidateReplicationControllerStatus: no subset count may exceed the count it is a subset of. */
function validateStatus(status: ReplicationControllerStatus): FieldError[] {
  return validateReplicaCounts(status, COUNTERS, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'], 'readyReplicas');
}

/**
 * core/v1 ReplicationController (pkg/registry/core/replicationcontroller/strategy.go). The generic store already
 * handles metadata.generation and copies status from the old object on update, so upstream's PrepareForUpdate has
 * nothing left to do here.
 */
export const replicationControllerStrategy = defineStrategy<ReplicationControllerObject>({
  // SetDefaults_ReplicationController: an RC written with only a template selects, and is labelled like, its pods.
  applyDefaults(rc) {
    const spec = (rc.spec ??= {});
    const labels = spec.template?.metadata?.labels;
    if (!isEmpty(labels)) {
      if (isEmpty(spec.selector)) spec.selector = { ...labels };
      if (isEmpty(rc.metadata.labels)) rc.metadata.labels = { ...labels };
    }
    // Unlike DaemonSet's, this template is a pointer upstream: an absent one stays absent and fails validation.
    if (spec.template) setPodTemplateDefaults(spec.template);
    spec.replicas ??= 1;
  },

  prepareForCreate(rc) {
    rc.status = withZeroReplicas(undefined);
  },

  validate(rc) {
    return validateSpec(rc.spec ?? {});
  },

  prepareForStatusUpdate(rc) {
    rc.status = withZeroReplicas(rc.status);
  },

  validateStatusUpdate(rc) {
    return validateStatus(rc.status ?? {});
  },

  selectableFields: {
    'status.replicas': (rc) => String(rc.status?.replicas ?? 0),
  },
});
