import { join } from 'node:path';
import { removeTempDir, tempDir } from './cleanup.js';
import { namespace, realisticPod } from './fixtures.js';
import { HttpClient } from './http-client.js';
import { runLoad, type LoadOptions, type LoadResult } from './load.js';
import type { Profile } from './profile.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface CrudResult {
  create: LoadResult[];
  get: LoadResult[];
  update: LoadResult[];
}

const NS = 'bench';
const PODS = `/api/v1/namespaces/${NS}/pods`;

/** Pod creates, each a fresh ~2.5 KiB pod in the bench namespace; `names` collects the names stored. */
export async function measureCreates(server: ServerProcess, client: HttpClient, load: LoadOptions, prefix: string, names: string[]): Promise<LoadResult> {
  let seq = 0;
  return runLoad({ ...load, serverPid: server.pid }, async () => {
    const index = seq++;
    const name = `${prefix}-${index}`;
    await client.expect(201, 'POST', PODS, realisticPod(name, NS, index));
    names.push(name);
  });
}

export async function createBenchNamespace(client: HttpClient): Promise<void> {
  await client.expect(201, 'POST', '/api/v1/namespaces', namespace(NS));
}

/**
 * Updates as a client-go Update does: each loop owns one pod, changes an annotation on the object it last read and
 * PUTs it with that object's resourceVersion, so every write passes the optimistic-concurrency check.
 */
async function measureUpdates(server: ServerProcess, client: HttpClient, profile: Profile, concurrency: number): Promise<LoadResult> {
  const latest: Record<string, unknown>[] = [];
  for (let loop = 0; loop < concurrency; loop++) {
    const name = `update-c${concurrency}-${loop}`;
    latest.push(JSON.parse(await client.expect(201, 'POST', PODS, realisticPod(name, NS, loop))) as Record<string, unknown>);
  }
  let seq = 0;
  return runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async (loop) => {
    const pod = latest[loop] as { metadata: { name: string; annotations: Record<string, string> } };
    pod.metadata.annotations['bench.mimikube.io/revision'] = String(seq++);
    latest[loop] = JSON.parse(await client.expect(200, 'PUT', `${PODS}/${pod.metadata.name}`, pod)) as Record<string, unknown>;
  });
}

export interface PodApi {
  create(concurrency: number): Promise<LoadResult>;
  get(concurrency: number): Promise<LoadResult>;
  update(concurrency: number): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** Scenario 2's server for single-pod writes and reads: a temp-file DB in default durability, no controllers. */
export async function startPodApi(profile: Profile): Promise<PodApi> {
  const dir = tempDir();
  const server = await startServerProcess(['--db', join(dir, 'api.db'), '--no-controllers']);
  const client = new HttpClient(server.url);
  const names: string[] = [];
  try {
    await createBenchNamespace(client);
  } catch (err) {
    client.close();
    await server.stop();
    removeTempDir(dir);
    throw err;
  }
  return {
    create: (concurrency) => measureCreates(server, client, { concurrency, ...profile.load }, `pod-c${concurrency}`, names),
    get: (concurrency) => {
      let next = 0;
      return runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async () => {
        await client.expect(200, 'GET', `${PODS}/${names[next++ % names.length]}`);
      });
    },
    update: (concurrency) => measureUpdates(server, client, profile, concurrency),
    async stop() {
      client.close();
      await server.stop();
      removeTempDir(dir);
    },
  };
}
