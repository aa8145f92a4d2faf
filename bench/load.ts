import { cpuMeter, type CpuShares } from './cpu.js';
import { percentile, round } from './stats.js';

export interface LoadOptions {
  concurrency: number;
  /** Length of the measurement window. */
  seconds: number;
  /** Requests issued at most, warm-up included. */
  maxRequests: number;
  /** Unmeasured time first, so the server's JIT and caches are warm and every loop is busy when measurement starts. */
  warmupSeconds: number;
  /** The server's process id: CPU use during the window (server, generator, machine) tells what bounds a figure. */
  serverPid?: number;
}

export interface LoadResult extends Partial<CpuShares> {
  concurrency: number;
  /** Requests completed inside the measurement window. */
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  firstError?: string;
}

/** One request of a loop; `loop` identifies the loop (0…concurrency-1), so each can keep its own state. */
export type Operation = (loop: number) => Promise<void>;

/** A window must hold this many completions: slow requests (whole lists) extend it, up to MAX_STRETCH times. */
const MIN_COMPLETIONS = 10;
const MAX_STRETCH = 20;

/**
 * A closed-loop load generator: `concurrency` loops each issue a request as soon as their previous one is answered,
 * as autocannon and wrk do. The window opens after the warm-up and once every loop has had an answer (so queues are
 * in their steady state even when one request takes seconds). Throughput counts the requests completed inside the
 * window, whenever they started; requests in flight when it closes are awaited (so they do not spill into the next
 * measurement) but not counted.
 */
export async function runLoad(options: LoadOptions, op: Operation): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  let answered = 0;
  const warmupEnd = performance.now() + options.warmupSeconds * 1000;
  let start = Infinity;
  let end = Infinity;
  let hardEnd = Infinity;
  let meter: (() => CpuShares) | undefined;
  let cpuTimer: NodeJS.Timeout | undefined;
  const openWindow = (now: number) => {
    start = Math.max(now, warmupEnd);
    end = start + options.seconds * 1000;
    hardEnd = start + options.seconds * 1000 * MAX_STRETCH;
    const pid = options.serverPid;
    if (pid !== undefined) cpuTimer = setTimeout(() => (meter = cpuMeter(pid)), start - now);
  };
  const windowOpen = (now: number) => now < end || (latencies.length + errors < MIN_COMPLETIONS && now < hardEnd);
  const loop = async (index: number) => {
    let first = true;
    while (windowOpen(performance.now()) && issued < options.maxRequests) {
      issued++;
      const sent = performance.now();
      let failure: unknown;
      try {
        await op(index);
      } catch (err) {
        failure = err;
      }
      const done = performance.now();
      if (first) {
        first = false;
        if (++answered === options.concurrency) openWindow(done);
      }
      if (done < start || !windowOpen(done)) continue;
      if (done > end) end = done;
      if (failure === undefined) {
        latencies.push(done - sent);
      } else {
        errors++;
        firstError ??= failure instanceof Error ? failure.message : String(failure);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => loop(i)));
  clearTimeout(cpuTimer);
  const seconds = Number.isFinite(start) ? (end - start) / 1000 : 0;
  return {
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    seconds: round(seconds, 2),
    perSecond: seconds > 0 ? Math.round(latencies.length / seconds) : 0,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    ...meter?.(),
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** Runs fn(0…count-1) with `concurrency` in flight, failing if it has not finished by the deadline. */
export async function forEachConcurrent(count: number, concurrency: number, timeoutSeconds: number, fn: (index: number) => Promise<void>): Promise<void> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (performance.now() > deadline) throw new Error(`${next} of ${count} done after ${timeoutSeconds} s: giving up`);
      await fn(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
