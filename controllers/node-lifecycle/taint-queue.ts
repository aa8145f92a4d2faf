/** A token bucket holding one token (upstream's eviction burst), refilled at `qps`; qps ≤ 0 never grants. */
class TokenBucket {
  private tokens = 1;
  private last: number;

  constructor(private readonly qps: number, now: number) {
    this.last = now;
  }

  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface Waiting {
  processAt: number;
  /** Arrival order, which breaks ties between equal processAt times. */
  seq: number;
}

/** What tainting one queued node came to: done, or try again after `retryMs`. */
export type TaintAttempt = { done: true } | { done: false; retryMs: number };

/**
 * The per-zone queue of nodes waiting for a NoExecute taint (upstream's RateLimitedTimedQueue). A node stays a
 * member after it has been tainted, so it is not queued again until it is removed (when it is Ready again, or its
 * taint has gone missing); taints are applied no faster than the zone's rate allows.
 */
export class ZoneTaintQueue {
  private readonly waiting = new Map<string, Waiting>();
  private readonly members = new Set<string>();
  private limiter: TokenBucket;
  private seq = 0;

  constructor(qps: number, now: number) {
    this.limiter = new TokenBucket(qps, now);
  }

  /** Queues a node unless it is already a member; returns whether it was added. */
  add(name: string, now: number): boolean {
    if (this.members.has(name)) return false;
    this.members.add(name);
    this.waiting.set(name, { processAt: now, seq: this.seq++ });
    return true;
  }

  remove(name: string): void {
    this.members.delete(name);
    this.waiting.delete(name);
  }

  /** A new rate starts with a full bucket, as upstream's limiter swap does. */
  setRate(qps: number, now: number): void {
    this.limiter = new TokenBucket(qps, now);
  }

  /** Works through the due nodes, earliest first, while the rate allows. */
  process(now: number, taint: (name: string) => TaintAttempt): void {
    for (;;) {
      const head = this.head();
      if (!head) return;
      if (!this.limiter.tryAccept(now)) return;
      const [name, entry] = head;
      if (now < entry.processAt) return;
      const attempt = taint(name);
      if (attempt.done) this.waiting.delete(name);
      else entry.processAt = now + attempt.retryMs;
    }
  }

  private head(): [string, Waiting] | undefined {
    let best: [string, Waiting] | undefined;
    for (const item of this.waiting) {
      const [, entry] = item;
      if (!best || entry.processAt < best[1].processAt || (entry.processAt === best[1].processAt && entry.seq < best[1].seq)) best = item;
    }
    return best;
  }
}
