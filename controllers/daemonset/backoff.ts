interface Entry {
  delayMs: number;
  lastUpdate: number;
}

/**
 * client-go's flowcontrol.Backoff without jitter, as the DaemonSet controller uses it for failed pods: per key, the
 * delay starts at `initialMs` and doubles up to `maxMs`; a key untouched for twice `maxMs` starts over.
 */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly initialMs: number, private readonly maxMs: number) {}

  private expired(entry: Entry, now: number): boolean {
    return now - entry.lastUpdate > 2 * this.maxMs;
  }

  /** The current delay of `key` (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  /** Still waiting since the last `next`? */
  inBackoffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry, now)) return false;
    return now - entry.lastUpdate < entry.delayMs;
  }

  /** Records an attempt now: the first (or the first after a quiet spell) waits `initialMs`, each next one twice as long. */
  next(key: string, now: number): void {
    const entry = this.entries.get(key);
    const delayMs = !entry || this.expired(entry, now) ? this.initialMs : Math.min(entry.delayMs * 2, this.maxMs);
    this.entries.set(key, { delayMs, lastUpdate: now });
  }

  /** Forgets keys that have been quiet long enough to start over anyway, so the map stays bounded. */
  gc(now: number): void {
    for (const [key, entry] of this.entries) if (this.expired(entry, now)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
