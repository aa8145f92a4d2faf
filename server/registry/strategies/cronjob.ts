import type { CronJob } from '../../../schemas/batch/cronjob.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';

type CronJobObject = CronJob & KubeObject;

interface JobTemplate {
  spec?: { template?: { spec?: { containers?: unknown[]; restartPolicy?: string } } };
}

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];
// robfig/cron's standard descriptors, which upstream's parser accepts besides five fields.
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** The shape check of robfig/cron's ParseStandard; field ranges are left to a real scheduler. */
function validateSchedule(schedule: string): FieldError[] {
  const trimmed = schedule.trim();
  if (DESCRIPTORS.has(trimmed) || trimmed.startsWith('@every ')) return [];
  const fields = trimmed.split(/\s+/).filter(Boolean);
  if (fields.length === 5) return [];
  return [invalid('spec.schedule', schedule, `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)];
}

/**
 * batch/v1 CronJob, validated lightly: a schedule of five fields and a job template whose pods can finish.
 * Defaults are SetDefaults_CronJob's; status starts empty and belongs to the (absent) CronJob controller.
 */
export const cronJobStrategy = defineStrategy<CronJobObject>({
  applyDefaults(cronJob) {
    const spec = (cronJob.spec ??= {});
    spec.concurrencyPolicy ||= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
  },

  prepareForCreate(cronJob) {
    cronJob.status = {};
  },

  validate(cronJob) {
    const spec = cronJob.spec ?? {};
    const errs: FieldError[] = [];
    if (!spec.schedule) errs.push(required('spec.schedule'));
    else errs.push(...validateSchedule(spec.schedule));
    if (!CONCURRENCY_POLICIES.includes(spec.concurrencyPolicy ?? '')) {
      errs.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', CONCURRENCY_POLICIES));
    }
    const podSpec = (spec.jobTemplate as JobTemplate | undefined)?.spec?.template?.spec;
    if ((podSpec?.containers?.length ?? 0) === 0) errs.push(required('spec.jobTemplate.spec.template.spec.containers'));
    const restartPolicy = podSpec?.restartPolicy ?? 'Always';
    if (!JOB_RESTART_POLICIES.includes(restartPolicy)) {
      errs.push(notSupported('spec.jobTemplate.spec.template.spec.restartPolicy', restartPolicy, JOB_RESTART_POLICIES));
    }
    return errs;
  },
});
