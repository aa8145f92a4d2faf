import type { FanoutOptions } from './watch-fanout.js';

/** Sizes and durations of every scenario: the full suite (under 15 min on 2 cores) or --quick (under 2 min). */
export interface Profile {
  quick: boolean;
  concurrencies: number[];
  /** A selector list scans a whole namespace; at concurrency 64 one takes many seconds, too long for --quick. */
  selectorConcurrencies: number[];
  /** Each throughput measurement: warm-up, then measured seconds, bounded in requests too. */
  load: { warmupSeconds: number; seconds: number; maxRequests: number };
  /** The stored data set for lists, start-up and memory: pods spread evenly over namespaces, plus nodes. */
  dataset: { namespaces: number; podsPerNamespace: number; nodes: number };
  watch: FanoutOptions;
  controllers: { nodeCounts: number[]; podGCQuarantineSeconds: number; timeoutSeconds: number };
  startup: { spawns: number };
  durability: { seconds: number };
}

export function profile(quick: boolean): Profile {
  const load = quick ? { warmupSeconds: 0.2, seconds: 1, maxRequests: 200_000 } : { warmupSeconds: 1, seconds: 8, maxRequests: 1_000_000 };
  return {
    quick,
    concurrencies: [1, 16, 64],
    selectorConcurrencies: quick ? [1, 16] : [1, 16, 64],
    load,
    dataset: quick ? { namespaces: 2, podsPerNamespace: 5_000, nodes: 500 } : { namespaces: 10, podsPerNamespace: 10_000, nodes: 5_000 },
    watch: quick
      ? { watchers: 200, namespaces: 10, writesPerSecond: 200, seconds: 3 }
      : { watchers: 1000, namespaces: 20, writesPerSecond: 500, seconds: 10 },
    controllers: {
      nodeCounts: quick ? [200] : [1_000, 5_000],
      podGCQuarantineSeconds: 1,
      timeoutSeconds: quick ? 30 : 120,
    },
    startup: { spawns: quick ? 3 : 5 },
    durability: { seconds: quick ? 1.5 : 6 },
  };
}
