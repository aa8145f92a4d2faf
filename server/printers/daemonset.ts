import type { Static } from '@sinclair/typebox';
import type { DaemonSet } from '../../schemas/apps/daemonset.js';
import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, docColumn } from './columns.js';
import { formatLabelSelector, formatLabels, layoutContainerCells } from './format.js';
import { definePrinter } from './printer.js';

type DaemonSetObject = Static<typeof DaemonSet> & KubeObject;

export const daemonSetPrinter = definePrinter<DaemonSetObject>({
  columns: [
    NAME_COLUMN,
    docColumn('Desired', 'integer', 'DaemonSetStatus.desiredNumberScheduled'),
    docColumn('Current', 'integer', 'DaemonSetStatus.currentNumberScheduled'),
    docColumn('Ready', 'integer', 'DaemonSetStatus.numberReady'),
    docColumn('Up-to-date', 'integer', 'DaemonSetStatus.updatedNumberScheduled'),
    docColumn('Available', 'integer', 'DaemonSetStatus.numberAvailable'),
    docColumn('Node Selector', 'string', 'PodSpec.nodeSelector'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    docColumn('Selector', 'string', 'DaemonSetSpec.selector', 1),
  ],
  cells(ds, now) {
    const status = ds.status ?? {};
    const podSpec = ds.spec?.template?.spec;
    return [
      ds.metadata.name ?? '',
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(podSpec?.nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
      ...layoutContainerCells(podSpec?.containers),
      formatLabelSelector(ds.spec?.selector),
    ];
  },
});
