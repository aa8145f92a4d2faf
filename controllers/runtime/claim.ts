import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';
import { controllerOf, newControllerRef } from './controller-ref.js';

export interface ClaimOptions {
  store: Store;
  /** The resource of the objects being claimed (pods, controllerrevisions). */
  def: ResourceDef;
  owner: KubeObject;
  /** Does the owner's selector match this object? */
  matches(obj: KubeObject): boolean;
  /** Re-checks, fresh from the store, that the owner still exists with the same uid and is not being deleted. */
  canAdopt(): boolean;
}

function ignoreGone(err: unknown): void {
  if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
}

/**
 * Upstream's ControllerRefManager.ClaimObjects: keeps what the owner controls and still selects, releases what it
 * controls but no longer selects, adopts matching orphans (unless the owner or the orphan is being deleted), and
 * leaves alone what another controller owns. Returns the objects the owner now controls.
 */
export function claimObjects(objects: KubeObject[], options: ClaimOptions): KubeObject[] {
  const { owner, store, def } = options;
  const ownerUid = owner.metadata.uid;
  const claimed: KubeObject[] = [];
  let adoptable: boolean | undefined;
  for (const obj of objects) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (options.matches(obj)) {
        claimed.push(obj);
      } else if (!owner.metadata.deletionTimestamp) {
        release(store, def, obj, ownerUid!);
      }
      continue;
    }
    if (owner.metadata.deletionTimestamp || obj.metadata.deletionTimestamp || !options.matches(obj)) continue;
    adoptable ??= options.canAdopt();
    if (!adoptable) continue;
    const adopted = adopt(store, def, obj, owner);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt(store: Store, def: ResourceDef, obj: KubeObject, owner: KubeObject): KubeObject | undefined {
  try {
    return store.guaranteedUpdate(def, obj.metadata.namespace ?? '', obj.metadata.name!, (current) => {
      if (current.metadata.uid !== obj.metadata.uid || controllerOf(current) || current.metadata.deletionTimestamp) return undefined;
      const refs = (current.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      current.metadata.ownerReferences = [...refs, newControllerRef(owner)];
      return current;
    });
  } catch (err) {
    ignoreGone(err);
    return undefined;
  }
}

function release(store: Store, def: ResourceDef, obj: KubeObject, ownerUid: string): void {
  try {
    store.guaranteedUpdate(def, obj.metadata.namespace ?? '', obj.metadata.name!, (current) => {
      if (current.metadata.uid !== obj.metadata.uid) return undefined;
      const refs = (current.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      if (refs.length === (current.metadata.ownerReferences ?? []).length) return undefined;
      if (refs.length > 0) current.metadata.ownerReferences = refs;
      else delete current.metadata.ownerReferences;
      return current;
    });
  } catch (err) {
    ignoreGone(err);
  }
}
