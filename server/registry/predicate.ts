import type { KubeObject } from '../../schemas/meta.js';
import { convertFieldSelector, matchesFields, parseFieldSelector, type FieldRequirement } from './selectors/field-selector.js';
import { matchesLabels, parseLabelSelector, type LabelRequirement } from './selectors/label-selector.js';
import type { ResourceDef } from './resource.js';

/** A parsed labelSelector + fieldSelector pair, applied the same way by list and watch. */
export interface Predicate {
  /** True when neither selector restricts anything. */
  readonly empty: boolean;
  matches(obj: KubeObject | undefined): boolean;
}

function fieldGetter(def: ResourceDef, obj: KubeObject): (field: string) => string | undefined {
  const fields = def.strategy.selectableFields;
  return (field) => {
    if (field === 'metadata.name') return obj.metadata.name;
    if (field === 'metadata.namespace') return obj.metadata.namespace ?? '';
    return fields?.[field]?.(obj);
  };
}

/** Parses both selectors once (400 on bad syntax or an unsupported field) and returns the matcher. */
export function buildPredicate(def: ResourceDef, labelSelector?: string, fieldSelector?: string): Predicate {
  const labels: LabelRequirement[] = labelSelector ? parseLabelSelector(labelSelector) : [];
  let fields: FieldRequirement[] = fieldSelector ? parseFieldSelector(fieldSelector) : [];
  const selectable = def.strategy.selectableFields;
  const conversion = selectable
    ? { supported: new Set(['metadata.name', 'metadata.namespace', ...Object.keys(selectable)]) }
    : undefined;
  fields = convertFieldSelector(fields, conversion);
  const empty = labels.length === 0 && fields.length === 0;
  return {
    empty,
    matches(obj) {
      if (!obj) return false;
      if (empty) return true;
      if (labels.length > 0 && !matchesLabels(labels, obj.metadata.labels)) return false;
      return fields.length === 0 || matchesFields(fields, fieldGetter(def, obj));
    },
  };
}
