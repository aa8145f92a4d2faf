import type { Clock } from '../../server/clock.js';

/** Upstream's ExpectationsTimeout: expectations older than this are considered met, so a lost event cannot wedge a controller. */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  adds: number;
  /** UIDs of pods whose deletion is expected (UIDTrackingControllerExpectations). */
  deletes: Set<string>;
  /** Deletions expected by count only. */
  deleteCount: number;
  timestamp: number;
}

/**
 * What a controller has asked the API for and not yet seen in its informers: it must not act on a key again until
 * its own creations and deletions are observed, or it would create duplicates from a stale cache.
 */
export class Expectations {
  private readonly entries = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  /** True when the controller may act on `key`: nothing pending, or the expectations have expired. */
  satisfied(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return true;
    if (e.adds <= 0 && e.deletes.size === 0 && e.deleteCount <= 0) return true;
    return this.clock.now() - e.timestamp > EXPECTATIONS_TTL_MS;
  }

  expect(key: string, adds: number, deleteUids: string[] = [], deleteCount = 0): void {
    this.entries.set(key, { adds, deletes: new Set(deleteUids), deleteCount, timestamp: this.clock.now() });
  }

  creationObserved(key: string): void {
    const e = this.entries.get(key);
    if (e) e.adds--;
  }

  /** A deletion seen (or a deletion call that failed and will not happen): `uid` when tracked by UID. */
  deletionObserved(key: string, uid?: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    if (uid !== undefined && e.deletes.delete(uid)) return;
    if (uid === undefined || e.deletes.size === 0) e.deleteCount--;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
