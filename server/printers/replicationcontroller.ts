import type { Static } from '@sinclair/typebox';
import type { ReplicationController } from '../../schemas/core/replicationcontroller.js';
import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, docColumn } from './columns.js';
import { formatLabels, layoutContainerCells } from './format.js';
import { definePrinter } from './printer.js';

type ReplicationControllerObject = Static<typeof ReplicationController> & KubeObject;

export const replicationControllerPrinter = definePrinter<ReplicationControllerObject>({
  columns: [
    NAME_COLUMN,
    docColumn('Desired', 'integer', 'ReplicationControllerSpec.replicas'),
    docColumn('Current', 'integer', 'ReplicationControllerStatus.replicas'),
    docColumn('Ready', 'integer', 'ReplicationControllerStatus.readyReplicas'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'ReplicationControllerSpec.selector', 1),
  ],
  cells(rc, now) {
    return [
      rc.metadata.name ?? '',
      rc.spec?.replicas ?? 0,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      translateTimestampSince(rc.metadata.creationTimestamp, now),
      ...layoutContainerCells(rc.spec?.template?.spec?.containers),
      // An RC selector is a plain map, printed like labels rather than as a LabelSelector.
      formatLabels(rc.spec?.selector),
    ];
  },
});
