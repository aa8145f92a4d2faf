import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../server/registry/deletion.js';
import type { PropagationPolicy } from '../../server/registry/options.js';

/**
 * What a live lookup says about one ownerReference (upstream's classifyReferences): `solid` exists and is not
 * waiting for its dependents, `dangling` is absent (404 or another uid under that name), `waiting` exists with a
 * deletionTimestamp and the foregroundDeletion finalizer.
 */
export type OwnerState = 'solid' | 'dangling' | 'waiting';

export interface ClassifiedRef {
  ref: OwnerReference;
  state: OwnerState;
}

export type DependentAction =
  | { action: 'none' }
  | { action: 'removeOwnerRefs'; uids: string[] }
  | { action: 'delete'; policy: PropagationPolicy; unblockFirst: boolean };

export interface DependentFacts {
  finalizers: string[];
  refs: ClassifiedRef[];
  /** The object owns something itself. */
  hasDependents: boolean;
  /** One of its own dependents is waiting for its dependents (a possible foreground cycle). */
  dependentIsDeletingDependents: boolean;
}

export function isBeingDeleted(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp != null;
}

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return (obj.metadata.finalizers ?? []).includes(finalizer);
}

export function isDeletingDependents(obj: KubeObject): boolean {
  return isBeingDeleted(obj) && hasFinalizer(obj, FOREGROUND_FINALIZER);
}

/** The state of a reference given the object (if any) a live GET found under its coordinates. */
export function ownerState(ref: OwnerReference, found: KubeObject | undefined): OwnerState {
  if (!found || found.metadata.uid !== ref.uid) return 'dangling';
  return isDeletingDependents(found) ? 'waiting' : 'solid';
}

/** An ownerless object goes with the policy its own finalizers already chose, else in the background. */
export function ownPropagationPolicy(finalizers: string[]): PropagationPolicy {
  if (finalizers.includes(ORPHAN_FINALIZER)) return 'Orphan';
  if (finalizers.includes(FOREGROUND_FINALIZER)) return 'Foreground';
  return 'Background';
}

/**
 * Upstream's attemptToDeleteItem for an object that is not itself being deleted: keep it while a solid owner
 * remains (dropping references to absent or foreground-waiting owners, which would otherwise block them forever),
 * delete it in the foreground when a waiting owner must wait for its own dependents too, else delete it.
 */
export function dependentAction(facts: DependentFacts): DependentAction {
  if (facts.refs.length === 0) return { action: 'none' };
  const solid = facts.refs.filter((r) => r.state === 'solid');
  const waiting = facts.refs.filter((r) => r.state === 'waiting');
  if (solid.length > 0) {
    const stale = facts.refs.filter((r) => r.state !== 'solid').map((r) => r.ref.uid);
    return stale.length === 0 ? { action: 'none' } : { action: 'removeOwnerRefs', uids: stale };
  }
  if (waiting.length > 0 && facts.hasDependents) {
    return { action: 'delete', policy: 'Foreground', unblockFirst: facts.dependentIsDeletingDependents };
  }
  return { action: 'delete', policy: ownPropagationPolicy(facts.finalizers), unblockFirst: false };
}

/** Dependents that hold a foreground deletion of `ownerUid`: their reference to it has blockOwnerDeletion=true. */
export function blocksOwner(ownerUid: string, owners: OwnerReference[]): boolean {
  return owners.some((ref) => ref.uid === ownerUid && ref.blockOwnerDeletion === true);
}

/** Every reference that blocked its owner stops blocking; the rest are left as they are. */
export function unblockOwnerReferences(refs: OwnerReference[]): OwnerReference[] {
  return refs.map((ref) => (ref.blockOwnerDeletion === true ? { ...ref, blockOwnerDeletion: false } : ref));
}

export interface ReferencesDiff {
  added: OwnerReference[];
  removed: OwnerReference[];
  changed: Array<{ before: OwnerReference; after: OwnerReference }>;
}

/** How an object's ownerReferences changed, matched by uid. */
export function referencesDiff(before: OwnerReference[], after: OwnerReference[]): ReferencesDiff {
  const old = new Map(before.map((ref) => [ref.uid, ref]));
  const diff: ReferencesDiff = { added: [], removed: [], changed: [] };
  for (const ref of after) {
    const prior = old.get(ref.uid);
    if (!prior) diff.added.push(ref);
    else if (JSON.stringify(prior) !== JSON.stringify(ref)) diff.changed.push({ before: prior, after: ref });
    old.delete(ref.uid);
  }
  diff.removed.push(...old.values());
  return diff;
}

/** Owners a reference change may have released: a blocking reference went away or stopped blocking. */
export function unblockedOwnerUids(diff: ReferencesDiff): string[] {
  const removed = diff.removed.filter((ref) => ref.blockOwnerDeletion === true).map((ref) => ref.uid);
  const changed = diff.changed
    .filter((c) => c.before.blockOwnerDeletion === true && c.after.blockOwnerDeletion !== true)
    .map((c) => c.after.uid);
  return [...removed, ...changed];
}

/** The object has just entered deletion with `finalizer` (it was not deleting with it before, or is new). */
export function deletionStartsWith(old: KubeObject | undefined, obj: KubeObject, finalizer: string): boolean {
  if (!isBeingDeleted(obj) || !hasFinalizer(obj, finalizer)) return false;
  return !old || !isBeingDeleted(old) || !hasFinalizer(old, finalizer);
}

export interface Coordinates {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/** A reference names an object by all four coordinates, not only by uid. */
export function coordinatesMatch(ref: OwnerReference, identity: Coordinates): boolean {
  return ref.uid === identity.uid && ref.name === identity.name && ref.kind === identity.kind && ref.apiVersion === identity.apiVersion;
}

/** Upstream's objectReference rendering, used in the OwnerRefInvalidNamespace event. */
export function formatOwnerRef(ref: OwnerReference, namespace: string): string {
  return `[${ref.apiVersion}/${ref.kind}, namespace: ${namespace}, name: ${ref.name}, uid: ${ref.uid}]`;
}
