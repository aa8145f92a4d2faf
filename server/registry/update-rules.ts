import type { KubeObject } from '../../schemas/meta.js';
import { invalidObject } from '../errors.js';
import type { FieldError } from './field-errors.js';
import type { ResourceDef } from './resource.js';
import { validateObjectMetaUpdate } from './validation/object-meta.js';

/** Everything except metadata and status: what upstream compares to decide whether the spec changed. */
function specPart(obj: KubeObject): string {
  const { metadata: _m, status: _s, kind: _k, apiVersion: _a, ...rest } = obj;
  return JSON.stringify(rest);
}

export function assertValid(def: ResourceDef, obj: KubeObject, errors: FieldError[]): void {
  if (errors.length > 0) throw invalidObject(def.kind, def.group, obj.metadata.name ?? '', errors);
}

/**
 * A main-resource update, as upstream's BeforeUpdate and the kind's strategy shape it: system metadata kept from
 * the stored object, status kept for kinds with a status subresource, generation bumped on a spec change.
 */
export function prepareUpdate(def: ResourceDef, obj: KubeObject, old: KubeObject): KubeObject {
  const meta = obj.metadata;
  const oldMeta = old.metadata;
  meta.generation = oldMeta.generation;
  if (!meta.uid) meta.uid = oldMeta.uid;
  meta.creationTimestamp = oldMeta.creationTimestamp;
  if (oldMeta.deletionTimestamp) {
    meta.deletionTimestamp = oldMeta.deletionTimestamp;
    meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  if (def.subresources.includes('status')) {
    if (old.status === undefined) delete obj.status;
    else obj.status = structuredClone(old.status);
  }
  if (def.tracksGeneration && specPart(obj) !== specPart(old)) meta.generation = (oldMeta.generation ?? 0) + 1;
  def.strategy.prepareForUpdate?.(obj, old);
  assertValid(def, obj, [
    ...validateObjectMetaUpdate(meta, oldMeta),
    ...(def.strategy.validate?.(obj) ?? []),
    ...(def.strategy.validateUpdate?.(obj, old) ?? []),
  ]);
  return obj;
}

/** Status writes change only status: spec and the metadata upstream resets for status come from `old`. */
export function prepareStatusUpdate(def: ResourceDef, obj: KubeObject, old: KubeObject): KubeObject {
  const next = structuredClone(old);
  if (obj.status === undefined) delete next.status;
  else next.status = obj.status;
  def.strategy.prepareForStatusUpdate?.(next, old);
  assertValid(def, next, def.strategy.validateStatusUpdate?.(next, old) ?? []);
  return next;
}
