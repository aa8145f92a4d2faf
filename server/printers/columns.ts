import { FIELD_DOCS, type FieldDoc } from './descriptions.js';
import type { TableColumn } from './printer.js';

type ColumnType = TableColumn['type'];

/** A column whose description is upstream's literal text rather than a field doc. */
export function column(name: string, type: ColumnType, description: string, priority: 0 | 1 = 0): TableColumn {
  return { name, type, format: '', description, priority };
}

/** A column described by an API field's doc, as most of upstream's columns are. */
export function docColumn(name: string, type: ColumnType, doc: FieldDoc, priority: 0 | 1 = 0): TableColumn {
  return column(name, type, FIELD_DOCS[doc], priority);
}

/** The `format: name` column kubectl prefixes with `kind.group/` when several kinds are listed together. */
export const NAME_COLUMN: TableColumn = { ...docColumn('Name', 'string', 'ObjectMeta.name'), format: 'name' };

export const AGE_COLUMN: TableColumn = docColumn('Age', 'string', 'ObjectMeta.creationTimestamp');

/** The wide-only Containers and Images pair every pod-template kind shares. */
export const TEMPLATE_COLUMNS: TableColumn[] = [
  column('Containers', 'string', 'Names of each container in the template.', 1),
  column('Images', 'string', 'Images referenced by each container in the template.', 1),
];
