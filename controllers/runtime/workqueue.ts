import type { ControllerClock } from './clock.js';

export interface RateLimit {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Upstream's default controller rate limiter per item: 5 ms doubling to 1000 s. */
export const DEFAULT_RATE_LIMIT: RateLimit = { baseDelayMs: 5, maxDelayMs: 1000_000 };

/**
 * A work queue in the shape of client-go's: duplicate keys merge, a key is never processed twice at once (a key
 * added while it is processed runs again afterwards), failures retry with per-key exponential backoff, and
 * `addAfter` schedules time-based rechecks.
 */
export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, { at: number; cancel: () => void }>();
  private shuttingDown = false;
  private wake: (() => void) | undefined;

  /**
   * `coalesceMs` > 0 holds each newly added key that long before it becomes ready, so a burst of events about one
   * object (thousands of pods of one DaemonSet) costs one sync instead of one per event.
   */
  constructor(
    private readonly clock: ControllerClock,
    private readonly rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
    private readonly coalesceMs = 0,
  ) {}

  add(key: string): void {
    if (this.coalesceMs > 0) {
      if (!this.dirty.has(key)) this.addAfter(key, this.coalesceMs);
      return;
    }
    this.enqueue(key);
  }

  private enqueue(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.wake?.();
  }

  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.enqueue(key);
    const at = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.clock.setTimer(ms, () => {
      this.delayed.delete(key);
      this.enqueue(key);
    });
    this.delayed.set(key, { at, cancel });
  }

  /** Requeue after a failure, each consecutive failure of the key doubling the delay. */
  addRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.addAfter(key, Math.min(this.rateLimit.baseDelayMs * 2 ** failures, this.rateLimit.maxDelayMs));
  }

  /** The key succeeded: its backoff starts again from the base delay. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get length(): number {
    return this.queue.length;
  }

  /** The next key, or undefined when the queue is shut down. Call done(key) when finished with it. */
  async get(): Promise<string | undefined> {
    while (this.queue.length === 0) {
      if (this.shuttingDown) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    const key = this.queue.shift()!;
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  /** Takes a ready key without waiting, or undefined. */
  tryGet(): string | undefined {
    const key = this.queue.shift();
    if (key === undefined) return undefined;
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.wake?.();
    }
  }

  shutDown(): void {
    this.shuttingDown = true;
    for (const { cancel } of this.delayed.values()) cancel();
    this.delayed.clear();
    this.wake?.();
  }
}
