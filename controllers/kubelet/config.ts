/** A node annotated with this set to "false" is left alone, as if a real kubelet ran it. */
export const SIMULATED_ANNOTATION = 'mimikube.io/simulated';
/** Set to "stopped" to simulate a dead kubelet: no Lease renewals, no status, no pod work until it is removed. */
export const HEARTBEAT_ANNOTATION = 'mimikube.io/heartbeat';
export const HEARTBEAT_STOPPED = 'stopped';

/** Where kubelets keep their heartbeat Leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export interface KubeletConfig {
  /** Label selector of the nodes to simulate; every node when unset. */
  nodeSelector?: string;
  /** Reported as nodeInfo.kubeletVersion: the server's own version. */
  kubeletVersion: string;
  /** How long a bound pod stays in ContainerCreating before it runs (0: Pending → Running in one write). */
  startDelayMs: number;
  /** Containers stop this long after the DELETE instead of using the whole grace period (never later than it). */
  terminationDelayMs?: number;
  leaseDurationSeconds: number;
  /** Upstream renews at a quarter of the lease duration. */
  renewIntervalMs: number;
  /** nodeStatusReportFrequency: how often an unchanged status is posted anyway (refreshing heartbeat times). */
  statusReportIntervalMs: number;
  /** Node InternalIPs come from here: the i-th node gets the (i+2)-th address, as on a kind network. */
  nodeIPRange: string;
  /** Cluster pod network carved into one block per node (node i gets 10.244.i.0/24 by default). */
  podNetwork: string;
  podCIDRMaskSize: number;
  /** Capacity given to nodes that do not report their own (per resource name). */
  capacity: Record<string, string>;
  /** Directory of static pod manifests (kubelet --pod-manifest-path); none when unset. */
  staticPodDir?: string;
  /** Which simulated nodes run the static pods. */
  staticPodNodes: 'all' | string[];
  /** fileCheckFrequency: the periodic rescan that backs up the directory watch. */
  staticPodRescanMs: number;
}

export const DEFAULT_KUBELET_CONFIG: KubeletConfig = {
  nodeSelector: undefined,
  kubeletVersion: 'v1.32.4',
  startDelayMs: 0,
  terminationDelayMs: undefined,
  leaseDurationSeconds: 40,
  renewIntervalMs: 10_000,
  statusReportIntervalMs: 300_000,
  nodeIPRange: '172.18.0.0/16',
  podNetwork: '10.244.0.0/16',
  podCIDRMaskSize: 24,
  capacity: {
    cpu: '4',
    'ephemeral-storage': '100Gi',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '8Gi',
    pods: '110',
  },
  staticPodDir: undefined,
  staticPodNodes: 'all',
  staticPodRescanMs: 20_000,
};
