import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { invalid, required, type FieldError } from '../field-errors.js';
import { validateNonnegative } from './workload-validation.js';

export interface ControllerRevisionObject extends KubeObject {
  data?: unknown;
  revision?: number;
}

/**
 * apps/v1 ControllerRevision: an immutable snapshot of a controller's template that DaemonSets and StatefulSets
 * roll back to. Upstream's strategy has no kind-specific preparation; everything is in validation.
 */
export const controllerRevisionStrategy = defineStrategy<ControllerRevisionObject>({
  // `revision` has no omitempty upstream, so a revision the client left out reads back as 0.
  applyDefaults(cr) {
    cr.revision ??= 0;
  },

  validate(cr) {
    const errs: FieldError[] = [];
    // A JSON null decodes to a nil RawExtension, exactly like an absent field.
    if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
    errs.push(...validateNonnegative(cr.revision, 'revision'));
    return errs;
  },

  // Only `data` is frozen; upstream lets `revision` change (the DaemonSet controller renumbers on rollback).
  validateUpdate(cr, old) {
    return isDeepStrictEqual(cr.data, old.data) ? [] : [invalid('data', cr.data ?? null, 'field is immutable')];
  },
});
