import type { JobSpec, JobStatus } from '../../../schemas/batch/job.js';
import { defineStrategy } from '../strategy.js';
import { setJobDefaults } from './job-defaults.js';
import { generateSelector, type JobObject as SelectingJob } from './job-selector.js';
import { validateJobStatusUpdate } from './job-status-validation.js';
import { validateJobSpecUpdate } from './job-update-validation.js';
import { validateJob } from './job-validation.js';

export interface JobObject extends SelectingJob {
  spec?: JobSpec;
  status?: JobStatus;
}

/**
 * batch/v1 Job (pkg/registry/batch/job/strategy.go). The generic store sets generation 1 on create, bumps it on
 * spec changes and keeps status on main-resource writes; what is left here is the kind's own. The selector is
 * generated at creation, once the job has its uid.
 */
export const jobStrategy = defineStrategy<JobObject>({
  applyDefaults: setJobDefaults,

  prepareForCreate(job) {
    generateSelector(job);
    job.status = {};
  },

  validate: validateJob,

  validateUpdate: validateJobSpecUpdate,

  validateStatusUpdate: validateJobStatusUpdate,

  selectableFields: {
    'status.successful': (job) => String(job.status?.succeeded ?? 0),
  },
});
