import type { JobSpec, JobStatus } from '../../../schemas/batch/job.js';
import { child, duplicate, invalid, required, type FieldError } from '../field-errors.js';
import { validateNonnegative } from './workload-validation.js';

/**
 * Upstream's ValidateJobStatusUpdate with the options v1.32 turns on (JobManagedBy is beta): counters, the
 * uncounted pod lists, and the transitions a job controller — ours or an external one — may never make. Rules about
 * a status field apply only when the write changes that field, so a job whose status was fine keeps updating.
 */

interface JobLike {
  spec?: JobSpec;
  status?: JobStatus;
}

const TERMINAL_CONDITIONS = ['Failed', 'Complete', 'FailureTarget'] as const;

function invalidWithoutValue(field: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${detail}` };
}

function conditionTrue(status: JobStatus | undefined, type: string): boolean {
  return (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

const isComplete = (s: JobStatus | undefined) => conditionTrue(s, 'Complete');
const isFailed = (s: JobStatus | undefined) => conditionTrue(s, 'Failed');
const isFinished = (s: JobStatus | undefined) => isComplete(s) || isFailed(s);

function validateUncounted(status: JobStatus): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const list of ['succeeded', 'failed'] as const) {
    const path = child('status.uncountedTerminatedPods', list);
    (status.uncountedTerminatedPods?.[list] ?? []).forEach((uid, i) => {
      if (uid === '') errs.push(invalid(child(path, i), uid, 'must not be empty'));
      else if (seen.has(uid)) errs.push(duplicate(child(path, i), uid));
      seen.add(uid);
    });
  }
  return errs;
}

export function validateJobStatusUpdate(job: JobLike, old: JobLike): FieldError[] {
  const status = job.status ?? {};
  const before = old.status ?? {};
  const errs: FieldError[] = [];
  for (const name of ['active', 'succeeded', 'failed', 'ready', 'terminating'] as const) {
    errs.push(...validateNonnegative(status[name], child('status', name)));
  }
  errs.push(...validateUncounted(status));
  const completeChanged = isComplete(status) !== isComplete(before);
  const failedChanged = isFailed(status) !== isFailed(before);
  const completionTimeChanged = (status.completionTime ?? null) !== (before.completionTime ?? null);
  const startTimeChanged = (status.startTime ?? null) !== (before.startTime ?? null);
  if ((completeChanged || failedChanged) && isComplete(status) && isFailed(status)) {
    errs.push(invalidWithoutValue('status.conditions', 'cannot set Complete=True and Failed=true conditions'));
  }
  if ((completeChanged || completionTimeChanged) && status.completionTime && !isComplete(status)) {
    errs.push(invalid('status.completionTime', status.completionTime, 'cannot set completionTime when there is no Complete=True condition'));
  }
  if ((completeChanged || completionTimeChanged) && !status.completionTime && isComplete(status)) {
    errs.push(required('status.completionTime', 'completionTime is required for Complete jobs'));
  }
  const finishedChanged = isFinished(status) !== isFinished(before);
  if ((finishedChanged || (status.active ?? 0) !== (before.active ?? 0)) && (status.active ?? 0) > 0 && isFinished(status)) {
    errs.push(invalid('status.active', status.active, 'active>0 is invalid for finished job'));
  }
  if ((finishedChanged || startTimeChanged) && !status.startTime && isFinished(status)) {
    errs.push(required('status.startTime', 'startTime is required for finished job'));
  }
  for (const type of TERMINAL_CONDITIONS) {
    if (conditionTrue(before, type) && !conditionTrue(status, type)) {
      errs.push(invalidWithoutValue('status.conditions', `cannot disable the terminal ${type}=True condition`));
    }
  }
  if ((status.failed ?? 0) < (before.failed ?? 0)) {
    errs.push(invalid('status.failed', status.failed ?? 0, 'cannot decrease the failed counter'));
  }
  // An elastic Indexed job (completions == parallelism) may be scaled down, and lose succeeded pods with it.
  const elastic = job.spec?.completionMode === 'Indexed' && job.spec.completions === job.spec.parallelism;
  if (!elastic && (status.succeeded ?? 0) < (before.succeeded ?? 0)) {
    errs.push(invalid('status.succeeded', status.succeeded ?? 0, 'cannot decrease the succeeded counter'));
  }
  if (status.completionTime && before.completionTime && status.completionTime !== before.completionTime) {
    errs.push(invalid('status.completionTime', status.completionTime, 'completionTime cannot be mutated'));
  }
  return errs;
}
