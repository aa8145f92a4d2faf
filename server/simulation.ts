import { DEFAULT_CONTROLLERS_CONFIG, type ControllersConfig } from '../controllers/index.js';
import type { ResourceTable } from './registry/resource.js';
import type { Store } from './registry/store.js';

/** The knobs of the simulated cluster that a user sets from the command line. */
export interface SimulationOptions {
  /** Nodes created at start-up (`node-1` … `node-N`); existing ones are kept. */
  nodes?: number;
  /** Extra labels for those nodes. */
  nodeLabels?: Record<string, string>;
  /** Label selector of the nodes the simulated kubelet runs; every node when unset. */
  simulatedNodes?: string;
  /** How long a pod shows ContainerCreating before it runs. */
  podStartDelayMs?: number;
  /** Containers stop this long after a graceful DELETE instead of taking the whole grace period. */
  podTerminationDelayMs?: number;
  /** How long a node may miss heartbeats before it turns NotReady (upstream: 50 s). */
  nodeMonitorGracePeriodSeconds?: number;
  /** How long pods of a deleted node wait before pod GC removes them (upstream: 40 s). */
  podGCQuarantineSeconds?: number;
  staticPodDir?: string;
  staticPodNodes?: 'all' | string[];
}

export type ControllerOverrides = { [K in keyof ControllersConfig]?: Partial<ControllersConfig[K]> };

/** Defaults, then the simulation knobs, then per-controller overrides (for embedding tests). */
export function controllersConfig(kubeVersion: string, simulation: SimulationOptions = {}, overrides: ControllerOverrides = {}): ControllersConfig {
  const base = DEFAULT_CONTROLLERS_CONFIG;
  const ms = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1000);
  const defined = <T extends object>(value: T): Partial<T> =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  const config = { ...base } as ControllersConfig;
  for (const key of Object.keys(base) as Array<keyof ControllersConfig>) {
    (config as unknown as Record<string, unknown>)[key] = { ...base[key], ...overrides[key] };
  }
  config.kubelet = {
    ...config.kubelet,
    kubeletVersion: kubeVersion,
    ...defined({
      nodeSelector: simulation.simulatedNodes,
      startDelayMs: simulation.podStartDelayMs,
      terminationDelayMs: simulation.podTerminationDelayMs,
      staticPodDir: simulation.staticPodDir,
      staticPodNodes: simulation.staticPodNodes,
    }),
    ...overrides.kubelet,
  };
  config.nodeLifecycle = { ...config.nodeLifecycle, ...defined({ nodeMonitorGracePeriodMs: ms(simulation.nodeMonitorGracePeriodSeconds) }), ...overrides.nodeLifecycle };
  const quarantineTimeMs = ms(simulation.podGCQuarantineSeconds);
  // A quarantine shorter than the GC period would be invisible: check at least as often as the quarantine lasts.
  const gcCheckPeriodMs = quarantineTimeMs === undefined ? undefined : Math.max(100, Math.min(config.podGC.gcCheckPeriodMs, quarantineTimeMs));
  config.podGC = { ...config.podGC, ...defined({ quarantineTimeMs, gcCheckPeriodMs }), ...overrides.podGC };
  return config;
}

/** Creates the simulated nodes a user asked for with `--nodes`; the kubelet then brings them to Ready. */
export function ensureSimulatedNodes(store: Store, table: ResourceTable, count: number, labels: Record<string, string> = {}): void {
  const nodes = table.find('', 'v1', 'nodes')!;
  for (let i = 1; i <= count; i++) {
    const name = `node-${i}`;
    if (store.tryGet(nodes, '', name)) continue;
    store.create(nodes, '', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } } });
  }
}
