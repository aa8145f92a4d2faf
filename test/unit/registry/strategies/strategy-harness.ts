import type { KubeObject } from '../../../../schemas/meta.js';
import type { FieldError } from '../../../../server/registry/field-errors.js';
import type { Strategy } from '../../../../server/registry/strategy.js';

/**
 * Runs a strategy's hooks in the generic store's order, with the store's own generic steps reduced to what a
 * strategy can observe (status copied from the old object on update, metadata and spec kept on status writes).
 */

export interface Outcome {
  obj: KubeObject;
  errors: string[];
}

/** `field: body`, the way kubectl prints each cause. */
export function rendered(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${e.body}`);
}

export function runCreate(strategy: Strategy, input: KubeObject): Outcome {
  const obj = structuredClone(input);
  strategy.applyDefaults?.(obj);
  strategy.prepareForCreate?.(obj);
  return { obj, errors: rendered(strategy.validate?.(obj) ?? []) };
}

/** Creates `input`, failing loudly if it is invalid, to serve as the old object of an update. */
export function created(strategy: Strategy, input: KubeObject): KubeObject {
  const { obj, errors } = runCreate(strategy, input);
  if (errors.length > 0) throw new Error(`fixture is invalid: ${errors.join('; ')}`);
  return obj;
}

export function runUpdate(strategy: Strategy, old: KubeObject, input: KubeObject): Outcome {
  const obj = structuredClone(input);
  strategy.applyDefaults?.(obj);
  if (old.status === undefined) delete obj.status;
  else obj.status = structuredClone(old.status);
  strategy.prepareForUpdate?.(obj, old);
  const errs = [...(strategy.validate?.(obj) ?? []), ...(strategy.validateUpdate?.(obj, old) ?? [])];
  return { obj, errors: rendered(errs) };
}

export function runStatusUpdate(strategy: Strategy, old: KubeObject, status: unknown): Outcome {
  const obj = structuredClone(old);
  if (status === undefined) delete obj.status;
  else obj.status = structuredClone(status);
  strategy.prepareForStatusUpdate?.(obj, old);
  return { obj, errors: rendered(strategy.validateStatusUpdate?.(obj, old) ?? []) };
}
