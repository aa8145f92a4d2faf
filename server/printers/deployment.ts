import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, column, docColumn } from './columns.js';
import { int, labelSelectorString, layoutContainerCells } from './format.js';
import { definePrinter } from './printer.js';
import type { TemplateWorkload } from './workload.js';

/** Up-to-date and Available are declared string columns upstream, yet their cells are integers. */
export const deploymentPrinter = definePrinter<TemplateWorkload>({
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    docColumn('Up-to-date', 'string', 'DeploymentStatus.updatedReplicas'),
    docColumn('Available', 'string', 'DeploymentStatus.availableReplicas'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'DeploymentSpec.selector', 1),
  ],
  cells(d, now) {
    return [
      d.metadata.name ?? '',
      `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
      int(d.status?.updatedReplicas),
      int(d.status?.availableReplicas),
      translateTimestampSince(d.metadata.creationTimestamp, now),
      ...layoutContainerCells(d.spec?.template?.spec?.containers),
      labelSelectorString(d.spec?.selector),
    ];
  },
});
