import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, docColumn } from './columns.js';
import { formatLabelSelector, int, layoutContainerCells } from './format.js';
import { definePrinter } from './printer.js';
import type { TemplateWorkload } from './workload.js';

export const replicaSetPrinter = definePrinter<TemplateWorkload>({
  columns: [
    NAME_COLUMN,
    docColumn('Desired', 'integer', 'ReplicaSetSpec.replicas'),
    docColumn('Current', 'integer', 'ReplicaSetStatus.replicas'),
    docColumn('Ready', 'integer', 'ReplicaSetStatus.readyReplicas'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'ReplicaSetSpec.selector', 1),
  ],
  cells(rs, now) {
    return [
      rs.metadata.name ?? '',
      int(rs.spec?.replicas),
      int(rs.status?.replicas),
      int(rs.status?.readyReplicas),
      translateTimestampSince(rs.metadata.creationTimestamp, now),
      ...layoutContainerCells(rs.spec?.template?.spec?.containers),
      formatLabelSelector(rs.spec?.selector),
    ];
  },
});
