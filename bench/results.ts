import type { CrudResult } from './api-crud.js';
import type { ListsResult } from './api-lists.js';
import type { ScaleResult } from './controllers-scale.js';
import type { DurabilityResult } from './durability.js';
import type { ReferenceResult } from './reference.js';
import type { StartupResult } from './startup.js';
import type { FanoutResult } from './watch-fanout.js';

export interface FootprintResult {
  pods: number;
  nodes: number;
  /** Pods and nodes stored through the API per second while loading (concurrency 32, no controllers). */
  loadPerSecond: number;
  /** RSS of the server that stored them, idle for a few seconds afterwards. */
  rssAtRestMiB: number;
  dbMiB: number;
}

/** Every scenario's figures; a scenario that failed is absent (and its error is in `errors`). */
export interface SuiteResults {
  reference?: ReferenceResult;
  crud?: CrudResult;
  lists?: ListsResult;
  watchFanout?: FanoutResult;
  controllers?: ScaleResult[];
  footprint?: FootprintResult;
  startup?: StartupResult;
  durability?: DurabilityResult;
}
