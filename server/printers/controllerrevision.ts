import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column, docColumn } from './columns.js';
import { controllerOf } from './format.js';
import { definePrinter } from './printer.js';

interface ControllerRevisionObject extends KubeObject {
  revision?: number;
}

/**
 * The Controller cell: `kind.group/name` lower-cased (group omitted for core) for the controlling owner, `<none>`
 * without one. The group is what precedes the single `/` of its apiVersion.
 */
function controllerName(obj: KubeObject): string {
  const ref = controllerOf(obj.metadata.ownerReferences);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  if (!group && !ref.kind) return ref.name;
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

/** Revision is declared a string column upstream, yet its cell is the integer revision. */
export const controllerRevisionPrinter = definePrinter<ControllerRevisionObject>({
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    docColumn('Revision', 'string', 'ControllerRevision.revision'),
    AGE_COLUMN,
  ],
  cells(cr, now) {
    return [
      cr.metadata.name ?? '',
      controllerName(cr),
      cr.revision ?? 0,
      translateTimestampSince(cr.metadata.creationTimestamp, now),
    ];
  },
});
