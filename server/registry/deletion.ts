import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../clock.js';
import { conflict, invalidObject } from '../errors.js';
import { invalid, notSupported, type FieldError } from './field-errors.js';
import type { DeleteOptions, PropagationPolicy } from './options.js';
import type { ResourceDef } from './resource.js';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
const POLICIES: PropagationPolicy[] = ['Foreground', 'Background', 'Orphan'];

export interface DeleteResult {
  object: KubeObject;
  /** True when the object is gone; false when it was only marked (finalizers or a grace period remain). */
  removed: boolean;
}

export type DeletionPlan =
  | { action: 'remove'; object: KubeObject }
  | { action: 'mark'; object: KubeObject }
  | { action: 'unchanged'; object: KubeObject };

export function validateDeleteOptions(options: DeleteOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (options.orphanDependents !== undefined && options.propagationPolicy !== undefined) {
    errors.push(invalid('propagationPolicy', options.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (options.propagationPolicy !== undefined && !POLICIES.includes(options.propagationPolicy)) {
    errors.push(notSupported('propagationPolicy', options.propagationPolicy, POLICIES));
  }
  if (options.gracePeriodSeconds !== undefined && !Number.isInteger(options.gracePeriodSeconds)) {
    errors.push(invalid('gracePeriodSeconds', options.gracePeriodSeconds, 'must be an integer'));
  }
  return errors;
}

function checkPreconditions(def: ResourceDef, obj: KubeObject, options: DeleteOptions): void {
  const pre = options.preconditions;
  const name = obj.metadata.name ?? '';
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw conflict(def, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw conflict(
      def,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
    );
  }
}

/**
 * The finalizers the garbage collector acts on, from the request's policy, the object's existing choice, or the
 * resource's default, in upstream's order of precedence.
 */
export function deletionFinalizers(def: ResourceDef, finalizers: string[], options: DeleteOptions): string[] {
  const has = (f: string) => finalizers.includes(f);
  let orphan: boolean;
  if (options.orphanDependents !== undefined) orphan = options.orphanDependents;
  else if (options.propagationPolicy !== undefined) orphan = options.propagationPolicy === 'Orphan';
  else orphan = has(ORPHAN_FINALIZER) || (!has(FOREGROUND_FINALIZER) && def.defaultPropagation === 'Orphan');
  const foreground =
    options.propagationPolicy === 'Foreground' ||
    (options.propagationPolicy === undefined && options.orphanDependents === undefined && has(FOREGROUND_FINALIZER));
  const rest = finalizers.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (orphan) return [...rest, ORPHAN_FINALIZER];
  if (foreground) return [...rest, FOREGROUND_FINALIZER];
  return rest;
}

/** Upstream's pod rule: an unscheduled or finished pod has nothing to stop, so it goes at once. */
function gracePeriod(def: ResourceDef, obj: KubeObject, options: DeleteOptions): number {
  if (!def.gracefulDeletion) return 0;
  const pod = obj as KubeObject & { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
  const requested = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  // A negative grace period means "as soon as possible", which upstream turns into 1 second.
  return requested < 0 ? 1 : requested;
}

/** What a DELETE does to `current`: remove it now, mark it (deletionTimestamp), or nothing new. */
export function planDeletion(def: ResourceDef, current: KubeObject, options: DeleteOptions, now: number): DeletionPlan {
  const errors = validateDeleteOptions(options);
  if (errors.length > 0) throw invalidObject('DeleteOptions', 'meta.k8s.io', '', errors);
  checkPreconditions(def, current, options);
  const object = structuredClone(current);
  const meta = object.metadata;
  const finalizers = deletionFinalizers(def, meta.finalizers ?? [], options);
  const grace = gracePeriod(def, current, options);
  const pendingGrace = meta.deletionGracePeriodSeconds;
  const finalizersChanged = JSON.stringify(finalizers) !== JSON.stringify(meta.finalizers ?? []);
  if (finalizers.length > 0) meta.finalizers = finalizers;
  else delete meta.finalizers;

  const lingers = def.strategy.beginDeletion?.(object) ?? false;
  if (!lingers && finalizers.length === 0 && (grace === 0 || (pendingGrace !== undefined && pendingGrace === 0))) {
    return { action: 'remove', object };
  }
  if (meta.deletionTimestamp) {
    // Already being deleted: only a shorter grace period or a new propagation choice changes anything.
    const shorter = pendingGrace !== undefined && grace < pendingGrace;
    if (shorter) {
      meta.deletionGracePeriodSeconds = grace;
      meta.deletionTimestamp = formatTime(now + grace * 1000);
    }
    if (!shorter && !finalizersChanged) return { action: 'unchanged', object: current };
    if (!lingers && finalizers.length === 0 && grace === 0) return { action: 'remove', object };
    return { action: 'mark', object };
  }
  meta.deletionTimestamp = formatTime(now + grace * 1000);
  meta.deletionGracePeriodSeconds = grace;
  if (meta.generation !== undefined && meta.generation > 0) meta.generation += 1;
  return { action: 'mark', object };
}
