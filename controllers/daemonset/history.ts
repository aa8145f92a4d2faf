import { ApiError } from '../../server/errors.js';
import { newControllerRef } from '../runtime/controller-ref.js';
import { claimForDaemonSet, daemonPods, nodeToDaemonPods } from './daemon-pods.js';
import type { SyncDeps } from './deps.js';
import { computeHash } from './hash.js';
import { matchesRevision, maxRevision, revisionData, revisionsToPrune, revisionToKeep } from './revision.js';
import { REVISION_HASH_LABEL, type DaemonSet, type Revision } from './types.js';

/** The revisions this DaemonSet controls after adopting matching orphans and releasing the ones it no longer selects. */
function controlledHistories(deps: SyncDeps, ds: DaemonSet): Revision[] {
  return claimForDaemonSet(deps, ds, deps.informers.revisions.list(ds.metadata.namespace ?? ''), 'revisions') as Revision[];
}

function namespaceOf(ds: DaemonSet): string {
  return ds.metadata.namespace ?? '';
}

/** A revision made by someone else may lack the hash label; its name stands in, so a collision cannot mislabel it. */
function ensureHashLabel(deps: SyncDeps, ds: DaemonSet, revision: Revision): Revision {
  if (revision.metadata.labels?.[REVISION_HASH_LABEL] !== undefined) return revision;
  const updated = deps.ctx.store.guaranteedUpdate(deps.defs.revisions, namespaceOf(ds), revision.metadata.name!, (current) => {
    current.metadata.labels = { ...current.metadata.labels, [REVISION_HASH_LABEL]: current.metadata.name! };
    return current;
  });
  return (updated ?? revision) as Revision;
}

/**
 * snapshot: records the current template as `<ds>-<hash>`. A name already taken by the same data is ours already;
 * taken by other data it is a hash collision: status.collisionCount goes up (unless ours was stale) and the sync
 * fails, to be retried with the new hash.
 */
function snapshot(deps: SyncDeps, ds: DaemonSet, revision: number): Revision {
  const { store } = deps.ctx;
  const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const metadata: Revision['metadata'] = {
    name,
    namespace: namespaceOf(ds),
    labels: { ...ds.spec?.template?.metadata?.labels, [REVISION_HASH_LABEL]: hash },
    ownerReferences: [newControllerRef(ds)],
  };
  if (ds.metadata.annotations) metadata.annotations = { ...ds.metadata.annotations };
  try {
    return store.create(deps.defs.revisions, namespaceOf(ds), { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: revisionData(ds), revision }) as Revision;
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 409 && err.reason === 'AlreadyExists')) throw err;
    const existing = store.get(deps.defs.revisions, namespaceOf(ds), name) as Revision;
    if (matchesRevision(ds, existing)) return existing;
    bumpCollisionCount(deps, ds);
    throw err;
  }
}

function bumpCollisionCount(deps: SyncDeps, ds: DaemonSet): void {
  deps.ctx.store.guaranteedUpdate(deps.defs.daemonSets, namespaceOf(ds), ds.metadata.name!, (current) => {
    const fresh = current as DaemonSet;
    if (fresh.metadata.uid !== ds.metadata.uid) return undefined;
    const seen = ds.status?.collisionCount;
    if (fresh.status?.collisionCount !== seen) {
      throw new Error(`found a stale collision count (${seen ?? 'nil'}, expected ${fresh.status?.collisionCount ?? 'nil'}) of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated`);
    }
    fresh.status = { ...fresh.status, collisionCount: (seen ?? 0) + 1 };
    return fresh;
  }, { subresource: 'status' });
}

/** dedupCurHistories: one revision survives; pods labelled with the others' hashes are relabelled to it first. */
function dedupCurrent(deps: SyncDeps, ds: DaemonSet, current: Revision[]): Revision {
  if (current.length === 1) return current[0];
  const keep = revisionToKeep(current);
  const keepHash = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  for (const pod of daemonPods(deps, ds)) {
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === keepHash) continue;
    deps.ctx.store.patch(deps.defs.pods, namespaceOf(ds), pod.metadata.name!, 'merge', { metadata: { labels: { [REVISION_HASH_LABEL]: keepHash } } });
  }
  for (const r of current) {
    if (r.metadata.name !== keep.metadata.name) deps.ctx.store.delete(deps.defs.revisions, namespaceOf(ds), r.metadata.name!);
  }
  return keep;
}

/**
 * constructHistory: the current revision (found, deduplicated, or created) and the old ones. The current revision
 * is renumbered above every old one, which is how reverting a template (rollout undo) becomes the newest revision.
 */
export function constructHistory(deps: SyncDeps, ds: DaemonSet): { current: Revision; old: Revision[] } {
  const current: Revision[] = [];
  const old: Revision[] = [];
  for (const found of controlledHistories(deps, ds)) {
    const revision = ensureHashLabel(deps, ds, found);
    (matchesRevision(ds, revision) ? current : old).push(revision);
  }
  const next = maxRevision(old) + 1;
  if (current.length === 0) return { current: snapshot(deps, ds, next), old };
  const keep = dedupCurrent(deps, ds, current);
  if ((keep.revision ?? 0) < next) {
    deps.ctx.store.guaranteedUpdate(deps.defs.revisions, namespaceOf(ds), keep.metadata.name!, (r) => ({ ...r, revision: next }));
  }
  return { current: keep, old };
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit, except those a pod (even a finished one) still points at. */
export function cleanupHistory(deps: SyncDeps, ds: DaemonSet, old: Revision[]): void {
  const liveHashes = new Set<string>();
  for (const pods of nodeToDaemonPods(deps, ds, true).values()) {
    for (const pod of pods) {
      const hash = pod.metadata.labels?.[REVISION_HASH_LABEL];
      if (hash) liveHashes.add(hash);
    }
  }
  for (const r of revisionsToPrune(old, ds.spec?.revisionHistoryLimit ?? 10, liveHashes)) {
    deps.ctx.store.delete(deps.defs.revisions, namespaceOf(ds), r.metadata.name!);
  }
}
