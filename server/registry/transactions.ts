import type Database from 'better-sqlite3';

export interface TransactionHooks {
  /** The writes are durable: publish what they changed. */
  committed(): void;
  /** A whole batch failed to commit: forget what its writes changed in memory. */
  lost(): void;
}

/** A batch that more writes are on their way to waits for them: up to this many writes, for at most this long. */
const HOLD_MAX_WRITES = 8;
const HOLD_MAX_MS = 1;

/**
 * How the store's writes reach the disk. Without group commit each write is its own IMMEDIATE transaction. With it,
 * every write of one event-loop turn joins one open transaction (each in its own savepoint, so a failed write undoes
 * only itself) and the turn ends with a single COMMIT — one WAL append, or one fsync in full durability, for all of
 * them. Callers that acknowledge writes to clients wait for `settled()` first, so nothing is acknowledged before it
 * is durable. When `writesComing` says more writes are about to arrive (creates a validation worker is preparing),
 * a small batch stays open past the end of its turn for them, briefly: a commit costs about as much for eight
 * writes as for three.
 */
export class Transactions {
  private readonly single: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly statements;
  private batchOpen = false;
  private batchWrites = 0;
  private flushScheduled = false;
  private holdTimer: NodeJS.Timeout | undefined;
  private readOpen = false;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private failure: unknown;

  constructor(
    private readonly db: Database.Database,
    private readonly groupCommit: boolean,
    private readonly hooks: TransactionHooks,
    private readonly writesComing: () => boolean = () => false,
  ) {
    this.single = db.transaction((fn: () => unknown) => fn());
    this.statements = { begin: db.prepare('BEGIN'), commit: db.prepare('COMMIT') };
  }

  /**
   * Reads outside a write share one read transaction per event-loop turn. A statement outside any transaction
   * takes and drops SQLite's read lock (two system calls) and checks the log for new commits: close to half of what
   * reading one object costs. Nothing goes stale: a write ends the shared transaction first, and no other
   * connection writes.
   */
  beginRead(): void {
    if (this.batchOpen || this.readOpen) return;
    this.statements.begin.run();
    this.readOpen = true;
    setImmediate(() => this.endRead());
  }

  run<T>(fn: () => T): T {
    this.endRead();
    if (!this.groupCommit) {
      const result = this.single.immediate(fn) as T;
      this.hooks.committed();
      return result;
    }
    if (!this.batchOpen) {
      this.db.exec('BEGIN IMMEDIATE');
      this.batchOpen = true;
      this.batchWrites = 0;
    }
    this.batchWrites++;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.endOfTurn());
    }
    // Inside the open transaction better-sqlite3 runs this as a savepoint.
    return this.single(fn) as T;
  }

  /** A turn that wrote has ended: commit, unless the batch is small and more writes are about to join it. */
  private endOfTurn(): void {
    this.flushScheduled = false;
    if (!this.batchOpen) return;
    if (this.batchWrites < HOLD_MAX_WRITES && this.writesComing()) {
      this.holdTimer ??= setTimeout(() => this.flush(), HOLD_MAX_MS);
      return;
    }
    this.flush();
  }

  /** Writes are waiting for a commit (or a failed batch's error is waiting to be reported). */
  get pending(): boolean {
    return this.batchOpen || this.failure !== undefined;
  }

  /** Resolves once every write made so far is committed; rejects if their batch could not be. */
  settled(): Promise<void> {
    if (this.failure !== undefined) {
      const err = this.failure;
      this.failure = undefined;
      return Promise.reject(err);
    }
    if (!this.batchOpen) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Commits the open batch now (end of a turn, or shutdown). */
  flush(): void {
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.endRead();
    if (!this.batchOpen) return;
    this.batchOpen = false;
    const waiters = this.waiters;
    this.waiters = [];
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.hooks.lost();
      for (const w of waiters) w.reject(err);
      return;
    }
    this.hooks.committed();
    for (const w of waiters) w.resolve();
  }

  private endRead(): void {
    if (!this.readOpen) return;
    this.readOpen = false;
    // Closing the database (shutdown) has already ended it.
    if (this.db.open) this.statements.commit.run();
  }
}
