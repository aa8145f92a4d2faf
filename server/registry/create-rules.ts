import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../clock.js';
import { generateName, newUid } from './object-names.js';
import type { ResourceDef } from './resource.js';
import { assertValid } from './update-rules.js';
import { validateObjectMeta } from './validation/object-meta.js';

/**
 * A create, as upstream's BeforeCreate and the kind's strategy shape it before validation: defaults, the system
 * metadata, a generated name, then the kind's own preparation. Returns whether the name was generated, so a
 * collision can draw another.
 */
export function prepareCreate(def: ResourceDef, obj: KubeObject, nowMs: number): boolean {
  const meta = obj.metadata;
  def.strategy.applyDefaults?.(obj);
  meta.uid = newUid();
  meta.creationTimestamp = formatTime(nowMs);
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (def.tracksGeneration) meta.generation = 1;
  else delete meta.generation;
  const generated = !meta.name && !!meta.generateName;
  if (generated) meta.name = generateName(meta.generateName!);
  def.strategy.prepareForCreate?.(obj);
  return generated;
}

/** The generic metadata rules, then the kind's own; a 422 Invalid naming every failing field. */
export function validateCreate(def: ResourceDef, obj: KubeObject): void {
  assertValid(def, obj, [
    ...validateObjectMeta(obj.metadata, { namespaced: def.namespaced, nameRule: def.strategy.nameRule ?? 'subdomain' }),
    ...(def.strategy.validate?.(obj) ?? []),
  ]);
}
