import type { Namespace } from '../../schemas/core/namespace.js';
import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { definePrinter } from './printer.js';

type NamespaceObject = Namespace & KubeObject;

export const namespacePrinter = definePrinter<NamespaceObject>({
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells(ns, now) {
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, now)];
  },
});
