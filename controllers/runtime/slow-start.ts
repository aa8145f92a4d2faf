/** Upstream's SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1;

/**
 * Calls `fn` `count` times in batches of 1, 2, 4, 8 …, stopping after the first batch in which any call failed
 * (upstream's slowStartBatch): a controller facing a quota or an admission error makes a handful of calls, not
 * thousands. Returns how many calls succeeded and the first error.
 */
export function slowStartBatch(count: number, fn: (index: number) => void, initialBatch = SLOW_START_INITIAL_BATCH): { successes: number; error?: unknown } {
  let remaining = count;
  let successes = 0;
  let index = 0;
  for (let batch = Math.min(remaining, initialBatch); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: unknown;
    for (let i = 0; i < batch; i++) {
      try {
        fn(index++);
        successes++;
      } catch (err) {
        error ??= err;
      }
    }
    if (error !== undefined) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}
