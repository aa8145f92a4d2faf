import type { JobSpec } from '../../../schemas/batch/job.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { setPodTemplateDefaults } from './pod-defaults.js';

const MAX_INT32 = 2147483647;

/**
 * SetDefaults_Job (v1.32, JobPodReplacementPolicy on) and the pod-template defaults. The template is a value in Go,
 * so it always exists. A job without labels takes its pods' labels, as the client wrote them.
 */
export function setJobDefaults(job: KubeObject & { spec?: JobSpec }): void {
  const spec = (job.spec ??= {});
  const template = (spec.template ??= {});
  setPodTemplateDefaults(template);
  // A job that sets neither runs one pod to completion.
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex === undefined ? 6 : MAX_INT32;
  const labels = template.metadata?.labels;
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= 'True';
  }
  // With a pod failure policy, a pod must have finished before the policy can judge it and a replacement start.
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
}
