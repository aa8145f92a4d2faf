import type { ControllerContext } from './context.js';
import { WorkQueue } from './workqueue.js';

/** Keys processed before the worker yields to I/O, so a busy controller never starves the API. */
const BATCH = 64;

/**
 * A level-triggered controller: handlers put keys on the queue, `sync(key)` reconciles one key from the caches and
 * acts through the store. A sync that throws is retried with backoff.
 */
export abstract class Controller {
  readonly queue: WorkQueue;
  private running = false;

  constructor(readonly name: string, protected readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, undefined, ctx.syncCoalesceMs);
  }

  protected abstract sync(key: string): void;

  /** Processes every key that is ready now (tests on a fake clock call this to run the controller to rest). */
  drain(): number {
    let n = 0;
    for (let key = this.queue.tryGet(); key !== undefined; key = this.queue.tryGet()) {
      this.process(key);
      n++;
    }
    return n;
  }

  run(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.queue.shutDown();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const key = await this.queue.get();
      if (key === undefined) return;
      this.process(key);
      for (let i = 1; i < BATCH; i++) {
        const next = this.queue.tryGet();
        if (next === undefined) break;
        this.process(next);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private process(key: string): void {
    try {
      this.sync(key);
      this.queue.forget(key);
    } catch (err) {
      this.ctx.log(`${this.name}: syncing ${key} failed (retrying): ${err instanceof Error ? err.message : String(err)}`);
      this.queue.addRateLimited(key);
    } finally {
      this.queue.done(key);
    }
  }
}
