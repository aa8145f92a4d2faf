import { join } from 'node:path';
import { namespace, node, realisticPod } from './fixtures.js';
import { HttpClient } from './http-client.js';
import { forEachConcurrent } from './load.js';
import type { Profile } from './profile.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface Dataset {
  dbPath: string;
  pods: number;
  nodes: number;
  /** Objects stored through the API per second while loading (pods and nodes, concurrency 32). */
  loadPerSecond: number;
}

const LOAD_CONCURRENCY = 32;

export function datasetNamespace(index: number): string {
  return `data-${index}`;
}

/**
 * The stored data set the list, start-up and memory figures are measured on: realistic pods spread over namespaces
 * (labels `app=svc-0…9`, a tenth each) and nodes, loaded through the API as any client would store them. The server
 * runs without controllers, so the nodes start no pods and nothing else writes. Returns with the server still up.
 */
export async function loadDataset(profile: Profile, dir: string): Promise<{ dataset: Dataset; server: ServerProcess }> {
  const dbPath = join(dir, 'dataset.db');
  const server = await startServerProcess(['--db', dbPath, '--no-controllers']);
  const client = new HttpClient(server.url, LOAD_CONCURRENCY);
  try {
    const { namespaces: count, podsPerNamespace, nodes } = profile.dataset;
    const namespaces = Array.from({ length: count }, (_, i) => datasetNamespace(i));
    for (const ns of namespaces) await client.expect(201, 'POST', '/api/v1/namespaces', namespace(ns));
    const pods = count * podsPerNamespace;
    const started = performance.now();
    // Round-robin over namespaces, as pods of many workloads arrive in a real cluster.
    await forEachConcurrent(pods, LOAD_CONCURRENCY, 600, async (i) => {
      const ns = namespaces[i % count];
      const index = Math.floor(i / count);
      await client.expect(201, 'POST', `/api/v1/namespaces/${ns}/pods`, realisticPod(`pod-${index}`, ns, index));
    });
    await forEachConcurrent(nodes, LOAD_CONCURRENCY, 300, async (i) => {
      await client.expect(201, 'POST', '/api/v1/nodes', node(`node-${i}`));
    });
    const loadPerSecond = Math.round((pods + nodes) / ((performance.now() - started) / 1000));
    return { dataset: { dbPath, pods, nodes, loadPerSecond }, server };
  } catch (err) {
    await server.stop();
    throw err;
  } finally {
    client.close();
  }
}
