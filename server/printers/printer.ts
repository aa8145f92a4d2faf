import type { KubeObject } from '../../schemas/meta.js';

/** A column of a meta.k8s.io/v1 Table, as upstream's printers declare it (TableColumnDefinition). */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  /** 'name' on the first column makes kubectl prefix `kind.group/` when listing several types. */
  format: string;
  description: string;
  /** 0: always shown; 1: only with `kubectl get -o wide`. */
  priority: 0 | 1;
}

/** How one kind prints in `kubectl get`: upstream's column list and the cells of one row. */
export interface Printer<T extends KubeObject = KubeObject> {
  columns: TableColumn[];
  /** One cell per column, in order; `now` (ms) makes ages deterministic in tests. */
  cells(obj: T, now: number): unknown[];
}

/** A printer written against a kind's type, usable where a KubeObject printer is expected. */
export function definePrinter<T extends KubeObject>(printer: Printer<T>): Printer {
  return printer as unknown as Printer;
}
