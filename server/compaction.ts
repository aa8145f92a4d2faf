import type { Store } from './registry/store.js';

export interface CompactionConfig {
  /** How many of the newest log entries to keep: the reach of watch resumes and paginated lists. */
  eventWindow: number;
  intervalMs: number;
}

/** Trims the event log to its window; returns the entries removed. */
export function compactOnce(store: Store, eventWindow: number): number {
  const keepFrom = store.currentRv() - eventWindow;
  if (keepFrom <= store.log.compactedRv()) return 0;
  return store.write(() => store.log.compact(keepFrom));
}

/** Runs compaction on a timer; the returned function stops it. */
export function scheduleCompaction(store: Store, config: CompactionConfig): () => void {
  const timer = setInterval(() => compactOnce(store, config.eventWindow), config.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
