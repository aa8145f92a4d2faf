/**
 * Nodes missing from the cache wait out a quarantine before their pods count as orphans, since a node can vanish
 * briefly (re-registration, a relist). Shaped like upstream's delaying queue: a node keeps its earliest deadline,
 * and once due it is handed out exactly once.
 */
export class NodeQuarantine {
  private readonly waiting = new Map<string, number>();
  private readonly due = new Set<string>();

  constructor(private readonly delayMs: number) {}

  /** Starts (or keeps) the quarantine of each missing node. */
  watch(missing: Iterable<string>, now: number): void {
    this.promote(now);
    for (const name of missing) {
      if (!this.waiting.has(name)) this.waiting.set(name, now + this.delayMs);
    }
  }

  /** The nodes whose quarantine is over and that are still missing; every due node leaves the quarantine. */
  takeDeleted(now: number, exists: (name: string) => boolean): Set<string> {
    this.promote(now);
    const deleted = new Set<string>();
    for (const name of this.due) if (!exists(name)) deleted.add(name);
    this.due.clear();
    return deleted;
  }

  private promote(now: number): void {
    for (const [name, at] of this.waiting) {
      if (at > now) continue;
      this.waiting.delete(name);
      this.due.add(name);
    }
  }
}
