import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { ResourceDef } from '../registry/resource.js';
import type { PreparedCreate } from '../registry/prepared-create.js';
import type { PrecheckRequest, WorkerMessage } from './messages.js';

type Verdict = PreparedCreate | undefined;

/** Bodies waiting for a worker beyond this are checked on the request thread: a stuck worker never holds up creates. */
const MAX_PENDING = 1024;
/**
 * Nothing a worker allocates outlives its batch, so its heap is almost all young generation. At 4 MiB it scavenged
 * so often that collection took a fifth of its time; 16 MiB gave about 8% more creates per second at 16 clients
 * (paired runs) and no measurable change in resident memory; 32 MiB gained nothing more.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

export interface PrecheckCounts {
  /** Bodies a worker prepared: the request thread stored them as they came. */
  passed: number;
  /** Bodies a worker did not pass: the request thread checked them itself. */
  declined: number;
  /** Bodies no worker was ready for. */
  unavailable: number;
}

interface WorkerSlot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, (verdict: Verdict) => void>;
}

/** Where the compiled worker lives: beside this module in dist/, whether the server runs from dist/ or the bundle. */
export function precheckWorkerFile(): string {
  return join(packageRoot(), 'dist', 'server', 'precheck', 'worker.js');
}

/**
 * Validation workers for create bodies. Decoding, validating and preparing a pod is most of what a create costs on
 * the one request thread; workers do it on the machine's other cores and hand back the text to store. Until a
 * worker is ready, when one fails, or when too many bodies wait, the request thread does the work itself, as it
 * does without workers.
 */
export class CreatePrechecks {
  readonly counts: PrecheckCounts = { passed: 0, declined: 0, unavailable: 0 };
  private readonly slots: WorkerSlot[] = [];
  private queue: PrecheckRequest[] = [];
  private resolvers: Array<(verdict: Verdict) => void> = [];
  private nextId = 1;
  private pending = 0;
  private stopped = false;

  /** Bodies at a worker: each is about to become a write (or an error answer). */
  get inFlight(): number {
    return this.pending;
  }

  constructor(workers: number, file = precheckWorkerFile()) {
    if (!existsSync(file)) return;
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn(file));
  }

  /**
   * `text` prepared for storage, or undefined when it does not pass with nothing to report; no promise at all when
   * no worker can take it. Either way the request thread then decodes the body itself.
   */
  prepare(def: ResourceDef, namespace: string, text: string, nowMs: number): Promise<Verdict> | undefined {
    if (this.pending >= MAX_PENDING || !this.slots.some((slot) => slot.ready)) {
      this.counts.unavailable++;
      return undefined;
    }
    const id = this.nextId++;
    this.pending++;
    // Sent once the current callback's microtasks have run: the worker starts on a body while this thread is still
    // reading the next request, instead of waiting for the end of the turn.
    if (this.queue.length === 0) queueMicrotask(() => this.dispatch());
    this.queue.push({ id, apiVersion: def.apiVersion, kind: def.kind, namespace, text, nowMs });
    return new Promise((resolve) => this.resolvers.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    for (const slot of this.slots) this.fail(slot);
    this.dispatch();
  }

  private spawn(file: string): WorkerSlot {
    const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: WorkerSlot = { worker, ready: false, pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = !this.stopped;
        return;
      }
      this.settle(slot, message.id, message.prepared ?? undefined);
    });
    slot.worker.on('error', () => this.fail(slot));
    slot.worker.on('exit', () => this.fail(slot));
    return slot;
  }

  /** Shares the waiting bodies out among the ready workers, one message each. */
  private dispatch(): void {
    const batch = this.queue;
    const resolvers = this.resolvers;
    this.queue = [];
    this.resolvers = [];
    if (batch.length === 0) return;
    const ready = this.slots.filter((slot) => slot.ready);
    if (ready.length === 0) {
      this.pending -= batch.length;
      this.counts.declined += batch.length;
      for (const resolve of resolvers) resolve(undefined);
      return;
    }
    const shares: PrecheckRequest[][] = ready.map(() => []);
    batch.forEach((request, i) => {
      const slot = i % ready.length;
      ready[slot].pending.set(request.id, resolvers[i]);
      shares[slot].push(request);
    });
    ready.forEach((slot, i) => {
      if (shares[i].length > 0) slot.worker.postMessage(shares[i]);
    });
  }

  private settle(slot: WorkerSlot, id: number, verdict: Verdict): void {
    const resolve = slot.pending.get(id);
    if (!resolve) return;
    slot.pending.delete(id);
    this.pending--;
    if (verdict) this.counts.passed++;
    else this.counts.declined++;
    resolve(verdict);
  }

  /** A worker that failed or exited answers no more: what it still held is checked on the request thread. */
  private fail(slot: WorkerSlot): void {
    slot.ready = false;
    for (const id of [...slot.pending.keys()]) this.settle(slot, id, undefined);
  }
}
