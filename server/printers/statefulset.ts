import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, column } from './columns.js';
import { int, layoutContainerCells } from './format.js';
import { definePrinter } from './printer.js';
import type { TemplateWorkload } from './workload.js';

export const statefulSetPrinter = definePrinter<TemplateWorkload>({
  columns: [NAME_COLUMN, column('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, ...TEMPLATE_COLUMNS],
  cells(sts, now) {
    return [
      sts.metadata.name ?? '',
      `${int(sts.status?.readyReplicas)}/${int(sts.spec?.replicas)}`,
      translateTimestampSince(sts.metadata.creationTimestamp, now),
      ...layoutContainerCells(sts.spec?.template?.spec?.containers),
    ];
  },
});
