import type { KubeObject, LabelSelector } from '../../schemas/meta.js';
import { humanDuration, parseTimestamp, translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, column, docColumn } from './columns.js';
import { formatLabelSelector, int, layoutContainerCells, list } from './format.js';
import { definePrinter } from './printer.js';

interface JobObject extends KubeObject {
  spec?: {
    completions?: number | null;
    parallelism?: number | null;
    selector?: LabelSelector | null;
    template?: { spec?: { containers?: { name?: unknown; image?: unknown }[] } };
  };
  status?: {
    succeeded?: unknown;
    startTime?: string | null;
    completionTime?: string | null;
    conditions?: { type?: string; status?: string }[];
  };
}

/** hasJobCondition: the first condition of the type decides. */
function hasCondition(job: JobObject, type: string): boolean {
  return list(job.status?.conditions).find((c) => c.type === type)?.status === 'True';
}

/** printJob's Status: finished states first, then deletion, then the conditions a running job can carry. */
function jobStatus(job: JobObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `succeeded/completions`; without completions a job needs one success, and parallelism above one is shown. */
function jobCompletions(job: JobObject): string {
  const succeeded = int(job.status?.succeeded);
  const completions = job.spec?.completions;
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = int(job.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Empty before the job starts, running time until it completes, then the time it took. */
function jobDuration(job: JobObject, now: number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const completion = parseTimestamp(job.status?.completionTime);
  return humanDuration((completion ?? now) - start);
}

export const jobPrinter = definePrinter<JobObject>({
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    docColumn('Completions', 'string', 'JobStatus.succeeded'),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'JobSpec.selector', 1),
  ],
  cells(job, now) {
    return [
      job.metadata.name ?? '',
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      translateTimestampSince(job.metadata.creationTimestamp, now),
      ...layoutContainerCells(job.spec?.template?.spec?.containers),
      formatLabelSelector(job.spec?.selector),
    ];
  },
});
