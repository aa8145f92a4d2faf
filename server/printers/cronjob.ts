import type { CronJob } from '../../schemas/batch/cronjob.js';
import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, column, docColumn } from './columns.js';
import { formatLabelSelector, layoutContainerCells, list } from './format.js';
import { definePrinter } from './printer.js';

type CronJobObject = CronJob & KubeObject;

interface JobTemplate {
  spec?: { selector?: Parameters<typeof formatLabelSelector>[0]; template?: { spec?: { containers?: { name?: unknown; image?: unknown }[] } } };
}

/** printBoolPtr: an unset pointer prints as <unset>. */
function boolPointer(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter = definePrinter<CronJobObject>({
  columns: [
    NAME_COLUMN,
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process.'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'JobSpec.selector', 1),
  ],
  cells(cronJob, now) {
    const template = cronJob.spec?.jobTemplate as JobTemplate | undefined;
    const lastSchedule = cronJob.status?.lastScheduleTime;
    return [
      cronJob.metadata.name ?? '',
      cronJob.spec?.schedule ?? '',
      cronJob.spec?.timeZone ?? '<none>',
      boolPointer(cronJob.spec?.suspend),
      list(cronJob.status?.active).length,
      lastSchedule ? translateTimestampSince(lastSchedule, now) : '<none>',
      translateTimestampSince(cronJob.metadata.creationTimestamp, now),
      ...layoutContainerCells(template?.spec?.template?.spec?.containers),
      formatLabelSelector(template?.spec?.selector),
    ];
  },
});
