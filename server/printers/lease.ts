import type { Lease } from '../../schemas/coordination/lease.js';
import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, docColumn } from './columns.js';
import { definePrinter } from './printer.js';

type LeaseObject = Lease & KubeObject;

export const leasePrinter = definePrinter<LeaseObject>({
  columns: [NAME_COLUMN, docColumn('Holder', 'string', 'LeaseSpec.holderIdentity'), AGE_COLUMN],
  cells(lease, now) {
    return [
      lease.metadata.name ?? '',
      lease.spec?.holderIdentity ?? '',
      translateTimestampSince(lease.metadata.creationTimestamp, now),
    ];
  },
});
