import { join } from 'node:path';
import { removeTempDir, tempDir } from './cleanup.js';
import { daemonSet, namespace, node, replicationController } from './fixtures.js';
import { cpuMeter, type CpuShares } from './cpu.js';
import { HttpClient } from './http-client.js';
import { forEachConcurrent } from './load.js';
import type { Profile } from './profile.js';
import { startServerProcess } from './server-process.js';
import { round } from './stats.js';
import { secondsUntil } from './wait.js';

/** Seconds measured, or null when the state was not reached within the scenario's timeout. */
type Seconds = number | null;

export interface ScaleResult {
  nodes: number;
  /** Nodes created through the API (concurrency 32) until every one reports Ready. */
  nodesReadySeconds: Seconds;
  /** DaemonSet created → numberReady == desiredNumberScheduled == nodes. */
  daemonSetSeconds: Seconds;
  /** End to end (create, schedule, bind, Running and Ready): nodes / daemonSetSeconds. */
  daemonSetPodsPerSecond: number | null;
  /** Cores busy during the rollout: a server at 1.0 is bound by its one JS thread. */
  daemonSetCpu: CpuShares;
  /** DaemonSet pods listed Ready and bound once the status said so: the status is checked, not trusted. */
  daemonSetPodsListedReady: number;
  rcReplicas: number;
  rcReadySeconds: Seconds;
  nodeLoss: {
    removed: number;
    podGCQuarantineSeconds: number;
    /** First node DELETE sent → the DaemonSet's desired and ready both equal the remaining nodes. */
    daemonSetSeconds: Seconds;
    /** First node DELETE sent → every replica Ready again, all of them on remaining nodes. */
    rcSeconds: Seconds;
    /** The larger of the two: the cluster has recovered. */
    recoverySeconds: Seconds;
  };
}

interface PodLike {
  metadata: { deletionTimestamp?: string };
  spec: { nodeName?: string };
  status?: { conditions?: { type: string; status: string }[] };
}

const NS = 'bench';
const DS = `/apis/apps/v1/namespaces/${NS}/daemonsets/node-agent`;
const RC = `/api/v1/namespaces/${NS}/replicationcontrollers/web`;
/** Status polls are single small GETs: frequent enough that a sub-second rollout is timed to a few percent. */
const POLL_MS = 25;
const RC_REPLICAS = 500;

const isReady = (obj: PodLike) => obj.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const toSeconds = (value: number | undefined): Seconds => (value === undefined ? null : round(value, 2));

/**
 * Scenario 4 at one size: nodes join, a DaemonSet covers them, a ReplicationController runs beside it, then a tenth
 * of the nodes leave and the cluster is timed back to health. A fresh server with every controller and fast
 * simulation settings (pods stop at once, pod GC quarantine from the profile).
 */
export async function controllersAtScale(profile: Profile, nodes: number): Promise<ScaleResult> {
  const { podGCQuarantineSeconds, timeoutSeconds } = profile.controllers;
  const rcReplicas = RC_REPLICAS;
  const dir = tempDir();
  const server = await startServerProcess([
    '--db', join(dir, 'controllers.db'),
    '--pod-termination-delay', '0',
    '--pod-gc-quarantine', String(podGCQuarantineSeconds),
  ]);
  const client = new HttpClient(server.url, 32);
  const getJson = async <T>(path: string): Promise<T> => JSON.parse(await client.expect(200, 'GET', path)) as T;
  try {
    await client.expect(201, 'POST', '/api/v1/namespaces', namespace(NS));
    const names = Array.from({ length: nodes }, (_, i) => `node-${i}`);
    const joined = performance.now();
    await forEachConcurrent(nodes, 32, timeoutSeconds, (i) => client.expect(201, 'POST', '/api/v1/nodes', node(names[i])).then(() => undefined));
    // A list of every node is heavy at 5,000: polled twice a second, this figure is to ±0.5 s.
    const nodesReady = await secondsUntil(joined, timeoutSeconds, 500, async () => {
      const list = await getJson<{ items: PodLike[] }>('/api/v1/nodes');
      return list.items.filter(isReady).length === nodes;
    });

    const dsMeter = cpuMeter(server.pid);
    const dsCreated = performance.now();
    await client.expect(201, 'POST', `/apis/apps/v1/namespaces/${NS}/daemonsets`, daemonSet('node-agent', NS));
    const dsStatus = async () => (await getJson<{ status?: { desiredNumberScheduled?: number; numberReady?: number } }>(DS)).status ?? {};
    const dsReady = await secondsUntil(dsCreated, timeoutSeconds, POLL_MS, async () => {
      const s = await dsStatus();
      return s.desiredNumberScheduled === nodes && s.numberReady === nodes;
    });
    const dsCpu = dsMeter();
    const dsPods = (await getJson<{ items: PodLike[] }>(`/api/v1/namespaces/${NS}/pods?labelSelector=k8s-app%3Dnode-agent`)).items;
    const dsPodsReady = dsPods.filter((p) => isReady(p) && p.spec.nodeName).length;

    const rcCreated = performance.now();
    await client.expect(201, 'POST', `/api/v1/namespaces/${NS}/replicationcontrollers`, replicationController('web', NS, rcReplicas));
    const rcReady = await secondsUntil(rcCreated, timeoutSeconds, POLL_MS, async () => {
      const rc = await getJson<{ status?: { readyReplicas?: number } }>(RC);
      return rc.status?.readyReplicas === rcReplicas;
    });

    // Every tenth node leaves: the loss hits the RC's replicas wherever the scheduler spread them.
    const removed = new Set(names.filter((_, i) => i % 10 === 9));
    const remaining = nodes - removed.size;
    const gone = [...removed];
    const lossStarted = performance.now();
    const deletions = forEachConcurrent(gone.length, 16, timeoutSeconds, (i) => client.expect(200, 'DELETE', `/api/v1/nodes/${gone[i]}`).then(() => undefined));
    const [, dsRecovered, rcRecovered] = await Promise.all([
      deletions,
      secondsUntil(lossStarted, timeoutSeconds, POLL_MS, async () => {
        const s = await dsStatus();
        return s.desiredNumberScheduled === remaining && s.numberReady === remaining;
      }),
      // Listing the RC's pods is heavier than a status GET: polled less often so as not to slow the recovery timed.
      secondsUntil(lossStarted, timeoutSeconds, POLL_MS * 8, async () => {
        const rc = await getJson<{ status?: { readyReplicas?: number } }>(RC);
        if (rc.status?.readyReplicas !== rcReplicas) return false;
        const pods = (await getJson<{ items: PodLike[] }>(`/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb`)).items;
        const live = pods.filter((p) => !p.metadata.deletionTimestamp);
        return live.length === rcReplicas && live.every((p) => isReady(p) && !removed.has(p.spec.nodeName ?? ''));
      }),
    ]);
    const recovery = dsRecovered === undefined || rcRecovered === undefined ? undefined : Math.max(dsRecovered, rcRecovered);
    return {
      nodes,
      nodesReadySeconds: toSeconds(nodesReady),
      daemonSetSeconds: toSeconds(dsReady),
      daemonSetPodsPerSecond: dsReady === undefined ? null : Math.round(nodes / dsReady),
      daemonSetCpu: dsCpu,
      daemonSetPodsListedReady: dsPodsReady,
      rcReplicas,
      rcReadySeconds: toSeconds(rcReady),
      nodeLoss: {
        removed: removed.size,
        podGCQuarantineSeconds,
        daemonSetSeconds: toSeconds(dsRecovered),
        rcSeconds: toSeconds(rcRecovered),
        recoverySeconds: toSeconds(recovery),
      },
    };
  } finally {
    client.close();
    await server.stop();
    removeTempDir(dir);
  }
}
