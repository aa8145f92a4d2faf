import type { KubeObject } from '../../schemas/meta.js';
import type { Printer, TableColumn } from './printer.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** meta.k8s.io/v1 or v1beta1, whichever the client asked for. */
  apiVersion: string;
  includeObject: IncludeObject;
  now: number;
  /** Column definitions are sent once per response (and once per watch, on its first event). */
  withColumns: boolean;
  listMeta?: Record<string, unknown>;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: Record<string, unknown>;
  columnDefinitions: TableColumn[];
  rows: Array<{ cells: unknown[]; object?: unknown }>;
}

function rowObject(obj: KubeObject, include: IncludeObject, apiVersion: string): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion, metadata: obj.metadata };
}

/** Server-side printing: what `kubectl get` shows, one row per object, columns from the kind's printer. */
export function toTable(printer: Printer, items: KubeObject[], options: TableOptions): Table {
  return {
    kind: 'Table',
    apiVersion: options.apiVersion,
    metadata: options.listMeta ?? {},
    columnDefinitions: options.withColumns ? printer.columns : [],
    rows: items.map((obj) => {
      const object = rowObject(obj, options.includeObject, options.apiVersion);
      return object === undefined ? { cells: printer.cells(obj, options.now) } : { cells: printer.cells(obj, options.now), object };
    }),
  };
}
