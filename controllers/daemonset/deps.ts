import type { EventRecorder } from '../runtime/events.js';
import type { ControllerContext } from '../runtime/context.js';
import type { Expectations } from '../runtime/expectations.js';
import type { Informer } from '../runtime/informer.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { Backoff } from './backoff.js';
import type { DaemonSet } from './types.js';

export interface DaemonSetControllerConfig {
  /** Creates and deletes per sync (upstream's BurstReplicas). */
  burstReplicas: number;
  /** Failed-pod backoff per DaemonSet and node: the first delay, doubled up to the maximum. */
  failedPodBackoffInitialMs: number;
  failedPodBackoffMaxMs: number;
}

export const DEFAULT_DAEMONSET_CONFIG: DaemonSetControllerConfig = {
  burstReplicas: 250,
  failedPodBackoffInitialMs: 1000,
  failedPodBackoffMaxMs: 15 * 60 * 1000,
};

interface PerResource<T> {
  daemonSets: T;
  pods: T;
  nodes: T;
  revisions: T;
}

/** What the sync steps share: caches to read, the store behind `ctx` to write, and the controller's own state. */
export interface SyncDeps {
  ctx: ControllerContext;
  config: DaemonSetControllerConfig;
  defs: PerResource<ResourceDef>;
  informers: PerResource<Informer>;
  expectations: Expectations;
  backoff: Backoff;
  recorder: EventRecorder;
  enqueueAfter(ds: DaemonSet, ms: number): void;
}
