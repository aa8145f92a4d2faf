import { stableDump } from './hash.js';
import { REVISION_HASH_LABEL, type DaemonSet, type Revision } from './types.js';

/** A deep copy with every object's keys sorted, the order Go's encoding/json gives a map[string]interface{}. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortedKeys(v);
  }
  return out;
}

/**
 * getPatch: what a revision's `data` holds — a strategic merge patch that puts the DaemonSet's whole pod template
 * back (`$patch: replace`), which is exactly what `kubectl rollout undo` applies.
 */
export function revisionData(ds: DaemonSet): unknown {
  return sortedKeys({ spec: { template: { ...structuredClone(ds.spec?.template ?? {}), $patch: 'replace' } } });
}

/**
 * Match: a revision is the DaemonSet's current one when its data is the patch the DaemonSet would record now.
 * Upstream compares bytes that Go always writes with sorted keys; comparing sorted dumps is the same test, and also
 * holds for revisions a client wrote with its keys in another order.
 */
export function matchesRevision(ds: DaemonSet, revision: Revision): boolean {
  return stableDump(revision.data) === stableDump(revisionData(ds));
}

export function maxRevision(revisions: readonly Revision[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision ?? 0), 0);
}

/** dedupCurHistories keeps the equal revision with the highest number (the last one on a tie). */
export function revisionToKeep(current: readonly Revision[]): Revision {
  let keep = current[0];
  for (const r of current) if ((r.revision ?? 0) >= (keep.revision ?? 0)) keep = r;
  return keep;
}

/**
 * cleanupHistory: beyond revisionHistoryLimit, the oldest old revisions go first, but never one whose hash a pod
 * still carries (a pod of that revision must stay explainable and revertible).
 */
export function revisionsToPrune(old: readonly Revision[], limit: number, liveHashes: ReadonlySet<string>): Revision[] {
  let toKill = old.length - limit;
  if (toKill <= 0) return [];
  const out: Revision[] = [];
  for (const r of [...old].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))) {
    if (toKill <= 0) break;
    if (liveHashes.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '')) continue;
    out.push(r);
    toKill--;
  }
  return out;
}
