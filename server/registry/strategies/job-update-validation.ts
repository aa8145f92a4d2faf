import type { PodTemplateSpec } from '../../../schemas/core/pod.js';
import type { JobSpec } from '../../../schemas/batch/job.js';
import { invalid, type FieldError } from '../field-errors.js';
import { semanticEqual } from './semantic-equal.js';

/**
 * Upstream's ValidateJobSpecUpdate (v1.32): most of a job is fixed once it exists. Completions may change only for
 * an Indexed job scaled elastically (completions kept equal to parallelism); a suspended job that never started
 * may still move its pods (node selector, affinity, tolerations, scheduling gates, template labels and annotations).
 */

interface JobLike {
  spec?: JobSpec;
  status?: { startTime?: string | null };
}

const IMMUTABLE = ['selector', 'completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'] as const;

function immutable(path: string, value: unknown, old: unknown): FieldError[] {
  return semanticEqual(value, old) ? [] : [invalid(path, value ?? null, 'field is immutable')];
}

function validateCompletions(spec: JobSpec, old: JobSpec): FieldError[] {
  if (spec.completionMode !== 'Indexed') return immutable('spec.completions', spec.completions, old.completions);
  if (spec.completions === old.completions || spec.completions === undefined) return [];
  if (spec.completions !== spec.parallelism) {
    return [invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')];
  }
  return [];
}

/** Drops undefined members, which JSON (and so the stored object) would not have. */
function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined)) as T;
}

/** The old template with the scheduling directives the new one sets: what must otherwise stay the same. */
function withSchedulingFrom(template: PodTemplateSpec, old: PodTemplateSpec): PodTemplateSpec {
  const affinity = defined({ ...old.spec?.affinity, nodeAffinity: template.spec?.affinity?.nodeAffinity });
  const spec = defined({
    ...old.spec,
    affinity,
    nodeSelector: template.spec?.nodeSelector,
    tolerations: template.spec?.tolerations,
    schedulingGates: template.spec?.schedulingGates,
  });
  const metadata = defined({ ...old.metadata, labels: template.metadata?.labels, annotations: template.metadata?.annotations });
  return { ...old, metadata, spec };
}

export function validateJobSpecUpdate(job: JobLike, old: JobLike): FieldError[] {
  const spec = job.spec ?? {};
  const oldSpec = old.spec ?? {};
  const errs = validateCompletions(spec, oldSpec);
  for (const field of IMMUTABLE) errs.push(...immutable(`spec.${field}`, spec[field], oldSpec[field]));
  const template = spec.template ?? {};
  const suspendedNeverStarted = oldSpec.suspend === true && !old.status?.startTime;
  const baseline = suspendedNeverStarted ? withSchedulingFrom(template, oldSpec.template ?? {}) : oldSpec.template;
  errs.push(...immutable('spec.template', template, baseline));
  return errs;
}
