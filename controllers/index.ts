import type { Controller } from './runtime/controller.js';
import type { ControllerContext } from './runtime/context.js';
import { DEFAULT_GARBAGE_COLLECTOR_CONFIG, type GarbageCollectorConfig } from './garbage-collector/config.js';
import { GarbageCollector } from './garbage-collector/controller.js';
import { DEFAULT_NAMESPACE_CONTROLLER_CONFIG, type NamespaceControllerConfig } from './namespace/config.js';
import { DaemonSetController, DEFAULT_DAEMONSET_CONFIG, type DaemonSetControllerConfig } from './daemonset/controller.js';
import { DEFAULT_KUBELET_CONFIG, type KubeletConfig } from './kubelet/config.js';
import { SimulatedKubelet } from './kubelet/kubelet.js';
import { NamespaceController } from './namespace/controller.js';
import { DEFAULT_NODE_LIFECYCLE_CONFIG, type NodeLifecycleConfig } from './node-lifecycle/config.js';
import { NodeLifecycleController } from './node-lifecycle/node-lifecycle-controller.js';
import { TaintEvictionController } from './node-lifecycle/taint-eviction-controller.js';
import { DEFAULT_POD_GC_CONFIG, type PodGCConfig } from './pod-gc/config.js';
import { PodGCController } from './pod-gc/pod-gc-controller.js';
import { DEFAULT_SCHEDULER_CONFIG, Scheduler, type SchedulerConfig } from './scheduler/scheduler.js';
import {
  DEFAULT_REPLICASET_CONFIG,
  DEFAULT_REPLICATION_CONTROLLER_CONFIG,
  ReplicaSetController,
  type ReplicaSetControllerConfig,
} from './replication/sync.js';

export interface ControllersConfig {
  garbageCollector: GarbageCollectorConfig;
  namespace: NamespaceControllerConfig;
  scheduler: SchedulerConfig;
  replicationController: ReplicaSetControllerConfig;
  replicaSet: ReplicaSetControllerConfig;
  nodeLifecycle: NodeLifecycleConfig;
  podGC: PodGCConfig;
  kubelet: KubeletConfig;
  daemonSet: DaemonSetControllerConfig;
}

export const DEFAULT_CONTROLLERS_CONFIG: ControllersConfig = {
  garbageCollector: DEFAULT_GARBAGE_COLLECTOR_CONFIG,
  namespace: DEFAULT_NAMESPACE_CONTROLLER_CONFIG,
  scheduler: DEFAULT_SCHEDULER_CONFIG,
  replicationController: DEFAULT_REPLICATION_CONTROLLER_CONFIG,
  replicaSet: DEFAULT_REPLICASET_CONFIG,
  nodeLifecycle: DEFAULT_NODE_LIFECYCLE_CONFIG,
  podGC: DEFAULT_POD_GC_CONFIG,
  kubelet: DEFAULT_KUBELET_CONFIG,
  daemonSet: DEFAULT_DAEMONSET_CONFIG,
};

export interface RunningControllers {
  controllers: Controller[];
  /** Resolves once the caches are filled and the controllers run. */
  ready: Promise<void>;
  stop(): void;
}

/**
 * Builds every controller on one shared set of informers (each controller registers the ones it needs), fills the
 * caches page by page without blocking the API, then starts the controllers' workers.
 */
export function startControllers(ctx: ControllerContext, config: ControllersConfig = DEFAULT_CONTROLLERS_CONFIG): RunningControllers {
  const controllers: Controller[] = [
    new GarbageCollector(ctx, config.garbageCollector),
    new NamespaceController(ctx, config.namespace),
    new Scheduler(ctx, config.scheduler),
    new ReplicaSetController(ctx, config.replicationController),
    new ReplicaSetController(ctx, config.replicaSet),
    new NodeLifecycleController(ctx, config.nodeLifecycle),
    new TaintEvictionController(ctx),
    new PodGCController(ctx, config.podGC),
    new SimulatedKubelet(ctx, config.kubelet),
    new DaemonSetController(ctx, config.daemonSet),
  ];
  let stopped = false;
  const ready = ctx.informers.startAllInPages().then(() => {
    if (!stopped) for (const controller of controllers) controller.run();
  });
  return {
    controllers,
    ready,
    stop() {
      stopped = true;
      for (const controller of controllers) controller.stop();
      ctx.informers.stopAll();
    },
  };
}
