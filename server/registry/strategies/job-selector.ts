import type { JobSpec } from '../../../schemas/batch/job.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { child, invalid, keyed, required, type FieldError } from '../field-errors.js';
import { matchesLabels } from '../selectors/label-selector.js';
import { convertSelector } from './workload-selector.js';

/**
 * A Job's pods are found by labels the system chooses (pkg/registry/batch/job/strategy.go generateSelector): the
 * job's uid makes them unique to it, the name is there for people. The unprefixed labels are kept for old clients.
 */
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';

export interface JobObject extends KubeObject {
  spec?: JobSpec;
}

function generatedLabels(job: JobObject): Record<string, string> {
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  return {
    [LEGACY_JOB_NAME_LABEL]: name,
    [JOB_NAME_LABEL]: name,
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [CONTROLLER_UID_LABEL]: uid,
  };
}

/**
 * Labels the template and selects on the uid, unless the client chose its own selector. Labels and a selector term
 * the client set are left for validation to judge.
 */
export function generateSelector(job: JobObject): void {
  const spec = (job.spec ??= {});
  if (spec.manualSelector) return;
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  const labels = (meta.labels ??= {});
  for (const [key, value] of Object.entries(generatedLabels(job))) if (!Object.hasOwn(labels, key)) labels[key] = value;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  if (!Object.hasOwn(matchLabels, CONTROLLER_UID_LABEL)) matchLabels[CONTROLLER_UID_LABEL] = job.metadata.uid ?? '';
}

/** Upstream's validateGeneratedSelector: the generated labels are there, hold the right values, and are selected. */
export function validateGeneratedSelector(job: JobObject): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector || !spec.selector) return [];
  const errs: FieldError[] = [];
  if (!job.metadata.uid) errs.push(required('metadata.uid'));
  const labels = spec.template?.metadata?.labels ?? {};
  const labelsPath = 'spec.template.metadata.labels';
  const expected = generatedLabels(job);
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL, CONTROLLER_UID_LABEL, JOB_NAME_LABEL]) {
    if (!Object.hasOwn(labels, key)) errs.push(required(keyed(labelsPath, key), expected[key]));
    else if (labels[key] !== expected[key]) errs.push(invalid(keyed(labelsPath, key), labels, expected[key]));
  }
  const reqs = convertSelector(spec.selector);
  if (reqs !== undefined && !matchesLabels(reqs, expected)) {
    errs.push(invalid(child('spec', 'selector'), spec.selector, '`selector` not auto-generated'));
  }
  return errs;
}
